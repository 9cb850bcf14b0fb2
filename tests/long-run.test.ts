// Long runs: 100,000 turns of the default scenario's model (its end conditions removed, the limit raised)
// leave no NaN and no array that grows: the ledger keeps a window, the state's size stays bounded, and the
// per-turn events are not kept in the state (the screens' log is the store's, one record a day).
import { describe, expect, it } from 'vitest';
import { validateData, createGame, step, type GameState } from '../src/sim/index';
import { load, DEFAULT } from './helpers';

describe('a 100,000-turn run', () => {
  it('stays finite and bounded', () => {
    const base = load(DEFAULT).data;
    const data = {
      ...base,
      meta: { ...base.meta, turnLimit: 100_000 },
      outcomes: base.outcomes.filter((o) => o.atLimit),
      // The calibration targets name the outcomes removed above; they describe the base file, not this run.
      calibration: undefined,
    };
    const r = validateData(JSON.parse(JSON.stringify(data)), [], 'long.yaml');
    if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    let s: GameState = createGame(r.scenario, 'long');
    const sizes: number[] = [];
    let events = 0;
    for (let t = 0; t < 100_000; t++) {
      const out = step(r.scenario, s);
      s = out.state;
      events += out.events.length;
      if (t % 10_000 === 9_999) {
        const text = JSON.stringify(s);
        sizes.push(text.length);
        expect(text).not.toMatch(/NaN|Infinity/);
        for (const x of [...s.tension, ...s.meters, ...s.estimates, ...s.ledgerAmounts, ...s.commitment]) {
          if (!Number.isFinite(x)) throw new Error(`non-finite value on turn ${s.turn}`);
        }
      }
    }
    expect(s.turn).toBe(100_000);
    expect(s.outcome?.id).toBe('stalemate');
    expect(events).toBeGreaterThan(100_000);
    // Once the ledger's window has filled (by turn 10,000), only counters grow (turn numbers, use counts).
    expect(Math.max(...sizes)).toBeLessThan(sizes[0]! * 1.1);
  });
});
