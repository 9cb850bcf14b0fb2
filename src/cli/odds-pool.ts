// The odds on several threads (`sim --runs N --workers W` and the bench): the seeds are split into W
// contiguous shares, each played by a worker thread, and the summaries joined back in seed order — the
// same runs, in the same order, as on one thread. The thread's code (the model only) is bundled in memory
// and started with `eval` (./threads.ts), so a worker is ready in tens of milliseconds.
import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { bundleThread, shares } from './threads';
import type { RunSummary, Scenario } from '../sim/index';

/** What a worker is given: the loaded scenario (structured-cloned), its seeds and the day cap (null: none). */
export interface OddsThreadJob {
  scenario: Scenario;
  seeds: string[];
  maxTurns: number | null;
}

/** What a worker posts: progress within its share, then its runs. */
export type OddsThreadMessage = { type: 'progress'; done: number } | { type: 'done'; runs: RunSummary[]; runMillis: number };

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
  /** The slowest worker's ms spent playing (without its start-up). */
  runMillis: number;
}

/** The worker's code as one CommonJS script (bundled once per process). */
export function threadCode(): Promise<string> {
  return bundleThread(new URL('./odds-thread.ts', import.meta.url));
}

/** Plays every seed on `workers` threads; the runs come back in seed order. */
export async function runOddsParallel(scenario: Scenario, seeds: readonly string[], o: PoolOptions): Promise<PoolResult> {
  const t0 = performance.now();
  const code = await threadCode();
  const bundleMillis = performance.now() - t0;
  const parts = shares(seeds, Math.max(1, o.workers));
  const done = parts.map(() => 0);
  const results = await Promise.all(
    parts.map(
      (part, i) =>
        new Promise<{ runs: RunSummary[]; runMillis: number }>((resolve, reject) => {
          const job: OddsThreadJob = { scenario, seeds: part, maxTurns: o.maxTurns ?? null };
          const w = new Worker(code, { eval: true, workerData: job });
          let result: { runs: RunSummary[]; runMillis: number } | null = null;
          w.on('message', (m: OddsThreadMessage) => {
            if (m.type === 'progress') {
              done[i] = m.done;
              o.progress?.(done.reduce((a, b) => a + b, 0), seeds.length);
            } else {
              result = m;
              done[i] = part.length;
              o.progress?.(done.reduce((a, b) => a + b, 0), seeds.length);
            }
          });
          w.once('error', reject);
          w.once('exit', (code) => (result ? resolve(result) : reject(new Error(`an odds worker stopped (exit code ${code}) before it finished`))));
        }),
    ),
  );
  return { runs: results.flatMap((r) => r.runs), bundleMillis, runMillis: Math.max(...results.map((r) => r.runMillis)) };
}
