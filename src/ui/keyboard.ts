// Keyboard shortcuts during play: E = end the day (with the chosen card), Space = next day, P =
// pause/resume autoplay, 1–3 = speed. In the replay viewer: ← / → step a day, Home / End jump to either
// end, [ / ] jump to the previous / next mark of the timeline, Space (or P) plays and pauses (on the
// timeline's marks, ← → Home End move between the marks instead). Escape closes popovers (handled by the popover itself). On every
// screen, G opens the glossary and ? the list of keys (with the settings). Space and Enter on a focused
// control (a card, a tab, a button) press that control, never the day. Keys typed into text fields, and
// keys while a modal dialog (or the guided tour) is open, are left alone.
import type { SessionStore } from '../store/session';
import { openGlossary } from './glossary';
import { openKeysHelp } from './keys-help';
import { modalOpen } from './modal';
import { seekViewer, stepMark, stepViewer, toggleViewerPlay } from './replay-bar';

export function bindKeyboard(store: SessionStore): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || modalOpen()) return;
    const t = e.target as HTMLElement | null;
    const range = t instanceof HTMLInputElement && t.type === 'range';
    if (t && !range && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return;
    const s = store.getState();
    if ((e.key === 'g' || e.key === 'G') && !range && s.screen !== 'boot') {
      e.preventDefault();
      openGlossary();
      return;
    }
    if (e.key === '?' && s.screen !== 'boot') {
      e.preventDefault();
      openKeysHelp(store);
      return;
    }
    // Space on a focused control presses it (a card, a tab, a chip), as the platform does.
    const control = !!t && !range && t !== document.body && !!t.closest('button, a[href], summary, [role="button"], [role="radio"], [role="tab"], [role="checkbox"], [role="option"]');
    if (e.code === 'Space' && control) return;
    if (s.screen !== 'play' || !s.game) return;
    // The focused map takes its own keys (+ − arrows 0: zoom, pan, reset).
    if (t?.closest('.map-area') && /^(Arrow|\+|-|=|0)/.test(e.key)) return;
    if (s.viewer) {
      // The scrubber handles its own arrow keys (and Home/End) when focused; so does the row of marks, and
      // the comparison's list of what differed its ↑ ↓ Home End.
      const key = e.key;
      if (e.code === 'Space' || key === 'p' || key === 'P') toggleViewerPlay(store);
      else if (key === '[' || key === ']') stepMark(store, key === ']' ? 1 : -1);
      else if (range || (t?.closest('.rb-marks') && /^(Arrow|Home|End)/.test(key)) || (t?.closest('.cmp-lists') && /^(ArrowUp|ArrowDown|Home|End)$/.test(key))) return;
      else if (key === 'ArrowLeft') stepViewer(store, -1);
      else if (key === 'ArrowRight') stepViewer(store, 1);
      else if (key === 'Home') seekViewer(store, 0);
      else if (key === 'End') seekViewer(store, Infinity);
      else if (key === '1' || key === '2' || key === '3') s.setSpeed(Number(key) as 1 | 2 | 3);
      else return;
      e.preventDefault();
      return;
    }
    if (range) return;
    if (e.code === 'Space' || e.key === 'e' || e.key === 'E') {
      e.preventDefault();
      if (!s.game.outcome) s.nextDay();
    } else if (e.key === 'p' || e.key === 'P') {
      e.preventDefault();
      s.setAutoplay(!s.autoplay);
    } else if (e.key === '1' || e.key === '2' || e.key === '3') {
      e.preventDefault();
      s.setSpeed(Number(e.key) as 1 | 2 | 3);
    }
  };
  window.addEventListener('keydown', onKey, { capture: true });
  return () => window.removeEventListener('keydown', onKey, { capture: true });
}
