// The debrief's chart of a role's own track: its victory points day by day against its win and loss
// lines (the zones beyond them shaded), on a 2D canvas, with the turning points marked. A comparison
// (the replay viewer's) overlays another run's track as a dashed line, with the day shown and marked days.
import { axisDate } from '../store/ui-view';

export interface TrackChartData {
  dates: string[];
  points: number[];
  win: number;
  loss: number;
  span: number;
  markers?: { turn: number; n: number }[];
  /** The track's colour (the debrief's amber by default). */
  colour?: string;
  /** Another run's track, dashed, in its colour. */
  other?: { points: number[]; colour: string };
  /** The day on show, marked with a labelled rule (as the tension chart does). */
  shown?: number;
  /** Days marked with a labelled dashed rule (a comparison's first diverging day). */
  rules?: { turn: number; label: string; colour: string }[];
}

export function drawTrackChart(canvas: HTMLCanvasElement, data: TrackChartData): void {
  const dpr = Math.min(window.devicePixelRatio || 1, 2);
  const w = Math.max(40, canvas.clientWidth);
  const hgt = Math.max(40, canvas.clientHeight);
  if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(hgt * dpr)) {
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(hgt * dpr);
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, hgt);
  const band = data.win - data.loss;
  const all = [...data.points, ...(data.other?.points ?? [])];
  let lo = Math.min(data.loss - band * 0.35, ...all);
  let hi = Math.max(data.win + band * 0.35, ...all);
  const pad = (hi - lo) * 0.05;
  lo -= pad;
  hi += pad;
  const L = 34;
  const R = 8;
  const T = data.shown === undefined ? 8 : 22;
  const B = 18;
  const pw = w - L - R;
  const ph = hgt - T - B;
  const x = (d: number) => L + (d / Math.max(1, data.span)) * pw;
  const y = (v: number) => T + ph - ((v - lo) / (hi - lo)) * ph;

  // Zones: below the loss line, above the win line.
  ctx.fillStyle = 'rgba(224, 100, 79, 0.13)';
  ctx.fillRect(L, y(data.loss), pw, T + ph - y(data.loss));
  ctx.fillStyle = 'rgba(120, 210, 140, 0.12)';
  ctx.fillRect(L, T, pw, y(data.win) - T);
  ctx.font = '500 9px "JetBrains Mono", monospace';
  for (const [v, label, colour] of [
    [data.win, `win ${data.win}`, 'rgba(134, 214, 154, 0.9)'],
    [data.loss, `loss ${data.loss}`, 'rgba(255, 157, 138, 0.9)'],
    [0, '0', 'rgba(220,226,232,0.35)'],
  ] as const) {
    if (v < lo || v > hi) continue;
    ctx.strokeStyle = colour;
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(L, Math.round(y(v)) + 0.5);
    ctx.lineTo(L + pw, Math.round(y(v)) + 0.5);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = colour;
    ctx.textAlign = 'right';
    ctx.fillText(label === '0' ? '0' : String(v), L - 4, y(v) + 3);
    if (label !== '0') {
      ctx.textAlign = 'left';
      ctx.fillText(label, L + 4, y(v) + (v === data.win ? -4 : 11));
    }
  }
  const step = data.span > 60 ? 14 : data.span > 20 ? 7 : 1;
  ctx.fillStyle = 'rgba(220,226,232,0.5)';
  ctx.textAlign = 'center';
  for (let d = 1; d <= data.span; d += step) {
    const label = axisDate(data.dates[d] ?? '');
    if (label) ctx.fillText(label, x(d), hgt - 5);
  }
  for (const r of data.rules ?? []) {
    const rx = Math.round(x(r.turn)) + 0.5;
    ctx.strokeStyle = r.colour;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(rx, T);
    ctx.lineTo(rx, T + ph);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.font = '600 9px "JetBrains Mono", monospace';
    ctx.fillStyle = r.colour;
    const right = rx + 4 + ctx.measureText(r.label).width < L + pw;
    ctx.textAlign = right ? 'left' : 'right';
    ctx.fillText(r.label, rx + (right ? 4 : -4), T + 10);
  }
  if (data.shown !== undefined) {
    const sx = Math.round(x(data.shown)) + 0.5;
    ctx.strokeStyle = '#f2b33d';
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(sx, T - 2);
    ctx.lineTo(sx, T + ph);
    ctx.stroke();
    const tag = `Day ${data.shown}`;
    ctx.font = '600 9px "JetBrains Mono", monospace';
    const tw = ctx.measureText(tag).width + 10;
    const tx = Math.max(L - 2, Math.min(L + pw - tw, sx - tw / 2));
    ctx.fillStyle = '#f2b33d';
    ctx.beginPath();
    ctx.roundRect(tx, T - 17, tw, 14, 3);
    ctx.fill();
    ctx.fillStyle = '#1a1204';
    ctx.textAlign = 'center';
    ctx.fillText(tag, tx + tw / 2, T - 7);
  }
  ctx.lineJoin = 'round';
  ctx.strokeStyle = data.colour ?? '#f2b33d';
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  data.points.forEach((v, d) => (d === 0 ? ctx.moveTo(x(d), y(v)) : ctx.lineTo(x(d), y(v))));
  ctx.stroke();
  // The other run's dashes over the track, so they show where the two coincide.
  if (data.other) {
    ctx.strokeStyle = data.other.colour;
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    data.other.points.forEach((v, d) => (d === 0 ? ctx.moveTo(x(d), y(v)) : ctx.lineTo(x(d), y(v))));
    ctx.stroke();
    ctx.setLineDash([]);
  }
  for (const mk of data.markers ?? []) {
    const v = data.points[mk.turn];
    if (v === undefined) continue;
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
