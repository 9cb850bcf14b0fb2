// The tension-over-time chart, drawn on a 2D canvas: band shading from the ladder, the overall tension
// as a bold line, the top pairs as thinner lines, optional numbered turning-point markers.
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
}


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
  const L = 26;
  const R = 8;
  const T = 8;
  const B = 18;
  const pw = w - L - R;
  const ph = hgt - T - B;
  const x = (d: number) => L + (d / Math.max(1, data.span)) * pw;
  const y = (v: number) => T + ph - (Math.max(0, Math.min(100, v)) / 100) * ph;

  // Band shading and firebreaks.
  ctx.font = '500 9px "JetBrains Mono", monospace';
  for (const b of data.bands) {
    ctx.globalAlpha = 0.1;
    ctx.fillStyle = tensionColour((b.from + b.to) / 2);
    ctx.fillRect(L, y(b.to), pw, y(b.from) - y(b.to));
    ctx.globalAlpha = 1;
    if (b.from > 0) {
      ctx.strokeStyle = 'rgba(255,255,255,0.12)';
      ctx.setLineDash([2, 3]);
      ctx.beginPath();
      ctx.moveTo(L, Math.round(y(b.from)) + 0.5);
      ctx.lineTo(L + pw, Math.round(y(b.from)) + 0.5);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    if (b.from > 0) {
      ctx.fillStyle = 'rgba(220,226,232,0.55)';
      ctx.textAlign = 'right';
      ctx.fillText(String(b.from), L - 4, y(b.from) + 3);
    }
  }

  // Date ticks.
  const step = data.span > 60 ? 14 : data.span > 20 ? 7 : 1;
  ctx.fillStyle = 'rgba(220,226,232,0.5)';
  ctx.textAlign = 'center';
  for (let d = 1; d <= data.span; d += step) {
    const label = shortDate(data.dates[d] ?? '');
    if (label) ctx.fillText(label, x(d), hgt - 5);
  }

  // Lines (first the thinner pairs, the overall line last, on top).
  const lines = [...data.lines].sort((a, b) => a.width - b.width);
  for (const line of lines) {
    if (line.values.length === 0) continue;
    ctx.strokeStyle = line.colour;
    ctx.lineWidth = line.width;
    ctx.lineJoin = 'round';
    ctx.setLineDash(line.dash ?? []);
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
    ctx.arc(x(d), y(main.values[d]!), 3, 0, Math.PI * 2);
    ctx.fill();
  }

  // Turning points.
  for (const mk of data.markers ?? []) {
    const v = main?.values[mk.turn];
    if (v === undefined) continue;
    ctx.strokeStyle = 'rgba(255,255,255,0.35)';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(x(mk.turn), T);
    ctx.lineTo(x(mk.turn), T + ph);
    ctx.stroke();
    ctx.fillStyle = '#f4f1ea';
    ctx.beginPath();
    ctx.arc(x(mk.turn), y(v), 8, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#0d1117';
    ctx.font = '700 10px "JetBrains Mono", monospace';
    ctx.textAlign = 'center';
    ctx.fillText(String(mk.n), x(mk.turn), y(v) + 3.5);
  }
}

/** Colour-blind-safe categorical colours (Okabe–Ito) for the pair lines; the overall line is near-white. */
export const PAIR_COLOURS = ['#56B4E9', '#CC79A7', '#F0E442'];
export const OVERALL_COLOUR = '#f4f1ea';
