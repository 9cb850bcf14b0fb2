// The scenario file format as a zod schema: the single definition that validates files,
// types the model's input, and (through `npm run schema`) becomes the editor's JSON Schema.
// Every field carries a description; those descriptions are the reference a modder reads.
import { z } from 'zod';

export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'ids use lowercase letters, digits, "-" and "_", and start with a letter or digit')
  .max(64)
  .describe('An identifier: lowercase letters, digits, "-" and "_". Other fields refer to it.');

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD')
  .describe('A calendar date, YYYY-MM-DD.');

const Finite = z.number().finite();
const Probability = Finite.min(0).max(1);

/** A number, or [low, high] where sources disagree: the model draws the true value from the seeded generator. */
export const Range = z
  .union([Finite, z.tuple([Finite, Finite])])
  .describe('A number, or [low, high] when sources disagree: the true value is a seeded draw between them.');

export const Source = z
  .strictObject({
    ref: Id.optional().describe('The id of an entry in meta.sources this comes from.'),
    quote: z.string().min(1).max(300).describe('A short quote (300 characters at most) that supports the data.'),
    date: IsoDate.optional().describe('When it was said or happened, if the source gives it.'),
    speaker: z.string().max(120).optional().describe('Who said it, when it is a statement.'),
    note: z.string().max(500).optional().describe("The modeller's note on how the quote became numbers."),
  })
  .describe('Where a piece of data comes from: a short quote from a source listed in meta.sources.');

const Bounds = {
  atLeast: Finite.optional().describe('True when the value is at least this.'),
  atMost: Finite.optional().describe('True when the value is at most this.'),
};

/** Who a pair reference names: actor ids, or "self"/"target" inside an action, or "*" for every partner. */
const PairEnd = z.string().describe('An actor id; inside an action also "self" (the actor), "target" (its target) or "*" (every pair of the other end).');
export const PairSpec = z
  .tuple([PairEnd, PairEnd])
  .describe('Two actors whose mutual tension is meant, e.g. [russia, ukraine]; order does not matter.');

export type ConditionInput =
  | { all: ConditionInput[] }
  | { any: ConditionInput[] }
  | { not: ConditionInput }
  | { tension: 'overall' | [string, string]; atLeast?: number; atMost?: number }
  | { meter: string; of: string; atLeast?: number; atMost?: number }
  | { force: string; atLeast?: number; atMost?: number; at?: string; active?: boolean }
  | { turnAtLeast?: number; turnAtMost?: number }
  | { fired: string }
  | { used: string; by?: string };

const SubCondition: z.ZodType<ConditionInput> = z.lazy(() => Condition);

export const Condition: z.ZodType<ConditionInput> = z
  .union([
    z.strictObject({ all: z.array(SubCondition).min(1).describe('True when every condition holds.') }),
    z.strictObject({ any: z.array(SubCondition).min(1).describe('True when any condition holds.') }),
    z.strictObject({ not: SubCondition.describe('True when this condition does not hold.') }),
    z.strictObject({
      tension: z.union([z.literal('overall'), PairSpec]).describe('"overall" (the hottest pair) or a pair of actors.'),
      ...Bounds,
    }),
    z.strictObject({
      meter: Id.describe('A meter id.'),
      of: z.string().describe('The actor whose meter is read (an actor id, or "self"/"target" inside an action).'),
      ...Bounds,
    }),
    z.strictObject({
      force: Id.describe("A force id; compares the force's true strength."),
      at: Id.optional().describe('True only when the force is at this place.'),
      active: z.boolean().optional().describe('True only when the force is (or is not) deployed.'),
      ...Bounds,
    }),
    z.strictObject({
      turnAtLeast: z.number().int().min(0).optional().describe('True from this turn on (turn 1 is the start date).'),
      turnAtMost: z.number().int().min(0).optional().describe('True up to this turn.'),
    }),
    z.strictObject({ fired: Id.describe('True once the scripted event with this id has fired.') }),
    z.strictObject({
      used: Id.describe('True once the action with this id has been taken.'),
      by: Id.optional().describe('Only when taken by this actor.'),
    }),
  ])
  .describe('A condition over the game state: tensions, meters, forces, turns, fired events and used actions, combined with all/any/not.');

const Change = {
  add: Range.optional().describe('Added to the value (a range is a seeded draw).'),
  mul: Range.optional().describe('Multiplies the value (a range is a seeded draw).'),
};

export const Effect = z
  .union([
    z.strictObject({
      tension: PairSpec.describe('The pair whose tension changes; "self", "target" and "*" work inside actions.'),
      ...Change,
    }),
    z.strictObject({
      meter: Id.describe('The meter that changes.'),
      of: z.string().default('self').describe('Whose meter: an actor id, "self" or "target". Default: self.'),
      ...Change,
    }),
    z.strictObject({
      force: Id.describe('The force that changes.'),
      ...Change,
      moveTo: Id.optional().describe('Moves the force to this place.'),
      active: z.boolean().optional().describe('Deploys (true) or withdraws (false) the force.'),
    }),
    z.strictObject({
      reveal: z
        .union([Id, z.literal('all')])
        .describe('Makes a force\'s true strength known: every actor\'s estimate moves most of the way to the truth.'),
      share: Probability.default(0.8).describe('How far estimates move toward the truth (0–1). Default 0.8.'),
    }),
    z.strictObject({
      aim: PairSpec.describe('The pair whose wanted tension changes: the ideal of that actor\'s goal on this pair (deterrence lowers an aggressor\'s aim; provocation raises it).'),
      of: z.string().describe('Whose goal: an actor id, "self" or "target". The actor needs a tension goal with an ideal on that pair.'),
      add: Range.describe('Points added to the ideal (clamped to 0–100).'),
    }),
  ])
  .describe('One change an action or event makes: to a tension, a meter, a force, what others know (reveal), or what an actor aims for (aim).');

/** Who sees a move: everyone, only its actor, or its actor and the actors named in `to`. */
export const Visibility = z
  .union([
    z.enum(['public', 'private']),
    z.strictObject({
      to: z
        .array(z.string())
        .min(1)
        .describe('The actors who see the move besides its actor: actor ids, or "target" for the action\'s target.'),
    }),
  ], { error: 'write public, private, or { to: [actor, …] } to name the actors who see it (e.g. { to: [russia] })' })
  .describe(
    'Who sees the move: public (everyone), private (only the actor), or { to: [actor, …] } (the actor and the actors named). Only a move its target sees moves the pair (actor, target) by its Goldstein weight.',
  );

const Topics = z
  .record(Id, Finite.min(-1).max(1))
  .describe('How the action lines up with stated positions: topic → −1 (against) … +1 (for).');

export const Action = z
  .strictObject({
    id: Id,
    name: z.string().min(1).max(80).describe('The short name shown on the action card.'),
    description: z.string().max(400).optional().describe('What the action is, shown on the card.'),
    actors: z.array(Id).min(1).describe('The actors who may take this action.'),
    kind: z
      .enum(['deployment', 'exercise', 'rhetoric', 'diplomacy', 'information', 'incident', 'domestic'])
      .describe('What sort of action. Incidents are not chosen: they happen, with odds that rise with tension.'),
    cameo: z.string().regex(/^\d{2,4}$/).optional().describe('The CAMEO event code the action is tagged with.'),
    goldstein: Finite.min(-10).max(10).describe('The Goldstein conflict–cooperation weight (−10 … +10) of the CAMEO code.'),
    targets: z
      .array(Id)
      .optional()
      .describe('The actors it may be aimed at; the actor (or the AI) picks one. Public actions move the pair (actor, target) by −goldstein × rules.goldsteinScale.'),
    visibility: Visibility.default('public'),
    cooldown: z.number().int().min(0).default(0).describe('Turns before the same actor may take it again.'),
    limit: z.number().int().min(1).optional().describe('How many times each actor may take it in a game.'),
    requires: Condition.optional().describe('When the action is available.'),
    from: IsoDate.optional().describe('The first day the action is available (inclusive; YYYY-MM-DD, inside the game).'),
    until: IsoDate.optional().describe('The last day the action is available (inclusive; YYYY-MM-DD, inside the game).'),
    effects: z.array(Effect).default([]).describe('What the action changes, besides its Goldstein impact.'),
    topics: Topics.optional(),
    text: z.string().min(1).max(300).describe('The feed line; {actor}, {target}, {leader} and {value} are filled in.'),
    source: Source.optional().describe('Where the action comes from; without one, the feed marks it "simulated".'),
  })
  .describe('An entry of the action catalogue.');

export const ScriptedEvent = z
  .strictObject({
    id: Id,
    date: IsoDate.optional().describe('The day it fires.'),
    when: Condition.optional().describe('With a date: it fires only if this holds that day. Without a date: it fires the first day this holds (between from and until, if given).'),
    from: IsoDate.optional().describe('For an event with a when and no date: the first day it may fire (inclusive).'),
    until: IsoDate.optional().describe('For an event with a when and no date: the last day it may fire (inclusive).'),
    chance: Probability.default(1).describe('The odds it happens when due (a seeded draw).'),
    plan: z.boolean().default(false).describe('A plan announced before the source was written: the model may still change it.'),
    actor: Id.optional().describe('Who acts in it (for the feed, the ledger and blame).'),
    action: Id.optional().describe("A catalogue action it performs (with its Goldstein impact and effects). The event ignores the action's requires, from and until, and starts no cooldown; it counts toward the action's limit, and once the actor has used the action up, the event happens without it."),
    target: Id.optional().describe("The action's target."),
    effects: z.array(Effect).default([]).describe('Further changes it makes.'),
    text: z.string().min(1).max(300).describe('The feed line.'),
    source: Source,
  })
  .describe('A scripted event from the timeline, dated or conditional, with its source.');

const Reading = z
  .enum(['win', 'draw', 'loss', 'score'])
  .describe('win, draw or loss; or score: the role\'s victory points decide (actors[].role.score).');

/** One line of a role's victory-point track: points each day from a meter or a tension. */
export const ScoreTerm = z
  .strictObject({
    label: z.string().min(1).max(80).describe('What the line is, as the score track shows it (e.g. "Legitimacy above 30").'),
    meter: Id.optional().describe('The meter it reads.'),
    of: z.string().default('self').describe('Whose meter (an actor id or "self").'),
    tension: z.union([z.literal('overall'), PairSpec]).optional().describe('Or the tension it reads: "overall" or a pair ("self" for the actor).'),
    weight: Finite.describe('Points per day per unit of (value − pivot), or of (width − |value − ideal|) when an ideal is given.'),
    pivot: Finite.default(0).describe('The value at which the line gives no points (without an ideal).'),
    ideal: Finite.optional().describe('A value to stay near: the line pays weight × (width − |value − ideal|) a day.'),
    width: Finite.min(0).default(10).describe('With an ideal: how far from it the line still pays.'),
  })
  .describe('A victory-point line: a meter or a tension, read each day.');

export const Outcome = z
  .strictObject({
    id: Id,
    name: z.string().min(1).max(60).describe('The outcome\'s name.'),
    description: z.string().max(400).describe('What happened, shown in the debrief.'),
    when: Condition.optional().describe('The end condition. Outcomes are checked in file order; the first that holds ends the game.'),
    sustained: z.number().int().min(1).default(1).describe('How many turns in a row the condition must hold.'),
    atLimit: z.boolean().default(false).describe('The outcome when the turn limit is reached and nothing else has ended the game.'),
    blame: PairSpec.optional().describe('The pair whose tension ledger says who pushed it there (the largest contributor is blamed).'),
    roles: z.record(Id, Reading).default({}).describe('What the outcome means for each playable actor: win, draw or loss, or score (its victory points decide).'),
  })
  .describe('An end condition and what it means for each role.');

/** An ISO 3166 alpha-3 country code, as the atlas (Natural Earth) keys its countries. */
export const CountryCode = z.string().regex(/^[A-Z]{3}$/, 'country codes are ISO 3166 alpha-3 codes, three capital letters (e.g. UKR)');

export const Actor = z
  .strictObject({
    id: Id,
    name: z.string().min(1).max(60).describe('The name shown in the game.'),
    leader: z.string().max(80).optional().describe('Who speaks for the actor.'),
    colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colours are written #rrggbb').describe('Its colour on the map, #rrggbb.'),
    capital: Id.optional().describe('The place its statements come from.'),
    kind: z.enum(['state', 'alliance', 'organisation', 'observer', 'society']).describe('What sort of actor it is.'),
    countries: z
      .array(CountryCode)
      .max(60)
      .optional()
      .describe("The countries that are this actor's territory, as ISO 3166 alpha-3 codes (e.g. [BLR]): the map tints them in its colour, and the land borders they share with another actor's countries measure \"km to the border\". A country belongs to one actor at most."),
    playable: z.boolean().default(false).describe('Whether a player can take this role.'),
    role: z
      .strictObject({
        goal: z.string().min(1).max(400).describe('The goal shown to a player in this role.'),
        score: z
          .strictObject({
            terms: z.array(ScoreTerm).min(1).describe('The lines of the track, summed each day.'),
            win: Finite.describe('Victory points at the end at or above which the role wins, where the outcome reads "score".'),
            loss: Finite.describe('Victory points at the end at or below which the role loses, where the outcome reads "score".'),
          })
          .optional()
          .describe("The role's victory points (as Twilight Struggle's VP track): what a player earns day by day, and what decides the result where an outcome leaves it to the score."),
      })
      .optional()
      .describe('For playable actors: what the player is trying to do.'),
    meters: z.record(Id, Finite).default({}).describe('The meters this actor has, with their starting values.'),
    traits: z
      .strictObject({
        riskTolerance: Probability.default(0.5).describe('0: backs away from the brink; 1: accepts the risk of war. (An actor whose goal for a pair is war, ideal ≥ rules.warAt, is not deterred on that pair.)'),
        aggression: Probability.default(0.5).describe('0: prefers cooperative moves; 1: prefers conflictual ones.'),
        noise: Finite.min(0).max(10).default(1).describe('How unpredictable its choices are (the temperature of its seeded choice).'),
        intel: Probability.default(0.5).describe('How well it watches others\' forces (0: not at all).'),
        tempo: Probability.default(0.6).describe('The odds it does anything on a given day.'),
      })
      .prefault({})
      .describe('How the AI plays this actor.'),
    goals: z
      .array(
        z.union([
          z.strictObject({
            meter: Id.describe('The meter the actor cares about.'),
            of: z.string().default('self').describe('Whose meter (an actor id or "self").'),
            weight: Finite.describe('Utility per point of the meter.'),
          }),
          z.strictObject({
            tension: z.union([z.literal('overall'), PairSpec]).describe('"overall" or a pair ("self" for the actor).'),
            weight: Finite.describe('Utility per point of tension (negative: wants it lower), or per point of distance from ideal.'),
            ideal: z
              .union([Finite.min(0).max(100), z.tuple([Finite.min(0).max(100), Finite.min(0).max(100)])])
              .optional()
              .describe('The tension it wants; the goal then scores −weight × |tension − ideal|. A [low, high] range makes the true intention a seeded draw that others cannot see.'),
          }),
        ]),
      )
      .default([])
      .describe('What the AI tries to raise or lower: weights over meters and tensions.'),
    positions: z
      .array(
        z.strictObject({
          topic: Id.describe('What the position is about; actions refer to it in their topics.'),
          stance: Finite.min(-1).max(1).describe('−1 against … +1 for. It biases choices and sets the audience cost of contradicting it.'),
          quote: z.string().min(1).max(300).describe('The stated position as the game shows it: one sentence, with the source\'s own words in quotation marks (the verbatim quote goes in source.quote).'),
          source: Source,
        }),
      )
      .default([])
      .describe('Stated positions, with their quotes.'),
  })
  .describe('One actor of the crisis.');

export const Meter = z
  .strictObject({
    id: Id,
    name: z.string().min(1).max(60).describe('The name shown in the game.'),
    description: z.string().max(300).optional().describe('What the meter measures.'),
    min: Finite.default(0).describe('The lowest value (default 0).'),
    max: Finite.default(100).describe('The highest value (default 100).'),
    initial: Finite.default(50).describe('The starting value where an actor does not give one.'),
    drift: z
      .strictObject({ toward: Finite.describe('The resting value.'), rate: Finite.min(0).max(1).describe('The share of the gap closed each turn.') })
      .optional()
      .describe('Each turn the meter moves this share of the way toward a resting value.'),
  })
  .describe('A per-actor quantity such as legitimacy or readiness.');

export const Pair = z
  .strictObject({
    id: Id.optional().describe('Defaults to the two actor ids joined by "-".'),
    between: z.tuple([Id, Id]).describe('The two actors.'),
    tension: Finite.min(0).max(100).describe('Tension at the start (0–100).'),
    fear: Finite.min(0).max(1).optional().describe("Richardson's a: how much tension feeds on itself each turn."),
    fatigue: Finite.min(0).max(1).optional().describe("Richardson's m: the share of tension that fades each turn."),
    grievance: Finite.min(-10).max(10).optional().describe("Richardson's g: tension added each turn by standing grievances."),
    counts: z.boolean().default(true).describe('Whether the pair counts toward overall tension.'),
    source: Source.optional(),
  })
  .describe('Two actors whose tension the model tracks, with Richardson dynamics x′ = x + a·x − m·x + g.');

export const Force = z
  .strictObject({
    id: Id,
    name: z.string().min(1).max(80).describe('The name shown in the game.'),
    owner: Id.describe('The actor it belongs to.'),
    symbol: z.string().regex(/^[0-9A-Za-z*-]{10,30}$/, 'symbols are APP-6 / MIL-STD-2525 symbol codes').describe('An APP-6 symbol code (letter SIDC or 20-digit number) for the unit symbol.'),
    strength: Range.describe('Personnel; a range where sources disagree (the true value is a seeded draw).'),
    location: Id.describe('The place it is at.'),
    origin: Id.optional().describe('Where it comes from, for the map\'s animation (e.g. a place at the map\'s east edge).'),
    active: z.boolean().default(true).describe('Deployed at the start (false: it arrives through an event or action).'),
    source: Source.optional(),
    assumption: z
      .string()
      .min(1)
      .max(400)
      .optional()
      .describe('For a unit the sources do not report: why the model includes it and where its numbers come from. The map marks it as an assumption.'),
  })
  .describe('A unit or group of units.');

export const Place = z
  .strictObject({
    id: Id,
    name: z.string().min(1).max(60).describe('The name shown on the map.'),
    lon: Finite.min(-180).max(180).describe('Longitude in degrees east.'),
    lat: Finite.min(-90).max(90).describe('Latitude in degrees north.'),
    country: Id.optional().describe('The actor whose territory it is.'),
    capital: z.boolean().default(false).describe('A capital, drawn with a star.'),
    kind: z.enum(['city', 'base', 'area', 'edge']).default('city').describe('"edge" marks an off-map origin.'),
    source: Source.optional(),
  })
  .describe('A place on the map.');

export const Border = z
  .strictObject({
    id: Id,
    name: z.string().min(1).max(80).describe('The name shown in the game.'),
    between: z.tuple([Id, Id]).describe('The two actors the border separates.'),
    line: z
      .array(z.tuple([Finite.min(-180).max(180), Finite.min(-90).max(90)]))
      .min(2)
      .optional()
      .describe("The border as [lon, lat] points, for a line that is not a land border (a coast, a front, a blockade line). Leave it out to take the atlas's land border between the two actors' countries."),
  })
  .describe('A border that matters for distances: forces near it raise the threat felt across it. A line drawn here takes precedence over the atlas for its pair.');

export const MapSection = z
  .strictObject({
    bounds: z
      .strictObject({
        west: Finite.min(-180).max(180).describe('Western edge, degrees east (greater than east for a region across the 180° meridian).'),
        east: Finite.min(-180).max(180).describe('Eastern edge, degrees east.'),
        south: Finite.min(-85).max(85).describe('Southern edge, degrees north.'),
        north: Finite.min(-85).max(85).describe('Northern edge, degrees north.'),
      })
      .optional()
      .describe('The region the map shows and the player may pan over. Default: every place (but edge places) and every force\'s place, with a margin.'),
    projection: z
      .enum(['conic', 'mercator', 'equirectangular'])
      .optional()
      .describe('How the globe is flattened. Default: conic (conformal) for a region centred more than 25° from the equator, mercator for one nearer the equator or across it.'),
    borders: z
      .enum(['atlas', 'listed'])
      .default('atlas')
      .describe('Where the borders for distances come from: atlas (every pair of actors whose countries share a land border, plus the borders listed) or listed (only the borders listed).'),
  })
  .describe("Where the map is and how it is drawn, and which borders count for distances. Optional: the map fits the scenario's places by itself.");

export const Band = z.strictObject({
  id: Id,
  name: z.string().min(1).max(40).describe('The band\'s name on the ladder.'),
  from: Finite.min(0).max(100).describe('The tension where the band starts.'),
  rungs: z.string().max(200).optional().describe("Kahn's rungs that the band stands for."),
});

export const Rules = z
  .strictObject({
    goldsteinScale: Finite.min(0).max(10).default(1).describe('Tension points per Goldstein point of a public action, on the pair (actor, target).'),
    pairDefaults: z
      .strictObject({
        fear: Finite.min(0).max(1).default(0.02).describe("Richardson's a (default 0.02)."),
        fatigue: Finite.min(0).max(1).default(0.05).describe("Richardson's m (default 0.05)."),
        grievance: Finite.min(-10).max(10).default(0).describe("Richardson's g (default 0)."),
      })
      .prefault({})
      .describe('Richardson parameters for pairs that do not set their own.'),
    borderKm: Finite.min(1).max(2000).default(120).describe('Forces closer than this to a border raise the threat felt across it.'),
    forceThreat: Finite.min(0).max(10).default(0.08).describe('Tension per turn per 1,000 troops (as the threatened side estimates them) right at the border.'),
    hostShare: Probability.default(0.5).describe('The share of that threat also charged to the host country of a foreign force.'),
    incidents: z
      .strictObject({
        base: Probability.default(0.002).describe('Daily odds of an incident on a pair at low tension.'),
        perPoint: Probability.default(0.0006).describe('Extra daily odds per point of tension above the pivot.'),
        pivot: Finite.min(0).max(100).default(30).describe('The tension above which the odds rise.'),
        nearBorder: Finite.min(0).max(10).default(1).describe('Multiplies the odds by 1 + this when the pair has forces near a shared border.'),
      })
      .prefault({})
      .describe('The odds of incidents, which rise with tension and proximity.'),
    fog: z
      .strictObject({
        noise: Finite.min(0).max(2).default(0.3).describe('Spread of a single observation of a force, as a share of its strength.'),
        learn: Probability.default(0.25).describe('How far an estimate moves toward a new observation each turn.'),
        secrecyMeter: Id.optional().describe("The host's meter that hides forces (e.g. information control)."),
        secrecyBias: Finite.min(0).max(5).default(0.6).describe('Secrecy makes others assume worse: estimates are inflated by this share at full secrecy.'),
      })
      .prefault({})
      .describe('What actors can see of forces.'),
    audienceCost: z
      .strictObject({
        meter: Id.describe('The meter that pays when an actor contradicts its stated positions (e.g. legitimacy).'),
        perCommitment: Finite.min(0).max(100).default(3).describe('Meter points lost per unit of commitment contradicted.'),
        growth: Finite.min(0).max(10).default(0.25).describe('Commitment gained each time an action follows a position: backing down costs more at each step.'),
      })
      .optional()
      .describe('Audience costs: rhetoric binds.'),
    ai: z
      .strictObject({
        positionWeight: Finite.min(0).max(100).default(1.5).describe('How strongly stated positions bias choices.'),
        aggressionWeight: Finite.min(0).max(100).default(1).describe('How strongly the aggression trait biases toward conflictual moves.'),
        riskWeight: Finite.min(0).max(100).default(2).describe('How strongly actors shy away from pushing a pair toward war.'),
        holdScore: Finite.min(-100).max(100).default(0).describe('The score of doing nothing.'),
      })
      .prefault({})
      .describe('How AI actors weigh their options.'),
    aimFade: Probability.default(0.05).describe('The share of every aim effect that wears off each turn: deterrence (or provocation) has to be kept up.'),
    warAt: Finite.min(1).max(100).default(85).describe('The tension where war begins (used for the AI\'s sense of risk).'),
    ledgerSize: z.number().int().min(4).max(64).default(10).describe('Causes kept per pair in the tension ledger; smaller ones merge into "earlier causes".'),
  })
  .describe('Model constants, with defaults.');

export const Dynamic = z
  .strictObject({
    id: Id,
    name: z.string().min(1).max(80).describe('The name shown when explaining tension.'),
    target: z
      .union([
        z.strictObject({ meter: Id.describe('The meter that changes.'), of: Id.describe('Whose meter.') }),
        z.strictObject({ tension: PairSpec.describe('The pair whose tension changes.') }),
      ])
      .describe('What changes each turn.'),
    from: z
      .union([
        z.strictObject({ meter: Id.describe('The meter that drives it.'), of: Id.describe('Whose meter.') }),
        z.strictObject({ tension: z.union([z.literal('overall'), PairSpec]).describe('"overall" or a pair.') }),
      ])
      .describe('What drives it.'),
    rate: Finite.min(-10).max(10).describe('Change per turn per point of the driver above the pivot.'),
    pivot: Finite.default(0).describe('The driver\'s value where the change is zero.'),
    above: z.boolean().default(false).describe('Only act when the driver is above the pivot.'),
    source: Source.optional(),
  })
  .describe('A standing coupling, e.g. the rally effect: legitimacy rises with the fear of war.');

export const Meta = z
  .strictObject({
    id: Id,
    title: z.string().min(1).max(80).describe('The title shown in the menu.'),
    summary: z.string().min(1).max(2000).describe('The briefing shown in the menu.'),
    start: IsoDate.describe('The date of turn 1.'),
    turnDays: z.literal(1).default(1).describe('Days per turn (one).'),
    turnLimit: z.number().int().min(1).max(100000).describe('The last turn; then the atLimit outcome applies.'),
    scriptUntil: IsoDate.optional().describe('The date the source was written: dated events after it are plans the model may change.'),
    sources: z
      .array(
        z.strictObject({
          id: Id,
          publication: z.string().min(1).max(120).describe('Where it was published.'),
          author: z.string().max(120).optional().describe('Who wrote it.'),
          title: z.string().max(200).optional().describe('Its title.'),
          date: IsoDate.optional().describe('When it was published (leave it out for an undated document).'),
          url: z.string().max(400).optional().describe('Where to read it (shown as text; the game never fetches it).'),
        }),
      )
      .min(1)
      .describe('The sources that quotes refer to.'),
    legend: z.string().max(1500).optional().describe('A fictional legend, e.g. the exercise\'s own scenario.'),
    featured: z
      .boolean()
      .optional()
      .describe('true: the menu opens on this scenario (else on the first that loads). A variant does not inherit it. Changes no game.'),
  })
  .describe('What the scenario is.');

/** The share of an outcome that a variant must move, against its base. */
const VariantTarget = z
  .strictObject({
    outcome: Id.describe('The outcome whose share of runs the variant moves (an outcome id, e.g. war).'),
    share: z.enum(['lower', 'higher']).describe('lower: the outcome ends fewer runs than in the base; higher: more.'),
  })
  .describe('What the variant must do to the odds, against the base.');

export const Calibration = z
  .strictObject({
    pair: z
      .tuple([Id, Id])
      .describe('The pair the study follows: its mean tension on the checkpoint dates, whether runs follow the record, and the ledger causes of its tension at the end.'),
    checkpoints: z
      .array(
        z.strictObject({
          date: IsoDate.describe('A day on which the report gives the pair\'s mean tension over runs.'),
          source: Source.optional().describe('What the source says happened that day.'),
        }),
      )
      .default([])
      .describe('Dates of the source\'s record, in order, on which the report gives the pair\'s mean tension (a run that has ended counts its last tension).'),
    record: z
      .strictObject({
        name: z.string().min(1).max(80).describe('What the record is, as the targets name it (e.g. "the article\'s record").'),
        rises: z
          .array(IsoDate)
          .min(1)
          .describe('A run follows the record when the pair\'s tension rises from the start to the first of these dates, and on to each next one, with the game not over before the last.'),
        above: Probability.optional().describe('Target: more than this share of runs follow the record (0.5: most runs).'),
        source: Source.optional().describe('Where the record comes from.'),
      })
      .optional()
      .describe('The escalation the source records, which most runs should follow up to the date the source was written.'),
    outcomes: z
      .strictObject({
        maxShare: Probability.optional().describe('Target: no outcome ends more than this share of runs (the base stays uncertain).'),
        everyReached: z.boolean().optional().describe('Target: every outcome ends at least one run.'),
        atLeast: z.number().int().min(1).optional().describe('Target: at least this many outcomes end some run.'),
      })
      .optional()
      .describe("Targets for the spread of this scenario's outcomes over the runs."),
    variants: z
      .array(
        z.strictObject({
          file: z
            .string()
            .min(1)
            .max(200)
            .regex(/^(\.\/)?[A-Za-z0-9_-][A-Za-z0-9._-]*\.(ya?ml|json)$/, "a variant file is a file in this file's folder, written ./name.yaml")
            .describe("A variant of this scenario in this file's folder (e.g. ./open-books.yaml); it must extend this scenario."),
          expect: VariantTarget.optional(),
          note: z.string().max(300).optional().describe('Why the variant should move the odds that way.'),
        }),
      )
      .default([])
      .describe('The variants studied beside this scenario, in the order the report lists them, with what each must do to the odds.'),
  })
  .describe('What `npm run calibrate` studies and the targets the odds must meet (docs/calibration.md). The game never reads it, a variant does not inherit it, and it does not count toward the scenario\'s hash.');

/** The linter's rules (`validate --lint`, scenario/lint.ts), in the order it reports them. */
export const LINT_RULES = ['early-public-move', 'duplicate-incident', 'unreachable-action', 'outcome-never-fires', 'losing-card', 'idle-actor'] as const;

/** One acknowledged warning of the linter. */
export const LintAllow = z
  .strictObject({
    rule: z.enum(LINT_RULES).describe('The rule whose warning this acknowledges.'),
    path: z.string().min(1).max(200).optional().describe('The path the warning names, as printed (e.g. actions[drone-incursion]); without it, every warning of the rule.'),
    reason: z.string().min(1).max(300).describe('Why the behaviour is meant; --lint prints it with the warning it acknowledges.'),
  })
  .describe('A warning of the linter that the scenario means, and why.');

export const Lint = z
  .strictObject({
    publicFrom: Id.optional().describe('The scripted event that makes the crisis public, when the linter\'s own rule picks the wrong one (docs/scenario-format.md, the linter).'),
    allow: z
      .array(LintAllow)
      .default([])
      .describe("Warnings of `validate --lint` whose behaviour is meant, each with the rule, the path and the reason. A variant's warnings are acknowledged by its own list and by its bases'."),
  })
  .describe('What `npm run -s validate -- --lint` should know about this scenario. The game never reads it, and it does not count toward the scenario\'s hash.');

export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path to the JSON Schema, for editors.'),
    meta: Meta,
    bands: z.array(Band).min(1).optional().describe("Named bands over tension (Kahn's ladder), in rising order. Default: routine, subcrisis, traditional crisis, intense crisis, war."),
    rules: Rules.prefault({}),
    places: z.array(Place).min(1).describe('The places on the map: capitals, cities, bases, off-map origins.'),
    borders: z.array(Border).default([]).describe('Borders that matter for distances.'),
    map: MapSection.optional(),
    actors: z.array(Actor).min(2).describe('Everyone who acts or is acted upon.'),
    meters: z.array(Meter).default([]).describe('Per-actor quantities (legitimacy, readiness …).'),
    pairs: z.array(Pair).min(1).describe('The tensions the model tracks, one per pair of actors.'),
    dynamics: z.array(Dynamic).default([]).describe('Standing couplings applied every turn.'),
    forces: z.array(Force).default([]).describe('Units on the map.'),
    actions: z.array(Action).min(1).describe('The action catalogue: every move an actor can make, and the incidents that can happen.'),
    events: z.array(ScriptedEvent).default([]).describe('The scripted timeline.'),
    outcomes: z.array(Outcome).min(1).describe('How the game can end, checked in this order.'),
    calibration: Calibration.optional(),
    lint: Lint.optional(),
  })
  .describe('A Brink scenario: a crisis described in data.');

/** The file form: either a full scenario, or a variant that names its base in `extends`. */
export const FileHeader = z.object({ extends: z.string().optional() });

export type ScenarioData = z.output<typeof ScenarioSchema>;
export type ActionData = z.output<typeof Action>;
export type EffectData = z.output<typeof Effect>;
export type EventData = z.output<typeof ScriptedEvent>;
export type OutcomeData = z.output<typeof Outcome>;
export type ActorData = z.output<typeof Actor>;
export type SourceData = z.output<typeof Source>;
export type RulesData = z.output<typeof Rules>;
export type DynamicData = z.output<typeof Dynamic>;
export type CalibrationData = z.output<typeof Calibration>;
export type LintData = z.output<typeof Lint>;
export type ConditionData = ConditionInput;
export type MapData = z.output<typeof MapSection>;
export type VisibilityData = z.output<typeof Visibility>;
