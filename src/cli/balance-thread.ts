// One balance worker thread (node:worker_threads): takes jobs from ./balance-pool.ts one at a time (a work
// queue, so the slow search games spread over the threads), plays each with the scenario it was handed
// (already loaded and validated by the main thread), and posts a note per game and the job's results.
import { parentPort, workerData } from 'node:worker_threads';
import { playJob } from './balance-job';
import type { BalanceThreadData, ToBalanceThread, FromBalanceThread } from './balance-pool';

const { scenario } = workerData as BalanceThreadData;
const post = (m: FromBalanceThread) => parentPort!.postMessage(m);
parentPort!.on('message', (m: ToBalanceThread) => {
  if (m.type === 'stop') {
    parentPort!.close();
    return;
  }
  const result = playJob(scenario, m.job, () => post({ type: 'game' }));
  post({ type: 'done', id: m.id, result });
});
