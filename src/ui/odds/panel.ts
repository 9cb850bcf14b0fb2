// The Odds panel: a drawer over the right of the play screen in three tabs. "Outcomes" runs the session's
// scenario over N seeds in a Web Worker (100 / 500 / 1,000 / 2,000, or any N) with a progress bar and
// Cancel, then shows the outcomes, the day of the end and the peak tension, "after" beside a kept "before".
// "What matters" is the tornado chart of the parameters (./tornado.ts), "Sweep" one parameter over a range
// (./sweep.ts). It reads the session store for the scenario and the odds store for everything else. Close
// with × or Escape.
import '../styles/odds.css';
import '../styles/odds-analysis.css';
import type { Session, SessionStore } from '../../store/session';
import { ODDS_SIZES, oddsStore, scenarioLabel, type OddsReport, type OddsState } from '../../store/odds';
import { cliSource } from '../../store/tweaks';
import { h, replace } from '../dom';
import { icon } from '../icons';
import { modalOpen } from '../modal';
import { blameLine, endHistogram, outcomeBars, peakRange, percentiles } from './charts';
import { outcomeColour } from './colours';
import { outcomeRows } from './view';
import { trapFocus, type Trap } from '../focus-trap';
import { tornadoTab, type TornadoTab } from './tornado';
import { sweepTab, type SweepTab } from './sweep';
import { createSizePicker } from './size-picker';

const num = (n: number) => n.toLocaleString('en-US');
/** The most games one batch may have. */
const MAX_N = 20_000;

interface Panel {
  el: HTMLElement;
  close(): void;
}

let open: Panel | null = null;

/** The panel's tabs; the one shown last opens again. */
const TABS = [
  { id: 'outcomes', label: 'Outcomes', tip: 'How the scenario ends over many seeds' },
  { id: 'matter', label: 'What matters', tip: 'Which parameters move the outcome most: a tornado chart' },
  { id: 'sweep', label: 'Sweep', tip: 'One parameter over a range of values, as lines' },
] as const;
type TabId = (typeof TABS)[number]['id'];
let tab: TabId = 'outcomes';

/** Opens the Odds panel (or closes it when it is open); `loadedAs` names the player's own files as they were loaded. */
export function toggleOdds(session: SessionStore, loadedAs: (file: string) => string | null = () => null): void {
  if (open) open.close();
  else open = createPanel(session, loadedAs);
}

/** True while the Odds panel is open. */
export function oddsOpen(): boolean {
  return open !== null;
}

function createPanel(session: SessionStore, loadedAs: (file: string) => string | null): Panel {
  const odds = oddsStore();
  const before = document.activeElement as HTMLElement | null;

  const sub = h('span', { class: 'panel-sub od-sub' });
  const closeBtn = h('button', { class: 'pop-close od-close', 'aria-label': 'Close the odds', 'data-tip': 'Close (Esc)', onclick: () => close() }, icon('close'));
  const picker = createSizePicker({ sizes: ODDS_SIZES, max: MAX_N, label: 'Number of games', unit: 'games', get: () => odds.getState().n, set: (n) => odds.getState().setN(n), run: () => start() });
  const run = h('button', { class: 'btn primary od-run', onclick: () => start() }, 'Run');
  const cmd = h('code', { class: 'od-cmd' });
  const cmdNote = h('span', { class: 'od-cmd-note' });
  const intro = h('p', { class: 'od-intro' }, 'One observer game per seed, 1 to N, played in the background. The same numbers as ', cmd, cmdNote);

  const fill = h('span', { class: 'od-progress-fill' });
  const count = h('span', { class: 'od-progress-n mono' });
  const cancel = h('button', { class: 'btn ghost od-cancel', onclick: () => odds.getState().cancelOdds() }, 'Cancel');
  const progress = h('div', { class: 'od-progress', role: 'progressbar', 'aria-label': 'Odds progress', 'aria-valuemin': 0 }, h('span', { class: 'od-progress-track' }, fill), count, cancel);

  const note = h('p', { class: 'od-note', role: 'status' });
  const compare = h('div', { class: 'od-compare' });
  const results = h('div', { class: 'od-results' });

  // The tabs (arrows move between them) and their panes; the analysis tabs are made when first shown.
  const tabs = TABS.map((t) =>
    h('button', { class: 'oa-tabbtn', role: 'tab', id: `od-tab-${t.id}`, 'aria-controls': `od-pane-${t.id}`, 'aria-selected': 'false', 'data-tab': t.id, 'data-tip': t.tip, onclick: () => show(t.id), onkeydown: (e: Event) => tabKey(e as KeyboardEvent) }, t.label),
  );
  const panes: Record<TabId, HTMLElement> = {
    outcomes: h('div', { class: 'oa-pane', id: 'od-pane-outcomes', role: 'tabpanel', 'aria-labelledby': 'od-tab-outcomes' }, intro, h('div', { class: 'od-controls' }, picker.el, run), progress, note, compare, results),
    matter: h('div', { class: 'oa-pane', id: 'od-pane-matter', role: 'tabpanel', 'aria-labelledby': 'od-tab-matter' }),
    sweep: h('div', { class: 'oa-pane', id: 'od-pane-sweep', role: 'tabpanel', 'aria-labelledby': 'od-tab-sweep' }),
  };
  const body = h('div', { class: 'od-body' }, panes.outcomes, panes.matter, panes.sweep);
  const el = h(
    'aside',
    { class: 'odds', role: 'dialog', 'aria-label': 'Odds', tabindex: -1, 'data-status': 'idle' },
    h('header', { class: 'od-head' }, h('h2', { class: 'panel-title od-title' }, 'Odds', sub), closeBtn),
    h('div', { class: 'oa-tabs', role: 'tablist', 'aria-label': 'Odds views' }, ...tabs),
    body,
  );
  /** The scenario file as the command line names it (a tweak or the player's own file, with what to do first). */
  const cliFile = () => {
    const f = session.getState().file;
    return f ? cliSource(f, loadedAs) : { file: '<scenario>', note: null };
  };
  let tornado: TornadoTab | null = null;
  let sweep: SweepTab | null = null;

  function show(id: TabId): void {
    tab = id;
    el.dataset.tab = id;
    tabs.forEach((b) => {
      const on = b.dataset.tab === id;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
      b.classList.toggle('on', on);
    });
    for (const [k, pane] of Object.entries(panes)) pane.hidden = k !== id;
    if (id === 'matter' && !tornado) panes.matter.append((tornado = tornadoTab({ session, cliFile, close: () => close() })).el);
    if (id === 'sweep' && !sweep) panes.sweep.append((sweep = sweepTab({ session, cliFile })).el);
    if (id === 'sweep') sweep?.render();
    body.scrollTop = 0;
  }

  function tabKey(e: KeyboardEvent): void {
    const i = TABS.findIndex((t) => t.id === tab);
    const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const next = TABS[(to + TABS.length) % TABS.length]!.id;
    show(next);
    tabs.find((b) => b.dataset.tab === next)?.focus();
  }

  function start(): void {
    const s = session.getState();
    if (s.scenario) odds.getState().runOdds(s.scenario, odds.getState().n);
  }

  let shownResult: OddsReport | null | undefined;
  let shownBaseline: OddsReport | null | undefined;

  function render(o: OddsState, s: Session): void {
    const running = o.status === 'running';
    el.dataset.status = o.status;
    el.dataset.done = String(o.done);
    el.dataset.total = String(o.total);
    sub.textContent = s.scenario ? scenarioLabel(s.scenario) : '';
    picker.update(o.n, running);
    run.disabled = running || !s.scenario;
    run.textContent = `Run ${num(o.n)} games`;
    // A tweak lives in the browser: the command names the file "Export as variant" gives; the player's
    // own file goes by the name it was loaded as, not by the page's scenarios/ path.
    const c = s.file ? cliSource(s.file, loadedAs) : { file: '<scenario>', note: null, exported: false };
    cmd.textContent = `npm run sim -- ${c.file} --runs ${o.n}`;
    cmd.title = c.exported ? `After "Export as variant" (Tweak panel), saved as ${c.file}` : '';
    cmdNote.textContent = c.note ? ` (${c.note})` : '';
    cmdNote.hidden = !c.note;

    // Progress: while running, and what became of the last batch.
    const share = o.total > 0 ? o.done / o.total : 0;
    progress.hidden = o.status === 'idle';
    progress.classList.toggle('running', running);
    progress.setAttribute('aria-valuemax', String(o.total));
    progress.setAttribute('aria-valuenow', String(o.done));
    fill.style.width = `${(100 * share).toFixed(2)}%`;
    fill.classList.toggle('stopped', o.status === 'cancelled' || o.status === 'error');
    cancel.hidden = !running;
    count.textContent =
      o.status === 'done' && o.result
        ? `${num(o.result.odds.runs)} games in ${(o.result.ms / 1000).toFixed(1)} s`
        : o.status === 'cancelled'
          ? `Cancelled at ${num(o.done)} / ${num(o.total)}`
          : o.status === 'error'
            ? `Failed: ${o.error ?? 'unknown error'}`
            : `${num(o.done)} / ${num(o.total)}`;

    // A note when the result no longer matches the scenario in play.
    const r = o.result;
    let text = '';
    if (r && s.scenario && !running) {
      if (r.scenarioId !== s.scenario.data.meta.id) text = `These odds are for ${r.title}. Run again for the scenario in play.`;
      else if (r.hash !== s.scenario.hash) text = 'The scenario changed since this result. Run again: this result becomes “before”.';
    }
    note.textContent = text;
    note.hidden = text === '';

    if (r !== shownResult || o.baseline !== shownBaseline) {
      shownResult = r;
      shownBaseline = o.baseline;
      drawResults(r, o.baseline);
    }
  }

  function drawResults(r: OddsReport | null, b: OddsReport | null): void {
    if (!r) {
      replace(compare);
      replace(results, h('div', { class: 'od-empty' }, h('div', { class: 'od-empty-t' }, 'No odds yet'), h('div', {}, 'Choose how many games to play and press Run. Each game is a full observer run with its own seed; the panel shows how they end.')));
      return;
    }
    const base = b && b !== r ? b : null;
    const keep = h('button', { class: 'btn ghost od-keep', disabled: b === r, 'data-tip': 'Keep this result as “before”: later runs are shown against it', onclick: () => odds.getState().keepAsBaseline() }, b === r ? 'Kept as baseline' : 'Keep as baseline');
    const clear = b ? h('button', { class: 'btn ghost od-clear', 'data-tip': 'Forget the baseline', onclick: () => odds.getState().clearBaseline() }, 'Clear') : null;
    replace(
      compare,
      h(
        'div',
        { class: 'od-legend' },
        h('span', { class: 'od-leg after', 'data-tip': r.label }, h('i', {}), h('b', {}, base ? 'After' : 'Result'), h('span', { class: 'od-leg-l' }, legend(r, base))),
        base ? h('span', { class: 'od-leg before', 'data-tip': base.label }, h('i', {}), h('b', {}, 'Before'), h('span', { class: 'od-leg-l' }, legend(base, r))) : null,
      ),
      h('div', { class: 'od-compare-actions' }, keep, clear),
    );
    const rows = outcomeRows(r, base);
    const top = rows.reduce((a, x) => (x.count > a.count ? x : a), rows[0]!);
    replace(
      results,
      h(
        'section',
        { class: 'od-sec' },
        h('h3', { class: 'od-h' }, 'Outcomes', h('span', { class: 'od-h-sub' }, `most often: `, h('b', { style: `color:${outcomeColour(top.index)}` }, top.name))),
        outcomeBars(rows, r, base),
        blameLine(r),
      ),
      h('section', { class: 'od-sec' }, h('h3', { class: 'od-h' }, 'Day of the end', h('span', { class: 'od-h-sub' }, `of ${r.turnLimit} days`)), endHistogram(rows, r, base), percentiles('endTurn', r, base, (v) => `day ${v}`)),
      h('section', { class: 'od-sec' }, h('h3', { class: 'od-h' }, 'Peak tension', h('span', { class: 'od-h-sub' }, 'the highest overall tension of each run')), peakRange(r, base), percentiles('peakTension', r, base, (v) => v.toFixed(1))),
    );
  }

  /** "2,000 games · scenario a169d5be" (with the title when the other side is another scenario). */
  function legend(x: OddsReport, other: OddsReport | null): string {
    const which = other && other.scenarioId !== x.scenarioId ? `${x.title} · ${x.hash.slice(0, 8)}` : `scenario ${x.hash.slice(0, 8)}`;
    return `${num(x.odds.runs)} games · ${which}`;
  }

  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || modalOpen() || e.defaultPrevented) return;
    e.preventDefault();
    close();
  };

  const paint = () => {
    render(odds.getState(), session.getState());
    tornado?.render();
    sweep?.render();
  };
  const unOdds = odds.subscribe(paint);
  const unSession = session.subscribe((s) => (s.screen === 'menu' ? close() : paint()));

  let trap: Trap | null = null;
  function close(): void {
    if (open?.el !== el) return;
    open = null;
    unOdds();
    unSession();
    tornado?.dispose();
    sweep?.dispose();
    window.removeEventListener('keydown', onKey);
    trap?.release({ restore: false });
    el.remove();
    if (before?.isConnected) before.focus({ preventScroll: true });
  }

  show(tab);
  paint();
  window.addEventListener('keydown', onKey);
  document.body.append(el);
  // A dialog: focus moves in, and Tab stays inside until it closes.
  trap = trapFocus(el, { first: el });
  return { el, close };
}
