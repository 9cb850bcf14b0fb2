// Forces on the map: a milsymbol APP-6 symbol per active unit at its place, each place's units in one
// cluster that takes the free spot nearest its place (with a leader line back when it had to move), a
// strength label in the viewer's eyes ("≈12,000", or an observer's range "10–30k"), and a "45 km to the
// border" tag per place within 100 km of a border. On a small scale (zoomed out, a phone) symbols shrink,
// the tag says only "45 km", and further out the labels go and only the symbols stay. A unit that
// becomes active rides in along a route from its origin (off-map origins enter from the east edge of the
// map at that latitude) leaving a fading track; a unit that changes place moves along a route too. In a jump (a replay's timeline) units that leave are hidden
// and kept, so jumping back does not build them again. With motion reduced, every change is a jump.
import * as Phaser from 'phaser';
import type { MapUnit } from '../../store/map-view';
import type { View } from './projection';
import { centred, contains, settle, type Box, type SpreadItem } from './layout';
import { ensureSymbol, SYMBOL_RES } from './symbols';
import * as P from './palette';
import { addText } from './text';

interface Move {
  from: { x: number; y: number };
  ctrl: { x: number; y: number };
  p: { k: number };
  tween: Phaser.Tweens.Tween;
  /** 1 while moving, then fades (the track stays visible a little after arrival). */
  trail: { a: number };
}

interface Sprite {
  data: MapUnit;
  c: Phaser.GameObjects.Container;
  img: Phaser.GameObjects.Image;
  label: Phaser.GameObjects.Text;
  anchor: { x: number; y: number };
  target: { x: number; y: number };
  move: Move | null;
  settle: Phaser.Tweens.Tween | null;
  leaving: boolean;
  /** Hidden, not destroyed: the unit went off the map in a jump (a replay's timeline) and may come back. */
  parked: boolean;
}

/** A place's units laid out together: rows of up to three, the border tag beneath. */
interface Cluster extends SpreadItem {
  list: Sprite[];
  offs: { x: number; y: number }[];
  tag: Tag | null;
  tagY: number;
}

/** Not on the map now: fading out, or parked. */
const gone = (s: Sprite) => s.leaving || s.parked;

interface Tag {
  placeId: string;
  text: Phaser.GameObjects.Text;
  anchor: { x: number; y: number };
  target: { x: number; y: number };
  /** Hidden, not destroyed: no units near the border there now (a jump, or they left); shown again as if new. */
  parked: boolean;
}

/** "≈12,000" for a single estimate; "10–30k" for a range. */
export function strengthLabel(s: { low: number; high: number }): string {
  const k = (n: number) => (n >= 10000 ? String(Math.round(n / 1000)) : String(Math.round(n / 100) / 10));
  if (s.high - s.low <= Math.max(50, 0.06 * s.high) || k(s.low) === k(s.high)) return `≈${thousands(Math.round((s.low + s.high) / 200) * 100)}`;
  return `${k(s.low)}–${k(s.high)}k`;
}

/** An integer with commas between thousands, as toLocaleString('en-US') writes it (which costs ~50× more, per unit per day). */
function thousands(n: number): string {
  const d = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < d.length; i++) out += (i > 0 && (d.length - i) % 3 === 0 ? ',' : '') + d[i];
  return n < 0 ? `-${out}` : out;
}

const BORDER_TAG_KM = 100;
/** Below this scale (screen px per map unit: a phone, or zoomed out) border tags shorten to the distance. */
const COMPACT_SCALE = 1.1;
/** Below this scale (a phone zoomed out) units show as bare symbols. */
const BARE_SCALE = 0.6;

export class Units {
  private readonly g: Phaser.GameObjects.Graphics;
  private sprites = new Map<string, Sprite>();
  private tags = new Map<string, Tag>();
  private units: MapUnit[] = [];
  private clusters: { anchor: { x: number; y: number }; list: Sprite[] }[] = [];
  private reduced = false;
  /** The unit data before the latest sync() (what place() animates from). */
  private prev = new Map<string, MapUnit>();
  /** Symbols shrink (to half) on a small scale (the map zoomed out, or a phone); their labels do not. */
  private symbolScale = 1;
  /** Very small scale: symbols only, no strength labels or border tags (their cards still say). */
  private bare = false;
  /** The clusters homes() planned, for the place() that follows it. */
  private planned: { view: View; items: Cluster[] } | null = null;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly depth: number,
  ) {
    this.g = scene.add.graphics().setDepth(depth);
  }

  /**
   * New unit data. With `animate`, newly active units ride in from their origin and moved units
   * travel, over `ms`; otherwise everything snaps into place.
   */
  update(units: MapUnit[], view: View, obstacles: Box[], ms: number, animate: boolean): Box[] {
    this.sync(units, view, ms, animate);
    return this.place(view, obstacles, ms, animate);
  }

  /**
   * The first half of update(): takes the new unit data (sprites made, parked or sent off) for `view`'s
   * scale. Then homes() gives where the clusters would sit, and place() lays them out and animates.
   */
  sync(units: MapUnit[], view: View, ms: number, animate: boolean): void {
    this.units = units;
    this.planned = null;
    const k = Math.max(0.5, Math.min(1, view.scale / 1.5));
    const bare = view.scale < BARE_SCALE;
    if (Math.abs(k - this.symbolScale) > 0.01 || bare !== this.bare) {
      this.symbolScale = k;
      this.bare = bare;
      for (const s of this.sprites.values()) this.sizeSymbol(s);
    }
    const prev = new Map([...this.sprites].map(([id, s]) => [id, s.data]));
    this.prev = prev;
    for (const u of units) {
      let s = this.sprites.get(u.id);
      if (!u.active) {
        if (s && !gone(s)) {
          if (animate) this.leave(s, ms);
          else this.park(s);
        }
        continue;
      }
      if (!s || s.leaving) {
        if (s) this.destroySprite(s);
        s = this.create(u);
      } else if (s.parked) {
        s.parked = false;
        s.c.setVisible(true);
      }
      s.data = u;
      const txt = strengthLabel(u.strength);
      if (s.label.text !== txt) s.label.setText(txt);
    }
  }

  /**
   * Builds, hidden (parked), the sprites of units not on the map yet, while `more()` says there is time
   * (the page idle); returns whether any are left. A unit that comes later (a day, a replay's jump) then
   * only shows its sprite, with its label redrawn if its strength changed, rather than building a Phaser
   * Text and its canvas in that frame. The sprites are built in the units' own order.
   */
  prepare(units: MapUnit[], more: () => boolean): boolean {
    for (const u of units) {
      if (this.sprites.has(u.id)) continue;
      if (!more()) return true;
      this.park(this.create(u));
    }
    return false;
  }

  /** Where each place's cluster sits before anything pushes it (for others to keep off). */
  homes(view: View): Box[] {
    const items = this.plan(view);
    // place() lays out these same items (nothing changes between the two): planned once.
    this.planned = { view, items };
    return items.map((it) => centred(it.hx, it.hy, it.w, it.h));
  }

  /** The second half of update(): lays the clusters out clear of `obstacles`, and animates from the data before sync(). */
  place(view: View, obstacles: Box[], ms: number, animate: boolean): Box[] {
    const prev = this.prev;
    const units = this.units;
    // Without animation (a jump, a resize, the view moved) the border tags snap with their units.
    const boxes = this.layout(view, obstacles, !animate);
    for (const u of units) {
      const s = this.sprites.get(u.id);
      if (!s || gone(s) || !u.active) continue;
      const was = prev.get(u.id);
      if (!animate) {
        this.snap(s);
        continue;
      }
      if (!was || !was.active) this.ride(s, this.originPoint(u, view), ms, true);
      else if (was.placeId !== u.placeId) this.ride(s, { x: s.c.x, y: s.c.y }, ms, false);
      else this.glide(s, Math.min(400, ms));
    }
    return boxes;
  }

  /** Motion reduced: moves, fades and tracks end at once; later changes snap. */
  setReducedMotion(on: boolean): void {
    this.reduced = on;
    if (!on) return;
    for (const s of [...this.sprites.values()]) {
      if (s.leaving) this.destroySprite(s);
      else if (!s.parked) {
        this.scene.tweens.killTweensOf(s.c);
        this.snap(s);
      }
    }
    for (const t of this.tags.values()) {
      this.scene.tweens.killTweensOf(t.text);
      t.text.setPosition(Math.round(t.target.x), Math.round(t.target.y)).setAlpha(1);
    }
  }

  /** One item per place with units: its size, its home (on the place) and its units' offsets; makes and drops border tags. */
  private plan(view: View): Cluster[] {
    // In the units' own order, so that the layout depends on the day shown, not on how it was reached.
    const live = this.units.map((u) => this.sprites.get(u.id)).filter((s): s is Sprite => !!s && !gone(s));
    const byPlace = new Map<string, Sprite[]>();
    for (const s of live) {
      const list = byPlace.get(s.data.placeId) ?? [];
      list.push(s);
      byPlace.set(s.data.placeId, list);
    }
    // Border tags: one per place with units within the threshold.
    const wantTags = new Map<string, { km: number; name: string }>();
    for (const [pid, list] of byPlace) {
      const b = list[0]!.data.border;
      if (b && b.km <= BORDER_TAG_KM && !this.bare) wantTags.set(pid, b);
    }
    for (const [pid, t] of this.tags) {
      if (!wantTags.has(pid) && !t.parked) {
        this.scene.tweens.killTweensOf(t.text);
        t.text.setVisible(false);
        t.parked = true;
      }
    }
    // One item per place: its units in rows of up to three, the border tag beneath. The first row
    // sits on the place; crowded places push whole clusters apart (leader lines lead back).
    const items: Cluster[] = [];
    for (const [pid, list] of byPlace) {
      const first = list[0]!.data;
      const a = view.at(first.lon, first.lat);
      const n = list.length;
      const cols = Math.min(n, 3);
      const rows = Math.ceil(n / cols);
      const cellW = Math.max(...list.map((s) => (this.bare ? s.img.displayWidth + 3 : Math.max(s.img.displayWidth, s.label.width) + 6)));
      const unitH = Math.max(...list.map((s) => s.img.displayHeight + (this.bare ? 2 : s.label.height)));
      const imgH = list[0]!.img.displayHeight;
      let tag: Tag | null = null;
      const b = wantTags.get(pid);
      if (b) {
        tag = this.tags.get(pid) ?? null;
        // On a small scale the tag says only the distance (its card says the rest), so clusters stay narrow.
        const txt = view.scale < COMPACT_SCALE ? `${Math.round(b.km)} km` : `${Math.round(b.km)} km to the border`;
        if (tag?.parked) {
          // Back from parked: as a new tag would be (its text drawn again only if it changed).
          tag.parked = false;
          if (tag.text.text !== txt) tag.text.setText(txt);
          tag.text.setPosition(a.x, a.y).setVisible(true).setAlpha(this.reduced ? 1 : 0);
          if (!this.reduced) this.scene.tweens.add({ targets: tag.text, alpha: 1, duration: 400, delay: 300 });
        } else if (!tag) {
          const text = addText(this.scene, a.x, a.y, txt, P.textStyle(9.5, '600', P.BORDER_WARN))
            .setOrigin(0.5)
            .setDepth(this.depth + 2)
            .setAlpha(this.reduced ? 1 : 0);
          if (!this.reduced) this.scene.tweens.add({ targets: text, alpha: 1, duration: 400, delay: 300 });
          tag = { placeId: pid, text, anchor: a, target: a, parked: false };
          this.tags.set(pid, tag);
        } else if (tag.text.text !== txt) tag.text.setText(txt);
        tag.anchor = a;
      }
      const tagH = tag ? tag.text.height : 0;
      const w = Math.max(cols * cellW, tag ? tag.text.width + 2 : 0);
      const h = rows * unitH + tagH;
      const offs = list.map((s, i) => {
        s.anchor = a;
        const row = Math.floor(i / cols);
        const inRow = Math.min(cols, n - row * cols);
        const col = i % cols;
        return { x: (col - (inRow - 1) / 2) * cellW, y: -h / 2 + row * unitH + imgH / 2 };
      });
      const hx = a.x;
      const hy = a.y + h / 2 - imgH / 2;
      items.push({ x: hx, y: hy, w, h, hx, hy, list, offs, tag, tagY: h / 2 - tagH / 2 });
    }
    return items;
  }

  /** Recomputes anchors and cluster positions (on resize: snaps). Returns the units' boxes. */
  layout(view: View, obstacles: Box[], snap = true): Box[] {
    const items = this.planned?.view === view ? this.planned.items : this.plan(view);
    this.planned = null;
    // Places off the canvas (the map zoomed or panned away) keep their clusters at home, out of sight or
    // cut by the edge, rather than piling up along it; the others settle, keeping clear of them.
    const inside = (it: { list: Sprite[] }) => {
      const a = it.list[0]!.anchor;
      return a.x >= 0 && a.x <= view.width && a.y >= 0 && a.y <= view.height;
    };
    const outside = items.filter((it) => !inside(it));
    const movable = items.filter(inside);
    const fixed = [...obstacles, ...outside.map((it) => centred(it.x, it.y, it.w, it.h))];
    const bounds = { x: 4, y: 4, w: view.width - 8, h: view.height - 8 };
    settle(movable, fixed, bounds);
    const boxes: Box[] = [];
    this.clusters = [];
    for (const it of items) {
      boxes.push(centred(it.x, it.y, it.w, it.h));
      this.clusters.push({ anchor: it.list[0]!.anchor, list: it.list });
      it.list.forEach((s, i) => {
        s.target = { x: it.x + it.offs[i]!.x, y: it.y + it.offs[i]!.y };
        if (snap) this.snap(s);
      });
      if (it.tag) {
        const t = it.tag;
        t.target = { x: it.x, y: it.y + it.tagY };
        this.scene.tweens.killTweensOf(t.text);
        if (this.reduced) t.text.setAlpha(1);
        if (snap || this.reduced || t.text.alpha < 1) t.text.setPosition(Math.round(t.target.x), Math.round(t.target.y));
        else this.scene.tweens.add({ targets: t.text, x: Math.round(t.target.x), y: Math.round(t.target.y), duration: 350, ease: 'Sine.easeInOut' });
        if (t.text.alpha < 1) this.scene.tweens.add({ targets: t.text, alpha: 1, duration: 400, delay: 300 });
      }
    }
    return boxes;
  }

  private create(u: MapUnit): Sprite {
    const key = ensureSymbol(this.scene, u.symbol);
    const img = this.scene.add.image(0, 0, key);
    const label = addText(this.scene, 0, 0, strengthLabel(u.strength), P.textStyle(10, '600', P.TEXT)).setOrigin(0.5, 0);
    const c = this.scene.add.container(0, 0, [img, label]).setDepth(this.depth + 1);
    const s: Sprite = { data: u, c, img, label, anchor: { x: 0, y: 0 }, target: { x: 0, y: 0 }, move: null, settle: null, leaving: false, parked: false };
    this.sizeSymbol(s);
    this.sprites.set(u.id, s);
    return s;
  }

  /** The symbol at the current scale, with the strength label just under it. */
  private sizeSymbol(s: Sprite): void {
    s.img.setScale(this.symbolScale / SYMBOL_RES);
    s.label.setY(Math.round(s.img.displayHeight / 2 - 1)).setVisible(!this.bare);
  }

  /** Where a newly active unit enters: its origin's place, or the map's east edge for off-map origins. */
  private originPoint(u: MapUnit, view: View): { x: number; y: number } {
    if (!u.origin) return { x: view.width + 40, y: view.at(u.lon, u.lat).y };
    const p = view.at(u.origin.lon, u.origin.lat);
    if (u.originKind === 'edge') return { x: view.width + 40, y: Math.max(20, Math.min(view.height - 20, p.y)) };
    return p;
  }

  private snap(s: Sprite): void {
    s.move?.tween.stop();
    s.move = null;
    s.settle?.stop();
    s.settle = null;
    s.c.setPosition(s.target.x, s.target.y).setAlpha(1);
  }

  private glide(s: Sprite, ms: number): void {
    // A unit still riding in follows its target itself; one whose ride is over (its track fading) glides.
    if (s.move?.tween.isPlaying()) return;
    if (Math.hypot(s.c.x - s.target.x, s.c.y - s.target.y) < 0.5) return;
    s.settle?.stop();
    s.settle = this.scene.tweens.add({ targets: s.c, x: s.target.x, y: s.target.y, duration: ms, ease: 'Sine.easeInOut' });
  }

  /** Travel from a point to the unit's target along a gentle curve, leaving a track. */
  private ride(s: Sprite, from: { x: number; y: number }, ms: number, arrive: boolean): void {
    s.move?.tween.stop();
    s.settle?.stop();
    const to = s.target;
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const len = Math.hypot(dx, dy) || 1;
    const ctrl = { x: (from.x + to.x) / 2 - (dy / len) * len * 0.12, y: (from.y + to.y) / 2 + (dx / len) * len * 0.12 };
    const move: Move = { from, ctrl, p: { k: 0 }, trail: { a: 1 }, tween: null as unknown as Phaser.Tweens.Tween };
    s.c.setPosition(from.x, from.y).setAlpha(arrive ? 0 : 1);
    if (arrive) this.scene.tweens.add({ targets: s.c, alpha: 1, duration: Math.min(300, ms * 0.3) });
    move.tween = this.scene.tweens.add({
      targets: move.p,
      k: 1,
      duration: ms,
      ease: 'Cubic.easeInOut',
      onUpdate: () => {
        const k = move.p.k;
        const u = 1 - k;
        const t = s.target;
        s.c.setPosition(u * u * move.from.x + 2 * u * k * move.ctrl.x + k * k * t.x, u * u * move.from.y + 2 * u * k * move.ctrl.y + k * k * t.y);
      },
      onComplete: () => {
        s.c.setPosition(s.target.x, s.target.y);
        this.scene.tweens.add({ targets: move.trail, a: 0, duration: Math.max(600, ms * 1.5), onComplete: () => s.move === move && (s.move = null) });
      },
    });
    s.move = move;
  }

  /** Off the map in a jump: hidden at once and kept, so a jump back shows it without building it again. */
  private park(s: Sprite): void {
    s.move?.tween.stop();
    s.move = null;
    s.settle?.stop();
    s.settle = null;
    s.parked = true;
    s.c.setVisible(false);
  }

  private leave(s: Sprite, ms: number): void {
    s.leaving = true;
    this.scene.tweens.add({ targets: s.c, alpha: 0, duration: Math.min(500, ms), onComplete: () => this.destroySprite(s) });
  }

  private destroySprite(s: Sprite): void {
    s.move?.tween.stop();
    s.settle?.stop();
    s.c.destroy();
    if (this.sprites.get(s.data.id) === s) this.sprites.delete(s.data.id);
  }

  /** Draws tracks and leader lines (called every frame). */
  tick(): void {
    const g = this.g;
    g.clear();
    for (const s of this.sprites.values()) {
      const m = s.move;
      if (m && m.trail.a > 0.01) {
        // A dashed rail track along the route, up to where the unit is.
        const upto = m.tween.isPlaying() ? m.p.k : 1;
        const steps = 40;
        g.lineStyle(2, 0xe9d7b0, 0.55 * m.trail.a);
        for (let i = 0; i < steps; i += 2) {
          const k0 = (i / steps) * upto;
          const k1 = ((i + 1) / steps) * upto;
          const p0 = bez(m.from, m.ctrl, s.target, k0);
          const p1 = bez(m.from, m.ctrl, s.target, k1);
          g.lineBetween(p0.x, p0.y, p1.x, p1.y);
        }
      }
    }
    // Leader lines from displaced clusters back to their place.
    for (const c of this.clusters) {
      const live = c.list.filter((s) => !gone(s) && !(s.move && s.move.tween.isPlaying()));
      if (live.length === 0) continue;
      const x0 = Math.min(...live.map((s) => s.c.x - s.img.displayWidth / 2));
      const x1 = Math.max(...live.map((s) => s.c.x + s.img.displayWidth / 2));
      const y0 = Math.min(...live.map((s) => s.c.y - s.img.displayHeight / 2));
      const y1 = Math.max(...live.map((s) => s.c.y + s.img.displayHeight / 2));
      const px = Math.max(x0, Math.min(x1, c.anchor.x));
      const py = Math.max(y0, Math.min(y1, c.anchor.y));
      if (Math.hypot(px - c.anchor.x, py - c.anchor.y) < 6) continue;
      const a = live[0]!.c.alpha;
      g.lineStyle(1.2, 0xdfe6ec, 0.55 * a).lineBetween(c.anchor.x, c.anchor.y, px, py);
      g.fillStyle(0xdfe6ec, 0.9 * a).fillCircle(c.anchor.x, c.anchor.y, 2.2);
    }
  }

  /** The units on the canvas: name and where their symbol's centre is (screen px). */
  visible(view: View): { name: string; x: number; y: number }[] {
    return [...this.sprites.values()]
      .filter((s) => !gone(s) && s.c.x >= 0 && s.c.x <= view.width && s.c.y >= 0 && s.c.y <= view.height)
      .map((s) => ({ name: s.data.name, x: Math.round(s.c.x), y: Math.round(s.c.y) }));
  }

  /** The unit under the pointer. */
  hit(x: number, y: number): MapUnit | null {
    for (const s of [...this.sprites.values()].reverse()) {
      if (gone(s)) continue;
      const w = s.img.displayWidth;
      const h = s.img.displayHeight + (this.bare ? 0 : s.label.height);
      if (contains({ x: s.c.x - w / 2, y: s.c.y - s.img.displayHeight / 2, w, h }, x, y)) return s.data;
    }
    return null;
  }

  destroy(): void {
    for (const s of [...this.sprites.values()]) this.destroySprite(s);
    for (const t of this.tags.values()) t.text.destroy();
    this.g.destroy();
  }
}

function bez(a: { x: number; y: number }, c: { x: number; y: number }, b: { x: number; y: number }, k: number): { x: number; y: number } {
  const u = 1 - k;
  return { x: u * u * a.x + 2 * u * k * c.x + k * k * b.x, y: u * u * a.y + 2 * u * k * c.y + k * k * b.y };
}
