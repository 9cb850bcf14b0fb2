// The sweep's line chart, as SVG drawn at the width it is given (so its text stays at its size on a phone):
// each outcome's share of games over the parameter's values, one line per outcome in its colour with a dot
// per value (its figures in the dot's title), the scenario's own value marked by a dashed line, a share
// axis in percent and the values along the bottom. Lines can be hidden from the legend. Text only.
import { svg } from '../dom';
import type { SweepRecord } from '../../store/sweep';
import { outcomeColour } from './colours';
import { niceTicks, tidy } from './sweep-view';

const PAD = { left: 42, right: 14, top: 22, bottom: 40 };

/** The share axis' top: the highest share shown, rounded up to a tenth (at least 10 %). */
function shareTop(r: SweepRecord, hidden: ReadonlySet<string>): number {
  let top = 0;
  r.outcomes.forEach((o, k) => {
    if (!hidden.has(o.id)) for (const row of r.table.rows) top = Math.max(top, row.outcomes[k]!);
  });
  return Math.min(1, Math.max(0.1, Math.ceil(top * 10 - 1e-9) / 10));
}

export function sweepChart(r: SweepRecord, hidden: ReadonlySet<string>, width: number, height: number): SVGSVGElement {
  const values = r.table.rows.map((row) => row.values[0]!);
  const lo = Math.min(values[0]!, r.base);
  const hi = Math.max(values[values.length - 1]!, r.base);
  const span = hi - lo || 1;
  const top = shareTop(r, hidden);
  const w = width - PAD.left - PAD.right;
  const ht = height - PAD.top - PAD.bottom;
  const x = (v: number) => PAD.left + (hi === lo ? w / 2 : ((v - lo) / span) * w);
  const y = (s: number) => PAD.top + ht - (s / top) * ht;
  const name = r.parameter.name;
  const root = svg('svg', { class: 'sw-svg', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `Each outcome's share of games over ${name}, from ${values[0]} to ${values[values.length - 1]}; the scenario's value is ${r.base}` });

  // The share axis: gridlines every 10 or 20 points.
  for (const t of niceTicks(0, top, 5)) {
    root.append(svg('line', { class: 'sw-grid', x1: PAD.left, x2: width - PAD.right, y1: y(t), y2: y(t) }));
    const label = svg('text', { class: 'sw-tick', x: PAD.left - 6, y: y(t) + 3.5, 'text-anchor': 'end' });
    label.textContent = `${Math.round(t * 100)}%`;
    root.append(label);
  }
  // The values: ticks along the bottom, thinned to fit.
  const every = Math.max(1, Math.ceil(values.length / Math.max(2, Math.floor(w / 56))));
  values.forEach((v, i) => {
    root.append(svg('line', { class: 'sw-xtick', x1: x(v), x2: x(v), y1: PAD.top + ht, y2: PAD.top + ht + 4 }));
    if (i % every !== 0 && i !== values.length - 1) return;
    const label = svg('text', { class: 'sw-tick', x: x(v), y: PAD.top + ht + 16, 'text-anchor': 'middle' });
    label.textContent = String(tidy(v));
    root.append(label);
  });
  root.append(svg('line', { class: 'sw-axis', x1: PAD.left, x2: width - PAD.right, y1: PAD.top + ht, y2: PAD.top + ht }));
  const title = svg('text', { class: 'sw-xlabel', x: PAD.left + w / 2, y: height - 6, 'text-anchor': 'middle' });
  title.textContent = name;
  root.append(title);

  // The scenario's own value.
  const bx = x(r.base);
  root.append(svg('line', { class: 'sw-base', x1: bx, x2: bx, y1: PAD.top - 6, y2: PAD.top + ht }));
  const base = svg('text', { class: 'sw-base-t', x: bx, y: PAD.top - 10, 'text-anchor': bx > width - 70 ? 'end' : bx < PAD.left + 40 ? 'start' : 'middle' });
  base.textContent = `base ${r.base}`;
  root.append(base);

  // One line per outcome, the dramatic ends (drawn last) on top.
  [...r.outcomes.keys()].reverse().forEach((k) => {
    const o = r.outcomes[k]!;
    if (hidden.has(o.id)) return;
    const colour = outcomeColour(k);
    const pts = r.table.rows.map((row) => [x(row.values[0]!), y(row.outcomes[k]!)] as const);
    const g = svg('g', { class: 'sw-line', 'data-outcome-id': o.id });
    g.append(svg('polyline', { points: pts.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(' '), fill: 'none', stroke: colour, 'stroke-width': 2, 'stroke-linejoin': 'round' }));
    r.table.rows.forEach((row, i) => {
      const dot = svg('circle', { cx: pts[i]![0].toFixed(1), cy: pts[i]![1].toFixed(1), r: 2.8, fill: colour });
      const t = svg('title', {});
      t.textContent = `${o.name} at ${name} = ${row.values[0]}: ${(row.outcomes[k]! * 100).toFixed(1)} % of ${r.table.runs} games`;
      dot.append(t);
      g.append(dot);
    });
    root.append(g);
  });
  return root;
}
