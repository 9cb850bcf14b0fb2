// Custom tooltips: any element with data-tip shows a styled bubble on hover or keyboard focus (not the
// focus a click gives).
// (Tooltip text is set with textContent.)
export function installTooltips(root: HTMLElement = document.body): void {
  const tip = document.createElement('div');
  tip.className = 'tooltip';
  tip.setAttribute('role', 'tooltip');
  // Out of the accessibility tree while it shows nothing (an empty tooltip has no name).
  tip.setAttribute('aria-hidden', 'true');
  root.appendChild(tip);
  let current: HTMLElement | null = null;

  const show = (target: HTMLElement) => {
    const text = target.dataset.tip;
    if (!text) return;
    current = target;
    tip.textContent = text;
    tip.classList.add('on');
    tip.removeAttribute('aria-hidden');
    const r = target.getBoundingClientRect();
    const tw = tip.offsetWidth;
    const th = tip.offsetHeight;
    let left = r.left + r.width / 2 - tw / 2;
    left = Math.max(6, Math.min(window.innerWidth - tw - 6, left));
    let top = r.bottom + 8;
    if (top + th > window.innerHeight - 6) top = r.top - th - 8;
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  };
  const hide = () => {
    current = null;
    tip.classList.remove('on');
    tip.setAttribute('aria-hidden', 'true');
  };
  const find = (e: Event) => (e.target instanceof Element ? (e.target.closest('[data-tip]') as HTMLElement | null) : null);

  root.addEventListener('mouseover', (e) => {
    const t = find(e);
    if (t && t !== current) show(t);
    else if (!t && current) hide();
  });
  // Keyboard focus only: a click also focuses its button, and the bubble would come back over what the
  // click opened (and stay while the pointer rests).
  root.addEventListener('focusin', (e) => {
    const t = find(e);
    if (t && e.target instanceof Element && e.target.matches(':focus-visible')) show(t);
  });
  root.addEventListener('focusout', hide);
  root.addEventListener('mousedown', hide);
  window.addEventListener('scroll', hide, true);
}
