// Running whole games: one seeded game into a trace of per-turn hashes, bands and events, and many
// seeds into the distribution of outcomes, end days and peak tension (the odds).
import { compile } from './model';
import type { Scenario } from './scenario/load';
import { createGame, type GameOptions, type GameState } from './state';
import { advance, step, type Orders } from './step';
import { hashState } from './snapshot';
import { overallTension } from './tension';
import { turnDate } from './calendar';
import type { TurnEvent } from './feed';
import { readOutcome, type RoleResult } from './score';

export interface TraceTurn {
  turn: number;
  date: string;
  hash: string;
  band: string;
  overall: number;
  tensions: Record<string, number>;
  events: TurnEvent[];
}

export interface Trace {
  scenario: { id: string; hash: string };
  seed: string;
  role: string;
  turns: TraceTurn[];
  outcome: { id: string; turn: number; blame: string | null } | null;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Plays a game to its end (or `turns` turns), with orders per turn for a player's role if given. */
export function runGame(scenario: Scenario, seed: string | number, options: GameOptions & { turns?: number; orders?: (turn: number, state: GameState) => Orders } = {}): Trace {
  const m = compile(scenario);
  let state = createGame(scenario, seed, options);
  const limit = options.turns ?? m.data.meta.turnLimit;
  const turns: TraceTurn[] = [];
  while (!state.outcome && state.turn < limit) {
    const r = step(scenario, state, options.orders ? options.orders(state.turn + 1, state) : {});
    state = r.state;
    const overall = overallTension(m, state);
    const tensions: Record<string, number> = {};
    m.pairIds.forEach((id, p) => (tensions[id] = round2(state.tension[p]!)));
    turns.push({ turn: state.turn, date: turnDate(m.data.meta.start, state.turn), hash: hashState(state), band: m.bands[state.band]!.id, overall: round2(overall), tensions, events: r.events });
  }
  return { scenario: { id: m.data.meta.id, hash: scenario.hash }, seed: String(seed), role: options.role ?? 'observer', turns, outcome: state.outcome };
}

export interface RunSummary {
  outcome: string;
  endTurn: number;
  peak: number;
  blame: string | null;
  /** What the ending means for each playable role (absent for a game cut off by a day cap). */
  results?: Record<string, RoleResult>;
}

/** The outcome id of a run cut off by a day cap before the scenario ended it. */
export const OPEN_OUTCOME = 'open';

/**
 * One observer game, summarised (no hashing, no trace): the unit of the odds. With `maxTurns`, a game
 * still running after that many days counts as OPEN_OUTCOME, ending on that day.
 */
export function runSummary(scenario: Scenario, seed: string | number, maxTurns = Infinity): RunSummary {
  const m = compile(scenario);
  const state = createGame(scenario, seed);
  let peak = overallTension(m, state);
  while (!state.outcome && state.turn < maxTurns) {
    advance(scenario, state);
    const o = overallTension(m, state);
    if (o > peak) peak = o;
  }
  if (!state.outcome) return { outcome: OPEN_OUTCOME, endTurn: state.turn, peak, blame: null };
  const o = m.data.outcomes.findIndex((x) => x.id === state.outcome!.id);
  const results: Record<string, RoleResult> = {};
  m.data.actors.forEach((a) => {
    const i = m.actorIndex.get(a.id)!;
    const r = a.playable && o >= 0 ? readOutcome(m, o, i, state.score[i]!) : null;
    if (r) results[a.id] = r;
  });
  return { outcome: state.outcome.id, endTurn: state.outcome.turn, peak, blame: state.outcome.blame, results };
}

export interface Odds {
  runs: number;
  outcomes: Record<string, number>;
  endTurn: { p10: number; p50: number; p90: number };
  peakTension: { p10: number; p50: number; p90: number };
  blame: Record<string, number>;
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[i]!;
}

/** Aggregates run summaries into the odds (outcome counts in the scenario's outcome order). */
export function summarise(scenario: Scenario, runs: RunSummary[]): Odds {
  const outcomes: Record<string, number> = {};
  for (const o of scenario.data.outcomes) outcomes[o.id] = 0;
  const blame: Record<string, number> = {};
  for (const r of runs) {
    outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
    if (r.blame) blame[r.blame] = (blame[r.blame] ?? 0) + 1;
  }
  const ends = runs.map((r) => r.endTurn).sort((a, b) => a - b);
  const peaks = runs.map((r) => r.peak).sort((a, b) => a - b);
  const pct = (xs: number[]) => ({ p10: round2(percentile(xs, 0.1)), p50: round2(percentile(xs, 0.5)), p90: round2(percentile(xs, 0.9)) });
  return { runs: runs.length, outcomes, endTurn: pct(ends), peakTension: pct(peaks), blame };
}

/** The seeds of a batch: "1", "2", … from a base (so --runs N is reproducible). */
export function batchSeeds(count: number, first = 1): string[] {
  return Array.from({ length: count }, (_, i) => String(first + i));
}
