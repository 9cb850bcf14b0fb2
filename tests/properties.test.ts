// Property tests (fast-check): whatever the seed and the player's choices, tensions stay in 0–100,
// meters in their ranges, nothing is NaN, the ledger sums to each tension, and a saved game continues identically.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile, createGame, hashState, legalOrders, loadScenario, loadState, saveState, step, type GameState, type Orders, type Scenario } from '../src/sim/index';
import { load, memoryReader, MINI, DEFAULT } from './helpers';
import { existsSync, readFileSync } from 'node:fs';

const scenarios: [string, Scenario][] = [['mini', load(MINI)]];
if (existsSync(DEFAULT)) scenarios.push(['allied-resolve-2022', load(DEFAULT)]);

/** Every broken invariant of a state, as readable lines (empty when all hold). */
function violations(scenario: Scenario, s: GameState): string[] {
  const m = compile(scenario);
  const out: string[] = [];
  s.tension.forEach((t, p) => {
    if (!(Number.isFinite(t) && t >= 0 && t <= 100)) out.push(`tension ${m.pairIds[p]} = ${t}`);
    const L = m.data.rules.ledgerSize + 1;
    const sum = s.ledgerAmounts.slice(p * L, (p + 1) * L).reduce((a, b) => a + b, 0) * s.ledgerScale[p]!;
    if (!(Math.abs(sum - t) < 1e-6)) out.push(`ledger of ${m.pairIds[p]} sums to ${sum}, tension is ${t}`);
  });
  if (s.ledgerCauses.length !== m.nP * (m.data.rules.ledgerSize + 1)) out.push(`ledger has ${s.ledgerCauses.length} slots`);
  s.meters.forEach((v, i) => {
    const j = i % m.nM;
    if (!(Number.isFinite(v) && v >= m.meterMin[j]! && v <= m.meterMax[j]!)) out.push(`meter ${m.meterIds[j]} of ${m.actorIds[Math.floor(i / m.nM)]} = ${v}`);
  });
  for (const [name, list] of [['estimate', s.estimates], ['strength', s.forces.strength], ['commitment', s.commitment]] as const) {
    list.forEach((x, i) => {
      if (!(Number.isFinite(x) && x >= 0)) out.push(`${name}[${i}] = ${x}`);
    });
  }
  return out;
}

function checkInvariants(scenario: Scenario, s: GameState): void {
  const v = violations(scenario, s);
  if (v.length) expect.fail(`turn ${s.turn}: ${v.join('; ')}`);
}

/** A player's choice each turn: an index into the legal orders (hold first), drawn by fast-check. */
function ordersFrom(scenario: Scenario, s: GameState, role: string, pick: number): Orders {
  const orders = legalOrders(scenario, s, role);
  return { [role]: orders[pick % orders.length]! };
}

describe.each(scenarios)('properties of %s', (_name, scenario) => {
  const m = compile(scenario);
  const roles = ['observer', ...m.data.actors.filter((a) => a.playable).map((a) => a.id)];

  it('keeps tensions and meters in range, with no NaN, whatever the seed and the player does', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.constantFrom(...roles), fc.array(fc.nat(1000), { minLength: 60, maxLength: 60 }), (seed, role, picks) => {
        let s = createGame(scenario, seed, { role });
        checkInvariants(scenario, s);
        for (let i = 0; i < picks.length && !s.outcome; i++) {
          const orders = role === 'observer' ? {} : ordersFrom(scenario, s, role, picks[i]!);
          s = step(scenario, s, orders).state;
          checkInvariants(scenario, s);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('serialise → deserialise → continue gives an identical run', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.integer({ min: 0, max: 40 }), (seed, cut) => {
        let s = createGame(scenario, seed);
        for (let i = 0; i < cut && !s.outcome; i++) s = step(scenario, s).state;
        let a = s;
        let b = loadState(saveState(s));
        for (let i = 0; i < 20 && !a.outcome; i++) {
          a = step(scenario, a).state;
          b = step(scenario, b).state;
        }
        expect(hashState(b)).toBe(hashState(a));
        expect(saveState(b)).toBe(saveState(a));
      }),
      { numRuns: 60 },
    );
  });
});

// A case fast-check found (25 Nov 2026, seed "&&h" as Ukraine): an incident between Belarus and Ukraine
// also moved Russia–Ukraine by +10.9 (to 100.36), and only the incident's own pair was clamped. Here it
// is reduced to the mini crisis: a third actor whose pair with the North stands at 99, and shots on the
// North–South border (every day) that also add 5 to North–East.
describe('an incident that moves a third pair', () => {
  const variant = `extends: ./mini.yaml
meta: { id: mini-third-pair }
rules: { incidents: { base: 1 } }
places:
  - { id: east-city, name: East City, lon: 13, lat: 51, country: east, capital: true }
actors:
  - { id: east, name: East, colour: "#33aa55", capital: east-city, kind: state }
pairs:
  - { between: [north, east], tension: 99 }
actions:
  - id: shots
    effects:
      - { tension: [self, target], add: [3, 8] }
      - { tension: [north, east], add: 5 }
`;
  it('clamps that pair too, and books the correction in the ledger', () => {
    const r = loadScenario('tests/fixtures/third-pair.yaml', memoryReader({ 'tests/fixtures/mini.yaml': readFileSync(MINI, 'utf8'), 'tests/fixtures/third-pair.yaml': variant }));
    if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}:${e.column} ${e.path}: ${e.message}`).join('\n'));
    const m = compile(r.scenario);
    const ne = m.pairIds.indexOf('north-east');
    let s = createGame(r.scenario, 'third');
    for (let i = 0; i < 3; i++) {
      s = step(r.scenario, s).state;
      expect(s.tension[ne]).toBe(100);
      checkInvariants(r.scenario, s);
    }
  });
});
