// Each side of a sensitivity step on its own, for the tornado chart: what the step below and the step above
// each do to the measure against the base value, over the same seeds (common random numbers), with the
// standard error of those paired games. The ranking itself (./sensitivity.ts) reads the two sides against
// each other; this reads each against the base (variant 0 of the plan's batch).
import { RESULT_CODE, type VariantTally } from './variant-runs';
import type { SensitivityMetric, SensitivityPlan } from './sensitivity';

/** One side against the base: the measure's change (a share's, in 0–1; for 'outcomes' the distance ≥ 0) ± its error. */
export interface SideEffect {
  change: number;
  error: number;
}

export interface StepEffects {
  key: string;
  below: SideEffect;
  above: SideEffect;
}

/** The mean of paired differences and its standard error (sample sd / √n). */
function paired(d: Float64Array): SideEffect {
  const n = d.length;
  if (n === 0) return { change: 0, error: 0 };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += d[i]!;
  const mean = sum / n;
  if (n < 2) return { change: mean, error: 0 };
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (d[i]! - mean) ** 2;
  return { change: mean, error: Math.sqrt(ss / (n - 1) / n) };
}

/**
 * Every step's two sides against the base, in the plan's order. For an outcome's share or a role's win
 * share, the side's share − the base's; for 'outcomes', how far the outcome distribution moved from the
 * base's (half the sum of |Δ share|; its error by the delta method, as in rankSensitivity).
 */
export function stepEffects(plan: SensitivityPlan, tally: VariantTally, metric: SensitivityMetric): StepEffects[] {
  const { batch } = plan;
  const n = batch.seeds.length;
  const r = batch.roles.length;
  const base = tally.outcomes[0]!;
  if (base.includes(-1)) throw new Error('the base runs are not all played yet');
  const o = metric.kind === 'outcome' ? batch.outcomes.indexOf(metric.id) : -1;
  const j = metric.kind === 'role' ? batch.roles.indexOf(metric.id) : -1;
  if (metric.kind === 'outcome' && o < 0) throw new Error(`unknown outcome ${metric.id}`);
  if (metric.kind === 'role' && j < 0) throw new Error(`unknown role ${metric.id}`);
  const side = (v: number): SideEffect => {
    if (v === 0) return { change: 0, error: 0 };
    const outs = tally.outcomes[v]!;
    if (outs.includes(-1)) throw new Error(`variant ${v} is not fully played yet`);
    const d = new Float64Array(n);
    if (metric.kind === 'outcome') for (let i = 0; i < n; i++) d[i] = (outs[i] === o ? 1 : 0) - (base[i] === o ? 1 : 0);
    else if (metric.kind === 'role') {
      const res = tally.results[v]!;
      const b = tally.results[0]!;
      for (let i = 0; i < n; i++) d[i] = (res[i * r + j] === RESULT_CODE.win ? 1 : 0) - (b[i * r + j] === RESULT_CODE.win ? 1 : 0);
    } else {
      const change = batch.outcomes.map((_, k) => {
        let c = 0;
        for (let i = 0; i < n; i++) c += (outs[i] === k ? 1 : 0) - (base[i] === k ? 1 : 0);
        return Math.sign(c);
      });
      for (let i = 0; i < n; i++) d[i] = 0.5 * (change[outs[i]!]! - change[base[i]!]!);
    }
    return paired(d);
  };
  return plan.steps.map((s) => ({ key: s.key, below: side(s.belowVariant), above: side(s.aboveVariant) }));
}
