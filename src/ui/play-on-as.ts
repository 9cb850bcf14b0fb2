// "Play on from day 12 as…": the replay viewer's dialog for leaving the replay and playing on from the day
// shown as another role. It says what is kept (the days so far, as the role that held the seat played
// them) and what changes (from the next day the new role gives the orders, and the AI plays the role that
// held the seat), then lists the other playable roles with their goals, and the observer. A modal dialog
// with the focus-trap.ts rules.
import type { SessionStore } from '../store/session';
import { playOnOffer } from '../store/play-on';
import { h } from './dom';
import { showDialog, type DialogSlot } from './modal';

/** The dialog open now (one at a time). */
const slot: DialogSlot = { close: null };

/** Opens the dialog for the day shown; `pick` plays on as the role chosen. Returns a function that closes it. */
export function openPlayOnAs(store: SessionStore, pick: (role: string) => void): () => void {
  slot.close?.();
  const offer = playOnOffer(store.getState());
  if (!offer) return () => {};
  const { day, name } = offer;
  const next = day + 1;
  const kept = day === 0 ? 'Nothing has been played yet.' : offer.role === 'observer' ? `Days 1–${day} stay as they were played, with no one’s orders.` : `Days 1–${day} stay as ${name} played them, with its orders.`;
  const then = offer.role === 'observer' ? `From day ${next} you give the orders of the role you pick.` : `From day ${next} you give the orders of the role you pick, and the AI plays ${name}.`;
  const buttons = offer.choices.map((c) =>
    h(
      'li',
      {},
      h(
        'button',
        // Named by what it shows (the role and its goal): the dialog's title says "Play on from day N as…".
        { class: 'btn poa-role', type: 'button', 'data-role': c.id, onclick: () => choose(c.id) },
        h('span', { class: 'poa-name' }, c.id === 'observer' ? 'Observer' : c.name),
        h('span', { class: 'poa-goal' }, c.id === 'observer' ? `Watch from day ${next}: the AI plays every actor.` : c.goal),
      ),
    ),
  );
  const box = h(
    'div',
    { class: 'modal poa-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'poa-title', 'aria-describedby': 'poa-text' },
    h('h2', { class: 'modal-title', id: 'poa-title' }, `Play on from day ${day} as…`),
    h('p', { class: 'modal-text poa-text', id: 'poa-text' }, `${kept} ${then} The same seed: the crisis is the one recorded up to day ${day}.`),
    h('ul', { class: 'poa-list', 'aria-label': 'Roles' }, ...buttons),
    h('div', { class: 'modal-actions' }, h('button', { class: 'btn ghost', type: 'button', onclick: () => close() }, 'Stay in the replay')),
  );
  const back = h('div', { class: 'modal-back' }, box);
  back.addEventListener('mousedown', (e) => {
    if (e.target === back) close();
  });
  function choose(role: string): void {
    close();
    pick(role);
  }
  const shut = showDialog(slot, back, box, box.querySelector<HTMLElement>('.poa-role'));
  function close(): void {
    shut();
  }
  return close;
}
