// The command line as a user runs it: sim prints the same bytes for the same seed, other bytes for
// another; --runs gives the odds (the same on worker threads with --workers) and refuses one game's options;
// validate exits 0/1 with file:line:col errors and never a stack trace; a reader that closes the pipe early
// stops every entry quietly; the README's orders example runs as written.
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, MINI, DEFAULT } from './helpers';

describe('npm run sim', () => {
  it('prints identical JSON for the same seed and different JSON for another', () => {
    const a = cli('sim', [MINI, '--seed', '7', '--json']);
    const b = cli('sim', [MINI, '--seed', '7', '--json']);
    const c = cli('sim', [MINI, '--seed', '8', '--json']);
    expect(a.status).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).not.toBe(a.stdout);
    const doc = JSON.parse(a.stdout);
    expect(doc.scenario.id).toBe('mini');
    expect(doc.seed).toBe('7');
    expect(doc.role).toBe('observer');
    expect(doc.turns[0]).toEqual(expect.objectContaining({ turn: 1, date: '2030-03-01', hash: expect.stringMatching(/^[0-9a-f]{16}$/), band: expect.any(String), tensions: expect.any(Object), events: expect.any(Array) }));
    expect(doc.outcome).toEqual(expect.objectContaining({ id: expect.any(String), turn: doc.turns.length }));
  });

  it('is deterministic on the default scenario too (seed 7 twice, then seed 8)', () => {
    const a = cli('sim', [DEFAULT, '--seed', '7', '--json']);
    const b = cli('sim', [DEFAULT, '--seed', '7', '--json']);
    const c = cli('sim', [DEFAULT, '--seed', '8', '--json']);
    expect(a.status).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(1000);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).not.toBe(a.stdout);
  });

  it('prints a per-turn table with the outcome', () => {
    const r = cli('sim', [MINI, '--seed', '3', '--turns', '5']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^day\s+date\s+band/m);
    expect(r.stdout.split('\n').filter((l) => /^\d+\s+2030-03-0\d/.test(l))).toHaveLength(5);
  });

  it('plays a role with orders from a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brink-'));
    const orders = join(dir, 'orders.json');
    writeFileSync(orders, JSON.stringify({ '1': { south: { action: 'talk', target: 'north' } } }));
    const r = cli('sim', [MINI, '--seed', '3', '--role', 'south', '--orders', orders, '--json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.turns[0].events.some((e: { actor: string; action: string }) => e.actor === 'south' && e.action === 'talk')).toBe(true);
  });

  it("gives the default scenario's odds over 1,000 seeds with more than one outcome", () => {
    const r = cli('sim', [DEFAULT, '--runs', '1000', '--json']);
    expect(r.status).toBe(0);
    const odds = JSON.parse(r.stdout) as { outcomes: Record<string, number> };
    expect(Object.values(odds.outcomes).filter((n) => n > 0).length).toBeGreaterThan(1);
  });

  it('gives the odds over many seeds', () => {
    const r = cli('sim', [MINI, '--runs', '200', '--json']);
    expect(r.status).toBe(0);
    const odds = JSON.parse(r.stdout);
    expect(odds.runs).toBe(200);
    expect(Object.values(odds.outcomes as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(200);
    expect(odds.endTurn).toEqual({ p10: expect.any(Number), p50: expect.any(Number), p90: expect.any(Number) });
    expect(odds.peakTension.p90).toBeGreaterThanOrEqual(odds.peakTension.p10);
  });

  it('gives the same odds on 3 worker threads as on one, and --days cuts games off as "open"', () => {
    const one = cli('sim', [DEFAULT, '--runs', '300', '--days', '40', '--json']);
    const three = cli('sim', [DEFAULT, '--runs', '300', '--days', '40', '--workers', '3', '--json']);
    expect(one.status).toBe(0);
    expect(three.status).toBe(0);
    expect(three.stdout).toBe(one.stdout);
    const odds = JSON.parse(one.stdout) as { runs: number; outcomes: Record<string, number>; endTurn: { p90: number } };
    expect(odds.runs).toBe(300);
    expect(odds.outcomes.open).toBeGreaterThan(0);
    expect(odds.endTurn.p90).toBeLessThanOrEqual(40);
    // Without a cap every game reaches an outcome of the scenario's.
    expect(JSON.parse(cli('sim', [MINI, '--runs', '50', '--workers', '2', '--json']).stdout).outcomes.open).toBeUndefined();
    expect(cli('sim', [MINI, '--workers', '2']).stderr).toMatch(/--workers goes with --runs N/);
  });

  it("refuses one game's options with --runs, naming the option to use (exit 2), and --days without --runs", () => {
    const turns = cli('sim', [DEFAULT, '--turns', '3', '--json', '--runs', '5']);
    expect(turns.status).toBe(2);
    expect(turns.stdout).toBe('');
    expect(turns.stderr).toMatch(/--turns is for one game, not with --runs N: .*use --days D/);
    for (const [o, v] of [['role', 'south'], ['orders', 'orders.json'], ['record', 'game.json']]) {
      const r = cli('sim', [MINI, '--runs', '5', `--${o}`, v!]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`--${o} is for one game, not with --runs N`));
    }
    // The odds are observer games, so saying so is fine.
    expect(cli('sim', [MINI, '--runs', '5', '--role', 'observer', '--json']).status).toBe(0);
    const days = cli('sim', [MINI, '--days', '5']);
    expect(days.status).toBe(2);
    expect(days.stderr).toMatch(/--days goes with --runs N \(to stop one game early, use --turns N\)/);
  });

  it('documents each mode\'s options in --help', () => {
    const r = cli('sim', ['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ {2}--turns N +stop after day N/m);
    expect(r.stdout).toMatch(/^the odds \(--runs N\):\n(?: {2}--.*\n)*? {2}--days D +cut each game off after day D/m);
  });

  it('refuses an unknown role or option with a usage message (exit 2)', () => {
    const r = cli('sim', [MINI, '--role', 'atlantis']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown role 'atlantis'/);
    expect(cli('sim', [MINI, '--sede', '1']).stderr).toMatch(/unknown option --sede/);
  });
});

describe('npm run validate', () => {
  it('exits 0 for a valid file', () => {
    const r = cli('validate', [MINI]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/ok/);
  });

  it('exits 1 with file:line:col errors and no stack trace for a malformed file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brink-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(MINI, 'utf8').replace('location: camp }', 'location: cmap }').replace('fatigue: 0.05', 'fatuige: 0.05'));
    const r = cli('validate', [bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${bad}:`);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+ forces\[garrison\]\.location: unknown place 'cmap' — did you mean 'camp'\?/);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+ pairs\[north-south\]\.fatuige: unknown field/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const sim = cli('sim', [bad]);
    expect(sim.status).toBe(1);
    expect(sim.stderr).toMatch(/did you mean 'camp'/);
  });

  it('reports a missing file without crashing', () => {
    const r = cli('validate', ['scenarios/does-not-exist.yaml']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/does-not-exist\.yaml:1:1 file not found/);
  });
});

/**
 * Runs a CLI entry as `… | head -c 600` in bash with pipefail: head reads a little and exits, so the
 * entry's later writes meet a closed pipe. The status (pipefail) and the stderr are the entry's.
 */
function cliIntoHead(name: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const quote = (a: string) => `'${a.replace(/'/g, "'\\''")}'`;
  const command = [process.execPath, '--import', 'tsx', `src/cli/${name}.ts`, ...args].map(quote).join(' ');
  const r = spawnSync('bash', ['-o', 'pipefail', '-c', `${command} | head -c 600`], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('a reader that closes stdout early', () => {
  it('stops sim quietly, with the status of a process ended by SIGPIPE (141) and no stack trace', () => {
    // The default scenario's JSON (~200 KB) is far more than a pipe holds, so the writes outlive the reader.
    const r = cliIntoHead('sim', [DEFAULT, '--seed', '7', '--json']);
    expect(r.stdout).toHaveLength(600);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(141);
  });

  it('is handled in every command-line entry of package.json', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    // A script runs an entry file, or brink.ts with a command, whose entry file is src/cli/<command>.ts.
    const entries = Object.values(scripts)
      .flatMap((c) => {
        const m = /\b(src\/cli\/[\w-]+\.ts)(?: ([\w-]+))?/.exec(c);
        return !m ? [] : m[2] ? [m[1]!, `src/cli/${m[2]}.ts`] : [m[1]!];
      });
    expect(new Set(entries).size).toBeGreaterThanOrEqual(6);
    for (const f of entries) expect(readFileSync(f, 'utf8'), f).toMatch(/^exitQuietlyOnClosedPipe\(\);$/m);
  });
});

describe("the README's orders example", () => {
  it('names an orders file that ships and plays as written', () => {
    const readme = readFileSync('README.md', 'utf8');
    const files = [...readme.matchAll(/npm run -s sim -- \S+ .*--orders (\S+)/g)].map((m) => m[1]!);
    expect(files.length).toBeGreaterThan(0);
    for (const f of new Set(files)) expect(existsSync(f), f).toBe(true);
    const r = cli('sim', [DEFAULT, '--seed', '7', '--role', 'belarus', '--orders', files[0]!, '--json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const orders = JSON.parse(readFileSync(files[0]!, 'utf8')) as Record<string, { belarus: { action: string; target?: string } }>;
    const doc = JSON.parse(r.stdout) as { turns: { turn: number; events: { actor?: string; action?: string; target?: string }[] }[] };
    let played = 0;
    for (const t of doc.turns) {
      const o = orders[String(t.turn)]?.belarus;
      if (!o) continue;
      expect(t.events, `day ${t.turn}`).toContainEqual(expect.objectContaining({ actor: 'belarus', action: o.action, target: o.target }));
      played++;
    }
    expect(played).toBeGreaterThanOrEqual(3);
  });
});
