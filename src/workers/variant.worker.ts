// The variant Web Worker: one of the pool's workers (src/store/variant-pool.ts). It keeps the batches it
// is handed and plays the jobs it is sent, one at a time, posting each job's part (./variant-core.ts).
// Cancelling terminates the worker.
import { variantHandler, type VariantReply, type VariantRequest } from './variant-core';

// The project's lib is DOM, not WebWorker: the worker's global scope, as far as it is used here.
const scope = self as unknown as { onmessage: ((e: MessageEvent<VariantRequest>) => void) | null; postMessage(m: VariantReply): void };

const handle = variantHandler();
scope.onmessage = (e) => {
  const reply = handle(e.data);
  if (reply) scope.postMessage(reply);
};
