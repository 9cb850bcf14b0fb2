// Determinism: the same scenario, seed and orders give the same run; different seeds differ; golden runs
// are pinned by what they show and by hash (change them only on purpose, and say why in the commit).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createGame, hashState, runGame, step, saveState, loadState, type Orders } from '../src/sim/index';
import { hashText } from '../src/sim/hash';
import { load, MINI, DEFAULT } from './helpers';
import type { Scenario } from '../src/sim/index';

const mini = load(MINI);

function traceHash(seed: string, scenario: Scenario = mini): string {
  const t = runGame(scenario, seed);
  return hashText(t.turns.map((x) => x.hash).join(','));
}

/**
 * Golden runs, each named for what it shows: how the game ends, a reading on the way, and the hash of
 * every day's state. Re-pinned on purpose only, with the reason in the commit (last: issue 17, scripted
 * events that perform an action start no cooldown, so the AI may repeat the move from the next day).
 */
const GOLDEN: { name: string; file: string; seed: string; role?: string; orders?: string; outcome: string; day: number; day10Overall: number; hash: string }[] = [
  { name: 'the mini scenario, watched: a standoff at the limit', file: MINI, seed: '7', outcome: 'standoff', day: 30, day10Overall: 44.21, hash: '80e44af734f9d618' },
  { name: 'Allied Resolve 2022, watched: the brink pays', file: DEFAULT, seed: '7', outcome: 'brink-pays', day: 90, day10Overall: 52.44, hash: '6124631dd9e7cd80' },
  { name: 'Allied Resolve 2022 as Belarus with the shipped orders: the same world, a different run', file: DEFAULT, seed: '7', role: 'belarus', orders: 'docs/examples/orders.json', outcome: 'brink-pays', day: 90, day10Overall: 52.44, hash: '1fa77cfb42ff0fca' },
];

describe('determinism', () => {
  it.each(GOLDEN)('pins the golden run: $name', (g) => {
    const orders = g.orders ? (JSON.parse(readFileSync(g.orders, 'utf8')) as Record<string, Orders>) : {};
    const t = runGame(load(g.file), g.seed, { role: g.role, orders: (turn) => orders[String(turn)] ?? {} });
    expect({ outcome: t.outcome?.id, day: t.outcome?.turn, day10Overall: t.turns[9]!.overall }).toEqual({ outcome: g.outcome, day: g.day, day10Overall: g.day10Overall });
    expect(hashText(t.turns.map((x) => x.hash).join(','))).toBe(g.hash);
  });

  it('gives identical traces for the same seed', () => {
    const a = runGame(mini, 'same');
    const b = runGame(mini, 'same');
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('gives different traces for different seeds', () => {
    const hashes = new Set(['1', '2', '3', '4', '5'].map((s) => traceHash(s)));
    expect(hashes.size).toBe(5);
  });

  it('does not change the state it is given', () => {
    const s0 = createGame(mini, 'pure');
    const before = saveState(s0);
    step(mini, s0);
    expect(saveState(s0)).toBe(before);
  });

  it('continues identically after a JSON save and load', () => {
    let s = createGame(mini, 'save');
    for (let i = 0; i < 10; i++) s = step(mini, s).state;
    let a = s;
    let b = loadState(saveState(s));
    for (let i = 0; i < 15 && !a.outcome; i++) {
      a = step(mini, a).state;
      b = step(mini, b).state;
      expect(hashState(b)).toBe(hashState(a));
    }
  });

  it('follows orders for the player role and rejects orders the rules do not allow', () => {
    let s = createGame(mini, 'orders', { role: 'south' });
    const r = step(mini, s, { south: { action: 'talk', target: 'north' } });
    expect(r.events.some((e) => e.actor === 'south' && e.action === 'talk')).toBe(true);
    s = r.state;
    expect(() => step(mini, s, { south: { action: 'talk', target: 'north' } })).toThrow(/not available/);
    expect(() => step(mini, s, { south: { action: 'call-reserve', target: 'north' } })).toThrow(/cannot take/);
    expect(() => step(mini, s, { north: { action: 'threaten', target: 'south' } })).toThrow(/not played by a person/);
    expect(() => step(mini, s, { south: { action: 'threaten', target: 'nobody' } })).toThrow(/needs a target/);
  });
});
