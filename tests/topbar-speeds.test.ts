// The top bar's speed tips say what autoplay does: each names the time per day that DAY_MS (the autoplay
// cadence) sets for its speed, so the two cannot disagree (they once said 1.6 / 0.8 s and 4 a second
// while autoplay ran at 1.8 / 0.9 / 0.35 s).
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../src/store/session';
import { speedTip } from '../src/ui/topbar';

describe('the speed buttons’ tips', () => {
  it.each([1, 2, 3] as const)('speed %i states DAY_MS’s time per day', (n) => {
    const tip = speedTip(n);
    expect(tip).toContain(`speed ${n}`);
    expect(tip).toContain(`(key ${n})`);
    const seconds = Number(/one day every ([\d.]+) s/.exec(tip)?.[1]);
    expect(seconds * 1000).toBeCloseTo(DAY_MS[n], 6);
    // A rate, when the tip gives one, is the same cadence rounded.
    const rate = /about (\d+) days a second/.exec(tip)?.[1];
    if (rate) expect(Number(rate)).toBe(Math.round(1000 / DAY_MS[n]));
  });

  it('orders the speeds from slow to fast', () => {
    expect(DAY_MS[1]).toBeGreaterThan(DAY_MS[2]);
    expect(DAY_MS[2]).toBeGreaterThan(DAY_MS[3]);
  });
});
