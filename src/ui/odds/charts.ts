// The Odds panel's charts, as DOM: the outcome bars (count, share and the change from the baseline in
// percentage points, the baseline as a thin bar under each), the day-of-the-end histogram stacked by
// outcome with the baseline as a step outline and p10/p50/p90 marks, and the peak tension's spread on
// the tension ramp. Names from scenario files go in as text only.
import type { OddsReport } from '../../store/odds';
import { h } from '../dom';
import { tensionColour } from '../palette';
import { outcomeColour } from './colours';
import { dayBins, formatDelta, formatShare, histogramScale, type OutcomeRow } from './view';

const num = (n: number) => Math.round(n).toLocaleString('en-US');
const pct = (x: number) => `${Math.max(0, Math.min(100, x)).toFixed(2)}%`;

/** One row per outcome: swatch and name, the bar (and the baseline's under it), count, share, change. */
export function outcomeBars(rows: OutcomeRow[], result: OddsReport, baseline: OddsReport | null): HTMLElement {
  const max = Math.max(0.0001, ...rows.map((r) => Math.max(r.share, r.before?.share ?? 0)));
  const list = h('div', { class: `od-outcomes${baseline ? ' with-before' : ''}`, role: 'list' });
  for (const r of rows) {
    const c = outcomeColour(r.index);
    const tip = `${r.name}: ${num(r.count)} of ${num(result.odds.runs)} runs (${formatShare(r.share)})${r.before && baseline ? `; before: ${num(r.before.count)} of ${num(baseline.odds.runs)} (${formatShare(r.before.share)})` : ''}`;
    const track = h('div', { class: 'od-track' }, h('span', { class: 'od-fill', style: `width:${pct((100 * r.share) / max)};background:${c}` }));
    if (r.before) track.append(h('span', { class: 'od-before', style: `width:${pct((100 * r.before.share) / max)};background:${c}` }));
    const delta = r.delta === null ? null : h('span', { class: `od-delta mono ${Math.round(r.delta * 10) > 0 ? 'up' : Math.round(r.delta * 10) < 0 ? 'down' : 'muted'}` }, formatDelta(r.delta));
    list.append(
      h(
        'div',
        { class: `od-row${r.count === 0 ? ' zero' : ''}`, role: 'listitem', 'data-outcome-id': r.id, 'data-count': r.count, 'data-tip': tip },
        h('span', { class: 'od-name' }, h('i', { class: 'od-swatch', style: `background:${c}` }), h('span', { class: 'od-name-t' }, r.name)),
        track,
        h('span', { class: 'od-count mono' }, num(r.count)),
        h('span', { class: 'od-pct mono' }, formatShare(r.share)),
        delta,
      ),
    );
  }
  return list;
}

/** Where day `d` sits along the histogram (0…100%). */
function dayX(d: number, days: number): number {
  return (100 * (d - 0.5)) / days;
}

/** The day of the end: a histogram over days, stacked by outcome, with the baseline outlined and p10/p50/p90. */
export function endHistogram(rows: OutcomeRow[], result: OddsReport, baseline: OddsReport | null): HTMLElement {
  const bins = dayBins(result, baseline, rows);
  const scale = histogramScale(bins);
  const width = bins[0] ? bins[0].to - bins[0].from + 1 : 1;
  const days = bins.length * width;
  const names = new Map(rows.map((r) => [r.index, r.name]));
  const cols = bins.map((b) => {
    const span = b.from === b.to ? `Day ${b.from}` : `Days ${b.from}–${b.to}`;
    const parts = b.stack.map((s) => `${names.get(s.index)} ${num(s.n)}`).join(', ');
    const tip = `${span}: ${num(b.total)} run${b.total === 1 ? '' : 's'} ended${parts ? ` (${parts})` : ''}${b.before !== null ? `; before: ${num(b.before)}` : ''}`;
    const broken = b.total > scale;
    const stack = h('div', { class: 'od-stack', style: `height:${pct((100 * Math.min(b.total, scale)) / scale)}` }, ...b.stack.map((s) => h('span', { style: `flex-grow:${s.n};background:${outcomeColour(s.index)}` })));
    return h(
      'div',
      { class: `od-bin${broken ? ' broken' : ''}`, 'data-tip': tip, 'data-from': b.from, 'data-total': b.total },
      stack,
      b.before !== null && b.before > 0 ? h('span', { class: 'od-bin-before', style: `height:${pct((100 * Math.min(b.before, scale)) / scale)}` }) : null,
      broken ? h('span', { class: 'od-bin-label mono' }, num(b.total)) : null,
    );
  });
  const ticks: number[] = [1];
  const step = days > 60 ? 15 : days > 30 ? 10 : 5;
  for (let d = step; d < days - step / 2; d += step) ticks.push(d);
  ticks.push(Math.max(result.turnLimit, baseline?.turnLimit ?? 0));
  const axis = h('div', { class: 'od-axis mono' }, ...ticks.map((d) => h('span', { style: `left:${pct(dayX(d, days))}` }, String(d))));
  const marks = h('div', { class: 'od-marks' });
  const mark = (p: OddsReport, before: boolean) =>
    (['p10', 'p50', 'p90'] as const).forEach((k) => marks.append(h('span', { class: `od-mark ${k}${before ? ' before' : ''}`, style: `left:${pct(dayX(p.odds.endTurn[k], days))}`, 'data-tip': `${before ? 'Before: ' : ''}${k} of the day of the end: day ${p.odds.endTurn[k]}` })));
  if (baseline) mark(baseline, true);
  mark(result, false);
  return h('div', { class: 'od-hist' }, h('div', { class: 'od-bins', role: 'img', 'aria-label': `Histogram of the day each run ended, over days 1 to ${days}` }, ...cols), marks, axis);
}

/** A table of p10/p50/p90 for "after" and, when kept, "before" (with the change). */
export function percentiles(key: 'endTurn' | 'peakTension', result: OddsReport, baseline: OddsReport | null, unit: (v: number) => string): HTMLElement {
  const ks = ['p10', 'p50', 'p90'] as const;
  const cell = (v: number, b: number | null) => {
    const d = b === null ? 0 : Math.round((v - b) * 10) / 10;
    return h('span', { class: 'od-pv mono' }, unit(v), b !== null && d !== 0 ? h('small', { class: d > 0 ? 'up' : 'down' }, `${d > 0 ? '+' : '−'}${Math.abs(d)}`) : null);
  };
  const grid = h('div', { class: 'od-pgrid' }, h('span', {}), ...ks.map((k) => h('span', { class: 'od-pk' }, k)));
  grid.append(h('span', { class: 'od-pl' }, baseline ? 'After' : 'All runs'), ...ks.map((k) => cell(result.odds[key][k], baseline ? baseline.odds[key][k] : null)));
  if (baseline) grid.append(h('span', { class: 'od-pl muted' }, 'Before'), ...ks.map((k) => h('span', { class: 'od-pv mono muted' }, unit(baseline.odds[key][k]))));
  return grid;
}

/** The peak tension's p10–p90 spread (p50 marked) on the 0–100 tension ramp; the baseline's beneath. */
export function peakRange(result: OddsReport, baseline: OddsReport | null): HTMLElement {
  const band = (p: OddsReport, cls: string) =>
    h(
      'span',
      { class: `od-band ${cls}`, style: `left:${pct(p.odds.peakTension.p10)};width:${pct(p.odds.peakTension.p90 - p.odds.peakTension.p10)};--c:${tensionColour(p.odds.peakTension.p50)}` },
      h('i', { style: `left:${pct((100 * (p.odds.peakTension.p50 - p.odds.peakTension.p10)) / Math.max(0.01, p.odds.peakTension.p90 - p.odds.peakTension.p10))}` }),
    );
  return h(
    'div',
    { class: 'od-range', 'data-tip': 'The highest overall tension each run reached: the band spans p10 to p90, the tick is the median' },
    h('div', { class: 'od-ramp' }),
    baseline ? band(baseline, 'before') : null,
    band(result, 'after'),
    h('div', { class: 'od-ramp-axis mono' }, ...[0, 25, 50, 75, 100].map((v) => h('span', { style: `left:${v}%` }, String(v)))),
  );
}

/** "Blamed for the end: Russia 426 · Belarus 33" (actors' names from the scenario). */
export function blameLine(result: OddsReport): HTMLElement | null {
  const entries = Object.entries(result.odds.blame).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return null;
  return h(
    'p',
    { class: 'od-blame', 'data-tip': 'How often each actor was blamed for the end (by its outcome’s tension ledger)' },
    h('span', { class: 'od-k' }, 'Blamed'),
    ...entries.flatMap(([id, n], i) => [i > 0 ? h('span', { class: 'muted' }, ' · ') : null, h('strong', {}, result.actors[id] ?? id), ` ${num(n)} (${formatShare(n / Math.max(1, result.odds.runs))})`]),
  );
}
