// A small transient message ("Link copied (1,234 characters)") at the bottom of the screen: one at a
// time, announced politely to screen readers, gone after a few seconds. Text only, never HTML.
import { h } from './dom';

let el: HTMLElement | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

/** Shows a toast for `ms` milliseconds, replacing any toast already shown. */
export function toast(text: string, ms = 3200): void {
  if (!el) {
    el = h('div', { class: 'toast', role: 'status', 'aria-live': 'polite' });
    document.body.appendChild(el);
  }
  el.textContent = text;
  el.classList.remove('on');
  void el.offsetWidth; // restart the entrance transition
  el.classList.add('on');
  if (timer !== null) clearTimeout(timer);
  timer = setTimeout(() => el?.classList.remove('on'), ms);
}
