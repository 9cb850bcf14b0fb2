// The printable handout: the debrief, or the replay viewer at a day, drawn on an offscreen canvas as one
// page (1600 × 900, saved at twice that for print and HiDPI screens) and downloaded as a PNG — a teacher
// prints it or puts it on a slide. Light "paper" look rather than the game's dark one: a page of dark
// ink on off-white prints cleanly on any printer (no solid dark page soaking the paper), reads in a lit
// room and on a projector, and keeps the game's identity through its amber, its type (Oswald, Inter,
// JetBrains Mono, the fonts the page already has; nothing is fetched) and the same tension chart
// (chart.ts, in its PAPER look). What it says comes from handout-content.ts; this file only draws.
import type { SessionStore } from '../store/session';
import { paintChart, PAPER, PAPER_OVERALL_COLOUR, PAPER_PAIR_COLOURS, type ChartData } from './chart';
import { downloadBlob } from './download';
import { signed } from './format';
import { handoutContent, type HandoutContent, type HandoutMode, type HandoutNote, type HandoutStat } from './handout-content';
import { tensionInk } from './palette';
import { toast } from './toast';

/** The page in CSS pixels (16:9, a slide; it prints on A4 or Letter landscape with even margins). */
export const HANDOUT_WIDTH = 1600;
export const HANDOUT_HEIGHT = 900;
/** Device pixels per CSS pixel of the saved image (3200 × 1800: sharp on HiDPI and in print). */
export const HANDOUT_SCALE = 2;

const PAPER_RGB: [number, number, number] = [251, 250, 246];
const C = {
  paper: `rgb(${PAPER_RGB.join(', ')})`,
  ink: '#15191e',
  dim: '#434c57',
  faint: '#6b747f',
  rule: '#d8d3c7',
  wash: '#f1eee6',
  accent: '#f2b33d',
  /** The game's amber, darkened to read as text on paper (5:1). */
  accentInk: '#94570a',
  tint: 'rgba(242, 179, 61, 0.16)',
  up: '#b04a12',
  down: '#1f5f99',
  win: '#94570a',
  loss: '#1f5f99',
  draw: '#434c57',
};
const HEAD = (weight: number, px: number) => `${weight} ${px}px Oswald, "Inter Variable", sans-serif`;
const BODY = (weight: number, px: number) => `${weight} ${px}px "Inter Variable", system-ui, sans-serif`;
const MONO = (weight: number, px: number) => `${weight} ${px}px "JetBrains Mono", ui-monospace, monospace`;
/** The faces drawn with, each as the page loads it (main.ts): awaited before drawing. */
const FACES = ['400 16px Oswald', '600 16px Oswald', '400 16px "Inter Variable"', '600 16px "Inter Variable"', '400 16px "JetBrains Mono"', '600 16px "JetBrains Mono"'];

const M = 56;
const HEADER_BOTTOM = 214;
const BODY_TOP = 240;
const BODY_BOTTOM = 826;
const LEFT_W = 936;
const RIGHT_X = M + LEFT_W + 52;
const RIGHT_W = HANDOUT_WIDTH - M - RIGHT_X;

type Ctx = CanvasRenderingContext2D;

/** Letter spacing where the canvas supports it (Chromium, Firefox, Safari 17+); nothing otherwise. */
function spacing(ctx: Ctx, em: number): void {
  if ('letterSpacing' in ctx) ctx.letterSpacing = `${em}em`;
}

/** Breaks text into lines at most `width` wide (a word wider than that is cut), at most `max` lines, the last ending in "…" when cut short. */
export function wrapText(ctx: Ctx, text: string, width: number, max: number): string[] {
  const fits = (t: string) => ctx.measureText(t).width <= width;
  const words: string[] = [];
  for (const w of text.split(/\s+/).filter(Boolean)) {
    if (fits(w)) words.push(w);
    else {
      let part = '';
      for (const ch of w) {
        if (part && !fits(part + ch)) {
          words.push(part);
          part = '';
        }
        part += ch;
      }
      if (part) words.push(part);
    }
  }
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const t = line ? `${line} ${w}` : w;
    if (!line || fits(t)) line = t;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  let last = kept[max - 1]!;
  while (last.length > 1 && !fits(`${last}…`)) last = last.includes(' ') ? last.replace(/\s*\S+$/, '') : last.slice(0, -1);
  kept[max - 1] = `${last.replace(/[\s,.;:–—-]+$/, '')}…`;
  return kept;
}

/** Writes `text` cut to `width` (with "…") and returns the width written. */
function fitText(ctx: Ctx, text: string, x: number, y: number, width: number): number {
  const line = wrapText(ctx, text, width, 1)[0] ?? '';
  ctx.fillText(line, x, y);
  return ctx.measureText(line).width;
}

/** A small-caps section heading with a short amber rule before it; returns the y under it. */
function heading(ctx: Ctx, text: string, x: number, y: number): number {
  ctx.fillStyle = C.accent;
  ctx.fillRect(x, y + 5, 18, 3);
  ctx.fillStyle = C.ink;
  ctx.font = HEAD(600, 15);
  spacing(ctx, 0.14);
  ctx.textAlign = 'left';
  ctx.fillText(text.toUpperCase(), x + 28, y + 12);
  spacing(ctx, 0);
  return y + 26;
}

function readingColour(r: string | null): string {
  return r === 'win' ? C.win : r === 'loss' ? C.loss : C.draw;
}

/** The chart's data with the lines recoloured for paper (the same lines, in the same order). */
function onPaper(data: ChartData): ChartData {
  return { ...data, lines: data.lines.map((l, i) => ({ ...l, colour: i === 0 ? PAPER_OVERALL_COLOUR : PAPER_PAIR_COLOURS[(i - 1) % PAPER_PAIR_COLOURS.length]! })) };
}

function drawHeader(ctx: Ctx, c: HandoutContent): void {
  // The amber edge of the debrief's panel, across the top of the page.
  ctx.fillStyle = C.accent;
  ctx.fillRect(0, 0, HANDOUT_WIDTH, 8);

  ctx.textAlign = 'left';
  ctx.fillStyle = C.accentInk;
  ctx.font = HEAD(600, 17);
  spacing(ctx, 0.32);
  ctx.fillText('BRINK', M, 50);
  const brand = ctx.measureText('BRINK').width;
  spacing(ctx, 0);
  ctx.fillStyle = C.rule;
  ctx.fillRect(M + brand + 10, 36, 1.5, 18);
  ctx.fillStyle = C.dim;
  ctx.font = MONO(400, 14);
  fitText(ctx, c.kicker, M + brand + 24, 50, 900);
  ctx.textAlign = 'right';
  ctx.fillStyle = C.faint;
  ctx.font = BODY(600, 12);
  spacing(ctx, 0.14);
  ctx.fillText(c.mode === 'day' ? 'REPLAY · A DAY TO DISCUSS' : 'DEBRIEF', HANDOUT_WIDTH - M, 49);
  spacing(ctx, 0);

  // The title, shrunk to fit beside the verdict box.
  const boxW = 420;
  const titleW = HANDOUT_WIDTH - 2 * M - boxW - 40;
  ctx.textAlign = 'left';
  ctx.fillStyle = C.ink;
  let size = 62;
  ctx.font = HEAD(600, size);
  spacing(ctx, 0.01);
  while (size > 36 && ctx.measureText(c.title.toUpperCase()).width > titleW) ctx.font = HEAD(600, (size -= 2));
  fitText(ctx, c.title.toUpperCase(), M - 2, 126, titleW);
  spacing(ctx, 0);
  ctx.fillStyle = C.dim;
  ctx.font = BODY(400, 18);
  wrapText(ctx, c.subtitle, titleW, 2).forEach((l, i) => ctx.fillText(l, M, 162 + i * 26));

  // The verdict (debrief) or how the run ends (viewer), boxed at the right.
  const bx = HANDOUT_WIDTH - M - boxW;
  const by = 76;
  const bh = 118;
  ctx.fillStyle = '#ffffff';
  ctx.strokeStyle = C.rule;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.roundRect(bx, by, boxW, bh, 8);
  ctx.fill();
  ctx.stroke();
  const label = (text: string, x: number, y: number) => {
    ctx.fillStyle = C.faint;
    ctx.font = BODY(600, 12);
    spacing(ctx, 0.12);
    ctx.fillText(text.toUpperCase(), x, y);
    spacing(ctx, 0);
  };
  ctx.textAlign = 'left';
  if (c.verdicts.length === 1) {
    const v = c.verdicts[0]!;
    ctx.fillStyle = readingColour(v.reading);
    ctx.fillRect(bx, by + 12, 4, bh - 24);
    label(v.label, bx + 24, by + 30);
    ctx.fillStyle = readingColour(v.reading);
    ctx.font = HEAD(600, 44);
    spacing(ctx, 0.04);
    ctx.fillText(v.value.toUpperCase(), bx + 22, by + 78);
    spacing(ctx, 0);
    ctx.fillStyle = C.dim;
    ctx.font = MONO(400, 14);
    fitText(ctx, v.detail, bx + 24, by + 102, boxW - 40);
  } else if (c.verdicts.length > 1) {
    // An observer: every role's reading, two columns.
    label('What it means for each role', bx + 20, by + 26);
    const colW = (boxW - 40) / 2;
    c.verdicts.slice(0, 6).forEach((v, i) => {
      const x = bx + 20 + (i % 2) * colW;
      const y = by + 62 + Math.floor(i / 2) * 32;
      ctx.fillStyle = C.ink;
      ctx.font = BODY(500, 17);
      const w = fitText(ctx, v.label, x, y, colW - 90);
      ctx.fillStyle = readingColour(v.reading);
      ctx.font = HEAD(600, 19);
      ctx.fillText(v.value.toUpperCase(), x + Math.max(w + 10, 90), y);
    });
  } else {
    label('How this run ends', bx + 24, by + 30);
    const [head, ...rest] = (c.ending ?? 'The recording stops before the end').split(': ');
    const end = rest.join(': ');
    const [name, ...who] = end.split(' · ');
    ctx.fillStyle = C.ink;
    ctx.font = HEAD(600, 30);
    spacing(ctx, 0.03);
    fitText(ctx, (name || head!).toUpperCase(), bx + 22, by + 70, boxW - 44);
    spacing(ctx, 0);
    ctx.fillStyle = C.dim;
    ctx.font = MONO(400, 14);
    fitText(ctx, [name ? head!.replace(/^Ends on /, '') : '', ...who].filter(Boolean).join(' · '), bx + 24, by + 98, boxW - 44);
  }

  ctx.fillStyle = C.rule;
  ctx.fillRect(M, HEADER_BOTTOM, HANDOUT_WIDTH - 2 * M, 1.5);
}

/** Figures right-aligned on a heading's row, ending at `right`: "PEAK TENSION 70 day 70". */
function statsRow(ctx: Ctx, stats: readonly HandoutStat[], right: number, y: number): void {
  let x = right;
  ctx.textAlign = 'right';
  for (const st of [...stats].reverse()) {
    ctx.fillStyle = C.faint;
    ctx.font = BODY(400, 13);
    ctx.fillText(st.note, x, y + 12);
    x -= ctx.measureText(st.note).width + 8;
    ctx.fillStyle = st.tension !== undefined ? tensionInk(st.tension, PAPER_RGB) : C.ink;
    ctx.font = st.tension !== undefined ? MONO(600, 21) : HEAD(600, 18);
    ctx.fillText(st.value, x, y + 13);
    x -= ctx.measureText(st.value).width + 10;
    ctx.fillStyle = C.faint;
    ctx.font = BODY(600, 11);
    spacing(ctx, 0.1);
    ctx.fillText(st.label.toUpperCase(), x, y + 12);
    x -= ctx.measureText(st.label.toUpperCase()).width + 30;
    spacing(ctx, 0);
  }
  ctx.textAlign = 'left';
}

function drawChartBlock(ctx: Ctx, c: HandoutContent): number {
  let y = heading(ctx, 'Tension over the crisis', M, BODY_TOP);
  statsRow(ctx, c.stats, M + LEFT_W, BODY_TOP);

  y += 10;
  const ch = 330;
  ctx.save();
  ctx.translate(M - 6, y);
  const frame = paintChart(ctx, onPaper(c.chart), LEFT_W + 6, ch, PAPER);
  // A game that ended early: its ending written in the days it did not reach.
  const endX = frame.x(c.chart.lines[0]?.values.length ?? 0);
  if (c.chartNote && frame.left + frame.width - endX > 160) {
    ctx.fillStyle = C.faint;
    ctx.font = BODY(500, 14);
    ctx.textAlign = 'center';
    const cx = (endX + frame.left + frame.width) / 2;
    wrapText(ctx, c.chartNote, frame.left + frame.width - endX - 40, 2).forEach((l, i) => ctx.fillText(l, cx, frame.top + frame.height * 0.55 + i * 19));
    ctx.textAlign = 'left';
  }
  ctx.restore();
  y += ch + 12;

  // The legend, then what the markers mean.
  let lx = M + 32;
  ctx.font = BODY(500, 13.5);
  const lines = onPaper(c.chart).lines;
  c.legend.forEach((l, i) => {
    const colour = lines[i]?.colour ?? l.colour;
    ctx.strokeStyle = colour;
    ctx.lineWidth = i === 0 ? 3.5 : 2.5;
    ctx.setLineDash(l.dashed ? [6, 4] : []);
    ctx.beginPath();
    ctx.moveTo(lx, y + 8);
    ctx.lineTo(lx + 24, y + 8);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = C.ink;
    ctx.fillText(l.label, lx + 32, y + 13);
    lx += 32 + ctx.measureText(l.label).width + 26;
  });
  ctx.fillStyle = C.ink;
  ctx.beginPath();
  ctx.arc(lx + 9, y + 8, 9, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.font = MONO(600, 11);
  ctx.textAlign = 'center';
  ctx.fillText('1', lx + 9, y + 12);
  ctx.textAlign = 'left';
  ctx.fillStyle = C.dim;
  ctx.font = BODY(500, 13.5);
  ctx.fillText('turning point', lx + 24, y + 13);
  return y + 34;
}

/** The debrief's "what decided it", or the viewer's "that day", under the chart. */
function drawLowerLeft(ctx: Ctx, c: HandoutContent, top: number): void {
  const bottom = BODY_BOTTOM;
  if (c.thatDay) {
    let y = heading(ctx, c.thatDay.heading, M, top) + 8;
    ctx.fillStyle = C.ink;
    ctx.font = BODY(500, 19);
    for (const l of wrapText(ctx, c.thatDay.text, LEFT_W, 2)) {
      ctx.fillText(l, M, y + 16);
      y += 26;
    }
    if (c.thatDay.also.length && y + 40 < bottom) {
      y += 10;
      ctx.fillStyle = C.faint;
      ctx.font = BODY(600, 11);
      spacing(ctx, 0.12);
      ctx.fillText('ALSO THAT DAY', M, y + 10);
      spacing(ctx, 0);
      y += 18;
      ctx.font = BODY(400, 15);
      for (const a of c.thatDay.also) {
        if (y + 20 > bottom) break;
        ctx.fillStyle = C.faint;
        ctx.fillRect(M + 2, y + 8, 5, 5);
        ctx.fillStyle = C.dim;
        fitText(ctx, a, M + 18, y + 15, LEFT_W - 18);
        y += 22;
      }
    }
    return;
  }
  if (!c.decided) return;
  let y = heading(ctx, 'What decided it', M, top) + 8;
  if (c.aside) statsRow(ctx, [c.aside], M + LEFT_W, top);
  ctx.fillStyle = C.ink;
  ctx.font = HEAD(600, 19);
  spacing(ctx, 0.02);
  fitText(ctx, c.decided.text, M, y + 16, LEFT_W);
  spacing(ctx, 0);
  y += 32;
  const max = Math.max(1, ...c.decided.factors.map((f) => Math.abs(f.amount)));
  const barX = M + 520;
  const barW = 300;
  for (const f of c.decided.factors) {
    if (y + 24 > bottom) break;
    ctx.fillStyle = C.ink;
    ctx.font = BODY(f.yours ? 600 : 400, 15);
    fitText(ctx, `${f.yours ? 'You: ' : ''}${f.label}`, M, y + 15, barX - M - 20);
    ctx.fillStyle = C.wash;
    ctx.fillRect(barX, y + 5, barW, 12);
    ctx.fillStyle = f.amount >= 0 ? C.up : C.down;
    const w = (barW / 2) * (Math.abs(f.amount) / max);
    ctx.fillRect(f.amount >= 0 ? barX + barW / 2 : barX + barW / 2 - w, y + 5, Math.max(1.5, w), 12);
    ctx.fillStyle = C.rule;
    ctx.fillRect(barX + barW / 2, y + 2, 1, 18);
    ctx.fillStyle = C.ink;
    ctx.font = MONO(600, 14);
    ctx.textAlign = 'right';
    ctx.fillText(signed(f.amount), M + LEFT_W, y + 15);
    ctx.textAlign = 'left';
    y += 26;
  }
}

function drawTurningPoints(ctx: Ctx, c: HandoutContent): number {
  let y = heading(ctx, 'Turning points', RIGHT_X, BODY_TOP) + 6;
  const tx = RIGHT_X + 38;
  const tw = RIGHT_W - 38;
  for (const p of c.turning) {
    ctx.font = BODY(500, 15.5);
    const lines = wrapText(ctx, p.headline, tw, 2);
    ctx.font = BODY(600, 13);
    const yours = p.yours ? wrapText(ctx, p.yours, tw, 1) : [];
    const h = 22 + lines.length * 21 + yours.length * 19;
    if (p.shown) {
      ctx.fillStyle = C.tint;
      ctx.beginPath();
      ctx.roundRect(RIGHT_X - 8, y - 6, RIGHT_W + 16, h + 10, 6);
      ctx.fill();
    }
    // The number, as the chart marks it.
    ctx.fillStyle = C.ink;
    ctx.beginPath();
    ctx.arc(RIGHT_X + 13, y + 10, 13, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#ffffff';
    ctx.font = MONO(600, 13);
    ctx.textAlign = 'center';
    ctx.fillText(String(p.n), RIGHT_X + 13, y + 14.5);
    ctx.textAlign = 'left';
    ctx.fillStyle = C.accentInk;
    ctx.font = MONO(600, 13.5);
    ctx.fillText(`Day ${p.day} · ${p.date}${p.shown ? '  ◂ this day' : ''}`, tx, y + 14);
    ctx.textAlign = 'right';
    ctx.fillStyle = p.delta > 0 ? C.up : C.down;
    ctx.fillText(signed(p.delta), RIGHT_X + RIGHT_W, y + 14);
    ctx.textAlign = 'left';
    let ly = y + 22;
    ctx.fillStyle = C.ink;
    ctx.font = BODY(500, 15.5);
    for (const l of lines) {
      ctx.fillText(l, tx, ly + 15);
      ly += 21;
    }
    ctx.fillStyle = C.accentInk;
    ctx.font = BODY(600, 13);
    for (const l of yours) {
      ctx.fillText(l, tx, ly + 13);
      ly += 19;
    }
    y += h + 14;
  }
  return y;
}

function noteHeight(ctx: Ctx, n: HandoutNote, width: number, max: number): { lines: string[]; h: number } {
  ctx.font = BODY(n.today ? 500 : 400, 15.5);
  const lines = wrapText(ctx, n.text, width, max);
  return { lines, h: 24 + lines.length * 21 };
}

function drawNotes(ctx: Ctx, c: HandoutContent, top: number): void {
  let y = heading(ctx, c.mode === 'day' && c.notes.some((n) => n.today) ? 'Notes · this day first' : 'Notes', RIGHT_X, top) + 6;
  if (c.notes.length === 0) {
    ctx.fillStyle = C.faint;
    ctx.font = BODY(400, 14.5);
    wrapText(ctx, 'No notes yet. In the replay viewer, “Add a note” pins a remark to a day; notes travel in the file and the link.', RIGHT_W, 3).forEach((l, i) => ctx.fillText(l, RIGHT_X, y + 16 + i * 20));
    return;
  }
  const tx = RIGHT_X + 14;
  const tw = RIGHT_W - 14;
  let shown = 0;
  for (const n of c.notes) {
    const room = BODY_BOTTOM - y - (shown < c.notes.length - 1 ? 26 : 0);
    let fit = noteHeight(ctx, n, tw, n.today ? 6 : 4);
    // Cut a note short rather than leave it out when two lines of it still fit.
    while (fit.h > room && fit.lines.length > 2) fit = noteHeight(ctx, n, tw, fit.lines.length - 1);
    if (fit.h > room) break;
    if (n.today) {
      ctx.fillStyle = C.tint;
      ctx.beginPath();
      ctx.roundRect(RIGHT_X - 8, y - 6, RIGHT_W + 16, fit.h + 8, 6);
      ctx.fill();
    }
    ctx.fillStyle = n.today ? C.accent : C.rule;
    ctx.fillRect(RIGHT_X, y - 2, 3.5, fit.h - 4);
    ctx.fillStyle = n.today ? C.accentInk : C.dim;
    ctx.font = MONO(600, 12.5);
    ctx.fillText(n.today ? `${n.when} · this day` : n.when, tx, y + 12);
    ctx.fillStyle = C.ink;
    ctx.font = BODY(n.today ? 500 : 400, 15.5);
    fit.lines.forEach((l, i) => ctx.fillText(l, tx, y + 34 + i * 21));
    y += fit.h + 12;
    shown++;
  }
  if (shown < c.notes.length) {
    ctx.fillStyle = C.faint;
    ctx.font = BODY(500, 13.5);
    const more = c.notes.length - shown;
    ctx.fillText(`+ ${more} more note${more > 1 ? 's' : ''} in the replay`, tx, Math.min(y + 12, BODY_BOTTOM));
  }
}

function drawFooter(ctx: Ctx, c: HandoutContent): void {
  ctx.fillStyle = C.rule;
  ctx.fillRect(M, 846, HANDOUT_WIDTH - 2 * M, 1.5);
  ctx.textAlign = 'left';
  ctx.fillStyle = C.dim;
  ctx.font = BODY(500, 13.5);
  const left = ctx.measureText(c.footer).width;
  ctx.fillText(c.footer, M, 876);
  if (c.source) {
    ctx.textAlign = 'right';
    ctx.fillStyle = C.faint;
    ctx.font = BODY(400, 12.5);
    const line = wrapText(ctx, c.source, HANDOUT_WIDTH - 2 * M - left - 48, 1)[0] ?? '';
    ctx.fillText(line, HANDOUT_WIDTH - M, 876);
    ctx.textAlign = 'left';
  }
}

/** Draws the handout on a new canvas of HANDOUT_WIDTH × HANDOUT_HEIGHT at HANDOUT_SCALE. */
export function renderHandout(c: HandoutContent): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = HANDOUT_WIDTH * HANDOUT_SCALE;
  canvas.height = HANDOUT_HEIGHT * HANDOUT_SCALE;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser gives no 2D canvas to draw the handout on');
  ctx.setTransform(HANDOUT_SCALE, 0, 0, HANDOUT_SCALE, 0, 0);
  ctx.fillStyle = C.paper;
  ctx.fillRect(0, 0, HANDOUT_WIDTH, HANDOUT_HEIGHT);
  ctx.textBaseline = 'alphabetic';
  drawHeader(ctx, c);
  const lower = drawChartBlock(ctx, c);
  drawLowerLeft(ctx, c, lower + 8);
  const notesTop = drawTurningPoints(ctx, c);
  drawNotes(ctx, c, notesTop + 6);
  drawFooter(ctx, c);
  return canvas;
}

/** Waits (at most 3 s) until the page's own fonts are ready to draw with; nothing new is fetched. */
async function fontsReady(): Promise<void> {
  const load = async () => {
    await document.fonts.ready;
    await Promise.all(FACES.map((f) => document.fonts.load(f).catch(() => [])));
  };
  await Promise.race([load(), new Promise((r) => setTimeout(r, 3000))]);
}

let busy = false;

/**
 * Draws the handout of the debrief (`debrief`) or of the viewer's day (`day`) and downloads it as a PNG;
 * resolves to its file name, or null when there was nothing to hand out or the browser could not make it
 * (said in a toast).
 */
export async function exportHandout(store: SessionStore, mode: HandoutMode): Promise<string | null> {
  if (busy) return null;
  const content = handoutContent(store.getState(), mode);
  if (!content) {
    toast(mode === 'day' ? 'Open a replay to make a handout of one of its days.' : 'The handout is made once the game has ended.');
    return null;
  }
  busy = true;
  try {
    await fontsReady();
    const canvas = renderHandout(content);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the browser could not encode the image');
    downloadBlob(content.fileName, blob);
    toast(`Handout saved as ${content.fileName}`);
    return content.fileName;
  } catch (e) {
    toast(`The handout could not be made: ${(e as Error).message}. Your game and notes are unchanged; try again, or take a screenshot.`, 6000);
    return null;
  } finally {
    busy = false;
  }
}
