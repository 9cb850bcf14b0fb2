// The keys, and the settings that go with them: a dialog listing every key of the game (opened with ?
// on any screen, or from the glossary), with two switches — reduce motion (also set by the system's
// prefers-reduced-motion) and pause autoplay for alerts. Focus moves in, Tab stays inside, Escape closes
// it, and focus goes back where it was.
import type { SessionStore } from '../store/session';
import { h } from './dom';
import { trapFocus } from './focus-trap';
import { holdModal } from './modal';
import { saveMotion } from './motion';

const KEYS: [string, string][] = [
  ['E', 'End the day with your chosen card (or hold)'],
  ['Space', 'Play the next day — or, on a focused card, tab or button, press it'],
  ['Enter', 'Press the focused card, tab or button'],
  ['P', 'Pause or resume autoplay (in a replay: play or pause it)'],
  ['1 2 3', 'Autoplay speed: slow, normal, fast'],
  ['← →', 'In a replay: step a day back or forward'],
  ['Home End', 'In a replay: the first or the last day'],
  ['[ ]', 'In a replay: the previous or the next mark on the timeline (turning point, band change, incident, move, note)'],
  ['Tab', 'Move between controls; inside a dialog it stays in the dialog'],
  ['Esc', 'Close a dialog, a popover or the controls sheet'],
  ['G', 'Open the glossary'],
  ['?', 'Show this list'],
  ['+ − ← ↑ → ↓ 0', 'On the focused map: zoom, pan, reset the view'],
];

let open: (() => void) | null = null;

/** Opens the keys dialog (closes it when it is open). */
export function openKeysHelp(store: SessionStore): void {
  if (open) return open();
  const s = store.getState();
  const motion = h('input', { type: 'checkbox', id: 'set-motion', onchange: () => { store.getState().setReducedMotion(motion.checked); saveMotion(motion.checked); } });
  motion.checked = s.reducedMotion;
  const alerts = h('input', { type: 'checkbox', id: 'set-alerts', onchange: () => store.getState().setAlerts(alerts.checked) });
  alerts.checked = s.alerts;
  const closeBtn = h('button', { class: 'btn primary', onclick: () => close() }, 'Close');
  const box = h(
    'div',
    { class: 'modal keys-help', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'keys-title' },
    h('h2', { class: 'modal-title', id: 'keys-title' }, 'Keys and settings'),
    h('table', { class: 'keys-table' }, h('tbody', {}, ...KEYS.map(([k, what]) => h('tr', {}, h('th', { scope: 'row' }, ...k.split(' ').map((x) => h('kbd', {}, x))), h('td', {}, what))))),
    h(
      'div',
      { class: 'keys-settings', role: 'group', 'aria-label': 'Settings' },
      h('label', { for: 'set-motion' }, motion, ' Reduce motion (no map animations or drifting bubbles)'),
      h('label', { for: 'set-alerts' }, alerts, ' Pause autoplay for alerts'),
    ),
    h('div', { class: 'modal-actions' }, closeBtn),
  );
  const back = h('div', { class: 'modal-back' }, box);
  back.addEventListener('mousedown', (e) => {
    if (e.target === back) close();
  });
  const release = holdModal();
  document.body.appendChild(back);
  const trap = trapFocus(box, { first: closeBtn, onEscape: () => close() });
  function close(): void {
    open = null;
    back.remove();
    release();
    trap.release();
  }
  open = close;
}
