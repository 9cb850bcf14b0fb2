// The compiled model: a validated scenario turned into index tables and precomputed candidates,
// so a turn is array arithmetic. Built once per scenario (memoised) and never part of the game state.
import type { Scenario } from './scenario/load';
import type { ActionData, ConditionInput, EffectData, ScenarioData, SourceData } from './scenario/schema';
import { dateTurn, turnDate } from './calendar';
import { DEFAULT_BANDS, type BandDef } from './ladder';
import { borderDistanceKm } from './geo';
import { BASE_CAUSES } from './ledger';

export type RangeValue = number | [number, number];

/** A piece of a feed template: literal text, or a slot to fill. */
export type TemplatePart = string | { slot: 'actor' | 'leader' | 'target' | 'value' };

/** Splits "{leader} threatens {target}" into literal text and slots, once, at compile time. */
export function splitTemplate(text: string): TemplatePart[] {
  const out: TemplatePart[] = [];
  let last = 0;
  for (const m of text.matchAll(/\{(actor|leader|target|value)\}/g)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push({ slot: m[1] as 'actor' | 'leader' | 'target' | 'value' });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** A resolved reference to an actor inside an action: a fixed actor, the acting actor, its target, or any. */
export type ActorRef = { fixed: number } | { self: true } | { target: true } | { any: true };

export type CEffect =
  | { kind: 'tension'; a: ActorRef; b: ActorRef; add?: RangeValue; mul?: RangeValue }
  | { kind: 'meter'; meter: number; of: ActorRef; add?: RangeValue; mul?: RangeValue }
  | { kind: 'force'; force: number; add?: RangeValue; mul?: RangeValue; moveTo?: number; active?: boolean }
  | { kind: 'reveal'; force: number; share: number }
  | { kind: 'aim'; a: ActorRef; b: ActorRef; of: ActorRef; add: RangeValue };

export type CCondition =
  | { kind: 'all'; list: CCondition[] }
  | { kind: 'any'; list: CCondition[] }
  | { kind: 'not'; c: CCondition }
  | { kind: 'overall'; lo: number; hi: number }
  | { kind: 'tension'; a: ActorRef; b: ActorRef; lo: number; hi: number }
  | { kind: 'meter'; meter: number; of: ActorRef; lo: number; hi: number }
  | { kind: 'force'; force: number; lo: number; hi: number; at: number; active?: boolean }
  | { kind: 'turn'; lo: number; hi: number }
  | { kind: 'fired'; event: number }
  | { kind: 'used'; action: number; by: number };

export interface CAction {
  index: number;
  data: ActionData;
  actors: number[];
  targets: number[];
  effects: CEffect[];
  requires?: CCondition;
  incident: boolean;
  /** topic index → alignment (−1 … 1). */
  topics: [number, number][];
}

/** A tension goal: utility weight × tension, or −|weight| × distance from an ideal (fixed, or drawn per game into state.ideals[slot]). */
export interface TensionGoal {
  /** −1: overall tension. */
  pair: number;
  weight: number;
  /** NaN: a linear goal. */
  ideal: number;
  /** ≥ 0: the ideal lives in state.ideals[slot] (a seeded draw where the file gives a range; moved by aim effects). */
  slot: number;
  range: [number, number] | undefined;
}

/** What a candidate does to one pair, for scoring. */
export interface Touch {
  pair: number;
  add: number;
  mul: number;
  /** The actor's tension goals on this pair. */
  goals: TensionGoal[];
  counts: boolean;
}

/** One option an actor may pick: an action aimed at a target (−1: none), with its expected effects. */
export interface Candidate {
  action: number;
  actor: number;
  target: number;
  /** Where its use is recorded in state.uses / state.lastUsed. */
  slot: number;
  /** The action's limit (Infinity: none), cooldown and requirement, copied here for the hot path. */
  limit: number;
  cooldown: number;
  requires: CCondition | undefined;
  /** Audience costs: per contradicted position, its commitment slot and the utility lost per unit of commitment. */
  audience: [number, number][];
  /** Expected tension change per pair from adds (Goldstein impact included). */
  tensionAdds: [number, number][];
  /** Expected multiplicative factor per pair. */
  tensionMuls: [number, number][];
  /** The same, flattened for scoring: per touched pair, its add, its factor and the actor's goals on it. */
  touches: Touch[];
  /** Expected meter change per meter slot (actor × meter) from adds. */
  meterAdds: [number, number][];
  meterMuls: [number, number][];
  /** Position and aggression bias plus the utility of the meter adds: fixed per candidate. */
  bias: number;
}

/** A compiled victory-point line: meter slot (actor × meter) or pair (−1 with meter −1: overall). */
export interface ScoreLine {
  label: string;
  meterSlot: number;
  pair: number;
  weight: number;
  pivot: number;
  /** NaN: linear in (value − pivot). */
  ideal: number;
  width: number;
}

export interface CEvent {
  index: number;
  turn: number; // −1: conditional only
  when?: CCondition;
  chance: number;
  actor: number;
  target: number;
  action: number;
  effects: CEffect[];
}

export interface COutcome {
  index: number;
  when?: CCondition;
  sustained: number;
  atLimit: boolean;
  blame: number; // pair index or −1
  /** Per actor: what the outcome means for it (null where it is not a role). */
  readings: (Reading | null)[];
}

export type Reading = 'win' | 'draw' | 'loss' | 'score';

export interface CDynamic {
  index: number;
  targetMeterSlot: number; // −1 if a tension
  targetPair: number;
  fromMeterSlot: number; // −1 unless a meter
  fromPair: number; // −1: overall (when fromMeterSlot is −1)
  rate: number;
  pivot: number;
  above: boolean;
}

export interface Model {
  scenario: Scenario;
  data: ScenarioData;
  nA: number;
  nM: number;
  nP: number;
  nF: number;
  nT: number;
  actorIds: string[];
  actorIndex: Map<string, number>;
  meterIds: string[];
  meterMin: number[];
  meterMax: number[];
  meterDrift: ({ toward: number; rate: number } | undefined)[];
  /** Which meters each actor has (for display). */
  actorMeters: number[][];
  placeIds: string[];
  placeIndex: Map<string, number>;
  placeCountry: number[];
  pairIds: string[];
  pairA: number[];
  pairB: number[];
  /** nA × nA → pair index, or −1. */
  pairOf: Int32Array;
  pairsOfActor: number[][];
  fear: number[];
  fatigue: number[];
  grievance: number[];
  counts: boolean[];
  forceIds: string[];
  forceOwner: number[];
  /** Ledger cause keys (kind/actor/ref) by cause number; the state's ledger stores the numbers. */
  causeNames: string[];
  /** Ledger causes of each force's threat, and of a host's share (host × force). */
  forceCause: number[];
  hostCause: number[];
  /** Ledger cause of each dynamic. */
  dynamicCause: number[];
  /** Ledger causes of actions (actor × action) taken deliberately, and as incidents; of each scripted event. */
  actCause: number[];
  incidentCause: number[];
  eventCause: number[];
  /** Feed templates split into literal text and {actor}/{leader}/{target}/{value} slots. */
  actionText: TemplatePart[][];
  eventText: TemplatePart[][];
  /** place × border → km. */
  placeBorderKm: number[][];
  /** Per place: the borders within rules.borderKm of it, with how near (1 at the border, 0 at the limit) and the country across. */
  placeFronts: { border: number; near: number; across: number }[][];
  borderA: number[];
  borderB: number[];
  topicIds: string[];
  /** actor × topic → stance. */
  stance: number[];
  /** actor × topic → the slot of state.commitment that tracks it, or −1 where the actor holds no position. */
  commitSlot: Int32Array;
  /** Per commitment slot: the actor × topic index it tracks. */
  commitOf: number[];
  actions: CAction[];
  actionIndex: Map<string, number>;
  /** actor × action → the slot of state.uses/lastUsed that records it, or −1 when it can never happen. */
  useSlot: Int32Array;
  nUseSlots: number;
  /** Per action: the use slots of every actor that may take it (for "used" conditions). */
  actionSlots: number[][];
  /** Per actor: its deliberate candidates (incidents excluded). */
  candidates: Candidate[][];
  /** Per pair: the incidents that can happen on it, as [action, actor, target]. */
  incidents: [number, number, number][][];
  events: CEvent[];
  /** Dated events by turn, in file order; and the undated (conditional) ones. */
  eventsByTurn: Map<number, number[]>;
  conditionalEvents: number[];
  outcomes: COutcome[];
  dynamics: CDynamic[];
  bands: BandDef[];
  warAt: number;
  secrecyMeter: number;
  audienceMeter: number;
  /** Per actor: its tension goals (pair −1: overall). */
  goalTension: TensionGoal[][];
  /** The starting ideal of each slot of state.ideals: a number, or a range drawn per game. */
  idealRanges: RangeValue[];
  /** The actor whose goal each slot of state.ideals is. */
  idealOwner: number[];
  /** actor × pair → the slot of state.ideals of that actor's goal on the pair, or −1 (what an aim effect moves). */
  aimSlot: Int32Array;
  /** Per actor: its victory-point lines (empty where it has no role score). */
  scoreTerms: ScoreLine[][];
  /** Per actor: the role's win and loss thresholds (NaN: no role score). */
  scoreWin: number[];
  scoreLoss: number[];
  /** Per actor: its traits, as flat arrays for the hot path. */
  tempo: number[];
  noise: number[];
  intel: number[];
  /** The actors whose force estimates anything reads (threat across a border, a player's view, observers), with intel > 0. */
  watchers: number[];
  /** Per actor: false (the humans of an observer game, shared so a step does not build it). */
  nobody: boolean[];
  /** The last turn of the source's record (meta.scriptUntil); Infinity when the file gives none. */
  scriptUntil: number;
  /** The date of each turn from 1 to the turn limit (index = turn). */
  dates: string[];
  /** Scratch space for one step's before/after comparisons; overwritten before every use, never state. */
  scratch: Float64Array;
  /** Per actor: (1 − risk tolerance) × rules.ai.riskWeight. */
  riskAversion: number[];
  /** Per actor: its overall-tension goals. */
  goalOverall: TensionGoal[][];
  /** Per actor: utility weight per meter slot (actor × meter). */
  goalMeter: Float64Array[];
  /** Sources by id, for the feed. */
  sources: Map<string, ScenarioData['meta']['sources'][number]>;
}

function mid(r: RangeValue | undefined): number {
  if (r === undefined) return 0;
  return Array.isArray(r) ? (r[0] + r[1]) / 2 : r;
}

class Compiler {
  constructor(readonly m: Model) {}

  actorRef(id: string): ActorRef {
    if (id === 'self') return { self: true };
    if (id === 'target') return { target: true };
    if (id === '*') return { any: true };
    return { fixed: this.m.actorIndex.get(id)! };
  }

  effect(e: EffectData): CEffect {
    if ('tension' in e) return { kind: 'tension', a: this.actorRef(e.tension[0]), b: this.actorRef(e.tension[1]), add: e.add, mul: e.mul };
    if ('meter' in e) return { kind: 'meter', meter: this.m.meterIds.indexOf(e.meter), of: this.actorRef(e.of), add: e.add, mul: e.mul };
    if ('force' in e) {
      return {
        kind: 'force',
        force: this.m.forceIds.indexOf(e.force),
        add: e.add,
        mul: e.mul,
        moveTo: e.moveTo === undefined ? undefined : this.m.placeIndex.get(e.moveTo),
        active: e.active,
      };
    }
    if ('aim' in e) return { kind: 'aim', a: this.actorRef(e.aim[0]), b: this.actorRef(e.aim[1]), of: this.actorRef(e.of), add: e.add };
    return { kind: 'reveal', force: e.reveal === 'all' ? -1 : this.m.forceIds.indexOf(e.reveal), share: e.share };
  }

  condition(c: ConditionInput): CCondition {
    const lo = 'atLeast' in c && c.atLeast !== undefined ? c.atLeast : -Infinity;
    const hi = 'atMost' in c && c.atMost !== undefined ? c.atMost : Infinity;
    if ('all' in c) return { kind: 'all', list: c.all.map((x) => this.condition(x)) };
    if ('any' in c) return { kind: 'any', list: c.any.map((x) => this.condition(x)) };
    if ('not' in c) return { kind: 'not', c: this.condition(c.not) };
    if ('tension' in c) {
      if (c.tension === 'overall') return { kind: 'overall', lo, hi };
      return { kind: 'tension', a: this.actorRef(c.tension[0]), b: this.actorRef(c.tension[1]), lo, hi };
    }
    if ('meter' in c) return { kind: 'meter', meter: this.m.meterIds.indexOf(c.meter), of: this.actorRef(c.of), lo, hi };
    if ('force' in c) return { kind: 'force', force: this.m.forceIds.indexOf(c.force), lo, hi, at: c.at === undefined ? -1 : this.m.placeIndex.get(c.at)!, active: c.active };
    if ('fired' in c) return { kind: 'fired', event: this.m.data.events.findIndex((e) => e.id === c.fired) };
    if ('used' in c) return { kind: 'used', action: this.m.actionIndex.get(c.used)!, by: c.by === undefined ? -1 : this.m.actorIndex.get(c.by)! };
    return { kind: 'turn', lo: c.turnAtLeast ?? -Infinity, hi: c.turnAtMost ?? Infinity };
  }

  candidate(act: CAction, actor: number, target: number): Candidate {
    const m = this.m;
    const rules = m.data.rules;
    const tensionAdds = new Map<number, number>();
    const tensionMuls: [number, number][] = [];
    const meterAdds = new Map<number, number>();
    const meterMuls: [number, number][] = [];
    const pub = act.data.visibility === 'public';
    if (pub && target >= 0) {
      const p = m.pairOf[actor * m.nA + target]!;
      if (p >= 0) tensionAdds.set(p, -act.data.goldstein * rules.goldsteinScale);
    }
    for (const e of act.effects) {
      if (e.kind === 'tension') {
        for (const p of resolvePairs(m, e.a, e.b, actor, target)) {
          if (e.add !== undefined) tensionAdds.set(p, (tensionAdds.get(p) ?? 0) + mid(e.add));
          if (e.mul !== undefined) tensionMuls.push([p, mid(e.mul)]);
        }
      } else if (e.kind === 'meter') {
        const who = 'fixed' in e.of ? e.of.fixed : 'target' in e.of ? target : actor;
        if (who < 0) continue;
        const slot = who * m.nM + e.meter;
        if (e.add !== undefined) meterAdds.set(slot, (meterAdds.get(slot) ?? 0) + mid(e.add));
        if (e.mul !== undefined) meterMuls.push([slot, mid(e.mul)]);
      }
    }
    const ai = rules.ai;
    const traits = m.data.actors[actor]!.traits;
    let bias = ai.aggressionWeight * (traits.aggression - 0.5) * 2 * (-act.data.goldstein / 10);
    for (const [t, al] of act.topics) bias += ai.positionWeight * m.stance[actor * m.nT + t]! * al;
    for (const [slot, v] of meterAdds) bias += m.goalMeter[actor]![slot]! * v;
    const touched = [...new Set([...tensionAdds.keys(), ...tensionMuls.map((x) => x[0])])].sort((a, b) => a - b);
    const touches: Touch[] = touched.map((p) => ({
      pair: p,
      add: tensionAdds.get(p) ?? 0,
      mul: tensionMuls.filter((x) => x[0] === p).reduce((f, x) => f * x[1], 1),
      goals: m.goalTension[actor]!.filter((g) => g.pair === p),
      counts: m.counts[p]!,
    }));
    const audience: [number, number][] = [];
    const ac = rules.audienceCost;
    if (ac && m.audienceMeter >= 0) {
      for (const [t, al] of act.topics) {
        const i = actor * m.nT + t;
        if (m.stance[i]! * al < 0) audience.push([m.commitSlot[i]!, m.goalMeter[actor]![actor * m.nM + m.audienceMeter]! * ac.perCommitment * Math.abs(al)]);
      }
    }
    return {
      action: act.index,
      actor,
      target,
      slot: -1,
      limit: act.data.limit ?? Infinity,
      cooldown: act.data.cooldown,
      requires: act.requires,
      audience,
      tensionAdds: [...tensionAdds],
      tensionMuls,
      touches,
      meterAdds: [...meterAdds],
      meterMuls,
      bias,
    };
  }
}

/** The pair indices that (a, b) of an effect or condition resolves to, for an actor and its target. */
export function resolvePairs(m: Model, a: ActorRef, b: ActorRef, actor: number, target: number): number[] {
  const x = resolveActor(a, actor, target);
  const y = resolveActor(b, actor, target);
  if (x === -1 || y === -1) return [];
  if (x === -2 && y === -2) return m.pairIds.map((_, i) => i);
  if (x === -2) return m.pairsOfActor[y]!;
  if (y === -2) return m.pairsOfActor[x]!;
  const p = m.pairOf[x * m.nA + y]!;
  return p >= 0 ? [p] : [];
}

/** The actor index an ActorRef names (−1: none, −2: any). */
export function resolveActor(r: ActorRef, actor: number, target: number): number {
  return 'fixed' in r ? r.fixed : 'self' in r ? actor : 'target' in r ? target : -2;
}

const cache = new WeakMap<Scenario, Model>();

/** The compiled model of a scenario (memoised per scenario object). */
export function compile(scenario: Scenario): Model {
  const hit = cache.get(scenario);
  if (hit) return hit;
  const model = build(scenario);
  cache.set(scenario, model);
  return model;
}

function build(scenario: Scenario): Model {
  const d = scenario.data;
  const nA = d.actors.length;
  const actorIds = d.actors.map((a) => a.id);
  const actorIndex = new Map(actorIds.map((id, i) => [id, i]));
  const meterIds = d.meters.map((x) => x.id);
  const placeIds = d.places.map((p) => p.id);
  const placeIndex = new Map(placeIds.map((id, i) => [id, i]));
  const pairA: number[] = [];
  const pairB: number[] = [];
  const pairOf = new Int32Array(nA * nA).fill(-1);
  const pairsOfActor: number[][] = actorIds.map(() => []);
  const def = d.rules.pairDefaults;
  d.pairs.forEach((p, i) => {
    const a = actorIndex.get(p.between[0])!;
    const b = actorIndex.get(p.between[1])!;
    pairA.push(a);
    pairB.push(b);
    pairOf[a * nA + b] = i;
    pairOf[b * nA + a] = i;
    pairsOfActor[a]!.push(i);
    pairsOfActor[b]!.push(i);
  });
  const topics = new Set<string>();
  for (const a of d.actors) for (const p of a.positions) topics.add(p.topic);
  for (const a of d.actions) for (const t of Object.keys(a.topics ?? {})) topics.add(t);
  const topicIds = [...topics].sort();
  const nT = topicIds.length;
  const stance = new Array<number>(nA * nT).fill(0);
  d.actors.forEach((a, i) => {
    for (const p of a.positions) {
      const t = topicIds.indexOf(p.topic);
      // Several positions on one topic: the strongest stated one stands.
      if (Math.abs(p.stance) > Math.abs(stance[i * nT + t]!)) stance[i * nT + t] = p.stance;
    }
  });

  const causeNames = BASE_CAUSES.slice();
  const cause = (key: string): number => causeNames.push(key) - 1;
  const m: Model = {
    scenario,
    data: d,
    nA,
    nM: meterIds.length,
    nP: d.pairs.length,
    nF: d.forces.length,
    nT,
    actorIds,
    actorIndex,
    meterIds,
    meterMin: d.meters.map((x) => x.min),
    meterMax: d.meters.map((x) => x.max),
    meterDrift: d.meters.map((x) => x.drift),
    actorMeters: d.actors.map((a) => Object.keys(a.meters).map((k) => meterIds.indexOf(k))),
    placeIds,
    placeIndex,
    placeCountry: d.places.map((p) => (p.country === undefined ? -1 : actorIndex.get(p.country)!)),
    pairIds: d.pairs.map((p) => p.id ?? `${p.between[0]}-${p.between[1]}`),
    pairA,
    pairB,
    pairOf,
    pairsOfActor,
    fear: d.pairs.map((p) => p.fear ?? def.fear),
    fatigue: d.pairs.map((p) => p.fatigue ?? def.fatigue),
    grievance: d.pairs.map((p) => p.grievance ?? def.grievance),
    counts: d.pairs.map((p) => p.counts),
    forceIds: d.forces.map((f) => f.id),
    forceOwner: d.forces.map((f) => actorIndex.get(f.owner)!),
    causeNames,
    forceCause: d.forces.map((f) => cause(`force/${f.owner}/${f.id}`)),
    hostCause: actorIds.flatMap((a) => d.forces.map((f) => cause(`host/${a}/${f.id}`))),
    dynamicCause: d.dynamics.map((x) => cause(`dyn/-/${x.id}`)),
    actCause: actorIds.flatMap((a) => d.actions.map((x) => cause(`act/${a}/${x.id}`))),
    incidentCause: actorIds.flatMap((a) => d.actions.map((x) => cause(`incident/${a}/${x.id}`))),
    eventCause: d.events.map((e) => cause(`event/${e.actor ?? '-'}/${e.id}`)),
    actionText: d.actions.map((x) => splitTemplate(x.text)),
    eventText: d.events.map((e) => splitTemplate(e.text)),
    placeBorderKm: d.places.map((p) => d.borders.map((b) => borderDistanceKm(p.lon, p.lat, b.line))),
    borderA: d.borders.map((b) => actorIndex.get(b.between[0])!),
    borderB: d.borders.map((b) => actorIndex.get(b.between[1])!),
    placeFronts: [],
    topicIds,
    stance,
    commitSlot: new Int32Array(nA * nT).fill(-1),
    commitOf: [],
    actions: [],
    actionIndex: new Map(d.actions.map((a, i) => [a.id, i])),
    useSlot: new Int32Array(nA * d.actions.length).fill(-1),
    nUseSlots: 0,
    actionSlots: d.actions.map(() => []),
    candidates: [],
    incidents: d.pairs.map(() => []),
    events: [],
    eventsByTurn: new Map(),
    conditionalEvents: [],
    outcomes: [],
    dynamics: [],
    bands: d.bands ?? DEFAULT_BANDS,
    warAt: d.rules.warAt,
    secrecyMeter: d.rules.fog.secrecyMeter === undefined ? -1 : meterIds.indexOf(d.rules.fog.secrecyMeter),
    audienceMeter: d.rules.audienceCost ? meterIds.indexOf(d.rules.audienceCost.meter) : -1,
    goalTension: [],
    idealRanges: [],
    idealOwner: [],
    aimSlot: new Int32Array(nA * d.pairs.length).fill(-1),
    scoreTerms: [],
    scoreWin: [],
    scoreLoss: [],
    goalMeter: [],
    riskAversion: d.actors.map((a) => (1 - a.traits.riskTolerance) * d.rules.ai.riskWeight),
    tempo: d.actors.map((a) => a.traits.tempo),
    noise: d.actors.map((a) => a.traits.noise),
    intel: d.actors.map((a) => a.traits.intel),
    watchers: [],
    nobody: actorIds.map(() => false),
    scriptUntil: d.meta.scriptUntil ? dateTurn(d.meta.start, d.meta.scriptUntil) : Infinity,
    dates: Array.from({ length: Math.min(d.meta.turnLimit, 100_000) + 1 }, (_, t) => (t === 0 ? '' : turnDate(d.meta.start, t))),
    scratch: new Float64Array(d.pairs.length),
    goalOverall: [],
    sources: new Map(d.meta.sources.map((s) => [s.id, s])),
  };
  d.actors.forEach((a, i) => {
    const w = new Float64Array(nA * meterIds.length);
    const tg: TensionGoal[] = [];
    for (const g of a.goals) {
      if ('meter' in g) {
        const who = g.of === 'self' ? i : actorIndex.get(g.of)!;
        w[who * meterIds.length + meterIds.indexOf(g.meter)]! += g.weight;
      } else {
        const pair = g.tension === 'overall' ? -1 : pairOf[(g.tension[0] === 'self' ? i : actorIndex.get(g.tension[0])!) * nA + (g.tension[1] === 'self' ? i : actorIndex.get(g.tension[1])!)]!;
        if (g.tension === 'overall' || pair >= 0) {
          const range = Array.isArray(g.ideal) ? g.ideal : undefined;
          const slot = g.ideal !== undefined ? m.idealRanges.push(g.ideal) - 1 : -1;
          if (slot >= 0) m.idealOwner.push(i);
          if (slot >= 0 && pair >= 0) m.aimSlot[i * d.pairs.length + pair] = slot;
          tg.push({ pair, weight: g.weight, ideal: range ? (range[0] + range[1]) / 2 : ((g.ideal as number | undefined) ?? NaN), slot, range });
        }
      }
    }
    m.goalMeter.push(w);
    const sc = a.role?.score;
    m.scoreWin.push(sc ? sc.win : NaN);
    m.scoreLoss.push(sc ? sc.loss : NaN);
    m.scoreTerms.push(
      (sc?.terms ?? []).map((t) => {
        const of = t.of === 'self' ? i : actorIndex.get(t.of)!;
        const pair = t.tension === undefined || t.tension === 'overall' ? -1 : pairOf[(t.tension[0] === 'self' ? i : actorIndex.get(t.tension[0])!) * nA + (t.tension[1] === 'self' ? i : actorIndex.get(t.tension[1])!)]!;
        return { label: t.label, meterSlot: t.meter !== undefined ? of * meterIds.length + meterIds.indexOf(t.meter) : -1, pair, weight: t.weight, pivot: t.pivot, ideal: t.ideal ?? NaN, width: t.width };
      }),
    );
    m.goalTension.push(tg);
    m.goalOverall.push(tg.filter((g) => g.pair < 0));
  });
  stance.forEach((v, i) => {
    if (v !== 0) m.commitSlot[i] = m.commitOf.push(i) - 1;
  });
  const c = new Compiler(m);
  m.placeFronts = d.places.map((_, p) => {
    const host = m.placeCountry[p]!;
    const out: { border: number; near: number; across: number }[] = [];
    m.placeBorderKm[p]!.forEach((km, b) => {
      if (host < 0 || km >= d.rules.borderKm) return;
      const across = m.borderA[b] === host ? m.borderB[b]! : m.borderB[b] === host ? m.borderA[b]! : -1;
      if (across >= 0) out.push({ border: b, near: 1 - km / d.rules.borderKm, across });
    });
    return out;
  });
  const across = new Set(m.placeFronts.flat().map((f) => f.across));
  m.watchers = d.actors.map((a, i) => (a.traits.intel > 0 && (a.playable || a.kind === 'observer' || across.has(i)) ? i : -1)).filter((i) => i >= 0);
  m.actions = d.actions.map((a, i) => ({
    index: i,
    data: a,
    actors: a.actors.map((x) => actorIndex.get(x)!),
    targets: (a.targets ?? []).map((x) => actorIndex.get(x)!),
    effects: a.effects.map((e) => c.effect(e)),
    requires: a.requires ? c.condition(a.requires) : undefined,
    incident: a.kind === 'incident',
    topics: Object.entries(a.topics ?? {}).map(([t, al]) => [topicIds.indexOf(t), al] as [number, number]),
  }));
  m.candidates = actorIds.map((_, actor) => {
    const list: Candidate[] = [];
    for (const act of m.actions) {
      if (act.incident || !act.actors.includes(actor)) continue;
      if (act.targets.length === 0) list.push(c.candidate(act, actor, -1));
      for (const t of act.targets) if (t !== actor) list.push(c.candidate(act, actor, t));
    }
    return list;
  });
  for (const act of m.actions) {
    if (!act.incident) continue;
    for (const a of act.actors) {
      for (const t of act.targets) {
        const p = pairOf[a * nA + t]!;
        if (p >= 0 && a !== t) m.incidents[p]!.push([act.index, a, t]);
      }
    }
  }
  m.events = d.events.map((e, i) => ({
    index: i,
    turn: e.date === undefined ? -1 : dateTurn(d.meta.start, e.date),
    when: e.when ? c.condition(e.when) : undefined,
    chance: e.chance,
    actor: e.actor === undefined ? -1 : actorIndex.get(e.actor)!,
    target: e.target === undefined ? -1 : actorIndex.get(e.target)!,
    action: e.action === undefined ? -1 : m.actionIndex.get(e.action)!,
    effects: e.effects.map((x) => c.effect(x)),
  }));
  for (const e of m.events) {
    if (e.turn < 0) m.conditionalEvents.push(e.index);
    else m.eventsByTurn.set(e.turn, [...(m.eventsByTurn.get(e.turn) ?? []), e.index]);
  }
  // Record-of-use slots: only for (actor, action) combinations that can happen.
  const addSlot = (actor: number, action: number): number => {
    const k = actor * m.actions.length + action;
    if (m.useSlot[k]! < 0) {
      m.useSlot[k] = m.nUseSlots++;
      m.actionSlots[action]!.push(m.useSlot[k]!);
    }
    return m.useSlot[k]!;
  };
  for (const list of m.candidates) for (const c of list) c.slot = addSlot(c.actor, c.action);
  for (const list of m.incidents) for (const [action, actor] of list) addSlot(actor, action);
  for (const e of m.events) if (e.action >= 0 && e.actor >= 0) addSlot(e.actor, e.action);
  m.outcomes = d.outcomes.map((o, i) => ({
    index: i,
    when: o.when ? c.condition(o.when) : undefined,
    sustained: o.sustained,
    atLimit: o.atLimit,
    blame: o.blame ? pairOf[actorIndex.get(o.blame[0])! * nA + actorIndex.get(o.blame[1])!]! : -1,
    readings: actorIds.map((id) => (o.roles[id] as Reading | undefined) ?? null),
  }));
  m.dynamics = d.dynamics.map((x, i) => {
    const slot = (t: { meter: string; of: string }): number => actorIndex.get(t.of)! * m.nM + meterIds.indexOf(t.meter);
    const pair = (t: 'overall' | [string, string]): number => (t === 'overall' ? -1 : pairOf[actorIndex.get(t[0])! * nA + actorIndex.get(t[1])!]!);
    return {
      index: i,
      targetMeterSlot: 'meter' in x.target ? slot(x.target) : -1,
      targetPair: 'tension' in x.target ? pair(x.target.tension) : -1,
      fromMeterSlot: 'meter' in x.from ? slot(x.from) : -1,
      fromPair: 'tension' in x.from ? pair(x.from.tension) : -1,
      rate: x.rate,
      pivot: x.pivot,
      above: x.above,
    };
  });
  return m;
}

/** The source of an action or event, for the feed: the quote, or null when simulated. */
export function sourceOf(x: { source?: SourceData }): SourceData | null {
  return x.source ?? null;
}
