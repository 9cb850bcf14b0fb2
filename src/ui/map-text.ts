// The map in words, for screen readers (the canvas cannot be read): the hottest pairs with their tension
// and band, and the units near a border with where they stand and how strong the viewer estimates them.
// The map area points at it (aria-describedby); it is redrawn once a day. A polite live region next to it
// reads each new day's events in short form.
import type { Session } from '../store/session';
import { pairs, units, visibleEvents } from '../store/selectors';
import { h, replace } from './dom';

const strength = (u: { low: number; high: number }): string => {
  const r = (v: number) => (v >= 1000 ? `${Math.round(v / 100) / 10}k` : String(Math.round(v)));
  return Math.round(u.low) === Math.round(u.high) ? `about ${r(u.low)}` : `${r(u.low)} to ${r(u.high)}`;
};

/** One line of an event for the live region: its text, cut at a sentence or 140 characters. */
function short(text: string): string {
  const first = text.split(/(?<=[.!?])\s/)[0] ?? text;
  return first.length > 140 ? `${first.slice(0, 137).replace(/\s+\S*$/, '')}…` : first;
}

export function createMapText() {
  const hot = h('ol', {});
  const near = h('ul', {});
  const el = h('section', { class: 'sr-only', id: 'map-text', 'aria-label': 'The map in words' }, h('h2', {}, 'The map in words'), h('h3', {}, 'Hottest pairs'), hot, h('h3', {}, 'Units near a border'), near);
  const live = h('div', { class: 'sr-only', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  let key = '';
  let lastDay = -1;
  function update(s: Session): void {
    const k = `${s.days.length}|${s.role}|${s.scenario?.data.meta.id}|${s.viewer?.cursor}`;
    if (k === key) return;
    key = k;
    const ps = pairs(s).filter((p) => p.counts).sort((a, b) => b.tension - a.tension).slice(0, 4);
    replace(hot, ...ps.map((p) => h('li', {}, `${p.label}: ${Math.round(p.tension)}, ${p.band.name.toLowerCase()}${Math.abs(p.delta) >= 0.5 ? ` (${p.delta > 0 ? 'up' : 'down'} ${Math.abs(p.delta).toFixed(1)} today)` : ''}`)));
    const us = units(s).filter((u) => u.active && u.border && u.border.km <= 100).sort((a, b) => a.border!.km - b.border!.km);
    replace(near, ...(us.length ? us.map((u) => h('li', {}, `${u.name} (${u.ownerName}${u.own ? ', yours' : ''}) at ${u.place}: ${strength(u.strength)} troops, ${Math.round(u.border!.km)} km from ${u.border!.name}`)) : [h('li', {}, 'None within 100 km.')]));
    // The live region: a new day's events, in short form (not when a game starts or a replay is scrubbed).
    const day = s.days.length - 1;
    if (day > 0 && day === lastDay + 1 && !s.viewer) {
      const events = visibleEvents(s, day).slice(0, 4).map((e) => short(e.text));
      live.textContent = `Day ${day}. ${events.join(' ') || 'A quiet day.'}`;
    }
    lastDay = day;
  }
  return { el, live, update };
}
