// Teaching with replays (issue 18) without a browser: links that name a day (&day=N, a bad value ignored
// or clamped), the viewer's timeline marks of a recorded replay as a named golden table (turning points
// as the debrief counts them, band changes, incidents, the player's moves, notes), the next/previous
// mark, and the layout of the marks row: merged where they crowd, never overlapping, always inside the
// row, whatever the number of marks and the width.
import { describe, expect, it } from 'vitest';
import { makeReplay, runGame, type Order } from '../src/sim/index';
import { readDayFragment, readReplayFragment, replayFragment, replayLink } from '../src/store/replay-link';
import { nextMarkedDay, timelineMarks } from '../src/store/replay-marks';
import { createSession } from '../src/store/session';
import { turningPoints } from '../src/store/ui-view';
import { clusterTarget, layoutMarks } from '../src/ui/replay-timeline';
import { diskReader } from '../src/cli/files';
import { load, DEFAULT } from './helpers';

const scenario = load(DEFAULT);
const ORDERS: Record<string, Order> = { '3': { action: 'peace-initiative', target: 'ukraine' }, '6': { action: 'war-rhetoric', target: 'ukraine' } };
const NOTES = [
  { day: 12, text: 'Twelve days in: nothing has happened yet — or has it?' },
  { day: 3, text: 'Belarus offers talks.' },
];

/** Seed `seed` as Belarus with ORDERS, `turns` days (or to its end), with NOTES. */
function recorded(seed: string, turns: number) {
  const t = runGame(scenario, seed, { role: 'belarus', turns, orders: (turn) => (ORDERS[String(turn)] ? { belarus: ORDERS[String(turn)]! } : {}) });
  return makeReplay(scenario, seed, 'belarus', ORDERS, t.turns.map((x) => x.hash), t.outcome, NOTES);
}

function viewer(seed: string, turns: number, day?: number) {
  const store = createSession();
  expect(store.getState().openReplay(recorded(seed, turns), DEFAULT, diskReader, day)).toBeNull();
  return store;
}

describe('links to a day', () => {
  // [fragment, the day it names]: a value that is not a whole day number is ignored (undefined: the
  // replay opens on day 1); a negative one is day 0; one beyond the replay is clamped when it opens.
  const DAYS: [string, number | undefined][] = [
    ['#replay=abc&day=23', 23],
    ['#replay=abc', undefined],
    ['#replay=abc&day=0', 0],
    ['#day=7&replay=abc', 7],
    ['#replay=abc&day=%32%33', 23],
    ['#replay=abc&day=-4', 0],
    ['#replay=abc&day=99999', 99999],
    ['#replay=abc&day=', undefined],
    ['#replay=abc&day=ten', undefined],
    ['#replay=abc&day=2.5', undefined],
    ['#replay=abc&day=1e3', undefined],
    ['#replay=abc&day=%E0%A4%A', undefined],
    ['#replay=abc&today=5', undefined],
  ];
  it.each(DAYS)('%s names day %s', (hash, day) => {
    expect(readDayFragment(hash)).toBe(day);
  });

  it('a link to day 23 carries the replay and the day; without a day it is the plain link', () => {
    const r = recorded('11', 30);
    const link = replayLink('https://example.org/brink/?x=1#old', r, 23);
    expect(link).toMatch(/^https:\/\/example\.org\/brink\/\?x=1#replay=[^&]+&day=23$/);
    const hash = link.slice(link.indexOf('#'));
    const read = readReplayFragment(hash);
    if (!read?.ok) throw new Error('the link does not read');
    expect(read.replay.notes).toEqual(r.notes);
    expect(readDayFragment(hash)).toBe(23);
    expect(replayLink('https://example.org/', r)).toBe(`https://example.org/#${replayFragment(r)}`);
    expect(replayFragment(r)).not.toMatch(/day=/);
  });

  it('opens on the day named, clamped to the days the replay has; on day 1 without one', () => {
    expect(viewer('11', 30, 23).getState().viewer!.cursor).toBe(23);
    expect(viewer('11', 30, 99999).getState().viewer!.cursor).toBe(30);
    expect(viewer('11', 30, 0).getState().viewer!.cursor).toBe(0);
    expect(viewer('11', 30).getState().viewer!.cursor).toBe(1);
    expect(viewer('11', 30, 23).getState().game!.turn).toBe(23);
  });
});

describe('the timeline marks of a replay', () => {
  // Named golden tables: seed 11 and seed 3 as Belarus with the two orders (peace talks on day 3, war
  // rhetoric on day 6) and the two notes. Each day: its marks as kind (turning point number, band ↑/↓).
  const TABLES: { name: string; seed: string; turns: number; days: Record<number, string> }[] = [
    {
      name: 'seed 11, 30 days: four turning points, one band change up, one incident',
      seed: '11',
      turns: 30,
      days: { 3: 'note turning1 move', 6: 'move', 12: 'note', 22: 'turning2 band↑', 23: 'turning3', 27: 'incident', 30: 'turning4' },
    },
    {
      name: 'seed 3 to its end (war on day 46): the bands climb, fall back and climb to war',
      seed: '3',
      turns: 90,
      days: { 3: 'note move', 6: 'move', 8: 'turning1', 9: 'incident', 12: 'note', 21: 'turning2', 22: 'turning3', 29: 'band↑', 36: 'band↓', 42: 'band↑', 46: 'turning4 band↑' },
    },
  ];
  it.each(TABLES)('$name', ({ seed, turns, days }) => {
    const store = viewer(seed, turns);
    const marks = timelineMarks(store.getState());
    const got = Object.fromEntries(marks.map((d) => [d.day, d.marks.map((m) => `${m.kind}${m.n ?? ''}${m.up === undefined ? '' : m.up ? '↑' : '↓'}`).join(' ')]));
    expect(got).toEqual(days);
    // The turning points are the debrief's, over the whole replay (not only the days up to the one shown).
    const all = { ...store.getState(), days: store.getState().viewer!.records };
    expect(marks.flatMap((d) => d.marks.filter((m) => m.kind === 'turning').map((m) => m.day))).toEqual(turningPoints(all, 4).map((p) => p.turn));
    // Each mark says what happened: a note its text, a move the player's event.
    const day3 = marks.find((d) => d.day === 3)!.marks;
    expect(day3[0]).toMatchObject({ kind: 'note', title: 'Note', text: 'Belarus offers talks.', note: 0 });
    expect(day3.find((m) => m.kind === 'move')).toMatchObject({ title: "Belarus's move", text: expect.stringMatching(/peace talks/) });
  });

  it('follows the notes as they are added and deleted; notes past the recorded days are left out', () => {
    const store = viewer('11', 30);
    expect(store.getState().addNote(30, 'The last day.')).toBeNull();
    expect(timelineMarks(store.getState()).find((d) => d.day === 30)!.marks.map((m) => m.kind)).toEqual(['note', 'turning']);
    store.getState().deleteNote(0);
    expect(timelineMarks(store.getState()).some((d) => d.day === 3 && d.marks.some((m) => m.kind === 'note'))).toBe(false);
    store.setState({ notes: [...store.getState().notes, { day: 31, text: 'Beyond the end.' }] });
    expect(timelineMarks(store.getState()).some((d) => d.day === 31)).toBe(false);
  });

  it('an observer sees no moves of its own, only the public incidents', () => {
    const store = createSession();
    const t = runGame(scenario, '11', { turns: 30 });
    expect(store.getState().openReplay(makeReplay(scenario, '11', 'observer', {}, t.turns.map((x) => x.hash), null), DEFAULT, diskReader)).toBeNull();
    const kinds = timelineMarks(store.getState()).flatMap((d) => d.marks.map((m) => m.kind));
    expect(kinds).not.toContain('move');
    expect(kinds.filter((k) => k === 'turning')).toHaveLength(4);
  });

  it('the next and previous marked day, from any day', () => {
    const marks = timelineMarks(viewer('11', 30).getState());
    expect(nextMarkedDay(marks, 1, 1)).toBe(3);
    expect(nextMarkedDay(marks, 3, 1)).toBe(6);
    expect(nextMarkedDay(marks, 30, 1)).toBeNull();
    expect(nextMarkedDay(marks, 22, -1)).toBe(12);
    expect(nextMarkedDay(marks, 3, -1)).toBeNull();
  });
});

describe('the marks row', () => {
  /** Checks a layout: every day once and in order, buttons apart and inside the row (with `pad` beyond its ends). */
  function check(days: number[], last: number, width: number, size: number) {
    const gap = 2;
    const pad = size / 2;
    const clusters = layoutMarks(days, last, width, size, gap, pad);
    expect(clusters.flatMap((c) => c.days)).toEqual(days);
    for (let i = 0; i < clusters.length; i++) {
      const c = clusters[i]!;
      expect(c.left).toBeGreaterThanOrEqual(-pad - 0.01);
      expect(c.left + size).toBeLessThanOrEqual(width + pad + 0.01);
      if (i > 0) expect(c.left).toBeGreaterThanOrEqual(clusters[i - 1]!.left + size + gap - 0.01);
    }
    return clusters;
  }

  it('puts a lone mark over its day, and marks far apart stay apart', () => {
    const one = check([45], 90, 600, 24);
    expect(one).toEqual([{ days: [45], left: 300 - 12 }]);
    const two = check([10, 80], 90, 600, 24);
    expect(two.map((c) => c.days)).toEqual([[10], [80]]);
    expect(two[1]!.left + 12).toBeCloseTo((600 * 80) / 90, 5);
  });

  it('merges marks closer than a button, on a desktop and on a phone', () => {
    expect(check([20, 21, 22, 60], 90, 600, 24).map((c) => c.days)).toEqual([[20, 21, 22], [60]]);
    // On a 300 px phone row, 44 px buttons: days 20 and 26 are 20 px apart and merge.
    expect(check([20, 26, 60], 90, 300, 44).map((c) => c.days)).toEqual([[20, 26], [60]]);
  });

  // Every day of a 90-day game marked (a player who moved every day), and other crowds, at both sizes.
  const CROWDS: [string, number[], number, number, number][] = [
    ['every day of 90, desktop', Array.from({ length: 91 }, (_, i) => i), 90, 560, 24],
    ['every day of 90, phone', Array.from({ length: 91 }, (_, i) => i), 90, 300, 44],
    ['both ends crowded, phone', [0, 1, 2, 3, 87, 88, 89, 90], 90, 300, 44],
    ['a narrow row', [5, 10, 15, 20, 25, 30], 30, 60, 44],
    ['day 0 of a 0-day replay', [0], 0, 300, 44],
  ];
  it.each(CROWDS)('%s: no overlaps, all inside', (_, days, last, width, size) => {
    const clusters = check(days, last, width, size);
    expect(clusters.length).toBeLessThanOrEqual(Math.floor((width + size) / (size + 2)) + 1);
  });

  it('pressing a merged mark goes to its first day, then on to the next, round again', () => {
    expect(clusterTarget([20, 21, 24], 5)).toBe(20);
    expect(clusterTarget([20, 21, 24], 20)).toBe(21);
    expect(clusterTarget([20, 21, 24], 21)).toBe(24);
    expect(clusterTarget([20, 21, 24], 24)).toBe(20);
    expect(clusterTarget([7], 7)).toBe(7);
  });
});
