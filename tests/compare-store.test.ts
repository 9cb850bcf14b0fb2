// The viewer's comparison as the store holds it (src/store/compare.ts, issue 18 part 4): the replay of seed
// 7 as Belarus with the six orders of docs/examples/orders.json, compared with its no-orders twin (the first
// diverging day in the very words `npm run -s replay -- game.json --twin` prints), with its orders on Fast
// spiral and on a variant that does not allow an order (stopped, in the model's words), and with other
// replay files: itself (identical), one of another scenario (refused, offering the variant), one that is
// not a replay. The comparison ends when the viewer shows another replay or is left.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeReplay, parseReplay, runGame, type Order } from '../src/sim/index';
import { createSession } from '../src/store/session';
import { createCompare, curveOf, variantChoices } from '../src/store/compare';
import { diskReader } from '../src/cli/files';
import { cli, load, DEFAULT } from './helpers';

const base = load(DEFAULT);
const EXAMPLE = JSON.parse(readFileSync('docs/examples/orders.json', 'utf8')) as Record<string, { belarus: Order }>;
const ORDERS: Record<string, Order> = Object.fromEntries(Object.entries(EXAMPLE).map(([d, o]) => [d, o.belarus]));
const t = runGame(base, '7', { role: 'belarus', orders: (d) => (ORDERS[String(d)] ? { belarus: ORDERS[String(d)]! } : {}) });
const REPLAY = makeReplay(base, '7', 'belarus', ORDERS, t.turns.map((x) => x.hash), t.outcome);
const FILES = ['scenarios/allied-resolve-2022.yaml', 'scenarios/fast-spiral.yaml', 'scenarios/multi-vector-minsk.yaml', 'scenarios/open-books.yaml'];

function viewer(reader = diskReader) {
  const session = createSession();
  session.getState().loadCatalogue(reader, FILES);
  expect(session.getState().openReplay(REPLAY, DEFAULT, reader)).toBeNull();
  return { session, compare: createCompare(session, reader) };
}

describe('comparing the viewer’s replay', () => {
  it('with its no-orders twin: the first diverging day in the command line’s words, the six orders and 28 moves, both curves', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brink-compare-'));
    const file = join(dir, 'game.json');
    writeFileSync(file, JSON.stringify(REPLAY));
    const printed = cli('replay', [file, '--twin']).stdout.split('\n').find((l) => l.startsWith('They diverge'));
    expect(printed).toBe('They diverge on day 3 (29 Dec 2021).');

    const { compare } = viewer();
    expect(compare.getState().withTwin()).toBeNull();
    const c = compare.getState().comparing!;
    expect(c.headline).toBe(printed);
    expect(c).toMatchObject({ kind: 'twin', name: 'No orders', about: 'the same seed with no orders', remarks: [], stop: null, movesLeftOff: 0 });
    expect(c.orders.map((o) => `${o.day} ${o.date} ${o.who}: ${o.text} | ${o.other}`)).toEqual([
      '3 29 Dec 2021 Belarus: Invite Vienna Document observers → OSCE | held',
      '6 1 Jan 2022 Belarus: Publish troop numbers → OSCE | held',
      '12 7 Jan 2022 Belarus: Peace initiative with the OSCE → Ukraine | held',
      '15 10 Jan 2022 Belarus: Insist the exercise is defensive → NATO | held',
      '20 15 Jan 2022 Belarus: Peace initiative with the OSCE → OSCE | held',
      '30 25 Jan 2022 Belarus: Insist the exercise is defensive → Ukraine | held',
    ]);
    expect(c.moves).toHaveLength(28);
    expect(c.moves[0]).toMatchObject({ day: 3, who: 'Belarus', run: 'a', yours: true, incident: false, text: 'Belarus invites OSCE observers to the exercise under the Vienna Document.' });
    // The curves the viewer overlays: 91 days each, this replay's points as the twin's differ from day 3.
    const pa = curveOf(c.comparison, 'a', (d) => d.points.belarus);
    const pb = curveOf(c.comparison, 'b', (d) => d.points.belarus);
    expect(pa).toHaveLength(91);
    expect(pb).toHaveLength(91);
    expect(pa.slice(0, 3)).toEqual(pb.slice(0, 3));
    expect(pa[90]).not.toBe(pb[90]);
  });

  it('with its orders on Fast spiral, and on a variant that stops at an order it does not allow (the model’s words)', () => {
    const { session, compare } = viewer();
    expect(variantChoices(session.getState()).map((v) => v.title)).toEqual(['Fast spiral', 'Multi-vector Minsk', 'Open books']);
    expect(compare.getState().withVariant('scenarios/fast-spiral.yaml')).toBeNull();
    expect(compare.getState().comparing).toMatchObject({ kind: 'variant', name: 'Fast spiral', headline: 'They diverge on day 1 (27 Dec 2021).', stop: null, movesLeftOff: 135 });

    const late = 'extends: ./allied-resolve-2022.yaml\nmeta: { id: late-observers, title: Late observers, summary: Observers only from day 10. }\nactions:\n  - { id: invite-observers, requires: { turnAtLeast: 10 } }\n';
    const reader = { read: (p: string) => (p === 'scenarios/late-observers.yaml' ? late : diskReader.read(p)) };
    const v2 = viewer(reader);
    expect(v2.compare.getState().withVariant('scenarios/late-observers.yaml')).toBeNull();
    const c = v2.compare.getState().comparing!;
    expect(c.stop).toEqual({ day: 3, error: 'day 3: the order "Invite Vienna Document observers → OSCE" cannot be played in Late observers: from day 10' });
    expect(c.remarks[0]).toBe('Late observers stops on day 3: the order "Invite Vienna Document observers → OSCE" cannot be played in Late observers: from day 10 — compared up to day 2.');
    expect(c.comparison.length).toEqual({ a: 90, b: 2 });
    expect(c.headline).toBe('They never diverge over the 2 days both have.');
    // Its own scenario is not a variant.
    expect(v2.compare.getState().withVariant(DEFAULT)?.error).toBe('Allied Resolve 2022 is this replay’s own scenario: pick a variant, or compare with the same seed with no orders');
  });

  it('with replay files: itself is identical; another scenario’s is refused with the variant offered; a file that is not a replay, in words', () => {
    const { compare } = viewer();
    expect(compare.getState().withReplay(parseReplay(JSON.stringify(REPLAY)), 'copy.json')).toBeNull();
    expect(compare.getState().comparing).toMatchObject({ kind: 'replay', name: 'copy.json', about: 'copy.json (seed 7, Belarus)', headline: 'Identical: all 90 days match.', orders: [], moves: [] });

    const fs = load('scenarios/fast-spiral.yaml');
    const ft = runGame(fs, '7', { role: 'belarus', turns: 20 });
    const other = makeReplay(fs, '7', 'belarus', {}, ft.turns.map((x) => x.hash), ft.outcome);
    expect(compare.getState().withReplay({ ok: true, replay: other }, 'spiral.json')).toEqual({
      error: 'spiral.json is a replay of Fast spiral, and this one of Allied Resolve 2022: two scenarios are not compared day by day. Compare this replay’s orders played on Fast spiral instead.',
      variant: { file: 'scenarios/fast-spiral.yaml', title: 'Fast spiral' },
    });
    // A refusal leaves the comparison on screen as it was.
    expect(compare.getState().comparing?.name).toBe('copy.json');
    expect(compare.getState().withReplay(parseReplay('{"name":"brink"}'), 'package.json')?.error).toMatch(/^package\.json: not a Brink replay/);

    // Another seed and role: compared, and said so.
    const seed9 = runGame(base, '9', { role: 'ukraine', turns: 30 });
    expect(compare.getState().withReplay({ ok: true, replay: makeReplay(base, '9', 'ukraine', {}, seed9.turns.map((x) => x.hash), null) }, 'nine.json')).toBeNull();
    expect(compare.getState().comparing!.remarks).toEqual([
      'This replay goes on longer: nine.json stops after day 30, this replay runs to day 90.',
      'Different seeds (7 and 9): the two crises differ from the start.',
      'Different roles (Belarus and Ukraine): the orders compared are each run’s player’s.',
    ]);
  });

  it('stays while the viewer moves, and ends when it shows another replay or plays on', () => {
    const { session, compare } = viewer();
    compare.getState().withTwin();
    session.getState().seek(40);
    session.getState().addNote(40, 'Here.');
    expect(compare.getState().comparing).not.toBeNull();
    session.getState().playOn();
    expect(compare.getState().comparing).toBeNull();
    expect(session.getState().openReplay(REPLAY, DEFAULT, diskReader)).toBeNull();
    compare.getState().withTwin();
    session.getState().openReplay({ ...REPLAY }, DEFAULT, diskReader);
    expect(compare.getState().comparing).toBeNull();
  });
});
