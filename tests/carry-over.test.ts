// Tweaking without losing the place: after a tweak, the session plays the player's orders again on the
// tweaked scenario (the same seed and role) back to the day reached, and says on which day the run first
// diverged; an order the new scenario no longer allows stops it on the day before, named with its day.
import { describe, expect, it } from 'vitest';
import { createSession, type CarryOver } from '../src/store/session';
import { tweakables, variantYaml } from '../src/store/tweaks';
import { diskReader } from '../src/cli/files';
import { DEFAULT, load } from './helpers';

const TWEAK = 'scenarios/allied-resolve-2022-tweak.yaml';

/** Belarus, seed 5, ten days with two orders (and, if asked, repression on day 4). */
function played(extra: boolean) {
  const store = createSession();
  expect(store.getState().newGame({ file: DEFAULT, seed: '5', role: 'belarus' }, diskReader)).toBeNull();
  const orders: Record<number, { action: string; target?: string }> = { 3: { action: 'peace-initiative', target: 'ukraine' }, 6: { action: 'war-rhetoric', target: 'ukraine' } };
  if (extra) orders[4] = { action: 'repress-dissent', target: 'society' };
  for (let day = 1; day <= 10; day++) {
    store.getState().setOrder(orders[day] ?? null);
    store.getState().nextDay();
  }
  expect(store.getState().game?.turn).toBe(10);
  return store;
}

/** A reader with the tweaked variant (Russia–Ukraine fear 0.04 → 0.049) beside the bundled files. */
function tweakedReader() {
  const base = load(DEFAULT);
  const t = tweakables(base.data);
  const text = variantYaml(DEFAULT, base.data, t.values, { ...t.values, 'pairs.0.fear': 0.049 });
  return { read: (p: string) => (p === TWEAK ? text : diskReader.read(p)) };
}

describe('carrying a game over to a tweak', () => {
  it('plays the orders again back to day 10 and names the first day the run diverged', () => {
    const store = played(false);
    const r = store.getState().carryOver(TWEAK, tweakedReader()) as CarryOver;
    expect(typeof r).toBe('object');
    const s = store.getState();
    expect([s.game?.turn, s.days.length, s.file, Object.keys(s.orders)]).toEqual([10, 11, TWEAK, ['3', '6']]);
    // Fear feeds tension from the first day, so the numbers differ from day 1.
    expect(r).toMatchObject({ wanted: 10, reached: 10, divergedAt: 1, stopped: null, endedOn: null });
    expect(s.alert?.title).toBe('Tweak applied · back on day 10');
    expect(s.alert?.text.join(' ')).toMatch(/^Days 1–10 were played again on the tweaked scenario, with the same seed and your orders\. The run first diverged on day 1/);
    // The game goes on from there as any other.
    s.nextDay();
    expect(store.getState().game?.turn).toBe(11);
  });

  it('an unchanged scenario carries over unchanged', () => {
    const store = played(false);
    const hash = store.getState().days[10]!.hash;
    const r = store.getState().carryOver(DEFAULT, diskReader) as CarryOver;
    expect(r).toMatchObject({ reached: 10, divergedAt: null, firstMove: null, stopped: null });
    expect(store.getState().days[10]!.hash).toBe(hash);
    expect(store.getState().alert?.text[1]).toBe('The run is unchanged up to day 10.');
  });

  it('stops before an order the new scenario does not allow, naming the order and its day', () => {
    const store = played(true);
    const r = store.getState().carryOver('scenarios/multi-vector-minsk.yaml', diskReader) as CarryOver;
    expect(r.stopped).toEqual({ day: 4, error: `day 4: the order "repress-dissent → Belarusian society" cannot be played in Multi-vector Minsk: it has no action 'repress-dissent'` });
    expect([r.reached, store.getState().game?.turn]).toEqual([3, 3]);
    expect(store.getState().alert?.text[0]).toBe(`Stopped on day 3: the order "repress-dissent → Belarusian society" cannot be played in Multi-vector Minsk: it has no action 'repress-dissent' (an order of day 4).`);
  });

  it('leaves the game as it was when the tweaked file cannot be read', () => {
    const store = played(false);
    const before = store.getState().game;
    const r = store.getState().carryOver('scenarios/missing.yaml', diskReader);
    expect(typeof r).toBe('string');
    expect(store.getState().game).toBe(before);
  });
});
