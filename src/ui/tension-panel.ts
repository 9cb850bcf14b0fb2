// The tension-over-time panel: the chart of the overall tension and the three hottest pairs, with a
// legend; redrawn once per day and when the panel is resized.
import type { Session, SessionStore } from '../store/session';
import { drawChart } from './chart';
import { chartData, chartLegend } from './chart-data';
import { h, replace } from './dom';

export function createTensionPanel(store: SessionStore) {
  const canvas = h('canvas', { class: 'chart', role: 'img', 'aria-label': 'Tension over time' });
  const legend = h('div', { class: 'legend' });
  const el = h(
    'section',
    { class: 'panel tension', 'aria-label': 'Tension over time' },
    h('h2', { class: 'panel-title', 'data-tip': 'Overall tension (bold) and the three hottest pairs, day by day; the shading shows the ladder’s bands.' }, 'Tension over time'),
    h('div', { class: 'chart-box' }, canvas),
    legend,
  );
  let key = '';
  // The canvas's size as last observed: reading clientWidth in a jump would force a layout mid-update.
  let box: { width: number; height: number } | undefined;
  const draw = () => drawChart(canvas, chartData(store.getState()), box);
  new ResizeObserver((entries) => {
    const r = entries[entries.length - 1]!.contentRect;
    box = { width: r.width, height: r.height };
    draw();
  }).observe(canvas);
  function update(s: Session): void {
    const k = `${s.days.length}|${s.scenario?.data.meta.id}|${s.seed}`;
    if (k === key) return;
    key = k;
    draw();
    replace(legend, ...chartLegend(s).map((l) => h('span', { class: 'legend-item' }, h('i', { class: l.dashed ? 'dashed' : '', style: `border-color:${l.colour}` }), l.label)));
  }
  return { el, update };
}
