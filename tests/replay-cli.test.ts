// `npm run -s replay` as a teacher runs it (issue 18): --notes prints the notes by day and date (or "no
// notes"); two replays, --twin and --variant compare two runs and name the first diverging day, the orders
// and the moves that differed, in aligned columns, with the exit codes a script reads (0 identical, 1 they
// differ, 2 bad input, 3 a replay that does not hold); --json gives the same as one object; replays of two
// scenarios, a missing file and a wrong --scenario are refused with what to do. 30-day replays keep it fast.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeReplay, runGame, verifyReplay, type Order, type Replay, type Scenario } from '../src/sim/index';
import { helpText } from '../src/cli/commands';
import { cli, load, DEFAULT } from './helpers';

const base = load(DEFAULT);
const dir = mkdtempSync(join(tmpdir(), 'brink-replay-cli-'));
const OBSERVERS: Order = { action: 'invite-observers', target: 'osce' };
const PEACE: Order = { action: 'peace-initiative', target: 'ukraine' };

function write(name: string, scenario: Scenario, orders: Record<string, Order>, extra: Partial<Replay> = {}): string {
  const t = runGame(scenario, '7', { role: 'belarus', turns: 30, orders: (d) => (orders[String(d)] ? { belarus: orders[String(d)]! } : {}) });
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ ...makeReplay(scenario, '7', 'belarus', orders, t.turns.map((x) => x.hash), t.outcome), ...extra }));
  return file;
}

const A = write('a.json', base, { '3': OBSERVERS, '12': PEACE });
const B = write('b.json', base, { '3': PEACE, '12': PEACE });
const NOTED = write('noted.json', base, { '3': OBSERVERS }, { notes: [{ day: 3, text: 'Observers invited:\nwatch Belarus–OSCE.' }, { day: 12, text: 'The peace initiative.' }] });

describe('npm run replay -- FILE --notes', () => {
  it('verifies, then prints each note with its day and in-game date, one a line; "no notes" when there are none', () => {
    const r = cli('replay', [NOTED, '--notes']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${NOTED}: holds — Allied Resolve 2022, seed 7, role belarus, 30 days, 1 order; no outcome yet; every checkpoint matches\nday 3   29 Dec 2021  Observers invited: watch Belarus–OSCE.\nday 12  7 Jan 2022   The peace initiative.\n`);
    const none = cli('replay', [A, '--notes']);
    expect(none.status).toBe(0);
    expect(none.stdout.split('\n').slice(1)).toEqual(['no notes', '']);
  });
});

describe('npm run replay -- A.json B.json', () => {
  it('names the first diverging day, and lists the orders and the moves that differed in aligned columns (exit 1)', () => {
    const r = cli('replay', [A, B]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^A {2}\S+a\.json {2}Allied Resolve 2022, seed 7, role belarus, 30 days, 2 orders; no outcome yet$/);
    expect(lines[1]).toMatch(/^B {2}\S+b\.json {2}Allied Resolve 2022, seed 7, role belarus, 30 days, 2 orders; no outcome yet$/);
    expect(r.stdout).toContain('\nThey diverge on day 3 (29 Dec 2021).\n');
    expect(r.stdout).toContain(
      [
        'Orders that differed (1):',
        '  day  date         A                                        B',
        '    3  29 Dec 2021  Invite Vienna Document observers → OSCE  Peace initiative with the OSCE → Ukraine',
      ].join('\n'),
    );
    expect(r.stdout).toMatch(/Moves that differed, from day 3 \(\d+\); \* is the player's own:\n {2}day {2}run {2}actor {4}move\n {4}3 {2}A\* {3}Belarus {2}Belarus invites OSCE observers to the exercise under the Vienna Document\.\n {4}3 {2}B\* {3}Belarus {2}Alexander Lukashenka proposes a new round of peace talks with the OSCE\.\n/);
    expect(r.stdout).toMatch(/\nDay 30 \(25 Jan 2022\), the last both have:\n +A +B\n {2}tension +\d+\.\d +\d+\.\d\n {2}Belarus VP/);
  });

  it('says "Identical" and exits 0 for a replay against itself; --json gives one object with both runs and the curves', () => {
    const same = cli('replay', [A, A]);
    expect(same.status).toBe(0);
    expect(same.stdout).toContain('\nIdentical: all 30 days match.\n');
    const j = cli('replay', [A, B, '--json']);
    expect(j.status).toBe(1);
    const doc = JSON.parse(j.stdout);
    expect(doc).toMatchObject({ mode: 'compare', identical: false, divergedAt: 3, length: { a: 30, b: 30 }, longer: null, stopped: null, a: { file: A, role: 'belarus', days: 30 }, b: { file: B, kind: 'replay' } });
    expect(doc.orders).toEqual([{ day: 3, a: OBSERVERS, b: PEACE, aText: 'Invite Vienna Document observers → OSCE', bText: 'Peace initiative with the OSCE → Ukraine' }]);
    expect(doc.curves).toHaveLength(31);
    expect(Object.keys(doc.curves[30].a.points)).toEqual(['belarus', 'russia', 'ukraine', 'nato']);
  });

  it('refuses two replays of different scenarios (exit 2) and points to --variant', () => {
    const other = write('fast.json', load('scenarios/fast-spiral.yaml'), { '3': OBSERVERS });
    const r = cli('replay', [A, other]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${A} is a replay of 'allied-resolve-2022' and ${other} of 'fast-spiral': two replays compare only on one scenario. To play ${A}'s orders on the other, use: npm run -s replay -- ${A} --variant scenarios/fast-spiral.yaml\n`);
  });

  it('refuses a missing file (2) and a replay that does not hold (3), before comparing anything', () => {
    const missing = cli('replay', [A, join(dir, 'nope.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`${join(dir, 'nope.json')}: file not found\n`);
    const edited = write('edited.json', base, { '3': OBSERVERS, '12': PEACE }, { orders: { '3': PEACE, '12': PEACE } });
    const r = cli('replay', [edited, B]);
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/edited\.json: does not hold \(diverges on day 3\): day 3 differs from the recording — nothing compared/);
  });
});

describe('npm run replay -- A.json --twin / --variant FILE', () => {
  it('compares with the no-orders twin: the first order\'s day, and in --json the twin as a replay that verifies', () => {
    const r = cli('replay', [A, '--twin']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^B {2}the no-orders twin of \S+a\.json {2}Allied Resolve 2022, seed 7, role belarus, 30 days, no orders; no outcome yet$/m);
    expect(r.stdout).toContain('\nThey diverge on day 3 (29 Dec 2021).\n');
    expect(r.stdout).toMatch(/\n {4}3 {2}29 Dec 2021 {2}Invite Vienna Document observers → OSCE +held\n {3}12 {2}7 Jan 2022 {3}Peace initiative with the OSCE → Ukraine {2}held\n/);
    const j = JSON.parse(cli('replay', [A, '--twin', '--json']).stdout);
    expect(j).toMatchObject({ mode: 'twin', divergedAt: 3, b: { kind: 'twin', file: null, orders: {} } });
    expect(verifyReplay(base, j.b.replay).ok).toBe(true);
  });

  it('plays the orders on a variant, and stops on the day of an order the variant lacks, saying which (exit 1)', () => {
    const repress = write('repress.json', base, { '3': OBSERVERS, '4': { action: 'repress-dissent', target: 'society' } });
    const r = cli('replay', [repress, '--variant', 'scenarios/multi-vector-minsk.yaml']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^B {2}\S+repress\.json's orders on Multi-vector Minsk {2}Multi-vector Minsk, seed 7, role belarus, 3 days, 1 order; no outcome yet$/m);
    expect(r.stdout).toContain(`\nB stops on day 4: the order "repress-dissent → Belarusian society" cannot be played in Multi-vector Minsk: it has no action 'repress-dissent' — compared up to day 3.\n`);
    expect(r.stdout).toContain('\nA goes on longer: B stops after day 3, A runs to day 30.\n');
  });

  it('refuses mixed forms with the usage (2), and a --scenario that is not the replay\'s with the --variant to use', () => {
    const notes = cli('replay', [A, B, '--notes']);
    expect(notes.status).toBe(2);
    expect(notes.stderr).toBe('replay: --notes goes with one replay: npm run -s replay -- FILE --notes\n');
    const wrong = cli('replay', [A, '--scenario', 'scenarios/open-books.yaml']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toBe(`${A}: this replay is for scenario 'allied-resolve-2022', not 'open-books' (scenarios/open-books.yaml); to play its orders on that one, use --variant scenarios/open-books.yaml\n`);
  });
});

describe('brink help', () => {
  it("names replay's comparisons in its line", () => {
    expect(helpText()).toMatch(/ {2}replay {5}verify a replay file.*; A\.json B\.json, --twin or --variant FILE compare two runs/);
  });
});
