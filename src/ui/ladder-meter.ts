// The ESCALATION LADDER meter: the overall tension as a big number, the ladder's bands as a segmented
// bar coloured by the tension ramp, a marker at the current value and the current band's rungs.
import type { Session } from '../store/session';
import { ladder } from '../store/selectors';
import { h, replace } from './dom';
import { arrow, signed } from './format';
import { inkOn, tensionColour, tensionText } from './palette';


export function createLadderMeter() {
  const value = h('div', { class: 'ladder-value mono' });
  const change = h('div', { class: 'ladder-change mono' });
  const bandName = h('div', { class: 'ladder-band' });
  const rungs = h('div', { class: 'ladder-rungs' });
  const bar = h('div', { class: 'ladder-bar', role: 'img' });
  // The marker sits at the start of a box as wide as the track, moved along by a translation (a transition
  // of it runs on the compositor: no layout or paint of the page each frame while it moves).
  const marker = h('div', { class: 'ladder-pos', 'aria-hidden': 'true' }, h('div', { class: 'ladder-marker' }));
  const ticks = h('div', { class: 'ladder-ticks mono', 'aria-hidden': 'true' });
  const el = h(
    'section',
    { class: 'panel ladder', 'aria-label': 'Escalation ladder' },
    h('h2', { class: 'panel-title', 'data-tip': 'Overall tension (0–100) is the hottest counting pair. The bands follow Kahn’s escalation ladder; a band is left downward only once tension falls clearly below it (a firebreak).' }, 'Escalation ladder'),
    h('div', { class: 'ladder-head' }, h('div', { class: 'ladder-num' }, value, change), h('div', { class: 'ladder-desc' }, bandName, rungs)),
    h('div', { class: 'ladder-track' }, bar, marker, ticks),
  );

  let key = '';
  let prev: number | null = null;
  function update(s: Session): void {
    const l = ladder(s);
    const k = `${s.days.length}|${s.scenario?.data.meta.id}`;
    if (!l || k === key) return;
    key = k;
    const before = s.days[s.days.length - 2]?.overall;
    value.textContent = l.overall.toFixed(0);
    value.style.color = tensionText(l.overall);
    const d = before === undefined ? 0 : l.overall - before;
    change.textContent = before === undefined ? '' : `${arrow(d)} ${signed(d)}`;
    change.className = `ladder-change mono ${d > 0.05 ? 'up' : d < -0.05 ? 'down' : ''}`;
    bandName.textContent = l.band.name;
    rungs.textContent = l.band.rungs ?? '';
    if (bar.childElementCount !== l.bands.length || prev === null) {
      replace(
        bar,
        ...l.bands.map((b, i) => {
          const to = l.bands[i + 1]?.from ?? 100;
          const mid = (b.from + to) / 2;
          return h('div', { class: 'seg', 'data-band': b.id, style: `flex:${to - b.from};background:${tensionColour(mid)};color:${inkOn(mid)}`, 'data-tip': `${b.name}: ${b.from}–${to}. ${b.rungs ?? ''}` });
        }),
      );
      replace(ticks, ...l.bands.slice(1).map((b) => h('span', { style: `left:${b.from}%` }, String(b.from))));
    }
    bar.setAttribute('aria-label', `Overall tension ${l.overall.toFixed(0)}: ${l.band.name}`);
    for (const seg of Array.from(bar.children) as HTMLElement[]) seg.classList.toggle('current', seg.dataset.band === l.band.id);
    marker.style.transform = `translateX(${Math.max(0, Math.min(100, l.overall))}%)`;
    prev = l.overall;
  }
  return { el, update };
}
