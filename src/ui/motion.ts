// Reduced motion: the store's flag follows the system's prefers-reduced-motion unless the player chose
// (remembered in localStorage under brink.motion), and the page's root gets the class reduced-motion so
// that CSS switches its transitions and animations off. The Phaser map reads the same flag.
import type { SessionStore } from '../store/session';

const KEY = 'brink.motion';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Remembers the player's choice (reduced or full motion). */
export function saveMotion(reduced: boolean): void {
  try {
    storage()?.setItem(KEY, reduced ? 'reduced' : 'full');
  } catch {
    // Storage refused: the choice lasts for this page only.
  }
}

/** Sets the store's flag from the saved choice or the system, follows the system's changes, and keeps the root's class. */
export function bindMotion(store: SessionStore): void {
  const mq = window.matchMedia('(prefers-reduced-motion: reduce)');
  const saved = () => {
    try {
      return storage()?.getItem(KEY) ?? null;
    } catch {
      return null;
    }
  };
  const apply = () => {
    const choice = saved();
    store.getState().setReducedMotion(choice === 'reduced' ? true : choice === 'full' ? false : mq.matches);
  };
  mq.addEventListener('change', apply);
  apply();
  const root = document.documentElement;
  root.classList.toggle('reduced-motion', store.getState().reducedMotion);
  store.subscribe((s) => root.classList.toggle('reduced-motion', s.reducedMotion));
}
