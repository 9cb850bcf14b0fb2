// The compiled command line, `brink` (package.json `bin`), as a user runs it after `npm ci`: built from the
// current sources by the same function `prepare` runs, then started through its bin file. validate exits
// 0 on a good file and 1 with file:line:col errors on a bad one; help lists every command, and every npm
// script of src/cli is one; the worker threads run from their prebuilt bundles; `npx brink` finds the
// root package's bin; a missing build is named with its fix, and a source changed since the build is named.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, CLI_OUT, INPUTS } from '../scripts/build-cli';
import { COMMANDS } from '../src/cli/commands';
import { MINI } from './helpers';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
const BIN = pkg.bin.brink!;

/** The launcher's note that a source changed since the build (other work in the same tree can cause it mid-run). */
const STALE = /^brink: \S+ has changed since the command line was built.*\n/;

/** Runs the bin file itself (its shebang picks node), as a shell would; `stale` is the launcher's note, if any. */
function brink(args: string[], timeout = 120_000) {
  const r = spawnSync(BIN, args, { encoding: 'utf8', timeout });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.replace(STALE, ''), stale: STALE.exec(r.stderr)?.[0] ?? '' };
}

beforeAll(async () => {
  await buildCli();
}, 120_000);

describe('brink, compiled', () => {
  it('is the package bin: an executable file with a node shebang that starts the build in dist-cli/', () => {
    expect(BIN).toBe('bin/brink.js');
    accessSync(BIN, constants.X_OK);
    expect(readFileSync(BIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(existsSync(join(CLI_OUT, 'brink.js'))).toBe(true);
    // Compiled: no TypeScript is left to transpile at run time.
    expect(readdirSync(CLI_OUT).filter((f) => f.endsWith('.ts'))).toEqual([]);
  });

  it('validates a good file: exit 0 and one ok line', () => {
    const r = brink(['validate', MINI]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^tests\/fixtures\/mini\.yaml: ok — Mini crisis: 2 actors, 5 actions, \d+ events, \d+ outcomes \(hash [0-9a-f]{16}\)\n$/);
  });

  it('rejects a bad file: exit 1, file:line:col errors with a hint, no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brink-bin-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(MINI, 'utf8').replace('location: camp }', 'location: cmap }'));
    const r = brink(['validate', MINI, bad]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/mini\.yaml: ok/);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+ forces\[garrison\]\.location: unknown place 'cmap' — did you mean 'camp'\?/);
    expect(r.stderr).toMatch(/1 of 2 files invalid\n$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('lists every command with one line each, on help, --help and -h; alone it prints the list and exits 2', () => {
    const help = brink(['help']);
    expect(help.status).toBe(0);
    for (const [name, c] of Object.entries(COMMANDS)) expect(help.stdout).toContain(`  ${name.padEnd(9)}  ${c.summary}\n`);
    expect(brink(['--help']).stdout).toBe(help.stdout);
    expect(brink(['-h']).stdout).toBe(help.stdout);
    const none = brink([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toBe(help.stdout);
  });

  it('names an unknown command and suggests the close one (exit 2)', () => {
    const r = brink(['valdate', MINI]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("brink: unknown command 'valdate' — did you mean 'validate'? (brink help lists the commands)\n");
    expect(brink(['frobnicate']).stderr).toBe("brink: unknown command 'frobnicate' (brink help lists the commands)\n");
  });

  it('has a command for every npm script that runs src/cli, and each script goes through it', () => {
    const cliScripts = Object.entries(pkg.scripts).filter(([, s]) => s.includes('src/cli/'));
    expect(cliScripts.map(([n]) => n).sort()).toEqual(Object.keys(COMMANDS).sort());
    for (const [name, script] of cliScripts) expect(script).toBe(`tsx src/cli/brink.ts ${name}`);
  });

  it('runs the odds on worker threads from their prebuilt bundles, with the same results as one thread', () => {
    const one = brink(['sim', MINI, '--runs', '200', '--json']);
    const two = brink(['sim', MINI, '--runs', '200', '--workers', '2', '--json']);
    expect(one.status).toBe(0);
    expect(two.stderr).toBe('');
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(two.stdout).runs).toBe(200);
  });

  it('plays balance on worker threads', () => {
    const r = brink(['balance', MINI, '--seeds', '4', '--bots', 'hold,random', '--workers', '2', '--json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { seeds: { count: number }; roles: Record<string, unknown> };
    expect(doc.seeds.count).toBe(4);
    expect(Object.keys(doc.roles).length).toBeGreaterThan(0);
  });

  it('is found by npx from the project folder (the root package\'s own bin)', () => {
    const r = spawnSync('npx', ['brink', 'validate', MINI], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr.replace(STALE, '')).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/mini\.yaml: ok — Mini crisis/);
  });

  it('names a source file changed since the build, and still runs', () => {
    const inputs = JSON.parse(readFileSync(join(CLI_OUT, INPUTS), 'utf8')) as string[];
    expect(inputs).toContain('src/cli/validate.ts');
    expect(inputs).toContain('src/cli/odds-thread.ts');
    expect(inputs.some((f) => f.startsWith('node_modules/'))).toBe(false);
    const file = 'src/cli/commands.ts';
    const { atime, mtime } = statSync(file);
    const later = new Date(Date.now() + 60_000);
    try {
      utimesSync(file, later, later);
      const r = brink(['validate', MINI]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/mini\.yaml: ok/);
      expect(r.stale).toMatch(/^brink: src\/\S+\.ts has changed since the command line was built — run npm run build:cli; this run uses the old build\n$/);
    } finally {
      utimesSync(file, atime, mtime);
    }
  });

  it('says how to build it when dist-cli/ is missing (exit 1)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brink-unbuilt-'));
    mkdirSync(join(dir, 'bin'));
    copyFileSync(BIN, join(dir, BIN));
    const r = spawnSync(process.execPath, [join(dir, BIN), 'validate', MINI], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('brink: the command line is not built (dist-cli/brink.js is missing) — run npm run build:cli (npm ci does it too)\n');
  });
});
