// The boot screen: the title and a progress bar over the loading steps (fonts, scenarios, map engine).
import { h } from './dom';

export function createBoot() {
  const fill = h('div', { class: 'boot-fill' });
  const label = h('div', { class: 'boot-label mono' }, 'Loading');
  const el = h(
    'div',
    { class: 'screen boot', 'aria-label': 'Loading', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0 },
    h('div', { class: 'boot-inner' }, h('div', { class: 'logo' }, 'BRINK'), h('div', { class: 'boot-sub' }, 'A crisis on the brink of war'), h('div', { class: 'boot-bar' }, fill), label),
  );
  function progress(fraction: number, text: string): void {
    const p = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
    fill.style.width = `${p}%`;
    el.setAttribute('aria-valuenow', String(p));
    label.textContent = text;
  }
  return { el, progress };
}
