// Comparing two runs (src/sim/compare.ts, issue 18): a golden table of named comparisons on Allied Resolve
// 2022 (seed 7, Belarus, the six orders of docs/examples/orders.json), each with the reason its values are
// right — the first diverging day, the orders that differed, the first moves that differed and how many;
// the no-orders twin and the same orders on a variant as replays that verify; an order a variant does not
// allow, stopped with a clear error on its day; and the overlay's curves read from the model's own figures.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareRuns, daySummary, debriefOf, loadScenario, makeReplay, noOrdersTwin, replayOnVariant, runGame, verifyReplay, type Order, type PlayedRun, type Replay, type Scenario } from '../src/sim/index';
import { diskReader } from '../src/cli/files';
import { load, DEFAULT, MINI } from './helpers';

const base = load(DEFAULT);
const variant = (id: string): Scenario => load(`scenarios/${id}.yaml`);
const EXAMPLE = JSON.parse(readFileSync('docs/examples/orders.json', 'utf8')) as Record<string, { belarus: Order }>;
/** Day 3 invite-observers → OSCE, 6 disclose-numbers → OSCE, 12 peace-initiative → Ukraine, 15 and 30
 * defensive-assurance (NATO, Ukraine), 20 peace-initiative → OSCE. */
const ORDERS: Record<string, Order> = Object.fromEntries(Object.entries(EXAMPLE).map(([d, o]) => [d, o.belarus]));

/** A replay recorded by playing the orders (as `npm run sim -- --record` does). */
function record(scenario: Scenario, orders: Record<string, Order>, turns?: number, seed = '7'): Replay {
  const t = runGame(scenario, seed, { role: 'belarus', turns, orders: (d) => (orders[String(d)] ? { belarus: orders[String(d)]! } : {}) });
  return makeReplay(scenario, seed, 'belarus', orders, t.turns.map((x) => x.hash), t.outcome);
}

/** A replay verified on its scenario, as a run to compare. */
function played(scenario: Scenario, replay: Replay): PlayedRun {
  const v = verifyReplay(scenario, replay);
  expect(v.reason, 'the replay verifies').toBeNull();
  return { scenario, role: replay.role, orders: replay.orders, days: v.days };
}

const A = record(base, ORDERS);

interface Case {
  name: string;
  why: string;
  b: () => PlayedRun;
  divergedAt: number | null;
  length: { a: number; b: number };
  longer: 'a' | 'b' | null;
  /** "day:A|B" in words. */
  orders: string[];
  /** The first moves that differed: "day run actor action>target", * for the player's own. */
  firstMoves: string[];
  moves: number;
  movesLeftOff: number;
}

const CASES: Case[] = [
  {
    name: 'a replay against itself',
    why: 'the same seed, role and orders give the same state every day: nothing to list',
    b: () => played(base, A),
    divergedAt: null,
    length: { a: 90, b: 90 },
    longer: null,
    orders: [],
    firstMoves: [],
    moves: 0,
    movesLeftOff: 0,
  },
  {
    name: 'against its no-orders twin',
    why:
      'days 1–2 hold in both, so the states match; on day 3, the first order, Belarus invites observers in A and ' +
      'holds in B, and an order always changes that day\'s state (its use is recorded, its effects book). All six ' +
      'orders differ from "held"; the first six moves that differ are those orders, then the AI answers differently (28 in all)',
    b: () => played(base, noOrdersTwin(base, A)),
    divergedAt: 3,
    length: { a: 90, b: 90 },
    longer: null,
    orders: [
      '3:Invite Vienna Document observers → OSCE|held',
      '6:Publish troop numbers → OSCE|held',
      '12:Peace initiative with the OSCE → Ukraine|held',
      '15:Insist the exercise is defensive → NATO|held',
      '20:Peace initiative with the OSCE → OSCE|held',
      '30:Insist the exercise is defensive → Ukraine|held',
    ],
    firstMoves: ['3 a belarus invite-observers>osce *', '6 a belarus disclose-numbers>osce *', '12 a belarus peace-initiative>ukraine *', '15 a belarus defensive-assurance>nato *', '20 a belarus peace-initiative>osce *', '30 a belarus defensive-assurance>ukraine *'],
    moves: 28,
    movesLeftOff: 0,
  },
  {
    name: 'two different orders on the same day',
    why:
      'only day 3 differs (observers in A, a peace initiative in B): the runs part that day, the two orders are the ' +
      'two moves that day, and NATO next chooses differently on day 73 (the world stays apart after day 3)',
    b: () => played(base, record(base, { ...ORDERS, '3': { action: 'peace-initiative', target: 'ukraine' } })),
    divergedAt: 3,
    length: { a: 90, b: 90 },
    longer: null,
    orders: ['3:Invite Vienna Document observers → OSCE|Peace initiative with the OSCE → Ukraine'],
    firstMoves: ['3 a belarus invite-observers>osce *', '3 b belarus peace-initiative>ukraine *', '73 a nato sanctions-threat>belarus', '73 b nato reassure-allies>baltics'],
    moves: 6,
    movesLeftOff: 0,
  },
  {
    name: 'different lengths',
    why: 'the first 30 days of the same game: they never diverge over the days both have, and B goes on to day 90',
    b: () => played(base, record(base, ORDERS, 30)),
    divergedAt: null,
    length: { a: 90, b: 30 },
    longer: 'a',
    orders: [],
    firstMoves: [],
    moves: 0,
    movesLeftOff: 0,
  },
  {
    name: 'the same orders on a variant (Fast spiral)',
    why:
      'Fast spiral changes only rules (fear, incident odds), not the opening state: day 0 matches and day 1 already ' +
      'differs. The orders are the same; the first moves apart come on day 18, and the list stops at 40 with the rest counted',
    b: () => {
      const v = variant('fast-spiral');
      const r = replayOnVariant(v, A);
      if (!r.ok) throw new Error(r.error);
      return played(v, r.replay);
    },
    divergedAt: 1,
    length: { a: 90, b: 90 },
    longer: null,
    orders: [],
    firstMoves: ['18 a russia threaten-response>ukraine', '18 b russia demand-guarantees>usa', '18 b belarus sabotage-claim>poland'],
    moves: 40,
    movesLeftOff: 135,
  },
  {
    name: 'the same orders on a variant (Open books)',
    why: 'Open books lowers Belarus\'s information control at the start, so the states differ from day 0',
    b: () => {
      const v = variant('open-books');
      const r = replayOnVariant(v, A);
      if (!r.ok) throw new Error(r.error);
      return played(v, r.replay);
    },
    divergedAt: 0,
    length: { a: 90, b: 90 },
    longer: null,
    orders: [],
    firstMoves: ['24 a russia threaten-response>nato', '24 b russia threaten-response>ukraine'],
    moves: 40,
    movesLeftOff: 22,
  },
];

describe('compareRuns: golden table', () => {
  const a = played(base, A);
  for (const c of CASES) {
    it(`${c.name} — ${c.why}`, () => {
      const got = compareRuns(a, c.b());
      expect(got.divergedAt).toBe(c.divergedAt);
      expect(got.length).toEqual(c.length);
      expect(got.longer).toBe(c.longer);
      expect(got.orders.map((o) => `${o.day}:${o.aText}|${o.bText}`)).toEqual(c.orders);
      expect(got.moves.slice(0, c.firstMoves.length).map((m) => `${m.day} ${m.run} ${m.actor} ${m.action}>${m.target}${m.yours ? ' *' : ''}`)).toEqual(c.firstMoves);
      expect(got.moves.length).toBe(c.moves);
      expect(got.movesLeftOff).toBe(c.movesLeftOff);
      // Moves are listed only from the first diverging day on, in day order.
      for (let i = 0; i < got.moves.length; i++) {
        expect(got.moves[i]!.day).toBeGreaterThanOrEqual(c.divergedAt ?? Infinity);
        if (i) expect(got.moves[i]!.day).toBeGreaterThanOrEqual(got.moves[i - 1]!.day);
      }
      expect(got.curves).toHaveLength(Math.max(c.length.a, c.length.b) + 1);
    });
  }

  it('orders absent and orders "hold" are the same order; B\'s orders compare as B\'s (the order diff is symmetric)', () => {
    const held = record(base, { ...ORDERS, '4': { action: 'hold' } });
    const got = compareRuns(a, played(base, held));
    expect(got.divergedAt).toBeNull();
    expect(got.orders).toEqual([]);
    const twin = played(base, noOrdersTwin(base, A));
    const back = compareRuns(twin, a);
    expect(back.orders.map((o) => `${o.day}:${o.aText}|${o.bText}`)[0]).toBe('3:held|Invite Vienna Document observers → OSCE');
    expect(back.moves[0]).toMatchObject({ day: 3, run: 'b', actor: 'belarus', yours: true });
  });

  it("gives both curves from the model's own figures: overall and pair tension from daySummary, points from the role's track", () => {
    const twinReplay = noOrdersTwin(base, A);
    const got = compareRuns(a, played(base, twinReplay));
    const trackA = debriefOf(base, '7', 'belarus', ORDERS, 90).track;
    const trackB = debriefOf(base, '7', 'belarus', {}, 90).track;
    expect(got.curves.map((d) => d.a!.points.belarus)).toEqual(trackA);
    expect(got.curves.map((d) => d.b!.points.belarus)).toEqual(trackB);
    expect(got.roles.map((r) => r.id)).toEqual(['belarus', 'russia', 'ukraine', 'nato']);
    expect(got.pairs).toHaveLength(21);
    const day3 = got.curves[3]!;
    const s = daySummary(base, a.days[3]!.state);
    expect(day3.a!.overall).toBe(s.overall);
    expect(day3.a!.date).toBe('2021-12-29');
    expect(day3.a!.tensions['belarus-osce']).toBe(s.tensions[got.pairs.findIndex((p) => p.id === 'belarus-osce')]);
    // Day 3's observers move cut Belarus–OSCE tension (25 held, 19.7 with the invitation).
    expect(day3.b!.tensions['belarus-osce']).toBe(25);
    expect(day3.a!.tensions['belarus-osce']).toBeCloseTo(19.654, 9);
    expect(got.curves[90]!.a!.outcome).toBe('brink-pays');
    expect(got.curves[89]!.a!.outcome).toBeNull();
  });

  it('pads the shorter run with null past its end and caps the moves it lists', () => {
    const got = compareRuns(played(base, record(base, ORDERS, 30)), played(base, noOrdersTwin(base, A)), 3);
    expect(got.longer).toBe('b');
    expect(got.curves[30]!.a).not.toBeNull();
    expect(got.curves[31]!.a).toBeNull();
    expect(got.curves[31]!.b).not.toBeNull();
    expect(got.moves).toHaveLength(3);
    // Over days 3–30 the twin lacks the six orders; the AI's answers first differ on day 48, past A's end.
    expect(got.moves.length + got.movesLeftOff).toBe(6);
  });
});

describe('noOrdersTwin', () => {
  it('is the same seed and role, holding every day for as many days, as a replay that verifies', () => {
    const twin = noOrdersTwin(base, A);
    expect(twin).toMatchObject({ seed: '7', role: 'belarus', orders: {}, notes: [], scenario: A.scenario, outcome: { id: 'brink-pays', turn: 90 } });
    expect(twin.checkpoints).toHaveLength(90);
    expect(twin.checkpoints.slice(0, 2)).toEqual(A.checkpoints.slice(0, 2));
    expect(twin.checkpoints[2]).not.toBe(A.checkpoints[2]);
    expect(verifyReplay(base, twin).ok).toBe(true);
    // Notes belong to the run they were written on: the twin carries none.
    expect(noOrdersTwin(base, { ...A, notes: [{ day: 3, text: 'Observers invited.' }] }).notes).toEqual([]);
  });

  it('stops where the game ends: a 30-day replay has a 30-day twin', () => {
    const twin = noOrdersTwin(base, record(base, ORDERS, 30));
    expect(twin.checkpoints).toHaveLength(30);
    expect(twin.outcome).toBeNull();
    expect(verifyReplay(base, twin).ok).toBe(true);
  });

  it('ends where its own game ends: in seed 5 the peace initiatives put war off to day 56, and holding meets it on day 51', () => {
    const peace: Record<string, Order> = { '6': { action: 'invite-observers', target: 'osce' } };
    for (const d of [3, 12, 20, 28, 36, 44]) peace[String(d)] = { action: 'peace-initiative', target: 'ukraine' };
    const r = record(base, peace, undefined, '5');
    expect(r.outcome).toEqual({ id: 'war', turn: 56 });
    const twin = noOrdersTwin(base, r);
    expect(twin.outcome).toEqual({ id: 'war', turn: 51 });
    expect(twin.checkpoints).toHaveLength(51);
    const got = compareRuns(played(base, r), played(base, twin));
    expect(got).toMatchObject({ divergedAt: 3, length: { a: 56, b: 51 }, longer: 'a' });
    expect(got.curves[51]!.b!.outcome).toBe('war');
    expect(got.curves[52]!.b).toBeNull();
    expect(got.curves[56]!.a!.outcome).toBe('war');
  });
});

describe('replayOnVariant', () => {
  it('plays the same seed, role and orders on the variant, as a replay of the variant that verifies', () => {
    const v = variant('multi-vector-minsk');
    const r = replayOnVariant(v, A);
    if (!r.ok) throw new Error(r.error);
    expect(r.replay).toMatchObject({ seed: '7', role: 'belarus', orders: ORDERS, notes: [], scenario: { id: 'multi-vector-minsk', hash: v.hash } });
    expect(r.replay.checkpoints).toHaveLength(90);
    expect(r.unplayed).toBe(0);
    expect(verifyReplay(v, r.replay).ok).toBe(true);
  });

  it('stops on the day of an order the variant does not have, says which and why, and keeps the days before', () => {
    const withRepression = record(base, { ...ORDERS, '4': { action: 'repress-dissent', target: 'society' } });
    const v = variant('multi-vector-minsk');
    const r = replayOnVariant(v, withRepression);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.day).toBe(4);
    expect(r.order).toEqual({ action: 'repress-dissent', target: 'society' });
    expect(r.error).toBe(`day 4: the order "repress-dissent → Belarusian society" cannot be played in Multi-vector Minsk: it has no action 'repress-dissent'`);
    // Days 1–3 were played, with the day-3 order, and verify on the variant.
    expect(r.replay!.checkpoints).toHaveLength(3);
    expect(r.replay!.orders).toEqual({ '3': ORDERS['3'] });
    expect(verifyReplay(v, r.replay!).ok).toBe(true);
    // Compared, the orders differ on no day both runs have (day 4 is past B's end), and A goes on longer.
    const c = compareRuns(played(base, withRepression), played(v, r.replay!));
    expect(c).toMatchObject({ divergedAt: 0, length: { a: 90, b: 3 }, longer: 'a', orders: [] });
  });

  it("names an unmet requirement in the cards' words when the variant has the action but not on that day", () => {
    // A variant where inviting observers waits for day 10: the day-3 order cannot be played there.
    const text = 'extends: ./allied-resolve-2022.yaml\nmeta: { id: late-observers, title: Late observers, summary: Observers only from day 10. }\nactions:\n  - { id: invite-observers, requires: { turnAtLeast: 10 } }\n';
    const reader = { read: (p: string) => (p === 'scenarios/late-observers.yaml' ? text : diskReader.read(p)) };
    const loaded = loadScenario('scenarios/late-observers.yaml', reader);
    if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
    const r = replayOnVariant(loaded.scenario, A);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.day).toBe(3);
    expect(r.error).toBe('day 3: the order "Invite Vienna Document observers → OSCE" cannot be played in Late observers: from day 10');
    expect(r.replay!.checkpoints).toEqual(A.checkpoints.slice(0, 2));
  });

  it('says so on day 0, with no run, when the variant has no such role', () => {
    const r = replayOnVariant(load(MINI), A);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r).toMatchObject({ day: 0, order: null, replay: null });
    expect(r.error).toMatch(/cannot be played as this replay's role: unknown role 'belarus'/);
  });
});
