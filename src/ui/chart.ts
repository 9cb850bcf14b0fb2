// The tension-over-time chart, drawn on a 2D canvas: band shading from the ladder, the overall tension
// as a bold line, the top pairs as thinner lines, optional numbered turning-point markers and the day
// shown. drawChart sizes an on-screen canvas and paints it in the game's dark look; paintChart paints
// the same chart into any rectangle of a context in a given look (the printable handout uses PAPER).
import { tensionColour } from './palette';
import { axisDate as shortDate } from '../store/ui-view';

export interface ChartLine {
  label: string;
  colour: string;
  values: number[];
  width: number;
  dash?: number[];
}

export interface ChartData {
  /** Per day index (0 = opening), the date label for ticks. */
  dates: string[];
  lines: ChartLine[];
  bands: { name: string; from: number; to: number }[];
  /** Days on the x axis (the turn limit). */
  span: number;
  markers?: { turn: number; n: number }[];
  /** The day on show (the replay viewer's), marked with a labelled rule. */
  shown?: number;
  /** Days marked with a labelled dashed rule (a comparison's first diverging day). */
  rules?: { turn: number; label: string; colour: string }[];
}

/** The chart's chrome: text size, rules, labels and markers (the lines carry their own colours). */
export interface ChartLook {
  /** Multiplies every text size, margin and marker (1 on screen). */
  scale: number;
  /** Band shading's opacity. */
  shade: number;
  /** The dotted rules at the band boundaries (firebreaks). */
  rule: string;
  /** The boundary values on the left axis. */
  axis: string;
  /** The date ticks. */
  ticks: string;
  /** The bands' names, written in a margin right of the plot, each at its band's middle (null: not written). */
  bandName: string | null;
  /** Turning points: the rule through the day, the disc and its number. */
  markerRule: string;
  marker: string;
  markerInk: string;
  /** The day shown: its rule and its tag's ink. */
  shown: string;
  shownInk: string;
}

/** The game's dark panels. */
export const DARK: ChartLook = {
  scale: 1,
  shade: 0.1,
  rule: 'rgba(255,255,255,0.12)',
  axis: 'rgba(220,226,232,0.55)',
  ticks: 'rgba(220,226,232,0.5)',
  bandName: null,
  markerRule: 'rgba(255,255,255,0.35)',
  marker: '#f4f1ea',
  markerInk: '#0d1117',
  shown: '#f2b33d',
  shownInk: '#1a1204',
};

/** Paper: dark ink on a light page, for print and slides. */
export const PAPER: ChartLook = {
  scale: 1.45,
  shade: 0.16,
  rule: 'rgba(20,24,30,0.22)',
  axis: '#5d6672',
  ticks: '#5d6672',
  bandName: 'rgba(40,46,54,0.62)',
  markerRule: 'rgba(27,33,41,0.3)',
  marker: '#1b2129',
  markerInk: '#ffffff',
  shown: '#b86e00',
  shownInk: '#ffffff',
};

/**
 * Sizes the canvas to its box (device pixels) and draws the chart. `box` is the canvas's CSS size when
 * the caller knows it (from a ResizeObserver), which spares a forced layout; otherwise it is read.
 */
export function drawChart(canvas: HTMLCanvasElement, data: ChartData, box?: { width: number; height: number }): void {
  const dpr = Math.min(window.devicePixelRatio || 1, 2);
  const w = Math.max(40, box ? box.width : canvas.clientWidth);
  const hgt = Math.max(40, box ? box.height : canvas.clientHeight);
  if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(hgt * dpr)) {
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(hgt * dpr);
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, hgt);
  paintChart(ctx, data, w, hgt, DARK);
}

/** Where paintChart put the plot: a day's x, a tension's y, and the plot's rectangle. */
export interface ChartFrame {
  x(day: number): number;
  y(tension: number): number;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Paints the chart into the rectangle (0, 0, w, hgt) of the context's current transform. */
export function paintChart(ctx: CanvasRenderingContext2D, data: ChartData, w: number, hgt: number, look: ChartLook): ChartFrame {
  const k = look.scale;
  const mono = (weight: number, px: number) => `${weight} ${px * k}px "JetBrains Mono", monospace`;
  const L = 26 * k;
  const bandFont = `600 ${8 * k}px "Inter Variable", system-ui, sans-serif`;
  ctx.save();
  ctx.font = bandFont;
  const names = look.bandName ? Math.max(0, ...data.bands.map((b) => ctx.measureText(b.name.toUpperCase()).width)) + 8 * k : 0;
  ctx.restore();
  const R = 8 * k + names;
  const T = (data.shown === undefined ? 8 : 22) * k;
  const B = 18 * k;
  const pw = w - L - R;
  const ph = hgt - T - B;
  const x = (d: number) => L + (d / Math.max(1, data.span)) * pw;
  const y = (v: number) => T + ph - (Math.max(0, Math.min(100, v)) / 100) * ph;
  ctx.save();
  ctx.textBaseline = 'alphabetic';

  // Band shading and firebreaks.
  ctx.font = mono(500, 9);
  for (const b of data.bands) {
    ctx.globalAlpha = look.shade;
    ctx.fillStyle = tensionColour((b.from + b.to) / 2);
    ctx.fillRect(L, y(b.to), pw, y(b.from) - y(b.to));
    ctx.globalAlpha = 1;
    if (b.from > 0) {
      ctx.strokeStyle = look.rule;
      ctx.lineWidth = 1;
      ctx.setLineDash([2 * k, 3 * k]);
      ctx.beginPath();
      ctx.moveTo(L, Math.round(y(b.from)) + 0.5);
      ctx.lineTo(L + pw, Math.round(y(b.from)) + 0.5);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = look.axis;
      ctx.textAlign = 'right';
      ctx.fillText(String(b.from), L - 4 * k, y(b.from) + 3 * k);
    }
    // The band's name, in the margin at the band's middle, where the band is tall enough for it.
    if (look.bandName && y(b.from) - y(b.to) >= 10 * k) {
      ctx.fillStyle = look.bandName;
      ctx.textAlign = 'left';
      ctx.font = bandFont;
      ctx.fillText(b.name.toUpperCase(), L + pw + 8 * k, (y(b.from) + y(b.to)) / 2 + 3 * k);
      ctx.font = mono(500, 9);
    }
  }

  // Date ticks.
  const step = data.span > 60 ? 14 : data.span > 20 ? 7 : 1;
  ctx.fillStyle = look.ticks;
  ctx.textAlign = 'center';
  for (let d = 1; d <= data.span; d += step) {
    const label = shortDate(data.dates[d] ?? '');
    if (label) ctx.fillText(label, x(d), hgt - 5 * k);
  }

  // The day shown: a rule under its tag.
  if (data.shown !== undefined) {
    const sx = Math.round(x(data.shown)) + 0.5;
    ctx.strokeStyle = look.shown;
    ctx.lineWidth = 1.5 * k;
    ctx.beginPath();
    ctx.moveTo(sx, T - 2 * k);
    ctx.lineTo(sx, T + ph);
    ctx.stroke();
    const tag = `Day ${data.shown}`;
    ctx.font = mono(600, 9);
    const tw = ctx.measureText(tag).width + 10 * k;
    const tx = Math.max(L - 2 * k, Math.min(L + pw - tw, sx - tw / 2));
    ctx.fillStyle = look.shown;
    ctx.beginPath();
    ctx.roundRect(tx, T - 17 * k, tw, 14 * k, 3 * k);
    ctx.fill();
    ctx.fillStyle = look.shownInk;
    ctx.textAlign = 'center';
    ctx.fillText(tag, tx + tw / 2, T - 7 * k);
  }

  // Marked days: a dashed rule with its label at the foot of the plot.
  for (const r of data.rules ?? []) {
    const rx = Math.round(x(r.turn)) + 0.5;
    ctx.strokeStyle = r.colour;
    ctx.lineWidth = 1.5 * k;
    ctx.setLineDash([3 * k, 3 * k]);
    ctx.beginPath();
    ctx.moveTo(rx, T);
    ctx.lineTo(rx, T + ph);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.font = mono(600, 9);
    ctx.fillStyle = r.colour;
    const right = rx + 4 * k + ctx.measureText(r.label).width < L + pw;
    ctx.textAlign = right ? 'left' : 'right';
    ctx.fillText(r.label, rx + (right ? 4 : -4) * k, T + ph - 4 * k);
  }

  // Lines (first the thinner pairs, the overall line last, on top).
  const lines = [...data.lines].sort((a, b) => a.width - b.width);
  for (const line of lines) {
    if (line.values.length === 0) continue;
    ctx.strokeStyle = line.colour;
    ctx.lineWidth = line.width * k;
    ctx.lineJoin = 'round';
    ctx.setLineDash((line.dash ?? []).map((v) => v * k));
    ctx.beginPath();
    line.values.forEach((v, d) => (d === 0 ? ctx.moveTo(x(d), y(v)) : ctx.lineTo(x(d), y(v))));
    ctx.stroke();
    ctx.setLineDash([]);
  }
  // The head of the overall line.
  const main = data.lines[0];
  if (main && main.values.length) {
    const d = main.values.length - 1;
    ctx.fillStyle = main.colour;
    ctx.beginPath();
    ctx.arc(x(d), y(main.values[d]!), 3 * k, 0, Math.PI * 2);
    ctx.fill();
  }

  // Turning points: a disc on the line, moved up (or down, near the top) clear of a disc already placed
  // when two days are too close to tell apart; the rule through the day still points at it.
  const r = 8 * k;
  const placed: [number, number][] = [];
  for (const mk of data.markers ?? []) {
    const v = main?.values[mk.turn];
    if (v === undefined) continue;
    const cx = x(mk.turn);
    let cy = y(v);
    for (let tries = 0; tries < 4 && placed.some(([px, py]) => Math.hypot(px - cx, py - cy) < 2 * r + 1); tries++) cy += cy - 2 * r - 2 > T ? -(2 * r + 2) : 2 * r + 2;
    placed.push([cx, cy]);
    ctx.strokeStyle = look.markerRule;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(cx, T);
    ctx.lineTo(cx, T + ph);
    ctx.stroke();
    ctx.fillStyle = look.marker;
    ctx.beginPath();
    ctx.arc(cx, cy, r, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = look.markerInk;
    ctx.font = mono(700, 10);
    ctx.textAlign = 'center';
    ctx.fillText(String(mk.n), cx, cy + 3.5 * k);
  }
  ctx.restore();
  return { x, y, left: L, top: T, width: pw, height: ph };
}

/** Colour-blind-safe categorical colours (Okabe–Ito) for the pair lines; the overall line is near-white. */
export const PAIR_COLOURS = ['#56B4E9', '#CC79A7', '#F0E442'];
export const OVERALL_COLOUR = '#f4f1ea';
/** The same lines on paper: Okabe–Ito's darker blue, reddish purple and orange, the overall line in ink. */
export const PAPER_PAIR_COLOURS = ['#0072B2', '#CC79A7', '#E69F00'];
export const PAPER_OVERALL_COLOUR = '#1b2129';
