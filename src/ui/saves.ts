// Autosave and resume. After every day played (and when a game starts, resumes or plays on from a
// replay) the game is written to localStorage as a replay; a replay being watched is never saved. A
// finished game's save is kept, so a reload still shows its debrief; starting another game replaces it.
// The menu describes the save for its Resume button; a save that cannot be used becomes a notice.
import { readSave, writeSave, type SaveFile } from '../store/saves';
import type { CatalogueEntry, Session, SessionStore } from '../store/session';
import { notify } from './notice';

/** What the menu shows about the saved game. */
export interface SavedGame {
  save: SaveFile;
  title: string;
  day: number;
  roleName: string;
  /** The outcome's id when the game is over. */
  ended: string | null;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The saved game, null when there is none, or an error text for a save that cannot be used. */
export function savedGame(catalogue: CatalogueEntry[]): SavedGame | { error: string } | null {
  const st = storage();
  if (!st) return null;
  const r = readSave(st);
  if (!r) return null;
  if (!r.ok) return { error: r.error };
  const entry = catalogue.find((c) => c.file === r.save.file && !c.error);
  if (!entry) return { error: `its scenario file ${r.save.file} is not part of this build` };
  const role = r.save.replay.role;
  return {
    save: r.save,
    title: entry.title,
    day: r.save.replay.checkpoints.length,
    roleName: role === 'observer' ? 'Observer' : (entry.roles.find((x) => x.id === role)?.name ?? role),
    ended: r.save.replay.outcome?.id ?? null,
  };
}

/** "Allied Resolve 2022, day 12, Belarus". */
export function describeSave(g: SavedGame): string {
  return `${g.title}, day ${g.day}, ${g.roleName}`;
}

/** Writes the save whenever the game moves on (not while a replay is watched); notices on failure. */
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
