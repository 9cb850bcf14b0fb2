// Sensitivity: which numbers decide the outcome. Every tweakable parameter (src/sim/parameters.ts) is played
// a step below and a step above its base value on the same seeds (common random numbers: the seeds of
// `sim --runs N`), so that the difference between the two sides is the parameter's doing and not the
// luck of the draw. Its effect on a measure (an outcome's share, a role's win share, or how far the whole
// outcome distribution moves) is share above − share below, with a standard error from the paired games.
// The games run as the jobs of a variant batch (src/sim/variant-runs.ts), so workers can share them out.
import type { Scenario } from './scenario/load';
import { scenarioParameters, sensitivitySides, type Parameter } from './parameters';
import { makeBatch, RESULT_CODE, variantShares, type VariantBatch, type VariantTally } from './variant-runs';

/** One parameter's two sides, and the variants (indices into the batch) that play them; 0 is the base. */
export interface SensitivityStep {
  key: string;
  name: string;
  folder: string[];
  label: string;
  base: number;
  below: number;
  above: number;
  belowVariant: number;
  aboveVariant: number;
}

export interface SensitivityPlan {
  batch: VariantBatch;
  steps: SensitivityStep[];
}

/**
 * What the ranking measures: how far the outcome distribution moves (half the sum of |Δ share| over the
 * outcomes, its total variation), one outcome's share, or one role's win share.
 */
export type SensitivityMetric = { kind: 'outcomes' } | { kind: 'outcome'; id: string } | { kind: 'role'; id: string };

/** A measure at both sides: shares (0–1), effect = above − below, and its standard error. */
export interface Shift {
  below: number;
  above: number;
  effect: number;
  error: number;
}

export interface SensitivityRow {
  key: string;
  name: string;
  folder: string[];
  label: string;
  /** The parameter's base value and the two values played. */
  base: number;
  below: number;
  above: number;
  /** The effect on the chosen measure (for 'outcomes': the total variation, ≥ 0) and its standard error. */
  effect: number;
  error: number;
  /** Each outcome's share and each role's win share at both sides. */
  outcomes: Record<string, Shift>;
  roles: Record<string, Shift>;
}

export interface SensitivityResult {
  runs: number;
  metric: SensitivityMetric;
  /** The base scenario's outcome shares and win shares over the same seeds. */
  base: { outcomes: Record<string, number>; roles: Record<string, number> };
  /** Every parameter, the largest |effect| first (ties in the parameters' order). */
  ranking: SensitivityRow[];
}

/** The plan: the base and, for each parameter (all, or those of `keys`), its sides that differ from the base. */
export function planSensitivity(scenario: Scenario, seeds: string[], keys?: readonly string[]): SensitivityPlan {
  const set = scenarioParameters(scenario.data);
  const wanted: Parameter[] = keys ? keys.map((k) => set.parameters.find((p) => p.key === k) ?? fail(`unknown parameter ${k}`)) : set.parameters;
  const variants: Record<string, number>[] = [{}];
  const side = (key: string, value: number, base: number): number => {
    if (value === base) return 0;
    variants.push({ [key]: value });
    return variants.length - 1;
  };
  const steps = wanted.map((p): SensitivityStep => {
    const base = set.values[p.key]!;
    const { below, above } = sensitivitySides(p, set.values);
    return { key: p.key, name: p.name, folder: p.folder, label: p.label, base, below, above, belowVariant: side(p.key, below, base), aboveVariant: side(p.key, above, base) };
  });
  return { batch: makeBatch(scenario.data, variants, seeds), steps };
}

function fail(message: string): never {
  throw new Error(message);
}

/** The mean of paired differences and its standard error (sample sd / √n). */
function paired(d: Float64Array): { mean: number; error: number } {
  const n = d.length;
  if (n === 0) return { mean: 0, error: 0 };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += d[i]!;
  const mean = sum / n;
  if (n < 2) return { mean, error: 0 };
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (d[i]! - mean) ** 2;
  return { mean, error: Math.sqrt(ss / (n - 1) / n) };
}

/** Per seed: 1 where the game counts for the measure, else 0. */
type Indicator = (variant: number, seed: number) => number;

function shift(n: number, hit: Indicator, below: number, above: number): Shift {
  const d = new Float64Array(n);
  let b = 0;
  let a = 0;
  for (let i = 0; i < n; i++) {
    const x = hit(below, i);
    const y = hit(above, i);
    b += x;
    a += y;
    d[i] = y - x;
  }
  const { mean, error } = paired(d);
  return { below: b / n, above: a / n, effect: mean, error };
}

/** Reads the tally (fully played) into every parameter's shifts, ranked by the metric's |effect|. */
export function rankSensitivity(plan: SensitivityPlan, tally: VariantTally, metric: SensitivityMetric): SensitivityResult {
  const { batch } = plan;
  const n = batch.seeds.length;
  const r = batch.roles.length;
  if (metric.kind === 'outcome' && !batch.outcomes.includes(metric.id)) throw new Error(`unknown outcome ${metric.id}`);
  if (metric.kind === 'role' && !batch.roles.includes(metric.id)) throw new Error(`unknown role ${metric.id}`);
  const outcomeHit = (o: number): Indicator => (v, i) => (tally.outcomes[v]![i] === o ? 1 : 0);
  const winHit = (j: number): Indicator => (v, i) => (tally.results[v]![i * r + j] === RESULT_CODE.win ? 1 : 0);
  const baseShares = variantShares(batch, tally, 0);
  const rows = plan.steps.map((s): SensitivityRow => {
    for (const v of [s.belowVariant, s.aboveVariant]) if (tally.outcomes[v]!.includes(-1)) throw new Error(`the runs of ${s.name} are not all played yet`);
    const outcomes: Record<string, Shift> = {};
    batch.outcomes.forEach((id, o) => (outcomes[id] = shift(n, outcomeHit(o), s.belowVariant, s.aboveVariant)));
    const roles: Record<string, Shift> = {};
    batch.roles.forEach((id, j) => (roles[id] = shift(n, winHit(j), s.belowVariant, s.aboveVariant)));
    let effect: Shift;
    if (metric.kind === 'outcome') effect = outcomes[metric.id]!;
    else if (metric.kind === 'role') effect = roles[metric.id]!;
    else {
      // The total variation, with its error by the delta method: per seed, half the change of the signs
      // of the outcomes' moves (+1 where an outcome's share rose, −1 where it fell) from the game below to
      // the game above; the mean of that is exactly ½ Σ |Δ share|.
      const sign = batch.outcomes.map((id) => Math.sign(outcomes[id]!.effect));
      const d = new Float64Array(n);
      const above = tally.outcomes[s.aboveVariant]!;
      const below = tally.outcomes[s.belowVariant]!;
      for (let i = 0; i < n; i++) d[i] = 0.5 * (sign[above[i]!]! - sign[below[i]!]!);
      const { mean, error } = paired(d);
      effect = { below: 0, above: 0, effect: mean, error };
    }
    return { key: s.key, name: s.name, folder: s.folder, label: s.label, base: s.base, below: s.below, above: s.above, effect: effect.effect, error: effect.error, outcomes, roles };
  });
  const order = rows.map((row, i) => ({ row, i })).sort((x, y) => Math.abs(y.row.effect) - Math.abs(x.row.effect) || x.i - y.i);
  return {
    runs: n,
    metric,
    base: {
      outcomes: Object.fromEntries(batch.outcomes.map((id, o) => [id, baseShares.outcomes[o]!])),
      roles: Object.fromEntries(batch.roles.map((id, j) => [id, baseShares.wins[j]!])),
    },
    ranking: order.map((x) => x.row),
  };
}
