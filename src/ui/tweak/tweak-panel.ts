// The tweak panel (tweakpane): the running scenario's key parameters as controls — each pair's fear,
// fatigue and grievance; each actor's risk tolerance and aggression; the incident odds; the estimate
// ranges — in folders. Each slider says what it means, shows its base value (a tick on the track) and its
// range, and warns when the value has gone a step or more from where "Which numbers matter?" (Odds) found
// it steep (./slider-notes.ts). While a slider moves, the live odds (./live-odds-view.ts) estimate the
// tweaked scenario's outcome shares in the variant pool's workers. A settled change (the slider released,
// a key let go, a number typed; debounced 300 ms) makes the tweaked scenario and carries the game over to
// it with the same seed and role; "Export as variant" downloads the variant file that reproduces it. The
// state lives in src/store/tweaks.ts and src/store/live-odds.ts; this module renders them and turns
// slider moves into their actions.
// This module, with tweakpane and the tweak logic, is a chunk of its own: the Tweak button
// (tweak-button.ts) fetches it when first pressed, and hands the button over to it.
import { Pane } from 'tweakpane';
import type { SessionStore } from '../../store/session';
import { applyTweaks, changedKeys, createTweaks, tweakables, tweakFile, variantFileName, variantYaml, type TweakControl } from '../../store/tweaks';
import { loadScenario, type Scenario, type ScenarioData, type ScenarioReader } from '../../store/files';
import { h } from '../dom';
import { toast } from '../toast';
import type { ErrorPanel } from '../load/error-panel';
import { downloadText } from '../download';
import { trapFocus, type Trap } from '../focus-trap';
import { createLiveOdds } from '../../store/live-odds';
import { sensitivityFor, sensitivityStore } from '../../store/sensitivity';
import { readSensitivity, type SensitivityReading } from '../../store/sensitive-values';
import { createLiveOddsView } from './live-odds-view';
import { baseTick, createSliderNote, FOLDER_INTROS, type SliderNote } from './slider-notes';

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
  /** `last`: the end of a gesture (pointer up, key up, a typed number); false while dragging or a key is held. */
  on(event: 'change', fn: (ev: { value: number; last: boolean }) => void): void;
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
  // Which values are steep, from the sensitivity study of this scenario (or a quiet pointer to it).
  const sensLine = h('p', { class: 'tw-sens' });
  const host = h('div', { class: 'tw-pane' }, sensLine);
  const live = createLiveOdds();
  let liveCollapsed = false;
  try {
    liveCollapsed = localStorage.getItem('brink.liveOdds') === 'hidden';
  } catch {
    // No storage: the live odds start shown.
  }
  const liveView = createLiveOddsView(liveCollapsed, (c) => {
    try {
      localStorage.setItem('brink.liveOdds', c ? 'hidden' : 'shown');
    } catch {
      // Not kept: it is only the section's folding.
    }
  });
  const el = h(
    'aside',
    { class: 'tweak-panel', role: 'dialog', 'aria-label': 'Tweak the scenario', hidden: true },
    h(
      'header',
      { class: 'tw-head' },
      h('div', { class: 'tw-heading' }, h('div', { class: 'tw-kicker' }, 'Tweak ', count), sub),
      h('button', { class: 'tw-close', 'aria-label': 'Close the tweak panel', onclick: () => tweaks.getState().setOpen(false) }, '×'),
    ),
    h('p', { class: 'tw-note' }, 'When you let go of a slider, your orders are played again on the tweaked scenario, with the same seed and role, back to the day you were on.'),
    liveView.el,
    host,
    h('footer', { class: 'tw-actions' }, reset, exportBtn),
  );

  let pane: TpPane | null = null;
  let params: Record<string, number> = {};
  let rows = new Map<string, HTMLElement>();
  let notes = new Map<string, SliderNote>();
  let built = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Set while the pane is refreshed from the store, so its change events are not taken as the player's. */
  let quiet = false;

  function build(controls: TweakControl[]): void {
    const sig = JSON.stringify(controls) + JSON.stringify(tweaks.getState().base);
    if (sig === built) return;
    built = sig;
    pane?.dispose();
    pane = new Pane({ container: host }) as unknown as TpPane;
    params = { ...tweaks.getState().values };
    rows = new Map();
    notes = new Map();
    const bases = tweaks.getState().base;
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
      // Under the row: base, range, meaning and the steep warning; the base is a tick on the track too.
      const base = bases[c.key] ?? params[c.key]!;
      const note = createSliderNote(c, base, `tw-note-${notes.size}`);
      notes.set(c.key, note);
      if (slider) baseTick(slider, c, base);
      for (const x of [slider, ...b.element.querySelectorAll('input')]) x?.setAttribute('aria-describedby', note.el.id);
      b.on('change', (ev) => {
        slider?.setAttribute('aria-valuenow', String(ev.value));
        if (quiet) return;
        tweaks.getState().set(c.key, ev.value);
        // Live odds follow every step of a drag; the game is carried over once the gesture ends.
        if (ev.last) schedule();
      });
    }
    // Added once every blade is in (tweakpane places each new blade by its index among the folder's children).
    for (const [key, note] of notes) rows.get(key)!.after(note.el);
    // A top folder opens with what its numbers are.
    for (const f of folders.values()) {
      const path = f.element.dataset.folder!;
      const intro = FOLDER_INTROS[path];
      if (intro) f.element.querySelector(':scope > .tp-fldv_c')?.prepend(h('p', { class: 'tw-intro' }, intro));
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
  let baseCache: { file: string; text: unknown; scenario: Scenario } | null = null;
  /** The base scenario itself (validated): the live odds write the sliders' values into it. */
  let baseScenario: Scenario | null = null;
  function follow(): void {
    const s = session.getState();
    if (!s.scenario || !s.file || s.scenario === seen) return;
    seen = s.scenario;
    let baseFile = s.file;
    let scenario = s.scenario;
    if (d.isTweak(s.file) && s.scenario.files[1]) {
      baseFile = s.scenario.files[1];
      const text = d.reader.read(baseFile);
      if (baseCache?.file !== baseFile || baseCache.text !== text) {
        const r = loadScenario(baseFile, d.reader);
        if (!r.ok) return;
        baseCache = { file: baseFile, text, scenario: r.scenario };
      }
      scenario = baseCache.scenario;
    }
    const data: ScenarioData = scenario.data;
    baseScenario = scenario;
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
    // The live odds run while the panel is open in a game, and stop (their workers freed) when it closes.
    live.getState().setBase(el.hidden ? null : baseScenario);
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
    live.getState().request(Object.fromEntries([...changed].map((k) => [k, t.values[k]!])));
    renderNotes();
  }

  /** The sensitivity study of the base scenario, or else of the scenario in play (a tweak's own), read for the sliders. */
  function reading(): SensitivityReading | null {
    const s = session.getState().scenario;
    return readSensitivity((baseScenario && sensitivityFor(baseScenario.hash)) || (s && sensitivityFor(s.hash)) || null);
  }

  /** Each slider's note (its warning follows the value), and the line on the study above the folders. */
  function renderNotes(): void {
    if (el.hidden) return;
    const t = tweaks.getState();
    const r = reading();
    for (const [k, note] of notes) note.render(t.values[k]!, r);
    const study = sensitivityStore().getState();
    const running = study.status === 'running' && (study.hash === baseScenario?.hash || study.hash === session.getState().scenario?.hash);
    sensLine.classList.toggle('has-study', !!r);
    if (r) {
      const warned = [...notes.keys()].filter((k) => r.at(k, t.values[k]!)?.warn).length;
      sensLine.textContent = `“Which numbers matter?” (${r.runs.toLocaleString('en-US')} games a side) found ${r.steep.length} of ${r.parameters} numbers steep: they are marked, and warn a step or more from their base.${warned ? ` ${warned} ${warned === 1 ? 'value warns' : 'values warn'} now.` : ''}`;
    } else if (running) {
      sensLine.textContent = `“Which numbers matter?” is running in Odds (${Math.floor((100 * study.done) / Math.max(1, study.total))}%): the steep numbers will be marked here.`;
    } else sensLine.textContent = 'Run “Which numbers matter?” in Odds to see which values are sensitive.';
  }

  session.subscribe(() => {
    follow();
    render();
  });
  tweaks.subscribe(render);
  live.subscribe((s) => liveView.render(s));
  sensitivityStore().subscribe(renderNotes);
  follow();
  render();
  liveView.render(live.getState());

  /** Opens the panel on one parameter (from the Odds panel's tornado): its folders unfolded, its row in view, its slider focused. */
  function focusKey(key: string): void {
    tweaks.getState().setOpen(true);
    // After the frame in which the opened panel takes focus (render's trap).
    requestAnimationFrame(() => {
      const row = rows.get(key);
      if (!row || el.hidden) return;
      for (let f = row.closest<HTMLElement>('.tp-fldv'); f; f = f.parentElement?.closest<HTMLElement>('.tp-fldv') ?? null) {
        if (!f.classList.contains('tp-fldv-expanded')) f.querySelector<HTMLElement>(':scope > .tp-fldv_b')?.click();
      }
      (row.querySelector<HTMLElement>('.tp-sldv_t') ?? row.querySelector<HTMLElement>('input'))?.focus({ preventScroll: true });
      row.classList.add('tw-focus');
      // Folders unfold with a short transition: bring the row into view once they have.
      setTimeout(() => row.scrollIntoView({ block: 'center', behavior: 'instant' }), 260);
      setTimeout(() => row.classList.remove('tw-focus'), 2400);
    });
  }

  return { el, toggle: () => tweaks.getState().setOpen(!tweaks.getState().open), focusKey };
}
