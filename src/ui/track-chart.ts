// The debrief's chart of a role's own track: its victory points day by day against its win and loss
// lines (the zones beyond them shaded), on a 2D canvas, with the turning points marked.
import { axisDate } from '../store/ui-view';

export interface TrackChartData {
  dates: string[];
  points: number[];
  win: number;
  loss: number;
  span: number;
  markers?: { turn: number; n: number }[];
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
  let lo = Math.min(data.loss - band * 0.35, ...data.points);
  let hi = Math.max(data.win + band * 0.35, ...data.points);
  const pad = (hi - lo) * 0.05;
  lo -= pad;
  hi += pad;
  const L = 34;
  const R = 8;
  const T = 8;
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
  ctx.strokeStyle = '#f2b33d';
  ctx.lineWidth = 2.5;
  ctx.lineJoin = 'round';
  ctx.beginPath();
  data.points.forEach((v, d) => (d === 0 ? ctx.moveTo(x(d), y(v)) : ctx.lineTo(x(d), y(v))));
  ctx.stroke();
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
