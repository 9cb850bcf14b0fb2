// One turn of the model, as a pure function: step(state, orders) → { state, events }.
// 1 scripted events fire; 2 AI actors choose (players' actors take their orders); 3 actions resolve;
// 4 dynamics run (Richardson, force threat, couplings, fog); 5 incidents may happen; 6 outcomes are checked.
import { actionLineSlot, actionSlot, compile, meterSlot, resolveActor, type CAction, type CEffect, type CEvent, type Candidate, type Model } from './model';
import { scoreDay } from './score';
import type { Scenario } from './scenario/load';
import { cloneState, type GameState } from './state';
import { STREAM, reusedStream, scratchRng, type Rng } from './rng';
import { holds } from './conditions';
import { applyAction, applyEffect, type ApplyContext } from './effects';
import { choose, isAvailable, scoreContext } from './policy';
import { runDynamics } from './dynamics';
import { observe } from './fog';
import { blameFor, clampPair } from './ledger';
import { bandIndex } from './ladder';
import { overallTension } from './tension';
import { fillText, tensionDeltas, type TurnEvent } from './feed';
import { turnDate } from './calendar';
import { feedVisibility } from './visibility';

/** A player's order for one actor: a catalogue action (with its target, if it takes one), or hold. */
export interface Order {
  action: string;
  target?: string;
}

/** Orders by actor id, for the actors that people play. */
export type Orders = Record<string, Order | undefined>;

export interface StepResult {
  state: GameState;
  events: TurnEvent[];
}

/** An order that the rules do not allow (unknown action, not the actor's, unavailable, bad target). */
export class OrderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OrderError';
  }
}

interface Turn {
  m: Model;
  st: GameState;
  /** The day's feed; null when nobody reads it (advance), so no event is built. */
  events: TurnEvent[] | null;
  date: string;
  /** Actor indices played by people. */
  humans: boolean[];
}

/** One generator, restarted for each stream a step asks for: every stream is used up before the next. */
const SCRATCH = scratchRng();

/** This turn's stream of one kind of draw (see STREAM); valid until the next call. */
function stream(t: Turn, kind: number, index: number): Rng {
  return reusedStream(SCRATCH, t.st.rng, kind, index, t.st.turn);
}

type EventFields = Partial<Omit<TurnEvent, 'turn' | 'date' | 'kind' | 'deltas' | 'meters'>> & { id: string; text: string };

/** The meter slots the acting event may move (its meter effects, and the audience-cost meter), with
 * their values before it acts kept in the model's scratchMeters. Reused: one event at a time. */
const touched: number[] = [];
/** How many of touched are this event's. (A count, not touched.length = 0: setting the length to 0 frees the
 * array's storage, and the next event's first push allocated it again.) */
let nTouched = 0;

/** Notes one meter slot (once per event). A function of its own, not a closure in noteMeters: under tsx's
 * keepNames every closure made in the hot path is named at run time (defineProperty), which cost 2 µs a turn. */
function note(m: Model, st: GameState, slot: number): void {
  for (let i = 0; i < nTouched; i++) if (touched[i] === slot) return;
  touched[nTouched++] = slot;
  m.scratchMeters[slot] = st.meters[slot]!;
}

function noteMeters(m: Model, st: GameState, effects: readonly CEffect[], actor: number, target: number, audience: boolean): void {
  for (let k = 0; k < effects.length; k++) {
    const e = effects[k]!;
    if (e.kind !== 'meter') continue;
    const who = resolveActor(e.of, actor, target);
    if (who >= 0) note(m, st, meterSlot(m, who, e.meter));
  }
  if (audience && actor >= 0 && m.audienceMeter >= 0) note(m, st, meterSlot(m, actor, m.audienceMeter));
}

/** The meters the event moved, keyed "actor/meter" (rounded to 0.01; zero moves left out). */
function meterMoves(m: Model, st: GameState): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < nTouched; i++) {
    const slot = touched[i]!;
    if (st.meters[slot] === m.scratchMeters[slot]) continue;
    const d = Math.round((st.meters[slot]! - m.scratchMeters[slot]!) * 100) / 100;
    if (d !== 0) out[m.meterKeys[slot]!] = d;
  }
  nTouched = 0;
  return out;
}

/** Adds a feed event. (The object is written out field by field: spreads made every event slow.)
 * `before` holds the tensions and the meters (in the model's scratch) from before it acted, if it did. */
function emit(events: TurnEvent[], t: Turn, kind: TurnEvent['kind'], f: EventFields, before: ArrayLike<number> | null): void {
  events.push({
    turn: t.st.turn,
    date: t.date,
    kind,
    id: f.id,
    action: f.action ?? null,
    actor: f.actor ?? null,
    target: f.target ?? null,
    text: f.text,
    visibility: f.visibility ?? 'public',
    ...(f.seenBy && f.seenBy.length ? { seenBy: f.seenBy } : {}),
    actionKind: f.actionKind ?? null,
    goldstein: f.goldstein ?? null,
    cameo: f.cameo ?? null,
    source: f.source ?? null,
    plan: f.plan ?? false,
    deltas: before ? tensionDeltas(t.m, before, t.st.tension) : {},
    meters: before && nTouched > 0 ? meterMoves(t.m, t.st) : {},
  });
}

function performAction(t: Turn, act: CAction, actor: number, target: number, kind: 'action' | 'incident', rng: Rng): void {
  const { m, st, events } = t;
  const before = m.scratch;
  if (events) {
    for (let p = 0; p < m.nP; p++) before[p] = st.tension[p]!;
    noteMeters(m, st, act.effects, actor, target, act.topics.length > 0);
  }
  const ctx: ApplyContext = { actor, target, cause: (kind === 'incident' ? m.incidentCause : m.actCause)[actionSlot(m, actor, act.index)]!, value: undefined };
  applyAction(m, st, act, ctx, rng);
  if (!events) return;
  const d = act.data;
  const seen = act.seers.public ? null : feedVisibility(m.actorIds, act.seers, actor, target);
  emit(
    events,
    t,
    kind,
    {
      id: d.id,
      action: d.id,
      actor: m.actorIds[actor]!,
      target: target >= 0 ? m.actorIds[target]! : null,
      text: m.actionLines[actionLineSlot(m, m.actions.length, actor, act.index, target)] ?? fillText(m, m.actionText[act.index]!, actor, target, ctx.value),
      visibility: seen?.visibility,
      seenBy: seen?.seenBy,
      actionKind: d.kind,
      goldstein: d.goldstein,
      cameo: d.cameo ?? null,
      source: d.source ?? null,
    },
    before,
  );
}

/** Whether the event's actor has already used the event's action as often as its limit allows. */
function usedUp(m: Model, st: GameState, ev: CEvent): boolean {
  const act = m.actions[ev.action]!;
  if (act.data.limit === undefined) return false;
  const slot = m.useSlot[actionSlot(m, ev.actor, act.index)]!;
  return slot >= 0 && st.uses[slot]! >= act.data.limit;
}

/**
 * A scripted event is history: it fires whatever its action's requires, from and until say. Its action
 * counts toward the action's limit but starts no cooldown; once the actor has used the action up, the
 * event happens without it (its own effects still apply) and the feed says so.
 */
function fireEvent(t: Turn, index: number, rng: Rng): void {
  const { m, st, events } = t;
  const ev = m.events[index]!;
  const data = m.data.events[index]!;
  const before = m.scratch;
  const planned = ev.action >= 0 ? m.actions[ev.action]! : undefined;
  const spent = planned !== undefined && usedUp(m, st, ev);
  const act = spent ? undefined : planned;
  if (events) {
    for (let p = 0; p < m.nP; p++) before[p] = st.tension[p]!;
    if (act) noteMeters(m, st, act.effects, ev.actor, ev.target, act.topics.length > 0);
    noteMeters(m, st, ev.effects, ev.actor, ev.target, false);
  }
  const actorId = ev.actor >= 0 ? m.actorIds[ev.actor]! : '-';
  const ctx: ApplyContext = { actor: ev.actor, target: ev.target, cause: m.eventCause[index]!, value: undefined };
  if (act) applyAction(m, st, act, ctx, rng, true);
  for (const e of ev.effects) applyEffect(m, st, e, ctx, rng);
  st.fired[index] = 2;
  if (!events) return;
  const seen = planned ? feedVisibility(m.actorIds, planned.seers, ev.actor, ev.target) : null;
  const text = m.eventLines[index] ?? fillText(m, m.eventText[index]!, ev.actor, ev.target, ctx.value);
  emit(
    events,
    t,
    'scripted',
    {
      id: data.id,
      action: act?.data.id ?? null,
      actor: ev.actor >= 0 ? actorId : null,
      target: ev.target >= 0 ? m.actorIds[ev.target]! : null,
      text: spent ? `${text} (not again: ${m.data.actors[ev.actor]!.name} had already used “${planned.data.name}” as often as it may)` : text,
      visibility: seen?.visibility,
      seenBy: seen?.seenBy,
      actionKind: act?.data.kind ?? null,
      goldstein: act?.data.goldstein ?? null,
      cameo: act?.data.cameo ?? null,
      source: data.source,
      plan: data.plan,
    },
    before,
  );
}

/** Whether an event would act for an actor that a person plays: a plan or a conditional event that
 * performs one of its actions after the script ends. Such an event never fires by itself: the person
 * is told, and decides with the card. */
function actsForPlayer(t: Turn, ev: CEvent): boolean {
  return ev.actor >= 0 && ev.action >= 0 && t.humans[ev.actor]! && (ev.turn < 0 || ev.turn > t.m.scriptUntil);
}

/** Tells a player that the plan calls on them (a private feed line): today for a conditional event, or
 * the day before a dated one. */
function tellPlayer(t: Turn, ev: CEvent, when: 'now' | 'tomorrow'): void {
  const { m, events } = t;
  if (!events) return;
  const data = m.data.events[ev.index]!;
  const act = ev.action >= 0 ? m.actions[ev.action]! : undefined;
  const what = m.eventLines[ev.index] ?? fillText(m, m.eventText[ev.index]!, ev.actor, ev.target, undefined);
  const text = act
    ? `${when === 'now' ? 'Now' : 'Tomorrow'} the plan calls on you: ${what} It happens only if you order it (${act.data.name}).`
    : `Tomorrow, as planned: ${what}`;
  emit(events, t, 'decision', { id: data.id, action: act?.data.id ?? null, actor: m.actorIds[ev.actor]!, target: ev.target >= 0 ? m.actorIds[ev.target]! : null, text, visibility: 'private', source: data.source, plan: data.plan }, null);
}

function scriptedEvents(t: Turn): void {
  const { m, st } = t;
  // In file order, like everything else in a scenario.
  const list = m.eventChecks.get(st.turn) ?? m.conditionalEvents;
  for (let k = 0; k < list.length; k++) {
    const ev = m.events[list[k]!]!;
    if (st.fired[ev.index] !== 0) continue;
    if (ev.turn >= 0 && ev.turn !== st.turn) continue;
    if (ev.turn < 0 && !(ev.when && holds(m, st, ev.when, ev.actor, ev.target))) continue;
    if (actsForPlayer(t, ev)) {
      // The player's own actor acts only on the player's orders: a dated plan was announced yesterday; a
      // conditional one is announced now. Either way it is resolved without happening.
      if (ev.turn < 0) tellPlayer(t, ev, 'now');
      st.fired[ev.index] = 1;
      continue;
    }
    const rng = stream(t, STREAM.event, ev.index);
    const ok = (ev.turn < 0 || !ev.when || holds(m, st, ev.when, ev.actor, ev.target)) && (ev.chance >= 1 || rng.next() < ev.chance);
    if (ok) fireEvent(t, ev.index, rng);
    else if (ev.turn >= 0) st.fired[ev.index] = 1;
  }
}

/** At the end of a turn: the plans due tomorrow that concern a player's actor. */
function announcePlans(t: Turn): void {
  const { m, st } = t;
  const due = m.eventsByTurn.get(st.turn + 1);
  if (!due) return;
  for (const i of due) {
    const ev = m.events[i]!;
    if (ev.actor < 0 || !t.humans[ev.actor] || ev.turn <= m.scriptUntil || st.fired[i] !== 0) continue;
    if (ev.when && !holds(m, st, ev.when, ev.actor, ev.target)) continue;
    tellPlayer(t, ev, 'tomorrow');
  }
}

function resolveOrder(m: Model, st: GameState, actor: number, order: Order): { act: CAction; target: number } | null {
  if (order.action === 'hold') return null;
  const who = m.actorIds[actor]!;
  const ai = m.actionIndex.get(order.action);
  if (ai === undefined) throw new OrderError(`${who}: unknown action '${order.action}'`);
  const act = m.actions[ai]!;
  if (act.incident || !act.actors.includes(actor)) throw new OrderError(`${who} cannot take '${order.action}'`);
  let target = -1;
  if (act.targets.length) {
    target = order.target === undefined ? -1 : (m.actorIndex.get(order.target) ?? -1);
    if (!act.targets.includes(target) || target === actor) throw new OrderError(`${who}: '${order.action}' needs a target among ${act.data.targets!.join(', ')}, got '${order.target ?? ''}'`);
  } else if (order.target !== undefined) throw new OrderError(`${who}: '${order.action}' takes no target`);
  const cand = m.candidates[actor]!.find((c) => c.action === ai && c.target === target)!;
  if (!isAvailable(m, st, cand)) throw new OrderError(`${who}: '${order.action}' is not available on turn ${st.turn}`);
  return { act, target };
}

type Pick = { act: CAction; target: number } | null;

/** Players' orders are checked against the state they saw (before this turn's scripted events). */
/** Players' orders by actor index (null: hold), or null in an observer game. */
function resolveOrders(m: Model, st: GameState, orders: Orders): Map<number, Pick> | null {
  for (const id in orders) {
    if (orders[id] && !st.humans.includes(id)) throw new OrderError(`'${id}' is not played by a person in this game`);
  }
  if (st.humans.length === 0) return null;
  const out = new Map<number, Pick>();
  for (const id of st.humans) {
    const a = m.actorIndex.get(id)!;
    const order = orders[id];
    out.set(a, order ? resolveOrder(m, st, a, order) : null);
  }
  return out;
}

/** Every actor decides on the same state (AI by score, players by order); then the actions resolve in actor order. */
function decideAndAct(t: Turn, human: Map<number, Pick> | null): void {
  const { m, st } = t;
  const ctx = scoreContext(m, st);
  const picks: (Candidate | Pick)[] = new Array(m.nA);
  for (let a = 0; a < m.nA; a++) picks[a] = human?.has(a) ? human.get(a)! : choose(m, st, a, ctx, stream(t, STREAM.decide, a));
  for (let a = 0; a < m.nA; a++) {
    const p = picks[a];
    if (!p) continue;
    const rng = stream(t, STREAM.effects, a);
    if ('act' in p) performAction(t, p.act, a, p.target, 'action', rng);
    else performAction(t, m.actions[p.action]!, a, p.target, 'action', rng);
  }
  for (let p = 0; p < m.nP; p++) clampPair(st, p, m.data.rules.ledgerSize);
}

/** Whether either side of a pair has an active force (its own, or hosted) near a border between them. */
function nearSharedBorder(m: Model, st: GameState, pair: number): boolean {
  const a = m.pairA[pair]!;
  const b = m.pairB[pair]!;
  for (let f = 0; f < m.nF; f++) {
    if (!st.forces.active[f]) continue;
    const place = st.forces.place[f]!;
    const owner = m.forceOwner[f]!;
    const host = m.placeCountry[place]!;
    if (owner !== a && owner !== b && host !== a && host !== b) continue;
    const fronts = m.placeFronts[place]!;
    for (let k = 0; k < fronts.length; k++) {
      const across = fronts[k]!.across;
      if (across === a || across === b) return true;
    }
  }
  return false;
}

function incidents(t: Turn): void {
  const { m, st } = t;
  const r = m.data.rules.incidents;
  for (let p = 0; p < m.nP; p++) {
    const list = m.incidents[p]!;
    if (list.length === 0) continue;
    const odds = r.base + r.perPoint * Math.max(0, st.tension[p]! - r.pivot);
    // Each pair's own stream: whether, which, and what it does (so one pair's incident shifts no other's).
    const rng = stream(t, STREAM.incident, p);
    const u = rng.next();
    // Forces near a shared border raise the odds: looked for only when the draw falls between the two.
    if (u >= odds && !(r.nearBorder > 0 && u < odds * (1 + r.nearBorder) && nearSharedBorder(m, st, p))) continue;
    const [action, actor, target] = list[rng.int(list.length)]!;
    performAction(t, m.actions[action]!, actor, target, 'incident', rng);
    // An incident can move other pairs too (its action's effects on third parties): all are clamped.
    for (let q = 0; q < m.nP; q++) clampPair(st, q, m.data.rules.ledgerSize);
  }
}

function checkOutcome(t: Turn): void {
  const { m, st } = t;
  let hit = -1;
  for (const o of m.outcomes) {
    if (!o.when) continue;
    st.sustain[o.index] = holds(m, st, o.when, -1, -1) ? st.sustain[o.index]! + 1 : 0;
    if (hit < 0 && st.sustain[o.index]! >= o.sustained) hit = o.index;
  }
  if (hit < 0 && st.turn >= m.data.meta.turnLimit) hit = m.outcomes.findIndex((o) => o.atLimit);
  if (hit < 0) return;
  const o = m.outcomes[hit]!;
  const data = m.data.outcomes[hit]!;
  st.outcome = { id: data.id, turn: st.turn, blame: o.blame >= 0 ? blameFor(st, o.blame, m.data.rules.ledgerSize, m.causeNames) : null };
  if (!t.events) return;
  const blame = st.outcome.blame ? ` ${m.data.actors[m.actorIndex.get(st.outcome.blame)!]!.name} pushed hardest.` : '';
  emit(t.events, t, 'outcome', { id: data.id, text: `${data.name}: ${data.description}${blame}`, actor: st.outcome.blame }, null);
}

/** Points below a band's threshold that tension must fall before the band is left. */
const FIREBREAK = 3;

function bandChange(t: Turn): void {
  const { m, st } = t;
  const overall = overallTension(m, st);
  let b = bandIndex(m, overall);
  // Firebreaks: a band is left downward only once tension falls clearly below its threshold.
  if (b < st.band && overall >= m.bands[st.band]!.from - FIREBREAK) b = st.band;
  if (b === st.band) return;
  const band = m.bands[b]!;
  const rising = b > st.band;
  st.band = b;
  if (t.events) emit(t.events, t, 'band', { id: band.id, text: `Tension ${rising ? 'rises into' : 'falls back to'} ${band.name.toLowerCase()}` }, null);
}

/** Plays one turn. The input state is not changed; a finished game returns itself with no events. */
export function step(scenario: Scenario, state: GameState, orders: Orders = {}): StepResult {
  if (state.outcome) return { state, events: [] };
  checkScenario(scenario, state);
  const st = cloneState(state);
  const events: TurnEvent[] = [];
  playTurn(compile(scenario), st, orders, events);
  return { state: st, events };
}

/**
 * Plays one turn on the state itself, and builds no feed: the same state as step's, for loops that keep
 * only the latest state and read no events (the odds, rollouts). Returns the state; a finished game is
 * left as it is. Orders the rules do not allow throw OrderError before anything changes.
 */
export function advance(scenario: Scenario, st: GameState, orders: Orders = {}): GameState {
  if (st.outcome) return st;
  checkScenario(scenario, st);
  try {
    playTurn(compile(scenario), st, orders, null);
  } catch (e) {
    // Orders are checked first, against the turn being played: nothing else has changed yet.
    if (e instanceof OrderError) st.turn -= 1;
    throw e;
  }
  return st;
}

function checkScenario(scenario: Scenario, state: GameState): void {
  if (state.scenario.hash !== scenario.hash) throw new Error(`this state belongs to scenario ${state.scenario.id} (${state.scenario.hash}), not ${scenario.data.meta.id} (${scenario.hash})`);
}

/** The turn after st's, played on st; its feed goes to `events` (none when null). */
function playTurn(m: Model, st: GameState, orders: Orders, events: TurnEvent[] | null): void {
  st.turn += 1;
  const humans = st.humans.length === 0 ? m.nobody : m.actorIds.map((id) => st.humans.includes(id));
  const t: Turn = { m, st, events, date: m.dates[st.turn] ?? turnDate(m.data.meta.start, st.turn), humans };
  const human = resolveOrders(m, st, orders);
  scriptedEvents(t);
  decideAndAct(t, human);
  runDynamics(m, st);
  observe(m, st, stream(t, STREAM.fog, 0));
  incidents(t);
  scoreDay(m, st);
  bandChange(t);
  checkOutcome(t);
  if (!st.outcome) announcePlans(t);
}
