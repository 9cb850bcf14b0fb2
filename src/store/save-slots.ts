// Named saves ("slots") in the browser's storage, kept apart from the autosave (saves.ts, key brink.save,
// which Resume resumes): each named save is one key, brink.slot.<n>, holding its name, the scenario file,
// what it was saved from (a game, which loads to play on, or the replay viewer, which loads to watch on
// the day it showed) and the replay itself, notes included. List, write, rename, delete, and the export
// and import of every save (the autosave too) as one versioned "brink-saves" file. Nothing is lost: each
// write goes through a temporary key, so a refused write (storage full, storage refused) leaves the
// previous data as it was; a damaged entry is listed with its reason and never hides the others; an
// import merges, renaming on a clash ("name (2)") and skipping, with its reason, what it cannot use.
import { parseReplay, type Replay } from '../sim/index';
import type { CatalogueEntry } from './catalogue';
import { readSave, writeSave, type SaveFile } from './saves';

/** Each named save's key is this prefix and a number. */
export const SLOT_PREFIX = 'brink.slot.';
/** Where a write lands first (not a slot key: it never lists). */
export const SLOT_TEMP = 'brink.slot-next';
export const SLOT_FORMAT = 'brink-slot';
export const SLOT_VERSION = 1;
/** The export file's format and version. */
export const SAVES_FORMAT = 'brink-saves';
export const SAVES_VERSION = 1;
/** The longest name a save may have, in characters. */
export const NAME_MAX = 60;
/** The largest saves file read (far beyond any real export). */
const FILE_MAX = 50 * 1024 * 1024;
const SLOT_KEY = /^brink\.slot\.(\d{1,9})$/;

/** Saved from a game (loading it plays on) or from the replay viewer (loading it watches, on `day`). */
export type SlotKind = 'game' | 'replay';

export interface Slot {
  /** The number in its key. */
  id: string;
  name: string;
  /** The scenario file it plays on. */
  file: string;
  kind: SlotKind;
  /** A replay's day on screen when it was saved (null for a game). */
  day: number | null;
  /** When it was saved (ISO 8601). */
  savedAt: string;
  replay: Replay;
}

/** What a new save is made of. */
export type SlotInput = Pick<Slot, 'name' | 'file' | 'kind' | 'day' | 'replay'>;

/** A stored entry that cannot be used, with its name when that much can be read. */
export interface DamagedSlot {
  id: string;
  name: string | null;
  error: string;
}

export interface SlotList {
  slots: Slot[];
  damaged: DamagedSlot[];
  /** Why the storage could not be read (in full), or null. */
  error: string | null;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Storage refused: said in words, with what to do. */
export const NO_STORAGE = 'this browser gives the page no storage (a private window or a site setting can block it), so saves cannot be kept here';

/** A storage exception in words: full, refused, or otherwise failed. */
export function storageProblem(e: unknown): string {
  const err = e as { name?: unknown; message?: unknown } | null;
  const name = typeof err?.name === 'string' ? err.name : '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return 'the browser’s storage for this page is full — delete saves you no longer need (export them first to keep a copy)';
  if (name === 'SecurityError') return 'the browser refuses this page its storage (a private window or a site setting can block it)';
  return `the browser’s storage failed (${typeof err?.message === 'string' && err.message ? err.message : String(e)})`;
}

/** Why a name cannot be used (empty, too long, taken by another save), or null. `except` is the slot being renamed. */
export function nameError(name: string, slots: readonly Pick<Slot, 'id' | 'name'>[], except?: string): string | null {
  const n = name.trim();
  if (!n) return 'a save needs a name';
  if (n.length > NAME_MAX) return `a save’s name is at most ${NAME_MAX} characters (this one has ${n.length})`;
  const other = slotNamed(slots.filter((s) => s.id !== except), n);
  return other ? `a save named “${other.name}” already exists` : null;
}

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** The save that has this name (in any case), if one has. */
export function slotNamed<S extends Pick<Slot, 'name'>>(slots: readonly S[], name: string): S | undefined {
  return slots.find((s) => sameName(s.name, name));
}

/** `name`, or the first of "name (2)", "name (3)", … that no save has (within NAME_MAX). */
export function uniqueName(name: string, taken: readonly string[]): string {
  const n = name.trim().slice(0, NAME_MAX) || 'Save';
  if (!taken.some((t) => sameName(t, n))) return n;
  const base = n.replace(/ \(\d+\)$/, '');
  for (let i = 2; ; i++) {
    const tail = ` (${i})`;
    const cand = `${base.slice(0, NAME_MAX - tail.length).trimEnd()}${tail}`;
    if (!taken.some((t) => sameName(t, cand))) return cand;
  }
}

/** The keys of storage, or an error when it cannot be read. */
function keysOf(storage: Storage): string[] {
  const out: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k !== null) out.push(k);
  }
  return out;
}

/** A stored (or imported) entry checked: a slot, or why it cannot be used. */
function readEntry(data: unknown, id: string, stored: boolean): Result<Slot> & { name?: string | null } {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, error: 'damaged: it is not a save', name: null };
  const d = data as Record<string, unknown>;
  const name = typeof d.name === 'string' && d.name.trim() ? d.name.trim().slice(0, NAME_MAX) : null;
  const bad = (error: string) => ({ ok: false as const, error, name });
  if (stored && d.format !== SLOT_FORMAT) return bad('damaged: it is not a Brink save');
  if (stored && typeof d.version === 'number' && d.version > SLOT_VERSION) return bad(`saved by a newer Brink (save format version ${d.version}; this build reads version ${SLOT_VERSION})`);
  if (stored && d.version !== SLOT_VERSION) return bad('damaged: its version is missing');
  if (!name) return bad('damaged: it has no name');
  if (typeof d.file !== 'string' || !d.file) return bad('damaged: it names no scenario file');
  const kind = d.kind === undefined ? 'game' : d.kind;
  if (kind !== 'game' && kind !== 'replay') return bad(`damaged: unknown kind '${String(kind)}'`);
  const day = d.day === undefined || d.day === null ? null : d.day;
  if (day !== null && (typeof day !== 'number' || !Number.isInteger(day) || day < 0)) return bad('damaged: its day is not a whole number');
  const savedAt = typeof d.savedAt === 'string' && !Number.isNaN(Date.parse(d.savedAt)) ? d.savedAt : null;
  if (!savedAt) return bad('damaged: it has no date');
  const r = parseReplay(JSON.stringify(d.replay ?? null));
  if (!r.ok) return bad(`damaged: ${r.error}`);
  return { ok: true, value: { id, name, file: d.file, kind, day: kind === 'replay' ? day : null, savedAt, replay: r.replay } };
}

/** The stored form of a slot. */
function entryText(s: Omit<Slot, 'id'>): string {
  return JSON.stringify({ format: SLOT_FORMAT, version: SLOT_VERSION, name: s.name, file: s.file, kind: s.kind, day: s.day, savedAt: s.savedAt, replay: s.replay });
}

/** Every named save, newest first; the damaged ones apart, with their reasons. Never throws. */
export function listSlots(storage: Storage | null): SlotList {
  if (!storage) return { slots: [], damaged: [], error: NO_STORAGE };
  const slots: Slot[] = [];
  const damaged: DamagedSlot[] = [];
  let keys: string[];
  try {
    keys = keysOf(storage);
  } catch (e) {
    return { slots, damaged, error: storageProblem(e) };
  }
  let error: string | null = null;
  for (const k of keys) {
    const m = SLOT_KEY.exec(k);
    if (!m) continue;
    const id = m[1]!;
    let text: string | null;
    try {
      text = storage.getItem(k);
    } catch (e) {
      error = storageProblem(e);
      continue;
    }
    if (text === null) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      damaged.push({ id, name: null, error: 'damaged: it is not readable JSON' });
      continue;
    }
    const r = readEntry(data, id, true);
    if (r.ok) slots.push(r.value);
    else damaged.push({ id, name: r.name ?? null, error: r.error });
  }
  slots.sort((a, b) => b.savedAt.localeCompare(a.savedAt) || Number(b.id) - Number(a.id));
  damaged.sort((a, b) => Number(a.id) - Number(b.id));
  return { slots, damaged, error };
}

/** Writes `text` under `key` through the temporary key: on failure the key keeps what it held. */
function put(storage: Storage, key: string, text: string): string | null {
  try {
    storage.setItem(SLOT_TEMP, text);
    storage.setItem(key, text);
    storage.removeItem(SLOT_TEMP);
    return null;
  } catch (e) {
    try {
      storage.removeItem(SLOT_TEMP);
    } catch {
      /* storage unusable: nothing more to clean */
    }
    return storageProblem(e);
  }
}

/** The next free slot number (after every slot key, damaged ones too). */
function nextId(list: SlotList): string {
  const ids = [...list.slots, ...list.damaged].map((s) => Number(s.id));
  return String(ids.length ? Math.max(...ids) + 1 : 1);
}

/**
 * Stores a named save as new, or over the save `replace` (its id) when the player chose to replace it;
 * `now` is the time it is saved at (ISO). Refuses a name another save has. Returns the slot written.
 */
export function writeSlot(storage: Storage | null, input: SlotInput, now: string, replace?: string): Result<Slot> {
  if (!storage) return { ok: false, error: NO_STORAGE };
  const list = listSlots(storage);
  const name = input.name.trim();
  const err = nameError(name, list.slots, replace);
  if (err) return { ok: false, error: err };
  const id = replace !== undefined && list.slots.some((s) => s.id === replace) ? replace : nextId(list);
  const slot: Slot = { id, name, file: input.file, kind: input.kind, day: input.kind === 'replay' ? input.day : null, savedAt: now, replay: input.replay };
  const fail = put(storage, SLOT_PREFIX + id, entryText(slot));
  return fail ? { ok: false, error: `“${name}” could not be saved: ${fail}; your saves are as they were` } : { ok: true, value: slot };
}

/** Renames a save; an error text (a bad or taken name, a save that is gone, storage refused) or null. */
export function renameSlot(storage: Storage | null, id: string, name: string): string | null {
  if (!storage) return NO_STORAGE;
  const list = listSlots(storage);
  const slot = list.slots.find((s) => s.id === id);
  if (!slot) return 'that save is gone (deleted in another tab?)';
  const err = nameError(name, list.slots, id);
  if (err) return err;
  const fail = put(storage, SLOT_PREFIX + id, entryText({ ...slot, name: name.trim() }));
  return fail ? `“${slot.name}” could not be renamed: ${fail}` : null;
}

/** Deletes a save (a damaged one too); an error text or null. */
export function deleteSlot(storage: Storage | null, id: string): string | null {
  if (!storage) return NO_STORAGE;
  try {
    storage.removeItem(SLOT_PREFIX + id);
    return null;
  } catch (e) {
    return `the save could not be deleted: ${storageProblem(e)}`;
  }
}

/** Puts a deleted save back (undo), under its own number, or a new one if that is taken; a clash of names gets "name (2)". */
export function restoreSlot(storage: Storage | null, slot: Slot): Result<Slot> {
  if (!storage) return { ok: false, error: NO_STORAGE };
  const list = listSlots(storage);
  const free = !list.slots.some((s) => s.id === slot.id) && !list.damaged.some((s) => s.id === slot.id);
  const name = uniqueName(slot.name, list.slots.map((s) => s.name));
  const back: Slot = { ...slot, name, id: free ? slot.id : nextId(list) };
  const fail = put(storage, SLOT_PREFIX + back.id, entryText(back));
  return fail ? { ok: false, error: `“${slot.name}” could not be put back: ${fail}` } : { ok: true, value: back };
}

/** JSON with object keys sorted, so two equal replays compare equal as text. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** True when two replays are the same record (same run, same notes). */
export function sameReplay(a: Replay, b: Replay): boolean {
  return canonical(a) === canonical(b);
}

/** What an export holds. */
export interface SavesExport {
  /** The file's text. */
  text: string;
  /** Named saves written into it. */
  saves: number;
  /** Whether the autosave is in it. */
  autosave: boolean;
  /** Entries left out because they cannot be read, in words. */
  left: string[];
}

/** Every save (named ones and the autosave) as one "brink-saves" file; `now` is the export's time (ISO). */
export function exportSaves(storage: Storage | null, now: string): SavesExport {
  const list = listSlots(storage);
  const auto = storage ? readSave(storage) : null;
  const left = list.damaged.map((d) => `${d.name ? `“${d.name}”` : `save ${d.id}`}: ${d.error}`);
  if (auto && !auto.ok) left.push(`the autosave: ${auto.error}`);
  const autosave = auto?.ok ? { file: auto.save.file, replay: auto.save.replay } : null;
  const saves = list.slots.map((s) => ({ name: s.name, file: s.file, kind: s.kind, day: s.day, savedAt: s.savedAt, replay: s.replay }));
  const text = `${JSON.stringify({ format: SAVES_FORMAT, version: SAVES_VERSION, exported: now, autosave, saves }, null, 1)}\n`;
  return { text, saves: saves.length, autosave: autosave !== null, left };
}

/** One entry of an import's report. */
export interface ImportItem {
  /** The save's name in the file ("the autosave" for it). */
  name: string;
  /** What it is called here when that differs (a clash renamed it), or null. */
  as: string | null;
}

export interface ImportReport {
  imported: ImportItem[];
  skipped: { name: string; reason: string }[];
}

const NOT_SAVES = 'not a Brink saves file — a saves file is the .json that “Export all saves” downloads';

/** The scenario file a save plays on in this build: its own file, or the bundled file of its scenario's id; null when neither is here. */
export function fileInBuild(catalogue: readonly CatalogueEntry[], file: string, scenarioId: string): string | null {
  const ok = catalogue.filter((c) => !c.error);
  return ok.find((c) => c.file === file)?.file ?? ok.find((c) => c.id === scenarioId)?.file ?? null;
}

/**
 * Reads a "brink-saves" file into storage, merging with what is there. A name that is taken gets
 * "name (2)"; a save already here (the same record under the same kind) is skipped; so are damaged
 * entries and saves whose scenario this build lacks, each with its reason. The file's autosave becomes
 * this browser's autosave only when there is none; otherwise it is kept as a named save. One bad entry
 * never stops the others. An error (not a saves file, a newer version) when nothing can be read.
 */
export function importSaves(storage: Storage | null, text: string, catalogue: readonly CatalogueEntry[], now: string): Result<ImportReport> {
  if (!storage) return { ok: false, error: NO_STORAGE };
  if (text.length > FILE_MAX) return { ok: false, error: 'the file is too large to be a Brink saves file' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: text.includes(`"${SAVES_FORMAT}"`) ? 'the saves file is cut short or damaged — export it again' : NOT_SAVES };
  }
  const d = (data && typeof data === 'object' && !Array.isArray(data) ? data : {}) as Record<string, unknown>;
  if (d.format === 'brink-replay') return { ok: false, error: 'this is a replay, not a saves file — open it with “Open a replay…”' };
  if (d.format !== SAVES_FORMAT) return { ok: false, error: NOT_SAVES };
  if (typeof d.version === 'number' && d.version > SAVES_VERSION) return { ok: false, error: `this saves file is format version ${d.version}, made by a newer Brink; this build reads version ${SAVES_VERSION} — update Brink to import it` };
  if (d.version !== SAVES_VERSION) return { ok: false, error: 'the saves file is damaged: its version is missing' };
  if (!Array.isArray(d.saves)) return { ok: false, error: 'the saves file is damaged: it has no list of saves' };

  const report: ImportReport = { imported: [], skipped: [] };
  const list = listSlots(storage);
  if (list.error && list.slots.length === 0 && list.damaged.length === 0) return { ok: false, error: list.error };
  const here = [...list.slots];
  const auto = readSave(storage);

  /** Adds one checked save as a named save (or skips it, saying why). */
  const add = (label: string, s: Omit<Slot, 'id'>) => {
    const file = fileInBuild(catalogue, s.file, s.replay.scenario.id);
    if (!file) return report.skipped.push({ name: label, reason: `its scenario file ${s.file} is not part of this build` });
    const same = here.find((x) => x.kind === s.kind && x.day === s.day && sameReplay(x.replay, s.replay));
    if (same) return report.skipped.push({ name: label, reason: same.name === s.name ? 'it is already here' : `it is already here, as “${same.name}”` });
    const name = uniqueName(s.name, here.map((x) => x.name));
    const id = nextId({ slots: here, damaged: list.damaged, error: null });
    const slot: Slot = { ...s, id, name, file };
    const fail = put(storage, SLOT_PREFIX + id, entryText(slot));
    if (fail) return report.skipped.push({ name: label, reason: fail });
    here.push(slot);
    report.imported.push({ name: label, as: name === label ? null : name });
  };

  d.saves.forEach((entry, i) => {
    const r = readEntry(entry, '0', false);
    const label = r.ok ? r.value.name : (r.name ?? `entry ${i + 1}`);
    if (!r.ok) report.skipped.push({ name: label, reason: r.error });
    else add(label, r.value);
  });

  if (d.autosave !== null && d.autosave !== undefined) {
    const a = d.autosave as { file?: unknown; replay?: unknown };
    const r = parseReplay(JSON.stringify(a?.replay ?? null));
    const label = 'the autosave';
    if (!r.ok || typeof a.file !== 'string') report.skipped.push({ name: label, reason: `damaged: ${r.ok ? 'it names no scenario file' : r.error}` });
    else {
      const file = fileInBuild(catalogue, a.file, r.replay.scenario.id);
      if (!file) report.skipped.push({ name: label, reason: `its scenario file ${a.file} is not part of this build` });
      else if (auto === null) {
        // No autosave here: it becomes this browser's (what Resume resumes).
        const fail = writeSave(storage, { file, replay: r.replay } satisfies SaveFile);
        if (fail) report.skipped.push({ name: label, reason: fail });
        else report.imported.push({ name: label, as: null });
      } else if (auto.ok && sameReplay(auto.save.replay, r.replay)) report.skipped.push({ name: label, reason: 'it is the same as this browser’s autosave' });
      // This browser's autosave is never replaced: the file's is kept as a named save.
      else add(label, { name: 'Imported autosave', file, kind: 'game', day: null, savedAt: now, replay: r.replay });
    }
  }
  return { ok: true, value: report };
}

/** What the saves list says of a save: its scenario's title, the role's name, the day, how it ended. */
export interface SaveSummary {
  title: string;
  roleName: string;
  /** The day it stands on: a game's last day, or the day a replay was watched on. */
  day: number;
  /** The days recorded. */
  days: number;
  /** The ending (its day and name), or null while the game runs on. */
  ended: { day: number; name: string } | null;
  /** Why it cannot be loaded in this build (its scenario is missing), or null. */
  problem: string | null;
}

/** A save described from the catalogue (no scenario is parsed): `day` is a replay's day on screen, null for a game. */
export function summarise(catalogue: readonly CatalogueEntry[], file: string, replay: Replay, day: number | null = null): SaveSummary {
  const inBuild = fileInBuild(catalogue, file, replay.scenario.id);
  const entry = catalogue.find((c) => c.file === inBuild);
  const days = replay.checkpoints.length;
  const role = replay.role === 'observer' ? 'Observer' : (entry?.roles.find((r) => r.id === replay.role)?.name ?? replay.role);
  const o = replay.outcome;
  return {
    title: entry?.title ?? replay.scenario.id,
    roleName: role,
    day: day === null ? days : Math.min(day, days),
    days,
    ended: o ? { day: o.turn, name: entry?.outcomes?.find((x) => x.id === o.id)?.name ?? o.id } : null,
    problem: inBuild ? null : `its scenario file ${file} is not part of this build`,
  };
}
