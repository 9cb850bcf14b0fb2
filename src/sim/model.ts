// The compiled model: a validated scenario turned into index tables and precomputed candidates,
// so a turn is array arithmetic. Built once per scenario (memoised) and never part of the game state.
import type { Scenario } from './scenario/load';
import type { ActionData, ConditionInput, EffectData, ScenarioData } from './scenario/schema';
import { dateTurn, turnDate } from './calendar';
import { DEFAULT_BANDS, type BandDef } from './ladder';
import { borderDistanceKm } from './geo';
import { BASE_CAUSES } from './ledger';
import { candidateTargets, compileAi, compileGoals, type AiTables, type Goals } from './ai-tables';
import { compileSeers, type Seers } from './visibility';
import { feedLines } from './feed';

import { actionSlot, meterSlot, pairIndex } from './slots';

export type { Candidate, TensionGoal, Touch } from './ai-tables';
export { actionLineSlot, actionSlot, aimIndex, forceSlot, meterSlot, pairIndex, topicSlot } from './slots';

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
  | { kind: 'turn'; lo: number; hi: number; /** A from/until window: its reasons are said in dates. */ dated?: boolean }
  | { kind: 'fired'; event: number }
  | { kind: 'used'; action: number; by: number; /** In an action's requires: holds only for an actor that saw the use. */ known?: boolean };

export interface CAction {
  index: number;
  data: ActionData;
  actors: number[];
  targets: number[];
  effects: CEffect[];
  /** Its requires, with its from/until window first. */
  requires?: CCondition;
  incident: boolean;
  /** Who sees it (its visibility). */
  seers: Seers;
  /** topic index → alignment (−1 … 1). */
  topics: [number, number][];
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
  /** Its when, with its from/until window first. */
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

/** The compiled model. The AI's goals and candidates (Goals, AiTables) are built by ai-tables.ts. */
export interface Model extends Goals, AiTables {
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
  /** Per pair, the list of it alone; and the list of every pair (what resolvePairs returns). */
  pairAlone: number[][];
  allPairs: number[];
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
  /** The same lines filled in once, where they show no {value} (feed.ts feedLines): actions by actionLineSlot, events by index. */
  actionLines: (string | undefined)[];
  eventLines: (string | undefined)[];
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
  /** Some action is not public: the state then tracks what each actor saw (state.unseenAims, state.seenUses). */
  secrets: boolean;
  /** actor × action → the slot of state.uses/lastUsed that records it, or −1 when it can never happen. */
  useSlot: Int32Array;
  nUseSlots: number;
  /** Per action: the use slots of every actor that may take it (for "used" conditions). */
  actionSlots: number[][];
  /** Per pair: the incidents that can happen on it, as [action, actor, target]. */
  incidents: [number, number, number][][];
  events: CEvent[];
  /** Dated events by turn, in file order; and the undated (conditional) ones. */
  eventsByTurn: Map<number, number[]>;
  conditionalEvents: number[];
  /** The events a turn checks, in file order: by turn where some are dated that day (its dated ones and the
   * conditional ones); conditionalEvents on every other turn. */
  eventChecks: Map<number, number[]>;
  outcomes: COutcome[];
  dynamics: CDynamic[];
  bands: BandDef[];
  warAt: number;
  secrecyMeter: number;
  audienceMeter: number;
  /** Per actor: its victory-point lines (empty where it has no role score). */
  scoreTerms: ScoreLine[][];
  /** Per actor: the role's win and loss thresholds (NaN: no role score). */
  scoreWin: number[];
  scoreLoss: number[];
  /** Per actor: how well it reads others' forces (traits.intel). */
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
  /** The same for the meters (actor × meter). */
  scratchMeters: Float64Array;
  /** Scratch for draws taken at once (Rng.fill): the fog's (force × watcher), an actor's choice (one per candidate and one to hold). */
  scratchDraws: Float64Array;
  /** Each meter slot's name in feed events: "actor/meter". */
  meterKeys: string[];
}

const NO_PAIRS: readonly number[] = [];

/** The pair indices that (a, b) of an effect or condition resolves to, for an actor and its target: one of
 * the model's own lists (read them, never change them), so that a turn allocates none. */
export function resolvePairs(m: Pick<Model, 'nA' | 'pairOf' | 'pairsOfActor' | 'pairAlone' | 'allPairs'>, a: ActorRef, b: ActorRef, actor: number, target: number): readonly number[] {
  const x = resolveActor(a, actor, target);
  const y = resolveActor(b, actor, target);
  if (x === -1 || y === -1) return NO_PAIRS;
  if (x === -2 && y === -2) return m.allPairs;
  if (x === -2) return m.pairsOfActor[y]!;
  if (y === -2) return m.pairsOfActor[x]!;
  const p = pairIndex(m, x, y);
  return p >= 0 ? m.pairAlone[p]! : NO_PAIRS;
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

/** Ids resolved to indices: what effects and conditions are compiled against. */
interface Names {
  actorIndex: Map<string, number>;
  meterIds: string[];
  forceIds: string[];
  placeIndex: Map<string, number>;
  actionIndex: Map<string, number>;
  eventIds: string[];
}

function actorRef(n: Names, id: string): ActorRef {
  if (id === 'self') return { self: true };
  if (id === 'target') return { target: true };
  if (id === '*') return { any: true };
  return { fixed: n.actorIndex.get(id)! };
}

function compileEffect(n: Names, e: EffectData): CEffect {
  if ('tension' in e) return { kind: 'tension', a: actorRef(n, e.tension[0]), b: actorRef(n, e.tension[1]), add: e.add, mul: e.mul };
  if ('meter' in e) return { kind: 'meter', meter: n.meterIds.indexOf(e.meter), of: actorRef(n, e.of), add: e.add, mul: e.mul };
  if ('force' in e) {
    return {
      kind: 'force',
      force: n.forceIds.indexOf(e.force),
      add: e.add,
      mul: e.mul,
      moveTo: e.moveTo === undefined ? undefined : n.placeIndex.get(e.moveTo),
      active: e.active,
    };
  }
  if ('aim' in e) return { kind: 'aim', a: actorRef(n, e.aim[0]), b: actorRef(n, e.aim[1]), of: actorRef(n, e.of), add: e.add };
  return { kind: 'reveal', force: e.reveal === 'all' ? -1 : n.forceIds.indexOf(e.reveal), share: e.share };
}

/** Compiles a condition; `known`: it is an action's requires, whose `used` reads what the actor saw. */
function compileCondition(n: Names, c: ConditionInput, known = false): CCondition {
  const lo = 'atLeast' in c && c.atLeast !== undefined ? c.atLeast : -Infinity;
  const hi = 'atMost' in c && c.atMost !== undefined ? c.atMost : Infinity;
  if ('all' in c) return { kind: 'all', list: c.all.map((x) => compileCondition(n, x, known)) };
  if ('any' in c) return { kind: 'any', list: c.any.map((x) => compileCondition(n, x, known)) };
  if ('not' in c) return { kind: 'not', c: compileCondition(n, c.not, known) };
  if ('tension' in c) {
    if (c.tension === 'overall') return { kind: 'overall', lo, hi };
    return { kind: 'tension', a: actorRef(n, c.tension[0]), b: actorRef(n, c.tension[1]), lo, hi };
  }
  if ('meter' in c) return { kind: 'meter', meter: n.meterIds.indexOf(c.meter), of: actorRef(n, c.of), lo, hi };
  if ('force' in c) return { kind: 'force', force: n.forceIds.indexOf(c.force), lo, hi, at: c.at === undefined ? -1 : n.placeIndex.get(c.at)!, active: c.active };
  if ('fired' in c) return { kind: 'fired', event: n.eventIds.indexOf(c.fired) };
  if ('used' in c) return { kind: 'used', action: n.actionIndex.get(c.used)!, by: c.by === undefined ? -1 : n.actorIndex.get(c.by)!, ...(known ? { known } : {}) };
  return { kind: 'turn', lo: c.turnAtLeast ?? -Infinity, hi: c.turnAtMost ?? Infinity };
}

/** An action's or event's from/until (inclusive dates) as a turn window, put before its own condition. */
function gated(start: string, span: { from?: string; until?: string }, c: CCondition | undefined): CCondition | undefined {
  if (span.from === undefined && span.until === undefined) return c;
  const turns: CCondition = { kind: 'turn', lo: span.from === undefined ? -Infinity : dateTurn(start, span.from), hi: span.until === undefined ? Infinity : dateTurn(start, span.until), dated: true };
  return c ? { kind: 'all', list: [turns, c] } : turns;
}

/** Slots of state.uses/lastUsed, only for the (actor, action) combinations that can happen: the
 * deliberate ones (actor-major), then incidents (pair by pair), then scripted events. The order is part
 * of the state's layout, so of every hash. */
function useSlots(d: ScenarioData, actions: CAction[], incidents: [number, number, number][][], events: CEvent[]) {
  const useSlot = new Int32Array(d.actors.length * actions.length).fill(-1);
  const actionSlots: number[][] = actions.map(() => []);
  let nUseSlots = 0;
  const add = (actor: number, action: number): void => {
    const k = actionSlot({ actions }, actor, action);
    if (useSlot[k]! >= 0) return;
    useSlot[k] = nUseSlots++;
    actionSlots[action]!.push(useSlot[k]!);
  };
  d.actors.forEach((_, actor) => {
    for (const act of actions) if (candidateTargets(act, actor).length > 0) add(actor, act.index);
  });
  for (const list of incidents) for (const [action, actor] of list) add(actor, action);
  for (const e of events) if (e.action >= 0 && e.actor >= 0) add(e.actor, e.action);
  return { useSlot, nUseSlots, actionSlots };
}

/**
 * Per place: the borders within rules.borderKm of it, how near, and the country across. One front per
 * actor across, at the nearest of their borders: a border in pieces (the atlas's, scenario/geography.ts)
 * or drawn twice presses once.
 */
function fronts(d: ScenarioData, placeCountry: number[], placeBorderKm: number[][], borderA: number[], borderB: number[]) {
  return d.places.map((_, p) => {
    const host = placeCountry[p]!;
    const out: { border: number; near: number; across: number }[] = [];
    placeBorderKm[p]!.forEach((km, b) => {
      if (host < 0 || km >= d.rules.borderKm) return;
      const across = borderA[b] === host ? borderB[b]! : borderB[b] === host ? borderA[b]! : -1;
      if (across < 0) return;
      const front = { border: b, near: 1 - km / d.rules.borderKm, across };
      const same = out.findIndex((f) => f.across === across);
      if (same < 0) out.push(front);
      else if (front.near > out[same]!.near) out[same] = front;
    });
    return out;
  });
}

/** Each actor's victory-point lines and its win and loss thresholds (NaN: no role score). */
function scoring(d: ScenarioData, actorIndex: Map<string, number>, meterIds: string[], pairOf: Int32Array) {
  const nA = d.actors.length;
  const of = (id: string, self: number): number => (id === 'self' ? self : actorIndex.get(id)!);
  return {
    scoreWin: d.actors.map((a) => a.role?.score?.win ?? NaN),
    scoreLoss: d.actors.map((a) => a.role?.score?.loss ?? NaN),
    scoreTerms: d.actors.map((a, i): ScoreLine[] =>
      (a.role?.score?.terms ?? []).map((t) => {
        const pair = t.tension === undefined || t.tension === 'overall' ? -1 : pairIndex({ nA, pairOf }, of(t.tension[0], i), of(t.tension[1], i));
        return { label: t.label, meterSlot: t.meter !== undefined ? meterSlot({ nM: meterIds.length }, of(t.of, i), meterIds.indexOf(t.meter)) : -1, pair, weight: t.weight, pivot: t.pivot, ideal: t.ideal ?? NaN, width: t.width };
      }),
    ),
  };
}

function build(scenario: Scenario): Model {
  const d = scenario.data;
  const nA = d.actors.length;
  const nP = d.pairs.length;
  const actorIds = d.actors.map((a) => a.id);
  const actorIndex = new Map(actorIds.map((id, i) => [id, i]));
  const meterIds = d.meters.map((x) => x.id);
  const placeIds = d.places.map((p) => p.id);
  const placeIndex = new Map(placeIds.map((id, i) => [id, i]));
  const forceIds = d.forces.map((f) => f.id);
  const actionIndex = new Map(d.actions.map((a, i) => [a.id, i]));
  const names: Names = { actorIndex, meterIds, forceIds, placeIndex, actionIndex, eventIds: d.events.map((e) => e.id) };

  // Pairs: both directions of the actor × actor table point at the pair.
  const pairA = d.pairs.map((p) => actorIndex.get(p.between[0])!);
  const pairB = d.pairs.map((p) => actorIndex.get(p.between[1])!);
  const pairOf = new Int32Array(nA * nA).fill(-1);
  const pairsOfActor: number[][] = actorIds.map(() => []);
  for (let i = 0; i < nP; i++) {
    const a = pairA[i]!;
    const b = pairB[i]!;
    pairOf[a * nA + b] = i; // pairIndex(a, b)
    pairOf[b * nA + a] = i; // pairIndex(b, a)
    pairsOfActor[a]!.push(i);
    pairsOfActor[b]!.push(i);
  }
  const pairIds = d.pairs.map((p) => p.id ?? `${p.between[0]}-${p.between[1]}`);
  const pairAlone = pairIds.map((_, i) => [i]);
  const allPairs = pairIds.map((_, i) => i);
  const counts = d.pairs.map((p) => p.counts);

  // Topics and stances: several positions on one topic, the strongest stated one stands.
  const topics = new Set<string>();
  for (const a of d.actors) for (const p of a.positions) topics.add(p.topic);
  for (const a of d.actions) for (const t of Object.keys(a.topics ?? {})) topics.add(t);
  const topicIds = [...topics].sort();
  const nT = topicIds.length;
  const stance = new Array<number>(nA * nT).fill(0);
  d.actors.forEach((a, i) => {
    for (const p of a.positions) {
      const t = topicIds.indexOf(p.topic);
      if (Math.abs(p.stance) > Math.abs(stance[i * nT + t]!)) stance[i * nT + t] = p.stance;
    }
  });
  const commitSlot = new Int32Array(nA * nT).fill(-1);
  const commitOf: number[] = [];
  stance.forEach((v, i) => {
    if (v !== 0) commitSlot[i] = commitOf.push(i) - 1;
  });

  // Ledger causes, numbered in a fixed order: the base causes, then each kind in turn.
  const causeNames = BASE_CAUSES.slice();
  const cause = (key: string): number => causeNames.push(key) - 1;
  const forceCause = d.forces.map((f) => cause(`force/${f.owner}/${f.id}`));
  const hostCause = actorIds.flatMap((a) => d.forces.map((f) => cause(`host/${a}/${f.id}`)));
  const dynamicCause = d.dynamics.map((x) => cause(`dyn/-/${x.id}`));
  const actCause = actorIds.flatMap((a) => d.actions.map((x) => cause(`act/${a}/${x.id}`)));
  const incidentCause = actorIds.flatMap((a) => d.actions.map((x) => cause(`incident/${a}/${x.id}`)));
  const eventCause = d.events.map((e) => cause(`event/${e.actor ?? '-'}/${e.id}`));

  // Geography: distances to the borders, and the fronts a force at each place presses on.
  const placeCountry = d.places.map((p) => (p.country === undefined ? -1 : actorIndex.get(p.country)!));
  const placeBorderKm = d.places.map((p) => d.borders.map((b) => borderDistanceKm(p.lon, p.lat, b.line ?? [])));
  const borderA = d.borders.map((b) => actorIndex.get(b.between[0])!);
  const borderB = d.borders.map((b) => actorIndex.get(b.between[1])!);
  const placeFronts = fronts(d, placeCountry, placeBorderKm, borderA, borderB);
  const across = new Set(placeFronts.flat().map((f) => f.across));
  const watchers = d.actors.map((a, i) => (a.traits.intel > 0 && (a.playable || a.kind === 'observer' || across.has(i)) ? i : -1)).filter((i) => i >= 0);

  // Actions, incidents and events, compiled against the names.
  const actions: CAction[] = d.actions.map((a, i) => ({
    index: i,
    data: a,
    actors: a.actors.map((x) => actorIndex.get(x)!),
    targets: (a.targets ?? []).map((x) => actorIndex.get(x)!),
    effects: a.effects.map((e) => compileEffect(names, e)),
    requires: gated(d.meta.start, a, a.requires ? compileCondition(names, a.requires, true) : undefined),
    incident: a.kind === 'incident',
    seers: compileSeers(a.visibility, actorIndex),
    topics: Object.entries(a.topics ?? {}).map(([t, al]) => [topicIds.indexOf(t), al] as [number, number]),
  }));
  const incidents: [number, number, number][][] = d.pairs.map(() => []);
  for (const act of actions) {
    if (!act.incident) continue;
    for (const a of act.actors) {
      for (const t of act.targets) {
        const p = pairIndex({ nA, pairOf }, a, t);
        if (p >= 0 && a !== t) incidents[p]!.push([act.index, a, t]);
      }
    }
  }
  const events: CEvent[] = d.events.map((e, i) => ({
    index: i,
    turn: e.date === undefined ? -1 : dateTurn(d.meta.start, e.date),
    when: gated(d.meta.start, e, e.when ? compileCondition(names, e.when) : undefined),
    chance: e.chance,
    actor: e.actor === undefined ? -1 : actorIndex.get(e.actor)!,
    target: e.target === undefined ? -1 : actorIndex.get(e.target)!,
    action: e.action === undefined ? -1 : actionIndex.get(e.action)!,
    effects: e.effects.map((x) => compileEffect(names, x)),
  }));
  const eventsByTurn = new Map<number, number[]>();
  const conditionalEvents: number[] = [];
  for (const e of events) {
    if (e.turn < 0) conditionalEvents.push(e.index);
    else eventsByTurn.set(e.turn, [...(eventsByTurn.get(e.turn) ?? []), e.index]);
  }
  const eventChecks = new Map([...eventsByTurn].map(([turn, due]) => [turn, [...due, ...conditionalEvents].sort((a, b) => a - b)]));
  const actionText = d.actions.map((x) => splitTemplate(x.text));
  const eventText = d.events.map((e) => splitTemplate(e.text));
  const uses = useSlots(d, actions, incidents, events);
  const audienceMeter = d.rules.audienceCost ? meterIds.indexOf(d.rules.audienceCost.meter) : -1;

  // The AI's goals and candidates (ai-tables.ts).
  const goals: Goals = compileGoals(d, actorIndex, meterIds, pairOf);
  const ai: AiTables = compileAi(
    { data: d, nA, nM: meterIds.length, nP, nT, actorIndex, meterIds, pairOf, counts, stance, commitSlot, audienceMeter, actions, useSlot: uses.useSlot, ...goals },
    (e, actor, target) => resolvePairs({ nA, pairOf, pairsOfActor, pairAlone, allPairs }, e.a, e.b, actor, target),
  );

  return {
    scenario,
    data: d,
    nA,
    nM: meterIds.length,
    nP,
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
    placeCountry,
    pairIds,
    pairA,
    pairB,
    pairOf,
    pairsOfActor,
    pairAlone,
    allPairs,
    fear: d.pairs.map((p) => p.fear ?? d.rules.pairDefaults.fear),
    fatigue: d.pairs.map((p) => p.fatigue ?? d.rules.pairDefaults.fatigue),
    grievance: d.pairs.map((p) => p.grievance ?? d.rules.pairDefaults.grievance),
    counts,
    forceIds,
    forceOwner: d.forces.map((f) => actorIndex.get(f.owner)!),
    causeNames,
    forceCause,
    hostCause,
    dynamicCause,
    actCause,
    incidentCause,
    eventCause,
    actionText,
    eventText,
    ...feedLines({ data: d, nA }, actions, actionText, events, eventText),
    placeBorderKm,
    placeFronts,
    borderA,
    borderB,
    topicIds,
    stance,
    commitSlot,
    commitOf,
    actions,
    actionIndex,
    secrets: actions.some((a) => !a.seers.public),
    ...uses,
    incidents,
    events,
    eventsByTurn,
    conditionalEvents,
    eventChecks,
    outcomes: d.outcomes.map((o, i) => ({
      index: i,
      when: o.when ? compileCondition(names, o.when) : undefined,
      sustained: o.sustained,
      atLimit: o.atLimit,
      blame: o.blame ? pairIndex({ nA, pairOf }, actorIndex.get(o.blame[0])!, actorIndex.get(o.blame[1])!) : -1,
      readings: actorIds.map((id) => (o.roles[id] as Reading | undefined) ?? null),
    })),
    dynamics: d.dynamics.map((x, i) => {
      const slot = (t: { meter: string; of: string }): number => meterSlot({ nM: meterIds.length }, actorIndex.get(t.of)!, meterIds.indexOf(t.meter));
      const pair = (t: 'overall' | [string, string]): number => (t === 'overall' ? -1 : pairIndex({ nA, pairOf }, actorIndex.get(t[0])!, actorIndex.get(t[1])!));
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
    }),
    bands: d.bands ?? DEFAULT_BANDS,
    warAt: d.rules.warAt,
    secrecyMeter: d.rules.fog.secrecyMeter === undefined ? -1 : meterIds.indexOf(d.rules.fog.secrecyMeter),
    audienceMeter,
    ...goals,
    ...scoring(d, actorIndex, meterIds, pairOf),
    ...ai,
    intel: d.actors.map((a) => a.traits.intel),
    watchers,
    nobody: actorIds.map(() => false),
    scriptUntil: d.meta.scriptUntil ? dateTurn(d.meta.start, d.meta.scriptUntil) : Infinity,
    dates: Array.from({ length: Math.min(d.meta.turnLimit, 100_000) + 1 }, (_, t) => (t === 0 ? '' : turnDate(d.meta.start, t))),
    scratch: new Float64Array(nP),
    scratchMeters: new Float64Array(nA * meterIds.length),
    scratchDraws: new Float64Array(Math.max(d.forces.length * watchers.length, 1 + Math.max(0, ...ai.candidates.map((c) => c.length)))),
    meterKeys: actorIds.flatMap((a) => meterIds.map((x) => `${a}/${x}`)),
  };
}
