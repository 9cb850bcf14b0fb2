// Compiles the command line (`brink`, src/cli/brink.ts) to JavaScript in dist-cli/ (git ignores it), so the
// bin starts with plain Node instead of transpiling TypeScript at every call. Run on `prepare` (so `npm ci`
// builds it) and by `npm run build:cli`. One ES module per command (esbuild's code splitting: `brink
// validate` loads the model, not the bench's browser code), and the worker threads' bundles beside them as
// .cjs files (read by src/cli/threads.ts). The runtime dependencies are bundled in; the development tools
// the bench drives (vite, playwright-core) stay in node_modules. It also lists the project files it was
// built from (dist-cli/inputs.json), so bin/brink.js can say when one has changed since.
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const CLI_OUT = 'dist-cli';
/** The project files the build read, relative to the project (read by bin/brink.js). */
export const INPUTS = 'inputs.json';

/** The worker threads' entries, built as CommonJS scripts that src/cli/threads.ts reads by name. */
const THREADS = ['src/cli/odds-thread.ts', 'src/cli/balance-thread.ts', 'src/cli/variant-thread.ts'];

/** Left to node_modules: the bench's browser tools and the thread bundler (not needed once compiled). */
const EXTERNAL = ['vite', 'playwright-core', 'esbuild'];

/** Builds the CLI into `outdir` (relative to `root`); returns the bin's path. */
export async function buildCli(root = '.', outdir = CLI_OUT): Promise<string> {
  const out = resolve(root, outdir);
  rmSync(out, { recursive: true, force: true });
  const common = { absWorkingDir: resolve(root), bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', legalComments: 'none', minifyWhitespace: true, minifySyntax: true, sourcemap: 'linked' } as const;
  const main = await build({
    ...common,
    metafile: true,
    entryPoints: { brink: 'src/cli/brink.ts' },
    outdir: out,
    format: 'esm',
    splitting: true,
    chunkNames: '[name]-[hash]',
    external: EXTERNAL,
    // seedrandom is CommonJS and asks for node's crypto with require(): give ES modules a require.
    banner: { js: "import { createRequire as __brinkRequire } from 'node:module'; const require = __brinkRequire(import.meta.url);" },
  });
  const threads = await build({
    ...common,
    metafile: true,
    entryPoints: THREADS,
    outdir: out,
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
  });
  const inputs = [...Object.keys(main.metafile.inputs), ...Object.keys(threads.metafile.inputs)].filter((f) => !f.startsWith('node_modules/'));
  writeFileSync(join(out, INPUTS), `${JSON.stringify([...new Set(inputs)].sort(), null, 1)}\n`);
  return join(out, 'brink.js');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const t0 = performance.now();
  const bin = await buildCli();
  process.stdout.write(`built ${bin} in ${Math.round(performance.now() - t0)} ms\n`);
}
