// The "Why?" panel: the ledger's top contributors to one pair's tension (the hottest by default), each
// with a bar — rising causes in orange to the right, calming causes in blue to the left.
import type { Session } from '../store/session';
import { why } from '../store/selectors';
import { h, replace } from './dom';
import { signed } from './format';

export function createWhyPanel() {
  const heading = h('h2', { class: 'panel-title', 'data-tip': 'Every change of tension is booked under its cause (a ledger whose entries fade over time). These are the largest entries for this pair.' }, 'Why?');
  const list = h('ul', { class: 'why' });
  const el = h('section', { class: 'panel why-panel', 'aria-label': 'Why is tension where it is' }, heading, list);
  let key = '';
  function update(s: Session, pick: string | null): void {
    const k = `${s.days.length}|${s.scenario?.data.meta.id}|${pick}`;
    if (k === key) return;
    key = k;
    const w = why(s, pick ?? undefined);
    if (!w) return replace(list);
    heading.textContent = `Why is ${w.pair.label} at ${w.pair.tension.toFixed(0)}?`;
    const max = Math.max(1, ...w.causes.map((c) => Math.abs(c.amount)));
    replace(
      list,
      ...w.causes.slice(0, 5).map((c) =>
        h(
          'li',
          { 'data-tip': `${c.label}: ${signed(c.amount)} points of this pair's tension` },
          h('span', { class: 'why-label' }, c.label),
          h(
            'span',
            { class: 'why-bar' },
            h('span', { class: c.amount >= 0 ? 'pos' : 'neg', style: `width:${(50 * Math.abs(c.amount)) / max}%` }),
          ),
          h('span', { class: 'why-val mono' }, signed(c.amount)),
        ),
      ),
    );
  }
  return { el, update };
}
