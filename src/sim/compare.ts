// Comparing two runs, for teaching with what-ifs: the first day their states differ, the player's orders
// that differed, the moves one run made and the other did not, and both runs' tension curves and victory
// points day by day, to overlay. And the two what-ifs it compares a replay with: the same seed and role
// with no orders (its "no-orders twin"), and the same orders played on a variant of the scenario. Both
// are new replays (with checkpoints, no notes), verified and viewed like any other.
import { compile } from './model';
import type { Scenario } from './scenario/load';
import { createGame, type GameState } from './state';
import { step, OrderError, type Order } from './step';
import { hashState } from './snapshot';
import { makeReplay, type PlayedDay, type Replay } from './replay';
import { daySummary, scenarioView } from './view';
import { scoreTrack } from './score';
import { blockedFor } from './card-effects';
import { orderKey } from './bots';
import { roleOn, withRole, type EarlierRole } from './handover';

/** One played run: its scenario, the player's role and orders by day, and its days (day 0 first), as
 * `verifyReplay` gives them in its verdict. */
export interface PlayedRun {
  scenario: Scenario;
  role: string;
  orders: Record<string, Order>;
  days: readonly PlayedDay[];
  /** The roles the player held before `role`, when the seat changed hands (handover.ts). */
  earlierRoles?: readonly EarlierRole[];
}

/** An order the player gave in one run and not in the other ({ action: 'hold' } where it held). */
export interface OrderDiff {
  day: number;
  a: Order;
  b: Order;
  /** "Peace initiative → Ukraine", or "held". */
  aText: string;
  bText: string;
}

/** A move (an actor's action, or an incident) that one run had on a day and the other did not. */
export interface MoveDiff {
  day: number;
  /** The run that had it. */
  run: 'a' | 'b';
  actor: string;
  actorName: string;
  action: string;
  target: string | null;
  kind: 'action' | 'incident';
  /** The feed's text of it. */
  text: string;
  /** The player's own move in that run. */
  yours: boolean;
}

/** One run on one day, for the overlay. */
export interface RunDay {
  date: string;
  overall: number;
  /** The overall band's id. */
  band: string;
  /** Each pair's tension, by pair id. */
  tensions: Record<string, number>;
  /** Each role's victory points so far, by role id (roles with a track). */
  points: Record<string, number>;
  /** The outcome that ended the game on this day, if it did. */
  outcome: string | null;
}

export interface Comparison {
  /** The first day (0 is the eve) whose states differ, over the days both runs have; null if none does. */
  divergedAt: number | null;
  /** Days played by each run (not counting day 0). */
  length: { a: number; b: number };
  /** The run that goes on longer (it ended later, or was played further); null when both are as long. */
  longer: 'a' | 'b' | null;
  /** The player's orders that differed, by day, over the days both runs have. */
  orders: OrderDiff[];
  /** The moves that differed from the first diverging day on (over the days both have), by day, first
   * `limit` of them; `movesLeftOff` counts the rest. */
  moves: MoveDiff[];
  movesLeftOff: number;
  /** The pairs and the roles with a track in either scenario, for the overlay's legend. */
  pairs: { id: string; label: string; counts: boolean }[];
  roles: { id: string; name: string }[];
  /** Day by day (day 0 first, up to the longer run): each run's tensions and points, null past its end. */
  curves: { day: number; a: RunDay | null; b: RunDay | null }[];
}

/** How many differing moves a comparison lists by default (the rest are counted). */
export const MOVES_LISTED = 40;

const HOLD: Order = { action: 'hold' };

/** An order in words: "Peace initiative → Ukraine", or "held". An action the scenario lacks keeps its id. */
export function orderText(scenario: Scenario, order: Order | undefined): string {
  if (!order || order.action === 'hold') return 'held';
  const m = compile(scenario);
  const a = m.actionIndex.get(order.action);
  const name = a === undefined ? order.action : m.actions[a]!.data.name;
  if (order.target === undefined) return name;
  const t = m.actorIndex.get(order.target);
  return `${name} → ${t === undefined ? order.target : m.data.actors[t]!.name}`;
}

function runDay(run: PlayedRun, st: GameState, roles: readonly string[]): RunDay {
  const sv = scenarioView(run.scenario);
  const s = daySummary(run.scenario, st);
  const tensions: Record<string, number> = {};
  for (const p of sv.pairs) tensions[p.id] = s.tensions[p.index]!;
  const points: Record<string, number> = {};
  for (const r of roles) {
    const track = scoreTrack(run.scenario, st, r);
    if (track) points[r] = track.points;
  }
  return { date: s.date, overall: s.overall, band: sv.bands[s.band]!.id, tensions, points, outcome: st.outcome && st.outcome.turn === st.turn ? st.outcome.id : null };
}

/** The moves of a day that count for a comparison, each with its key. */
function movesOf(run: PlayedRun, day: PlayedDay): { key: string; move: Omit<MoveDiff, 'run'> }[] {
  const m = compile(run.scenario);
  const out: { key: string; move: Omit<MoveDiff, 'run'> }[] = [];
  for (const e of day.events) {
    if ((e.kind !== 'action' && e.kind !== 'incident') || !e.actor || !e.action) continue;
    const ai = m.actorIndex.get(e.actor);
    out.push({
      key: `${e.kind}|${e.actor}|${e.action}|${e.target ?? ''}`,
      move: { day: e.turn, actor: e.actor, actorName: ai === undefined ? e.actor : m.data.actors[ai]!.name, action: e.action, target: e.target, kind: e.kind, text: e.text, yours: e.kind === 'action' && e.actor === roleOn(run, e.turn) },
    });
  }
  return out;
}

/** What one day's moves in `x` are not matched, one for one, in `y`'s. */
function unmatched(x: ReturnType<typeof movesOf>, y: ReturnType<typeof movesOf>): Omit<MoveDiff, 'run'>[] {
  const left = new Map<string, number>();
  for (const { key } of y) left.set(key, (left.get(key) ?? 0) + 1);
  const out: Omit<MoveDiff, 'run'>[] = [];
  for (const { key, move } of x) {
    const n = left.get(key) ?? 0;
    if (n > 0) left.set(key, n - 1);
    else out.push(move);
  }
  return out;
}

/**
 * Compares two played runs (`a` and `b`, e.g. two verified replays, or one and its twin): where they
 * part, which orders and moves differed, and both curves day by day. `limit` caps the moves listed.
 */
export function compareRuns(a: PlayedRun, b: PlayedRun, limit = MOVES_LISTED): Comparison {
  const common = Math.min(a.days.length, b.days.length);
  let divergedAt: number | null = null;
  for (let d = 0; d < common; d++) {
    if (a.days[d]!.hash !== b.days[d]!.hash) {
      divergedAt = d;
      break;
    }
  }
  const length = { a: Math.max(0, a.days.length - 1), b: Math.max(0, b.days.length - 1) };
  const longer = length.a > length.b ? 'a' : length.b > length.a ? 'b' : null;

  const orders: OrderDiff[] = [];
  // Only days both runs played: past a run's end there is no order to compare with.
  const orderDays = [...new Set([...Object.keys(a.orders), ...Object.keys(b.orders)])].map(Number).filter((d) => d < common).sort((x, y) => x - y);
  for (const day of orderDays) {
    const oa = a.orders[String(day)] ?? HOLD;
    const ob = b.orders[String(day)] ?? HOLD;
    if (orderKey(oa) !== orderKey(ob)) orders.push({ day, a: oa, b: ob, aText: orderText(a.scenario, oa), bText: orderText(b.scenario, ob) });
  }

  const moves: MoveDiff[] = [];
  let movesLeftOff = 0;
  if (divergedAt !== null) {
    for (let d = Math.max(1, divergedAt); d < common; d++) {
      const ma = movesOf(a, a.days[d]!);
      const mb = movesOf(b, b.days[d]!);
      const diff = [...unmatched(ma, mb).map((x) => ({ ...x, run: 'a' as const })), ...unmatched(mb, ma).map((x) => ({ ...x, run: 'b' as const }))];
      for (const x of diff) {
        if (moves.length < limit) moves.push(x);
        else movesLeftOff++;
      }
    }
  }

  const va = scenarioView(a.scenario);
  const vb = scenarioView(b.scenario);
  const pairs = new Map<string, { id: string; label: string; counts: boolean }>();
  for (const p of [...va.pairs, ...vb.pairs]) if (!pairs.has(p.id)) pairs.set(p.id, { id: p.id, label: p.label, counts: p.counts });
  const roleList = new Map<string, { id: string; name: string }>();
  for (const [run, v] of [[a, va], [b, vb]] as const) {
    const m = compile(run.scenario);
    for (const r of v.roles) if (!roleList.has(r.id) && m.scoreTerms[m.actorIndex.get(r.id)!]!.length > 0) roleList.set(r.id, { id: r.id, name: r.name });
  }
  const roleIds = [...roleList.keys()];
  const curves: Comparison['curves'] = [];
  for (let d = 0; d < Math.max(a.days.length, b.days.length); d++) {
    curves.push({ day: d, a: a.days[d] ? runDay(a, a.days[d]!.state, roleIds) : null, b: b.days[d] ? runDay(b, b.days[d]!.state, roleIds) : null });
  }
  return { divergedAt, length, longer, orders, moves, movesLeftOff, pairs: [...pairs.values()], roles: [...roleList.values()], curves };
}

/** A replay played again as a new run: on `scenario`, from the replay's seed and role (the roles it held
 * before too, each on its days), with `orders`, for as many days as the replay has (or until the game
 * ends). It stops before an order the scenario does not allow on its day. */
type Played = { replay: Replay; stop: null } | { replay: Replay | null; stop: { day: number; order: Order | null; error: string } };

function playAgain(scenario: Scenario, replay: Replay, orders: Record<string, Order>): Played {
  const title = scenario.data.meta.title;
  let state: GameState;
  try {
    state = createGame(scenario, replay.seed, { role: roleOn(replay, 1) });
    for (const e of replay.earlierRoles ?? []) withRole(state, scenario, e.role);
    withRole(state, scenario, replay.role);
  } catch (e) {
    return { replay: null, stop: { day: 0, order: null, error: `${title} cannot be played as this replay's role: ${(e as Error).message}` } };
  }
  const played: Record<string, Order> = {};
  const checkpoints: string[] = [];
  const days = replay.checkpoints.length;
  const earlier = replay.earlierRoles ?? [];
  while (!state.outcome && state.turn < days) {
    const day = state.turn + 1;
    const role = roleOn(replay, day);
    const order = role !== 'observer' ? orders[String(day)] : undefined;
    state = withRole(state, scenario, role);
    let next: GameState;
    try {
      next = step(scenario, state, order ? { [role]: order } : {}).state;
    } catch (e) {
      if (!(e instanceof OrderError) || !order) throw e;
      const m = compile(scenario);
      const actor = m.actorIndex.get(role)!;
      const blocked = blockedFor(m, state, actor).find((x) => x.action === order.action);
      const why = m.actionIndex.has(order.action) ? (blocked?.reason ?? e.message) : `it has no action '${order.action}'`;
      const partial = makeReplay(scenario, replay.seed, replay.role, { ...played }, checkpoints.slice(), null, [], earlier);
      return { replay: partial, stop: { day, order, error: `day ${day}: the order "${orderText(scenario, order)}" cannot be played in ${title}: ${why}` } };
    }
    state = next;
    if (order && order.action !== 'hold') played[String(day)] = order;
    checkpoints.push(hashState(state));
  }
  return { replay: makeReplay(scenario, replay.seed, replay.role, played, checkpoints, state.outcome, [], earlier), stop: null };
}

/**
 * The replay's no-orders twin: the same seed and role on `scenario` (the replay's own), holding every day,
 * for as many days as the replay has (or until the game ends), as a replay of its own.
 */
export function noOrdersTwin(scenario: Scenario, replay: Replay): Replay {
  const r = playAgain(scenario, replay, {});
  if (r.stop) throw new Error(r.stop.error);
  return r.replay;
}

/** The same orders played on a variant: the whole run, or where it had to stop and why. */
export type VariantRun =
  | { ok: true; replay: Replay; /** Orders left unplayed because the variant's game ended before their day. */ unplayed: number }
  | {
      ok: false;
      /** The run up to the day before the order that cannot be played (null when the variant cannot even start it). */
      replay: Replay | null;
      /** The day of the order that cannot be played (0: the variant lacks the role). */
      day: number;
      order: Order | null;
      /** In words: the day, the order and why ("day 4: the order "repress-dissent → Belarusian society" cannot be played in Multi-vector Minsk: it has no action 'repress-dissent'"). */
      error: string;
    };

/**
 * The replay's seed, role and orders played on another scenario (a variant), for as many days as the
 * replay has (or until the variant's game ends), as a replay of the variant. An order the variant does
 * not allow on its day stops the run there, with a clear error (never a throw).
 */
export function replayOnVariant(variant: Scenario, replay: Replay): VariantRun {
  const r = playAgain(variant, replay, replay.orders);
  if (r.stop) return { ok: false, replay: r.replay, ...r.stop };
  const last = r.replay.checkpoints.length;
  const unplayed = Object.entries(replay.orders).filter(([d, o]) => Number(d) > last && o.action !== 'hold' && roleOn(replay, Number(d)) !== 'observer').length;
  return { ok: true, replay: r.replay, unplayed };
}
