// The replay viewer's timeline: a scrubber over a heat strip of each day's overall tension (the day
// shown lit, the diverging day marked), with day ticks, and above it a row of marks that tell the story
// — turning points, band changes, incidents, the player's moves and the notes (src/store/replay-marks.ts).
// Each mark is a button with a name and a tooltip (the day, the date, what happened); it jumps to its
// day. Marks closer together than a button's width merge into one, shown by its most telling kind with
// the number of days it holds; pressing it again goes on to its next day. The row is one tab stop (a
// toolbar: ← → Home End move between marks). Buttons are 24 px on a desktop and 44 px on a phone (the
// size is CSS's --mk-size); thin pins on the strip show each marked day exactly. A legend names the kinds.
import type { Session, SessionStore } from '../store/session';
import { MARK_KINDS, markLegend, timelineMarks, type Mark, type MarkKind, type MarkedDay } from '../store/replay-marks';
import { displayDate } from '../store/ui-view';
import { h, replace, svg } from './dom';
import { signed } from './format';
import { tensionColour } from './palette';

/** One button on the marks row: the marked days it holds and its left edge (px, from the row's left). */
export interface MarkCluster {
  days: number[];
  left: number;
}

/**
 * Lays out marks on a row `width` px wide for days 0 … `last`: each marked day sits over its place on the
 * strip; days closer than a button (`size` px, `gap` apart) merge into one button over the middle of
 * their span, and buttons push apart so none overlap, within `pad` px beyond either end of the row. The
 * merging widens until every button fits, so any number of marks stays legible.
 */
export function layoutMarks(days: readonly number[], last: number, width: number, size: number, gap = 2, pad = size / 2): MarkCluster[] {
  if (days.length === 0 || width <= 0) return [];
  const x = (d: number) => (last > 0 ? (width * d) / last : width / 2);
  const step = size + gap;
  for (let reach = step; ; reach *= 1.3) {
    const groups: number[][] = [];
    for (const d of days) {
      const g = groups[groups.length - 1];
      if (g && x(d) - x(g[0]!) < reach) g.push(d);
      else groups.push([d]);
    }
    const lefts = groups.map((g) => (x(g[0]!) + x(g[g.length - 1]!)) / 2 - size / 2);
    for (let i = 0; i < lefts.length; i++) lefts[i] = Math.max(lefts[i]!, i === 0 ? -pad : lefts[i - 1]! + step);
    for (let i = lefts.length - 1; i >= 0; i--) lefts[i] = Math.min(lefts[i]!, i === lefts.length - 1 ? width + pad - size : lefts[i + 1]! - step);
    // Everything fits once the first button has not been pushed past the row's left end.
    if (lefts[0]! >= -pad - 0.5 || groups.length === 1) return groups.map((g, i) => ({ days: g, left: Math.max(-pad, lefts[i]!) }));
  }
}

/** The day a mark button goes to: its first day, or — pressed again on one of its days — the next one. */
export function clusterTarget(days: readonly number[], cursor: number): number {
  const at = days.indexOf(cursor);
  return at < 0 ? days[0]! : days[(at + 1) % days.length]!;
}

const SHAPES: Record<Exclude<MarkKind, 'turning'>, string> = {
  note: 'M2.5 3h11v7.5H8l-3.5 3v-3h-2z',
  band: 'M8 2.8 13.6 12.6H2.4z',
  incident: 'M8 1.8 14.2 8 8 14.2 1.8 8z',
  move: 'M8 3.6a4.4 4.4 0 1 1 0 8.8 4.4 4.4 0 0 1 0-8.8z',
};

/** A mark's small symbol: a numbered disc for a turning point (as in the debrief), else a filled shape. */
export function markGlyph(kind: MarkKind, m?: Pick<Mark, 'n' | 'up'>): Element {
  // The number is drawn by CSS (content: attr(data-n)), so that it is not taken for the button's label.
  if (kind === 'turning') return h('span', { class: 'mk-glyph mk-tp mono', 'aria-hidden': 'true', 'data-n': m?.n ?? '' });
  const el = svg('svg', { class: `mk-glyph mk-${kind}${kind === 'band' && m?.up === false ? ' down' : ''}`, viewBox: '0 0 16 16', width: 14, height: 14, 'aria-hidden': 'true', focusable: 'false' });
  el.appendChild(svg('path', { d: SHAPES[kind], fill: 'currentColor' }));
  if (kind === 'incident') el.appendChild(svg('path', { d: 'M8 5v3.6M8 10.6v.4', stroke: '#1a1204', 'stroke-width': 1.7, 'stroke-linecap': 'round' }));
  if (kind === 'note') el.appendChild(svg('path', { d: 'M5 5.8h6M5 8h4', stroke: '#1a1204', 'stroke-width': 1.2, 'stroke-linecap': 'round' }));
  return el;
}

/** A mark in words: "Turning point 2 — Kyiv … (+6.1)". */
export function markText(m: Mark): string {
  return `${m.title} — ${m.text}${m.delta !== undefined ? ` (${signed(m.delta)})` : ''}`;
}

/** "Day 23 · 12 Jan 2022" (day 0: "Day 0 · eve of 27 Dec 2021"). */
function dayLabel(d: MarkedDay): string {
  return `Day ${d.day} · ${d.day === 0 ? `eve of ${displayDate(d.date)}` : displayDate(d.date)}`;
}

/** The tooltip of a mark button: each day with its marks, one line each. */
function clusterTip(days: MarkedDay[]): string {
  const lines = days.flatMap((d) => [dayLabel(d), ...d.marks.map((m) => `· ${markText(m)}`)]);
  if (days.length > 1) lines.unshift(`${days.length} marked days — press again for the next`);
  return lines.join('\n');
}

/** The accessible name of a mark button. */
function clusterName(days: MarkedDay[]): string {
  const one = (d: MarkedDay) => `${dayLabel(d)}: ${d.marks.map(markText).join('; ')}`;
  if (days.length === 1) return one(days[0]!);
  return `Days ${days[0]!.day} to ${days[days.length - 1]!.day}, ${days.length} marked days. ${days.map(one).join('. ')}`;
}

export interface Timeline {
  el: HTMLElement;
  /** The marked days of the replay shown (for the day's chips and the next/previous mark keys). */
  marked(): MarkedDay[];
  update(s: Session): void;
}

export function createTimeline(store: SessionStore, seek: (day: number) => void): Timeline {
  const strip = h('div', { class: 'rb-strip', 'aria-hidden': 'true' });
  const pins = h('div', { class: 'rb-pins', 'aria-hidden': 'true' });
  const marker = h('div', { class: 'rb-diverged', 'aria-hidden': 'true', hidden: true });
  const head = h('div', { class: 'rb-head', 'aria-hidden': 'true' });
  const range = h('input', { class: 'rb-range', type: 'range', min: 0, max: 0, step: 1, value: 0, 'aria-label': 'Day of the replay' });
  range.addEventListener('input', () => seek(Number(range.value)));
  const ticks = h('div', { class: 'rb-ticks mono', 'aria-hidden': 'true' });
  const track = h('div', { class: 'rb-track' }, strip, pins, marker, head, range);
  const row = h('div', { class: 'rb-marks', role: 'toolbar', 'aria-label': 'Marks on the timeline', 'aria-orientation': 'horizontal' });
  const legend = h('div', { class: 'rb-legend', 'aria-label': 'What the marks are' });
  const el = h('div', { class: 'rb-timeline' }, row, track, ticks, legend);

  let marked: MarkedDay[] = [];
  let clusters: MarkCluster[] = [];
  let buttons: HTMLButtonElement[] = [];
  /** The button that takes the toolbar's tab stop. */
  let stop = 0;
  let cursor = 0;
  let last = 0;
  let laidFor = '';

  /** The cluster holding the day shown, else the first after it (else the last). */
  const clusterOf = (day: number) => {
    const i = clusters.findIndex((c) => c.days[c.days.length - 1]! >= day);
    return i < 0 ? clusters.length - 1 : i;
  };

  function focusButton(i: number): void {
    if (!buttons.length) return;
    stop = Math.max(0, Math.min(buttons.length - 1, i));
    buttons.forEach((b, j) => (b.tabIndex = j === stop ? 0 : -1));
    buttons[stop]!.focus();
  }

  row.addEventListener('keydown', (e) => {
    const i = buttons.indexOf(e.target as HTMLButtonElement);
    if (i < 0) return;
    const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    focusButton(to);
  });

  /** Lays the buttons out again (new marks, a new width or a new button size). */
  function layout(): void {
    const width = row.clientWidth;
    const size = parseFloat(getComputedStyle(row).getPropertyValue('--mk-size')) || 24;
    const key = `${width}|${size}|${last}`;
    const hadFocus = buttons.includes(document.activeElement as HTMLButtonElement);
    const focusDay = hadFocus ? clusters[buttons.indexOf(document.activeElement as HTMLButtonElement)]?.days[0] : undefined;
    laidFor = key;
    clusters = layoutMarks(
      marked.map((d) => d.day),
      last,
      width,
      size,
    );
    const byDay = new Map(marked.map((d) => [d.day, d]));
    buttons = clusters.map((c) => {
      const days = c.days.map((d) => byDay.get(d)!);
      const lead = days.flatMap((d) => d.marks).reduce((a, b) => (kindRank(b.kind) < kindRank(a.kind) ? b : a));
      const n = c.days.length;
      return h(
        'button',
        {
          class: `rb-mark k-${lead.kind}${n > 1 ? ' many' : ''}`,
          type: 'button',
          style: `left:${c.left.toFixed(1)}px`,
          'aria-label': clusterName(days),
          'data-tip': clusterTip(days),
          'data-days': c.days.join(' '),
          tabindex: -1,
          onclick: () => seek(clusterTarget(c.days, store.getState().viewer?.cursor ?? -1)),
        },
        markGlyph(lead.kind, lead),
        n > 1 ? h('span', { class: 'mk-count mono', 'aria-hidden': 'true', 'data-n': n }) : null,
      );
    });
    replace(row, ...buttons);
    replace(
      pins,
      ...marked.map((d) => h('i', { class: `k-${d.marks[0]!.kind}`, style: `left:${((100 * d.day) / Math.max(1, last)).toFixed(2)}%` })),
    );
    row.hidden = buttons.length === 0;
    light();
    if (focusDay !== undefined) focusButton(clusters.findIndex((c) => c.days.includes(focusDay)));
  }

  /** Lights the button holding the day shown, and gives the toolbar's tab stop to it. */
  function light(): void {
    const on = clusters.findIndex((c) => c.days.includes(cursor));
    buttons.forEach((b, i) => {
      b.classList.toggle('on', i === on);
      if (i === on) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    });
    if (!buttons.includes(document.activeElement as HTMLButtonElement)) {
      stop = clusterOf(cursor);
      buttons.forEach((b, i) => (b.tabIndex = i === stop ? 0 : -1));
    }
  }

  new ResizeObserver(() => {
    if (!el.isConnected || el.offsetParent === null) return;
    const size = parseFloat(getComputedStyle(row).getPropertyValue('--mk-size')) || 24;
    if (`${row.clientWidth}|${size}|${last}` !== laidFor) layout();
  }).observe(row);

  let records: unknown = null;
  let notes: unknown = null;
  let role = '';
  function update(s: Session): void {
    const v = s.viewer;
    if (!v) return;
    const n = v.states.length - 1;
    last = n;
    if (v.records !== records) {
      // The strip: each day's overall tension as a colour band, like a heat bar under the scrubber.
      const stops = v.records.map((r, i) => `${tensionColour(r.overall)} ${((100 * i) / Math.max(1, n)).toFixed(2)}%`);
      strip.style.background = `linear-gradient(90deg, ${stops.join(', ')})`;
      range.max = String(n);
      const every = n > 60 ? 14 : n > 20 ? 7 : n > 8 ? 2 : 1;
      replace(ticks, ...Array.from({ length: Math.floor(n / every) + 1 }, (_, i) => h('span', { style: `left:${((100 * i * every) / Math.max(1, n)).toFixed(2)}%` }, String(i * every))));
    }
    if (v.records !== records || s.notes !== notes || s.role !== role) {
      records = v.records;
      notes = s.notes;
      role = s.role;
      marked = timelineMarks(s);
      replace(
        legend,
        ...markLegend(s).map((l) =>
          h('span', { class: `rb-legend-item k-${l.kind}` }, markGlyph(l.kind, { n: l.kind === 'turning' ? 1 : undefined, up: true }), l.kind === 'band' ? markGlyph('band', { up: false }) : null, l.label),
        ),
      );
      cursor = v.cursor;
      layout();
    }
    const rec = v.records[v.cursor]!;
    range.value = String(v.cursor);
    range.setAttribute('aria-valuetext', `Day ${rec.turn}, ${displayDate(rec.date)}`);
    const pct = (100 * v.cursor) / Math.max(1, n);
    head.style.left = `${pct}%`;
    el.style.setProperty('--rb-pos', `${pct}%`);
    if (v.cursor !== cursor) {
      cursor = v.cursor;
      light();
    }
    if (v.divergedAt !== null) {
      const d = v.divergedAt;
      marker.hidden = false;
      marker.style.left = `${(100 * d) / Math.max(1, n)}%`;
      marker.classList.toggle('flip', d > n * 0.7);
      marker.setAttribute('data-day', String(d));
    } else marker.hidden = true;
  }

  return { el, marked: () => marked, update };
}

function kindRank(k: MarkKind): number {
  return MARK_KINDS.indexOf(k);
}
