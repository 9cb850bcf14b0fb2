// The Saves dialog (from the menu, and from the top bar in a game or the replay viewer): "Save this game
// as" a name (when opened from play), then every save — the autosave that Resume resumes, and the named
// saves with their scenario, day, role, ending and time — each with Load, Rename (in place) and Delete
// (with Undo), damaged entries with their reason, and Export all saves / Import saves… with a report of
// what came in and what was skipped, and why. It takes focus, keeps Tab inside, closes on Esc (a rename
// in progress is cancelled first) and gives focus back. What it does goes through `SavesApi`.
import type { DamagedSlot, ImportReport, SaveSummary, Slot } from '../store/save-slots';
import { NAME_MAX } from '../store/save-slots';
import { h, replace } from './dom';
import { trapFocus, type Trap } from './focus-trap';
import { icon } from './icons';
import { holdModal } from './modal';

/** The saves as the dialog lists them, read afresh each time. */
export interface SavesView {
  /** The autosave (what Resume resumes), an error text for one that cannot be used, or null. */
  autosave: { summary: SaveSummary } | { error: string } | null;
  slots: { slot: Slot; summary: SaveSummary }[];
  damaged: DamagedSlot[];
  /** Why the browser's storage could not be read (in full), or null. */
  error: string | null;
}

/** What the dialog may do; every method reports failure as text. */
export interface SavesApi {
  read(): SavesView;
  /** What "Save as" saves now ("this game", "this replay on day 7") and its suggested name, or null. */
  current(): { what: string; name: string } | null;
  /** Saves under a name (asking before replacing a save of that name): an error text, 'cancelled' (the player kept the other), or null. */
  saveAs(name: string): Promise<string | null>;
  /** Loads a save (a slot's id, or 'autosave'): ok when it loaded (the dialog closes); error null when the player cancelled. */
  load(id: string): Promise<{ ok: true } | { ok: false; error: string | null }>;
  rename(id: string, name: string): string | null;
  /** Deletes a save; on success, a function that puts it back (returning an error text or null). */
  remove(id: string): { error: string } | { undo: () => string | null };
  /** Downloads every save as one file; a message saying what it held. */
  exportAll(): string;
  /** Merges a saves file's text into the saves: what came in and what was skipped, or why nothing could. */
  importText(text: string): { error: string } | { report: ImportReport };
}

/** "Allied Resolve 2022 · day 12 of 40 · Belarus · ended on day 40: War". */
export function summaryLine(s: SaveSummary, replay: boolean): string {
  const day = replay ? `day ${s.day} of ${s.days}` : `day ${s.day}`;
  const ended = s.ended ? ` · ended on day ${s.ended.day}: ${s.ended.name}` : '';
  return `${s.title} · ${day} · ${s.roleName}${ended}`;
}

/** When a save was made, in the reader's terms ("1 Mar 2026, 14:02"). */
function savedWhen(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** The skipped and imported saves, in words. */
export function reportLines(r: ImportReport): { head: string; lines: string[] } {
  const n = (k: number, one: string) => `${k} ${one}${k === 1 ? '' : 's'}`;
  const head = r.imported.length === 0 && r.skipped.length === 0 ? 'The file holds no saves.' : `Imported ${n(r.imported.length, 'save')}${r.skipped.length ? `, skipped ${r.skipped.length}` : ''}.`;
  const lines = [
    ...r.imported.map((i) => (i.as ? `Imported “${i.name}” as “${i.as}” (the name was taken).` : i.name === 'the autosave' ? 'Imported the autosave: Resume in the menu carries on from it.' : `Imported “${i.name}”.`)),
    ...r.skipped.map((s) => `Skipped ${s.name === 'the autosave' ? 'the autosave' : `“${s.name}”`}: ${s.reason}.`),
  ];
  return { head, lines };
}

let openDialog: { close(): void } | null = null;

/** Opens the Saves dialog (closing one already open); focus goes back where it was when it closes. */
export function openSaves(api: SavesApi): void {
  openDialog?.close();
  const current = api.current();
  const status = h('div', { class: 'saves-status', role: 'status', 'aria-live': 'polite' });
  const list = h('ul', { class: 'saves-list', 'aria-label': 'Saves' });
  const closeBtn = h('button', { class: 'btn ghost saves-x', 'aria-label': 'Close', 'data-tip': 'Close (Esc)', onclick: () => close() }, icon('close'));

  let nameInput: HTMLInputElement | null = null;
  let saveForm: HTMLElement | null = null;
  if (current) {
    nameInput = h('input', { class: 'saves-name', id: 'saves-name', type: 'text', maxlength: NAME_MAX, value: current.name, spellcheck: 'false', autocomplete: 'off' });
    const saveBtn = h('button', { class: 'btn primary saves-save', type: 'submit' }, 'Save');
    const err = h('div', { class: 'saves-err', id: 'saves-name-err', role: 'alert' });
    saveForm = h(
      'form',
      { class: 'saves-form', 'aria-label': 'Save as' },
      h('label', { class: 'saves-k', for: 'saves-name' }, `Save ${current.what} as`),
      h('div', { class: 'saves-row' }, nameInput, saveBtn),
      err,
    );
    saveForm.addEventListener('submit', (e) => {
      e.preventDefault();
      const name = nameInput!.value;
      saveBtn.disabled = true;
      void api.saveAs(name).then((r) => {
        saveBtn.disabled = false;
        if (r === 'cancelled') return nameInput!.focus();
        err.textContent = r ? cap(r) : '';
        nameInput!.setAttribute('aria-invalid', String(!!r));
        if (r) nameInput!.setAttribute('aria-describedby', 'saves-name-err');
        else nameInput!.removeAttribute('aria-describedby');
        if (!r) {
          render();
          say(`Saved as “${name.trim()}”.`);
          // The field suggests the next name (the one just used is taken now).
          nameInput!.value = api.current()?.name ?? '';
          list.querySelector<HTMLElement>('[data-focus^="load-"]')?.scrollIntoView({ block: 'nearest' });
          nameInput!.focus();
        }
      });
    });
  }

  const importInput = h('input', { type: 'file', accept: '.json,application/json', class: 'saves-file', 'aria-label': 'Saves file', hidden: true });
  importInput.addEventListener('change', () => {
    const f = importInput.files?.[0];
    importInput.value = '';
    if (!f) return;
    f.text().then(
      (text) => showImport(api.importText(text), f.name),
      (e: unknown) => showImport({ error: `the file cannot be read (${(e as Error).message})` }, f.name),
    );
  });
  const exportBtn = h('button', { class: 'btn ghost saves-export', 'data-tip': 'Download every save (and the autosave) as one .json file, to keep or to move to another browser', onclick: () => say(api.exportAll()) }, icon('save'), 'Export all saves');
  const importBtn = h('button', { class: 'btn ghost saves-import', 'data-tip': 'Read a file made by “Export all saves”: its saves are added to yours, none is replaced', onclick: () => importInput.click() }, icon('open'), 'Import saves…');

  const box = h(
    'div',
    { class: 'modal saves', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'saves-title', 'aria-describedby': 'saves-hint' },
    h('div', { class: 'saves-head' }, h('h2', { class: 'modal-title', id: 'saves-title' }, 'Saves'), closeBtn),
    h('p', { class: 'saves-hint', id: 'saves-hint' }, 'Saves stay in this browser. The autosave is the game Resume carries on; it never writes over a named save.'),
    saveForm,
    list,
    h('div', { class: 'saves-foot' }, exportBtn, importBtn, importInput),
    status,
  );
  const back = h('div', { class: 'modal-back' }, box);
  back.addEventListener('mousedown', (e) => {
    if (e.target === back) close();
  });

  function cap(t: string): string {
    return t.charAt(0).toUpperCase() + t.slice(1);
  }

  function say(text: string, lines: string[] = [], bad = false): void {
    status.classList.toggle('bad', bad);
    replace(status, text ? h('div', { class: 'saves-status-head' }, cap(text)) : null, lines.length ? h('ul', { class: 'saves-report' }, ...lines.map((l) => h('li', {}, l))) : null);
  }

  function showImport(r: { error: string } | { report: ImportReport }, from: string): void {
    if ('error' in r) return say(`${from} could not be imported: ${r.error}`, [], true);
    render();
    const { head, lines } = reportLines(r.report);
    say(head, lines, r.report.imported.length === 0 && r.report.skipped.length > 0);
  }

  const btn = (label: string, aria: string, focus: string, fn: () => void, cls = 'ghost', disabled = false) => h('button', { class: `btn ${cls} saves-btn`, 'aria-label': aria, 'data-focus': focus, disabled, onclick: fn }, label);

  /** Undo of the last delete, shown where the save was. */
  let undone: { id: string; label: string; undo: () => string | null } | null = null;

  function load(id: string, label: string): void {
    void api.load(id).then((r) => {
      if (r.ok) return close({ restore: false });
      if (r.error) say(`${label} could not be loaded: ${r.error}`, [], true);
    });
  }

  function remove(id: string, label: string): void {
    const r = api.remove(id);
    if ('error' in r) return say(r.error, [], true);
    undone = { id, label, undo: r.undo };
    render('undo');
    say(`Deleted ${label}.`);
  }

  function startRename(li: HTMLElement, slot: Slot): void {
    const input = h('input', { class: 'saves-name', type: 'text', maxlength: NAME_MAX, value: slot.name, 'aria-label': `New name for ${slot.name}`, spellcheck: 'false', autocomplete: 'off' });
    const err = h('div', { class: 'saves-err', role: 'alert' });
    const form = h('form', { class: 'saves-rename' }, h('div', { class: 'saves-row' }, input, h('button', { class: 'btn primary saves-btn', type: 'submit' }, 'Rename'), h('button', { class: 'btn ghost saves-btn', type: 'button', onclick: () => render(`rename-${slot.id}`) }, 'Cancel')), err);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const e2 = api.rename(slot.id, input.value);
      if (e2) {
        err.textContent = cap(e2);
        input.setAttribute('aria-invalid', 'true');
        return input.focus();
      }
      render(`rename-${slot.id}`);
      say(`Renamed “${slot.name}” to “${input.value.trim()}”.`);
    });
    // Esc cancels the rename, not the dialog.
    input.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      render(`rename-${slot.id}`);
    });
    li.querySelector('.saves-main')?.replaceChildren(form);
    li.querySelector('.saves-acts')?.remove();
    input.focus();
    input.select();
  }

  function undoRow(): HTMLElement | null {
    if (!undone) return null;
    const u = undone;
    return h(
      'li',
      { class: 'saves-item saves-undo' },
      h('div', { class: 'saves-main' }, h('div', { class: 'saves-meta' }, `Deleted ${u.label}.`)),
      h(
        'div',
        { class: 'saves-acts' },
        btn('Undo', `Undo: put back ${u.label}`, 'undo', () => {
          const err = u.undo();
          undone = null;
          render(u.id === 'autosave' ? 'load-autosave' : 'list');
          say(err ? err : `${cap(u.label)} is back.`, [], !!err);
        }),
      ),
    );
  }

  /** Draws the list afresh from storage; `focus` names the control to focus after ("load-3", "undo", "list"). */
  function render(focus?: string): void {
    const v = api.read();
    const rows: HTMLElement[] = [];
    if (v.error) rows.push(h('li', { class: 'saves-item saves-bad' }, h('div', { class: 'saves-main' }, h('div', { class: 'saves-name-t' }, 'Storage'), h('div', { class: 'saves-meta' }, `${cap(v.error)}. What could be read is listed.`))));
    const a = v.autosave;
    if (a && 'summary' in a) {
      const line = summaryLine(a.summary, false);
      rows.push(
        h(
          'li',
          { class: 'saves-item saves-auto' },
          h('div', { class: 'saves-main' }, h('div', { class: 'saves-name-t' }, h('span', { class: 'saves-tag' }, 'Autosave'), 'The game in progress'), h('div', { class: 'saves-meta' }, line)),
          h(
            'div',
            { class: 'saves-acts' },
            btn('Resume', `Resume the autosave: ${line}`, 'load-autosave', () => load('autosave', 'the autosave'), 'primary', !!a.summary.problem),
            btn('Delete', 'Delete the autosave', 'delete-autosave', () => remove('autosave', 'the autosave')),
          ),
        ),
      );
    } else if (a) {
      rows.push(
        h(
          'li',
          { class: 'saves-item saves-bad' },
          h('div', { class: 'saves-main' }, h('div', { class: 'saves-name-t' }, h('span', { class: 'saves-tag' }, 'Autosave'), 'Cannot be used'), h('div', { class: 'saves-meta' }, cap(a.error))),
          h('div', { class: 'saves-acts' }, btn('Delete', 'Delete the autosave', 'delete-autosave', () => remove('autosave', 'the autosave'))),
        ),
      );
    }
    if (undone?.id === 'autosave') rows.push(undoRow()!);
    for (const { slot, summary } of v.slots) {
      const label = `“${slot.name}”`;
      const replay = slot.kind === 'replay';
      const li = h(
        'li',
        { class: 'saves-item', 'data-slot': slot.id },
        h(
          'div',
          { class: 'saves-main' },
          h('div', { class: 'saves-name-t' }, replay ? h('span', { class: 'saves-tag replay' }, 'Replay') : null, h('span', { class: 'saves-label' }, slot.name)),
          h('div', { class: 'saves-meta' }, summaryLine(summary, replay), h('span', { class: 'saves-when' }, ` · saved ${savedWhen(slot.savedAt)}`)),
          summary.problem ? h('div', { class: 'saves-problem' }, cap(summary.problem)) : null,
        ),
        h(
          'div',
          { class: 'saves-acts' },
          btn(replay ? 'Watch' : 'Load', `${replay ? 'Watch' : 'Load'} ${slot.name}`, `load-${slot.id}`, () => load(slot.id, label), 'primary', !!summary.problem),
          btn('Rename', `Rename ${slot.name}`, `rename-${slot.id}`, () => startRename(li, slot)),
          btn('Delete', `Delete ${slot.name}`, `delete-${slot.id}`, () => remove(slot.id, label)),
        ),
      );
      rows.push(li);
    }
    for (const d of v.damaged) {
      const label = d.name ? `“${d.name}”` : `save ${d.id}`;
      rows.push(
        h(
          'li',
          { class: 'saves-item saves-bad', 'data-slot': d.id },
          h('div', { class: 'saves-main' }, h('div', { class: 'saves-name-t' }, d.name ?? `Save ${d.id}`), h('div', { class: 'saves-meta' }, `Cannot be used: ${d.error}.`)),
          h('div', { class: 'saves-acts' }, btn('Delete', `Delete ${d.name ?? `save ${d.id}`}`, `delete-${d.id}`, () => remove(d.id, label))),
        ),
      );
    }
    if (undone && undone.id !== 'autosave') rows.push(undoRow()!);
    if (v.slots.length === 0 && v.damaged.length === 0) {
      rows.push(h('li', { class: 'saves-empty' }, current ? 'No named saves yet: name this one above to keep it.' : 'No named saves yet. In a game, Saves in the top bar keeps the game under a name.'));
    }
    replace(list, ...rows);
    if (focus) (list.querySelector<HTMLElement>(`[data-focus="${focus}"]`) ?? list.querySelector<HTMLElement>('button:not([disabled])') ?? nameInput ?? closeBtn).focus();
  }

  render();
  const release = holdModal();
  document.body.appendChild(back);
  let trap: Trap | null = trapFocus(box, { first: nameInput ?? list.querySelector<HTMLElement>('button:not([disabled])') ?? closeBtn, onEscape: () => close() });
  nameInput?.select();

  function close(o: { restore?: boolean } = {}): void {
    if (openDialog !== handle) return;
    openDialog = null;
    back.remove();
    release();
    trap?.release(o);
    trap = null;
  }
  const handle = { close: () => close() };
  openDialog = handle;
}

/** Closes the Saves dialog if it is open. */
export function closeSaves(): void {
  openDialog?.close();
}
