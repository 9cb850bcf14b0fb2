// The odds worker's core, as a pure function both the worker and the Node tests run: a batch of observer
// games over the given seeds (runSummary per seed, in order), with progress every ~2% and a cancel check
// between runs. Also the messages the worker and the odds store exchange.
import { runSummary, type RunSummary, type Scenario } from '../sim/index';

/** To the worker: the validated scenario as a plain object (structured-clonable) and the seeds. */
export interface OddsRequest {
  scenario: Scenario;
  seeds: string[];
}

/** From the worker: progress, the finished batch, or an error. */
export type OddsMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; runs: RunSummary[] } | { type: 'error'; message: string };

export interface BatchHooks {
  /** Called after every `progressEvery(seeds.length)` runs, and after the last. */
  progress?(done: number, total: number): void;
  /** Checked between runs: true stops the batch (it returns the runs so far). */
  cancelled?(): boolean;
}

/** Runs between progress reports: about 2% of the batch (at least one). */
export function progressEvery(total: number): number {
  return Math.max(1, Math.ceil(total / 50));
}

/** One observer game per seed, in seed order: the same runs as the CLI's `--runs N` over the same seeds. */
export function runBatch(scenario: Scenario, seeds: readonly string[], hooks: BatchHooks = {}): RunSummary[] {
  const every = progressEvery(seeds.length);
  const runs: RunSummary[] = [];
  for (let i = 0; i < seeds.length; i++) {
    if (hooks.cancelled?.()) break;
    runs.push(runSummary(scenario, seeds[i]!));
    if ((i + 1) % every === 0 || i + 1 === seeds.length) hooks.progress?.(i + 1, seeds.length);
  }
  return runs;
}
