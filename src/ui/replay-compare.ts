// The replay viewer's comparison view, while the replay is compared with another run (store/compare.ts):
// a panel over the map's right side (on a phone, a full-width section under the replay bar) with the two
// runs named and the first day they part in words (as `npm run replay` prints it), with a button to go
// there; then one of three views (a switch; on a phone all three, one under the other): the tension or a
// role's victory points, both runs overlaid on one chart — this replay's line solid, the other's dashed,
// the day they part and the day shown marked — with both runs' numbers on the day shown; or the orders
// and the moves that differed, each a button that goes to its day (one tab stop: ↑/↓ move between them).
// The first diverging day is also marked on the viewer's timeline. The charts are chart.ts's and
// track-chart.ts's; the numbers are the model's (compareRuns).
import type { Session, SessionStore } from '../store/session';
import { curveOf, type CompareStore, type Comparing, type DiffRow } from '../store/compare';
import { bandSpans, displayDate } from '../store/ui-view';
import { drawChart, OVERALL_COLOUR, type ChartData } from './chart';
import { drawTrackChart } from './track-chart';
import { h, replace } from './dom';
import { icon } from './icons';
import { seekViewer } from './replay-bar';

/** This replay's line (solid), the other run's (dashed), and the day they part. */
export const RUN_A = OVERALL_COLOUR;
export const RUN_B = '#56B4E9';
export const PARTED = '#d68fb8';

const fmt = (x: number | undefined): string => (x === undefined ? '—' : x.toFixed(1));

export interface ComparePanel {
  el: HTMLElement;
  /** Brings the panel into view and gives its headline focus (after a comparison is made). */
  reveal(): void;
}

export function createComparePanel(store: SessionStore, compare: CompareStore, playEl: HTMLElement): ComparePanel {
  const runs = h('span', { class: 'cmp-runs' });
  const stop = h('button', { class: 'btn ghost rb-small cmp-stop', type: 'button', 'data-tip': 'Back to the replay alone', onclick: () => stopComparing() }, icon('close'), h('span', { class: 'lbl' }, 'Stop comparing'));
  /** Ends the comparison; focus goes back to the viewer's Compare button (the panel is gone). */
  function stopComparing(): void {
    compare.getState().stop();
    playEl.querySelector<HTMLElement>('.replay-bar .rb-compare')?.focus();
  }
  const headline = h('p', { class: 'cmp-headline', tabindex: -1 });
  const goto = h('button', { class: 'btn cmp-goto', type: 'button', onclick: () => (parted !== null ? seekViewer(store, parted) : undefined) });
  const remarks = h('ul', { class: 'cmp-remarks' });

  type View = 'tension' | 'points' | 'diffs';
  let view: View = 'tension';
  /** The chart drawn (the last chart view picked: on a phone the list shows under it). */
  let kind: 'tension' | 'points' = 'tension';
  const tabTension = h('button', { class: 'chart-tab on', type: 'button', 'aria-pressed': 'true', onclick: () => pick('tension') }, 'Tension');
  const tabPoints = h('button', { class: 'chart-tab', type: 'button', 'aria-pressed': 'false', onclick: () => pick('points') }, 'Victory points');
  const tabDiffs = h('button', { class: 'chart-tab cmp-tab-diffs', type: 'button', 'aria-pressed': 'false', onclick: () => pick('diffs') }, 'What differed');
  const roleSel = h('select', { class: 'cmp-role', 'aria-label': 'Whose victory points' });
  roleSel.addEventListener('change', () => {
    role = roleSel.value;
    draw();
    readout(store.getState());
  });
  const canvas = h('canvas', { class: 'chart cmp-canvas', role: 'img' });
  const legend = h('div', { class: 'legend cmp-legend' });
  const now = h('table', { class: 'cmp-now' });
  const lists = h('div', { class: 'cmp-lists' });

  const el = h(
    'section',
    { class: 'panel cmp-panel', 'aria-labelledby': 'cmp-panel-title', hidden: true },
    h('div', { class: 'cmp-top' }, h('h2', { class: 'panel-title', id: 'cmp-panel-title' }, 'Comparing'), runs, stop),
    h('div', { class: 'cmp-head', 'aria-live': 'polite' }, headline, goto),
    remarks,
    h('div', { class: 'chart-head cmp-chart-head' }, h('span', { class: 'chart-tabs', role: 'group', 'aria-label': 'Show' }, tabTension, tabPoints, tabDiffs), roleSel),
    h('div', { class: 'cmp-curves' }, h('div', { class: 'cmp-chart' }, canvas), legend, now),
    lists,
  );

  // The first diverging day on the viewer's timeline (the track is the replay bar's).
  const markLabel = h('span', { class: 'cmp-mark-l' });
  const mark = h('div', { class: 'cmp-mark', 'aria-hidden': 'true', hidden: true }, markLabel);

  let shown: Comparing | null = null;
  let parted: number | null = null;
  let role = '';
  let cursor = -1;
  let rows: { day: number; button: HTMLButtonElement }[] = [];

  function pick(v: View): void {
    view = v;
    if (v !== 'diffs') kind = v;
    for (const [b, k] of [[tabTension, 'tension'], [tabPoints, 'points'], [tabDiffs, 'diffs']] as const) {
      b.setAttribute('aria-pressed', String(v === k));
      b.classList.toggle('on', v === k);
    }
    el.dataset.view = v;
    roleSel.hidden = kind !== 'points' || roleSel.options.length < 2;
    draw();
    readout(store.getState());
  }

  /** The chart of the comparison shown, with the day shown marked. */
  function draw(): void {
    const c = shown;
    // (Not while the list is shown instead: the canvas is redrawn when it shows again.)
    if (!c || el.hidden || !canvas.getClientRects().length) return;
    const s = store.getState();
    const k = c.comparison;
    const span = Math.max(1, k.curves.length - 1);
    const dates = k.curves.map((d) => d.a?.date ?? d.b?.date ?? '');
    const rules = parted !== null ? [{ turn: parted, label: `day ${parted}`, colour: PARTED }] : [];
    const day = s.viewer?.cursor;
    const track = c.tracks.find((t) => t.id === role);
    if (kind === 'points' && track) {
      const a = curveOf(k, 'a', (d) => d.points[role]);
      const b = curveOf(k, 'b', (d) => d.points[role]);
      const all = [...a, ...b, 0];
      drawTrackChart(canvas, { dates, points: a, colour: RUN_A, other: { points: b, colour: RUN_B }, win: track.win ?? Math.max(...all), loss: track.loss ?? Math.min(...all), span, shown: day, rules });
      canvas.setAttribute('aria-label', `${track.name}’s victory points day by day: this replay solid, ${c.name} dashed${parted !== null ? `; they part on day ${parted}` : ''}. The numbers of the day shown are in the table below.`);
    } else {
      const data: ChartData = {
        dates,
        span,
        bands: bandSpans(s),
        shown: day,
        rules,
        lines: [
          // The other run's dashes are drawn over this replay's line, so they show where the two coincide.
          { label: 'This replay', colour: RUN_A, width: 2.4, values: curveOf(k, 'a', (d) => d.overall) },
          { label: c.name, colour: RUN_B, width: 2.5, dash: [6, 4], values: curveOf(k, 'b', (d) => d.overall) },
        ],
      };
      drawChart(canvas, data);
      canvas.setAttribute('aria-label', `Overall tension day by day: this replay solid, ${c.name} dashed${parted !== null ? `; they part on day ${parted}` : ''}. The numbers of the day shown are in the table below.`);
    }
  }

  /** Both runs' numbers on the day shown. */
  function readout(s: Session): void {
    const c = shown;
    const v = s.viewer;
    if (!c || !v) return;
    const d = c.comparison.curves[v.cursor];
    const date = d?.a?.date ?? d?.b?.date ?? '';
    const track = c.tracks.find((t) => t.id === role);
    const cell = (x: number | undefined, other: number | undefined) => h('td', { class: x !== undefined && other !== undefined && Math.abs(x - other) >= 0.05 ? 'differs' : '' }, fmt(x));
    const line = (label: string, a: number | undefined, b: number | undefined) => h('tr', {}, h('th', { scope: 'row' }, label), cell(a, b), cell(b, a));
    replace(
      now,
      h('caption', {}, `Day ${v.cursor}${date ? ` · ${v.cursor === 0 ? `eve of ${displayDate(date)}` : displayDate(date)}` : ''}`),
      h('thead', {}, h('tr', {}, h('td', {}), h('th', { scope: 'col' }, swatch(false), 'This replay'), h('th', { scope: 'col' }, swatch(true), c.name))),
      h(
        'tbody',
        {},
        line('Tension', d?.a?.overall, d?.b?.overall),
        track ? line(`${track.name} VP`, d?.a?.points[track.id], d?.b?.points[track.id]) : null,
      ),
    );
  }

  const swatch = (dashed: boolean) => h('i', { class: `cmp-sw${dashed ? ' dashed' : ''}`, 'aria-hidden': 'true' });

  /** A row of what differed: a button that goes to its day. */
  function row(r: DiffRow, c: Comparing): HTMLButtonElement {
    const run = r.run === 'b' ? c.name : 'This replay';
    const body =
      r.kind === 'order'
        ? h('span', { class: 'cmp-row-t' }, h('span', { class: 'cmp-run' }, swatch(false), r.text), h('span', { class: 'cmp-vs' }, ' vs '), h('span', { class: 'cmp-run' }, swatch(true), r.other ?? 'held'))
        : h('span', { class: 'cmp-row-t' }, r.text, r.incident ? ' (incident)' : '', h('span', { class: `cmp-tag ${r.run === 'b' ? 'b' : 'a'}` }, swatch(r.run === 'b'), `${run} only`));
    return h(
      'button',
      { class: `cmp-row${r.yours ? ' yours' : ''}`, type: 'button', tabindex: -1, 'data-day': r.day, onclick: () => seekViewer(store, r.day) },
      h('span', { class: 'cmp-row-day mono' }, `Day ${r.day}`),
      ' ',
      h('span', { class: 'cmp-row-date' }, r.date),
      ' ',
      h('span', { class: 'cmp-row-who' }, `${r.who}${r.kind === 'order' ? '’s order' : ''}:`),
      ' ',
      body,
    );
  }

  /** The whole panel for a new comparison. */
  function render(c: Comparing): void {
    const s = store.getState();
    const k = c.comparison;
    parted = k.divergedAt;
    runs.textContent = `This replay with ${c.name}`;
    runs.setAttribute('title', `This replay with ${c.about}`);
    headline.textContent = c.headline;
    goto.hidden = parted === null;
    if (parted !== null) {
      goto.textContent = `Go to day ${parted}`;
      goto.setAttribute('aria-label', `Go to day ${parted}, where they diverge`);
    }
    replace(remarks, ...c.remarks.map((r) => h('li', {}, r)));
    remarks.hidden = c.remarks.length === 0;
    // Whose points: the replay's player by default, else the first role with a track.
    const own = c.tracks.find((t) => t.id === s.role)?.id;
    role = c.tracks.some((t) => t.id === role) ? role : (own ?? c.tracks[0]?.id ?? '');
    replace(roleSel, ...c.tracks.map((t) => h('option', { value: t.id, selected: t.id === role }, t.name)));
    roleSel.value = role;
    tabPoints.disabled = c.tracks.length === 0;
    if (!c.tracks.length && view === 'points') view = 'tension';
    pick(view);
    replace(
      legend,
      h('span', { class: 'legend-item' }, h('i', { style: `border-color:${RUN_A}` }), 'This replay'),
      h('span', { class: 'legend-item' }, h('i', { class: 'dashed', style: `border-color:${RUN_B}` }), c.name),
      parted !== null ? h('span', { class: 'legend-item' }, h('i', { class: 'dashed cmp-rule', style: `border-color:${PARTED}` }), `Day ${parted}: they part`) : null,
      h('span', { class: 'legend-item' }, h('i', { class: 'cmp-shown' }), 'Day shown'),
    );

    const orderRows = c.orders.map((r) => row(r, c));
    const moveRows = c.moves.map((r) => row(r, c));
    const section = (id: string, title: string, empty: string, items: HTMLButtonElement[], more?: string) =>
      h(
        'section',
        { class: 'cmp-list', 'aria-labelledby': id },
        h('h3', { class: 'cmp-list-h', id }, title),
        items.length ? h('ul', { class: 'cmp-rows' }, ...items.map((b) => h('li', {}, b))) : h('p', { class: 'cmp-empty' }, empty),
        more ? h('p', { class: 'cmp-more' }, more) : null,
      );
    const common = Math.min(k.length.a, k.length.b);
    const total = k.moves.length + k.movesLeftOff;
    replace(
      lists,
      h('p', { class: 'cmp-hint', id: 'cmp-hint' }, 'Each line goes to its day. ↑ ↓ move between them.'),
      section('cmp-orders-h', `Orders that differed (${c.orders.length})`, k.longer ? `The same over the ${common} days both have.` : 'The same in both.', orderRows),
      parted !== null
        ? section(
            'cmp-moves-h',
            `Moves that differed, from day ${Math.max(1, parted)} (${total})`,
            `The same in both from day ${parted}: only their effects differ.`,
            moveRows,
            k.movesLeftOff ? `… and ${k.movesLeftOff} more ${k.movesLeftOff === 1 ? 'move' : 'moves'} (the first ${k.moves.length} are listed).` : undefined,
          )
        : null,
    );
    rows = [...orderRows, ...moveRows].map((button) => ({ day: Number(button.dataset.day), button }));
    rows.forEach((r) => r.button.setAttribute('aria-describedby', 'cmp-hint'));
    cursor = -1;
  }

  /** Lights the rows of the day shown, and gives the list's tab stop to the first of them (else to the first row). */
  function light(day: number): void {
    const focused = rows.some((r) => r.button === document.activeElement);
    let first = rows.findIndex((r) => r.day === day);
    rows.forEach((r) => {
      r.button.classList.toggle('on', r.day === day);
      if (r.day === day) r.button.setAttribute('aria-current', 'true');
      else r.button.removeAttribute('aria-current');
    });
    if (focused) return;
    if (first < 0) first = 0;
    rows.forEach((r, i) => (r.button.tabIndex = i === first ? 0 : -1));
  }

  lists.addEventListener('keydown', (e) => {
    const i = rows.findIndex((r) => r.button === e.target);
    if (i < 0) return;
    const to = e.key === 'ArrowDown' ? i + 1 : e.key === 'ArrowUp' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? rows.length - 1 : null;
    if (to === null) return;
    // (The viewer's keys leave ↑ ↓ Home End to the list: ui/keyboard.ts.)
    e.preventDefault();
    const j = Math.max(0, Math.min(rows.length - 1, to));
    rows.forEach((r, k) => (r.button.tabIndex = k === j ? 0 : -1));
    rows[j]!.button.focus();
    rows[j]!.button.scrollIntoView({ block: 'nearest' });
  });

  /** The timeline's mark of the first diverging day. */
  function placeMark(s: Session): void {
    const track = playEl.querySelector<HTMLElement>('.replay-bar .rb-track');
    if (track && mark.parentElement !== track) track.appendChild(mark);
    const v = s.viewer;
    mark.hidden = !shown || !v || parted === null;
    if (mark.hidden || !v) return;
    const n = Math.max(1, v.states.length - 1);
    mark.style.left = `${(100 * parted!) / n}%`;
    mark.classList.toggle('flip', parted! > n * 0.7);
    markLabel.textContent = `≠ ${shown!.name}`;
    mark.setAttribute('data-day', String(parted));
  }

  function update(): void {
    const s = store.getState();
    const c = compare.getState().comparing;
    const on = !!c && !!s.viewer && s.screen === 'play';
    const was = !el.hidden;
    el.hidden = !on;
    playEl.classList.toggle('comparing', on);
    if (!on || !c) {
      shown = null;
      placeMark(s);
      return;
    }
    if (c !== shown) {
      shown = c;
      render(c);
    } else if (!was) draw();
    placeMark(s);
    if (s.viewer!.cursor !== cursor) {
      cursor = s.viewer!.cursor;
      draw();
      readout(s);
      light(cursor);
    }
  }

  new ResizeObserver(() => draw()).observe(canvas);
  store.subscribe(update);
  compare.subscribe(update);

  return {
    el,
    reveal() {
      update();
      if (el.hidden) return;
      // On a phone the panel is under the replay bar: bring its head into view (under the sticky top bar).
      el.scrollIntoView({ block: el.offsetHeight > innerHeight ? 'start' : 'nearest' });
      headline.focus({ preventScroll: true });
    },
  };
}
