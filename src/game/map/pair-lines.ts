// Tension lines between capitals: one gently curved arc per counting pair, coloured and thickened by
// its tension on a colour-blind-safe ramp, tweened when the value changes, with the value in a pill at
// the midpoint. An incident on a pair sends a pulse along its line. With motion reduced, values change
// at once and an incident marks its line with a steady glow until the next day instead of a pulse.
import type * as Phaser from 'phaser';
import type { MapPairLine } from '../../store/map-view';
import type { View } from './projection';
import { centred, overlap, type Box } from './layout';
import * as P from './palette';
import { addText } from './text';

interface Line {
  data: MapPairLine;
  /** The value drawn now (tweened towards data.tension). */
  shown: { v: number };
  tween: Phaser.Tweens.Tween | null;
  pts: { x: number; y: number }[];
  mid: { x: number; y: number };
  pill: Phaser.GameObjects.Text;
  pulse: number;
  /** An incident today, shown as a steady glow (motion reduced). */
  marked: boolean;
  /** The pill hides where it would cover a capital's star or name or a hotter pair's pill (zoomed far out). */
  hidden: boolean;
}

const SAMPLES = 28;

export function lineWidth(t: number): number {
  return 1.6 + (Math.max(0, Math.min(100, t)) / 100) * 6;
}

export class PairLines {
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly glow: Phaser.GameObjects.Graphics;
  private lines = new Map<string, Line>();
  private view: View | null = null;
  private dirty = true;
  private reduced = false;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly depth: number,
  ) {
    this.glow = scene.add.graphics().setDepth(depth);
    this.g = scene.add.graphics().setDepth(depth + 1);
  }

  /** New values: tweens each line to its pair's tension over `ms`. */
  update(data: MapPairLine[], ms: number): void {
    const seen = new Set<string>();
    for (const d of data) {
      seen.add(d.id);
      let l = this.lines.get(d.id);
      if (!l) {
        const pill = addText(this.scene, 0, 0, String(Math.round(d.tension)), { fontFamily: P.FONT, fontSize: '11px', fontStyle: '700', color: '#0b1722' })
          .setOrigin(0.5)
          .setDepth(this.depth + 3);
        l = { data: d, shown: { v: d.tension }, tween: null, pts: [], mid: { x: 0, y: 0 }, pill, pulse: -1, marked: false, hidden: false };
        this.lines.set(d.id, l);
        this.dirty = true;
      }
      const changed = Math.abs(l.shown.v - d.tension) > 0.01 || l.data.from.id !== d.from.id || l.data.to.id !== d.to.id;
      l.data = d;
      l.marked = false;
      if (changed && (this.reduced || ms <= 1)) {
        l.tween?.stop();
        l.tween = null;
        l.shown.v = d.tension;
        // The pill's text now, not at the next draw: the layout that follows sizes the pill by it (with
        // the old value's width, the map at a day depended on the day the viewer jumped from).
        const txt = String(Math.round(d.tension));
        if (l.pill.text !== txt) l.pill.setText(txt);
        if (this.view) this.route(l, this.view);
      } else if (changed) {
        l.tween?.stop();
        l.tween = this.scene.tweens.add({
          targets: l.shown,
          v: d.tension,
          duration: ms,
          ease: 'Cubic.easeInOut',
          onUpdate: () => (this.dirty = true),
        });
        if (this.view) this.route(l, this.view);
      }
    }
    for (const [id, l] of this.lines) {
      if (seen.has(id)) continue;
      l.tween?.stop();
      l.pill.destroy();
      this.lines.delete(id);
    }
    this.dirty = true;
  }

  /** Flashes the line of a pair (an incident); with motion reduced, marks it with a steady glow. */
  pulse(pairId: string): void {
    const l = this.lines.get(pairId);
    if (!l) return;
    if (this.reduced) l.marked = true;
    else l.pulse = this.scene.time.now;
    this.dirty = true;
  }

  /** Pulses running now. */
  pulses(now: number): number {
    return [...this.lines.values()].filter((l) => l.pulse >= 0 && now - l.pulse < 1800).length;
  }

  /** Motion reduced: running tweens and pulses end at once (a pulse becomes a steady glow). */
  setReducedMotion(on: boolean): void {
    this.reduced = on;
    if (!on) return;
    for (const l of this.lines.values()) {
      l.tween?.stop();
      l.tween = null;
      l.shown.v = l.data.tension;
      if (l.pulse >= 0) l.marked = true;
      l.pulse = -1;
    }
    this.dirty = true;
  }

  /**
   * Routes the arcs; each pill takes the spot near mid-line that keeps clear of `avoid` and other pills.
   * A pill that would still cover one of `keep` (the capitals' stars) or a hotter pair's pill hides.
   */
  layout(view: View, avoid: Box[] = [], keep: Box[] = []): void {
    this.view = view;
    this.avoid = avoid;
    for (const l of this.lines.values()) l.pts = [];
    for (const l of this.lines.values()) this.route(l, view);
    // Pills that still cover a star or each other give way, the cooler pair's first (its line still shows it).
    const hot = [...this.lines.values()].sort((a, b) => b.data.tension - a.data.tension);
    const shown: Box[] = [];
    for (const l of hot) {
      const box = centred(l.mid.x, l.mid.y, Math.max(22, l.pill.width + 10), 16);
      l.hidden = shown.some((o) => overlap(box, o) > 0.25 * box.w * box.h) || keep.some((o) => overlap(box, o) > 0);
      l.pill.setVisible(!l.hidden);
      if (!l.hidden) shown.push(box);
    }
    this.dirty = true;
  }

  private avoid: Box[] = [];

  /** Hides the pills a capital's name could not keep off (the map zoomed far out): names come first. */
  yieldTo(labels: Box[]): void {
    for (const l of this.lines.values()) {
      if (l.hidden) continue;
      const box = centred(l.mid.x, l.mid.y, Math.max(22, l.pill.width + 10), 16);
      if (!labels.some((o) => overlap(box, o) > 0)) continue;
      l.hidden = true;
      l.pill.setVisible(false);
      this.dirty = true;
    }
  }

  /** The pills' boxes (obstacles for labels). */
  boxes(): Box[] {
    return [...this.lines.values()].filter((l) => !l.hidden).map((l) => centred(l.mid.x, l.mid.y, l.pill.width + 10, l.pill.height + 4));
  }

  private route(l: Line, view: View): void {
    // Arcs bow to the north-west of the west→east chord, so lines sharing a capital fan apart.
    let a = view.at(l.data.from.lon, l.data.from.lat);
    let b = view.at(l.data.to.lon, l.data.to.lat);
    if (a.x > b.x) [a, b] = [b, a];
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const bow = 0.13 * len;
    const cx = (a.x + b.x) / 2 + (dy / len) * bow;
    const cy = (a.y + b.y) / 2 - (dx / len) * bow;
    const pts: { x: number; y: number }[] = [];
    // Trim the ends so the arcs stop short of the capital stars.
    const trim = Math.min(0.2, 9 / len);
    for (let i = 0; i <= SAMPLES; i++) {
      const t = trim + (i / SAMPLES) * (1 - 2 * trim);
      const u = 1 - t;
      pts.push({ x: u * u * a.x + 2 * u * t * cx + t * t * b.x, y: u * u * a.y + 2 * u * t * cy + t * t * b.y });
    }
    l.pts = pts;
    const at = (t: number) => ({ x: (1 - t) * (1 - t) * a.x + 2 * (1 - t) * t * cx + t * t * b.x, y: (1 - t) * (1 - t) * a.y + 2 * (1 - t) * t * cy + t * t * b.y });
    const others = [...this.lines.values()].filter((o) => o !== l && o.pts.length > 0).map((o) => centred(o.mid.x, o.mid.y, 34, 22));
    let best = { t: 0.5, clash: Infinity };
    // Zoomed in, the middle of a line may be off the canvas: then the pill goes on its visible part,
    // as near the middle as it can.
    const onCanvas = (m: { x: number; y: number }) => m.x >= 18 && m.x <= view.width - 18 && m.y >= 12 && m.y <= view.height - 12;
    const near = [0.5, 0.43, 0.57, 0.36, 0.64, 0.3, 0.7];
    const far = [0.24, 0.76, 0.18, 0.82, 0.12, 0.88];
    const tries = near.some((t) => onCanvas(at(t))) || !far.some((t) => onCanvas(at(t))) ? near : far;
    for (const t of tries) {
      const m = at(t);
      const box = centred(m.x, m.y, 30, 18);
      const clash = [...this.avoid, ...others].reduce((sum, o) => sum + overlap(box, o), 0) + (onCanvas(m) ? 0 : 1e7);
      if (clash < best.clash - 1) best = { t, clash };
    }
    l.mid = at(best.t);
  }

  /** Redraws when values moved or a pulse is running (called every frame). */
  tick(now: number): void {
    let pulsing = false;
    let marked = false;
    for (const l of this.lines.values()) {
      if (l.pulse >= 0 && now - l.pulse < 1800) pulsing = true;
      if (l.marked) marked = true;
    }
    if (!this.dirty && !pulsing) {
      if (this.glow.visible && !marked) this.glow.clear().setVisible(false);
      return;
    }
    this.dirty = false;
    const g = this.g;
    g.clear();
    const sorted = [...this.lines.values()].sort((x, y) => x.shown.v - y.shown.v);
    for (const l of sorted) {
      const t = l.shown.v;
      const w = lineWidth(t);
      const c = P.tensionColour(t);
      stroke(g, l.pts, w + 3, P.parseHex(P.TEXT_SHADOW), 0.55);
      stroke(g, l.pts, w, c, 0.92);
      if (l.hidden) continue;
      // Pill with the value.
      const txt = String(Math.round(t));
      if (l.pill.text !== txt) l.pill.setText(txt);
      const pw = Math.max(22, l.pill.width + 10);
      const ph = 16;
      g.fillStyle(P.parseHex(P.TEXT_SHADOW), 0.8).fillRoundedRect(l.mid.x - pw / 2 - 1.5, l.mid.y - ph / 2 - 1.5, pw + 3, ph + 3, 9);
      g.fillStyle(c, 1).fillRoundedRect(l.mid.x - pw / 2, l.mid.y - ph / 2, pw, ph, 8);
      l.pill.setPosition(Math.round(l.mid.x), Math.round(l.mid.y));
      // setColor redraws the text's canvas and uploads it again: only when the colour changes.
      const ink = t >= 72 ? '#fff4ec' : '#0b1722';
      if (l.pill.style.color !== ink) l.pill.setColor(ink);
    }
    const gl = this.glow;
    gl.clear().setVisible(pulsing || marked);
    for (const l of this.lines.values()) {
      if (!l.marked) continue;
      stroke(gl, l.pts, lineWidth(l.shown.v) + 8, 0xffd27a, 0.3);
      gl.lineStyle(2, 0xffe2a8, 0.8).strokeCircle(l.mid.x, l.mid.y, 16);
    }
    if (!pulsing) return;
    this.dirty = true;
    for (const l of this.lines.values()) {
      if (l.pulse < 0) continue;
      const k = (now - l.pulse) / 1800;
      if (k >= 1) {
        l.pulse = -1;
        continue;
      }
      // Two bright waves along the line, and a ring from the midpoint.
      const wave = Math.sin(k * Math.PI * 4) * 0.5 + 0.5;
      const fade = 1 - k;
      stroke(gl, l.pts, lineWidth(l.shown.v) + 8 + 6 * wave, 0xffd27a, 0.35 * fade);
      gl.lineStyle(2, 0xffe2a8, fade).strokeCircle(l.mid.x, l.mid.y, 10 + 36 * k);
    }
  }

  /** The pair under the pointer (on its line or its pill). */
  hit(x: number, y: number): MapPairLine | null {
    let best: { d: number; l: Line } | null = null;
    for (const l of this.lines.values()) {
      if (!l.hidden && Math.abs(x - l.mid.x) < 16 && Math.abs(y - l.mid.y) < 10) return l.data;
      for (let i = 1; i < l.pts.length; i++) {
        const d = segDist(x, y, l.pts[i - 1]!, l.pts[i]!);
        if (d < Math.max(6, lineWidth(l.shown.v)) && (!best || d < best.d)) best = { d, l };
      }
    }
    return best?.l.data ?? null;
  }

  destroy(): void {
    for (const l of this.lines.values()) {
      l.tween?.stop();
      l.pill.destroy();
    }
    this.g.destroy();
    this.glow.destroy();
  }
}

function stroke(g: Phaser.GameObjects.Graphics, pts: { x: number; y: number }[], w: number, c: number, a: number): void {
  g.lineStyle(w, c, a);
  g.beginPath();
  pts.forEach((p, i) => (i === 0 ? g.moveTo(p.x, p.y) : g.lineTo(p.x, p.y)));
  g.strokePath();
}

function segDist(x: number, y: number, a: { x: number; y: number }, b: { x: number; y: number }): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / l2));
  return Math.hypot(x - (a.x + t * dx), y - (a.y + t * dy));
}
