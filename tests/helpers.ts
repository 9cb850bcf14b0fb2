// Shared test helpers: load scenarios from disk and run the CLI as a user would.
import { spawnSync } from 'node:child_process';
import { loadScenario, type Scenario } from '../src/sim/index';
import { diskReader } from '../src/cli/files';

export function load(file: string): Scenario {
  const r = loadScenario(file, diskReader);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.path}: ${e.message}`).join('\n'));
  return r.scenario;
}

/** A reader over in-memory files, for loader tests. */
export function memoryReader(files: Record<string, string>) {
  return { read: (p: string) => files[p] };
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a CLI command (e.g. 'sim') as `npm run -s <name> -- args` does: on the run's compiled command line
 * (tests/cli-prebuild.ts, named in BRINK_TEST_CLI), or with node + tsx when there is none.
 */
export function cli(name: string, args: string[], timeout = 120_000): CliResult {
  const compiled = process.env.BRINK_TEST_CLI;
  const argv = compiled ? [compiled, name, ...args] : ['--import', 'tsx', `src/cli/${name}.ts`, ...args];
  const r = spawnSync(process.execPath, argv, { encoding: 'utf8', timeout });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const MINI = 'tests/fixtures/mini.yaml';
export const DEFAULT = 'scenarios/allied-resolve-2022.yaml';
