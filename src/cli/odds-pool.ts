// The odds on several threads (`sim --runs N --workers W` and the bench): the seeds are cut into small
// chunks that the W worker threads take one at a time as they finish the last (so a thread that happens
// to draw long games does not leave the other idle at the end), and the summaries are put back in seed
// order — the same runs, in the same order, as on one thread. The thread's code (the model only) is
// bundled in memory and started with `eval` (./threads.ts), so a worker is ready in tens of milliseconds.
import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { bundleThread } from './threads';
import type { RunSummary, Scenario } from '../sim/index';

/** What a worker is given at its start: the loaded scenario (structured-cloned) and the day cap (null: none). */
export interface OddsThreadJob {
  scenario: Scenario;
  maxTurns: number | null;
}

/** A chunk of seeds sent to a worker (null: no more); `first` is the index of its first seed. */
export interface OddsThreadChunk {
  first: number;
  seeds: string[];
}

/** What a worker posts for each chunk: its runs, and the ms it has spent playing so far. */
export interface OddsThreadMessage {
  first: number;
  runs: RunSummary[];
  busyMillis: number;
}

export interface PoolOptions {
  workers: number;
  /** Cut each game off after this many days (counted as the 'open' outcome). */
  maxTurns?: number;
  /** Runs finished so far, across all workers. */
  progress?: (done: number, total: number) => void;
}

export interface PoolResult {
  runs: RunSummary[];
  /** ms to bundle the thread's code. */
  bundleMillis: number;
  /** The busiest worker's ms spent playing (without its start-up or waiting). */
  runMillis: number;
  /** Each worker's ms spent playing. */
  workerMillis: number[];
}

/** The worker's code as one CommonJS script (bundled once per process). */
export function threadCode(): Promise<string> {
  return bundleThread(new URL('./odds-thread.ts', import.meta.url));
}

/** Seeds per chunk: about 40 chunks per worker, so the last ones even out the threads' finishing times. */
export function chunkSize(total: number, workers: number): number {
  return Math.max(1, Math.min(500, Math.ceil(total / (workers * 40))));
}

/** Plays every seed on `workers` threads; the runs come back in seed order. */
export async function runOddsParallel(scenario: Scenario, seeds: readonly string[], o: PoolOptions): Promise<PoolResult> {
  if (seeds.length === 0) return { runs: [], bundleMillis: 0, runMillis: 0, workerMillis: [] };
  const t0 = performance.now();
  const code = await threadCode();
  const bundleMillis = performance.now() - t0;
  const size = chunkSize(seeds.length, o.workers);
  const threads = Math.max(1, Math.min(o.workers, Math.ceil(seeds.length / size)));
  const runs: RunSummary[] = new Array(seeds.length);
  const workerMillis = new Array<number>(threads).fill(0);
  let next = 0;
  let done = 0;
  const take = (): OddsThreadChunk | null => {
    if (next >= seeds.length) return null;
    const chunk = { first: next, seeds: seeds.slice(next, next + size) };
    next += size;
    return chunk;
  };
  await Promise.all(
    workerMillis.map(
      (_, i) =>
        new Promise<void>((resolve, reject) => {
          const job: OddsThreadJob = { scenario, maxTurns: o.maxTurns ?? null };
          const w = new Worker(code, { eval: true, workerData: job });
          let finished = false;
          w.on('message', (m: OddsThreadMessage) => {
            for (let k = 0; k < m.runs.length; k++) runs[m.first + k] = m.runs[k]!;
            workerMillis[i] = m.busyMillis;
            done += m.runs.length;
            o.progress?.(done, seeds.length);
            const chunk = take();
            if (chunk === null) finished = true;
            w.postMessage(chunk);
          });
          w.once('error', reject);
          w.once('exit', (exit) => (finished ? resolve() : reject(new Error(`an odds worker stopped (exit code ${exit}) before it finished`))));
          w.postMessage(take());
        }),
    ),
  );
  return { runs, bundleMillis, runMillis: Math.max(...workerMillis), workerMillis };
}
