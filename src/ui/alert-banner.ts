// Alerts over the map (after HOI4's and DEFCON's): when a day changes the overall band, or brings a line
// that ends the game near (or across), a banner says so; autoplay has paused for it when alerts are on.
// "Play on" resumes, × dismisses, and a switch turns the pausing off (the banner still tells).
import type { Session, SessionStore } from '../store/session';
import { h, replace } from './dom';

export function createAlertBanner(store: SessionStore) {
  const head = h('div', { class: 'alert-title' });
  const list = h('ul', { class: 'alert-list' });
  const resume = h('button', { class: 'btn primary alert-resume', onclick: () => store.getState().setAutoplay(true) }, 'Play on');
  const toggle = h('input', { type: 'checkbox', class: 'alert-toggle', onchange: () => store.getState().setAlerts(toggle.checked) });
  const el = h(
    'div',
    { class: 'alert-banner', role: 'status', 'aria-live': 'polite', hidden: true },
    h('span', { class: 'alert-ico', 'aria-hidden': 'true' }, '⚑'),
    h('div', { class: 'alert-body' }, head, list, h('div', { class: 'alert-actions' }, resume, h('label', { class: 'alert-switch' }, toggle, ' Pause autoplay for alerts'))),
    h('button', { class: 'notice-close', 'aria-label': 'Dismiss the alert', onclick: () => store.getState().dismissAlert() }, '×'),
  );
  let shown: unknown = undefined;
  function update(s: Session): void {
    toggle.checked = s.alerts;
    const a = s.screen === 'play' && !s.viewer ? s.alert : null;
    if (a === shown) return;
    shown = a;
    el.hidden = !a;
    if (!a) return;
    head.textContent = a.title ?? (a.paused ? `Autoplay paused · day ${a.day}` : `Day ${a.day}`);
    resume.hidden = !a.paused;
    replace(list, ...a.text.map((t) => h('li', {}, t)));
  }
  return { el, update };
}
