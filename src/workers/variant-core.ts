// The variant worker's core, as a pure message handler that the Web Worker (./variant.worker.ts) and the
// Node tests both run: it keeps the batches it is handed (a scenario and a VariantBatch, by run id) and
// plays the jobs sent to it (runVariantJob, src/sim/variant-runs.ts), one reply per job. Also the
// messages the worker and the pool (src/store/variant-pool.ts) exchange.
import { runVariantJob, type Scenario, type VariantBatch, type VariantJob, type VariantPart } from '../sim/index';

/** To a worker: a run's batch (sent once per worker and run), one of its jobs, or that the run is over. */
export type VariantRequest =
  | { type: 'batch'; run: number; scenario: Scenario; batch: VariantBatch }
  | { type: 'job'; run: number; job: VariantJob }
  | { type: 'forget'; run: number };

/** From a worker: a job's part, or why the job failed. */
export type VariantReply = { type: 'part'; run: number; part: VariantPart } | { type: 'error'; run: number; message: string };

/** A worker's state and handler: the reply to a request (null for those that need none). */
export function variantHandler(): (req: VariantRequest) => VariantReply | null {
  const runs = new Map<number, { scenario: Scenario; batch: VariantBatch }>();
  return (req) => {
    if (req.type === 'batch') {
      runs.set(req.run, { scenario: req.scenario, batch: req.batch });
      return null;
    }
    if (req.type === 'forget') {
      runs.delete(req.run);
      return null;
    }
    const r = runs.get(req.run);
    if (!r) return { type: 'error', run: req.run, message: `a job of run ${req.run} came before its batch` };
    try {
      return { type: 'part', run: req.run, part: runVariantJob(r.scenario, r.batch, req.job) };
    } catch (e) {
      return { type: 'error', run: req.run, message: e instanceof Error ? e.message : String(e) };
    }
  };
}
