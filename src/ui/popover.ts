// A single popover anchored to an element (the feed's source cards): closes on Escape, on a click
// outside and when another opens. Content is built from DOM nodes, never HTML strings.
import { h } from './dom';

let open: { el: HTMLElement; anchor: HTMLElement; off: () => void } | null = null;

export function closePopover(): void {
  if (!open) return;
  open.off();
  open.el.remove();
  open.anchor.setAttribute('aria-expanded', 'false');
  open.anchor.focus({ preventScroll: true });
  open = null;
}

export function isPopoverFor(anchor: HTMLElement): boolean {
  return open?.anchor === anchor;
}

export function openPopover(anchor: HTMLElement, title: string, ...body: Node[]): void {
  closePopover();
  const close = h('button', { class: 'pop-close', 'aria-label': 'Close', onclick: () => closePopover() }, '×');
  const el = h('div', { class: 'popover', role: 'dialog', 'aria-label': title }, h('div', { class: 'pop-head' }, h('span', {}, title), close), ...body);
  document.body.appendChild(el);
  const r = anchor.getBoundingClientRect();
  const w = el.offsetWidth;
  const hh = el.offsetHeight;
  el.style.left = `${Math.max(8, Math.min(window.innerWidth - w - 8, r.left))}px`;
  el.style.top = `${r.top - hh - 8 > 8 ? r.top - hh - 8 : Math.min(window.innerHeight - hh - 8, r.bottom + 8)}px`;
  anchor.setAttribute('aria-expanded', 'true');
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') closePopover();
  };
  const onDown = (e: MouseEvent) => {
    if (!(e.target instanceof Node) || (!el.contains(e.target) && !anchor.contains(e.target))) closePopover();
  };
  window.addEventListener('keydown', onKey);
  window.addEventListener('mousedown', onDown, true);
  open = { el, anchor, off: () => (window.removeEventListener('keydown', onKey), window.removeEventListener('mousedown', onDown, true)) };
  close.focus({ preventScroll: true });
}
