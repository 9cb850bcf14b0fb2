// One worker thread of a variant batch (node:worker_threads): holds the scenario and the batch it was
// handed and plays the jobs the pool sends it, one at a time, posting each job's part back. Bundled with
// esbuild and started by ./variant-pool.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { runVariantJob, type VariantJob } from '../sim/index';
import type { VariantThreadData, VariantThreadMessage } from './variant-pool';

const data = workerData as VariantThreadData;
parentPort!.on('message', (job: VariantJob | null) => {
  if (job === null) {
    parentPort!.close();
    return;
  }
  const m: VariantThreadMessage = { part: runVariantJob(data.scenario, data.batch, job) };
  parentPort!.postMessage(m);
});
