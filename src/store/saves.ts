// Saves in the browser: the game in progress is a replay (scenario, seed, role, orders, checkpoints),
// written to localStorage after every day. Writes go to a temporary key first and then replace the save,
// so a failed write (quota) keeps the last good save. Reading never throws: a corrupted, foreign or
// outdated save comes back as an error text.
import { parseReplay, type Replay, type ReplayRead } from '../sim/index';

export const SAVE_KEY = 'brink.save';
const TEMP_KEY = 'brink.save.next';

export interface SaveFile {
  /** The bundled scenario file the game was started from. */
  file: string;
  replay: Replay;
}

/** Writes the save; returns an error text when storage refused it (the previous save is kept). */
export function writeSave(storage: Storage, save: SaveFile): string | null {
  try {
    const text = JSON.stringify({ format: 'brink-save', version: 1, file: save.file, replay: save.replay });
    storage.setItem(TEMP_KEY, text);
    storage.setItem(SAVE_KEY, text);
    storage.removeItem(TEMP_KEY);
    return null;
  } catch (e) {
    try {
      storage.removeItem(TEMP_KEY);
    } catch {
      /* storage unusable: nothing more to clean */
    }
    return `the game could not be saved (${(e as Error).name === 'QuotaExceededError' ? 'storage is full' : (e as Error).message}); the last save is kept`;
  }
}

export type SaveRead = { ok: true; save: SaveFile } | { ok: false; error: string } | null;

/** The saved game, null when there is none, or an error for one that cannot be used. */
export function readSave(storage: Storage): SaveRead {
  let text: string | null;
  try {
    text = storage.getItem(SAVE_KEY);
  } catch {
    return null;
  }
  if (text === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'the saved game is damaged and cannot be read' };
  }
  const d = data as { format?: unknown; version?: unknown; file?: unknown; replay?: unknown };
  if (!d || typeof d !== 'object' || d.format !== 'brink-save') return { ok: false, error: 'the stored data is not a Brink save' };
  if (d.version !== 1) return { ok: false, error: `the save is version ${String(d.version)}, which this build cannot read` };
  if (typeof d.file !== 'string') return { ok: false, error: 'the save names no scenario file' };
  const r: ReplayRead = parseReplay(JSON.stringify(d.replay ?? null));
  if (!r.ok) return { ok: false, error: `the saved game cannot be used: ${r.error}` };
  return { ok: true, save: { file: d.file, replay: r.replay } };
}

export function clearSave(storage: Storage): void {
  try {
    storage.removeItem(SAVE_KEY);
  } catch {
    /* nothing to clear */
  }
}
