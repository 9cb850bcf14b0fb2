// The Odds panel's "Sweep" tab: one parameter of the session's scenario (picked from a searchable list by
// its readable name) over a range and step (by default its slider's range in about ten steps), every value
// on the same seeds, run in the variant pool with progress and Cancel; then each outcome's share over the
// values as lines, the scenario's own value marked, a table of the figures, and "Download CSV" (the CSV of
// `sim --sweep … --csv`). It reads the session, sweep and sensitivity stores only.
import type { SessionStore } from '../../store/session';
import { sweepParameters, sweepStore, sweepText, type Parameter, type SweepRecord, type SweepSpec } from '../../store/sweep';
import { sensitivityFor } from '../../store/sensitivity';
import { h, replace } from '../dom';
import { downloadText } from '../download';
import { toast } from '../toast';
import { outcomeColour } from './colours';
import { paramPicker } from './param-picker';
import { runProgress } from './run-progress';
import { sweepChart } from './sweep-chart';
import { defaultRange, rangeProblem, valueCount, type Range } from './sweep-view';
import { formatValue } from './tornado-view';

const num = (n: number) => n.toLocaleString('en-US');
const MAX_RUNS = 5000;
/** Lines hidden from the chart, by outcome id (kept while the panel is reopened). */
const hidden = new Set<string>();

export interface SweepDeps {
  session: SessionStore;
  cliFile(): { file: string; note: string | null };
}

export interface SweepTab {
  el: HTMLElement;
  render(): void;
  dispose(): void;
}

export function sweepTab(d: SweepDeps): SweepTab {
  const store = sweepStore();
  let params: Parameter[] = [];
  let values: Record<string, number> = {};
  let forHash: string | null = null;
  let key: string | null = null;

  const picker = paramPicker('Parameter to sweep', (k) => choose(k, true));
  const meaning = h('p', { class: 'sw-meaning' });
  const field = (label: string, cls: string) => {
    const input = h('input', { class: `od-n mono sw-f ${cls}`, type: 'number', 'aria-label': label, oninput: () => check(), onkeydown: (e: Event) => (e as KeyboardEvent).key === 'Enter' && start() });
    return { input, el: h('label', { class: 'sw-field' }, h('span', { class: 'oa-k' }, label), input) };
  };
  const from = field('From', 'sw-from');
  const to = field('To', 'sw-to');
  const step = field('Step', 'sw-step');
  const runs = field('Seeds', 'sw-runs');
  runs.input.min = '1';
  runs.input.max = String(MAX_RUNS);
  runs.input.step = '1';
  const size = h('span', { class: 'sw-size' });
  const problem = h('p', { class: 'sw-problem', role: 'alert' });
  const run = h('button', { class: 'btn primary od-run sw-run', onclick: () => start() }, 'Sweep');
  const cmd = h('code', { class: 'od-cmd sw-cmd' });
  const cmdNote = h('span', { class: 'od-cmd-note' });
  const progress = runProgress('Sweep progress', () => store.getState().cancelSweep(), 'sw-progress');
  const out = h('div', { class: 'sw-out' });
  const el = h(
    'div',
    { class: 'oa-tab sw' },
    h('p', { class: 'od-intro' }, 'One parameter over a range of values, every value on the same seeds: each outcome’s share as a line. The same table as ', cmd, cmdNote),
    h('div', { class: 'sw-pick' }, h('label', { class: 'oa-k', for: picker.input.id }, 'Parameter'), picker.el),
    meaning,
    h('div', { class: 'sw-fields' }, from.el, to.el, step.el, runs.el),
    h('div', { class: 'od-controls sw-go' }, size, run),
    problem,
    progress.el,
    out,
  );

  /** The range and seeds typed. */
  const typed = (): Range & { runs: number } => ({ from: Number(from.input.value), to: Number(to.input.value), step: Number(step.input.value), runs: Math.round(Number(runs.input.value)) });

  function choose(k: string, reset: boolean): void {
    key = k;
    const p = params.find((x) => x.key === k);
    if (!p) return;
    picker.show(k);
    meaning.replaceChildren(p.meaning, ' ', h('span', { class: 'sw-range mono' }, `Value ${formatValue(values[k]!)}; slider ${formatValue(p.min)} – ${formatValue(p.max)}.`));
    if (reset) {
      const r = defaultRange(p, values);
      from.input.value = String(r.from);
      to.input.value = String(r.to);
      step.input.value = String(r.step);
    }
    for (const f of [from, to, step]) f.input.step = String(p.step);
    check();
  }

  /** Checks the fields; says what is wrong; returns the spec when it can run. */
  function check(): SweepSpec | null {
    const t = typed();
    let text = key === null ? 'Pick a parameter to sweep.' : rangeProblem(t);
    if (!text && !(t.runs >= 1 && t.runs <= MAX_RUNS)) text = `Seeds: a whole number from 1 to ${num(MAX_RUNS)}.`;
    problem.textContent = text ?? '';
    problem.hidden = !text;
    const running = store.getState().status === 'running';
    run.disabled = !!text || running || !d.session.getState().scenario;
    const n = text ? 0 : valueCount(t);
    size.textContent = text ? '' : `${num(n)} values × ${num(t.runs)} seeds = ${num(n * t.runs)} games`;
    run.textContent = running ? 'Sweeping…' : text ? 'Sweep' : `Sweep ${num(n)} values`;
    const p = params.find((x) => x.key === key);
    const c = d.cliFile();
    cmd.textContent = `npm run -s sim -- ${c.file} --sweep ${p && !text ? sweepText(p, { key: p.key, ...t }) : 'KEY=FROM..TO:STEP'} --runs ${text ? 'N' : t.runs} --csv`;
    cmdNote.textContent = c.note ? ` (${c.note})` : '';
    cmdNote.hidden = !c.note;
    return text || key === null ? null : { key, from: t.from, to: t.to, step: t.step, runs: t.runs };
  }

  function start(): void {
    const spec = check();
    const s = d.session.getState();
    if (spec && s.scenario && store.getState().status !== 'running') store.getState().runSweep(s.scenario, spec);
  }

  /** Follows the scenario in play: its parameters, and a first choice (the last sweep's, else the top of the tornado). */
  function follow(): void {
    const s = d.session.getState();
    if (!s.scenario || s.scenario.hash === forHash) return;
    forHash = s.scenario.hash;
    const ps = sweepParameters(s.scenario);
    params = ps.parameters;
    values = ps.values;
    picker.setParameters(params);
    const has = (k: string | null | undefined): k is string => !!k && params.some((p) => p.key === k);
    const last = store.getState().spec;
    if (has(key)) choose(key, false);
    else if (last && has(last.key)) {
      from.input.value = String(last.from);
      to.input.value = String(last.to);
      step.input.value = String(last.step);
      choose(last.key, false);
    } else {
      const top = sensitivityFor(s.scenario.hash)?.overall.ranking[0]?.key;
      const first = has(top) ? top : params[0]?.key;
      if (first) choose(first, true);
    }
  }

  let shown: SweepRecord | null | undefined;
  let width = 0;

  function render(): void {
    follow();
    const o = store.getState();
    el.dataset.status = o.status;
    el.dataset.done = String(o.done);
    el.dataset.total = String(o.total);
    if (!runs.input.value) runs.input.value = String(o.spec?.runs ?? 300);
    for (const f of [from, to, step, runs]) f.input.disabled = o.status === 'running';
    picker.input.disabled = o.status === 'running';
    check();
    progress.update({ status: o.status === 'error' && o.total === 0 ? 'idle' : o.status, done: o.done, total: o.total, startedAt: o.startedAt, ms: o.result?.ms, error: o.error });
    if (o.status === 'error' && o.total === 0 && o.error) {
      problem.textContent = `${o.error[0]!.toUpperCase()}${o.error.slice(1)}.`.replace(/\.\.$/, '.');
      problem.hidden = false;
    }
    const w = Math.round(out.clientWidth);
    if (o.result !== shown || (w > 0 && Math.abs(w - width) > 8)) {
      shown = o.result;
      width = w;
      draw(o.result);
    }
  }

  function draw(r: SweepRecord | null): void {
    if (!r) {
      replace(out, h('div', { class: 'od-empty' }, h('div', { class: 'od-empty-t' }, 'No sweep yet'), h('div', {}, 'Pick a parameter and a range, then press Sweep. Each value plays the same seeds, so the lines show what the parameter does, not the luck of the draw.')));
      return;
    }
    const chartWidth = Math.max(280, width || 520);
    const chartHeight = Math.round(Math.min(300, Math.max(220, chartWidth * 0.5)));
    const legend = h(
      'div',
      { class: 'sw-legend', role: 'group', 'aria-label': 'Lines shown' },
      ...r.outcomes.map((o, k) =>
        h(
          'button',
          { class: 'sw-leg', type: 'button', 'aria-pressed': String(!hidden.has(o.id)), 'data-outcome-id': o.id, onclick: () => (hidden.has(o.id) ? hidden.delete(o.id) : hidden.add(o.id), draw(r)) },
          h('i', { style: `background:${outcomeColour(k)}` }),
          o.name,
        ),
      ),
    );
    const download = h('button', { class: 'btn ghost sw-csv', onclick: () => save(r) }, 'Download CSV');
    const stale = d.session.getState().scenario?.hash !== r.hash;
    replace(
      out,
      h('div', { class: 'sw-head' }, h('h3', { class: 'od-h sw-title' }, 'Outcome shares', h('span', { class: 'od-h-sub' }, `over ${r.parameter.name} · ${num(r.table.runs)} seeds a value`)), download),
      stale ? h('p', { class: 'od-note' }, `This sweep is of ${r.label}, not the scenario in play.`) : null,
      h('div', { class: 'sw-chart' }, sweepChart(r, hidden, chartWidth, chartHeight)),
      legend,
      table(r),
    );
  }

  function table(r: SweepRecord): HTMLElement {
    return h(
      'details',
      { class: 'sw-table' },
      h('summary', {}, 'The figures'),
      h(
        'div',
        { class: 'sw-table-wrap' },
        h(
          'table',
          {},
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, r.parameter.label), ...r.outcomes.map((o) => h('th', { scope: 'col' }, o.name)))),
          h('tbody', {}, ...r.table.rows.map((row) => h('tr', { class: row.values[0] === r.base ? 'base' : '' }, h('th', { scope: 'row', class: 'mono' }, String(row.values[0])), ...row.outcomes.map((x) => h('td', { class: 'mono' }, `${(x * 100).toFixed(1)}%`))))),
        ),
      ),
    );
  }

  function save(r: SweepRecord): void {
    const name = `${r.scenarioId}-sweep-${r.parameter.name.replace(/[^A-Za-z0-9._-]+/g, '-')}.csv`;
    downloadText(name, r.csv, 'text/csv');
    toast(`Saved ${name}`);
  }

  const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => render());
  ro?.observe(out);
  const unsubscribe = store.subscribe(render);
  render();
  return {
    el,
    render,
    dispose() {
      unsubscribe();
      ro?.disconnect();
      progress.dispose();
    },
  };
}
