// Tabs for the play screen's side column: one panel shown at a time (the feed, the tension chart, the
// pairs, "why?"), chosen by a tab strip that follows the ARIA tabs pattern (arrow keys move between
// tabs). Panels can be added and removed as the screen changes (the feed joins while a role is played).
import { h, replace } from './dom';

export interface Tab {
  id: string;
  label: string;
  el: HTMLElement;
}

export function createSideTabs(onShow: (id: string) => void = () => {}) {
  const strip = h('div', { class: 'side-tabs-strip', role: 'tablist', 'aria-label': 'Side panels' });
  const body = h('div', { class: 'side-tabs-body' });
  const el = h('div', { class: 'panel side-tabs' }, strip, body);
  let tabs: Tab[] = [];
  let current = '';
  const buttons = new Map<string, HTMLButtonElement>();

  function show(id: string, focus = false): void {
    if (!tabs.some((t) => t.id === id)) return;
    current = id;
    for (const t of tabs) {
      const on = t.id === id;
      t.el.hidden = !on;
      const b = buttons.get(t.id)!;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
      b.classList.toggle('on', on);
      if (on && focus) b.focus();
    }
    onShow(id);
  }

  /** Sets the tabs (in order); keeps the current one when it is still there, else shows `fallback`. */
  function set(list: Tab[], fallback: string): void {
    const same = list.length === tabs.length && list.every((t, i) => t.id === tabs[i]!.id);
    if (same) return;
    tabs = list;
    buttons.clear();
    const made = list.map((t) => {
      const b = h('button', { class: 'side-tab', role: 'tab', id: `tab-${t.id}`, 'aria-controls': `tabpanel-${t.id}`, onclick: () => show(t.id) }, t.label);
      b.addEventListener('keydown', (e) => {
        const i = tabs.findIndex((x) => x.id === t.id);
        const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null;
        if (next === null) return;
        e.preventDefault();
        show(tabs[(next + tabs.length) % tabs.length]!.id, true);
      });
      buttons.set(t.id, b);
      t.el.id = `tabpanel-${t.id}`;
      t.el.setAttribute('role', 'tabpanel');
      t.el.setAttribute('aria-labelledby', `tab-${t.id}`);
      return b;
    });
    replace(strip, ...made);
    replace(body, ...list.map((t) => t.el));
    show(list.some((t) => t.id === current) ? current : fallback);
  }

  return { el, set, show, current: () => current };
}
