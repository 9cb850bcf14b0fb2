// Named saves, wired: the Saves dialog's actions on the browser's storage (src/store/save-slots.ts) and
// on the game. "Save as" keeps the game being played, or the replay being watched (its notes and the day
// on screen), under a name, asking before it replaces a save of that name. Loading a game's save resumes
// it (asking first when that replaces an unfinished game as the autosave); loading a replay's save opens
// it in the viewer on its day. Export downloads every save as one file; import merges one back.
import type { Replay, ScenarioReader } from '../sim/index';
import { clearSave, readSave, writeSave, type SaveFile } from '../store/saves';
import {
  deleteSlot,
  exportSaves,
  importSaves,
  listSlots,
  NO_STORAGE,
  renameSlot,
  restoreSlot,
  sameReplay,
  slotNamed,
  summarise,
  uniqueName,
  writeSlot,
  type SlotInput,
} from '../store/save-slots';
import type { SessionStore } from '../store/session';
import { downloadText } from '../ui/download';
import { confirmModal } from '../ui/modal';
import { openSaves, summaryLine, type SavesApi, type SavesView } from '../ui/saves-dialog';
import { describeSave, savedGame, storage } from '../ui/saves';
import type { Sharing } from './sharing';

export interface SaveSlotsDeps {
  store: SessionStore;
  reader: ScenarioReader;
  sharing: Sharing;
  /** Readies the play screen (mounts the map, clears the pick). */
  enter(): void;
  /** A replay opened in the viewer: shared, and play begins. */
  watch(replay: Replay): void;
  /** The autosave changed (deleted, put back, imported): the menu's Resume card follows. */
  changed(): void;
}

const now = () => new Date().toISOString();

export function installSaveSlots({ store, reader, sharing, enter, watch, changed }: SaveSlotsDeps) {
  const catalogue = () => store.getState().catalogue;

  /** What Save as keeps now: the game played, or the replay watched with its notes and day; null on the menu. */
  function input(): (SlotInput & { what: string }) | null {
    const s = store.getState();
    const replay = s.replay();
    if (s.screen === 'menu' || !replay || !s.file) return null;
    const sum = summarise(catalogue(), s.file, replay);
    const taken = listSlots(storage()).slots.map((x) => x.name);
    if (s.viewer) {
      const day = s.viewer.cursor;
      return { what: `this replay (day ${day})`, name: uniqueName(`Replay: ${sum.roleName}, day ${day}`, taken), file: s.file, kind: 'replay', day, replay };
    }
    return { what: 'this game', name: uniqueName(`${sum.roleName}, day ${sum.day}`, taken), file: s.file, kind: 'game', day: null, replay };
  }

  function read(): SavesView {
    const st = storage();
    const list = listSlots(st);
    const auto = st ? readSave(st) : null;
    return {
      autosave: auto === null ? null : auto.ok ? { summary: summarise(catalogue(), auto.save.file, auto.save.replay) } : { error: auto.error },
      slots: list.slots.map((slot) => ({ slot, summary: summarise(catalogue(), slot.file, slot.replay, slot.day) })),
      damaged: list.damaged,
      error: list.error,
    };
  }

  async function saveAs(name: string): Promise<string | null> {
    const what = input();
    if (!what) return 'there is no game to save';
    const st = storage();
    const clash = slotNamed(listSlots(st).slots, name);
    if (clash) {
      const line = summaryLine(summarise(catalogue(), clash.file, clash.replay, clash.day), clash.kind === 'replay');
      if (!(await confirmModal({ title: `Replace “${clash.name}”?`, text: `A save of that name holds ${line}. Saving replaces it with ${what.what}.`, ok: 'Replace', cancel: 'Keep it' }))) return 'cancelled';
    }
    const r = writeSlot(st, { ...what, name }, now(), clash?.id);
    return r.ok ? null : r.error;
  }

  /** The autosave, when it holds an unfinished game with days to lose that `replay` is not. */
  function replacesUnfinished(replay: Replay) {
    const g = savedGame(catalogue());
    return g && !('error' in g) && !g.ended && g.day > 0 && !sameReplay(g.save.replay, replay) ? g : null;
  }

  async function load(id: string): Promise<{ ok: true } | { ok: false; error: string | null }> {
    const st = storage();
    let save: SaveFile & { kind: 'game' | 'replay'; day: number | null };
    if (id === 'autosave') {
      const a = st ? readSave(st) : null;
      if (!a?.ok) return { ok: false, error: a ? a.error : 'there is no autosave' };
      save = { ...a.save, kind: 'game', day: null };
    } else {
      const slot = listSlots(st).slots.find((s) => s.id === id);
      if (!slot) return { ok: false, error: 'that save is gone (deleted in another tab?)' };
      save = slot;
    }
    const sum = summarise(catalogue(), save.file, save.replay);
    if (sum.problem) return { ok: false, error: sum.problem };
    const file = catalogue().find((c) => !c.error && (c.file === save.file || c.id === save.replay.scenario.id))!.file;
    if (save.kind === 'replay') {
      const err = store.getState().openReplay(save.replay, file, reader, save.day ?? undefined);
      if (err) return { ok: false, error: err };
      watch(save.replay);
      return { ok: true };
    }
    const g = id === 'autosave' ? null : replacesUnfinished(save.replay);
    if (g && !(await confirmModal({ title: 'Load this save?', text: `Your game in progress, ${describeSave(g)}, stops being the autosave. Save it under a name first to keep it.`, ok: 'Load', cancel: 'Cancel' }))) return { ok: false, error: null };
    const err = store.getState().resume(save.replay, file, reader);
    if (err) return { ok: false, error: err };
    enter();
    sharing.play();
    return { ok: true };
  }

  function remove(id: string): { error: string } | { undo: () => string | null } {
    const st = storage();
    if (!st) return { error: NO_STORAGE };
    if (id === 'autosave') {
      const a = readSave(st);
      clearSave(st);
      changed();
      return {
        undo: () => {
          if (!a?.ok) return 'an autosave that could not be used cannot be put back';
          const err = writeSave(st, a.save);
          changed();
          return err;
        },
      };
    }
    const slot = listSlots(st).slots.find((s) => s.id === id);
    const err = deleteSlot(st, id);
    if (err) return { error: err };
    return {
      undo: () => {
        if (!slot) return 'a damaged save cannot be put back';
        const r = restoreSlot(st, slot);
        return r.ok ? null : r.error;
      },
    };
  }

  function exportAll(): string {
    const e = exportSaves(storage(), now());
    const name = `brink-saves-${now().slice(0, 10)}.json`;
    downloadText(name, e.text, 'application/json');
    const n = `${e.saves} named save${e.saves === 1 ? '' : 's'}${e.autosave ? ' and the autosave' : ''}`;
    return `Exported ${n} to ${name}.${e.left.length ? ` Left out, as they cannot be read: ${e.left.join('; ')}.` : ''}`;
  }

  function importText(text: string): ReturnType<SavesApi['importText']> {
    const r = importSaves(storage(), text, catalogue(), now());
    if (!r.ok) return { error: r.error };
    if (r.value.imported.some((i) => i.name === 'the autosave' && !i.as)) changed();
    return { report: r.value };
  }

  const api: SavesApi = {
    read,
    current: () => {
      const i = input();
      return i ? { what: i.what, name: i.name } : null;
    },
    saveAs,
    load,
    rename: (id, name) => renameSlot(storage(), id, name),
    remove,
    exportAll,
    importText,
  };

  return {
    /** Opens the Saves dialog (with Save as when a game or a replay is on screen). */
    open: () => {
      store.getState().setAutoplay(false);
      if (store.getState().viewer?.playing) store.getState().setViewerPlaying(false);
      openSaves(api);
    },
  };
}
