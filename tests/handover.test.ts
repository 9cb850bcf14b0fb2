// Handing the seat to another role mid-game (src/sim/handover.ts, issue 18 part 4: "play on from here as
// another role"): on Allied Resolve 2022, seed 7, Belarus with the example's orders up to day 10, then
// Ukraine. The state of day 10 stays what it is; from day 11 Ukraine gives the orders and the AI plays
// Belarus; the following days are deterministic; a replay that names the roles held before verifies
// (and one that does not, diverges on the first day after the handover), travels through parseReplay,
// and gives the debrief, the no-orders twin and the variant run with each role on its days.
import { describe, expect, it } from 'vitest';
import {
  createGame,
  debriefOf,
  hashState,
  makeReplay,
  noOrdersTwin,
  parseReplay,
  replayOnVariant,
  roleOn,
  rolesBefore,
  scheduleText,
  step,
  verifyReplay,
  withRole,
  OrderError,
  type EarlierRole,
  type GameState,
  type Order,
  type TurnEvent,
} from '../src/sim/index';
import { load, DEFAULT } from './helpers';

const base = load(DEFAULT);
/** The example's first two orders (docs/examples/orders.json), the ones before day 10. */
const BELARUS: Record<string, Order> = { '3': { action: 'invite-observers', target: 'osce' }, '6': { action: 'disclose-numbers', target: 'osce' } };
/** Ukraine's orders once it holds the seat. */
const UKRAINE: Record<string, Order> = { '12': { action: 'invoke-vienna', target: 'russia' }, '15': { action: 'play-down-threat', target: 'belarus' } };
const HANDED: EarlierRole[] = [{ role: 'belarus', until: 10 }];

interface Played {
  states: GameState[];
  events: TurnEvent[][];
}

/** Plays seed 7 as Belarus to day 10, then as `next` with its orders, to the end. */
function play(next: string, orders: Record<string, Order>): Played {
  let st = createGame(base, '7', { role: 'belarus' });
  const states = [st];
  const events: TurnEvent[][] = [[]];
  while (!st.outcome) {
    const day = st.turn + 1;
    const role = day <= 10 ? 'belarus' : next;
    if (day === 11) st = withRole(st, base, next);
    const o = day <= 10 ? BELARUS[String(day)] : orders[String(day)];
    const r = step(base, st, o && role !== 'observer' ? { [role]: o } : {});
    st = r.state;
    states.push(st);
    events.push(r.events);
  }
  return { states, events };
}

const actionsOf = (p: Played, actor: string, from: number, to: number) =>
  p.events.slice(from, to + 1).flatMap((day) => day.filter((e) => e.kind === 'action' && e.actor === actor).map((e) => `${e.turn} ${e.action}`));

describe('withRole', () => {
  const day10 = play('belarus', {}).states[10]!;

  it('gives the seat to another role and changes nothing else; the same state when the seat is already that role’s', () => {
    const ua = withRole(day10, base, 'ukraine');
    expect(ua.humans).toEqual(['ukraine']);
    expect({ ...ua, humans: day10.humans }).toEqual(day10);
    expect(withRole(day10, base, 'observer').humans).toEqual([]);
    expect(withRole(day10, base, 'belarus')).toBe(day10);
    expect(day10.humans).toEqual(['belarus']);
  });

  it('refuses an actor the scenario lacks, naming the playable roles', () => {
    expect(() => withRole(day10, base, 'atlantis')).toThrow("unknown role 'atlantis': playable roles are belarus, russia, ukraine, nato");
  });

  it('from the next day the new role gives the orders: Ukraine’s are played, Belarus’s are refused', () => {
    const ua = withRole(day10, base, 'ukraine');
    expect(() => step(base, day10, { ukraine: UKRAINE['12']! })).toThrow(OrderError);
    expect(() => step(base, ua, { belarus: BELARUS['3']! })).toThrow("'belarus' is not played by a person in this game");
    const r = step(base, ua, { ukraine: { action: 'invoke-vienna', target: 'russia' } });
    expect(r.events.some((e) => e.kind === 'action' && e.actor === 'ukraine' && e.action === 'invoke-vienna')).toBe(true);
  });
});

describe('playing on from day 10 as Ukraine', () => {
  const a = play('ukraine', UKRAINE);
  const again = play('ukraine', UKRAINE);
  const stayed = play('belarus', {});

  it('is deterministic: the same seed, orders and handover give the same state every day', () => {
    expect(a.states.map(hashState)).toEqual(again.states.map(hashState));
    expect(a.states.length).toBe(91);
  });

  it('keeps days 0–10 as they were played by Belarus, and parts on day 11', () => {
    for (let d = 0; d <= 10; d++) expect(hashState(a.states[d]!)).toBe(hashState(stayed.states[d]!));
    expect(hashState(a.states[11]!)).not.toBe(hashState(stayed.states[11]!));
  });

  it('the AI plays Belarus from day 11 (it acts unbidden), and Ukraine acts only on its orders', () => {
    // Up to day 10 Belarus acted only on the player's two orders; held, it does nothing.
    expect(actionsOf(a, 'belarus', 1, 10)).toEqual(['3 invite-observers', '6 disclose-numbers']);
    expect(actionsOf(stayed, 'belarus', 11, 90)).toEqual([]);
    // After the handover the AI picks Belarus's moves: its first is on day 11.
    expect(actionsOf(a, 'belarus', 11, 90).slice(0, 3)).toEqual(['11 tie-power-to-crisis', '12 accuse-aggression', '14 demand-guarantees']);
    // Ukraine, the AI's up to day 10 (it acted on its own), now acts on the player's orders alone.
    expect(actionsOf(a, 'ukraine', 1, 10).length).toBeGreaterThan(0);
    expect(actionsOf(a, 'ukraine', 11, 90)).toEqual(['12 invoke-vienna', '15 play-down-threat']);
  });

  it('as a replay naming the roles held before, verifies; without them it diverges on day 1', () => {
    const orders = { ...BELARUS, ...UKRAINE };
    const checkpoints = a.states.slice(1).map(hashState);
    const end = a.states[a.states.length - 1]!.outcome;
    const r = makeReplay(base, '7', 'ukraine', orders, checkpoints, end, [], HANDED);
    expect(r.earlierRoles).toEqual(HANDED);
    const v = verifyReplay(base, r);
    expect(v.reason).toBeNull();
    expect(v.days.map((d) => d.hash)).toEqual(a.states.map(hashState));
    // Without the handover the orders of days 3 and 6 would be Ukraine's: not the game that was played.
    const plain = verifyReplay(base, makeReplay(base, '7', 'ukraine', orders, checkpoints, end));
    expect(plain.ok).toBe(false);
    expect(plain.divergedAt).toBe(1);
    // A replay that never changed hands carries no such field, so every older file reads as before.
    expect('earlierRoles' in makeReplay(base, '7', 'belarus', BELARUS, checkpoints.slice(0, 10), null)).toBe(false);
  });

  it('travels through a file (parseReplay), which refuses roles out of day order', () => {
    const r = makeReplay(base, '7', 'ukraine', { ...BELARUS, ...UKRAINE }, a.states.slice(1).map(hashState), null, [], [{ role: 'observer', until: 4 }, ...HANDED]);
    const back = parseReplay(JSON.stringify(r));
    expect(back).toEqual({ ok: true, replay: r });
    const bad = parseReplay(JSON.stringify({ ...r, earlierRoles: [...HANDED, { role: 'observer', until: 4 }] }));
    expect(bad).toEqual({ ok: false, error: 'not a valid replay: earlierRoles: each earlier role must end on a later day than the one before it' });
  });

  it('gives the debrief from the game as played, with what-ifs from the day Ukraine took the seat', () => {
    const d = debriefOf(base, '7', 'ukraine', { ...BELARUS, ...UKRAINE }, 90, HANDED);
    const u = base.data.actors.findIndex((x) => x.id === 'ukraine');
    expect(d.track).toEqual(a.states.map((s) => s.score[u]));
    expect(d.whatIfs.map((w) => w.label)).toEqual(['Had you held from day 11 (same seed)', 'The AI in your seat from day 11 (same seed)']);
    // "Held from day 11" is the same handover with no orders of Ukraine's.
    const held = play('ukraine', {});
    expect(d.whatIfs[0]!.points).toBe(held.states[held.states.length - 1]!.score[u]);
  });

  it('has a no-orders twin with the same seats, and plays on a variant with each role on its days', () => {
    const r = makeReplay(base, '7', 'ukraine', { ...BELARUS, ...UKRAINE }, a.states.slice(1).map(hashState), a.states[90]!.outcome, [], HANDED);
    const twin = noOrdersTwin(base, r);
    expect(twin.earlierRoles).toEqual(HANDED);
    expect(twin.orders).toEqual({});
    expect(verifyReplay(base, twin).ok).toBe(true);
    const v = replayOnVariant(load('scenarios/fast-spiral.yaml'), r);
    if (!v.ok) throw new Error(v.error);
    expect(v.replay.orders).toEqual({ ...BELARUS, ...UKRAINE });
    expect(v.replay.earlierRoles).toEqual(HANDED);
  });
});

describe('role schedules', () => {
  const run = { role: 'nato', earlierRoles: [{ role: 'belarus', until: 10 }, { role: 'observer', until: 20 }] };
  it('roleOn: the role whose order plays on a day', () => {
    expect([1, 10, 11, 20, 21, 90].map((d) => roleOn(run, d))).toEqual(['belarus', 'belarus', 'observer', 'observer', 'nato', 'nato']);
    expect(roleOn({ role: 'russia' }, 5)).toBe('russia');
  });

  const CASES: { name: string; day: number; next: string; want: EarlierRole[] }[] = [
    { name: 'taking over on day 0 leaves no earlier role: the game is simply the new role’s', day: 0, next: 'ukraine', want: [] },
    { name: 'within the first role’s days: it is cut to the day shown', day: 4, next: 'ukraine', want: [{ role: 'belarus', until: 4 }] },
    { name: 'the role already in the seat plays on: nothing is added', day: 4, next: 'belarus', want: [] },
    { name: 'within the second role’s days: the first stays whole, the second is cut', day: 15, next: 'russia', want: [{ role: 'belarus', until: 10 }, { role: 'observer', until: 15 }] },
    { name: 'within the last role’s days', day: 30, next: 'ukraine', want: [{ role: 'belarus', until: 10 }, { role: 'observer', until: 20 }, { role: 'nato', until: 30 }] },
    { name: 'on the day a seat changed hands, as the role that held it that day', day: 10, next: 'belarus', want: [] },
    { name: 'on the day a seat changed hands, as the role that came next', day: 10, next: 'observer', want: [{ role: 'belarus', until: 10 }] },
  ];
  for (const c of CASES) {
    it(`rolesBefore: ${c.name}`, () => expect(rolesBefore(run, c.day, c.next)).toEqual(c.want));
  }

  it('scheduleText names each role with its last day', () => {
    expect(scheduleText(run)).toBe('belarus to day 10, observer to day 20, then nato');
    expect(scheduleText({ role: 'belarus' }, (r) => r.toUpperCase())).toBe('BELARUS');
  });
});

describe('the session: "Play on from day 10 as Ukraine" from the viewer', () => {
  const FILE = DEFAULT;
  const ALL: Record<string, Order> = { ...BELARUS, '12': { action: 'peace-initiative', target: 'ukraine' } };
  const recorded = (() => {
    let st = createGame(base, '7', { role: 'belarus' });
    const cps: string[] = [];
    while (!st.outcome) {
      const o = ALL[String(st.turn + 1)];
      st = step(base, st, o ? { belarus: o } : {}).state;
      cps.push(hashState(st));
    }
    return makeReplay(base, '7', 'belarus', ALL, cps, st.outcome);
  })();

  it('lands on day 10 as Ukraine, keeps Belarus’s orders of days 1–10, and plays on as the handover replay says', async () => {
    const { createSession } = await import('../src/store/session');
    const { diskReader } = await import('../src/cli/files');
    const store = createSession();
    expect(store.getState().openReplay(recorded, FILE, diskReader, 10)).toBeNull();
    expect(store.getState().playOn('atlantis')).toBe("'atlantis' is not a playable role in Allied Resolve 2022");
    expect(store.getState().viewer).not.toBeNull();
    expect(store.getState().playOn('ukraine')).toBeNull();
    const s = store.getState();
    expect(s).toMatchObject({ viewer: null, screen: 'play', role: 'ukraine', earlierRoles: HANDED, orders: BELARUS });
    expect(s.game!.turn).toBe(10);
    expect(s.game!.humans).toEqual(['ukraine']);
    // The day shown is the day recorded: its hash is the replay's checkpoint of day 10.
    expect(s.days[10]!.hash).toBe(recorded.checkpoints[9]);
    // Saved now (autosave does so on playing on) and resumed: the same game, Ukraine to move.
    const saved = s.replay()!;
    expect(saved.earlierRoles).toEqual(HANDED);
    const resumed = createSession();
    expect(resumed.getState().resume(saved, FILE, diskReader)).toBeNull();
    expect(resumed.getState().game).toEqual(s.game);
    // Two days as Ukraine, with an order on day 12: the AI plays Belarus.
    for (const st of [store, resumed]) {
      st.getState().nextDay();
      st.getState().setOrder(UKRAINE['12']!);
      st.getState().nextDay();
    }
    expect(resumed.getState().days.map((d) => d.hash)).toEqual(store.getState().days.map((d) => d.hash));
    expect(store.getState().days[11]!.events.some((e) => e.kind === 'action' && e.actor === 'belarus')).toBe(true);
    expect(store.getState().orders).toEqual({ ...BELARUS, '12': UKRAINE['12'] });
    const v = verifyReplay(base, store.getState().replay()!);
    expect(v.reason).toBeNull();
    expect(v.days).toHaveLength(13);
  });

  it('plays on as the role of the day shown when none is asked for (a handed-over replay before its handover)', async () => {
    const { createSession } = await import('../src/store/session');
    const { diskReader } = await import('../src/cli/files');
    const store = createSession();
    store.getState().openReplay(recorded, FILE, diskReader, 10);
    store.getState().playOn('ukraine');
    for (let i = 0; i < 3; i++) store.getState().nextDay();
    const handed = store.getState().replay()!;
    expect(store.getState().openReplay(handed, FILE, diskReader, 5)).toBeNull();
    expect(store.getState().playOn()).toBeNull();
    expect(store.getState()).toMatchObject({ role: 'belarus', earlierRoles: [], orders: { '3': BELARUS['3'] } });
    expect(store.getState().game!.humans).toEqual(['belarus']);
  });
});
