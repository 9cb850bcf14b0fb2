// Golden tables (issue 14, part 6), in the style of chessops' perft tables: each case has a name and a
// reason and pins exact values, so that when the model changes, the failing case says what changed and
// why the old value was right. Small hand-made scenarios where they make the reason plain; Allied
// Resolve 2022 where a real figure is the point. tests/determinism.test.ts's trace hashes stay the last
// line of defence.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compile, createGame, explainPair, longDate, pairBetween, step, turnDate, validateData, type GameState, type Scenario, type TurnEvent } from '../src/sim/index';
import { dateTurn, isRealDate } from '../src/sim/calendar';
import { blameFor, book, bookFixed, clampPair, contributions, scale } from '../src/sim/ledger';
import { observe } from '../src/sim/fog';
import { reveal } from '../src/sim/effects';
import { scoreCandidate, scoreContext } from '../src/sim/policy';
import type { Rng } from '../src/sim/rng';
import { createSession } from '../src/store/session';
import { turningPoints } from '../src/store/ui-view';
import { units } from '../src/store/selectors';
import { load, memoryReader, DEFAULT, MINI } from './helpers';

/** 9 digits after the point: pins a float to far below anything the model rounds or shows. */
const DIGITS = 9;

/** A scenario of two neighbours and nothing else: no AI moves (tempo 0), no forces, no grievance, no
 * fatigue, so a pair's tension stays where a case puts it. The pair lists south first on purpose. */
function tiny(patch: { rules?: Record<string, unknown>; pair?: Record<string, unknown>; south?: Record<string, unknown>; forces?: unknown[]; actions?: unknown[] } = {}): Scenario {
  const traits = { tempo: 0, aggression: 0.5, riskTolerance: 0 };
  const data = {
    meta: { id: 'golden', title: 'Golden', summary: 'Two neighbours and nothing else.', start: '2030-03-01', turnLimit: 30, sources: [{ id: 'made-up', publication: 'Test fixture', date: '2030-01-01' }] },
    rules: { ledgerSize: 4, ...patch.rules },
    places: [
      { id: 'north-city', name: 'North City', lon: 10, lat: 52, country: 'north' },
      { id: 'south-city', name: 'South City', lon: 10, lat: 50, country: 'south' },
      { id: 'camp', name: 'Border Camp', lon: 10, lat: 51.2, country: 'north' },
    ],
    borders: [{ id: 'north-south', name: 'North–South border', between: ['north', 'south'], line: [[8, 51], [12, 51]] }],
    actors: [
      { id: 'north', name: 'North', colour: '#aa3333', kind: 'state', traits },
      { id: 'south', name: 'South', colour: '#3355aa', kind: 'state', traits, ...patch.south },
    ],
    pairs: [{ between: ['south', 'north'], tension: 30, fear: 0, fatigue: 0, grievance: 0, ...patch.pair }],
    forces: patch.forces ?? [],
    actions: patch.actions ?? [
      { id: 'threaten', name: 'Threaten', actors: ['north', 'south'], kind: 'rhetoric', goldstein: -5, targets: ['north', 'south'], text: '{actor} threatens {target}' },
      { id: 'talk', name: 'Offer talks', actors: ['north', 'south'], kind: 'diplomacy', goldstein: 7, targets: ['north', 'south'], text: '{actor} offers {target} talks' },
    ],
    outcomes: [{ id: 'standoff', name: 'Standoff', description: 'Nothing is settled.', atLimit: true }],
  };
  const r = validateData(data, [], 'golden.yaml');
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.scenario;
}

/** The cause number of a ledger key (kind/actor/ref) in a scenario's model. */
function causeOf(s: Scenario, key: string): number {
  const i = compile(s).causeNames.indexOf(key);
  if (i < 0) throw new Error(`no cause ${key}`);
  return i;
}

const mini = load(MINI);
const allied = load(DEFAULT);

// ---------------------------------------------------------------------------------------------------
// The ledger: contributions, merging into "earlier causes", and parts that sum to the pair's tension.
// ---------------------------------------------------------------------------------------------------

/** One thing done to pair 0 of the tiny scenario (ledgerSize 4: five slots, two of them fixed). */
type LedgerOp = { book: string; amount: number } | { grievance: number } | { scale: number } | { clamp: true };

const LEDGER: { name: string; why: string; ops: LedgerOp[]; expected: { tension: number; causes: [string, number][]; scale?: number } }[] = [
  {
    name: 'a new game',
    why: 'only the starting tension is listed: the grievance slot holds 0, and empty fixed slots are hidden',
    ops: [],
    expected: { tension: 30, causes: [['init/-/-', 30]] },
  },
  {
    name: 'two causes fill a ledger of four',
    why: 'ledgerSize counts the two fixed slots (start, grievance), so two more causes fill it; largest magnitude first',
    ops: [{ grievance: 10 }, { book: 'act/north/threaten', amount: 4.4 }, { book: 'act/south/talk', amount: -7 }],
    expected: { tension: 37.4, causes: [['init/-/-', 30], ['grievance/-/-', 10], ['act/south/talk', -7], ['act/north/threaten', 4.4]] },
  },
  {
    name: 'a listed cause grows in place',
    why: 'booking a cause already in the ledger adds to its entry, even when the ledger is full',
    ops: [{ grievance: 10 }, { book: 'act/north/threaten', amount: 4.4 }, { book: 'act/south/talk', amount: -7 }, { book: 'act/north/threaten', amount: 4.4 }],
    expected: { tension: 41.8, causes: [['init/-/-', 30], ['grievance/-/-', 10], ['act/north/threaten', 8.8], ['act/south/talk', -7]] },
  },
  {
    name: 'a larger newcomer pushes the smallest into earlier causes',
    why: "the ledger is full; North's 4.4 is the smallest entry and smaller than South's 5, so it merges into 'earlier' and South's threat takes its slot",
    ops: [{ grievance: 10 }, { book: 'act/north/threaten', amount: 4.4 }, { book: 'act/south/talk', amount: -7 }, { book: 'act/south/threaten', amount: 5 }],
    expected: { tension: 42.4, causes: [['init/-/-', 30], ['grievance/-/-', 10], ['act/south/talk', -7], ['act/south/threaten', 5], ['earlier/-/-', 4.4]] },
  },
  {
    name: 'a smaller newcomer goes straight to earlier causes',
    why: "North's talk (1) is smaller than every listed entry, so it is added to 'earlier' (4.4 + 1), which now outranks South's 5",
    ops: [{ grievance: 10 }, { book: 'act/north/threaten', amount: 4.4 }, { book: 'act/south/talk', amount: -7 }, { book: 'act/south/threaten', amount: 5 }, { book: 'act/north/talk', amount: 1 }],
    expected: { tension: 43.4, causes: [['init/-/-', 30], ['grievance/-/-', 10], ['act/south/talk', -7], ['earlier/-/-', 5.4], ['act/south/threaten', 5]] },
  },
  {
    name: 'size is magnitude, not sign',
    why: 'a calming move of −5 outranks a threat of +4.4, so the threat is the one merged',
    ops: [{ grievance: 10 }, { book: 'act/north/threaten', amount: 4.4 }, { book: 'act/south/talk', amount: -7 }, { book: 'act/north/talk', amount: -5 }],
    expected: { tension: 32.4, causes: [['init/-/-', 30], ['grievance/-/-', 10], ['act/south/talk', -7], ['act/north/talk', -5], ['earlier/-/-', 4.4]] },
  },
  {
    name: 'equal magnitudes list by cause name',
    why: "+5 and −5 tie on size; 'act/north/talk' sorts before 'act/north/threaten'",
    ops: [{ grievance: 10 }, { book: 'act/north/threaten', amount: 5 }, { book: 'act/north/talk', amount: -5 }],
    expected: { tension: 40, causes: [['init/-/-', 30], ['grievance/-/-', 10], ['act/north/talk', -5], ['act/north/threaten', 5]] },
  },
  {
    name: 'fatigue fades every entry alike',
    why: 'scaling a pair by 0.5 halves each cause, so every share is kept',
    ops: [{ grievance: 10 }, { book: 'act/north/threaten', amount: 4.4 }, { scale: 0.5 }],
    expected: { tension: 22.2, causes: [['init/-/-', 15], ['grievance/-/-', 5], ['act/north/threaten', 2.2]], scale: 0.5 },
  },
  {
    name: 'a booking after fatigue counts in full',
    why: 'amounts are stored divided by the pair scale, so a new 4.4 reads 4.4 after an earlier halving',
    ops: [{ grievance: 10 }, { scale: 0.5 }, { book: 'act/north/threaten', amount: 4.4 }],
    expected: { tension: 24.4, causes: [['init/-/-', 15], ['grievance/-/-', 5], ['act/north/threaten', 4.4]], scale: 0.5 },
  },
  {
    name: 'a tiny scale is folded back into the amounts',
    why: 'scale 1e-5 twice makes 1e-10, below 1e-9: the amounts take the factor and the scale resets to 1 (30 × 1e-10 = 3e-9)',
    ops: [{ scale: 1e-5 }, { scale: 1e-5 }, { grievance: 10 }],
    expected: { tension: 10.000000003, causes: [['grievance/-/-', 10], ['init/-/-', 3e-9]], scale: 1 },
  },
  {
    name: 'the ceiling books its correction',
    why: "30 + 80 = 110 is clamped to 100, and the −10 is booked as 'capped at 100', so the parts still sum to 100",
    ops: [{ book: 'act/north/threaten', amount: 80 }, { clamp: true }],
    expected: { tension: 100, causes: [['act/north/threaten', 80], ['init/-/-', 30], ['ceiling/-/-', -10]] },
  },
  {
    name: 'the ceiling competes for a slot like any cause',
    why: "North's 70 joins its listed 4.4; the ledger is full, and the −7.4 correction outranks South's −7, which merges into 'earlier'",
    ops: [{ grievance: 10 }, { book: 'act/north/threaten', amount: 4.4 }, { book: 'act/south/talk', amount: -7 }, { book: 'act/north/threaten', amount: 70 }, { clamp: true }],
    expected: { tension: 100, causes: [['act/north/threaten', 74.4], ['init/-/-', 30], ['grievance/-/-', 10], ['ceiling/-/-', -7.4], ['earlier/-/-', -7]] },
  },
  {
    name: 'the floor books its correction',
    why: "30 − 40 = −10 is lifted to 0, and the +10 is booked as 'floored at 0'",
    ops: [{ book: 'act/south/talk', amount: -40 }, { clamp: true }],
    expected: { tension: 0, causes: [['act/south/talk', -40], ['init/-/-', 30], ['floor/-/-', 10]] },
  },
  {
    // Slots 0–1 are fixed (start, grievance): when the ledger is full, the smallest *other* cause makes
    // way, even while grievance is still 0, so a later grievance is booked under its own name.
    name: 'the fixed slots are never evicted',
    why: 'with grievance still 0 when the ledger fills, the newcomer (1) is smaller than every other cause and goes to earlier causes; the grievance then lands on its own slot',
    ops: [{ book: 'act/north/threaten', amount: 4.4 }, { book: 'act/south/talk', amount: -7 }, { book: 'act/north/talk', amount: 1 }, { grievance: 0.5 }],
    expected: { tension: 28.9, causes: [['init/-/-', 30], ['act/south/talk', -7], ['act/north/threaten', 4.4], ['earlier/-/-', 1], ['grievance/-/-', 0.5]] },
  },
];

describe('golden: the tension ledger', () => {
  const s = tiny();
  const size = 4;
  const names = compile(s).causeNames;
  for (const c of LEDGER) {
    it(`${c.name} — ${c.why}`, () => {
      const st = createGame(s, 'ledger');
      for (const op of c.ops) {
        if ('book' in op) book(st, 0, causeOf(s, op.book), op.amount, size);
        else if ('grievance' in op) bookFixed(st, 0, 1, op.grievance, size);
        else if ('scale' in op) scale(st, 0, op.scale, size);
        else clampPair(st, 0, size);
      }
      const got = contributions(st, 0, size, names);
      expect(got.map((x) => x.cause)).toEqual(c.expected.causes.map((x) => x[0]));
      got.forEach((x, i) => expect(x.amount, x.cause).toBeCloseTo(c.expected.causes[i]![1], DIGITS));
      expect(st.tension[0]).toBeCloseTo(c.expected.tension, DIGITS);
      // The parts sum to the pair's tension.
      expect(got.reduce((a, x) => a + x.amount, 0)).toBeCloseTo(st.tension[0]!, DIGITS);
      if (c.expected.scale !== undefined) expect(st.ledgerScale[0]).toBe(c.expected.scale);
    });
  }

  it('Allied Resolve, seed 7, day 30 — why Russia–Ukraine stands at 56.84: the start, Moscow\'s threats and the grievance, offset by Kyiv\'s talks; 13 parts summing to the tension', () => {
    let st = createGame(allied, '7');
    for (let i = 0; i < 30; i++) st = step(allied, st).state;
    const m = compile(allied);
    const p = pairBetween(m, 'russia', 'ukraine');
    expect(st.tension[p]).toBeCloseTo(56.844320594839324, DIGITS);
    const top = explainPair(allied, st, 'russia', 'ukraine', 6);
    const expected: [string, string, number][] = [
      ['init/-/-', 'tension at the start', 33.28651680247261],
      ['act/russia/threaten-response', 'Russia: Threaten a military response', 10.422346226181546],
      ['grievance/-/-', 'standing grievances', 10.411985064468784],
      ['act/russia/shoigu-inspection', 'Russia: Inspect the joint forces', 6.488826139016859],
      ['act/ukraine/ua-offer-talks', 'Ukraine: Offer talks', -6.247681570919072],
      ['act/ukraine/invoke-vienna', 'Ukraine: Request Vienna Document information', -4.539113642421602],
    ];
    expect(top.map((c) => [c.cause, c.label])).toEqual(expected.map((e) => [e[0], e[1]]));
    top.forEach((c, i) => expect(c.amount, c.cause).toBeCloseTo(expected[i]![2], DIGITS));
    const all = contributions(st, p, m.data.rules.ledgerSize, m.causeNames);
    expect(all.length).toBe(13);
    expect(all.find((c) => c.cause === 'earlier/-/-')!.amount).toBeCloseTo(0.8762687274494816, DIGITS);
    expect(all.reduce((a, c) => a + c.amount, 0)).toBeCloseTo(st.tension[p]!, DIGITS);
  });
});

// ---------------------------------------------------------------------------------------------------
// Blame: the actor who pushed the pair up most; ties go to the actor first by id.
// ---------------------------------------------------------------------------------------------------

describe('golden: blame', () => {
  const garrison = { id: 'garrison', name: 'Garrison', owner: 'north', symbol: 'SHGPUCI----D---', strength: 1000, location: 'camp' };
  const wide = tiny({ rules: { ledgerSize: 8 }, forces: [garrison] });
  const narrow = tiny();
  const BLAME: { name: string; why: string; scenario: Scenario; size: number; ops: LedgerOp[]; expected: string | null }[] = [
    { name: 'nobody pushed', why: 'the start and the grievance belong to no actor, so nobody is blamed', scenario: wide, size: 8, ops: [{ grievance: 3 }], expected: null },
    { name: 'the larger push', why: 'North added 5, South 3', scenario: wide, size: 8, ops: [{ book: 'act/north/threaten', amount: 5 }, { book: 'act/south/threaten', amount: 3 }], expected: 'north' },
    {
      name: 'a tie goes to the first id',
      why: "both added 4; 'north' sorts before 'south' although the pair lists south first",
      scenario: wide,
      size: 8,
      ops: [{ book: 'act/south/threaten', amount: 4 }, { book: 'act/north/threaten', amount: 4 }],
      expected: 'north',
    },
    {
      name: 'calming is not netted off',
      why: "North's +5 counts in full though its talks took 4 off (net +1); South's +3 is less",
      scenario: wide,
      size: 8,
      ops: [{ book: 'act/north/threaten', amount: 5 }, { book: 'act/north/talk', amount: -4 }, { book: 'act/south/threaten', amount: 3 }],
      expected: 'north',
    },
    {
      name: "an actor's pushes add up",
      why: "North's threat (3) and North's incident (3) make 6, more than South's 5",
      scenario: wide,
      size: 8,
      ops: [{ book: 'act/north/threaten', amount: 3 }, { book: 'incident/north/threaten', amount: 3 }, { book: 'act/south/threaten', amount: 5 }],
      expected: 'north',
    },
    {
      name: "a force's threat is its owner's",
      why: "the garrison's 4 counts for North, more than South's 3",
      scenario: wide,
      size: 8,
      ops: [{ book: 'force/north/garrison', amount: 4 }, { book: 'act/south/threaten', amount: 3 }],
      expected: 'north',
    },
    {
      name: "a host's share is the host's",
      why: "the ledger key host/south/garrison names South as the host, so its 4 counts for South, not the owner",
      scenario: wide,
      size: 8,
      ops: [{ book: 'host/south/garrison', amount: 4 }, { book: 'act/north/threaten', amount: 3 }],
      expected: 'south',
    },
    {
      name: 'a push merged into earlier causes is nobody\'s',
      why: "North's 4.4 went to 'earlier' when the ledger of four filled, so South's 5 is the largest named push (though South's net is −2)",
      scenario: narrow,
      size: 4,
      ops: [{ grievance: 10 }, { book: 'act/north/threaten', amount: 4.4 }, { book: 'act/south/talk', amount: -7 }, { book: 'act/south/threaten', amount: 5 }],
      expected: 'south',
    },
  ];
  for (const c of BLAME) {
    it(`${c.name} — ${c.why}`, () => {
      const st = createGame(c.scenario, 'blame');
      for (const op of c.ops) {
        if ('book' in op) book(st, 0, causeOf(c.scenario, op.book), op.amount, c.size);
        else if ('grievance' in op) bookFixed(st, 0, 1, op.grievance, c.size);
      }
      expect(blameFor(st, 0, c.size, compile(c.scenario).causeNames)).toBe(c.expected);
    });
  }

  it('Allied Resolve, seed 3 — war on day 47 at 94.97, and Russia is blamed: its pushes on Russia–Ukraine sum to 58.87 against Ukraine\'s 4.23', () => {
    let st = createGame(allied, '3');
    while (!st.outcome) st = step(allied, st).state;
    expect(st.outcome).toEqual({ id: 'war', turn: 47, blame: 'russia' });
    const m = compile(allied);
    const p = pairBetween(m, 'russia', 'ukraine');
    expect(st.tension[p]).toBeCloseTo(94.96608196871628, DIGITS);
    const by = new Map<string, number>();
    for (const c of contributions(st, p, m.data.rules.ledgerSize, m.causeNames)) if (c.actor !== '-' && c.amount > 0) by.set(c.actor, (by.get(c.actor) ?? 0) + c.amount);
    expect([...by.keys()].sort()).toEqual(['russia', 'ukraine']);
    expect(by.get('russia')).toBeCloseTo(58.87362666209022, DIGITS);
    expect(by.get('ukraine')).toBeCloseTo(4.234032000000001, DIGITS);
  });
});

// ---------------------------------------------------------------------------------------------------
// Firebreaks: the ladder rises at once but falls back only 3 points below a band's threshold.
// ---------------------------------------------------------------------------------------------------

describe('golden: firebreaks', () => {
  const s = tiny();
  const m = compile(s);
  const bandAt = (id: string) => m.bands.findIndex((b) => b.id === id);
  const FIREBREAKS: { name: string; why: string; shown: string; tension: number; expected: { shown: string; events: string[] } }[] = [
    { name: 'inside the firebreak', why: '29 is below traditional crisis (30) but not 3 below it', shown: 'traditional', tension: 29, expected: { shown: 'traditional', events: [] } },
    { name: 'at the firebreak', why: 'exactly 27 = 30 − 3 still holds the band', shown: 'traditional', tension: 27, expected: { shown: 'traditional', events: [] } },
    { name: 'past the firebreak', why: '26.99 is more than 3 below 30', shown: 'traditional', tension: 26.99, expected: { shown: 'subcrisis', events: ['Tension falls back to subcrisis manoeuvring'] } },
    { name: 'falling through a band', why: 'from intense (60) to 20 the ladder drops straight to subcrisis, with one event', shown: 'intense', tension: 20, expected: { shown: 'subcrisis', events: ['Tension falls back to subcrisis manoeuvring'] } },
    { name: 'intense holds at 57', why: '57 = 60 − 3', shown: 'intense', tension: 57, expected: { shown: 'intense', events: [] } },
    { name: 'war falls back below 82', why: '81.99 is more than 3 below war (85)', shown: 'war', tension: 81.99, expected: { shown: 'intense', events: ['Tension falls back to intense crisis'] } },
    { name: 'subcrisis holds at 7', why: '7 = 10 − 3', shown: 'subcrisis', tension: 7, expected: { shown: 'subcrisis', events: [] } },
    { name: 'rising has no firebreak', why: 'reaching 30 enters traditional crisis at once', shown: 'subcrisis', tension: 30, expected: { shown: 'traditional', events: ['Tension rises into traditional crisis'] } },
    { name: 'just short of a threshold', why: '29.99 stays in subcrisis', shown: 'subcrisis', tension: 29.99, expected: { shown: 'subcrisis', events: [] } },
  ];
  for (const c of FIREBREAKS) {
    it(`${c.name} — ${c.why}`, () => {
      const st: GameState = { ...createGame(s, 'firebreak'), band: bandAt(c.shown), tension: [c.tension] };
      st.ledgerAmounts = [c.tension, 0, 0, 0, 0];
      const r = step(s, st);
      expect(r.state.tension[0]).toBe(c.tension);
      expect(m.bands[r.state.band]!.id).toBe(c.expected.shown);
      expect(r.events.filter((e) => e.kind === 'band').map((e) => e.text)).toEqual(c.expected.events);
    });
  }

  it('fatigue of 1% a day from 30 — the ladder leaves traditional crisis on day 11 (26.86), not day 1 (29.7)', () => {
    const fading = tiny({ pair: { fatigue: 0.01 } });
    let st = createGame(fading, 'fade');
    const shown: string[] = [];
    let fell = -1;
    for (let d = 1; d <= 12; d++) {
      const r = step(fading, st);
      st = r.state;
      shown.push(m.bands[st.band]!.id);
      if (fell < 0 && r.events.some((e) => e.kind === 'band')) fell = d;
      if (d === 10) expect(st.tension[0]).toBeCloseTo(30 * 0.99 ** 10, DIGITS);
    }
    expect(fell).toBe(11);
    expect(st.tension[0]).toBeCloseTo(26.59154615148388, DIGITS);
    expect(shown).toEqual([...new Array<string>(10).fill('traditional'), 'subcrisis', 'subcrisis']);
  });

  const REAL: { name: string; why: string; seed: string; day: number; expected: { overall: number; shown: string; event: string | null } }[] = [
    { name: 'Allied Resolve, seed 7, day 22', why: 'overall reaches 61.34 and the ladder rises into intense crisis', seed: '7', day: 22, expected: { overall: 61.34063086488883, shown: 'intense', event: 'Tension rises into intense crisis' } },
    { name: 'Allied Resolve, seed 7, day 29', why: 'overall 58.25 is under 60 but inside the firebreak: the ladder still shows intense', seed: '7', day: 29, expected: { overall: 58.25051402854513, shown: 'intense', event: null } },
    { name: 'Allied Resolve, seed 7, day 84', why: 'overall 56.81 is past the firebreak (57): the ladder falls back to traditional', seed: '7', day: 84, expected: { overall: 56.808897016420396, shown: 'traditional', event: 'Tension falls back to traditional crisis' } },
  ];
  for (const c of REAL) {
    it(`${c.name} — ${c.why}`, () => {
      const am = compile(allied);
      let st = createGame(allied, c.seed);
      let events: TurnEvent[] = [];
      for (let d = 0; d < c.day; d++) ({ state: st, events } = step(allied, st));
      let overall = 0;
      for (let p = 0; p < am.nP; p++) if (am.counts[p] && st.tension[p]! > overall) overall = st.tension[p]!;
      expect(overall).toBeCloseTo(c.expected.overall, DIGITS);
      expect(am.bands[st.band]!.id).toBe(c.expected.shown);
      expect(events.find((e) => e.kind === 'band')?.text ?? null).toBe(c.expected.event);
    });
  }
});

// ---------------------------------------------------------------------------------------------------
// The risk slope: how much an actor shies from adding tension, rising with the tension it adds to.
// ---------------------------------------------------------------------------------------------------

describe('golden: the risk slope', () => {
  // North (and South unless changed) is risk-averse (tolerance 0, riskWeight 2), has no goals and a neutral
  // temperament, so a move's score is the risk term alone: −2 × (after − before) × slope(max(before, after)),
  // slope(x) = ((x − (warAt − 45)) / 45)² above warAt − 45. Threaten adds 5 (Goldstein −5), talk takes 7 off.
  const variants = {
    tiny: tiny(),
    'war at 60': tiny({ rules: { warAt: 60 } }),
    'bold south': tiny({ south: { traits: { tempo: 0, aggression: 0.5, riskTolerance: 1 } } }),
    'south wants war': tiny({ south: { goals: [{ tension: ['self', 'north'], weight: 0.1, ideal: 90 }] } }),
    'south wants 84': tiny({ south: { goals: [{ tension: ['self', 'north'], weight: 0.1, ideal: 84 }] } }),
  };
  const RISK: { name: string; why: string; scenario: keyof typeof variants; actor: 'north' | 'south'; action: 'threaten' | 'talk'; tension: number; expected: number }[] = [
    { name: 'far from war', why: '0 → 5 stays below warAt − 45 = 40: no risk', scenario: 'tiny', actor: 'north', action: 'threaten', tension: 0, expected: 0 },
    { name: 'where the slope starts', why: '35 → 40 ends exactly at warAt − 45', scenario: 'tiny', actor: 'north', action: 'threaten', tension: 35, expected: 0 },
    { name: 'just past the start', why: '40 → 45: −2 × 5 × (5/45)² = −10/81', scenario: 'tiny', actor: 'north', action: 'threaten', tension: 40, expected: -0.12345679012345678 },
    { name: 'halfway up', why: '62.5 → 67.5: −10 × (27.5/45)²', scenario: 'tiny', actor: 'north', action: 'threaten', tension: 62.5, expected: -3.7345679012345676 },
    { name: 'onto the war line', why: '80 → 85 = warAt: the slope is 1, so −10', scenario: 'tiny', actor: 'north', action: 'threaten', tension: 80, expected: -10 },
    { name: 'beyond the war line', why: '97 → 100 (clamped): the step is 3 but the slope keeps rising, (60/45)²: −6 × 16/9', scenario: 'tiny', actor: 'north', action: 'threaten', tension: 97, expected: -10.666666666666666 },
    { name: 'calming is worth the risk it removes', why: '80 → 73 is scored at the higher end: +14 × (40/45)²', scenario: 'tiny', actor: 'north', action: 'talk', tension: 80, expected: 11.061728395061728 },
    { name: 'warAt moves the slope', why: 'with warAt 60 it starts at 15: 40 → 45 scores −10 × (30/45)²', scenario: 'war at 60', actor: 'north', action: 'threaten', tension: 40, expected: -4.444444444444445 },
    { name: 'a bold actor ignores it', why: 'risk tolerance 1 makes the risk weight 0', scenario: 'bold south', actor: 'south', action: 'threaten', tension: 80, expected: 0 },
    { name: 'an actor that wants war is not deterred', why: 'South aims for 90 ≥ warAt on this pair: only its goal counts, 0.1 × (10 − 5) = 0.5', scenario: 'south wants war', actor: 'south', action: 'threaten', tension: 80, expected: 0.5 },
    { name: 'wanting less than war still deters', why: 'South aims for 84 < warAt: goal 0.1 × (4 − 1) = 0.3, less the risk 10', scenario: 'south wants 84', actor: 'south', action: 'threaten', tension: 80, expected: -9.7 },
  ];
  for (const c of RISK) {
    it(`${c.name} — ${c.why}`, () => {
      const s = variants[c.scenario];
      const m = compile(s);
      const a = m.actorIndex.get(c.actor)!;
      const cand = m.candidates[a]!.find((x) => m.actions[x.action]!.data.id === c.action)!;
      const st: GameState = { ...createGame(s, 'risk'), tension: [c.tension] };
      expect(scoreCandidate(m, st, cand, scoreContext(m, st))).toBeCloseTo(c.expected, DIGITS);
    });
  }

  // Incidents: daily odds base + perPoint × (tension − pivot) above the pivot, × (1 + nearBorder) with forces
  // at a shared border. Each pair's incident draw depends only on the seed and the day, so over the same 200
  // seeds a hotter pair has an incident on every seed a cooler one has, and more.
  const incidentRules = { forceThreat: 0, incidents: { base: 0.05, perPoint: 0.01, pivot: 30, nearBorder: 1 } };
  const shots = { id: 'shots', name: 'Shots at the border', actors: ['north', 'south'], kind: 'incident', goldstein: -10, targets: ['north', 'south'], text: 'Shots fired' };
  const garrison = { id: 'garrison', name: 'Garrison', owner: 'north', symbol: 'SHGPUCI----D---', strength: 1000, location: 'camp' };
  const seeds = Array.from({ length: 200 }, (_, i) => String(i + 1));
  const hit = (s: Scenario): string[] => seeds.filter((seed) => step(s, createGame(s, seed)).events.some((e) => e.kind === 'incident'));
  const INCIDENTS: { name: string; why: string; tension: number; border: boolean; expected: number }[] = [
    { name: 'cold', why: 'at 0 the odds are the base, 5%: about 10 of 200', tension: 0, border: false, expected: 14 },
    { name: 'at the pivot', why: 'at 30 still the base: exactly the same seeds as at 0', tension: 30, border: false, expected: 14 },
    { name: 'warm', why: 'at 50, 5% + 20 × 1% = 25%: about 50', tension: 50, border: false, expected: 48 },
    { name: 'hot', why: 'at 70, 45%: about 90', tension: 70, border: false, expected: 91 },
    { name: 'near war', why: 'at 90, 65%: about 130', tension: 90, border: false, expected: 129 },
    { name: 'warm, with a garrison at the border', why: 'at 50 the 25% doubles to 50%: about 100', tension: 50, border: true, expected: 100 },
  ];
  const runs = new Map<string, string[]>();
  const incidentsAt = (tension: number, border: boolean): string[] => {
    const key = `${tension}/${border}`;
    if (!runs.has(key)) runs.set(key, hit(tiny({ rules: incidentRules, pair: { tension }, actions: [shots], forces: border ? [garrison] : [] })));
    return runs.get(key)!;
  };
  for (const c of INCIDENTS) {
    it(`incidents, ${c.name} — ${c.why}`, () => {
      const got = incidentsAt(c.tension, c.border);
      expect(got.length).toBe(c.expected);
      // Monotone over the same seeds: every seed with an incident in a cooler or border-free case has one here.
      const cooler = INCIDENTS.filter((x) => x !== c && x.tension <= c.tension && (c.border || !x.border));
      for (const x of cooler) for (const seed of incidentsAt(x.tension, x.border)) expect(got).toContain(seed);
    });
  }
});

// ---------------------------------------------------------------------------------------------------
// Fog: an actor's estimate of a force, from intel, the host's secrecy, noise and reveals.
// ---------------------------------------------------------------------------------------------------

/** A generator that always draws `u`, counting its draws. */
function constantRng(u: number): { rng: Rng; draws: () => number } {
  let n = 0;
  const rng: Rng = {
    next: () => (n++, u),
    between: (lo, hi) => lo + (hi - lo) * rng.next(),
    int: (k) => Math.floor(rng.next() * k),
    state: () => ({ c: 1, s0: 0, s1: 0, s2: 0 }),
  };
  return { rng, draws: () => n };
}

describe('golden: fog estimates', () => {
  // The mini scenario: North owns the garrison (at its border camp) and the reserve (off the map, inactive);
  // South watches with intel 0.8. Fog defaults: noise 0.3, learn 0.25, secrecyBias 0.6; North's secrecy
  // meter (0–100) hides what stands on its soil. An estimate moves learn × intel × (1 − 0.7 × secrecy) of
  // the way to an observation of truth × (1 + 0.6 × secrecy) × (1 + 0.3 × (2u − 1)).
  const m = compile(mini);
  type FogCase = { name: string; why: string; force: 'garrison' | 'reserve'; watcher: 'north' | 'south'; truth: number; prior: number; secrecy: number; u: number; active?: boolean; at?: string; reveal?: number; expected: { estimate: number; draws: number } };
  const FOG: FogCase[] = [
    { name: 'the owner', why: 'North sees its own garrison exactly, whatever it believed and whatever the draw', force: 'garrison', watcher: 'north', truth: 5000, prior: 4000, secrecy: 70, u: 0.9, expected: { estimate: 5000, draws: 4 } },
    { name: 'a clear look', why: 'no secrecy and a draw of 0.5 (no noise): 20% (0.25 × 0.8) of the way from 4000 to 5000', force: 'garrison', watcher: 'south', truth: 5000, prior: 4000, secrecy: 0, u: 0.5, expected: { estimate: 4200, draws: 4 } },
    { name: 'a high draw', why: 'u = 0.75 sees 15% more (5750): 4000 + 0.2 × 1750', force: 'garrison', watcher: 'south', truth: 5000, prior: 4000, secrecy: 0, u: 0.75, expected: { estimate: 4350, draws: 4 } },
    { name: 'a low draw', why: 'u = 0.25 sees 15% less (4250): 4000 + 0.2 × 250', force: 'garrison', watcher: 'south', truth: 5000, prior: 4000, secrecy: 0, u: 0.25, expected: { estimate: 4050, draws: 4 } },
    { name: 'secrecy 70', why: 'the sight is inflated to 7100 and learning slowed to 0.2 × 0.51: 4000 + 0.102 × 3100', force: 'garrison', watcher: 'south', truth: 5000, prior: 4000, secrecy: 70, u: 0.5, expected: { estimate: 4316.2, draws: 4 } },
    { name: 'full secrecy', why: 'sight 8000, learning 0.2 × 0.3: 4000 + 0.06 × 4000', force: 'garrison', watcher: 'south', truth: 5000, prior: 4000, secrecy: 100, u: 0.5, expected: { estimate: 4240, draws: 4 } },
    { name: 'secrecy pulls down too', why: 'from 8000 the estimate falls toward the inflated 7100, not the true 5000: 8000 − 0.102 × 900', force: 'garrison', watcher: 'south', truth: 5000, prior: 8000, secrecy: 70, u: 0.5, expected: { estimate: 7908.2, draws: 4 } },
    { name: 'an inactive force', why: 'the reserve is not deployed: not observed (its draws are still taken, one per watcher)', force: 'reserve', watcher: 'south', truth: 3000, prior: 2500, secrecy: 0, u: 0.5, active: false, expected: { estimate: 2500, draws: 4 } },
    { name: 'no host, no secrecy', why: "off the map (no country) North's full secrecy hides nothing: 2500 + 0.2 × 500", force: 'reserve', watcher: 'south', truth: 3000, prior: 2500, secrecy: 100, u: 0.5, active: true, at: 'far-east', expected: { estimate: 2600, draws: 4 } },
    { name: 'a full reveal', why: 'share 1 sets the estimate to the truth', force: 'garrison', watcher: 'south', truth: 5000, prior: 4000, secrecy: 0, u: 0.5, reveal: 1, expected: { estimate: 5000, draws: 0 } },
    { name: 'a half reveal cuts through secrecy', why: 'share 0.5 moves halfway to the truth (4500), full secrecy notwithstanding', force: 'garrison', watcher: 'south', truth: 5000, prior: 4000, secrecy: 100, u: 0.5, reveal: 0.5, expected: { estimate: 4500, draws: 0 } },
  ];
  for (const c of FOG) {
    it(`${c.name} — ${c.why}`, () => {
      const st = createGame(mini, 'fog');
      const f = m.forceIds.indexOf(c.force);
      const w = m.actorIndex.get(c.watcher)!;
      st.forces.strength[f] = c.truth;
      st.estimates[w * m.nF + f] = c.prior;
      st.meters[m.actorIndex.get('north')! * m.nM + m.meterIds.indexOf('secrecy')] = c.secrecy;
      if (c.active !== undefined) st.forces.active[f] = c.active;
      if (c.at) st.forces.place[f] = m.placeIndex.get(c.at)!;
      const { rng, draws } = constantRng(c.u);
      if (c.reveal !== undefined) reveal(m, st, f, c.reveal);
      else observe(m, st, rng);
      expect(st.estimates[w * m.nF + f]).toBeCloseTo(c.expected.estimate, DIGITS);
      expect(draws()).toBe(c.expected.draws);
    });
  }
});

// ---------------------------------------------------------------------------------------------------
// Units as each role sees them: own (and hosted) forces exact, others estimated, the observer a range.
// ---------------------------------------------------------------------------------------------------

describe('golden: units as each role sees them', () => {
  const reader = memoryReader({ [DEFAULT]: readFileSync(DEFAULT, 'utf8') });
  type Seen = { units: ReturnType<typeof units>; truth: Map<string, number> };
  const cache = new Map<string, Seen>();
  /** Allied Resolve, seed 7, played as `role` with no orders (a played actor holds), on day 0 and day 30. */
  const seen = (role: string, days: 0 | 30): Seen => {
    if (!cache.has(`${role}/${days}`)) {
      const store = createSession();
      const err = store.getState().newGame({ file: DEFAULT, seed: '7', role }, reader);
      if (err) throw new Error(err);
      const look = (): Seen => {
        const s = store.getState();
        return { units: units(s), truth: new Map(s.scenario!.data.forces.map((f, i) => [f.id, s.game!.forces.strength[i]!])) };
      };
      cache.set(`${role}/0`, look());
      for (let d = 0; d < 30; d++) store.getState().nextDay();
      cache.set(`${role}/30`, look());
    }
    return cache.get(`${role}/${days}`)!;
  };
  const UNITS: { name: string; why: string; role: string; days: 0 | 30; force: string; expected: { low: number; high: number; exact: boolean } }[] = [
    { name: 'NATO, day 0, a Russian force', why: 'before any look, a foreign force is the middle of its range [3000, 9000]', role: 'nato', days: 0, force: 'ru-vostok-brest', expected: { low: 6000, high: 6000, exact: false } },
    { name: 'the observer, day 0', why: 'every watcher starts from the same midpoint, so the range is a point', role: 'observer', days: 0, force: 'ru-vostok-brest', expected: { low: 6000, high: 6000, exact: false } },
    { name: 'Belarus, day 0, its own contingent', why: "an owner knows its force's drawn strength from the start", role: 'belarus', days: 0, force: 'by-south-contingent', expected: { low: 5807.389701716602, high: 5807.389701716602, exact: true } },
    { name: 'Belarus, day 30, a Russian force on its soil', why: 'the host sees the truth', role: 'belarus', days: 30, force: 'ru-vostok-brest', expected: { low: 5187.571104615927, high: 5187.571104615927, exact: true } },
    { name: "Belarus, day 30, NATO's battlegroup in Poland", why: 'an estimate (truth 1100), from Minsk\'s weak intel (0.4)', role: 'belarus', days: 30, force: 'nato-efp-poland', expected: { low: 1205.907437207818, high: 1205.907437207818, exact: false } },
    { name: 'NATO, day 30, its own battlegroup', why: 'own forces are exact', role: 'nato', days: 30, force: 'nato-efp-poland', expected: { low: 1100, high: 1100, exact: true } },
    { name: 'NATO, day 30, a Russian force in Belarus', why: "Minsk's secrecy inflates what NATO sees: 6047 against a truth of 5188", role: 'nato', days: 30, force: 'ru-vostok-brest', expected: { low: 6046.833919440372, high: 6046.833919440372, exact: false } },
    { name: 'Ukraine, day 30, its own northern command', why: 'own forces are exact (a fixed 4000)', role: 'ukraine', days: 30, force: 'ua-oc-north', expected: { low: 4000, high: 4000, exact: true } },
    { name: "Russia, day 30, Belarus's western command", why: 'an ally is estimated too, and inflated by its secrecy (truth 7463)', role: 'russia', days: 30, force: 'by-western-command', expected: { low: 8320.692752671464, high: 8320.692752671464, exact: false } },
    { name: 'the observer, day 30, a Russian force in Belarus', why: 'the range runs from the host, who sees the truth (5188), to the highest outside estimate', role: 'observer', days: 30, force: 'ru-vostok-brest', expected: { low: 5187.571104615927, high: 5937.605709650827, exact: false } },
    { name: "the observer, day 30, Belarus's western command", why: 'the owner is left out, and secrecy lifts every other estimate above the truth (7463)', role: 'observer', days: 30, force: 'by-western-command', expected: { low: 7994.282072346456, high: 8648.964995885632, exact: false } },
  ];
  for (const c of UNITS) {
    it(`${c.name} — ${c.why}`, () => {
      const v = seen(c.role, c.days);
      const u = v.units.find((x) => x.id === c.force)!;
      expect(u.strength.low).toBeCloseTo(c.expected.low, DIGITS);
      expect(u.strength.high).toBeCloseTo(c.expected.high, DIGITS);
      if (c.expected.exact) expect(u.strength).toEqual({ low: v.truth.get(c.force), high: v.truth.get(c.force) });
      else expect(u.strength.low === v.truth.get(c.force) && u.strength.high === v.truth.get(c.force)).toBe(false);
    });
  }
});

// ---------------------------------------------------------------------------------------------------
// The calendar: turn 1 is the start date; month and year ends; leap years.
// ---------------------------------------------------------------------------------------------------

describe('golden: the calendar', () => {
  const TURN_DATES: { name: string; why: string; start: string; turn: number; expected: string }[] = [
    { name: 'turn 1', why: 'is the start date', start: '2022-01-28', turn: 1, expected: '2022-01-28' },
    { name: 'turn 0', why: 'is the eve of the start, across a year end', start: '2022-01-01', turn: 0, expected: '2021-12-31' },
    { name: 'a month end', why: 'Jan 28 + 4 days', start: '2022-01-28', turn: 5, expected: '2022-02-01' },
    { name: 'a year end', why: 'Dec 31 + 1', start: '2021-12-31', turn: 2, expected: '2022-01-01' },
    { name: 'February 2022', why: '2022 is not a leap year', start: '2022-02-28', turn: 2, expected: '2022-03-01' },
    { name: 'February 2024', why: '2024 is a leap year', start: '2024-02-28', turn: 2, expected: '2024-02-29' },
    { name: 'February 2100', why: 'a century is not a leap year', start: '2100-02-28', turn: 2, expected: '2100-03-01' },
    { name: 'February 2000', why: 'every 400th year is', start: '2000-02-28', turn: 2, expected: '2000-02-29' },
    { name: 'a year across a leap day', why: '365 days after 1 Mar 2023 is 29 Feb 2024', start: '2023-03-01', turn: 366, expected: '2024-02-29' },
    { name: "Allied Resolve's last day", why: 'turn 90 from 27 Dec 2021: 4 + 31 + 28 + 26 days on', start: '2021-12-27', turn: 90, expected: '2022-03-26' },
  ];
  for (const c of TURN_DATES) it(`turnDate, ${c.name} — ${c.why}`, () => expect(turnDate(c.start, c.turn)).toBe(c.expected));

  const DATE_TURNS: { name: string; why: string; start: string; date: string; expected: number }[] = [
    { name: 'the start', why: 'is turn 1', start: '2022-01-28', date: '2022-01-28', expected: 1 },
    { name: 'the day before', why: 'is turn 0', start: '2022-01-28', date: '2022-01-27', expected: 0 },
    { name: 'across a year end', why: 'Dec 25 → Jan 1 is 7 days', start: '2021-12-25', date: '2022-01-01', expected: 8 },
    { name: 'February 2022', why: '28 days', start: '2022-02-01', date: '2022-03-01', expected: 29 },
    { name: 'February 2024', why: '29 days', start: '2024-02-01', date: '2024-03-01', expected: 30 },
    { name: "Allied Resolve's scriptUntil", why: '9 Feb 2022 is 44 days after 27 Dec 2021', start: '2021-12-27', date: '2022-02-09', expected: 45 },
    { name: 'Allied Resolve begins', why: 'the exercise opens on 10 Feb 2022', start: '2021-12-27', date: '2022-02-10', expected: 46 },
  ];
  for (const c of DATE_TURNS) it(`dateTurn, ${c.name} — ${c.why}`, () => expect(dateTurn(c.start, c.date)).toBe(c.expected));

  const LONG: { name: string; why: string; date: string; expected: string }[] = [
    { name: 'a plain day', why: 'day, short month, year', date: '2022-01-28', expected: '28 Jan 2022' },
    { name: 'the first', why: 'no leading zero', date: '2022-02-01', expected: '1 Feb 2022' },
    { name: 'a leap day', why: 'is shown as it is', date: '2024-02-29', expected: '29 Feb 2024' },
    { name: 'the last of the year', why: 'December', date: '2021-12-31', expected: '31 Dec 2021' },
  ];
  for (const c of LONG) it(`longDate, ${c.name} — ${c.why}`, () => expect(longDate(c.date)).toBe(c.expected));

  const REAL_DATES: { name: string; why: string; date: string; expected: boolean }[] = [
    { name: '29 Feb 2022', why: 'not a leap year', date: '2022-02-29', expected: false },
    { name: '29 Feb 2024', why: 'a leap year', date: '2024-02-29', expected: true },
    { name: '29 Feb 2100', why: 'a century', date: '2100-02-29', expected: false },
    { name: '29 Feb 2000', why: 'a 400th year', date: '2000-02-29', expected: true },
    { name: '31 Apr 2022', why: 'April has 30 days', date: '2022-04-31', expected: false },
  ];
  for (const c of REAL_DATES) it(`isRealDate, ${c.name} — ${c.why}`, () => expect(isRealDate(c.date)).toBe(c.expected));
});

// ---------------------------------------------------------------------------------------------------
// Turning points: the days of largest total swing, in day order, each with its headline.
// ---------------------------------------------------------------------------------------------------

describe('golden: turning points', () => {
  const reader = memoryReader({ [DEFAULT]: readFileSync(DEFAULT, 'utf8'), [MINI]: readFileSync(MINI, 'utf8') });

  /** A feed event on the mini scenario's one pair (north-south). */
  const ev = (text: string, delta: number | null, extra: Partial<TurnEvent> = {}): TurnEvent => ({
    turn: 0,
    date: '',
    kind: 'action',
    id: 'x',
    action: null,
    actor: 'north',
    target: null,
    text,
    visibility: 'public',
    actionKind: null,
    goldstein: null,
    cameo: null,
    source: null,
    plan: false,
    deltas: delta === null ? {} : { 'north-south': delta },
    meters: {},
    ...extra,
  });
  const day = (turn: number, tension: number, events: TurnEvent[] = []) => ({ turn, date: turnDate('2030-03-01', turn), hash: '', overall: tension, band: 2, tensions: [tension], events });
  // Swings: day 1: 5 (up), day 2: 2 (down), day 3: 5 (up), day 4: 0, day 5: 10 (down).
  const LOG = [
    day(0, 30),
    day(1, 35, [ev('A: a threat', 3), ev('B: a second threat', 2), ev('C: a secret move', 9, { visibility: 'private' }), ev('Tension rises', 5, { kind: 'band' })]),
    day(2, 33, [ev('X: a small push', 1), ev('Y: talks', -3)]),
    day(3, 38, [ev('Z: shots', 5)]),
    day(4, 38),
    day(5, 28, [ev('W: a push against the tide', 2)]),
  ];
  const HAND: { name: string; why: string; k: number; expected: [number, number, number, string | null][] }[] = [
    {
      name: 'the default four',
      why: "the four largest swings (10, 5, 5, 2) in day order. Day 1's headline is A: the private C and the band line do not count; day 2 fell, so its headline is the calming Y",
      k: 4,
      expected: [
        [1, 5, 5, 'A: a threat'],
        [2, 2, -2, 'Y: talks'],
        [3, 5, 5, 'Z: shots'],
        // Day 5 fell by 10 but its only public event pushed up by 2: no headline rather than a wrong one.
        [5, 10, -10, null],
      ],
    },
    { name: 'the largest alone', why: 'k = 1 keeps the fall of 10 on day 5', k: 1, expected: [[5, 10, -10, null]] },
    { name: 'a tie in swing', why: 'days 1 and 3 both swing 5; the sort is stable, so the earlier day is kept', k: 2, expected: [[1, 5, 5, 'A: a threat'], [5, 10, -10, null]] },
    {
      name: 'every day',
      why: 'a k beyond the log returns every day; a quiet day has swing 0 and no headline',
      k: 10,
      expected: [
        [1, 5, 5, 'A: a threat'],
        [2, 2, -2, 'Y: talks'],
        [3, 5, 5, 'Z: shots'],
        [4, 0, 0, null],
        [5, 10, -10, null],
      ],
    },
  ];
  for (const c of HAND) {
    it(`a hand-made log, ${c.name} — ${c.why}`, () => {
      const store = createSession();
      const err = store.getState().newGame({ file: MINI, seed: '1', role: 'observer' }, reader);
      if (err) throw new Error(err);
      store.setState({ days: LOG });
      const got = turningPoints(store.getState(), c.k);
      expect(got.map((t) => [t.turn, t.swing, t.overallDelta, t.headline])).toEqual(c.expected);
      expect(got.map((t) => t.date)).toEqual(c.expected.map((e) => turnDate('2030-03-01', e[0])));
    });
  }

  it("Allied Resolve, seed 7, watched for 30 days — the turning points: Moscow's warnings of 1 and 7 January, the exercise announced, Kyiv's offer", () => {
    const store = createSession();
    const err = store.getState().newGame({ file: DEFAULT, seed: '7', role: 'observer' }, reader);
    if (err) throw new Error(err);
    for (let d = 0; d < 30; d++) store.getState().nextDay();
    const got = turningPoints(store.getState());
    const expected: [number, string, number, number, string][] = [
      [6, '2022-01-01', 15.22413044788696, 3.635469273217325, 'Moscow warns Ukraine of a military response if its red lines are crossed.'],
      [12, '2022-01-07', 15.641859172454943, 1.6821833544913858, 'Moscow warns Ukraine of a military response if its red lines are crossed.'],
      [22, '2022-01-17', 17.78285431228344, 6.283991090888286, 'Lukashenka announces unscheduled Belarusian–Russian exercises, "Allied Resolve – 2022", at the western and southern borders of Belarus.'],
      [24, '2022-01-19', 19.40581010190221, -0.6393872739012991, 'Kyiv offers Russia talks to reduce the tension.'],
    ];
    expect(got.map((t) => [t.turn, t.date, t.headline])).toEqual(expected.map((e) => [e[0], e[1], e[4]]));
    got.forEach((t, i) => {
      expect(t.swing).toBeCloseTo(expected[i]![2], DIGITS);
      expect(t.overallDelta).toBeCloseTo(expected[i]![3], DIGITS);
    });
  });
});
