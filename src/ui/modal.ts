// A small modal dialog for confirmations ("Leave this game?"): a DOM dialog over a dimmed page, focus on
// the safe choice, Escape or a click outside cancels. Resolves true for the confirming button. Other
// modal layers (the glossary, the guided tour) say they are open with holdModal, so that modalOpen()
// keeps the game's keyboard shortcuts aside for them too.
import { trapFocus } from './focus-trap';
import { h } from './dom';

export interface ConfirmOptions {
  title: string;
  text: string;
  /** The confirming button's label (e.g. "Leave"). */
  ok: string;
  /** The cancelling button's label (e.g. "Stay"). */
  cancel: string;
}

let current: ((v: boolean) => void) | null = null;

/** Asks a question in a modal; resolves true when confirmed, false when cancelled. */
export function confirmModal(o: ConfirmOptions): Promise<boolean> {
  current?.(false);
  return new Promise((resolve) => {
    const before = document.activeElement as HTMLElement | null;
    const done = (v: boolean) => {
      if (current !== finish) return;
      current = null;
      window.removeEventListener('keydown', onKey, true);
      back.remove();
      before?.focus?.({ preventScroll: true });
      resolve(v);
    };
    const finish = done;
    const okBtn = h('button', { class: 'btn primary', 'data-modal': 'ok', onclick: () => done(true) }, o.ok);
    const cancelBtn = h('button', { class: 'btn ghost', 'data-modal': 'cancel', onclick: () => done(false) }, o.cancel);
    const title = h('h2', { class: 'modal-title', id: 'modal-title' }, o.title);
    const box = h('div', { class: 'modal', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'modal-title', 'aria-describedby': 'modal-text' }, title, h('p', { class: 'modal-text', id: 'modal-text' }, o.text), h('div', { class: 'modal-actions' }, cancelBtn, okBtn));
    const back = h('div', { class: 'modal-back' }, box);
    back.addEventListener('mousedown', (e) => {
      if (e.target === back) done(false);
    });
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        done(false);
      } else if (e.key === 'Tab') {
        // Keep focus inside the dialog.
        e.preventDefault();
        (document.activeElement === okBtn ? cancelBtn : okBtn).focus();
      }
    };
    current = finish;
    window.addEventListener('keydown', onKey, true);
    document.body.appendChild(back);
    cancelBtn.focus({ preventScroll: true });
  });
}

/** Other modal layers open now (the glossary, the guided tour). */
let held = 0;

/** Marks another modal layer as open until the returned release is called (calling it again does nothing). */
export function holdModal(): () => void {
  held++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held--;
  };
}

/** Where a kind of dialog keeps the close of the one open (one of each kind at a time). */
export interface DialogSlot {
  close: (() => void) | null;
}

/**
 * Shows a dialog: its backdrop `back` goes on the page, the game's keys stand aside, and focus is trapped
 * in `box` from `first` (Esc closes; focus goes back where it was). Returns the close, which also frees
 * the slot; calling it again, or after another dialog took the slot, does nothing.
 */
export function showDialog(slot: DialogSlot, back: HTMLElement, box: HTMLElement, first: HTMLElement | null): () => void {
  const release = holdModal();
  document.body.appendChild(back);
  const close = (): void => {
    if (slot.close !== close) return;
    slot.close = null;
    back.remove();
    release();
    trap.release();
  };
  const trap = trapFocus(box, { first, onEscape: close });
  slot.close = close;
  return close;
}

/** True while a modal is open (the game's keyboard shortcuts stand aside). */
export function modalOpen(): boolean {
  return current !== null || held > 0;
}
