// What the Odds panel draws, computed from the runner's reports (pure, no DOM): the outcome rows with
// their shares and the change from the baseline in percentage points, and the day-of-the-end histogram
// binned to a readable width, stacked by outcome, with the baseline's totals per bin.
import type { OddsReport } from '../../store/odds';

export interface OutcomeRow {
  id: string;
  name: string;
  /** Index in the union of the result's and the baseline's outcomes (for the colour). */
  index: number;
  count: number;
  /** 0…1 of the runs. */
  share: number;
  before: { count: number; share: number } | null;
  /** (share − before.share) in percentage points, or null without a baseline. */
  delta: number | null;
}

function share(n: number, runs: number): number {
  return runs > 0 ? n / runs : 0;
}

/** The outcomes of the result in scenario order (then any only the baseline has), with the baseline beside. */
export function outcomeRows(result: OddsReport, baseline: OddsReport | null): OutcomeRow[] {
  const all = [...result.outcomes];
  for (const o of baseline?.outcomes ?? []) if (!all.some((x) => x.id === o.id)) all.push(o);
  return all.map((o, index) => {
    const count = result.odds.outcomes[o.id] ?? 0;
    const s = share(count, result.odds.runs);
    const before = baseline ? { count: baseline.odds.outcomes[o.id] ?? 0, share: 0 } : null;
    if (before && baseline) before.share = share(before.count, baseline.odds.runs);
    return { id: o.id, name: o.name, index, count, share: s, before, delta: before ? (s - before.share) * 100 : null };
  });
}

export interface DayBin {
  /** First and last day of the bin (inclusive). */
  from: number;
  to: number;
  /** Runs ending in the bin, per outcome index (as in outcomeRows). */
  stack: { index: number; n: number }[];
  total: number;
  /** The baseline's runs ending in the bin, scaled to the result's number of runs; null without one. */
  before: number | null;
}

/** The days 1…turnLimit in at most `maxBins` bins of equal width. */
export function dayBins(result: OddsReport, baseline: OddsReport | null, rows: OutcomeRow[], maxBins = 45): DayBin[] {
  const limit = Math.max(result.turnLimit, baseline?.turnLimit ?? 0);
  const width = Math.max(1, Math.ceil(limit / maxBins));
  const scale = baseline && baseline.odds.runs > 0 ? result.odds.runs / baseline.odds.runs : 1;
  const sum = (row: number[] | undefined, from: number, to: number) => {
    let n = 0;
    for (let d = from; d <= to; d++) n += row?.[d] ?? 0;
    return n;
  };
  const bins: DayBin[] = [];
  for (let from = 1; from <= limit; from += width) {
    const to = Math.min(limit, from + width - 1);
    // Day 0 (an outcome on the opening position) counts in the first bin.
    const lo = from === 1 ? 0 : from;
    const stack = rows.map((r) => ({ index: r.index, n: sum(result.byDay[r.id], lo, to) })).filter((x) => x.n > 0);
    const before = baseline ? rows.reduce((n, r) => n + sum(baseline.byDay[r.id], lo, to), 0) * scale : null;
    bins.push({ from, to, stack, total: stack.reduce((n, x) => n + x.n, 0), before });
  }
  return bins;
}

/**
 * The histogram's vertical scale: the tallest bin, unless one bin towers over the rest (runs that last to
 * the turn limit), which is then drawn broken so the others stay readable.
 */
export function histogramScale(bins: DayBin[]): number {
  const heights = bins.map((b) => Math.max(b.total, b.before ?? 0)).sort((a, b) => b - a);
  const [top = 0, second = 0] = heights;
  if (top === 0) return 1;
  return second > 0 && top > 2.5 * second ? second * 1.6 : top;
}

/** A change in percentage points, signed, e.g. "+3.2 pp", "−0.5 pp", "±0 pp". */
export function formatDelta(pp: number): string {
  const r = Math.round(pp * 10) / 10;
  if (r === 0) return '±0 pp';
  return `${r > 0 ? '+' : '−'}${Math.abs(r).toFixed(1)} pp`;
}

/** A share as a percentage with one decimal, e.g. "60.7%". */
export function formatShare(s: number): string {
  return `${(s * 100).toFixed(1)}%`;
}
