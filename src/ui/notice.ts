// Notices: the store's one message (a replay that cannot be opened, a save that cannot be used, an
// autosave that failed…) shown as a clear panel with a heading and a dismiss button — in the menu as a
// strip above the columns, in play as a banner over the map. The heading is remembered per message here.
import type { SessionStore } from '../store/session';
import { h } from './dom';

const titles = new Map<string, string>();

/** Sets the store's notice with a heading ("This replay could not be opened"). */
export function notify(store: SessionStore, title: string, text: string): void {
  titles.set(text, title);
  store.getState().setNotice(text);
}

/** A notice panel bound to the store's notice; `variant` picks the menu strip or the play banner. */
export function createNotice(store: SessionStore, variant: 'menu' | 'banner') {
  const title = h('div', { class: 'notice-title' });
  const text = h('div', { class: 'notice-text' });
  const el = h(
    'div',
    { class: `notice notice-${variant}`, role: 'alert', hidden: true },
    h('span', { class: 'notice-ico', 'aria-hidden': 'true' }, '!'),
    h('div', { class: 'notice-body' }, title, text),
    h('button', { class: 'notice-close', 'aria-label': 'Dismiss the notice', onclick: () => store.getState().setNotice(null) }, '×'),
  );
  let shown: string | null = null;
  function update(notice: string | null): void {
    if (notice === shown) return;
    shown = notice;
    el.hidden = !notice;
    if (!notice) return;
    title.textContent = titles.get(notice) ?? 'Notice';
    text.textContent = notice.charAt(0).toUpperCase() + notice.slice(1);
  }
  return { el, update };
}
