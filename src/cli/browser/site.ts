// Builds the static site for the browser tests and the bench (vite build into a cache folder, so a dev
// build in dist/ is left alone) and runs the CLI for reference hashes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The project's folder: the nearest above this module with a package.json (src/cli/browser here, dist-cli/ in the compiled CLI). */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}: run the bench from the project's clone`);
  }
}

export const ROOT = projectRoot(import.meta.dirname);
/** Where the browser tests build the site; BRINK_SITE_DIR moves it, so two runs at once (two people, or
 * two checkouts' helpers) do not empty each other's folder. */
export const OUT = process.env.BRINK_SITE_DIR ?? join(ROOT, 'node_modules/.cache/brink-browser-dist');

/** Builds the site into `out`. The browser tests' global setup (tests/browser/prebuild.ts) builds the
 * default folder once and says so in BRINK_PREBUILT; a test file that changes its site builds its own. */
export function buildSite(out: string = OUT): string {
  if (out === OUT && process.env.BRINK_PREBUILT === OUT && existsSync(join(OUT, 'index.html'))) return OUT;
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
  return out;
}

export interface CliTurn {
  turn: number;
  hash: string;
  /** The day's events (the fields the browser tests compare with the feed). */
  events: { text: string; visibility: string; actor: string | null }[];
}
export interface CliRun {
  turns: CliTurn[];
  outcome: { id: string; turn: number } | null;
}

/**
 * The CLI's run of a bundled scenario (optionally as a role with orders by turn): on the test run's
 * compiled command line when there is one (BRINK_TEST_CLI, tests/cli-prebuild.ts), else through tsx.
 */
export function cliRun(scenario: string, seed: string, role?: string, orders?: Record<string, Record<string, { action: string; target?: string }>>): CliRun {
  const compiled = process.env.BRINK_TEST_CLI;
  const args = [...(compiled ? [compiled, 'sim'] : ['--import', 'tsx', 'src/cli/sim.ts']), scenario, '--seed', seed, '--json'];
  if (role) args.push('--role', role);
  if (orders) {
    const file = join(mkdtempSync(join(tmpdir(), 'brink-orders-')), 'orders.json');
    writeFileSync(file, JSON.stringify(orders));
    args.push('--orders', file);
  }
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`sim failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as CliRun;
}
