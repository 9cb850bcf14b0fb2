// The printable handout's content without a browser (src/ui/handout-content.ts): what the debrief's page
// and a viewer day's page say, read from the store — the file name, the title, the whole game's chart
// with the day shown marked, the turning points as the debrief counts them, what the player did that
// day, the notes with the day's own first — and the line breaking the drawing uses (wrapText), as a
// named golden table over a fixed-width measure.
import { describe, expect, it } from 'vitest';
import { makeReplay, runGame, type Order } from '../src/sim/index';
import { createSession } from '../src/store/session';
import { turningPoints } from '../src/store/ui-view';
import { handoutContent } from '../src/ui/handout-content';
import { wrapText } from '../src/ui/handout';
import { diskReader } from '../src/cli/files';
import { load, DEFAULT } from './helpers';

const scenario = load(DEFAULT);
const ORDERS: Record<string, Order> = { '3': { action: 'peace-initiative', target: 'ukraine' }, '6': { action: 'war-rhetoric', target: 'ukraine' } };
const NOTES = [
  { day: 22, text: 'The exercises are announced.' },
  { day: 12, text: 'Nothing moves. Why?' },
  { day: 3, text: 'Belarus offers talks.' },
];

/** Seed `seed` as `role` (Belarus with ORDERS), played to its end, with NOTES, open in the viewer on `day`. */
function viewer(seed: string, role: string, day: number) {
  const orders = role === 'belarus' ? ORDERS : {};
  const t = runGame(scenario, seed, { role, turns: 90, orders: (turn) => (orders[String(turn)] ? { [role]: orders[String(turn)]! } : {}) });
  const store = createSession();
  expect(store.getState().openReplay(makeReplay(scenario, seed, role, orders, t.turns.map((x) => x.hash), t.outcome, NOTES), DEFAULT, diskReader, day)).toBeNull();
  return { store, last: t.turns.length, outcome: t.outcome! };
}

describe('the handout of a day in the viewer', () => {
  const { store, last, outcome } = viewer('3', 'belarus', 12);
  const c = handoutContent(store.getState(), 'day')!;
  const whole = { ...store.getState(), days: store.getState().viewer!.records };

  it('names the file, the scenario, the seed, the role and the day', () => {
    expect(c.fileName).toBe('brink-allied-resolve-2022-seed3-day12.png');
    expect(c.kicker).toBe('Allied Resolve 2022 · seed 3 · as Belarus');
    expect(c.title).toBe(`Day 12 of ${last}`);
    expect(c.subtitle).toMatch(/^7 Jan 2022 · tension \d+, [A-Z][a-z]+/);
    expect(c.footer).toBe('Brink · Allied Resolve 2022 · seed 3 · a replay link can reproduce it');
    expect(c.source).toBe('Source: Igor Ilyash, “Why is Belarus hosting Russian troops?”, openDemocracy / oDR, 9 Feb 2022');
  });

  it('charts the whole game with the turning points and the day shown, not only the days up to it', () => {
    expect(store.getState().days).toHaveLength(13);
    for (const line of c.chart.lines) expect(line.values).toHaveLength(last + 1);
    expect(c.chart.shown).toBe(12);
    const points = turningPoints(whole, 4);
    expect(c.chart.markers).toEqual(points.map((p, i) => ({ turn: p.turn, n: i + 1 })));
    expect(c.turning.map((p) => p.day)).toEqual(points.map((p) => p.turn));
    expect(c.turning.filter((p) => p.shown)).toEqual([]);
    expect(c.ending).toBe(`Ends on day ${outcome.turn}: War · Belarus: Defeat`);
    expect(c.chartNote).toBe(`Ended on day ${outcome.turn}: War`);
    expect(c.verdicts).toEqual([]);
    expect(c.stats.map((s) => s.label)).toEqual(['Tension that day', 'Peak of the run']);
  });

  it("lists the day's notes first, highlighted, then the others in day order", () => {
    expect(c.notes).toEqual([
      { day: 12, when: 'Day 12 · 7 Jan 2022', text: 'Nothing moves. Why?', today: true },
      { day: 3, when: 'Day 3 · 29 Dec 2021', text: 'Belarus offers talks.', today: false },
      { day: 22, when: 'Day 22 · 17 Jan 2022', text: 'The exercises are announced.', today: false },
    ]);
  });

  it('says what the player did that day, or that it held', () => {
    expect(c.thatDay?.heading).toBe('Belarus that day');
    expect(c.thatDay?.text).toBe('Belarus held.');
    expect(c.thatDay!.also.length).toBeGreaterThan(0);
    store.getState().seek(3);
    const d3 = handoutContent(store.getState(), 'day')!;
    const move = store.getState().days[3]!.events.find((e) => e.kind === 'action' && e.actor === 'belarus')!;
    expect(d3.thatDay?.text).toBe(move.text);
    expect(d3.thatDay?.also).not.toContain(move.text);
    expect(d3.notes[0]).toMatchObject({ day: 3, today: true });
    store.getState().seek(0);
    expect(handoutContent(store.getState(), 'day')!.thatDay?.text).toBe('The eve of the crisis: nothing has happened yet.');
    // A turning point's day is marked as the day shown.
    const tp = c.turning[2]!.day;
    store.getState().seek(tp);
    expect(handoutContent(store.getState(), 'day')!.turning.filter((p) => p.shown).map((p) => p.day)).toEqual([tp]);
  });
});

describe('the handout of the debrief', () => {
  it("a player's: the outcome, its reading with the points, what decided it, no day marked", () => {
    const { store, outcome } = viewer('3', 'belarus', 90);
    const c = handoutContent(store.getState(), 'debrief')!;
    expect(c.fileName).toBe('brink-allied-resolve-2022-seed3-debrief.png');
    expect(c.title).toBe('War');
    expect(c.kicker).toBe(`Allied Resolve 2022 · seed 3 · as Belarus · ended on day ${outcome.turn}, 11 Feb 2022`);
    expect(c.verdicts).toHaveLength(1);
    expect(c.verdicts[0]).toMatchObject({ label: 'As Belarus', value: 'Defeat', reading: 'loss' });
    expect(c.verdicts[0]!.detail).toMatch(/^−\d+\.\d VP · win ≥ 12 · loss ≤ -10$/);
    expect(c.decided?.text).toMatch(/^Russia–Ukraine tension reached \d+/);
    expect(c.decided!.factors.length).toBeGreaterThan(0);
    expect(c.decided!.factors.length).toBeLessThanOrEqual(3);
    expect(c.aside).toMatchObject({ label: 'Blamed by the ledger', value: 'Russia' });
    expect(c.chart.shown).toBeUndefined();
    expect(c.thatDay).toBeNull();
    expect(c.notes.map((n) => n.day)).toEqual([3, 12, 22]);
    expect(c.notes.every((n) => !n.today)).toBe(true);
  });

  it("an observer's: every playable role's reading; nothing before the end", () => {
    const { store } = viewer('7', 'observer', 90);
    const c = handoutContent(store.getState(), 'debrief')!;
    expect(c.kicker).toMatch(/^Allied Resolve 2022 · seed 7 · observer · ended on day \d+/);
    expect(c.verdicts.map((v) => v.label)).toEqual(['Belarus', 'Russia', 'Ukraine', 'NATO']);
    // A game still running has no debrief to hand out; without a viewer, no day either.
    const game = createSession();
    expect(game.getState().newGame({ file: DEFAULT, seed: '7', role: 'belarus' }, diskReader)).toBeNull();
    game.getState().nextDay();
    expect(handoutContent(game.getState(), 'debrief')).toBeNull();
    expect(handoutContent(game.getState(), 'day')).toBeNull();
  });
});

describe('wrapText', () => {
  // Every character 10 px wide.
  const ctx = { measureText: (t: string) => ({ width: t.length * 10 }) } as unknown as CanvasRenderingContext2D;
  // [name, text, width, max lines, the lines]
  const CASES: [string, string, number, number, string[]][] = [
    ['fits on one line', 'Belarus held.', 200, 2, ['Belarus held.']],
    ['breaks between words', 'the units mass north of Kyiv', 120, 3, ['the units', 'mass north', 'of Kyiv']],
    ['cut short with an ellipsis', 'the units mass north of Kyiv', 120, 2, ['the units', 'mass north…']],
    ['the ellipsis replaces a word when the line is full', 'aaaa bbbbb cccc dddd', 100, 1, ['aaaa…']],
    ['a word wider than the line is cut', 'https://example.org/a/very/long/path', 100, 4, ['https://ex', 'ample.org/', 'a/very/lon', 'g/path']],
    ['spaces collapse', '  two   words  ', 200, 1, ['two words']],
    ['empty text, no lines', '', 100, 2, []],
  ];
  it.each(CASES)('%s', (_name, text, width, max, lines) => {
    expect(wrapText(ctx, text, width, max)).toEqual(lines);
  });
});
