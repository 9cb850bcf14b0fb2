// The odds runner (zustand, vanilla): plays the session's scenario over N seeds ("1".."N", the CLI's
// `--runs N`) in a Web Worker and keeps plain data for the Odds panel — status, progress, the result and a
// baseline for "before / after". Keep a result as the baseline by hand, or run again after the scenario
// changed (a tweak) and the previous result of the same scenario becomes the baseline. No DOM here.
import { createStore } from 'zustand/vanilla';
import { batchSeeds, summarise, type Odds, type RunSummary, type Scenario } from '../sim/index';
import type { OddsMessage, OddsRequest } from '../workers/odds-core';

export type { Odds, RunSummary };

export type OddsStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** The batch sizes the panel offers. */
export const ODDS_SIZES = [100, 500, 1000, 2000] as const;

/** One finished batch: the odds (equal to the CLI's JSON) and what the panel draws besides. */
export interface OddsReport {
  odds: Odds;
  /** Per outcome id, the number of runs that ended on each day (index = day, 0 … turnLimit). */
  byDay: Record<string, number[]>;
  /** The scenario's outcomes in file order (ids and names). */
  outcomes: { id: string; name: string }[];
  /** Actor names by id (for the blame line). */
  actors: Record<string, string>;
  scenarioId: string;
  hash: string;
  title: string;
  turnLimit: number;
  /** e.g. "Allied Resolve 2022 · 3f9a12c0". */
  label: string;
  /** Wall time of the batch in the worker, in milliseconds. */
  ms: number;
}

export interface OddsData {
  status: OddsStatus;
  done: number;
  total: number;
  /** The last finished batch. */
  result: OddsReport | null;
  /** The batch the result is compared with ("before"). */
  baseline: OddsReport | null;
  /** What is (or was last) being run: the scenario's label. */
  label: string;
  /** The batch size chosen. */
  n: number;
  error: string | null;
}

export interface OddsActions {
  /** Runs `scenario` over seeds 1…n in a worker (a run under way is cancelled first). */
  runOdds(scenario: Scenario, n: number): void;
  /** Stops the batch under way: the status becomes 'cancelled' and no more progress arrives. */
  cancelOdds(): void;
  /** Keeps the current result as the baseline. */
  keepAsBaseline(): void;
  clearBaseline(): void;
  setN(n: number): void;
}

export type OddsState = OddsData & OddsActions;

/** The part of a Worker the runner uses (so tests can run the batch in-process). */
export interface OddsWorker {
  onmessage: ((e: MessageEvent<OddsMessage>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  postMessage(m: OddsRequest): void;
  terminate(): void;
}

export const initialOdds: OddsData = { status: 'idle', done: 0, total: 0, result: null, baseline: null, label: '', n: 500, error: null };

function spawnWorker(): OddsWorker {
  return new Worker(new URL('../workers/odds.worker.ts', import.meta.url), { type: 'module', name: 'brink-odds' }) as unknown as OddsWorker;
}

/** The scenario's label: its title and the start of its hash (which changes with any tweak). */
export function scenarioLabel(scenario: Scenario): string {
  return `${scenario.data.meta.title} · ${scenario.hash.slice(0, 8)}`;
}

/** The finished batch as a report: the odds exactly as the CLI computes them, plus the end days by outcome. */
export function makeReport(scenario: Scenario, runs: RunSummary[], ms: number): OddsReport {
  const d = scenario.data;
  const limit = d.meta.turnLimit;
  const byDay: Record<string, number[]> = {};
  for (const o of d.outcomes) byDay[o.id] = new Array<number>(limit + 1).fill(0);
  for (const r of runs) {
    const row = (byDay[r.outcome] ??= new Array<number>(limit + 1).fill(0));
    const day = Math.max(0, Math.min(limit, r.endTurn));
    row[day] = (row[day] ?? 0) + 1;
  }
  return {
    odds: summarise(scenario, runs),
    byDay,
    outcomes: d.outcomes.map((o) => ({ id: o.id, name: o.name })),
    actors: Object.fromEntries(d.actors.map((a) => [a.id, a.name])),
    scenarioId: d.meta.id,
    hash: scenario.hash,
    title: d.meta.title,
    turnLimit: limit,
    label: scenarioLabel(scenario),
    ms,
  };
}

/** A new odds runner; `spawn` makes the worker (a real Web Worker unless a test gives another). */
export function createOdds(spawn: () => OddsWorker = spawnWorker) {
  let worker: OddsWorker | null = null;
  const stop = () => {
    if (!worker) return;
    worker.onmessage = null;
    worker.onerror = null;
    worker.terminate();
    worker = null;
  };

  return createStore<OddsState>()((set, get) => ({
    ...initialOdds,

    runOdds(scenario, n) {
      stop();
      const { result, baseline } = get();
      // After a change to the same scenario, the last result becomes "before" (unless one is kept already).
      const changed = result && result.scenarioId === scenario.data.meta.id && result.hash !== scenario.hash;
      const keep = changed && (!baseline || baseline.scenarioId !== scenario.data.meta.id) ? result : baseline;
      const seeds = batchSeeds(n);
      const t0 = performance.now();
      const w = spawn();
      worker = w;
      set({ status: 'running', done: 0, total: n, n, label: scenarioLabel(scenario), error: null, baseline: keep });
      w.onmessage = (e) => {
        if (worker !== w) return;
        const m = e.data;
        if (m.type === 'progress') set({ done: m.done });
        else if (m.type === 'done') {
          stop();
          set({ status: 'done', done: m.runs.length, result: makeReport(scenario, m.runs, performance.now() - t0) });
        } else {
          stop();
          set({ status: 'error', error: m.message });
        }
      };
      w.onerror = (e) => {
        if (worker !== w) return;
        stop();
        set({ status: 'error', error: e.message || 'the odds worker failed' });
      };
      // The Scenario object itself: data (plain, validated), hash and files are all structured-clonable.
      w.postMessage({ scenario: { data: scenario.data, hash: scenario.hash, files: scenario.files }, seeds });
    },

    cancelOdds() {
      if (get().status !== 'running') return;
      stop();
      set({ status: 'cancelled' });
    },

    keepAsBaseline() {
      const { result } = get();
      if (result) set({ baseline: result });
    },

    clearBaseline() {
      set({ baseline: null });
    },

    setN(n) {
      set({ n });
    },
  }));
}

export type OddsStore = ReturnType<typeof createOdds>;

let shared: OddsStore | null = null;

/** The app's odds runner (made on first use, so a page that never opens the panel never starts a worker). */
export function oddsStore(): OddsStore {
  return (shared ??= createOdds());
}
