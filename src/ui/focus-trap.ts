// Dialog focus for the DOM overlay (WAI-ARIA dialog pattern): when a dialog opens it takes focus, Tab
// and Shift+Tab stay inside it, Escape closes it where closing is safe, and on closing focus goes back
// to where it was (or to a fallback when that element is gone). Used by the debrief, the Odds and Tweak
// panels, the Saves dialog and the error panel; the confirmation modal and the glossary keep their own.

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The elements Tab can reach inside a container, in order (visible ones only). */
export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => e.getClientRects().length > 0 && !e.closest('[hidden]'));
}

export interface Trap {
  /** Gives focus back (to where it was when the trap began, or `fallback`) and stops trapping. */
  release(options?: { restore?: boolean }): void;
}

/**
 * Traps focus inside `root` until released. `first` (or the first focusable) takes focus now; `onEscape`
 * runs on Escape (leave it out where closing is not safe).
 */
export function trapFocus(root: HTMLElement, options: { first?: HTMLElement | null; onEscape?: () => void; fallback?: () => HTMLElement | null } = {}): Trap {
  const before = document.activeElement as HTMLElement | null;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && options.onEscape) {
      e.preventDefault();
      e.stopPropagation();
      options.onEscape();
      return;
    }
    if (e.key !== 'Tab') return;
    const list = focusables(root);
    if (list.length === 0) {
      e.preventDefault();
      return;
    }
    const i = list.indexOf(document.activeElement as HTMLElement);
    if (e.shiftKey && (i <= 0 || i === -1)) {
      e.preventDefault();
      list[list.length - 1]!.focus();
    } else if (!e.shiftKey && (i === list.length - 1 || i === -1)) {
      e.preventDefault();
      list[0]!.focus();
    }
  };
  root.addEventListener('keydown', onKey);
  // Focus that lands outside (a click on the page behind) is brought back on the next Tab by onKey.
  const first = options.first ?? focusables(root)[0] ?? root;
  if (first === root && !root.hasAttribute('tabindex')) root.tabIndex = -1;
  first.focus({ preventScroll: true });
  let done = false;
  return {
    release({ restore = true } = {}) {
      if (done) return;
      done = true;
      root.removeEventListener('keydown', onKey);
      if (!restore) return;
      const back = before && before.isConnected && before.getClientRects().length > 0 ? before : (options.fallback?.() ?? null);
      back?.focus({ preventScroll: true });
    },
  };
}
