// The pairs list: every counting pair, hottest first, with a ramp-coloured bar, its value and the day's
// change; clicking a pair asks the "Why?" panel to explain it.
import type { Session } from '../store/session';
import { pairs } from '../store/selectors';
import { h, replace } from './dom';
import { arrow, signed } from './format';
import { tensionColour } from './palette';

export function createPairsList(onPick: (pairId: string) => void) {
  const list = h('ol', { class: 'pairs' });
  const el = h(
    'section',
    { class: 'panel pairs-panel', 'aria-label': 'Tension by pair' },
    h('h2', { class: 'panel-title', 'data-tip': 'Tension (0–100) between each pair of actors, and its change since yesterday. Click a pair to see why it stands where it does.' }, 'Pairs'),
    list,
  );
  let key = '';
  let selected: string | null = null;
  function update(s: Session, pick: string | null): void {
    const k = `${s.days.length}|${s.scenario?.data.meta.id}|${pick}`;
    if (k === key) return;
    key = k;
    selected = pick;
    const ps = pairs(s)
      .filter((p) => p.counts)
      .sort((a, b) => b.tension - a.tension);
    replace(
      list,
      ...ps.map((p) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              class: `pair-row${p.id === selected ? ' sel' : ''}`,
              'aria-label': `${p.label}: ${p.tension.toFixed(0)}, ${p.band.name}. Explain.`,
              'data-tip': `${p.label}: ${p.tension.toFixed(1)} (${p.band.name}), ${signed(p.delta)} today. Click for the causes.`,
              onclick: () => onPick(p.id),
            },
            h('span', { class: 'pair-label' }, p.label),
            h('span', { class: 'pair-bar' }, h('span', { style: `width:${p.tension}%;background:${tensionColour(p.tension)}` })),
            h('span', { class: 'pair-val mono' }, p.tension.toFixed(0)),
            h('span', { class: `pair-delta mono ${p.delta > 0.05 ? 'up' : p.delta < -0.05 ? 'down' : ''}` }, `${arrow(p.delta)}${Math.abs(p.delta) >= 0.05 ? Math.abs(p.delta).toFixed(1) : ''}`),
          ),
        ),
      ),
    );
  }
  return { el, update };
}
