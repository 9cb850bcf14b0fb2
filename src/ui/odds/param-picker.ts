// A searchable list of the scenario's parameters (the sweep tab's): a text field that filters them by any
// words of their folder, label or readable name as one types, in the ARIA combobox pattern (arrows move,
// Enter picks, Escape closes the list without closing the panel). Each option shows the parameter's title
// and its readable name. Names from scenario files go in as text only.
import { h } from '../dom';
import type { Parameter } from '../../store/sweep';
import { matchesQuery, parameterTitle } from './sweep-view';

export interface ParamPicker {
  el: HTMLElement;
  input: HTMLInputElement;
  /** The parameters to pick from. */
  setParameters(list: Parameter[]): void;
  /** Shows the parameter picked (null: none). */
  show(key: string | null): void;
}

let ids = 0;

export function paramPicker(label: string, onPick: (key: string) => void): ParamPicker {
  const id = `pp-${++ids}`;
  const list = h('ul', { class: 'pp-list', id: `${id}-list`, role: 'listbox', 'aria-label': label, hidden: true });
  const input = h('input', {
    class: 'pp-input',
    id,
    type: 'text',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-label': label,
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': `${id}-list`,
    placeholder: 'Search the parameters…',
    oninput: () => filter(true),
    onfocus: () => input.select(),
    onclick: () => (list.hidden ? filter(false) : null),
    onblur: () => setTimeout(() => close(true), 0),
    onkeydown: (e: Event) => key(e as KeyboardEvent),
  });
  const el = h('div', { class: 'pp' }, input, list);
  let params: Parameter[] = [];
  let picked: string | null = null;
  let shown: Parameter[] = [];
  let active = -1;

  function filter(typed: boolean): void {
    const q = typed ? input.value : '';
    shown = params.filter((p) => matchesQuery(p, q));
    active = shown.length ? Math.max(0, typed ? 0 : shown.findIndex((p) => p.key === picked)) : -1;
    list.replaceChildren(
      ...(shown.length
        ? shown.map((p, i) =>
            h(
              'li',
              { class: 'pp-opt', id: `${id}-o${i}`, role: 'option', 'aria-selected': String(p.key === picked), 'data-key': p.key, onpointerdown: (e: Event) => e.preventDefault(), onclick: () => pick(p) },
              h('span', { class: 'pp-t' }, parameterTitle(p)),
              h('span', { class: 'pp-n mono' }, p.name),
            ),
          )
        : [h('li', { class: 'pp-none', role: 'presentation' }, 'No parameter has these words')]),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    mark();
  }

  function mark(): void {
    list.querySelectorAll('.pp-opt').forEach((o, i) => o.classList.toggle('active', i === active));
    const a = active >= 0 ? list.querySelector<HTMLElement>(`#${id}-o${active}`) : null;
    if (a) {
      input.setAttribute('aria-activedescendant', a.id);
      a.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  function close(restore: boolean): void {
    if (list.hidden) return;
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    if (restore) show(picked);
  }

  function pick(p: Parameter): void {
    picked = p.key;
    close(true);
    onPick(p.key);
  }

  function key(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (list.hidden) return filter(false);
      if (shown.length === 0) return;
      active = (active + (e.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length;
      mark();
    } else if (e.key === 'Enter') {
      if (list.hidden) return;
      e.preventDefault();
      const p = shown[active];
      if (p) pick(p);
    } else if (e.key === 'Escape' && !list.hidden) {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    }
  }

  function show(key: string | null): void {
    picked = key;
    const p = params.find((x) => x.key === key);
    input.value = p ? parameterTitle(p) : '';
  }

  return {
    el,
    input,
    setParameters(list2) {
      params = list2;
      show(picked);
    },
    show,
  };
}
