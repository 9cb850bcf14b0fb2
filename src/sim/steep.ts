// Where a parameter is steep: the rule the Tweak panel warns by, read from a sensitivity result
// (src/sim/sensitivity.ts). The sensitivity run plays each parameter one step below and one step above its
// value on the same seeds; its effect is how far the measure (the outcome distribution, an outcome's share
// or a role's win share) moved between the two. A parameter is steep when that move is both large and real:
//   - large: |effect| ≥ STEEP_EFFECT, 5 percentage points across the two steps (for the outcome
//     distribution, its total variation: half the sum of the outcomes' moves);
//   - real: |effect| ≥ STEEP_Z × its standard error (about 95 % confidence that it is not the luck of the
//     paired games).
// A value has entered the steep region once it is at least one sensitivity step from the value the run
// measured around: that far, the run saw the measure move by about half the effect; farther, the effect
// is not measured (it may grow or level off), which the warning says. Nothing is invented without a run.
import type { SensitivityResult, SensitivityRow } from './sensitivity';

/** The least |effect| (0–1, across a step below to a step above) that counts as steep: 5 percentage points. */
export const STEEP_EFFECT = 0.05;
/** How many standard errors the effect must stand clear of zero. */
export const STEEP_Z = 2;

export interface Steepness {
  key: string;
  /** 1 for the parameter that moved the measure most, in the run's ranking. */
  rank: number;
  /** Of how many parameters ranked. */
  of: number;
  /** The value the run measured around, and its step (the larger of the two sides' distances). */
  base: number;
  step: number;
  /** The measure at a step below and above (for the outcome distribution, only the effect is a share). */
  effect: number;
  error: number;
  steep: boolean;
}

/** A ranked row's step: the larger distance from its base to a side (a side against a bound stays at the base). */
function stepOf(row: SensitivityRow): number {
  return Math.max(row.above - row.base, row.base - row.below);
}

/** Whether a row's effect is steep: at least STEEP_EFFECT and at least STEEP_Z standard errors. */
export function isSteep(effect: number, error: number): boolean {
  const e = Math.abs(effect);
  return e >= STEEP_EFFECT - 1e-12 && e >= STEEP_Z * error - 1e-12 && e > 0;
}

/** Every ranked parameter's steepness, by key. */
export function steepness(result: SensitivityResult): Map<string, Steepness> {
  const out = new Map<string, Steepness>();
  result.ranking.forEach((row, i) => {
    out.set(row.key, { key: row.key, rank: i + 1, of: result.ranking.length, base: row.base, step: stepOf(row), effect: row.effect, error: row.error, steep: isSteep(row.effect, row.error) });
  });
  return out;
}

/** How far a value is from the measured base, in sensitivity steps (0 for a parameter that could not move). */
export function stepsFrom(s: Pick<Steepness, 'base' | 'step'>, value: number): number {
  if (!(s.step > 0)) return 0;
  return Math.abs(value - s.base) / s.step;
}

/** The warning's test: a steep parameter whose value is at least one sensitivity step from the measured base. */
export function inSteepRegion(s: Steepness | undefined, value: number): boolean {
  return !!s && s.steep && stepsFrom(s, value) >= 1 - 1e-9;
}
