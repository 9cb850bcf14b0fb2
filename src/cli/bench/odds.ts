// The odds a modder waits for: N observer runs capped at D days on W worker threads, through the same
// pool as `sim --runs N --workers W --days D` (src/cli/odds-pool.ts), timed from the call to the last
// result: bundling the thread's code and starting the workers included, loading the scenario not (the
// CLI does that once, before).
import { performance } from 'node:perf_hooks';
import { batchSeeds } from '../../sim/index';
import { loadFromDisk } from '../files';
import { runOddsParallel } from '../odds-pool';

export interface OddsTiming {
  workers: number;
  runs: number;
  turns: number;
  seconds: number;
  /** The busiest worker's time spent playing, without start-up. */
  runSeconds: number;
  /** Each worker's time spent playing. */
  workerSeconds: number[];
}

/** Plays seeds 1..runs (each capped at `days` days) on `workers` threads. */
export async function oddsSeconds(file: string, runs: number, days: number, workers: number): Promise<OddsTiming> {
  const loaded = loadFromDisk(file);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  const t0 = performance.now();
  const r = await runOddsParallel(loaded.scenario, batchSeeds(runs), { workers, maxTurns: days });
  const seconds = (performance.now() - t0) / 1000;
  if (r.runs.length !== runs) throw new Error(`odds workers played ${r.runs.length} runs, expected ${runs}`);
  const turns = r.runs.reduce((n, x) => n + x.endTurn, 0);
  return { workers, runs, turns, seconds: Math.round(seconds * 100) / 100, runSeconds: Math.round(r.runMillis / 10) / 100, workerSeconds: r.workerMillis.map((m) => Math.round(m / 10) / 100) };
}
