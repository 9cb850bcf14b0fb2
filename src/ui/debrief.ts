// The debrief, shown over the map when the game ends: the outcome and what it means for the player's
// role (every role's reading for an observer), who the ledger blames, the tension chart with its
// turning points marked and listed, and the ways on: play again with a new seed, back to the menu, save
// the replay or copy its link. A replay's debrief leads back to the replay rather than to the map.
import type { Session, SessionStore } from '../store/session';
import { actorName, displayDate, outcome, turningPoints, type Reading } from '../store/ui-view';
import { drawChart } from './chart';
import { chartData, chartLegend } from './chart-data';
import { h, replace } from './dom';
import { signed } from './format';
import { icon } from './icons';
import { tensionColour } from './palette';

const READING: Record<Reading, string> = { win: 'Victory', draw: 'Draw', loss: 'Defeat' };

export interface DebriefActions {
  again(): void;
  menu(): void;
  saveReplay(): void;
  copyLink(): void;
  /** Back to the replay viewer (when the debrief is a replay's). */
  replay(): void;
}

export function createDebrief(store: SessionStore, actions: DebriefActions) {
  const body = h('div', { class: 'debrief-body' });
  const canvas = h('canvas', { class: 'chart', role: 'img', 'aria-label': 'Tension over the whole game, with turning points' });
  const show = h('button', { class: 'btn primary debrief-show', 'aria-label': 'Show the debrief', hidden: true, onclick: () => setMin(false) }, 'Debrief ▴');
  const panel = h('div', { class: 'debrief-panel', role: 'dialog', 'aria-modal': 'true', 'aria-label': 'Debrief' }, body);
  const el = h('div', { class: 'screen debrief', 'aria-label': 'Debrief' }, panel, show);
  let markers: { turn: number; n: number }[] = [];

  function setMin(min: boolean): void {
    el.classList.toggle('min', min);
    panel.hidden = min;
    show.hidden = !min;
  }

  const draw = () => drawChart(canvas, chartData(store.getState(), markers));
  new ResizeObserver(() => draw()).observe(canvas);

  /** A role's victory points against its win and loss lines. */
  function trackLine(t: { points: number; win: number; loss: number } | null): HTMLElement | null {
    if (!t) return null;
    return h('span', { class: 'verdict-s mono', 'data-tip': 'Victory points: earned day by day from the role\'s own goals. Where the outcome leaves it to the score, at or above the win line wins, at or below the loss line loses.' }, `${t.points.toFixed(1)} VP · win ≥ ${t.win} · loss ≤ ${t.loss}`);
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
    const turningList = h(
      'ol',
      { class: 'turning' },
      ...points.map((p, i) =>
        h('li', {}, h('span', { class: 'tp-n mono' }, String(i + 1)), h('span', { class: 'tp-date mono' }, `Day ${p.turn} · ${displayDate(p.date)}`), h('span', { class: 'tp-text' }, p.headline ?? 'Tension shifted on its own'), h('span', { class: `tp-d mono ${p.overallDelta > 0 ? 'up' : 'down'}`, 'data-tip': 'Change of the overall tension that day' }, signed(p.overallDelta))),
      ),
    );
    replace(
      body,
      h('div', { class: 'kicker mono' }, `Day ${o.turn} · ${o.date} · ${s.scenario?.data.meta.title ?? ''} · seed ${s.seed}`),
      h('h1', { class: 'outcome-name' }, o.name),
      h('p', { class: 'outcome-desc' }, o.description),
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
      h(
        'div',
        { class: 'stats' },
        h('div', { class: 'stat' }, h('span', { class: 'stat-k' }, 'Peak tension'), h('span', { class: 'stat-v mono', style: `color:${tensionColour(peak.overall)}` }, peak.overall.toFixed(0)), h('span', { class: 'stat-s' }, `day ${peak.turn}`)),
        h('div', { class: 'stat' }, h('span', { class: 'stat-k' }, 'Final tension'), h('span', { class: 'stat-v mono', style: `color:${tensionColour(final.overall)}` }, final.overall.toFixed(0)), h('span', { class: 'stat-s' }, `day ${final.turn}`)),
        h('div', { class: 'stat' }, h('span', { class: 'stat-k' }, 'Blamed by the ledger'), h('span', { class: 'stat-v' }, o.blame ?? 'No one'), h('span', { class: 'stat-s' }, o.blame ? 'largest contributor' : 'no war to blame')),
      ),
      h(
        'div',
        { class: 'debrief-grid' },
        h('div', {}, h('h2', { class: 'panel-title' }, 'Tension over the crisis'), h('div', { class: 'debrief-chart' }, canvas, h('div', { class: 'legend' }, ...chartLegend(s).map((l) => h('span', { class: 'legend-item' }, h('i', { class: l.dashed ? 'dashed' : '', style: `border-color:${l.colour}` }), l.label))))),
        h('div', {}, h('h2', { class: 'panel-title', 'data-tip': 'The days when tension moved most across all pairs, with the event that moved it most.' }, 'Turning points'), turningList),
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
        h('button', { class: 'btn ghost', 'aria-label': 'Save replay', 'data-tip': 'Download the whole game as a replay file (.json)', onclick: actions.saveReplay }, icon('save'), 'Save replay'),
        h('button', { class: 'btn ghost', 'aria-label': 'Copy link', 'data-tip': 'Copy a link that replays this game', onclick: actions.copyLink }, icon('link'), 'Copy link'),
      ),
    );
    requestAnimationFrame(draw);
  }
  return { el, update };
}
