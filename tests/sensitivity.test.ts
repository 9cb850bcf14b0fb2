// Sensitivity and sweeps (issue 19, parts 1 and 3), model side and command line: the parameters' names,
// meanings and sensitivity steps (golden tables); a tweaked scenario built without revalidation equals the
// validated one; a parameter that cannot matter ranks at zero; jobs split any way merge into the same
// result; `sim --sensitivity --json` ranks the parameters (on threads, as on one); `sim --sweep` writes
// CSV with a header and one row per grid point; bad sweeps and options are usage errors that say what to do.
import { describe, expect, it } from 'vitest';
import {
  addPart, batchJobs, batchSeeds, emptyTally, findParameter, parseSweep, planSensitivity, planSweep, rankSensitivity, runBatchHere, runSummary,
  runVariantJob, scenarioParameters, sensitivityDelta, sensitivitySides, summarise, SweepError, sweepTable, validateData, withParameters, writeParameters,
  type Parameter, type SensitivityResult,
} from '../src/sim/index';
import { sensitivityMetric } from '../src/cli/sim-sensitivity';
import { cli, DEFAULT, load, MINI } from './helpers';

/** The mini crisis near its runaway point, with a hermit whose traits cannot matter. */
const SENSITIVE = 'tests/fixtures/mini-sensitive.yaml';

const ar = load(DEFAULT);
const arSet = scenarioParameters(ar.data);
const sensitive = load(SENSITIVE);

/** Golden: mini-sensitive over seeds 1…40, ranked by how far the outcome shares move (ties in the parameters' order). */
const TOP: [name: string, effect: number][] = [
  ['pairs.north-south.fear', 0.075],
  ['pairs.north-south.fatigue', 0.075],
  ['pairs.north-south.grievance', 0.05],
  ['rules.incidents.perPoint', 0.05],
];

describe('the parameters (src/sim/parameters.ts)', () => {
  // [data key, readable name]: ids for indices, low/high for a range's ends, a goal by its pair.
  const NAMES: [string, string][] = [
    ['pairs.0.fear', 'pairs.russia-ukraine.fear'],
    ['pairs.20.grievance', 'pairs.belarus-society.grievance'],
    ['actors.1.traits.aggression', 'actors.russia.traits.aggression'],
    ['rules.incidents.perPoint', 'rules.incidents.perPoint'],
    ['forces.0.strength.0', 'forces.ru-vostok-brest.strength.low'],
    ['forces.16.strength.1', 'forces.pl-border-force.strength.high'],
    ['actors.1.goals.0.ideal.1', 'actors.russia.goals.russia-ukraine.ideal.high'],
  ];

  it('names every Allied Resolve parameter readably and uniquely, and finds it by either name', () => {
    expect(arSet.parameters).toHaveLength(116);
    expect(new Set(arSet.parameters.map((p) => p.name)).size).toBe(116);
    for (const [key, name] of NAMES) {
      expect(findParameter(arSet, key)?.name, key).toBe(name);
      expect(findParameter(arSet, name)?.key, name).toBe(key);
    }
    // A pair without an id is named by its two actors.
    expect(scenarioParameters(load(MINI).data).parameters[0]!.name).toBe('pairs.north-south.fear');
  });

  it('says what each one means in a sentence, with the Richardson meaning of fear, fatigue and grievance', () => {
    for (const p of arSet.parameters) expect(p.meaning, p.name).toMatch(/^[A-Z].{30,300}\.$/);
    const meaning = (name: string) => findParameter(arSet, name)!.meaning;
    expect(meaning('pairs.russia-ukraine.fear')).toMatch(/Richardson's reaction .*grows by this share of itself.*runs away/);
    expect(meaning('pairs.russia-ukraine.fatigue')).toMatch(/Richardson's fatigue.*falls by this share of itself/);
    expect(meaning('pairs.russia-ukraine.grievance')).toMatch(/Richardson's grievance.*added every day.*grievance ÷ \(fatigue − fear\)/);
    expect(meaning('pairs.russia-ukraine.fear')).toContain('Russia – Ukraine');
  });

  // The sensitivity step: ±10 % of the value in whole slider steps, at least one; kept inside the slider's
  // range and, for a range's end, on its own side of the other end.
  const STEPS: [name: string, base: number, below: number, above: number][] = [
    ['pairs.russia-ukraine.fear', 0.04, 0.036, 0.044],
    ['pairs.belarus-ukraine.grievance', 0.25, 0.22, 0.28], // 2.5 slider steps round to 3
    ['actors.russia.traits.aggression', 0.65, 0.58, 0.72],
    ['actors.osce.traits.aggression', 0.05, 0.04, 0.06], // 10 % is half a step: one step
    ['rules.incidents.base', 0.002, 0.0015, 0.0025], // one step of 0.0005
    ['rules.incidents.nearBorder', 1, 0.9, 1.1],
    ['forces.ru-vostok-brest.strength.low', 3000, 2700, 3300],
    ['actors.russia.goals.russia-ukraine.ideal.low', 48, 43, 53],
    ['actors.russia.goals.russia-ukraine.ideal.high', 100, 90, 100], // at the slider's top: one side only
  ];

  it('steps each parameter as the golden table says', () => {
    for (const [name, base, below, above] of STEPS) {
      const p = findParameter(arSet, name)!;
      expect([arSet.values[p.key], sensitivitySides(p, arSet.values)], name).toEqual([base, { below, above }]);
    }
    expect(sensitivityDelta(0, 0.01)).toBe(0.01);
    // A range's low end stops at its high end.
    const low: Parameter = { ...findParameter(arSet, 'forces.ru-vostok-brest.strength.low')! };
    expect(sensitivitySides(low, { [low.key]: 3000, 'forces.0.strength.1': 3100 })).toEqual({ below: 2700, above: 3100 });
  });

  it('builds a tweaked scenario without revalidation that equals the validated one', () => {
    const before = JSON.stringify(ar.data);
    const check = (scenario: typeof ar, key: string, value: number) => {
      const r = validateData(writeParameters(scenario.data, { [key]: value }), [], 'check');
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      expect(withParameters(scenario, { [key]: value }).data, `${key} = ${value}`).toEqual(r.scenario.data);
    };
    const set = scenarioParameters(sensitive.data);
    for (const p of set.parameters) for (const v of Object.values(sensitivitySides(p, set.values))) check(sensitive, p.key, v);
    for (const [name] of STEPS) {
      const p = findParameter(arSet, name)!;
      check(ar, p.key, sensitivitySides(p, arSet.values).below);
    }
    expect(() => withParameters(ar, { 'forces.0.strength.0': 9500 })).toThrow(/low end 9500 is above its high end 9000/);
    // The base is not touched.
    expect(JSON.stringify(ar.data)).toBe(before);
  });

  it("reads every playable role's result into the run summary", () => {
    // Mini's standoff is a win for North and a draw for South; its war a loss for both.
    const run = runSummary(sensitive, '1');
    const reading = sensitive.data.outcomes.find((o) => o.id === run.outcome)!.roles as Record<string, string>;
    expect(Object.keys(run.results!)).toEqual(['north', 'south']);
    for (const role of ['north', 'south']) if (reading[role] !== 'score') expect(run.results![role], role).toBe(reading[role]);
  });
});

describe('sensitivity (src/sim/sensitivity.ts)', () => {
  const seeds = batchSeeds(40);
  const plan = planSensitivity(sensitive, seeds);
  const whole = runBatchHere(sensitive, plan.batch);

  it('ranks a parameter that cannot matter at zero, below those that do', () => {
    for (const metric of [{ kind: 'outcomes' }, { kind: 'outcome', id: 'war' }, { kind: 'role', id: 'north' }] as const) {
      const r = rankSensitivity(plan, whole, metric);
      const hermit = r.ranking.filter((x) => x.name.startsWith('actors.hermit.'));
      expect(hermit).toHaveLength(2);
      for (const h of hermit) {
        expect([h.effect, h.error], `${h.name} on ${metric.kind}`).toEqual([0, 0]);
        for (const s of [...Object.values(h.outcomes), ...Object.values(h.roles)]) expect(s.effect).toBe(0);
      }
      // Some parameter does matter, and every one that does ranks above the hermit.
      expect(Math.abs(r.ranking[0]!.effect), metric.kind).toBeGreaterThan(0);
      const firstHermit = r.ranking.findIndex((x) => x.name.startsWith('actors.hermit.'));
      expect(r.ranking.slice(firstHermit).every((x) => x.effect === 0)).toBe(true);
    }
  });

  it('measures each side on the same seeds: the effect is the difference of the shares, and the base is the plain odds', () => {
    const r = rankSensitivity(plan, whole, { kind: 'outcome', id: 'war' });
    for (const row of r.ranking) {
      const war = row.outcomes.war!;
      expect(row.effect).toBeCloseTo(war.above - war.below, 12);
      const sumAbove = Object.values(row.outcomes).reduce((s, x) => s + x.above, 0);
      expect(sumAbove).toBeCloseTo(1, 12);
    }
    const baseWar = seeds.filter((s) => runSummary(sensitive, s).outcome === 'war').length / seeds.length;
    expect(r.base.outcomes.war).toBe(baseWar);
    // The 'outcomes' measure is half the sum of the outcomes' moves.
    const tv = rankSensitivity(plan, whole, { kind: 'outcomes' });
    for (const row of tv.ranking) expect(row.effect).toBeCloseTo(Object.values(row.outcomes).reduce((s, x) => s + Math.abs(x.effect), 0) / 2, 12);
  });

  it('ranks the largest effects first (golden top four, ties in the parameters\' order)', () => {
    const r = rankSensitivity(plan, whole, { kind: 'outcomes' });
    expect(r.ranking.slice(0, TOP.length).map((x) => [x.name, Number(x.effect.toFixed(6))])).toEqual(TOP);
    const sizes = r.ranking.map((x) => Math.abs(x.effect));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it('gives the same result however the jobs are split and in whatever order the parts arrive', () => {
    const jobs = batchJobs(plan.batch, 7);
    expect(jobs.length).toBeGreaterThan(plan.batch.variants.length);
    const parts = jobs.map((j) => runVariantJob(sensitive, plan.batch, j)).reverse();
    const tally = emptyTally(plan.batch);
    for (const p of parts) addPart(tally, plan.batch, p);
    addPart(tally, plan.batch, parts[3]!); // a part merged twice counts once
    expect(tally.done).toBe(tally.total);
    expect(tally).toEqual(whole);
    for (const metric of [{ kind: 'outcomes' }, { kind: 'role', id: 'south' }] as const) expect(rankSensitivity(plan, tally, metric)).toEqual(rankSensitivity(plan, whole, metric));
    // A tally with a side missing is refused, not read as zeros.
    const partial = emptyTally(plan.batch);
    addPart(partial, plan.batch, parts[0]!);
    expect(() => rankSensitivity(plan, partial, { kind: 'outcomes' })).toThrow(/not (all|fully) played/);
  });
});

describe('npm run sim -- --sensitivity', () => {
  it('ranks the parameters in JSON, on two threads as on one', () => {
    const r = cli('sim', [SENSITIVE, '--sensitivity', '--runs', '40', '--workers', '2', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as SensitivityResult & { scenario: { id: string } };
    expect(doc.scenario.id).toBe('mini-sensitive');
    expect(doc.runs).toBe(40);
    expect(doc.ranking).toHaveLength(14);
    const sizes = doc.ranking.map((x) => Math.abs(x.effect));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(sizes[0]).toBe(Math.max(...sizes));
    expect(doc.ranking.slice(0, TOP.length).map((x) => x.name)).toEqual(TOP.map(([name]) => name));
    const plan = planSensitivity(sensitive, batchSeeds(40));
    expect(doc.ranking).toEqual(rankSensitivity(plan, runBatchHere(sensitive, plan.batch), { kind: 'outcomes' }).ranking);
  });

  it('prints a ranked table of the top ones, by a role\'s win share', () => {
    const r = cli('sim', [SENSITIVE, '--sensitivity', '--runs', '20', '--workers', '1', '--role', 'north', '--top', '3']);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe("Mini crisis (sensitive) · sensitivity of North's win share");
    const rows = lines.filter((l) => /^ +\d+ {2}/.test(l));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^ {2}1 {2}\S+ +[\d.]+ +[\d.]+ → [\d.]+ +[−+ ][\d.]+ ± [\d.]+ +[ █]*│[ █]*/);
    expect(r.stdout).toContain('… and 11 more (--top 14 lists them all; --json gives the full ranking)');
  });

  // [what, --outcome, --role, the error]
  const MEASURES: [string, string | undefined, string | undefined, RegExp][] = [
    ['an unknown outcome', 'peace-talks', undefined, /unknown outcome 'peace-talks': the outcomes are war, peace, standoff/],
    ['an unknown role', undefined, 'hermit', /unknown role 'hermit': the playable roles are north, south/],
    ['both measures', 'war', 'north', /give one of them/],
  ];

  // [what, arguments, what stderr says]
  const ERRORS: [string, string[], RegExp][] = [
    ['a one-game option', ['--turns', '5'], /--turns is not for --sensitivity: the games run to their end/],
    ['a sweep at once', ['--sweep', 'rules.incidents.base=0..0.01:0.005'], /--sensitivity and --sweep are two studies/],
  ];

  it('refuses what it cannot do, saying why (exit 2)', () => {
    for (const [what, outcome, role, message] of MEASURES) expect(() => sensitivityMetric(sensitive, outcome, role), what).toThrow(message);
    expect(sensitivityMetric(sensitive, undefined, 'south')).toEqual({ kind: 'role', id: 'south' });
    for (const [what, args, message] of ERRORS) {
      const r = cli('sim', [SENSITIVE, '--sensitivity', '--runs', '1', ...args]);
      expect(r.status, what).toBe(2);
      expect(r.stderr, what).toMatch(message);
      expect(r.stdout, what).toBe('');
    }
  });
});

describe('sweeps (src/sim/sweep.ts and sim --sweep)', () => {
  it('writes CSV for a 1-D grid: a header and one row per value', () => {
    const r = cli('sim', [SENSITIVE, '--sweep', 'pairs.north-south.fear=0.03..0.06:0.01', '--runs', '10', '--workers', '1', '--csv']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('pairs.north-south.fear,runs,war,peace,standoff,north win,south win');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['0.03', '0.04', '0.05', '0.06']);
    for (const l of lines.slice(1)) {
      const cells = l.split(',').map(Number);
      expect(cells[1]).toBe(10);
      expect(cells[2]! + cells[3]! + cells[4]!).toBeCloseTo(1, 5);
    }
  });

  it('writes CSV for a 2-D grid (the first parameter slowest), by data key or readable name', () => {
    const r = cli('sim', [SENSITIVE, '--sweep', 'pairs.0.fear=0.03..0.05:0.01', '--sweep', 'actors.north.traits.aggression=0.5..0.9:0.4', '--runs', '4', '--workers', '2', '--csv']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('pairs.north-south.fear,actors.north.traits.aggression,runs,war,peace,standoff,north win,south win');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(' '))).toEqual(['0.03 0.5', '0.03 0.9', '0.04 0.5', '0.04 0.9', '0.05 0.5', '0.05 0.9']);
    // A grid point at the base value gives the plain odds over the same seeds.
    const plan = planSweep(sensitive, [parseSweep(sensitive, 'pairs.north-south.fear=0.048..0.048:1')], batchSeeds(12));
    const table = sweepTable(plan, runBatchHere(sensitive, plan.batch));
    const odds = summarise(sensitive, batchSeeds(12).map((s) => runSummary(sensitive, s)));
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]!.outcomes).toEqual(table.outcomes.map((id) => odds.outcomes[id]! / 12));
  });

  // [what, sweeps, the error]
  const BAD: [string, string[], RegExp][] = [
    ['a misspelt key', ['pairs.north-south.fer=0.02..0.06:0.01'], /'pairs.north-south.fer' is not a tweakable parameter — did you mean 'pairs.north-south.fear'\?/],
    ['a key far from any', ['morale=1..2:1'], /'morale' is not a tweakable parameter — parameters are named like/],
    ['no step', ['pairs.north-south.fear=0.02..0.06'], /write it as KEY=FROM..TO:STEP, e.g. pairs.north-south.fear=0.043..0.053:0.005/],
    ['a word for a number', ['pairs.north-south.fear=low..0.06:0.01'], /'low' is not a number/],
    ['FROM above TO', ['pairs.north-south.fear=0.06..0.02:0.01'], /FROM \(0.06\) is above TO \(0.02\); write the lower value first/],
    ['a zero step', ['pairs.north-south.fear=0.02..0.06:0'], /the step must be above 0/],
    ['a value the scenario forbids', ['pairs.north-south.fear=0.5..1.5:0.5'], /at pairs.north-south.fear = 1.5, pairs\[north-south\].fear: must be at most 1/],
    ['a range turned over', ['forces.garrison.strength.low=5000..7000:1000'], /forces.garrison.strength.low = 7000.*inverted range/],
    ['too many values', ['rules.incidents.base=0..1:0.001'], /1001 values; at most 400 grid points — take a larger step/],
    ['too large a grid', ['rules.incidents.base=0..0.03:0.001', 'pairs.north-south.fear=0..0.2:0.01'], /the grid has 651 points \(31 × 21\); at most 400 — take larger steps/],
    ['one parameter twice', ['pairs.0.fear=0..0.02:0.01', 'pairs.north-south.fear=0..0.02:0.01'], /names pairs.north-south.fear twice/],
    ['three parameters', ['pairs.0.fear=0..0.01:0.01', 'pairs.0.fatigue=0..0.01:0.01', 'pairs.0.grievance=0..0.01:0.01'], /one or two --sweep parameters, got 3/],
  ];

  it('refuses a bad sweep before playing, saying what to write', () => {
    for (const [what, sweeps, message] of BAD) {
      expect(() => planSweep(sensitive, sweeps.map((s) => parseSweep(sensitive, s)), batchSeeds(2)), what).toThrow(SweepError);
      expect(() => planSweep(sensitive, sweeps.map((s) => parseSweep(sensitive, s)), batchSeeds(2)), what).toThrow(message);
    }
    const r = cli('sim', [SENSITIVE, '--sweep', BAD[0]![1][0]!, '--csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^sim: --sweep 'pairs.north-south.fer=0.02..0.06:0.01': 'pairs.north-south.fer' is not a tweakable parameter — did you mean 'pairs.north-south.fear'\?\n$/);
    expect(cli('sim', [SENSITIVE, '--sweep', 'pairs.0.fear=0..0.01:0.01', '--csv', '--json']).stderr).toMatch(/--csv and --json are two formats/);
  });
});
