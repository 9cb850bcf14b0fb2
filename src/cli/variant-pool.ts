// Variant batches on several threads (`sim --sensitivity` and `sim --sweep`): the batch's jobs (a variant
// and a range of seeds, src/sim/variant-runs.ts) go to W worker threads one at a time, each taking the next
// as it finishes the last, and every part is merged into one tally by seed index, so the result is the
// same as on one thread, whatever the split. The pattern of ./odds-pool.ts: the thread's code (the model
// only) is bundled in memory and started with `eval` (./threads.ts); the compiled CLI reads it prebuilt.
import { Worker } from 'node:worker_threads';
import { addPart, batchJobs, emptyTally, runVariantJob, seedsPerJob, type Scenario, type VariantBatch, type VariantJob, type VariantPart, type VariantTally } from '../sim/index';
import { bundleThread } from './threads';

/** What a worker is given at its start: the loaded scenario and the batch (both structured-cloned). */
export interface VariantThreadData {
  scenario: Scenario;
  batch: VariantBatch;
}

/** What a worker posts for each job: its part. */
export interface VariantThreadMessage {
  part: VariantPart;
}

export interface VariantPoolOptions {
  workers: number;
  /** Games merged so far, of all. */
  progress?: (done: number, total: number) => void;
}

/** Plays every job of the batch on `workers` threads (here, without a thread, when `workers` is 1). */
export async function runVariantsParallel(scenario: Scenario, batch: VariantBatch, o: VariantPoolOptions): Promise<VariantTally> {
  const tally = emptyTally(batch);
  const jobs = batchJobs(batch, seedsPerJob(batch, o.workers));
  const merge = (part: VariantPart) => {
    addPart(tally, batch, part);
    o.progress?.(tally.done, tally.total);
  };
  if (o.workers <= 1) {
    for (const job of jobs) merge(runVariantJob(scenario, batch, job));
    return tally;
  }
  const code = await bundleThread(new URL('./variant-thread.ts', import.meta.url));
  let next = 0;
  const take = (): VariantJob | null => (next < jobs.length ? jobs[next++]! : null);
  const threads = Math.max(1, Math.min(o.workers, jobs.length));
  await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<void>((resolve, reject) => {
          const data: VariantThreadData = { scenario, batch };
          const w = new Worker(code, { eval: true, workerData: data });
          let finished = false;
          w.on('message', (m: VariantThreadMessage) => {
            merge(m.part);
            const job = take();
            if (job === null) finished = true;
            w.postMessage(job);
          });
          w.once('error', reject);
          w.once('exit', (exit) => (finished ? resolve() : reject(new Error(`a worker stopped (exit code ${exit}) before it finished`))));
          w.postMessage(take());
        }),
    ),
  );
  return tally;
}
