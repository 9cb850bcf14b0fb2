// The format says what it does (issue 17, part 3), as named tables on small variants of the mini fixture:
// the one rule for events that perform an action (requires, limit, cooldown), visibility that names who
// sees a move (the feed, the Goldstein weight, the "why?", beliefs, `used` requirements), from/until
// windows on actions and events, and sources without a date.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { canSee, compile, createGame, legalOrders, sampleWorld, scenarioView, seedRng, step, validateData, viewOf, type GameState, type Order, type Scenario, type TurnEvent } from '../src/sim/index';
import { blockedFor } from '../src/sim/card-effects';
import { isAvailable, scoreCandidate, scoreContext } from '../src/sim/policy';
import { load, MINI } from './helpers';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SOURCE = { ref: 'made-up', quote: 'As the fixture says.' };

/** The mini fixture with a letter North may write, a third actor (East) who never acts, and moves that
 * name who sees them; `edit` changes the data. */
function data(edit: (d: Data) => void = () => {}): Data {
  const d = parse(readFileSync(MINI, 'utf8')) as Data;
  d.actors.push({ id: 'east', name: 'East', colour: '#33aa55', kind: 'state', traits: { tempo: 0 }, goals: [{ tension: ['north', 'south'], weight: 0.1, ideal: [20, 40] }] });
  // Neither North's AI nor South acts by itself: the feed holds only what the cases do.
  d.actors[0].traits.tempo = 0;
  d.actors[1].traits.tempo = 0;
  d.pairs.push({ between: ['north', 'east'], tension: 20 });
  d.actions.push(
    { id: 'letter', name: 'Send a letter', actors: ['north'], kind: 'diplomacy', goldstein: 3, targets: ['south'], cooldown: 5, text: '{actor} writes to {target}' },
    {
      id: 'whisper', name: 'Whisper', actors: ['north'], kind: 'diplomacy', goldstein: -5, targets: ['south', 'east'], visibility: { to: ['east'] },
      effects: [{ tension: ['self', 'target'], add: 2 }, { aim: ['north', 'south'], of: 'east', add: 10 }], text: '{actor} whispers about {target}',
    },
    { id: 'note', name: 'Pass a note', actors: ['north'], kind: 'diplomacy', goldstein: 1, targets: ['south', 'east'], visibility: { to: ['target'] }, text: '{actor} passes {target} a note' },
    { id: 'answer', name: 'Answer the whisper', actors: ['south', 'east'], kind: 'rhetoric', goldstein: -1, targets: ['north'], requires: { used: 'whisper', by: 'north' }, text: '{actor} answers' },
    { id: 'summit', name: 'Hold a summit', actors: ['north'], kind: 'diplomacy', goldstein: 4, targets: ['south'], from: '2030-03-10', until: '2030-03-12', text: '{actor} meets {target}' },
  );
  d.events.push({ id: 'letter-sent', date: '2030-03-03', actor: 'north', action: 'letter', target: 'south', text: 'The General writes to the south', source: SOURCE });
  edit(d);
  return d;
}

/** The fixture validated (it must be valid). */
function variant(edit: (d: Data) => void = () => {}): Scenario {
  const r = validateData(data(edit), [], 'format-rules.yaml');
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.scenario;
}

/** Plays North (a person) for `days` days, with its orders by day. */
function play(s: Scenario, days: number, orders: Record<number, Order> = {}): { state: GameState; events: TurnEvent[][] } {
  let state = createGame(s, '7', { role: 'north' });
  const events: TurnEvent[][] = [[]];
  for (let day = 1; day <= days; day++) {
    const r = step(s, state, orders[day] ? { north: orders[day] } : {});
    state = r.state;
    events.push(r.events);
  }
  return { state, events };
}

const has = (orders: Order[], o: Order): boolean => orders.some((x) => x.action === o.action && x.target === o.target);
const LETTER: Order = { action: 'letter', target: 'south' };

describe('events that perform an action: history happens, counts toward the limit, starts no cooldown', () => {
  /** The letter (Goldstein +3, cooldown 5) and the event that sends it on day 3, North played by a person. */
  const CASES: { name: string; why: string; letter: Data; orders: Record<number, Order>; acted: boolean; uses: number; day4: string }[] = [
    {
      name: 'requires unmet: the event still acts',
      why: 'the letter needs day 20; the event is history and sends it on day 3, booking −3 on North–South',
      letter: { requires: { turnAtLeast: 20 } }, orders: {}, acted: true, uses: 1, day4: 'from day 20',
    },
    {
      name: 'limit used up: the event does not act again',
      why: 'North sent its one letter on day 2; on day 3 the event happens without it, and the feed says so',
      letter: { limit: 1 }, orders: { 2: LETTER }, acted: false, uses: 1, day4: 'used — once only',
    },
    {
      name: 'the event counts toward the limit',
      why: 'with a limit of 1, the scripted letter is the one use: the card is spent afterwards',
      letter: { limit: 1 }, orders: {}, acted: true, uses: 1, day4: 'used — once only',
    },
    {
      name: "no cooldown from the event: the player's card stays available",
      why: 'cooldown 5 would have hidden the card until day 9; the scripted letter starts none',
      letter: {}, orders: {}, acted: true, uses: 1, day4: 'available',
    },
    {
      name: "a deliberate use's cooldown still runs",
      why: 'North wrote on day 2 (cooldown 5, until day 7): the event on day 3 (a second use) neither ends nor restarts it',
      letter: {}, orders: { 2: LETTER }, acted: true, uses: 2, day4: 'used — again in 4 days',
    },
  ];

  it.each(CASES)('$name — $why', (c) => {
    const s = variant((d) => Object.assign(d.actions.find((a: Data) => a.id === 'letter'), c.letter));
    const { state, events } = play(s, 3, c.orders);
    const ev = events[3]!.find((e) => e.id === 'letter-sent')!;
    expect(ev.kind).toBe('scripted');
    expect(state.fired[compile(s).data.events.findIndex((e) => e.id === 'letter-sent')]).toBe(2);
    if (c.acted) {
      expect(ev.action).toBe('letter');
      expect(ev.deltas['north-south']).toBeCloseTo(-3, 9);
      expect(ev.text).toBe('The General writes to the south');
    } else {
      expect(ev.action).toBeNull();
      expect(ev.deltas).toEqual({});
      expect(ev.text).toBe('The General writes to the south (not again: North had already used “Send a letter” as often as it may)');
    }
    const m = compile(s);
    expect(state.uses[m.useSlot[m.actionIndex.get('letter')!]!]).toBe(c.uses);
    const available = has(legalOrders(s, state, 'north'), LETTER);
    const blocked = blockedFor(m, state, 0).find((b) => b.action === 'letter');
    expect(available ? 'available' : blocked?.reason).toBe(c.day4);
  });

  it('the event is its day’s use: the AI cannot send the same letter again that day', () => {
    const s = variant();
    const { state } = play(s, 3);
    const m = compile(s);
    const letter = m.candidates[0]!.find((c) => c.action === m.actionIndex.get('letter'))!;
    expect(isAvailable(m, state, letter)).toBe(false); // day 3, the event's day
    expect(isAvailable(m, { ...state, turn: 4 }, letter)).toBe(true);
  });
});

describe('visibility names the actors who see a move', () => {
  const s = variant();
  const FEED: { name: string; order: Order; seenBy: string[] | undefined; sees: Record<string, boolean> }[] = [
    { name: 'whisper about South, { to: [east] }: known to East, hidden from South', order: { action: 'whisper', target: 'south' }, seenBy: ['east'], sees: { north: true, east: true, south: false, observer: false } },
    { name: 'whisper about East, { to: [east] }', order: { action: 'whisper', target: 'east' }, seenBy: ['east'], sees: { north: true, east: true, south: false, observer: false } },
    { name: 'a note to South, { to: [target] }: only its target sees it', order: { action: 'note', target: 'south' }, seenBy: ['south'], sees: { north: true, south: true, east: false, observer: false } },
    { name: 'a threat (public): everyone sees it', order: { action: 'threaten', target: 'south' }, seenBy: undefined, sees: { north: true, south: true, east: true, observer: true } },
  ];

  it.each(FEED)('$name', (c) => {
    const { events } = play(s, 1, { 1: c.order });
    const ev = events[1]!.find((e) => e.kind === 'action' && e.actor === 'north')!;
    expect(ev.seenBy).toEqual(c.seenBy);
    for (const [viewer, sees] of Object.entries(c.sees)) expect(canSee(viewer, ev), viewer).toBe(sees);
  });

  /** What the move booked on each pair under its own cause (the Goldstein weight only where the target sees it). */
  const FELT: { name: string; order: Order; pair: string; booked: number }[] = [
    { name: 'South does not see the whisper about it: only the effect (+2), no Goldstein weight', order: { action: 'whisper', target: 'south' }, pair: 'north-south', booked: 2 },
    { name: 'East sees the whisper about it: the Goldstein weight (+5) and the effect (+2)', order: { action: 'whisper', target: 'east' }, pair: 'north-east', booked: 7 },
    { name: 'the note is seen by its target: Goldstein +1 cools the pair by 1', order: { action: 'note', target: 'south' }, pair: 'north-south', booked: -1 },
  ];

  it.each(FELT)('$name', (c) => {
    const { events } = play(s, 1, { 1: c.order });
    const ev = events[1]!.find((e) => e.kind === 'action' && e.actor === 'north')!;
    expect(ev.deltas[c.pair]).toBeCloseTo(c.booked, 9);
  });

  it('the "why?" merges the moves a viewer did not see; East, named, sees the whisper', () => {
    const { state } = play(s, 1, { 1: { action: 'whisper', target: 'south' } });
    const labels = (viewer: string) => viewOf(s, state, viewer).why['north-south']!.map((c) => c.label);
    expect(labels('east')).toContain('North: Whisper');
    expect(labels('south')).toContain('moves you did not see');
    expect(labels('south')).not.toContain('North: Whisper');
    expect(labels('observer')).toContain('moves kept secret');
  });

  it('a `used` requirement holds only for the actor that saw the move: East may answer, South may not', () => {
    const { state } = play(s, 1, { 1: { action: 'whisper', target: 'south' } });
    expect(has(legalOrders(s, state, 'east'), { action: 'answer', target: 'north' })).toBe(true);
    expect(has(legalOrders(s, state, 'south'), { action: 'answer', target: 'north' })).toBe(false);
  });

  it("beliefs: the whisper's aim on East's ideal (+10, 9.5 after a day's 5% fade) is in North's world, not in South's", () => {
    const { state } = play(s, 1, { 1: { action: 'whisper', target: 'south' } });
    const m = compile(s);
    const east = m.idealOwner.indexOf(m.actorIndex.get('east')!);
    const north = sampleWorld(s, state, 'north', seedRng('belief'));
    const south = sampleWorld(s, state, 'south', seedRng('belief'));
    expect(north.ideals[east]! - south.ideals[east]!).toBeCloseTo(10 * (1 - 0.05), 9);
    expect(state.ideals[east]! - south.ideals[east]!).not.toBe(0); // East's true aim is not South's belief either
  });

  it('only a scenario with secrets tracks what each actor saw: the others keep their states (and hashes) as they were', () => {
    expect(Object.keys(createGame(s, '1'))).toEqual(expect.arrayContaining(['unseenAims', 'seenUses']));
    const plain = createGame(load(MINI), '1');
    expect('unseenAims' in plain || 'seenUses' in plain).toBe(false);
  });
});

describe('from/until: actions and events gated on dates (both days inclusive)', () => {
  const s = variant((d) =>
    d.events.push({ id: 'window-alarm', when: { tension: 'overall', atLeast: 0 }, from: '2030-03-05', until: '2030-03-06', effects: [{ meter: 'legitimacy', of: 'south', add: 1 }], text: 'The alarm sounds', source: SOURCE }),
  );
  const m = compile(s);
  /** The summit runs from 10 to 12 March 2030 (days 10–12): the day the card is for, and what it says. */
  const SUMMIT: { day: number; date: string; shows: string }[] = [
    { day: 9, date: '2030-03-09', shows: 'from 10 Mar' },
    { day: 10, date: '2030-03-10', shows: 'available' },
    { day: 12, date: '2030-03-12', shows: 'available' },
    { day: 13, date: '2030-03-13', shows: 'only until 12 Mar' },
  ];

  it.each(SUMMIT)('day $day ($date): $shows', (c) => {
    const state = { ...createGame(s, '1', { role: 'north' }), turn: c.day - 1 };
    const order = { action: 'summit', target: 'south' };
    const available = has(legalOrders(s, state, 'north'), order);
    expect(available ? 'available' : blockedFor(m, state, 0).find((b) => b.action === 'summit')?.reason).toBe(c.shows);
  });

  it('a conditional event fires the first day of its window (5 March), not before, and once', () => {
    const { events } = play(s, 8);
    const days = events.flatMap((list, day) => (list.some((e) => e.id === 'window-alarm') ? [day] : []));
    expect(days).toEqual([5]);
  });
});

describe('validation of the new fields', () => {
  /** Each edit of the fixture, and the message it must give (null: valid). */
  const CASES: { name: string; edit: (d: Data) => void; message: string | null; hint?: string }[] = [
    { name: 'an undated source is valid', edit: (d) => delete d.meta.sources[0].date, message: null },
    { name: 'until before from', edit: (d) => Object.assign(d.actions.find((a: Data) => a.id === 'summit'), { from: '2030-03-12', until: '2030-03-10' }), message: 'until 2030-03-10 is before from 2030-03-12: the window is empty' },
    { name: 'from before the start (an error)', edit: (d) => (d.actions.find((a: Data) => a.id === 'summit').from = '2030-02-10'), message: 'from 2030-02-10 is before the start (2030-03-01)' },
    { name: 'until after the last day (an error)', edit: (d) => (d.actions.find((a: Data) => a.id === 'summit').until = '2030-05-01'), message: 'until 2030-05-01 is after the last turn (turn 30)' },
    { name: 'from on a dated event', edit: (d) => (d.events[0].from = '2030-03-02'), message: 'a dated event fires on its date: from and until are for events with a when and no date' },
    { name: 'a date that does not exist', edit: (d) => (d.actions.find((a: Data) => a.id === 'summit').until = '2030-02-30'), message: "'2030-02-30' is not a calendar date" },
    { name: 'visibility names an actor that does not exist', edit: (d) => (d.actions.find((a: Data) => a.id === 'whisper').visibility = { to: ['esat'] }), message: "unknown actor 'esat'", hint: "did you mean 'east'?" },
    { name: '"target" in an action without targets', edit: (d) => (d.actions.find((a: Data) => a.id === 'publish').visibility = { to: ['target'] }), message: "unknown actor 'target'" },
    { name: 'visibility as an unknown word', edit: (d) => (d.actions.find((a: Data) => a.id === 'whisper').visibility = 'secret'), message: 'must be one of: "public", "private"', hint: 'write public, private, or { to: [actor, …] } to name the actors who see it (e.g. { to: [russia] })' },
  ];

  it.each(CASES)('$name', (c) => {
    const r = validateData(data(c.edit), [], 'format-rules.yaml');
    if (c.message === null) {
      expect(r.ok, r.ok ? '' : r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')).toBe(true);
      if (r.ok) expect(scenarioView(r.scenario).sources[0]!.date).toBeNull();
      return;
    }
    expect(r.ok).toBe(false);
    const e = r.ok ? undefined : r.errors.find((x) => x.message.includes(c.message!));
    expect(e, r.ok ? '' : r.errors.map((x) => x.message).join('; ')).toBeDefined();
    if (c.hint) expect(e!.hint).toBe(c.hint);
  });
});

describe("the guide's example of how weights steer the AI (docs/scenario-format.md, part 2)", () => {
  it('a threat (−4.4) at tension 60: goal −2.2, aggression +0.18, position +1.5, risk −2.07 — total −2.59', () => {
    const s = variant((d) => {
      const north = d.actors[0];
      north.goals = [{ tension: ['self', 'south'], weight: -0.5 }];
      north.traits = { ...north.traits, aggression: 0.7, riskTolerance: 0.2 };
      d.pairs[0].tension = 60;
    });
    const m = compile(s);
    const st = createGame(s, '1');
    const threat = m.candidates[0]!.find((c) => c.action === m.actionIndex.get('threaten') && c.target === 1)!;
    const expected = -0.5 * 4.4 + 1 * 2 * 0.2 * 0.44 + 1.5 * 1 * 1 - 0.8 * 2 * 4.4 * ((64.4 - 40) / 45) ** 2;
    expect(expected).toBeCloseTo(-2.59, 2);
    expect(scoreCandidate(m, st, threat, scoreContext(m, st))).toBeCloseTo(expected, 9);
  });
});
