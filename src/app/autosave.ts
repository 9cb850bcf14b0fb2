// Autosave: after every day played (and when a game starts, resumes or plays on from a replay) the game
// is written to localStorage as a replay; a replay being watched is never saved. A finished game's save
// is kept, so a reload still shows its debrief; starting another game replaces it. A write that fails
// (storage full or refused) becomes a notice, once per distinct error.
import { writeSave } from '../store/saves';
import type { Session, SessionStore } from '../store/session';
import { notify } from '../ui/notice';
import { storage } from '../ui/saves';

/** Writes the save whenever the game moves on (not while a replay is watched); returns a function that stops it. */
export function startAutosave(store: SessionStore): () => void {
  let lastError: string | null = null;
  const save = (s: Session) => {
    const st = storage();
    const replay = s.replay();
    if (!st || !replay || !s.file) return;
    const err = writeSave(st, { file: s.file, replay });
    if (err && err !== lastError) notify(store, 'Autosave failed', err);
    lastError = err;
  };
  return store.subscribe((s, prev) => {
    if (s.viewer || !s.game || !s.file) return;
    if (s.days !== prev.days || prev.viewer !== null || s.game !== prev.game) save(s);
  });
}
