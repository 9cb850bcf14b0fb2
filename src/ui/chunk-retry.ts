// A lazily loaded chunk that can be tried again after it failed to arrive. Chromium remembers a failed
// dynamic import of a URL and fails the next import of it the same way without fetching, so "Try again"
// never loaded anything. The second and later tries import the same file under a new query (the failed
// URL is read from the browser's error message); where the message names no URL, the import is simply
// called again.

/** The script URL a failed dynamic import names, or null. */
export function failedChunkUrl(e: unknown): string | null {
  const text = e instanceof Error ? e.message : String(e);
  const m = /(https?:\/\/[^\s'"]+?\.m?js)(?:\?[^\s'"]*)?/.exec(text);
  return m ? m[1]! : null;
}

/** `load` (a dynamic import), made to fetch its file again when called after a failure. */
export function retryable<T>(load: () => Promise<T>): () => Promise<T> {
  let failed: string | null = null;
  let tries = 0;
  const remember = (e: unknown): never => {
    failed = failedChunkUrl(e) ?? failed;
    throw e;
  };
  return () => {
    if (failed === null) return load().catch(remember);
    tries += 1;
    return (import(/* @vite-ignore */ `${failed}?retry=${tries}`) as Promise<T>).catch(remember);
  };
}
