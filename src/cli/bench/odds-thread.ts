// One odds worker (node:worker_threads, run under tsx): loads the scenario from disk and plays its share of
// the seeds as observer games capped at `days` days, then posts back how many runs it played and their
// outcome counts. Spawned by ./odds.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { createGame, step } from '../../sim/index';
import { loadFromDisk } from '../files';

export interface OddsJob {
  file: string;
  /** Seeds first .. first + count - 1. */
  first: number;
  count: number;
  days: number;
}

export interface OddsResult {
  runs: number;
  turns: number;
  outcomes: Record<string, number>;
  /** ms spent playing (after the worker started and loaded the scenario). */
  runMillis: number;
}

const job = workerData as OddsJob;
const loaded = loadFromDisk(job.file);
if (!loaded.ok) throw new Error(`${job.file} does not load`);
const scenario = loaded.scenario;
const outcomes: Record<string, number> = {};
let turns = 0;
const t0 = performance.now();
for (let i = 0; i < job.count; i++) {
  let state = createGame(scenario, String(job.first + i));
  while (!state.outcome && state.turn < job.days) state = step(scenario, state).state;
  turns += state.turn;
  const id = state.outcome?.id ?? 'open';
  outcomes[id] = (outcomes[id] ?? 0) + 1;
}
const result: OddsResult = { runs: job.count, turns, outcomes, runMillis: performance.now() - t0 };
parentPort?.postMessage(result);
