// The tweak panel (tweakpane): the running scenario's key parameters as controls — each pair's fear,
// fatigue and grievance; each actor's risk tolerance and aggression; the incident odds; the estimate
// ranges — in folders. A change (debounced 300 ms) makes the tweaked scenario and restarts the run with
// the same seed and role; "Export as variant" downloads the variant file that reproduces it. The state
// lives in src/store/tweaks.ts; this module renders it and turns slider moves into its actions.
// This module, with tweakpane and the tweak logic, is a chunk of its own: the Tweak button
// (tweak-button.ts) fetches it when first pressed, and hands the button over to it.
import { Pane } from 'tweakpane';
import type { SessionStore } from '../../store/session';
import { applyTweaks, changedKeys, createTweaks, tweakables, tweakFile, variantFileName, variantYaml, type TweakControl } from '../../store/tweaks';
import { loadScenario, type ScenarioData, type ScenarioReader } from '../../store/files';
import { h } from '../dom';
import { toast } from '../toast';
import type { ErrorPanel } from '../load/error-panel';
import { downloadText } from '../download';
import { trapFocus, type Trap } from '../focus-trap';

export interface TweakPanelDeps {
  session: SessionStore;
  reader: ScenarioReader;
  errors: ErrorPanel;
  /** The top bar's Tweak button: the panel shows its state (pressed while open; hidden out of play). */
  button: HTMLButtonElement;
  /** Whether the panel starts open. */
  open: boolean;
  /** Whether a file is a tweak made here (its base is the next file of its chain). */
  isTweak(file: string): boolean;
  /** Stores a tweaked variant's text as the player's file `file` (beside its base). */
  saveTweak(file: string, text: string): void;
  /** Starts a new run of `file` with the session's seed and role. */
  restart(file: string): void;
}

export type TweakPanel = ReturnType<typeof createTweakPanel>;

const DEBOUNCE_MS = 300;

// The few parts of tweakpane's API used here (its package ships without @tweakpane/core's types).
interface TpBinding {
  element: HTMLElement;
  on(event: 'change', fn: (ev: { value: number }) => void): void;
}
interface TpFolder {
  element: HTMLElement;
  addFolder(p: { title: string; expanded: boolean }): TpFolder;
  addBinding(obj: object, key: string, p: { label: string; min: number; max: number; step: number }): TpBinding;
}
interface TpPane extends TpFolder {
  refresh(): void;
  dispose(): void;
}

export function createTweakPanel(d: TweakPanelDeps) {
  const { session, button } = d;
  const tweaks = createTweaks();
  tweaks.getState().setOpen(d.open);
  const count = h('span', { class: 'tw-count mono' });
  const sub = h('div', { class: 'tw-sub' });
  const reset = h('button', { class: 'btn ghost tw-reset', 'aria-label': 'Reset the tweaks', 'data-tip': 'Back to the scenario as written', onclick: () => onReset() }, 'Reset');
  const exportBtn = h('button', { class: 'btn primary tw-export', 'aria-label': 'Export as variant', 'data-tip': 'Download a variant file (.yaml) that extends the scenario with only the changed values', onclick: () => exportVariant() }, 'Export as variant');
  const host = h('div', { class: 'tw-pane' });
  const el = h(
    'aside',
    { class: 'tweak-panel', role: 'dialog', 'aria-label': 'Tweak the scenario', hidden: true },
    h(
      'header',
      { class: 'tw-head' },
      h('div', { class: 'tw-heading' }, h('div', { class: 'tw-kicker' }, 'Tweak ', count), sub),
      h('button', { class: 'tw-close', 'aria-label': 'Close the tweak panel', onclick: () => tweaks.getState().setOpen(false) }, '×'),
    ),
    h('p', { class: 'tw-note' }, 'Each change plays your orders again on the tweaked scenario, with the same seed and role, back to the day you were on.'),
    host,
    h('footer', { class: 'tw-actions' }, reset, exportBtn),
  );

  let pane: TpPane | null = null;
  let params: Record<string, number> = {};
  let rows = new Map<string, HTMLElement>();
  let built = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Set while the pane is refreshed from the store, so its change events are not taken as the player's. */
  let quiet = false;

  function build(controls: TweakControl[]): void {
    const sig = JSON.stringify(controls);
    if (sig === built) return;
    built = sig;
    pane?.dispose();
    pane = new Pane({ container: host }) as unknown as TpPane;
    params = { ...tweaks.getState().values };
    rows = new Map();
    const folders = new Map<string, TpFolder>();
    const folderFor = (path: string[]): TpFolder => {
      let parent: TpFolder = pane!;
      for (let i = 0; i < path.length; i++) {
        const id = path.slice(0, i + 1).join('\u0000');
        let f = folders.get(id);
        if (!f) {
          f = parent.addFolder({ title: path[i]!, expanded: false });
          f.element.dataset.folder = path.slice(0, i + 1).join(' › ');
          folders.set(id, f);
        }
        parent = f;
      }
      return parent;
    };
    for (const c of controls) {
      const b = folderFor(c.folder).addBinding(params, c.key, { label: c.label, min: c.min, max: c.max, step: c.step });
      b.element.dataset.key = c.key;
      rows.set(c.key, b.element);
      const slider = nameControls(b.element, c.folder.length ? `${c.label}, ${c.folder[c.folder.length - 1]}` : c.label, c, params[c.key]!);
      b.on('change', (ev) => {
        slider?.setAttribute('aria-valuenow', String(ev.value));
        if (quiet) return;
        tweaks.getState().set(c.key, ev.value);
        schedule();
      });
    }
  }

  /**
   * Names a blade's controls for assistive technology (tweakpane leaves them nameless): its number field,
   * and its slider track, which takes focus and arrow keys, as a slider. The name starts with the label
   * shown beside them. Returns the slider, whose value follows the binding.
   */
  function nameControls(row: HTMLElement, name: string, c: TweakControl, value: number): HTMLElement | null {
    for (const input of row.querySelectorAll('input')) input.setAttribute('aria-label', name);
    const slider = row.querySelector<HTMLElement>('.tp-sldv_t');
    if (slider) {
      slider.setAttribute('role', 'slider');
      slider.setAttribute('aria-label', name);
      slider.setAttribute('aria-valuemin', String(c.min));
      slider.setAttribute('aria-valuemax', String(c.max));
      slider.setAttribute('aria-valuenow', String(value));
    }
    return slider;
  }

  function schedule(): void {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      apply();
    }, DEBOUNCE_MS);
  }

  /** Makes the tweaked scenario and restarts the run on it (or on the base, with no changes). */
  function apply(): void {
    const t = tweaks.getState();
    if (!t.baseFile || !t.data) return;
    if (changedKeys(t.base, t.values).length === 0) return d.restart(t.baseFile);
    const r = applyTweaks(t.data, t.base, t.values);
    if (!r.ok) {
      d.errors.show({ title: 'These tweaks do not make a valid scenario', note: 'The run was not restarted: change the values back, or reset.', errors: r.errors });
      return;
    }
    d.errors.hide();
    const file = tweakFile(t.baseFile);
    d.saveTweak(file, variantYaml(t.baseFile, t.data, t.base, t.values));
    d.restart(file);
  }

  function onReset(): void {
    tweaks.getState().reset();
    if (timer !== null) clearTimeout(timer);
    apply();
  }

  function exportVariant(): void {
    const t = tweaks.getState();
    if (!t.baseFile || !t.data) return;
    const name = variantFileName(t.baseFile);
    downloadText(name, variantYaml(t.baseFile, t.data, t.base, t.values), 'application/yaml');
    toast(`Variant saved as ${name}`);
  }

  // The base of the running scenario: itself, or (for a tweak made here) the file it extends.
  let seen: unknown = null;
  let baseCache: { file: string; text: unknown; data: ScenarioData } | null = null;
  function follow(): void {
    const s = session.getState();
    if (!s.scenario || !s.file || s.scenario === seen) return;
    seen = s.scenario;
    let baseFile = s.file;
    let data = s.scenario.data;
    if (d.isTweak(s.file) && s.scenario.files[1]) {
      baseFile = s.scenario.files[1];
      const text = d.reader.read(baseFile);
      if (baseCache?.file !== baseFile || baseCache.text !== text) {
        const r = loadScenario(baseFile, d.reader);
        if (!r.ok) return;
        baseCache = { file: baseFile, text, data: r.scenario.data };
      }
      data = baseCache.data;
    }
    // The values shown are the running scenario's (a tweak's, or the base's own).
    const current = tweakables(s.scenario.data).values;
    tweaks.getState().setBase(baseFile, data, current);
  }

  let trap: Trap | null = null;
  function render(): void {
    const t = tweaks.getState();
    const s = session.getState();
    const playing = s.screen === 'play' && !!s.game && !s.viewer;
    button.hidden = !playing;
    button.classList.toggle('on', t.open);
    button.setAttribute('aria-pressed', String(t.open));
    const wasHidden = el.hidden;
    el.hidden = !(t.open && playing);
    // A dialog: on opening it takes focus and keeps Tab inside; Escape closes it; focus goes back to Tweak.
    if (wasHidden && !el.hidden) requestAnimationFrame(() => (trap = el.hidden ? trap : trapFocus(el, { onEscape: () => tweaks.getState().setOpen(false), fallback: () => button })));
    if (!wasHidden && el.hidden) {
      trap?.release();
      trap = null;
    }
    if (el.hidden || !t.data) return;
    build(t.controls);
    const changed = new Set(changedKeys(t.base, t.values));
    const n = changed.size;
    for (const [k, row] of rows) row.classList.toggle('tw-changed', changed.has(k));
    // A folder holding a changed value is marked too, so a closed folder still shows it.
    for (const f of host.querySelectorAll<HTMLElement>('[data-folder]')) f.classList.toggle('tw-changed', !!f.querySelector('.tw-changed[data-key]'));
    count.textContent = n ? `· ${n} changed` : '· as written';
    sub.textContent = t.data.meta.title;
    reset.disabled = n === 0;
    exportBtn.disabled = n === 0;
    // Show the store's values (after a reset, a reload or a new game).
    let stale = false;
    for (const k of Object.keys(t.values)) {
      if (params[k] !== t.values[k]) {
        params[k] = t.values[k]!;
        stale = true;
      }
    }
    if (stale && pane) {
      quiet = true;
      pane.refresh();
      quiet = false;
    }
  }

  session.subscribe(() => {
    follow();
    render();
  });
  tweaks.subscribe(render);
  follow();
  render();

  return { el, toggle: () => tweaks.getState().setOpen(!tweaks.getState().open) };
}
