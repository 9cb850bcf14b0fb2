// Speech bubbles: when a day's events include rhetoric (or a scripted statement by an actor), a bubble
// with the speaker's name and a short line rises from the speaker's capital and fades. At most three
// at a time; a new bubble takes a free spot near its capital rather than covering another. Bubbles move
// with the map when it is zoomed or panned. With motion reduced they appear and go at once, without
// rising or fading. A bubble's game objects go back to a pool when it goes, and the next bubble reuses
// them (new text drawn once into the same canvas), so a day's bubbles build no Phaser Text.
import type * as Phaser from 'phaser';
import type { MapActor, TurnEvent } from '../../store/map-view';
import type { View } from './projection';
import { overlap, type Box } from './layout';
import * as P from './palette';

const MAX = 3;
const WIDTH = 200;
const PAPER = 0xf3efe6;

/** A bubble's game objects, kept for reuse: the container holds the paper, the speaker and the line. */
interface Parts {
  c: Phaser.GameObjects.Container;
  g: Phaser.GameObjects.Graphics;
  head: Phaser.GameObjects.Text;
  body: Phaser.GameObjects.Text;
}

interface Bubble {
  c: Phaser.GameObjects.Container;
  parts: Parts;
  box: Box;
  dying: boolean;
  /** The speaker's capital, and the box's offset from where the bubble points (kept when the map moves). */
  lon: number;
  lat: number;
  dx: number;
  dy: number;
}

/** Shortens a line to about `max` characters at a word boundary. */
export function truncate(text: string, max = 64): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const sp = cut.lastIndexOf(' ');
  return (sp > max * 0.6 ? cut.slice(0, sp) : cut).replace(/[\s,;:.–-]+$/, '') + '…';
}

/** The statements of a day worth a bubble: one per speaker, scripted ones first, at most three. */
export function speeches(events: TurnEvent[]): TurnEvent[] {
  const said = events.filter((e) => e.actor && (e.actionKind === 'rhetoric' || e.kind === 'scripted'));
  said.sort((a, b) => (a.kind === 'scripted' ? 0 : 1) - (b.kind === 'scripted' ? 0 : 1));
  const seen = new Set<string>();
  const out: TurnEvent[] = [];
  for (const e of said) {
    if (seen.has(e.actor!)) continue;
    seen.add(e.actor!);
    out.push(e);
    if (out.length === MAX) break;
  }
  return out;
}

/**
 * Sets a pooled text's colour, wrap width and text, drawing it once (Phaser's setters each redraw it).
 */
function retext(t: Phaser.GameObjects.Text, text: string, o: { color?: string; wrap?: number }): void {
  let dirty = false;
  if (o.color !== undefined && t.style.color !== o.color) {
    t.style.color = o.color;
    dirty = true;
  }
  if (o.wrap !== undefined && t.style.wordWrapWidth !== o.wrap) {
    t.style.wordWrapWidth = o.wrap;
    dirty = true;
  }
  if (t.text !== text) t.setText(text);
  else if (dirty) t.updateText();
}

export class Bubbles {
  private live: Bubble[] = [];
  private pool: Parts[] = [];
  /** A bubble came or went since takeChanged() was last asked (the map then draws). */
  private changed = false;
  private reduced = false;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly depth: number,
  ) {}

  /** Shows the day's statements; `ms` is the time until the next day at the current speed. */
  show(events: TurnEvent[], actors: MapActor[], view: View, ms: number): void {
    const list = speeches(events);
    if (list.length === 0) return;
    // Old bubbles make way.
    for (const b of this.live) this.kill(b, 180);
    const byId = new Map(actors.map((a) => [a.id, a]));
    list.forEach((e, i) => {
      const a = byId.get(e.actor!);
      if (!a?.capital) return;
      this.add(a, e.text, a.capital, view, ms, this.reduced ? 0 : i * Math.min(220, ms * 0.15));
    });
  }

  /** Motion reduced: bubbles on their way in stand still, those on their way out go at once. */
  setReducedMotion(on: boolean): void {
    this.reduced = on;
    if (on) this.settle();
  }

  /** The map moved: each bubble keeps its place next to its speaker's capital. */
  relayout(view: View): void {
    this.settle();
    for (const b of this.live) {
      const a = anchor(view, view.at(b.lon, b.lat));
      b.box = { ...b.box, x: clampX(a.x + b.dx, b.box.w, view), y: clampY(a.y + b.dy, b.box.h, view) };
      b.c.setPosition(b.box.x, b.box.y);
    }
  }

  /** Ends every bubble's animation: arriving ones in place, leaving ones gone. */
  private settle(): void {
    for (const b of [...this.live]) {
      this.scene.tweens.killTweensOf(b.c);
      if (b.dying) this.release(b);
      else b.c.setPosition(b.box.x, b.box.y).setAlpha(1);
    }
  }

  private add(actor: MapActor, text: string, place: { lon: number; lat: number }, view: View, ms: number, delay: number): void {
    const s = this.scene;
    // Narrower on a small map (a phone), so three bubbles do not hide it.
    const maxW = Math.round(Math.min(WIDTH, Math.max(150, view.width * 0.42)));
    const colour = P.parseHex(actor.colour);
    const parts = this.pool.pop() ?? this.make(maxW);
    const { head, body, g } = parts;
    retext(head, actor.name.toUpperCase(), { color: P.hex(P.mix(colour, 0x000000, 0.15)) });
    retext(body, truncate(text), { wrap: maxW - 22 });
    const w = Math.min(maxW, Math.max(head.width, body.width) + 22);
    const h = body.y + body.height + 8;
    // The speaker's capital may be off the visible map (Brussels, Washington): speak from the edge.
    const { x: ax, y: ay } = anchor(view, view.at(place.lon, place.lat));
    const box = this.findSpot(ax, ay, w, h, view);
    g.clear();
    g.fillStyle(0x000000, 0.35).fillRoundedRect(2, 3, w, h, 7);
    g.fillStyle(PAPER, 0.97).fillRoundedRect(0, 0, w, h, 7);
    g.fillStyle(colour, 1).fillRoundedRect(0, 0, 5, h, { tl: 7, bl: 7, tr: 0, br: 0 });
    // The tail points at the capital (when the bubble sits above it).
    const tx = Math.max(12, Math.min(w - 12, ax - box.x));
    if (box.y + h <= ay) {
      g.fillStyle(PAPER, 0.97);
      g.fillTriangle(tx - 6, h - 1, tx + 6, h - 1, tx + Math.max(-10, Math.min(10, (ax - box.x - tx) * 0.5)), Math.min(h + 9, ay - box.y - 4));
    }
    const c = parts.c.setPosition(box.x, box.y + (this.reduced ? 0 : 10)).setAlpha(this.reduced ? 1 : 0).setVisible(true);
    // Drawn above the bubbles already on the map, as a new one would be.
    s.children.bringToTop(c);
    this.changed = true;
    const b: Bubble = { c, parts, box, dying: false, lon: place.lon, lat: place.lat, dx: box.x - ax, dy: box.y - ay };
    this.live.push(b);
    while (this.live.filter((x) => !x.dying).length > MAX) this.kill(this.live.find((x) => !x.dying)!, 150);
    const hold = Math.max(1400, Math.min(4200, ms * 1.6));
    if (!this.reduced) s.tweens.add({ targets: c, y: box.y, alpha: 1, duration: 320, delay, ease: 'Back.easeOut' });
    s.time.delayedCall(delay + hold, () => this.kill(b, 500));
  }

  /** A bubble's game objects, the first time (later bubbles reuse them: release()). */
  private make(maxW: number): Parts {
    const s = this.scene;
    const head = s.add
      .text(12, 7, '', { fontFamily: P.FONT, fontSize: '9px', fontStyle: '700', resolution: P.TEXT_RESOLUTION })
      .setLetterSpacing(1.2);
    const body = s.add.text(12, 20, '', { fontFamily: P.FONT, fontSize: '12px', fontStyle: '500', color: '#1a222b', wordWrap: { width: maxW - 22 }, lineSpacing: 1, resolution: P.TEXT_RESOLUTION });
    const g = s.add.graphics();
    const c = s.add.container(0, 0, [g, head, body]).setDepth(this.depth);
    return { c, g, head, body };
  }

  /** A bubble goes: off the map, its game objects back to the pool. */
  private release(b: Bubble): void {
    b.dying = true;
    if (!this.live.includes(b)) return;
    this.scene.tweens.killTweensOf(b.c);
    b.c.setVisible(false);
    this.live = this.live.filter((x) => x !== b);
    this.pool.push(b.parts);
    this.changed = true;
  }

  /** Whether a bubble came or went since the last call. */
  takeChanged(): boolean {
    const c = this.changed;
    this.changed = false;
    return c;
  }

  /** Above the capital if free, else nudged sideways or upwards; kept inside the canvas. */
  private findSpot(ax: number, ay: number, w: number, h: number, view: View): Box {
    const others = this.live.filter((b) => !b.dying).map((b) => b.box);
    const tries: [number, number][] = [
      [0, 0],
      [0.55, 0],
      [-0.55, 0],
      [0, -1.1],
      [0.55, -1.1],
      [-0.55, -1.1],
      [0, 1.6],
    ];
    let best: Box | null = null;
    let bestClash = Infinity;
    for (const [fx, fy] of tries) {
      const x = clampX(ax - w / 2 + fx * w, w, view);
      const y = clampY(fy > 1 ? ay + 14 : ay - h - 14 + fy * h, h, view);
      const box = { x, y, w, h };
      const clash = others.reduce((sum, o) => sum + overlap(box, o, 4), 0);
      if (clash === 0) return box;
      if (clash < bestClash) {
        bestClash = clash;
        best = box;
      }
    }
    return best!;
  }

  private kill(b: Bubble, ms: number): void {
    if (b.dying || !b.c.active) return;
    if (this.reduced) {
      this.release(b);
      return;
    }
    b.dying = true;
    this.scene.tweens.add({
      targets: b.c,
      alpha: 0,
      y: b.c.y - 12,
      duration: ms,
      onComplete: () => this.release(b),
    });
  }

  /** Bubbles on the map, waiting for their time to go or fading out (the scene stays awake for them). */
  count(): number {
    return this.live.length;
  }

  clear(): void {
    for (const b of [...this.live]) this.release(b);
  }

  /** The scene ends: every bubble and the pool destroyed. */
  destroy(): void {
    this.clear();
    for (const p of this.pool) p.c.destroy(true);
    this.pool = [];
  }
}

/** Where a bubble points: the capital, or the nearest spot inside the canvas when it is off the map. */
function anchor(view: View, at: { x: number; y: number }): { x: number; y: number } {
  return { x: Math.max(14, Math.min(view.width - 14, at.x)), y: Math.max(40, Math.min(view.height - 10, at.y)) };
}

function clampX(x: number, w: number, view: View): number {
  return Math.max(6, Math.min(view.width - w - 6, x));
}

function clampY(y: number, h: number, view: View): number {
  return Math.max(6, Math.min(view.height - h - 6, y));
}
