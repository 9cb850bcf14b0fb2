// The debrief, shown over the map when the game ends: the outcome and what it means for the player's
// role (every role's reading for an observer); what decided it (the causes of the number the ending
// watched, or what each of the role's lines paid, the player's own moves marked); the counterfactuals
// the model played with the same seed (had you held every day; the AI in your seat); who the ledger
// blames; the role's own points and the tension over the game, with the turning points marked and
// listed (the player's moves among them when they pushed the day's way) — each turning point a link to
// its day in the replay viewer (a replay's own viewer, or the game just played opened as a replay); and
// the ways on: play again with a new seed, back to the menu, save the replay, copy its link or download
// a printable handout of the debrief (handout.ts). A replay's debrief leads back to the replay rather
// than to the map.
import type { Session, SessionStore } from '../store/session';
import { actorName, displayDate, outcome, turningPoints, type Reading } from '../store/ui-view';
import { debrief } from '../store/selectors';
import { drawChart } from './chart';
import { drawTrackChart } from './track-chart';
import { trapFocus, type Trap } from './focus-trap';
import { chartData, chartLegend } from './chart-data';
import { h, replace } from './dom';
import { signed } from './format';
import { glossaryButton } from './glossary';
import { icon } from './icons';
import { exportHandout } from './handout';
import { tensionText } from './palette';

const READING: Record<Reading, string> = { win: 'Victory', draw: 'Draw', loss: 'Defeat' };

export interface DebriefActions {
  again(): void;
  menu(): void;
  saveReplay(): void;
  copyLink(): void;
  /** Back to the replay viewer (when the debrief is a replay's). */
  replay(): void;
  /** A turning point: its day in the replay viewer. */
  showDay(day: number): void;
}

export function createDebrief(store: SessionStore, actions: DebriefActions) {
  const body = h('div', { class: 'debrief-body' });
  const canvas = h('canvas', { class: 'chart', role: 'img', 'aria-label': 'Tension over the whole game, with turning points' });
  const show = h('button', { class: 'btn primary debrief-show', 'aria-label': 'Show the debrief', hidden: true, onclick: () => setMin(false) }, 'Debrief ▴');
  const panel = h('div', { class: 'debrief-panel', role: 'dialog', 'aria-modal': 'true', 'aria-label': 'Debrief', 'aria-describedby': 'debrief-desc' }, body);
  const el = h('div', { class: 'screen debrief', 'aria-label': 'Debrief' }, panel, show);
  let markers: { turn: number; n: number }[] = [];
  /** Which chart shows: the role's own points, or the tension. */
  let chartKind: 'points' | 'tension' = 'points';
  const tabPoints = h('button', { class: 'chart-tab', 'aria-pressed': 'true', onclick: () => pickChart('points') }, 'Your points');
  const tabTension = h('button', { class: 'chart-tab', 'aria-pressed': 'false', onclick: () => pickChart('tension') }, 'Tension');
  const legend = h('div', { class: 'legend' });
  function pickChart(kind: 'points' | 'tension'): void {
    chartKind = kind;
    tabPoints.setAttribute('aria-pressed', String(kind === 'points'));
    tabTension.setAttribute('aria-pressed', String(kind === 'tension'));
    tabPoints.classList.toggle('on', kind === 'points');
    tabTension.classList.toggle('on', kind === 'tension');
    fillLegend();
    draw();
  }
  function fillLegend(): void {
    const s = store.getState();
    const d = debrief(s);
    if (chartKind === 'points' && d?.track.length) replace(legend, h('span', { class: 'legend-item' }, h('i', { style: 'border-color:#f2b33d' }), `${actorName(s, s.role)}'s victory points`), h('span', { class: 'legend-item muted' }, 'shaded: beyond the win and loss lines'));
    else replace(legend, ...chartLegend(s).map((l) => h('span', { class: 'legend-item' }, h('i', { class: l.dashed ? 'dashed' : '', style: `border-color:${l.colour}` }), l.label)));
  }

  // The debrief is a modal dialog: it takes focus, keeps Tab inside, and Escape folds it away to review
  // the map (focus then goes to its "Debrief ▴" button, which opens it again).
  let trap: Trap | null = null;
  function setMin(min: boolean): void {
    el.classList.toggle('min', min);
    panel.hidden = min;
    show.hidden = !min;
    trap?.release({ restore: false });
    trap = null;
    if (min) show.focus({ preventScroll: true });
    else requestAnimationFrame(() => {
      if (panel.hidden || el.hidden) return;
      trap?.release({ restore: false });
      trap = trapFocus(panel, { first: body.querySelector<HTMLElement>('.outcome-name'), onEscape: () => setMin(true) });
    });
  }

  const draw = () => {
    const s = store.getState();
    const d = debrief(s);
    canvas.setAttribute('aria-label', chartKind === 'points' && d?.track.length ? 'Your victory points over the whole game, against your win and loss lines' : 'Tension over the whole game, with turning points');
    if (chartKind === 'points' && d && d.track.length && d.win !== null && d.loss !== null) drawTrackChart(canvas, { dates: s.days.map((x) => x.date), points: d.track, win: d.win, loss: d.loss, span: s.scenario?.data.meta.turnLimit ?? 90, markers });
    else drawChart(canvas, chartData(s, markers));
  };
  new ResizeObserver(() => draw()).observe(canvas);

  /** A role's victory points against its win and loss lines. */
  function trackLine(t: { points: number; win: number; loss: number } | null): HTMLElement | null {
    if (!t) return null;
    return h('span', { class: 'verdict-s mono', 'data-tip': 'Victory points: earned day by day from the role\'s own goals. Where the outcome leaves it to the score, at or above the win line wins, at or below the loss line loses.' }, `${t.points.toFixed(1)} VP · win ≥ ${t.win} · loss ≤ ${t.loss}`);
  }

  /** A turning point pressed: its day in the replay viewer, the scrubber focused there. */
  function showDay(day: number): void {
    trap?.release({ restore: false });
    trap = null;
    actions.showDay(day);
    // The viewer may take a few frames to show on a busy machine: try each frame, for up to about a second.
    let tries = 60;
    const focusScrubber = (): void => {
      const range = document.querySelector<HTMLElement>('.replay-bar:not([hidden]) .rb-range');
      if (range && range.offsetParent !== null) range.focus({ preventScroll: true });
      else if (--tries > 0) requestAnimationFrame(focusScrubber);
    };
    requestAnimationFrame(focusScrubber);
  }

  function update(s: Session): void {
    const o = outcome(s);
    if (!o) return;
    setMin(false);
    const points = turningPoints(s, 4);
    markers = points.map((p, i) => ({ turn: p.turn, n: i + 1 }));
    const peak = s.days.reduce((x, d) => (d.overall > x.overall ? d : x), s.days[0]!);
    const final = s.days[s.days.length - 1]!;
    const mine = o.mine;
    const d = debrief(s);
    const hasTrack = !!d && d.track.length > 0;
    tabPoints.hidden = tabTension.hidden = !hasTrack;
    if (!hasTrack) chartKind = 'tension';
    pickChart(hasTrack ? chartKind : 'tension');
    const moves = s.role === 'observer' ? 0 : Object.keys(s.orders).length;
    const turningList = h(
      'ol',
      { class: 'turning' },
      ...points.map((p, i) =>
        h(
          'li',
          { class: p.yours ? 'has-yours' : '' },
          h(
            'button',
            // Named by its text (spaces between the parts); the hint says where it leads.
            { class: 'tp-link', type: 'button', 'data-day': p.turn, 'aria-describedby': 'tp-hint', onclick: () => showDay(p.turn) },
            h('span', { class: 'tp-n mono' }, String(i + 1)),
            ' ',
            h('span', { class: 'tp-date mono' }, `Day ${p.turn} · ${displayDate(p.date)}`),
            ' ',
            h('span', { class: 'tp-text' }, p.headline ?? 'Tension shifted on its own'),
            ' ',
            p.yours && p.yours.text !== p.headline ? h('span', { class: 'tp-yours' }, h('b', {}, 'Your move: '), `${p.yours.text} (${signed(p.yours.push)})`) : p.yours ? h('span', { class: 'tp-yours' }, h('b', {}, 'Your move'), ' made this day') : null,
            ' ',
            h('span', { class: `tp-d mono ${p.overallDelta > 0 ? 'up' : 'down'}` }, signed(p.overallDelta)),
            h('span', { class: 'tp-go', 'aria-hidden': 'true' }),
          ),
        ),
      ),
    );
    const decided = d?.decided;
    const maxF = Math.max(1, ...(decided?.factors ?? []).map((f) => Math.abs(f.amount)));
    const decidedBox = decided
      ? h(
          'section',
          { class: 'decided', 'aria-label': 'What decided it' },
          h('h2', { class: 'panel-title' }, 'What decided it'),
          h('p', { class: 'decided-text' }, decided.text),
          h(
            'ul',
            { class: 'factors' },
            ...decided.factors.map((f) =>
              h(
                'li',
                { class: f.yours ? 'yours' : '' },
                h('span', { class: 'f-label' }, f.yours ? h('b', {}, 'You: ') : null, f.label),
                h('span', { class: 'why-bar' }, h('span', { class: f.amount >= 0 ? 'pos' : 'neg', style: `width:${(50 * Math.abs(f.amount)) / maxF}%` })),
                h('span', { class: 'f-val mono' }, signed(f.amount)),
              ),
            ),
          ),
        )
      : null;
    const whatIfBox =
      d && d.whatIfs.length
        ? h(
            'section',
            { class: 'whatifs', 'aria-label': 'What if' },
            h('h2', { class: 'panel-title', 'data-tip': 'The model played the game again with the same seed: the same hidden draws and the same luck, only your seat played differently.' }, 'What if'),
            ...d.whatIfs.map((w, i) =>
              h(
                'div',
                { class: `whatif v-${w.reading ?? 'none'}`, 'data-kind': i === 0 ? 'held' : 'ai', 'data-outcome': w.outcome },
                h('span', { class: 'wi-label' }, `${w.label}:`),
                h('span', { class: 'wi-outcome' }, w.name),
                h('span', { class: 'wi-s mono' }, `day ${w.turn} · ${w.reading ? READING[w.reading] : '—'} · ${w.points.toFixed(1)} VP`),
              ),
            ),
            h('p', { class: 'wi-you mono' }, `You: ${o.name} · day ${o.turn} · ${mine ? READING[mine] : '—'} · ${(o.readings.find((r) => r.id === s.role)?.track?.points ?? 0).toFixed(1)} VP`),
          )
        : null;
    replace(
      body,
      h('div', { class: 'kicker mono' }, `Day ${o.turn} · ${o.date} · ${s.scenario?.data.meta.title ?? ''} · seed ${s.seed}`),
      h('h1', { class: 'outcome-name', tabindex: -1 }, o.name),
      h('p', { class: 'outcome-desc', id: 'debrief-desc' }, o.description),
      s.role !== 'observer'
        ? h(
            'div',
            { class: `verdict v-${mine ?? 'none'}` },
            h('span', { class: 'verdict-k' }, `As ${actorName(s, s.role)}`),
            h('span', { class: 'verdict-v' }, mine ? READING[mine] : 'No reading'),
            trackLine(o.readings.find((r) => r.id === s.role)?.track ?? null),
          )
        : h(
            'div',
            { class: 'readings', 'aria-label': 'What it means for each role' },
            ...o.readings.map((r) => h('div', { class: `reading v-${r.reading ?? 'none'}` }, h('i', { class: 'dot', style: `background:${r.colour}` }), h('span', { class: 'r-name' }, r.name), h('span', { class: 'r-v' }, r.reading ? READING[r.reading] : '—'), trackLine(r.track))),
          ),
      decidedBox || whatIfBox ? h('div', { class: `debrief-why${whatIfBox ? '' : ' single'}` }, decidedBox, whatIfBox) : null,
      h(
        'div',
        { class: 'stats' },
        h('div', { class: 'stat' }, h('span', { class: 'stat-k' }, 'Peak tension'), h('span', { class: 'stat-v mono', style: `color:${tensionText(peak.overall)}` }, peak.overall.toFixed(0)), h('span', { class: 'stat-s' }, `day ${peak.turn}`)),
        h('div', { class: 'stat' }, h('span', { class: 'stat-k' }, 'Final tension'), h('span', { class: 'stat-v mono', style: `color:${tensionText(final.overall)}` }, final.overall.toFixed(0)), h('span', { class: 'stat-s' }, `day ${final.turn}`)),
        o.blame
          ? h('div', { class: 'stat' }, h('span', { class: 'stat-k' }, 'Blamed by the ledger'), h('span', { class: 'stat-v' }, o.blame), h('span', { class: 'stat-s' }, 'pushed the deciding pair hardest'))
          : s.role !== 'observer'
            ? h('div', { class: 'stat' }, h('span', { class: 'stat-k' }, 'Your moves'), h('span', { class: 'stat-v mono' }, String(moves)), h('span', { class: 'stat-s' }, `of ${final.turn} days; you held on the others`))
            : h('div', { class: 'stat' }, h('span', { class: 'stat-k' }, 'Blame'), h('span', { class: 'stat-v' }, 'None'), h('span', { class: 'stat-s' }, 'an ending without a war has no one to blame')),
      ),
      h(
        'div',
        { class: 'debrief-grid' },
        h('div', {}, h('div', { class: 'chart-head' }, h('h2', { class: 'panel-title' }, 'Over the crisis'), h('span', { class: 'chart-tabs', role: 'group', 'aria-label': 'Chart' }, tabPoints, tabTension)), h('div', { class: 'debrief-chart' }, canvas, legend)),
        h('div', {}, h('h2', { class: 'panel-title', 'data-tip': 'The days when tension moved most across all pairs, with the event that moved it most, and your move when it pushed the same way. Each one opens its day in the replay.' }, 'Turning points'), turningList, h('span', { id: 'tp-hint', hidden: true }, 'Opens this day in the replay viewer')),
      ),
      h(
        'div',
        { class: 'debrief-actions' },
        h('button', { class: 'btn primary', 'aria-label': 'Play again with a new seed', onclick: actions.again }, 'Play again with a new seed'),
        h('button', { class: 'btn ghost', 'aria-label': 'Back to menu', onclick: actions.menu }, 'Back to menu'),
        s.viewer
          ? h('button', { class: 'btn ghost', 'aria-label': 'Back to the replay', onclick: actions.replay }, 'Back to the replay')
          : h('button', { class: 'btn ghost', 'aria-label': 'Review the map', onclick: () => setMin(true) }, 'Review the map'),
        h('span', { class: 'debrief-gap' }),
        glossaryButton(),
        h('button', { class: 'btn ghost', 'aria-label': 'Save replay', 'data-tip': 'Download the whole game as a replay file (.json)', onclick: actions.saveReplay }, icon('save'), 'Save replay'),
        h('button', { class: 'btn ghost', 'aria-label': 'Copy link', 'data-tip': 'Copy a link that replays this game', onclick: actions.copyLink }, icon('link'), 'Copy link'),
        h('button', { class: 'btn ghost', 'aria-label': 'Handout (PNG)', 'data-tip': 'Download a printable page of this debrief (PNG): the outcome, the tension chart, the turning points and the notes', onclick: () => void exportHandout(store, 'debrief') }, icon('handout'), 'Handout (PNG)'),
      ),
    );
    requestAnimationFrame(draw);
  }
  return { el, update };
}
