// Work put off until the page is idle, so that it does not fall in the frame of a day or a replay's jump:
// the feed's older items, the address bar's long replay link. Where the browser cannot tell idle time
// (no requestIdleCallback), the work runs shortly after instead.

/** Runs `fn` once the page is idle, or after `timeoutMs` at the latest; returns its cancel. */
export function whenIdle(fn: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 50);
  return () => clearTimeout(id);
}
