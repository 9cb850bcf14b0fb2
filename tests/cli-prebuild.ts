// Vitest global setup: compiles the command line once per test run (scripts/build-cli.ts, about a second)
// into a folder of its own, and names it in BRINK_TEST_CLI. The tests that run a command as a user would
// (tests/helpers.ts cli(), src/cli/browser/site.ts cliRun()) start that build with plain Node, the way the
// `brink` bin runs: the same code as `npm run <command>`, without transpiling TypeScript at each of the
// hundred or so calls (about a CPU-second each). Built from the sources as they are now, so never stale.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli } from '../scripts/build-cli';

export default async function setup(): Promise<() => void> {
  // Inside the project, as dist-cli/ is (the compiled code finds the project by walking up); one folder
  // per run, so two runs at once do not empty each other's.
  const cache = join('node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'brink-test-cli-'));
  const bin = await buildCli('.', dir);
  process.env.BRINK_TEST_CLI = bin;
  return () => rmSync(dir, { recursive: true, force: true });
}
