// What the screens show a player about their own game (issue 15), checked in the model and the store:
// the lines that end the game for a role (stakes), the reasons a card is not available now, what a card
// does in the role's terms, the meters a move moved, the debrief's replay of the game (its points and
// what decided it) and its counterfactuals (the same seed held, and the AI in the seat, equal to the
// command line's runs), yesterday's move as the cards panel reports it, and the alerts that pause autoplay.
import { describe, expect, it } from 'vitest';
import { createGame, step, viewOf, legalOrders, runGame, debriefOf, compile, scoreTrack, type GameState, type Order } from '../src/sim/index';
import { createSession } from '../src/store/session';
import { lastMove } from '../src/store/ui-view';
import { diskReader } from '../src/cli/files';
import { DEFAULT, load } from './helpers';

const sc = load(DEFAULT);
const m = compile(sc);

/** Plays `days` days for a role with the given orders by day (held otherwise). */
function play(role: string, days: number, orders: Record<number, Order> = {}, seed = '7'): GameState {
  let st = createGame(sc, seed, { role });
  for (let d = 1; d <= days && !st.outcome; d++) st = step(sc, st, orders[d] ? { [role]: orders[d] } : {}).state;
  return st;
}

describe('stakes: the outcomes that end the game for a role, as lines on the numbers they watch', () => {
  const start = createGame(sc, '7', { role: 'belarus' });
  const crossed = (() => {
    const st = { ...start, meters: start.meters.slice(), sustain: start.sustain.slice() };
    st.meters[m.actorIndex.get('belarus')! * m.nM + m.meterIds.indexOf('legitimacy')] = 14;
    st.sustain[m.data.outcomes.findIndex((o) => o.id === 'regime-crisis')] = 1;
    return st;
  })();
  const CASES: { name: string; why: string; state: GameState; viewer: string; outcome: string; level: string; text: string }[] = [
    {
      name: 'Belarus starts near the regime crisis',
      why: 'legitimacy starts at 22 (the article\'s "catastrophically low" rating), 7 points above the line of 15',
      state: start,
      viewer: 'belarus',
      outcome: 'regime-crisis',
      level: 'near',
      text: 'Legitimacy 22 — at 15 or below for 3 days: Regime crisis in Minsk',
    },
    {
      name: 'war is far at the start',
      why: 'Russia–Ukraine starts at 45, 40 points below the war line of 85, which must hold 2 days',
      state: start,
      viewer: 'belarus',
      outcome: 'war',
      level: 'far',
      text: 'Russia–Ukraine tension 45 — at 85 or above for 2 days: War',
    },
    {
      name: 'Russia watches Belarus\'s legitimacy too',
      why: 'the regime crisis is a loss for Russia as well, and the line names whose legitimacy it is',
      state: start,
      viewer: 'russia',
      outcome: 'regime-crisis',
      level: 'near',
      text: "Belarus's legitimacy 22 — at 15 or below for 3 days: Regime crisis in Minsk",
    },
    {
      name: 'a crossed line counts its days',
      why: 'legitimacy at 14 for one day: day 1 of the 3 the outcome needs',
      state: crossed,
      viewer: 'belarus',
      outcome: 'regime-crisis',
      level: 'holding',
      text: 'Legitimacy 14 — day 1 of 3 at 15 or below: Regime crisis in Minsk',
    },
  ];
  it.each(CASES)('$name ($why)', ({ state, viewer, outcome, level, text }) => {
    const k = viewOf(sc, state, viewer).stakes.find((x) => x.outcome === outcome)!;
    expect(k.level).toBe(level);
    expect(k.text).toBe(text);
    expect(k.reading).toBe('loss');
  });

  it('only decisive outcomes are stakes (those left to the points are not), nearest first; NATO has no regime-crisis stake', () => {
    const ids = viewOf(sc, start, 'belarus').stakes.map((k) => k.outcome);
    expect(ids).toEqual(['regime-crisis', 'war', 'belarus-drawn-in']);
    expect(viewOf(sc, start, 'nato').stakes.map((k) => k.outcome)).toEqual(['war', 'belarus-drawn-in']);
  });

  it('the observer sees every role\'s track; a role sees only its own', () => {
    expect(viewOf(sc, start, 'observer').tracks.map((t) => t.id)).toEqual(['belarus', 'russia', 'ukraine', 'nato']);
    expect(viewOf(sc, start, 'belarus').tracks.map((t) => t.id)).toEqual(['belarus']);
  });

  it('the course keeps today\'s rate to the last day', () => {
    const st = play('belarus', 5);
    const v = viewOf(sc, st, 'belarus');
    expect(v.course!.daysLeft).toBe(85);
    expect(v.course!.projected).toBeCloseTo(v.track!.points + 85 * v.track!.today, 9);
    expect(v.track!.lines.map((l) => l.label)).toEqual(['Legitimacy above 25', 'Dependence on Moscow above 75', 'Credibility above 45']);
  });
});

describe('cards: what is not available now, and why', () => {
  it('a used card says when it is back, and is back exactly then (cooldown 5)', () => {
    // (peace-initiative: no scripted event performs it, so only the player's use counts.)
    let st = play('belarus', 0);
    st = step(sc, st, { belarus: { action: 'peace-initiative', target: 'osce' } }).state;
    const blocked = (s: GameState) => viewOf(sc, s, 'belarus', { cards: true }).cards!.blocked.find((b) => b.action === 'peace-initiative');
    expect(blocked(st)).toMatchObject({ reason: 'used — again in 5 days', again: 5, used: 1 });
    for (let left = 4; left >= 1; left--) {
      st = step(sc, st, {}).state;
      expect(blocked(st)?.again).toBe(left);
      expect(legalOrders(sc, st, 'belarus').some((o) => o.action === 'peace-initiative')).toBe(false);
    }
    expect(blocked(st)!.reason).toBe('used — again tomorrow');
    st = step(sc, st, {}).state;
    expect(blocked(st)).toBeUndefined();
    expect(legalOrders(sc, st, 'belarus').some((o) => o.action === 'peace-initiative')).toBe(true);
  });

  it('a card at its limit says so (invite-observers: twice at most)', () => {
    let st = play('belarus', 0);
    st = step(sc, st, { belarus: { action: 'invite-observers', target: 'osce' } }).state;
    expect(viewOf(sc, st, 'belarus', { cards: true }).cards!.blocked.find((b) => b.action === 'invite-observers')).toBeUndefined();
    st = step(sc, st, { belarus: { action: 'invite-observers', target: 'osce' } }).state;
    expect(viewOf(sc, st, 'belarus', { cards: true }).cards!.blocked.find((b) => b.action === 'invite-observers')).toMatchObject({ reason: 'used 2 times — no more', again: null, used: 2 });
  });

  const start = createGame(sc, '7', { role: 'belarus' });
  const REASONS: { action: string; role: string; reason: string; why: string }[] = [
    { action: 'stand-down-contingent', role: 'belarus', reason: 'needs the Belarusian southern contingent deployed', why: 'requires { force: by-south-contingent, active: true }' },
    { action: 'ask-russia-leave', role: 'belarus', reason: 'from day 50', why: 'requires { turnAtLeast: 50 }' },
    { action: 'invade-from-north', role: 'russia', reason: 'needs Russia–Ukraine tension at least 65 (now 45)', why: 'a tension requirement names the value it reads today' },
  ];
  it.each(REASONS)('$action: "$reason" ($why)', ({ action, role, reason }) => {
    const st = role === 'belarus' ? start : createGame(sc, '7', { role });
    expect(viewOf(sc, st, role, { cards: true }).cards!.blocked.find((b) => b.action === action)?.reason).toBe(reason);
  });

  it('a card says what it does for the role: effects labelled for the role and marked good or bad, toward a near loss', () => {
    const cards = viewOf(sc, start, 'belarus', { cards: true }).cards!.list;
    const repress = cards.find((c) => c.action === 'repress-dissent')!;
    const legit = repress.effects.find((e) => e.id === 'belarus/legitimacy')!;
    expect(legit).toMatchObject({ label: 'legitimacy', delta: -1.5, good: -1 });
    expect(repress.toward).toEqual(['Regime crisis in Minsk']);
    // Tension with another actor reads "tension with X"; goal-relevant effects come first.
    const talk = cards.find((c) => c.action === 'talk-of-war' && c.target === 'nato');
    if (talk) expect(talk.effects.some((e) => e.label === 'tension with NATO')).toBe(true);
    for (const c of cards) expect(c.effects.map((e) => Math.abs(e.good))).toEqual([...c.effects.map((e) => Math.abs(e.good))].sort((a, b) => b - a));
  });
});

describe('feed events report the meters they moved', () => {
  it('the player\'s move books its meter effects on its event, keyed actor/meter', () => {
    const st = createGame(sc, '7', { role: 'belarus' });
    const r = step(sc, st, { belarus: { action: 'repress-dissent', target: 'society' } });
    const e = r.events.find((x) => x.kind === 'action' && x.actor === 'belarus')!;
    expect(e.meters['belarus/legitimacy']).toBeCloseTo(-1.5, 9);
    expect(e.meters['belarus/info-control']).toBeCloseTo(3, 9);
    expect(e.meters['society/dissent']).toBeLessThan(0);
    for (const x of r.events) for (const k of Object.keys(x.meters)) expect(k).toMatch(/^[a-z-]+\/[a-z-]+$/);
  });
});

describe('the debrief: the game played again, what decided it, and the counterfactuals', () => {
  const ROLES = ['belarus', 'russia', 'ukraine', 'nato'];
  it.each(ROLES)('%s: held and AI lines equal the command line\'s runs with the same seed; the points add up', (role) => {
    const orders: Record<string, Order> = {};
    let st = createGame(sc, '7', { role });
    for (let d = 1; !st.outcome; d++) {
      const legal = legalOrders(sc, st, role);
      const o = d <= 6 ? legal[d % legal.length]! : { action: 'hold' };
      if (o.action !== 'hold') orders[String(d)] = o;
      st = step(sc, st, o.action === 'hold' ? {} : { [role]: o }).state;
    }
    const d = debriefOf(sc, '7', role, orders, st.turn);
    const held = runGame(sc, '7', { role }).outcome!;
    const ai = runGame(sc, '7').outcome!;
    expect(d.whatIfs.map((w) => [w.outcome, w.turn])).toEqual([
      [held.id, held.turn],
      [ai.id, ai.turn],
    ]);
    expect(d.whatIfs[0]!.label).toBe('Had you held every day (same seed)');
    // The replayed game is the game played: its points end where the state's do, and the lines sum to them.
    expect(d.track.length).toBe(st.turn + 1);
    expect(d.track[d.track.length - 1]).toBeCloseTo(scoreTrack(sc, st, role)!.points, 9);
    expect(d.lines.reduce((s, l) => s + l.total, 0)).toBeCloseTo(st.score[m.actorIndex.get(role)!]!, 6);
    expect(d.decided?.text).toBeTruthy();
    expect(d.decided!.factors.length).toBeGreaterThan(0);
  });

  it('a regime crisis is decided by what moved legitimacy, the player\'s own moves marked', () => {
    // Belarus represses every day it can: legitimacy collapses.
    let st = createGame(sc, '7', { role: 'belarus' });
    const orders: Record<string, Order> = {};
    for (let d = 1; !st.outcome && d < 90; d++) {
      const o = legalOrders(sc, st, 'belarus').find((x) => x.action === 'repress-dissent');
      if (o) orders[String(d)] = o;
      st = step(sc, st, o ? { belarus: o } : {}).state;
    }
    expect(st.outcome?.id).toBe('regime-crisis');
    const d = debriefOf(sc, '7', 'belarus', orders, st.turn);
    expect(d.decided!.text).toMatch(/^Legitimacy collapsed: 22 → 1[0-5]$/);
    const mine = d.decided!.factors.find((f) => f.yours)!;
    expect(mine.label).toBe('Belarus: Repress dissent');
    expect(mine.amount).toBeLessThan(0);
  });
});

describe('the store: yesterday\'s move, and alerts that pause autoplay', () => {
  it('after End day, the cards panel reports the move and what it booked', () => {
    const store = createSession();
    store.getState().newGame({ file: DEFAULT, seed: '7', role: 'belarus' }, diskReader);
    expect(lastMove(store.getState())).toBeNull();
    store.getState().setOrder({ action: 'repress-dissent', target: 'society' });
    store.getState().nextDay();
    const last = lastMove(store.getState())!;
    expect(last).toMatchObject({ day: 1, held: false, name: 'Repress dissent' });
    expect(last.target).toBe(m.data.actors.find((a) => a.id === 'society')!.name);
    expect(last.meters).toContainEqual(['Legitimacy', -1.5]);
    store.getState().nextDay();
    expect(lastMove(store.getState())).toMatchObject({ day: 2, held: true, name: null });
  });

  it('autoplay pauses when the band changes or a line comes near, and says why; with alerts off it plays on', () => {
    const store = createSession();
    store.getState().newGame({ file: DEFAULT, seed: '7', role: 'observer' }, diskReader);
    store.getState().setAutoplay(true);
    let days = 0;
    while (store.getState().autoplay && !store.getState().game!.outcome && days++ < 200) store.getState().nextDay();
    const s = store.getState();
    expect(s.game!.outcome).toBeNull();
    expect(s.alert).toMatchObject({ day: s.game!.turn, paused: true });
    expect(s.alert!.text.join(' ')).toMatch(/Tension (rose into|fell back to) |— (near the line|the line is crossed)\./);
    s.setAutoplay(true);
    expect(store.getState().alert).toBeNull();

    const quiet = createSession();
    quiet.getState().newGame({ file: DEFAULT, seed: '7', role: 'observer' }, diskReader);
    quiet.getState().setAlerts(false);
    quiet.getState().setAutoplay(true);
    while (!quiet.getState().game!.outcome) quiet.getState().nextDay();
    expect(quiet.getState().game!.turn).toBeGreaterThan(s.game!.turn);
  });
});
