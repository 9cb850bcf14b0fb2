// How many games (or seeds a side) a run of the Odds panel plays: the offered counts as toggle buttons and
// a number field for any other count (Enter runs). The outcomes run and the tornado share it.
import { h } from '../dom';

const num = (n: number) => n.toLocaleString('en-US');

export interface SizePickerOptions {
  /** The counts offered as buttons. */
  sizes: readonly number[];
  /** The largest count the field takes. */
  max: number;
  /** The group's and the field's name ("Number of games", "Seeds a side"), and what one count is ("games"). */
  label: string;
  unit: string;
  /** An extra class for the field. */
  fieldClass?: string;
  get(): number;
  set(n: number): void;
  run(): void;
}

export function createSizePicker(o: SizePickerOptions) {
  const buttons = o.sizes.map((n) => h('button', { class: 'btn speed od-size', 'data-n': n, 'aria-pressed': 'false', onclick: () => o.set(n) }, num(n)));
  const custom = h('input', {
    class: `od-n mono${o.fieldClass ? ` ${o.fieldClass}` : ''}`,
    type: 'number',
    min: 1,
    max: o.max,
    step: 1,
    'aria-label': o.label,
    placeholder: 'other',
    'data-tip': `Any number of ${o.unit}, 1 to ${num(o.max)}`,
    onchange: () => {
      const v = Math.round(Number(custom.value));
      if (Number.isFinite(v) && v >= 1) o.set(Math.min(o.max, v));
      else custom.value = String(o.get());
    },
    onkeydown: (e: Event) => {
      if ((e as KeyboardEvent).key !== 'Enter') return;
      custom.dispatchEvent(new Event('change'));
      o.run();
    },
  });
  const el = h('div', { class: 'speeds od-sizes', role: 'group', 'aria-label': o.label }, ...buttons, custom);

  /** Shows the count chosen (a button pressed, or the field holding any other) and locks it while running. */
  function update(n: number, running: boolean): void {
    for (const b of buttons) {
      const on = Number(b.dataset.n) === n;
      b.setAttribute('aria-pressed', String(on));
      b.classList.toggle('on', on);
      b.disabled = running;
    }
    custom.disabled = running;
    if (document.activeElement !== custom) custom.value = o.sizes.includes(n) ? '' : String(n);
  }
  return { el, update };
}
