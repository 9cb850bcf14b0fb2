// What the Odds panel's analysis tabs draw, computed without a page (src/ui/odds/tornado-view.ts and
// sweep-view.ts): named golden tables for the tornado's bars, scale and labels over a real study of the
// sensitive mini crisis, and for the sweep's default ranges, value counts, range problems and search.
import { describe, expect, it } from 'vitest';
import { batchSeeds, planSensitivity, rankSensitivity, runBatchHere, scenarioParameters } from '../src/sim/index';
import { rankedBy, type SensitivityRecord } from '../src/store/sensitivity';
import { formatClock, formatPoints, formatTick, formatValue, sideAt, tornadoBars, tornadoScale } from '../src/ui/odds/tornado-view';
import { defaultRange, matchesQuery, niceTicks, parameterTitle, rangeProblem, valueCount } from '../src/ui/odds/sweep-view';
import { DEFAULT, load } from './helpers';

const ar = load(DEFAULT);
const arSet = scenarioParameters(ar.data);
const param = (name: string) => arSet.parameters.find((p) => p.name === name)!;

describe('the tornado (tornado-view.ts)', () => {
  const sensitive = load('tests/fixtures/mini-sensitive.yaml');
  const plan = planSensitivity(sensitive, batchSeeds(200));
  const tally = runBatchHere(sensitive, plan.batch);
  // A record as the store keeps it (rankedBy reads its plan, its tally and, for the whole distribution, overall).
  const record = { plan, tally, overall: rankSensitivity(plan, tally, { kind: 'outcomes' }) } as unknown as SensitivityRecord;

  it('bars in the ranking order: titles, values, each side against the base, and noise', () => {
    // How far the outcome distribution moves (as `sim --sensitivity --runs 200` ranks the mini crisis).
    const bars = tornadoBars(rankedBy(record, { kind: 'outcomes' }));
    expect(bars.slice(0, 5).map((b) => [b.rank, b.title, b.base, b.below, b.above, Number(b.effectPoints.toFixed(1)), b.noise])).toEqual([
      [1, 'North – South · fear', 0.048, 0.043, 0.053, 4.5, false],
      [2, 'North – South · fatigue', 0.05, 0.045, 0.055, 4.5, false],
      [3, 'Incidents · per point', 0.0006, 0.0005, 0.0007, 3.5, false],
      [4, 'North – South · grievance', 0.5, 0.45, 0.55, 2, false],
      [5, 'North · risk tolerance', 0.7, 0.63, 0.77, 1.5, true],
    ]);
    // The hermit's traits moved no game: within noise, with no bar either side.
    const hermit = bars.filter((b) => b.name.startsWith('actors.hermit.'));
    expect(hermit.map((b) => [b.effectPoints, b.upPoints, b.downPoints, b.noise])).toEqual([[0, 0, 0, true], [0, 0, 0, true]]);
    // A distance: each side is ≥ 0.
    for (const b of bars) expect(Math.min(b.upPoints, b.downPoints)).toBeGreaterThanOrEqual(0);
    // A share: the sides add up to the ranking's effect, (above − base) − (below − base) = above − below.
    for (const b of tornadoBars(rankedBy(record, { kind: 'outcome', id: plan.batch.outcomes[0]! }))) expect(b.upPoints - b.downPoints, b.name).toBeCloseTo(b.effectPoints, 9);
  });

  // [name, largest reach in points (a side's change + its error), measure, the ticks]
  const SCALES: [string, number, 'outcomes' | 'outcome', number[]][] = [
    ['a share, reach 56 points: edge 60, ticks at its halves', 56, 'outcome', [-60, -30, 0, 30, 60]],
    ['a share, reach 12.5: edge 15', 12.5, 'outcome', [-15, -7.5, 0, 7.5, 15]],
    ['a share, reach 0.2 (or nothing moved): at least 1 point', 0.2, 'outcome', [-1, -0.5, 0, 0.5, 1]],
    ['a distance, reach 100: edge 100, mirrored', 100, 'outcomes', [-100, -50, 0, 50, 100]],
  ];
  it.each(SCALES)('scale: %s', (_, reach, kind, ticks) => {
    const bar = { upPoints: reach, upError: 0, downPoints: 0, downError: 0 } as ReturnType<typeof tornadoBars>[number];
    const s = tornadoScale([bar], kind === 'outcomes' ? { kind: 'outcomes' } : { kind: 'outcome', id: 'x' });
    expect(s.ticks).toEqual(ticks);
    expect(s.mirrored).toBe(kind === 'outcomes');
  });

  it('places sides: a share by its sign, a distance below to the left', () => {
    const share = tornadoScale([], { kind: 'outcome', id: 'x' });
    expect([sideAt(share, 0, 'up'), sideAt(share, 1, 'down'), sideAt(share, -1, 'up')]).toEqual([50, 100, 0]);
    const dist = { ...share, mirrored: true };
    expect([sideAt(dist, 1, 'down'), sideAt(dist, 1, 'up')]).toEqual([0, 100]);
  });

  // [what, formatted]
  const LABELS: [string, string][] = [
    [formatPoints(12.44), '+12.4'],
    [formatPoints(-0.05), '0'],
    [formatPoints(-3.26), '−3.3'],
    [formatPoints(7.5, false), '7.5'],
    [formatTick(-30), '−30'],
    [formatTick(7.5), '+7.5'],
    [formatTick(-60, false), '60'],
    [formatValue(0.1 + 0.2), '0.3'],
    [formatValue(3000), '3000'],
    [formatClock(42_400), '0:42'],
    [formatClock(65_000), '1:05'],
    [formatClock(3_725_000), '1:02:05'],
  ];
  it.each(LABELS)('labels: %s', (got, want) => expect(got).toBe(want));
});

describe('the sweep (sweep-view.ts)', () => {
  // [name, parameter, from, to, step]: the slider's range in about ten whole slider steps, a range's end kept on its side.
  const RANGES: [string, string, number, number, number][] = [
    ['a pair’s fear: 0 – 0.2 by 0.02', 'pairs.russia-ukraine.fear', 0, 0.2, 0.02],
    ['a grievance: −2 – 2 by 0.4', 'pairs.russia-ukraine.grievance', -2, 2, 0.4],
    ['an actor’s aggression: 0 – 1 by 0.1', 'actors.russia.traits.aggression', 0, 1, 0.1],
    ['the incidents’ base odds: 0 – 0.05 by 0.005', 'rules.incidents.base', 0, 0.05, 0.005],
    ['a strength’s low end: up to its high end (9,000)', 'forces.ru-vostok-brest.strength.low', 0, 9000, 900],
    ['a strength’s high end: from its low end (3,000) to the slider’s top', 'forces.ru-vostok-brest.strength.high', 3000, 27000, 2400],
  ];
  it.each(RANGES)('default range: %s', (_, name, from, to, step) => {
    const r = defaultRange(param(name), arSet.values);
    expect(r).toEqual({ from, to, step });
    expect(valueCount(r)).toBe(11);
  });

  // [name, range, problem]
  const PROBLEMS: [string, { from: number; to: number; step: number }, string | null][] = [
    ['fine', { from: 0, to: 0.2, step: 0.02 }, null],
    ['one value', { from: 0.04, to: 0.04, step: 1 }, null],
    ['a blank field', { from: NaN, to: 1, step: 0.1 }, 'Give a number in each of From, To and Step.'],
    ['a zero step', { from: 0, to: 1, step: 0 }, 'The step must be above 0.'],
    ['reversed', { from: 1, to: 0, step: 0.1 }, 'From is above To: write the lower value first.'],
    ['too many values', { from: 0, to: 1, step: 0.001 }, 'That is 1,001 values; at most 400: take a larger step.'],
  ];
  it.each(PROBLEMS)('range problem: %s', (_, r, problem) => expect(rangeProblem(r)).toBe(problem));

  it('counts values as the CLI does (float steps included) and finds parameters by any of their words', () => {
    expect(valueCount({ from: 0.02, to: 0.06, step: 0.02 })).toBe(3);
    expect(valueCount({ from: 0, to: 0.3, step: 0.1 })).toBe(4);
    const fear = param('pairs.russia-ukraine.fear');
    expect(parameterTitle(fear)).toBe('Russia – Ukraine · fear');
    expect(['russia ukraine fear', 'FEAR pairs', 'pairs.russia-ukraine'].map((q) => matchesQuery(fear, q))).toEqual([true, true, true]);
    expect(matchesQuery(fear, 'russia nato')).toBe(false);
    expect(arSet.parameters.filter((p) => matchesQuery(p, 'russia ukraine fea')).map((p) => p.name)).toEqual(['pairs.russia-ukraine.fear']);
    expect(niceTicks(0, 0.7, 5)).toEqual([0, 0.2, 0.4, 0.6]);
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
