// The saved game as the menu and the flow see it: read from localStorage and described for the menu's
// Resume button ("Allied Resolve 2022, day 12, Belarus"), or an error text for a save that cannot be
// used (which becomes a notice). The save is written by autosave (src/app/autosave.ts).
import { readSave, type SaveFile } from '../store/saves';
import type { CatalogueEntry } from '../store/session';

/** What the menu shows about the saved game. */
export interface SavedGame {
  save: SaveFile;
  title: string;
  day: number;
  roleName: string;
  /** The outcome's id when the game is over. */
  ended: string | null;
}

/** The page's localStorage, or null where it is refused. */
export function storage(): Storage | null {
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
