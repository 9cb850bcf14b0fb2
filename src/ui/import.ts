// Opening replays: from a file (the menu's picker, or a .json dropped anywhere on the page) or from a
// share link's fragment. The text is parsed (parseReplay), the bundled scenario with the replay's id is
// found in the catalogue, and the store opens the viewer. Every failure — not a replay, a newer format,
// an unknown scenario — becomes a notice; the game in the store is left as it was.
import { parseReplay, type Replay, type ReplayRead, type ScenarioReader } from '../store/files';
import type { SessionStore } from '../store/session';
import { h } from './dom';
import { notify } from './notice';

export interface ReplayOpener {
  /** Opens a replay already read (on `day` when given); returns an error text (also shown as a notice), or null. */
  open(read: ReplayRead, from: string, day?: number): string | null;
  /** Reads and opens a file. */
  openFile(file: File): Promise<string | null>;
}

/** Where replays go once opened: `onOpened` mounts the map and remembers the replay for sharing. */
export function createOpener(store: SessionStore, reader: ScenarioReader, onOpened: (replay: Replay) => void): ReplayOpener {
  function fail(from: string, error: string): string {
    // The reason first (the notice capitalises its first letter), then the file as the player named it.
    notify(store, `This replay could not be opened`, `${error} (${from})`);
    return error;
  }

  function open(read: ReplayRead, from: string, day?: number): string | null {
    if (!read.ok) return fail(from, read.error);
    const replay = read.replay;
    const entry = store.getState().catalogue.find((c) => c.id === replay.scenario.id && !c.error);
    if (!entry) return fail(from, `it is for the scenario '${replay.scenario.id}', which this build of Brink does not include`);
    const err = store.getState().openReplay(replay, entry.file, reader, day);
    if (err) return fail(from, err);
    onOpened(replay);
    return null;
  }

  async function openFile(file: File): Promise<string | null> {
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      return fail(file.name, `the file cannot be read (${(e as Error).message})`);
    }
    return open(parseReplay(text), file.name);
  }

  return { open, openFile };
}

/** A hidden file input of the given kind that hands the chosen file to `opener`, and the function that opens it. */
export function hiddenPicker(opener: { openFile(f: File): unknown }, accept: string, cls: string, label: string) {
  const input = h('input', { type: 'file', accept, class: cls, 'aria-label': label, hidden: true });
  input.addEventListener('change', () => {
    const f = input.files?.[0];
    input.value = '';
    if (f) void opener.openFile(f);
  });
  return { input, pick: () => input.click() };
}

/** A hidden file input for .json replays, and the function that opens the picker. */
export function createFilePicker(opener: ReplayOpener) {
  return hiddenPicker(opener, '.json,application/json', 'replay-file', 'Replay file');
}

const hasFiles = (e: DragEvent) => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');

/** Drag and drop of a file anywhere on the page (to `opener`), with a full-page drop target while dragging. */
export function installDrop(opener: ReplayOpener, root: HTMLElement = document.body, text = { title: 'Drop a replay to open it', sub: 'A Brink replay file (.json), saved from the game or recorded with the command line' }): () => void {
  const overlay = h('div', { class: 'drop-zone', hidden: true, 'aria-hidden': 'true' }, h('div', { class: 'drop-box' }, h('div', { class: 'drop-title' }, text.title), h('div', { class: 'drop-sub' }, text.sub)));
  root.appendChild(overlay);
  let depth = 0;
  const hide = () => {
    depth = 0;
    overlay.hidden = true;
  };
  const onEnter = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth++;
    overlay.hidden = false;
  };
  const onOver = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer!.dropEffect = 'copy';
  };
  const onLeave = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay.hidden = true;
  };
  const onDrop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    hide();
    const f = e.dataTransfer!.files[0];
    if (f) void opener.openFile(f);
  };
  window.addEventListener('dragenter', onEnter);
  window.addEventListener('dragover', onOver);
  window.addEventListener('dragleave', onLeave);
  window.addEventListener('drop', onDrop);
  return () => {
    window.removeEventListener('dragenter', onEnter);
    window.removeEventListener('dragover', onOver);
    window.removeEventListener('dragleave', onLeave);
    window.removeEventListener('drop', onDrop);
    overlay.remove();
  };
}
