// The odds Web Worker: receives { scenario, seeds }, plays one observer game per seed off the main thread
// (runBatch), posts progress every ~2% and then the run summaries. Cancelling terminates the worker.
import { runBatch, type OddsMessage, type OddsRequest } from './odds-core';

// The project's lib is DOM, not WebWorker: the worker's global scope, as far as it is used here.
const scope = self as unknown as { onmessage: ((e: MessageEvent<OddsRequest>) => void) | null; postMessage(m: OddsMessage): void };

scope.onmessage = (e) => {
  const { scenario, seeds } = e.data;
  try {
    const runs = runBatch(scenario, seeds, { progress: (done, total) => scope.postMessage({ type: 'progress', done, total }) });
    scope.postMessage({ type: 'done', runs });
  } catch (err) {
    scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
