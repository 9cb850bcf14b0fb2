// The Odds panel's "What matters" tab: the tornado chart. It runs the sensitivity study of the session's
// scenario (every tweakable parameter a step below and above its value, 300 seeds a side by default, the
// CLI's seeds) in the variant pool with a progress bar, the time elapsed and left, and Cancel; then draws a
// bar per parameter, largest effect first (the top 15, or all): the step down and the step up each against
// the base, on the measure picked (how far the outcomes move, one outcome's share, or a role's win share),
// with ± one standard error as whiskers and effects within noise greyed. A bar opens the Tweak panel on
// that parameter's slider. It reads the session store and the sensitivity store only.
import type { Session, SessionStore } from '../../store/session';
import { rankedBy, SENSITIVITY_SIZES, sensitivitySize, sensitivityStore, type SensitivityMetric, type SensitivityRecord } from '../../store/sensitivity';
import { h, replace } from '../dom';
import { toast } from '../toast';
import { openTweakAt } from '../tweak/tweak-focus';
import { runProgress } from './run-progress';
import { formatPoints, formatTick, formatValue, sideAt, tornadoBars, tornadoScale, type TornadoBar, type TornadoScale } from './tornado-view';
import { createSizePicker } from './size-picker';

const num = (n: number) => n.toLocaleString('en-US');
/** Words for screen readers only. */
const sr = (text: string) => h('span', { class: 'sr-only' }, text);
/** Bars shown before "Show all". */
const TOP = 15;
const MAX_N = 5000;

export interface TornadoDeps {
  session: SessionStore;
  /** The scenario file as the command line names it, and what to do first (or null). */
  cliFile(): { file: string; note: string | null };
  /** Closes the Odds panel (a bar opens the Tweak panel in its place). */
  close(): void;
}

export interface TornadoTab {
  el: HTMLElement;
  render(): void;
  dispose(): void;
}

/** The measure as a select's value, and back. */
const metricValue = (m: SensitivityMetric): string => (m.kind === 'outcomes' ? 'outcomes' : `${m.kind}:${m.id}`);
function metricOf(value: string): SensitivityMetric {
  if (value === 'outcomes') return { kind: 'outcomes' };
  const [kind, id] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
  return kind === 'role' ? { kind: 'role', id } : { kind: 'outcome', id };
}

/** The measure shown: the one picked, else the player's role's win share, else the whole distribution. */
function metricFor(picked: SensitivityMetric | null, s: Session, record: SensitivityRecord | null): SensitivityMetric {
  const d = s.scenario?.data;
  const roles = record?.roles ?? d?.actors.filter((a) => a.playable) ?? [];
  const outcomes = record?.outcomes ?? d?.outcomes ?? [];
  const valid = (m: SensitivityMetric) => m.kind === 'outcomes' || (m.kind === 'role' ? roles : outcomes).some((x) => x.id === m.id);
  if (picked && valid(picked)) return picked;
  return s.role !== 'observer' && roles.some((r) => r.id === s.role) ? { kind: 'role', id: s.role } : { kind: 'outcomes' };
}

/** The measure in words, e.g. "Russia's win share". */
function metricName(m: SensitivityMetric, r: SensitivityRecord): string {
  if (m.kind === 'outcomes') return 'how far the outcome shares move';
  if (m.kind === 'role') return `${r.roles.find((x) => x.id === m.id)?.name ?? m.id}'s win share`;
  return `the share of ${r.outcomes.find((x) => x.id === m.id)?.name ?? m.id}`;
}

export function tornadoTab(d: TornadoDeps): TornadoTab {
  const store = sensitivityStore();
  let showAll = false;

  const cmd = h('code', { class: 'od-cmd' });
  const cmdNote = h('span', { class: 'od-cmd-note' });
  const intro = h(
    'p',
    { class: 'od-intro' },
    'Every tweakable parameter played a step (10 %) below and above its value on the same seeds, then ranked by how much the outcome moves. The same ranking as ',
    cmd,
    cmdNote,
  );
  const picker = createSizePicker({ sizes: SENSITIVITY_SIZES, max: MAX_N, label: 'Seeds a side', unit: 'seeds a side', fieldClass: 'tn-n', get: () => store.getState().n, set: (n) => store.getState().setN(n), run: () => start() });
  const run = h('button', { class: 'btn primary od-run tn-run', onclick: () => start() }, 'Rank the parameters');
  const progress = runProgress('Sensitivity progress', () => store.getState().cancelSensitivity(), 'tn-progress');
  const note = h('p', { class: 'od-note tn-note', role: 'status' });
  const out = h('div', { class: 'tn-out' });
  const el = h(
    'div',
    { class: 'oa-tab tn' },
    intro,
    h('div', { class: 'od-controls' }, h('span', { class: 'oa-k oa-seeds' }, 'Seeds a side'), picker.el, run),
    progress.el,
    note,
    out,
  );

  function start(): void {
    const s = d.session.getState();
    if (s.scenario) store.getState().runSensitivity(s.scenario, store.getState().n);
  }

  let shown: { record: SensitivityRecord | null; metric: string; showAll: boolean; n: number } | null = null;

  function render(): void {
    const o = store.getState();
    const s = d.session.getState();
    const running = o.status === 'running';
    el.dataset.status = o.status;
    el.dataset.done = String(o.done);
    el.dataset.total = String(o.total);
    picker.update(o.n, running);
    run.disabled = running || !s.scenario;
    const size = s.scenario ? sized(s.scenario, o.n) : null;
    run.textContent = running ? 'Ranking…' : size ? `Rank ${size.parameters} parameters` : 'Rank the parameters';
    run.dataset.tip = size ? `${num(size.games)} games: the scenario as written and each parameter a step either side, ${num(o.n)} seeds each` : '';

    // The record of the scenario in play, else the last one run (with a note).
    const records = Object.values(o.records);
    const record = (s.scenario && o.records[s.scenario.hash]) || records[records.length - 1] || null;
    const metric = metricFor(o.metric, s, record);
    const c = d.cliFile();
    const flag = metric.kind === 'outcomes' ? '' : ` --${metric.kind} ${metric.id}`;
    cmd.textContent = `npm run -s sim -- ${c.file} --sensitivity --runs ${o.n}${flag}`;
    cmdNote.textContent = c.note ? ` (${c.note})` : '';
    cmdNote.hidden = !c.note;

    progress.update({ status: o.status, done: o.done, total: o.total, startedAt: o.startedAt, ms: o.hash ? o.records[o.hash]?.ms : undefined, error: o.error });
    let text = '';
    if (record && s.scenario && !running && record.hash !== s.scenario.hash) {
      text = record.scenarioId !== s.scenario.data.meta.id ? `These results are for ${record.title}. Run again for the scenario in play.` : 'The scenario changed since these results (a tweak). Run again to rank its parameters.';
    }
    note.textContent = text;
    note.hidden = text === '';

    const key = metricValue(metric);
    // The empty state names the study's size, which follows the seed count.
    const n = record ? 0 : o.n;
    if (!shown || shown.record !== record || shown.metric !== key || shown.showAll !== showAll || shown.n !== n) {
      shown = { record, metric: key, showAll, n };
      draw(record, metric, s);
    }
  }

  /** The size of a study (its plan is cheap, but not free: once per scenario and seed count). */
  let sizeOf: { hash: string; n: number; size: { parameters: number; games: number } } | null = null;
  function sized(scenario: NonNullable<Session['scenario']>, n: number): { parameters: number; games: number } {
    if (sizeOf?.hash !== scenario.hash || sizeOf.n !== n) sizeOf = { hash: scenario.hash, n, size: sensitivitySize(scenario, n) };
    return sizeOf.size;
  }

  function draw(record: SensitivityRecord | null, metric: SensitivityMetric, s: Session): void {
    if (!record) {
      const size = s.scenario ? sized(s.scenario, store.getState().n) : null;
      replace(
        out,
        h(
          'div',
          { class: 'od-empty' },
          h('div', { class: 'od-empty-t' }, 'Which numbers matter?'),
          h(
            'div',
            {},
            `Rank the scenario’s ${size ? `${size.parameters} ` : ''}tweakable parameters by what a 10 % step either way does to the outcome.${size ? ` At ${num(store.getState().n)} seeds a side that is ${num(size.games)} games:` : ''} it takes a while, and you can cancel at any time.`,
          ),
        ),
      );
      return;
    }
    const ranked = rankedBy(record, metric);
    const bars = tornadoBars(ranked);
    const list = showAll ? bars : bars.slice(0, TOP);
    const scale = tornadoScale(list, metric);
    const picker = measurePicker(record, metric);
    const baseShare = metric.kind === 'outcome' ? ranked.result.base.outcomes[metric.id] : metric.kind === 'role' ? ranked.result.base.roles[metric.id] : undefined;
    const noisy = bars.filter((b) => b.noise).length;
    const summary = h(
      'p',
      { class: 'tn-summary' },
      h('b', {}, `${record.parameters} parameters`),
      ` ranked by ${metricName(metric, record)}`,
      baseShare !== undefined ? h('span', { class: 'tn-base' }, ` (at the scenario’s values: ${(baseShare * 100).toFixed(1)} %)`) : null,
      `. ${num(record.runs)} seeds a side, ${num(record.games)} games in ${(record.ms / 1000).toFixed(1)} s on ${record.workers} workers. ${noisy} within noise.`,
    );
    const more = bars.length > TOP
      ? h('button', { class: 'btn ghost tn-more', 'aria-expanded': String(showAll), onclick: () => ((showAll = !showAll), render()) }, showAll ? `Show the top ${TOP}` : `Show all ${bars.length} parameters`)
      : null;
    replace(
      out,
      h('div', { class: 'tn-measure' }, h('label', { class: 'oa-k', for: picker.id }, 'Rank by'), picker),
      summary,
      legend(metric),
      chart(list, scale, metric, record),
      h('div', { class: 'tn-foot' }, h('span', { class: 'tn-hint' }, 'Choose a bar to open its slider in Tweak.'), more),
    );
  }

  function measurePicker(record: SensitivityRecord, metric: SensitivityMetric): HTMLSelectElement {
    const select = h(
      'select',
      { class: 'oa-select tn-metric', id: 'tn-metric', onchange: () => store.getState().setMetric(metricOf(select.value)) },
      h('option', { value: 'outcomes' }, 'How far the outcomes move (all of them)'),
      h('optgroup', { label: 'An outcome’s share' }, ...record.outcomes.map((o) => h('option', { value: `outcome:${o.id}` }, o.name))),
      h('optgroup', { label: 'A role’s win share' }, ...record.roles.map((r) => h('option', { value: `role:${r.id}` }, `${r.name} wins`))),
    );
    select.value = metricValue(metric);
    return select;
  }

  function legend(metric: SensitivityMetric): HTMLElement {
    const mirrored = metric.kind === 'outcomes';
    return h(
      'div',
      { class: 'tn-legend', 'aria-hidden': 'true' },
      h('span', {}, h('i', { class: 'tn-sw up' }), 'Step up (+10 %)'),
      h('span', {}, h('i', { class: 'tn-sw down' }), 'Step down (−10 %)'),
      h('span', {}, h('i', { class: 'tn-sw whisk' }), '± 1 standard error'),
      h('span', {}, h('i', { class: 'tn-sw noise' }), 'Within noise'),
      h('span', { class: 'tn-unit' }, mirrored ? 'Bars: how far each step moves the outcome shares, in points' : 'Bars: each step’s change from the scenario’s values, in points'),
    );
  }

  function chart(list: TornadoBar[], scale: TornadoScale, metric: SensitivityMetric, record: SensitivityRecord): HTMLElement {
    const pct = (x: number) => `${Math.max(0, Math.min(100, x)).toFixed(2)}%`;
    const zero = sideAt(scale, 0, 'up');
    const grid = () => scale.ticks.map((t) => h('i', { class: `tn-grid${t === 0 ? ' zero' : ''}`, style: `left:${pct(sideAt(scale, t, 'up'))}` }));
    const axis = h(
      'div',
      { class: 'tn-row tn-axis', 'aria-hidden': 'true' },
      h('span', { class: 'tn-rank' }),
      h('span', { class: 'tn-name oa-k' }, 'Parameter'),
      h('span', { class: 'tn-plot' }, ...scale.ticks.map((t) => h('span', { class: 'tn-tick mono', style: `left:${pct(sideAt(scale, t, 'up'))}` }, formatTick(scale.mirrored ? Math.abs(t) : t, !scale.mirrored)))),
      h('span', { class: 'tn-eff oa-k' }, 'Effect'),
    );
    const signed = !scale.mirrored;
    const words = metricName(metric, record);
    const rows = list.map((b) => {
      const side = (which: 'up' | 'down') => {
        const p = which === 'up' ? b.upPoints : b.downPoints;
        const e = which === 'up' ? b.upError : b.downError;
        const at = sideAt(scale, p, which);
        const lo = Math.min(at, zero);
        const x = scale.mirrored && which === 'down' ? -Math.abs(p) : p;
        return [
          h('span', { class: `tn-bar ${which}`, style: `left:${pct(lo)};width:${pct(Math.abs(at - zero))}` }),
          e > 0 ? h('span', { class: `tn-whisk ${which}`, style: `left:${pct(sideAt(scale, x - e, 'up'))};width:${pct(sideAt(scale, x + e, 'up') - sideAt(scale, x - e, 'up'))}` }) : null,
        ];
      };
      const pp = (p: number, e: number) => `${formatPoints(p, signed)} points ± ${e.toFixed(1)}`;
      const tip = `${b.name} = ${formatValue(b.base)}. At ${formatValue(b.above)}: ${pp(b.upPoints, b.upError)}; at ${formatValue(b.below)}: ${pp(b.downPoints, b.downError)} (${words})${b.noise ? '. Within noise' : ''}. Opens its slider.`;
      return h(
        'button',
        {
          class: `tn-row tn-bar-row${b.noise ? ' noise' : ''}`,
          type: 'button',
          'data-key': b.key,
          'data-name': b.name,
          'data-rank': b.rank,
          'data-tip': tip,
          onclick: () => open(b.key),
        },
        // Read out as "1. Russia – Ukraine · fear, at 0.04 (steps 0.036 / 0.044): effect +12.4 ± 3.1 points. Opens its slider."
        h('span', { class: 'tn-rank mono' }, String(b.rank), sr('. ')),
        h('span', { class: 'tn-name' }, h('span', { class: 'tn-title' }, b.title), sr(', at '), h('span', { class: 'tn-sub mono' }, `${formatValue(b.base)} · ${formatValue(b.below)} / ${formatValue(b.above)}`)),
        h('span', { class: 'tn-plot', 'aria-hidden': 'true' }, ...grid(), ...side('up'), ...side('down')),
        h('span', { class: 'tn-eff mono' }, sr(': effect '), formatPoints(b.effectPoints, signed), h('small', {}, `± ${b.errorPoints.toFixed(1)}`), sr(` points${b.noise ? ', within noise' : ''}. Opens its slider.`)),
      );
    });
    return h('div', { class: 'tn-chart', role: 'group', 'aria-label': `Parameters by ${words}, largest effect first` }, axis, ...rows);
  }

  function open(key: string): void {
    if (openTweakAt(key)) d.close();
    else toast('The Tweak panel opens during a game: start or resume one to change this parameter.');
  }

  const unsubscribe = store.subscribe(render);
  render();
  return {
    el,
    render,
    dispose() {
      unsubscribe();
      progress.dispose();
    },
  };
}
