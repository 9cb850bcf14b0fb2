// Keyboard shortcuts during play: Space = next day, P = pause/resume autoplay, 1–3 = speed,
// Escape closes popovers (handled by the popover itself). Keys typed into text fields are left alone.
import type { SessionStore } from '../store/session';

export function bindKeyboard(store: SessionStore): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target as HTMLElement | null;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return;
    const s = store.getState();
    if (s.screen !== 'play' || !s.game) return;
    if (e.code === 'Space') {
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
