// The scenario error panel: a file that does not load (picked, dropped, hot-reloaded or tweaked) lists
// every error as `line:column`, the field path, the message and the hint, in monospace, over the page.
// It never touches the game: whatever was running goes on underneath. Dismissed with × or Escape.
import type { ScenarioError } from '../../store/files';
import { h, replace } from '../dom';
import './load.css';
import { trapFocus, type Trap } from '../focus-trap';

export interface ErrorReport {
  /** "my-variant.yaml does not load". */
  title: string;
  /** One line under the title, e.g. "Your game goes on; nothing was changed." */
  note: string;
  errors: ScenarioError[];
  /** The file the player gave, so errors in it show no file name (errors in its base do). */
  file?: string;
}

export function createErrorPanel() {
  const title = h('h2', { class: 'ep-title', id: 'ep-title' });
  const count = h('span', { class: 'ep-count mono' });
  const note = h('p', { class: 'ep-note', id: 'ep-note' });
  const list = h('ol', { class: 'ep-list', 'aria-label': 'Errors' });
  const close = h('button', { class: 'ep-close', 'aria-label': 'Dismiss the errors', 'data-tip': 'Dismiss (Esc)', onclick: () => hide() }, '×');
  const el = h(
    'section',
    { class: 'error-panel', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'ep-title', 'aria-describedby': 'ep-note', hidden: true },
    h('header', { class: 'ep-head' }, h('span', { class: 'ep-ico', 'aria-hidden': 'true' }, '!'), h('div', { class: 'ep-heading' }, h('div', { class: 'ep-kicker' }, 'Scenario errors ', count), title), close),
    note,
    list,
  );
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !el.hidden) {
      e.stopPropagation();
      hide();
    }
  };
  window.addEventListener('keydown', onKey, true);

  function show(r: ErrorReport): void {
    title.textContent = r.title;
    count.textContent = `· ${r.errors.length}`;
    note.textContent = r.note;
    replace(
      list,
      ...r.errors.map((e) =>
        h(
          'li',
          { class: 'ep-item' },
          h('div', { class: 'ep-where mono' }, h('span', { class: 'ep-loc' }, `${e.line}:${e.column}`), e.path ? h('span', { class: 'ep-path' }, e.path) : h('span', { class: 'ep-path none' }, '(file)'), r.file && e.file !== r.file ? h('span', { class: 'ep-file' }, e.file) : null),
          h('div', { class: 'ep-msg mono' }, e.message),
          e.hint ? h('div', { class: 'ep-hint mono' }, h('span', { class: 'ep-hint-k' }, 'hint '), e.hint) : null,
        ),
      ),
    );
    const wasHidden = el.hidden;
    el.hidden = false;
    list.scrollTop = 0;
    // A dialog: it takes focus (its close button) and keeps Tab inside until dismissed.
    if (wasHidden) trap = trapFocus(el, { first: close });
  }

  let trap: Trap | null = null;
  function hide(): void {
    el.hidden = true;
    trap?.release();
    trap = null;
  }

  return { el, show, hide, isShown: () => !el.hidden };
}

export type ErrorPanel = ReturnType<typeof createErrorPanel>;
