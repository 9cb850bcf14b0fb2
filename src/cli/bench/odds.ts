// The odds a modder waits for: N observer runs capped at D days, split between W worker threads, timed
// from spawning the workers to the last result (worker start-up and scenario loading included).
import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import type { OddsJob, OddsResult } from './odds-thread';

export interface OddsTiming {
  workers: number;
  runs: number;
  turns: number;
  seconds: number;
  /** The slowest worker's time spent playing, without start-up (tsx, loading the scenario). */
  runSeconds: number;
}

// Node 20 does not apply `execArgv: ['--import', 'tsx']` before a worker's entry is loaded (the .ts file
// fails with ERR_UNKNOWN_FILE_EXTENSION), so each worker starts from this ESM snippet, which registers
// tsx's loader in the worker and then imports the TypeScript entry.
const THREAD = new URL('./odds-thread.ts', import.meta.url).href;
const TSX = import.meta.resolve('tsx/esm/api');
const BOOT = `import(${JSON.stringify(TSX)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(THREAD)}); });`;

function runWorker(job: OddsJob): Promise<OddsResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(BOOT, { eval: true, workerData: job });
    let result: OddsResult | null = null;
    w.once('message', (m: OddsResult) => (result = m));
    w.once('error', reject);
    w.once('exit', (code) => (result ? resolve(result) : reject(new Error(`odds worker exited with code ${code} and no result`))));
  });
}

/** Plays seeds 1..runs (each capped at `days` days) on `workers` threads; the seeds split evenly. */
export async function oddsSeconds(file: string, runs: number, days: number, workers: number): Promise<OddsTiming> {
  const t0 = performance.now();
  const jobs: OddsJob[] = [];
  let first = 1;
  for (let i = 0; i < workers; i++) {
    const count = Math.floor(runs / workers) + (i < runs % workers ? 1 : 0);
    jobs.push({ file, first, count, days });
    first += count;
  }
  const results = await Promise.all(jobs.map(runWorker));
  const seconds = (performance.now() - t0) / 1000;
  const played = results.reduce((n, r) => n + r.runs, 0);
  if (played !== runs) throw new Error(`odds workers played ${played} runs, expected ${runs}`);
  return { workers, runs, turns: results.reduce((n, r) => n + r.turns, 0), seconds: Math.round(seconds * 100) / 100, runSeconds: Math.round(Math.max(...results.map((r) => r.runMillis)) / 10) / 100 };
}
