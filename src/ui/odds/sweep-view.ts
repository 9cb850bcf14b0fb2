// What the sweep tab computes for its fields and chart (pure, no DOM): a parameter's title and search
// words, the default range (its slider's, kept on its side of a range's other end) and step (about ten
// steps, in whole slider steps), the number of values a range gives (as the CLI counts them), what is wrong
// with a range in words, and the chart's nice ticks.
import type { Parameter } from '../../store/sweep';

/** The most values a sweep may have (the CLI's MAX_SWEEP_POINTS). */
export const MAX_VALUES = 400;

/** Keeps a value free of float noise (12 significant digits, as the model's tidy). */
export const tidy = (v: number): number => Number(v.toPrecision(12));

/** e.g. "Russia – Ukraine · fear". */
export function parameterTitle(p: Parameter): string {
  return `${p.folder[p.folder.length - 1] ?? ''} · ${p.label}`;
}

/** True when every word of the query is in the parameter's folders, label or readable name. */
export function matchesQuery(p: Parameter, query: string): boolean {
  const hay = `${p.folder.join(' ')} ${p.label} ${p.name}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

export interface Range {
  from: number;
  to: number;
  step: number;
}

/** The values FROM..TO:STEP gives, counted as the CLI does. */
export function valueCount(r: Range): number {
  return Math.floor((r.to - r.from) / r.step + 1e-9) + 1;
}

/**
 * The default sweep of a parameter: its slider's range (a range's low end up to its high end's value, the
 * high end from its low end's), in about ten steps of whole slider steps, the last value on the grid.
 */
export function defaultRange(p: Parameter, values: Record<string, number>): Range {
  let from = p.min;
  let to = p.max;
  const end = /^(.*)\.([01])$/.exec(p.key);
  if (end?.[2] === '0' && values[`${end[1]}.1`] !== undefined) to = Math.min(to, values[`${end[1]}.1`]!);
  if (end?.[2] === '1' && values[`${end[1]}.0`] !== undefined) from = Math.max(from, values[`${end[1]}.0`]!);
  const step = tidy(Math.max(1, Math.round((to - from) / 10 / p.step)) * p.step);
  to = tidy(from + (valueCount({ from, to, step }) - 1) * step);
  return { from: tidy(from), to, step };
}

/** What is wrong with a range, in words (null when it can run). */
export function rangeProblem(r: Range): string | null {
  if (![r.from, r.to, r.step].every(Number.isFinite)) return 'Give a number in each of From, To and Step.';
  if (!(r.step > 0)) return 'The step must be above 0.';
  if (r.from > r.to) return 'From is above To: write the lower value first.';
  const n = valueCount(r);
  if (n > MAX_VALUES) return `That is ${n.toLocaleString('en-US')} values; at most ${MAX_VALUES}: take a larger step.`;
  return null;
}

/** Ticks at 1, 2 or 5 × 10^k over [min, max], about `n` of them. */
export function niceTicks(min: number, max: number, n: number): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / Math.max(1, n);
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  const step = (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step) ticks.push(tidy(t));
  return ticks;
}
