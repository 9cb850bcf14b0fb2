// One odds worker thread (node:worker_threads): plays its share of the seeds as observer games with the
// scenario it was handed (already loaded and validated by the main thread), reports progress, and posts
// the run summaries back in seed order. Bundled with esbuild and started by ./odds-pool.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { runSummary, type RunSummary } from '../sim/index';
import { progressEvery } from '../workers/odds-core';
import type { OddsThreadJob, OddsThreadMessage } from './odds-pool';

const job = workerData as OddsThreadJob;
const post = (m: OddsThreadMessage) => parentPort!.postMessage(m);
const t0 = performance.now();
const every = progressEvery(job.seeds.length);
const runs: RunSummary[] = [];
for (let i = 0; i < job.seeds.length; i++) {
  runs.push(runSummary(job.scenario, job.seeds[i]!, job.maxTurns ?? Infinity));
  if ((i + 1) % every === 0) post({ type: 'progress', done: i + 1 });
}
post({ type: 'done', runs, runMillis: performance.now() - t0 });
