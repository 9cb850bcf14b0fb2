// Live odds and explained sliders (issue 19, parts 2 and 5): the Wilson interval each live estimate is
// drawn with (golden table: Newcombe's published intervals); a partly played variant's estimate; the steep
// rule the Tweak panel warns by (named tables: which effects are steep, and which values have entered the
// steep region), read from a real sensitivity run of Allied Resolve; and the live-odds runner
// (src/store/live-odds.ts) over a stand-in pool: a quick estimate first and at high priority, refined to
// 1,000 games, one quick run at a time with only the newest value waiting, a value seen before shown at
// once, a stale refinement cancelled, and the sliders' reading of a study (src/store/sensitive-values.ts).
import { describe, expect, it } from 'vitest';
import {
  addPart, batchJobs, batchSeeds, emptyTally, inSteepRegion, isSteep, makeBatch, planSensitivity, rankSensitivity, runBatchHere, runSummary, runVariantJob,
  steepness, stepsFrom, variantEstimate, wilsonInterval, withParameters, STEEP_EFFECT, type Scenario, type VariantBatch, type VariantTally,
} from '../src/sim/index';
import type { VariantPool, VariantRunOptions } from '../src/store/variant-pool';
import { createLiveOdds, FULL_SEEDS, QUICK_SEEDS, valuesKey } from '../src/store/live-odds';
import { readSensitivity } from '../src/store/sensitive-values';
import type { SensitivityRecord } from '../src/store/sensitivity';
import { DEFAULT, load, MINI } from './helpers';

/** One small study of Allied Resolve, shared: three numbers over seeds 1…100, ranked by how far the outcome shares move. */
let study: { ar: Scenario; result: ReturnType<typeof rankSensitivity> } | null = null;
function arStudy() {
  if (!study) {
    const ar = load(DEFAULT);
    const plan = planSensitivity(ar, batchSeeds(100), ['pairs.0.fear', 'actors.1.traits.riskTolerance', 'rules.incidents.base']);
    study = { ar, result: rankSensitivity(plan, runBatchHere(ar, plan.batch), { kind: 'outcomes' }) };
  }
  return study;
}

describe('wilsonInterval', () => {
  // [name, k, n, low, high]: R. G. Newcombe, "Two-sided confidence intervals for the single proportion:
  // comparison of seven methods", Statistics in Medicine 17 (1998), table II, method 3 (score, no
  // continuity correction), to 4 decimals; and the symmetric and end cases.
  const NEWCOMBE: [string, number, number, number, number][] = [
    ['81 of 263', 81, 263, 0.2553, 0.3662],
    ['15 of 148', 15, 148, 0.0624, 0.1605],
    ['0 of 20: the low end is 0, the high end is not', 0, 20, 0, 0.1611],
    ['1 of 29', 1, 29, 0.0061, 0.1718],
    ['half of 10: symmetric about 0.5', 5, 10, 0.2366, 0.7634],
    ['all of 10: the high end is 1', 10, 10, 0.7225, 1],
    ['38 of 200: a quick estimate of a 19% share', 38, 200, 0.1417, 0.2500],
  ];
  it.each(NEWCOMBE)('%s', (_name, k, n, low, high) => {
    const r = wilsonInterval(k, n);
    expect(r.share).toBeCloseTo(k / n, 12);
    expect(r.low).toBeCloseTo(low, 4);
    expect(r.high).toBeCloseTo(high, 4);
    expect(r.low).toBeLessThanOrEqual(r.share);
    expect(r.high).toBeGreaterThanOrEqual(r.share);
  });

  it('narrows as the games grow: 200 games, then 1,000, of the same share', () => {
    const quick = wilsonInterval(40, 200);
    const full = wilsonInterval(200, 1000);
    expect(full.high - full.low).toBeLessThan(quick.high - quick.low);
    // √5 more games: about √5 narrower.
    expect((quick.high - quick.low) / (full.high - full.low)).toBeCloseTo(Math.sqrt(5), 1);
  });

  it('is the whole of 0–1 with no games, and refuses counts that cannot be', () => {
    expect(wilsonInterval(0, 0)).toEqual({ share: 0, low: 0, high: 1 });
    expect(() => wilsonInterval(3, 2)).toThrow(/k must be a whole number from 0 to n \(2\), got 3/);
    expect(() => wilsonInterval(-1, 2)).toThrow(/got -1/);
    expect(() => wilsonInterval(1, 2.5)).toThrow(/n must be a whole number/);
  });
});

describe('variantEstimate: the shares of the seeds played so far', () => {
  const ar = load(DEFAULT);
  const seeds = batchSeeds(40);
  const batch = makeBatch(ar.data, [{}, { 'pairs.0.fear': 0.08 }], seeds);

  it('counts only the seeds played, in any order, and equals the full run when all are in', () => {
    const tally = emptyTally(batch);
    const jobs = batchJobs(batch, 10).filter((j) => j.variant === 1);
    // The last two jobs first: half the seeds.
    for (const j of jobs.slice(2)) addPart(tally, batch, runVariantJob(ar, batch, j));
    const half = variantEstimate(batch, tally, 1);
    expect(half.n).toBe(20);
    expect(half.total).toBe(40);
    expect(half.outcomes.map((o) => o.id)).toEqual(ar.data.outcomes.map((o) => o.id));
    expect(half.outcomes.reduce((s, o) => s + o.count, 0)).toBe(20);
    for (const j of jobs.slice(0, 2)) addPart(tally, batch, runVariantJob(ar, batch, j));
    const full = variantEstimate(batch, tally, 1);
    const here = runBatchHere(ar, batch);
    const war = full.outcomes.find((o) => o.id === 'war')!;
    expect(war.count).toBe(here.outcomes[1]!.filter((o) => o === batch.outcomes.indexOf('war')).length);
    expect(war).toEqual({ id: 'war', count: war.count, ...wilsonInterval(war.count, 40) });
    // Doubling fear (0.04 → 0.08) is the modder's war machine: war in most games.
    expect(war.share).toBeGreaterThan(0.6);
    // Nothing played: every share 0, every interval the whole range.
    const none = variantEstimate(batch, emptyTally(batch), 0);
    expect(none.n).toBe(0);
    expect(none.outcomes.every((o) => o.low === 0 && o.high === 1)).toBe(true);
  });
});

describe('the steep rule', () => {
  // [name, effect, error, steep]: at least STEEP_EFFECT (5 pp across the two steps) and 2 standard errors.
  const STEEP: [string, number, number, boolean][] = [
    ['a large clear move', 0.2, 0.02, true],
    ['a large clear fall (signed metrics: an outcome or a win share)', -0.12, 0.03, true],
    ['exactly the threshold, clear of noise', STEEP_EFFECT, 0.01, true],
    ['just under the threshold', 0.049, 0.001, false],
    ['large but within the noise (under 2 standard errors)', 0.08, 0.05, false],
    ['exactly 2 standard errors', 0.08, 0.04, true],
    ['no move at all', 0, 0, false],
    ['a move on every paired game (no spread: error 0)', 0.06, 0, true],
  ];
  it.each(STEEP)('%s', (_name, effect, error, steep) => {
    expect(isSteep(effect, error)).toBe(steep);
  });

  // [name, steep, base, step, value, in region]: one sensitivity step from the measured base, or more.
  const REGION: [string, boolean, number, number, number, boolean][] = [
    ['at the base', true, 0.04, 0.004, 0.04, false],
    ['half a step up', true, 0.04, 0.004, 0.042, false],
    ['one step up: the value the run played', true, 0.04, 0.004, 0.044, true],
    ['one step down (float noise from the slider)', true, 0.04, 0.004, 0.036000000000000004, true],
    ['ten steps up: fear doubled', true, 0.04, 0.004, 0.08, true],
    ['far away, but the parameter is not steep', false, 0.04, 0.004, 0.08, false],
    ['a parameter that could not move (step 0)', true, 0, 0, 0.5, false],
  ];
  it.each(REGION)('%s', (_name, steep, base, step, value, inRegion) => {
    const s = { key: 'k', rank: 1, of: 1, base, step, effect: steep ? 0.2 : 0.01, error: 0.01, steep };
    expect(inSteepRegion(s, value)).toBe(inRegion);
  });

  it('reads a real run: Allied Resolve over seeds 1…100, Russia–Ukraine fear steep, Russia\'s risk tolerance and the incident odds not', () => {
    const { result } = arStudy();
    const s = steepness(result);
    // [key, rank, base, step, effect, steep]: the run's own numbers (golden: seeds 1…100, the outcome distribution).
    const TABLE: [string, number, number, number, number, boolean][] = [
      ['pairs.0.fear', 1, 0.04, 0.004, 0.13, true],
      ['actors.1.traits.riskTolerance', 2, 0.7, 0.07, 0.04, false],
      ['rules.incidents.base', 3, 0.002, 0.0005, 0.01, false],
    ];
    for (const [key, rank, base, step, effect, steep] of TABLE) {
      const x = s.get(key)!;
      expect({ key, rank: x.rank, of: x.of, base: x.base, effect: Number(x.effect.toFixed(3)), steep: x.steep }).toEqual({ key, rank, of: 3, base, effect, steep });
      expect(x.step).toBeCloseTo(step, 12);
    }
    // Fear enters the steep region one step (0.004) from 0.04, not before; 0.08 is ten steps out.
    const fear = s.get('pairs.0.fear')!;
    expect(inSteepRegion(fear, 0.042)).toBe(false);
    expect(inSteepRegion(fear, 0.044)).toBe(true);
    expect(inSteepRegion(fear, 0.036)).toBe(true);
    expect(stepsFrom(fear, 0.08)).toBeCloseTo(10, 9);
    // A parameter that is not steep never warns, however far it moves.
    expect(inSteepRegion(s.get('actors.1.traits.riskTolerance'), 0.1)).toBe(false);
    expect(inSteepRegion(undefined, 0.08)).toBe(false);
  });
});

/** A stand-in pool: each run is played here, all at once, in a task of its own; runs are logged. */
function fakePool() {
  const runs: { batch: VariantBatch; options: VariantRunOptions; cancelled: boolean; settled: boolean }[] = [];
  const pool: VariantPool = {
    size: 2,
    run(scenario: Scenario, batch: VariantBatch, options: VariantRunOptions = {}) {
      const entry = { batch, options, cancelled: false, settled: false };
      runs.push(entry);
      let settle!: (t: VariantTally | null) => void;
      const result = new Promise<VariantTally | null>((r) => (settle = r));
      setTimeout(() => {
        if (entry.cancelled) return;
        entry.settled = true;
        settle(runBatchHere(scenario, batch));
      });
      return {
        result,
        cancel() {
          if (entry.settled) return;
          entry.cancelled = true;
          settle(null);
        },
      };
    },
    dispose() {},
  };
  return { pool, runs };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const until = async (ok: () => boolean) => {
  for (let i = 0; i < 2000 && !ok(); i++) await tick();
  if (!ok()) throw new Error('timed out');
};

describe('the live-odds runner', () => {
  const mini = load(MINI);
  const FEAR = 'pairs.0.fear';
  /** Node's counts per outcome over seeds 1…n of the mini crisis with these values. */
  const counts = (values: Record<string, number>, n: number) => {
    const s = withParameters(mini, values);
    const out = mini.data.outcomes.map(() => 0);
    for (const seed of batchSeeds(n)) out[mini.data.outcomes.findIndex((o) => o.id === runSummary(s, seed).outcome)]!++;
    return out;
  };

  it('estimates the base quickly at high priority, then refines it to 1,000 games on the same seeds', async () => {
    const { pool, runs } = fakePool();
    const live = createLiveOdds(() => pool);
    live.getState().setBase(mini);
    live.getState().request({});
    // [seeds, priority] of each run: the quick 200, then rounds of 200 more.
    await until(() => live.getState().status === 'done');
    expect(runs.map((r) => [r.batch.seeds[0], r.batch.seeds.length, r.options.priority])).toEqual([
      ['1', 200, 'high'], ['201', 200, 'normal'], ['401', 200, 'normal'], ['601', 200, 'normal'], ['801', 200, 'normal'],
    ]);
    const s = live.getState();
    expect(s.shown!.n).toBe(FULL_SEEDS);
    expect(s.shown!.key).toBe('{}');
    expect(s.base).toEqual(s.shown);
    const c = counts({}, FULL_SEEDS);
    expect(s.shown!.outcomes.map((o) => o.count)).toEqual(c);
    s.shown!.outcomes.forEach((o, i) => expect(o).toEqual({ id: mini.data.outcomes[i]!.id, count: c[i], ...wilsonInterval(c[i]!, FULL_SEEDS) }));
  });

  it('runs one quick estimate at a time: only the newest value waits, the one under way is shown meanwhile; a value seen before shows at once; a stale round is cancelled', async () => {
    const { pool, runs } = fakePool();
    const live = createLiveOdds(() => pool);
    live.getState().setBase(mini);
    live.getState().request({});
    await until(() => live.getState().base?.n === QUICK_SEEDS);
    // A drag: three values in a row while the first one's quick estimate is under way.
    const v = [0.05, 0.06, 0.07].map((x) => ({ [FEAR]: x }));
    for (const x of v) live.getState().request(x);
    expect(live.getState().status).toBe('quick');
    const quick = () => runs.filter((r) => r.options.priority === 'high').map((r) => r.batch.variants[0]);
    // The base's refinement round under way goes on (it is not stale); the quick run is the first value's.
    expect(quick()).toEqual([{}, v[0]]);
    await until(() => quick().length === 3);
    // The first value's estimate stands in while the newest one's runs; the middle one was never run.
    expect(live.getState().shown!.key).toBe(valuesKey(v[0]!));
    expect(live.getState().targetKey).toBe(valuesKey(v[2]!));
    expect(quick()).toEqual([{}, v[0], v[2]]);
    await until(() => live.getState().shown?.key === valuesKey(v[2]!));
    const s = live.getState();
    expect([s.status, s.shown!.n]).toEqual(['refining', QUICK_SEEDS]);
    expect(s.shownAt).not.toBeNull();
    expect(s.shown!.outcomes.map((o) => o.count)).toEqual(counts(v[2]!, QUICK_SEEDS));
    // Its refinement starts; moving the slider again cancels it (the base's rounds are never cancelled).
    await until(() => runs.some((r) => r.options.priority === 'normal' && valuesKey(r.batch.variants[0]!) === valuesKey(v[2]!)));
    const round = runs.find((r) => r.options.priority === 'normal' && valuesKey(r.batch.variants[0]!) === valuesKey(v[2]!))!;
    // Back to the first value: its estimate is kept, shown at once.
    live.getState().request(v[0]!);
    expect(round.cancelled).toBe(true);
    expect(live.getState().shown!.key).toBe(valuesKey(v[0]!));
    expect(live.getState().status).toBe('refining');
    expect(live.getState().shownAt).not.toBeNull();
    expect(runs.filter((r) => r.cancelled && valuesKey(r.batch.variants[0]!) === '{}')).toEqual([]);
    // Closing the panel stops everything.
    live.getState().setBase(null);
    expect(live.getState().status).toBe('idle');
    expect(runs.filter((r) => !r.settled && !r.cancelled)).toEqual([]);
  });

  it('reads a study for the sliders: steep numbers, and a warning a step or more from the base', () => {
    const { ar, result: overall } = arStudy();
    const record = { hash: ar.hash, label: 'Allied Resolve 2022 · test', runs: 100, overall } as unknown as SensitivityRecord;
    expect(readSensitivity(null)).toBeNull();
    const r = readSensitivity(record)!;
    expect(readSensitivity(record)).toBe(r);
    expect([r.runs, r.parameters, r.steep]).toEqual([100, 3, ['pairs.0.fear']]);
    // [value, steps, warn]
    const AT: [number, number, boolean][] = [
      [0.04, 0, false],
      [0.042, 0.5, false],
      [0.044, 1, true],
      [0.06, 5, true],
    ];
    for (const [value, steps, warn] of AT) {
      const x = r.at('pairs.0.fear', value)!;
      expect([value, Number(x.steps.toFixed(9)), x.warn]).toEqual([value, steps, warn]);
    }
    expect(r.at('rules.incidents.base', 0.05)!.warn).toBe(false);
    expect(r.at('actors.0.traits.aggression', 0.9)).toBeUndefined();
  });
});
