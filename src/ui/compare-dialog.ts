// The replay viewer's "Compare…" dialog: what to compare the replay with — the same seed with no orders
// (its twin), the same orders on a variant (one of the catalogue's other scenarios), or another replay
// file (picked, or dropped on the dialog). A modal dialog (focus-trap.ts: it takes focus, keeps Tab
// inside, closes on Escape and gives focus back). The store makes the comparison (store/compare.ts); a
// refusal is shown in its words, and a replay of another scenario offers the variant comparison instead.
import type { SessionStore } from '../store/session';
import { variantChoices, type CompareStore, type Refusal } from '../store/compare';
import { parseReplay } from '../store/files';
import { actorName } from '../store/ui-view';
import { h, replace } from './dom';
import { showDialog, type DialogSlot } from './modal';

/** The dialog open now (one at a time). */
const slot: DialogSlot = { close: null };

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Opens the dialog; `compared` runs once a comparison is on screen. Returns a function that closes it. */
export function openCompareDialog(store: SessionStore, compare: CompareStore, compared: () => void): () => void {
  slot.close?.();
  const s = store.getState();
  const v = s.viewer;
  if (!v || !s.scenario) return () => {};
  const title = s.scenario.data.meta.title;
  const n = Object.keys(v.replay.orders).length;
  const who = `seed ${v.replay.seed} as ${actorName(s, v.replay.role)}`;

  const error = h('div', { class: 'cmp-error', id: 'cmp-error', role: 'alert' });
  const busy = (b: HTMLButtonElement, on: boolean, label: string) => {
    b.disabled = on;
    b.setAttribute('aria-busy', String(on));
    b.textContent = on ? 'Comparing…' : label;
  };

  /** Runs a comparison a frame after saying "Comparing…" (it plays whole games), then closes or says why not. */
  function run(button: HTMLButtonElement, label: string, make: () => Refusal | null): void {
    replace(error);
    busy(button, true, label);
    setTimeout(() => {
      const refused = make();
      busy(button, false, label);
      if (!refused) {
        close();
        compared();
        return;
      }
      const offer = refused.variant;
      replace(
        error,
        h('p', {}, `Not compared: ${refused.error}`),
        offer
          ? h('button', { class: 'btn primary cmp-offer', type: 'button', onclick: (e: Event) => run(e.currentTarget as HTMLButtonElement, `Compare on ${offer.title}`, () => compare.getState().withVariant(offer.file)) }, `Compare on ${offer.title}`)
          : null,
      );
      (error.querySelector('button') ?? button).focus();
    }, 30);
  }

  const twinLabel = 'Compare with no orders';
  const twin = h('button', { class: 'btn primary', type: 'button', disabled: n === 0, 'aria-describedby': 'cmp-twin-d', onclick: () => run(twin, twinLabel, () => compare.getState().withTwin()) }, twinLabel);

  const variants = variantChoices(s);
  const select = h('select', { class: 'cmp-select', id: 'cmp-variant', 'aria-describedby': 'cmp-variant-d' }, ...variants.map((x) => h('option', { value: x.file }, x.title)));
  const variantLabel = 'Compare on this variant';
  const onVariant = h('button', { class: 'btn', type: 'button', disabled: variants.length === 0, onclick: () => run(onVariant, variantLabel, () => compare.getState().withVariant(select.value)) }, variantLabel);

  const fileLabel = 'Choose a replay file…';
  const input = h('input', { type: 'file', accept: '.json,application/json', class: 'cmp-file', 'aria-label': 'Replay file to compare with', hidden: true });
  const pick = h('button', { class: 'btn', type: 'button', 'aria-describedby': 'cmp-file-d', onclick: () => input.click() }, fileLabel);
  async function readFile(f: File): Promise<void> {
    let text: string;
    try {
      text = await f.text();
    } catch (e) {
      replace(error, h('p', {}, `Not compared: ${f.name} cannot be read (${(e as Error).message}).`));
      return;
    }
    run(pick, fileLabel, () => compare.getState().withReplay(parseReplay(text), f.name));
  }
  input.addEventListener('change', () => {
    const f = input.files?.[0];
    input.value = '';
    if (f) void readFile(f);
  });

  const option = (id: string, heading: string, text: string, ...controls: (Node | null)[]) =>
    h('section', { class: 'cmp-opt', 'aria-labelledby': `${id}-h` }, h('h3', { class: 'cmp-opt-h', id: `${id}-h` }, heading), h('p', { class: 'cmp-opt-d', id: `${id}-d` }, text), h('div', { class: 'cmp-opt-row' }, ...controls));

  const fileOpt = option('cmp-file', 'Another replay', `A replay file of ${title}: another player’s game, another seed or other orders. Choose it, or drop it on this dialog.`, pick, input);
  const box = h(
    'div',
    { class: 'modal cmp-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'cmp-title', 'aria-describedby': 'cmp-sub' },
    h('h2', { class: 'modal-title', id: 'cmp-title' }, 'Compare this replay with…'),
    h('p', { class: 'cmp-sub', id: 'cmp-sub' }, `${title}, ${who}, ${n ? plural(n, 'order') : 'no orders'}. Both runs are drawn on one chart, with the first day they part and what differed.`),
    option('cmp-twin', 'The same seed with no orders', n ? `Seed ${v.replay.seed} played again, holding every day: what the orders changed.` : 'This replay has no orders: with none, it is the same run.', twin),
    option(
      'cmp-variant',
      'The same orders on a variant',
      variants.length ? `The same seed and ${n ? plural(n, 'order') : 'holding'} on another scenario. An order the variant does not allow stops its run there.` : 'This build has no other scenario to play these orders on.',
      h('label', { class: 'cmp-select-l', for: 'cmp-variant' }, 'Variant'),
      select,
      onVariant,
    ),
    fileOpt,
    error,
    h('div', { class: 'modal-actions' }, h('button', { class: 'btn ghost', type: 'button', onclick: () => close() }, 'Cancel')),
  );
  const back = h('div', { class: 'modal-back' }, box);
  back.addEventListener('mousedown', (e) => {
    if (e.target === back) close();
  });
  // A replay dropped on the dialog is compared (not opened in the viewer, as a drop elsewhere on the page is).
  const files = (e: DragEvent) => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
  for (const type of ['dragenter', 'dragover'] as const) {
    back.addEventListener(type, (e) => {
      if (!files(e)) return;
      e.preventDefault();
      e.stopPropagation();
      e.dataTransfer!.dropEffect = 'copy';
      fileOpt.classList.add('drop');
    });
  }
  back.addEventListener('dragleave', (e) => {
    if (e.target === back) fileOpt.classList.remove('drop');
  });
  back.addEventListener('drop', (e) => {
    if (!files(e)) return;
    e.preventDefault();
    e.stopPropagation();
    fileOpt.classList.remove('drop');
    const f = e.dataTransfer!.files[0];
    if (f) void readFile(f);
  });

  const shut = showDialog(slot, back, box, n ? twin : onVariant.disabled ? pick : select);
  function close(): void {
    shut();
  }
  return close;
}
