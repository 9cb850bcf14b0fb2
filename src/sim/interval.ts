// How sure a share from a batch of games is: the Wilson score interval of a binomial proportion. Live odds
// (the Tweak panel's quick estimate on a few hundred seeds, refined in the background) show each outcome's
// share with this interval, so a player sees how far 200 games can be trusted. Wilson's interval, unlike
// the textbook p ± z·√(p(1−p)/n), stays inside 0–1 and does not shrink to nothing at 0 of n or n of n, the
// shares a tweak toward war produces (E. B. Wilson, "Probable inference…", JASA 22, 1927).
import type { VariantBatch, VariantTally } from './variant-runs';

/** z for a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;

export interface Interval {
  /** The share k / n (0 when n is 0). */
  share: number;
  low: number;
  high: number;
}

/**
 * The Wilson score interval for k successes in n trials at `z` (default 95 %): the shares p for which k/n
 * lies within z standard errors of p. With no trials it is the whole of 0–1.
 */
export function wilsonInterval(k: number, n: number, z: number = Z95): Interval {
  if (!Number.isInteger(n) || n < 0) throw new Error(`wilsonInterval: n must be a whole number ≥ 0, got ${n}`);
  if (!Number.isInteger(k) || k < 0 || k > n) throw new Error(`wilsonInterval: k must be a whole number from 0 to n (${n}), got ${k}`);
  if (n === 0) return { share: 0, low: 0, high: 1 };
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At k = 0 (or n) the bound is exactly 0 (or 1); clamp the float noise around it.
  return { share: p, low: k === 0 ? 0 : Math.max(0, centre - half), high: k === n ? 1 : Math.min(1, centre + half) };
}

/** One outcome of a partly played variant: its games, share and interval. */
export interface OutcomeEstimate extends Interval {
  id: string;
  count: number;
}

/** What the seeds played so far say about a variant's outcomes. */
export interface VariantEstimate {
  /** Games played so far, of `total`. */
  n: number;
  total: number;
  /** Per outcome, in the batch's order. */
  outcomes: OutcomeEstimate[];
}

/** A variant's outcome shares over the seeds played so far (any of them, in any order), each with its Wilson interval. */
export function variantEstimate(batch: VariantBatch, tally: VariantTally, variant: number, z: number = Z95): VariantEstimate {
  const outs = tally.outcomes[variant];
  if (!outs) throw new Error(`variantEstimate: the batch has no variant ${variant}`);
  const counts = new Array<number>(batch.outcomes.length).fill(0);
  let n = 0;
  for (const o of outs) {
    if (o < 0) continue;
    counts[o]!++;
    n++;
  }
  return { n, total: outs.length, outcomes: batch.outcomes.map((id, o) => ({ id, count: counts[o]!, ...wilsonInterval(counts[o]!, n, z) })) };
}
