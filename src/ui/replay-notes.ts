// Notes in the replay viewer: the caption that shows the notes of the day on screen over the map, like a
// teacher's caption under a slide (on a phone, under the map), each with an Edit button; and the small
// editor that adds a note to the day shown or edits one (a text area with a live count to 280, Save and
// Cancel, Delete when editing; Escape cancels, Ctrl+Enter saves). The store checks every note
// (store.addNote / editNote) and its errors are shown in words; nothing typed is lost on an error.
import type { Session, SessionStore } from '../store/session';
import { displayDate } from '../store/ui-view';
import { NOTE_MAX } from '../store/files';
import { h, replace, svg } from './dom';
import { showDialog, type DialogSlot } from './modal';
import { toast } from './toast';

/** A pencil (edit) icon, drawn like the replay bar's icons. */
function pencil(): SVGSVGElement {
  const el = svg('svg', { class: 'icon', viewBox: '0 0 16 16', width: 13, height: 13, 'aria-hidden': 'true', focusable: 'false' });
  el.appendChild(svg('path', { d: 'M3 13l.6-2.8 7.2-7.2 2.2 2.2-7.2 7.2zM9.6 4.2l2.2 2.2', fill: 'none', stroke: 'currentColor', 'stroke-width': 1.5, 'stroke-linejoin': 'round' }));
  return el;
}

/** "Day 23 · 12 Jan 2022" of the viewer's day `day` (day 0: the eve). */
function dayTitle(s: Session, day: number): string {
  const rec = s.viewer?.records[day] ?? s.days[day];
  if (!rec) return `Day ${day}`;
  return `Day ${day} · ${day === 0 ? `eve of ${displayDate(rec.date)}` : displayDate(rec.date)}`;
}

/** The caption of the notes on the day shown (hidden on a day without notes). */
export function createNoteCaption(store: SessionStore) {
  const kicker = h('div', { class: 'rb-caption-k' });
  const list = h('div', { class: 'rb-caption-list' });
  const el = h('section', { class: 'rb-caption', 'aria-label': 'Notes on the day shown', 'aria-live': 'polite', hidden: true }, kicker, list);
  let key = '';
  function update(s: Session): void {
    const v = s.viewer;
    const day = v?.cursor ?? -1;
    const notes = v && s.screen === 'play' ? s.notes.map((n, i) => ({ ...n, i })).filter((n) => n.day === day) : [];
    el.hidden = notes.length === 0;
    const k = `${day}|${notes.map((n) => `${n.i}:${n.text}`).join('\u0000')}`;
    if (k === key || !notes.length) return;
    key = k;
    kicker.textContent = `${notes.length > 1 ? `${notes.length} notes` : 'Note'} · ${dayTitle(s, day)}`;
    replace(
      list,
      ...notes.map((n) =>
        h(
          'div',
          { class: 'rb-note' },
          h('p', { class: 'rb-note-text' }, n.text),
          h('button', { class: 'btn ghost rb-note-edit', type: 'button', 'aria-label': `Edit the note: ${n.text.slice(0, 60)}`, 'data-tip': 'Edit or delete this note', onclick: () => openNoteEditor(store, { day, index: n.i }) }, pencil(), h('span', { class: 'lbl' }, 'Edit')),
        ),
      ),
    );
  }
  return { el, update };
}

/** The dialog open now (one at a time). */
const slot: DialogSlot = { close: null };

/**
 * Opens the note editor for the day given: a new note, or the note at `index` (in store.notes) to edit
 * or delete. Returns a function that closes it.
 */
export function openNoteEditor(store: SessionStore, target: { day: number; index?: number }): () => void {
  slot.close?.();
  const s = store.getState();
  const editing = target.index !== undefined ? s.notes[target.index] : undefined;
  const area = h('textarea', { class: 'note-area', id: 'note-text', rows: 5, 'aria-describedby': 'note-count note-error', spellcheck: 'true', placeholder: 'What should the class see on this day?' });
  area.value = editing?.text ?? '';
  const count = h('span', { class: 'note-count mono', id: 'note-count' });
  const error = h('p', { class: 'note-error', id: 'note-error', role: 'alert' });
  const save = h('button', { class: 'btn primary', type: 'button', onclick: () => commit() }, 'Save');
  const cancel = h('button', { class: 'btn ghost', type: 'button', onclick: () => close() }, 'Cancel');
  const del = editing ? h('button', { class: 'btn ghost note-delete', type: 'button', onclick: () => remove() }, 'Delete') : null;
  const title = editing ? 'Edit the note' : 'Add a note';
  const box = h(
    'div',
    { class: 'modal note-editor', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'note-title', 'aria-describedby': 'note-day' },
    h('h2', { class: 'modal-title', id: 'note-title' }, title),
    h('p', { class: 'note-day mono', id: 'note-day' }, `On ${dayTitle(s, target.day)}`),
    h('label', { class: 'note-label', for: 'note-text' }, 'Note'),
    area,
    h('div', { class: 'note-foot' }, error, count),
    h('div', { class: 'modal-actions' }, del, h('span', { class: 'note-gap' }), cancel, save),
  );
  const back = h('div', { class: 'modal-back' }, box);
  back.addEventListener('mousedown', (e) => {
    if (e.target === back) close();
  });

  function counted(): void {
    const n = area.value.trim().length;
    count.textContent = `${n} / ${NOTE_MAX}`;
    count.classList.toggle('over', n > NOTE_MAX);
    if (error.textContent && n <= NOTE_MAX && n > 0) error.textContent = '';
  }
  area.addEventListener('input', counted);
  area.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      commit();
    }
  });
  counted();

  function commit(): void {
    const st = store.getState();
    const err = target.index !== undefined ? st.editNote(target.index, area.value) : st.addNote(target.day, area.value);
    if (err) {
      error.textContent = `This note cannot be saved: ${err}.`;
      area.focus();
      return;
    }
    close();
    toast(`Note saved on day ${target.day}`);
  }

  function remove(): void {
    if (target.index === undefined) return;
    store.getState().deleteNote(target.index);
    close();
    toast(`Note on day ${target.day} deleted`);
  }

  const shut = showDialog(slot, back, box, area);
  area.setSelectionRange(area.value.length, area.value.length);
  function close(): void {
    shut();
  }
  return close;
}
