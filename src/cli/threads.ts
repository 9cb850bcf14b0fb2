// What the worker-thread pools of the command line share (sim --runs, balance): a thread's code bundled
// with esbuild in memory, once per process and entry, so that `new Worker(code, { eval: true })` starts in
// tens of milliseconds instead of loading TypeScript through tsx; and items split into even contiguous shares.
// In the compiled `brink` (dist-cli/, scripts/build-cli.ts) the entry's .ts is not there: the thread's
// bundle was built beside it as a .cjs file, and is read instead.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const bundles = new Map<string, Promise<string>>();

/** The thread entry's code (a URL such as `new URL('./odds-thread.ts', import.meta.url)`) as one CommonJS script. */
export function bundleThread(entry: URL): Promise<string> {
  const file = fileURLToPath(entry);
  let code = bundles.get(file);
  if (!code) {
    code = existsSync(file) ? bundleSource(file) : readPrebuilt(file);
    bundles.set(file, code);
  }
  return code;
}

/** The thread's TypeScript entry bundled with its imports (esbuild, loaded only here: the compiled CLI never needs it). */
async function bundleSource(file: string): Promise<string> {
  const { build } = await import('esbuild');
  const r = await build({ entryPoints: [file], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'silent' });
  return r.outputFiles[0]!.text;
}

/** The compiled CLI's prebuilt bundle of the thread: `odds-thread.cjs` beside where `odds-thread.ts` would be. */
async function readPrebuilt(file: string): Promise<string> {
  const cjs = file.replace(/\.ts$/, '.cjs');
  if (!existsSync(cjs)) throw new Error(`the worker thread's code is missing: neither ${file} nor ${cjs} exists — rebuild the command line with npm run build:cli`);
  return readFile(cjs, 'utf8');
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
