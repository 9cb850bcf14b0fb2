// What the worker-thread pools of the command line share (sim --runs, balance): a thread's code bundled
// with esbuild in memory, once per process and entry, so that `new Worker(code, { eval: true })` starts in
// tens of milliseconds instead of loading TypeScript through tsx; and items split into even contiguous shares.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const bundles = new Map<string, Promise<string>>();

/** The thread entry's code (a URL such as `new URL('./odds-thread.ts', import.meta.url)`) as one CommonJS script. */
export function bundleThread(entry: URL): Promise<string> {
  const file = fileURLToPath(entry);
  let code = bundles.get(file);
  if (!code) {
    code = build({ entryPoints: [file], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'silent' }).then((r) => r.outputFiles[0]!.text);
    bundles.set(file, code);
  }
  return code;
}

/** Items split into `n` contiguous shares, as even as possible (none empty when there are enough items). */
export function shares<T>(items: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  let first = 0;
  for (let i = 0; i < n; i++) {
    const count = Math.floor(items.length / n) + (i < items.length % n ? 1 : 0);
    if (count > 0) out.push(items.slice(first, first + count));
    first += count;
  }
  return out;
}
