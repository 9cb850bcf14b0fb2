// One odds worker thread (node:worker_threads): holds the scenario it was handed (already loaded and
// validated by the main thread) and plays the chunks of seeds the pool sends it, one at a time, as
// observer games, posting each chunk's run summaries back in seed order. Bundled with esbuild and started
// by ./odds-pool.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { runSummary, type RunSummary } from '../sim/index';
import type { OddsThreadChunk, OddsThreadJob, OddsThreadMessage } from './odds-pool';

const job = workerData as OddsThreadJob;
const post = (m: OddsThreadMessage) => parentPort!.postMessage(m);
let busy = 0;
parentPort!.on('message', (chunk: OddsThreadChunk | null) => {
  if (chunk === null) {
    parentPort!.close();
    return;
  }
  const t0 = performance.now();
  const runs: RunSummary[] = chunk.seeds.map((seed) => runSummary(job.scenario, seed, job.maxTurns ?? Infinity));
  busy += performance.now() - t0;
  post({ first: chunk.first, runs, busyMillis: busy });
});
