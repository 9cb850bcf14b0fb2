// The base map: sea with a faint graticule, the countries in the scenario's region (map/region.ts, from
// the world's Natural Earth outlines in map/world.ts), the actors' countries tinted in their colours and
// their land borders picked out, and spaced uppercase country names. Each name is placed, at every
// layout, in the part of its country that is in sight, after the capitals' labels, the units and the
// pills (Countries.layoutLabels): at the spot near that anchor that clears them, the actors' countries
// first; a name with no room, or too big for what shows of its country, hides, so names thin out as the
// map zooms out. Names are sized by how large the country is in the default view.
import * as Phaser from 'phaser';
import { geoGraticule } from 'd3-geo';
import type { View } from './projection';
import { ownedBorders, worldCountries } from './world';
import { ringArea, lonSpan, type DrawnCountry, type MapRegion } from './region';
import { outside, overlap, type Box } from './layout';
import * as P from './palette';
import { addText } from './text';

/** Where a country name may sit, as shifts of its own width and height from its anchor, best first. */
const SHIFTS: [number, number][] = [
  [0, 0],
  [0, 1.2],
  [0, -1.2],
  [0.35, 0],
  [-0.35, 0],
  [0.3, 1.2],
  [-0.3, 1.2],
  [0.3, -1.2],
  [-0.3, -1.2],
  [0, 2.4],
  [0, -2.4],
];

/** A country's name shows only where what is in sight of the country is this many times the name's box. */
const ROOM = 1.5;
/** The grid of further spots over the country in sight, when the spots near its anchor are taken. */
const GRID = 8;

/** An actor that owns countries: its colour tints them. */
export interface CountryOwner {
  colour: string;
  countries: readonly string[];
}

interface Label {
  iso3: string;
  text: Phaser.GameObjects.Text;
  /** One of the actors' countries: named first, in a brighter colour. */
  focus: boolean;
}

/** Where a country's name goes in a view: a point inside the largest part of it in sight, the area in sight, and that part's outline. */
interface Anchor {
  x: number;
  y: number;
  area: number;
  ring: number[];
}

interface Ring {
  pts: number[];
  fill: number;
}

/** Graticule spacing in degrees for a region this many degrees across. */
function graticuleStep(span: number): number {
  return span <= 12 ? 2 : span <= 30 ? 5 : span <= 80 ? 10 : 20;
}

/** A ring clipped to a rectangle (Sutherland–Hodgman), as flat x, y. */
function clipRing(r: number[], x0: number, y0: number, x1: number, y1: number): number[] {
  let pts = r;
  const edges: [(x: number, y: number) => boolean, (ax: number, ay: number, bx: number, by: number) => [number, number]][] = [
    [(x) => x >= x0, (ax, ay, bx, by) => [x0, ay + ((by - ay) * (x0 - ax)) / (bx - ax)]],
    [(x) => x <= x1, (ax, ay, bx, by) => [x1, ay + ((by - ay) * (x1 - ax)) / (bx - ax)]],
    [(_, y) => y >= y0, (ax, ay, bx, by) => [ax + ((bx - ax) * (y0 - ay)) / (by - ay), y0]],
    [(_, y) => y <= y1, (ax, ay, bx, by) => [ax + ((bx - ax) * (y1 - ay)) / (by - ay), y1]],
  ];
  for (const [inside, cut] of edges) {
    const out: number[] = [];
    const n = pts.length / 2;
    for (let i = 0; i < n; i++) {
      const ax = pts[((i + n - 1) % n) * 2]!;
      const ay = pts[((i + n - 1) % n) * 2 + 1]!;
      const bx = pts[i * 2]!;
      const by = pts[i * 2 + 1]!;
      const ain = inside(ax, ay);
      const bin = inside(bx, by);
      if (bin) {
        if (!ain) out.push(...cut(ax, ay, bx, by));
        out.push(bx, by);
      } else if (ain) out.push(...cut(ax, ay, bx, by));
    }
    pts = out;
    if (pts.length < 6) return [];
  }
  return pts;
}

function inRing(x: number, y: number, r: number[]): boolean {
  let inside = false;
  // Plain locals, not a destructured array: this runs for every edge of every grid point.
  for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
    const xi = r[i]!;
    const yi = r[i + 1]!;
    const xj = r[j]!;
    const yj = r[j + 1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A point inside a ring for its label: its centroid, or else the middle of its widest run at that height. */
function labelPoint(r: number[]): { x: number; y: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
    const f = r[j]! * r[i + 1]! - r[i]! * r[j + 1]!;
    a += f;
    cx += (r[j]! + r[i]!) * f;
    cy += (r[j + 1]! + r[i + 1]!) * f;
  }
  if (Math.abs(a) > 1e-9) {
    const c = { x: cx / (3 * a), y: cy / (3 * a) };
    if (inRing(c.x, c.y, r)) return c;
  }
  let ysum = 0;
  for (let i = 1; i < r.length; i += 2) ysum += r[i]!;
  const y = ysum / (r.length / 2);
  const xs: number[] = [];
  for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
    const [ax, ay, bx, by] = [r[j]!, r[j + 1]!, r[i]!, r[i + 1]!];
    if (ay > y !== by > y) xs.push(ax + ((y - ay) * (bx - ax)) / (by - ay));
  }
  xs.sort((p, q) => p - q);
  let best = { x: r[0]!, y: r[1]!, w: -1 };
  for (let i = 0; i + 1 < xs.length; i += 2) if (xs[i + 1]! - xs[i]! > best.w) best = { x: (xs[i]! + xs[i + 1]!) / 2, y, w: xs[i + 1]! - xs[i]! };
  return best;
}

export class Countries {
  /** Draws the base map; its output is baked into `baked` and the Graphics itself is hidden. */
  private readonly g: Phaser.GameObjects.Graphics;
  /**
   * The base map as one texture. A Graphics with thousands of vertices is tessellated again on every
   * frame; baking it after each layout turns that into one textured quad (the map drew at 30 fps without).
   */
  private baked: Phaser.GameObjects.RenderTexture | null = null;
  private labels: Label[] = [];
  private rings: Ring[] = [];
  private drawn: DrawnCountry[] = [];
  private byIso = new Map<string, DrawnCountry>();
  /** Each name's anchor and grid of further spots in the view `anchorsView` (reset when it changes). */
  private anchors = new Map<string, Anchor | null>();
  private grids = new Map<string, { x: number; y: number; cost: number }[]>();
  private anchorsView = '';
  private focusBorders: number[][] = [];
  private graticule: number[][] = [];
  private region: MapRegion | null = null;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly depth: number,
  ) {
    this.g = scene.add.graphics().setDepth(depth);
  }

  /** The ISO codes of the countries drawn, largest first. */
  codes(): string[] {
    return this.drawn.map((c) => c.iso3);
  }

  /**
   * A new region: keeps the world's countries in view, tints the owners' countries, picks out their
   * land borders and sizes the names by the country's area in `home` (the default view's scale).
   */
  setRegion(region: MapRegion, owners: readonly CountryOwner[], homeScale: number): void {
    this.region = region;
    this.anchorsView = '';
    for (const l of this.labels) l.text.destroy();
    this.labels = [];
    this.drawn = region.countriesInView(worldCountries());
    this.byIso = new Map(this.drawn.map((c) => [c.iso3, c]));
    const tint = new Map<string, number>();
    const fills = P.tints(owners.map((o) => o.colour));
    owners.forEach((o, i) => {
      for (const code of o.countries) tint.set(code, fills[i]!);
    });
    this.rings = this.drawn.flatMap((c) => c.rings.map((pts) => ({ pts, fill: tint.get(c.iso3) ?? P.LAND })));
    this.focusBorders = tint.size > 0 ? region.lines(ownedBorders(new Set(tint.keys()))) : [];
    const b = region.bounds;
    const step = graticuleStep(Math.max(lonSpan(b), b.north - b.south));
    const snap = (v: number, dir: -1 | 1) => (dir < 0 ? Math.floor(v / step) : Math.ceil(v / step)) * step;
    this.graticule = region.lines({
      type: 'MultiLineString',
      coordinates: geoGraticule()
        .step([step, step])
        .extent([
          [snap(b.west, -1) - step, Math.max(-89, snap(b.south, -1) - step)],
          [snap(b.west + lonSpan(b), 1) + step, Math.min(89, snap(b.north, 1) + step)],
        ])
        .lines()
        .map((l) => l.coordinates),
    });
    for (const c of this.drawn) {
      const focus = tint.has(c.iso3);
      // Sized by the area the country shows in the default view: 9 px for a small one, 15 px for a large one.
      const area = c.area * homeScale * homeScale;
      const t = Math.max(0, Math.min(1, (Math.log10(Math.max(1, area)) - 3.6) / 1.1));
      const size = Math.round(9 + 6 * t);
      const text = addText(this.scene, 0, 0, c.name.toUpperCase(), {
        fontFamily: P.FONT,
        fontSize: `${size}px`,
        fontStyle: focus ? '600' : '500',
        color: focus ? P.TEXT_COUNTRY : '#4b5b6a',
      })
        .setLetterSpacing(Math.round(size * 0.32))
        .setOrigin(0.5)
        .setDepth(this.depth + 1)
        .setVisible(false);
      this.labels.push({ iso3: c.iso3, text, focus });
    }
    // The actors' countries are named first, then the others; the larger first within each.
    this.labels.sort((a, b) => Number(b.focus) - Number(a.focus));
  }

  layout(view: View): void {
    const g = this.g;
    g.clear();
    g.fillStyle(P.SEA, 1).fillRect(0, 0, view.width, view.height);
    // Graticule (under the land, so it only shows on the sea).
    g.lineStyle(1, P.GRATICULE, 0.9);
    const stroke = (pts: number[], close: boolean) => {
      g.beginPath();
      g.moveTo(view.x(pts[0]!), view.y(pts[1]!));
      for (let i = 2; i < pts.length; i += 2) g.lineTo(view.x(pts[i]!), view.y(pts[i + 1]!));
      if (close) g.closePath();
    };
    for (const line of this.graticule) {
      stroke(line, false);
      g.strokePath();
    }
    for (const r of this.rings) {
      g.fillStyle(r.fill, 1);
      stroke(r.pts, true);
      g.fillPath();
    }
    // Coasts and minor borders: every ring's outline, thin.
    g.lineStyle(Math.min(1.2, Math.max(0.6, view.scale * 0.45)), P.LAND_EDGE, 1);
    for (const r of this.rings) {
      stroke(r.pts, true);
      g.strokePath();
    }
    // The land borders of the actors' countries, brighter and wider.
    g.lineStyle(Math.min(2, Math.max(1.2, view.scale * 0.8)), P.BORDER_FOCUS, 0.75);
    for (const line of this.focusBorders) {
      stroke(line, false);
      g.strokePath();
    }
    // Zoomed out past the region on an axis: the margin beyond it is shaded, with a rule along its
    // edge, so the map's end reads as an end and not as open sea.
    const w = this.region?.width ?? view.width;
    const h = this.region?.height ?? view.height;
    const x0 = view.x(0);
    const y0 = view.y(0);
    const x1 = view.x(w);
    const y1 = view.y(h);
    if (x0 > 0.5 || y0 > 0.5 || x1 < view.width - 0.5 || y1 < view.height - 0.5) {
      g.fillStyle(P.OUTSIDE, 1);
      if (x0 > 0) g.fillRect(0, 0, x0, view.height);
      if (x1 < view.width) g.fillRect(x1, 0, view.width - x1, view.height);
      if (y0 > 0) g.fillRect(0, 0, view.width, y0);
      if (y1 < view.height) g.fillRect(0, y1, view.width, view.height - y1);
      g.lineStyle(1, P.LAND_EDGE, 1).strokeRect(x0 - 0.5, y0 - 0.5, x1 - x0 + 1, y1 - y0 + 1);
    }
    this.bake(view);
  }

  /**
   * Where a country's name goes in this view: a point inside the largest part of it in sight, and how
   * much of it is in sight (square px); null when none is.
   */
  private anchor(view: View, iso3: string): Anchor | null {
    // They depend on the view alone, not on the day: kept until the view changes (a new day, or a
    // replay's jump, lays the names out again over the same view).
    const key = `${view.scale} ${view.ox} ${view.oy} ${view.width} ${view.height}`;
    if (key !== this.anchorsView) {
      this.anchorsView = key;
      this.anchors.clear();
      this.grids.clear();
    }
    if (this.anchors.has(iso3)) return this.anchors.get(iso3)!;
    const found = this.findAnchor(view, iso3);
    this.anchors.set(iso3, found);
    return found;
  }

  private findAnchor(view: View, iso3: string): Anchor | null {
    const c = this.byIso.get(iso3);
    if (!c) return null;
    let best: { ring: number[]; area: number } | null = null;
    let total = 0;
    for (const r of c.rings) {
      const screen = new Array<number>(r.length);
      for (let i = 0; i < r.length; i += 2) {
        screen[i] = view.x(r[i]!);
        screen[i + 1] = view.y(r[i + 1]!);
      }
      const clipped = clipRing(screen, 0, 0, view.width, view.height);
      if (clipped.length < 6) continue;
      const area = Math.abs(ringArea(clipped));
      total += area;
      if (!best || area > best.area) best = { ring: clipped, area };
    }
    if (!best) return null;
    return { ...labelPoint(best.ring), area: total, ring: best.ring };
  }

  /** Where a name may sit near its anchor, best first, each with the cost of moving off it. */
  private nearSpots(pt: { x: number; y: number }, w: number, h: number): { x: number; y: number; cost: number }[] {
    return SHIFTS.map(([fx, fy]) => ({ x: pt.x + fx * w, y: pt.y + fy * h, cost: (Math.abs(fx) + Math.abs(fy)) * 4 }));
  }

  /** Points of a grid over the part of the country in sight (inside it), each with the cost of its distance from the anchor. */
  private gridSpots(iso3: string, pt: Anchor, w: number, h: number): { x: number; y: number; cost: number }[] {
    const key = `${iso3} ${w} ${h}`;
    const kept = this.grids.get(key);
    if (kept) return kept;
    const out: { x: number; y: number; cost: number }[] = [];
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < pt.ring.length; i += 2) {
      x0 = Math.min(x0, pt.ring[i]!);
      x1 = Math.max(x1, pt.ring[i]!);
      y0 = Math.min(y0, pt.ring[i + 1]!);
      y1 = Math.max(y1, pt.ring[i + 1]!);
    }
    const n = GRID;
    for (let i = 0; i <= n; i++) {
      for (let j = 0; j <= n; j++) {
        const x = x0 + ((x1 - x0) * i) / n;
        const y = y0 + ((y1 - y0) * j) / n;
        if (!inRing(x, y, pt.ring)) continue;
        out.push({ x, y, cost: 12 + 0.15 * Math.hypot((x - pt.x) / Math.max(1, w), (y - pt.y) / Math.max(1, h)) * h * 2 });
      }
    }
    this.grids.set(key, out);
    return out;
  }

  /**
   * Places the country names, the actors' countries' (`focus`) or the others, each at the spot near its
   * anchor that overlaps `avoid` least; a name shows where that overlap is small (an actor's country's
   * name may have a corner under a unit; another's must be clear) and where enough of its country is in
   * sight, and is then added to `avoid` and `taken`.
   */
  layoutLabels(view: View, avoid: Box[], taken: Box[], focus: boolean): void {
    const k = Math.max(0.72, Math.min(1, view.scale / 1.5));
    const bounds = { x: 0, y: 0, w: view.width, h: view.height };
    for (const l of this.labels) {
      if (l.focus !== focus) continue;
      l.text.setScale(k);
      const w = l.text.width * k;
      const h = l.text.height * k;
      const pt = this.anchor(view, l.iso3);
      if (!pt || pt.area < ROOM * w * h) {
        l.text.setVisible(false);
        continue;
      }
      const limit = (focus ? 0.12 : 0.04) * w * h + 8;
      const pick = (spots: { x: number; y: number; cost: number }[]) => {
        let found: { x: number; y: number; box: Box; clash: number } | null = null;
        for (const { x, y, cost } of spots) {
          const box = { x: x - w / 2, y: y - h / 2, w, h };
          if (outside(box, bounds) > 0) continue;
          // Moving away from the anchor costs a little, so a clear anchor wins.
          let clash = cost;
          for (const o of avoid) clash += overlap(box, o, 2);
          if (!found || clash < found.clash) found = { x, y, box, clash };
        }
        return found;
      };
      let best = pick(this.nearSpots(pt, w, h));
      // Only when every spot near the anchor is taken, further spots over the country in sight.
      if (!best || best.clash >= limit) {
        const far = pick(this.gridSpots(l.iso3, pt, w, h));
        if (far && (!best || far.clash < best.clash)) best = far;
      }
      const show = !!best && best.clash < limit;
      l.text.setVisible(show);
      if (!best || !show) continue;
      l.text.setPosition(Math.round(best.x), Math.round(best.y));
      avoid.push(best.box);
      taken.push(best.box);
    }
  }

  /** Renders the Graphics into a texture the size of the canvas and hides the Graphics. */
  private bake(view: View): void {
    const w = Math.max(1, Math.ceil(view.width));
    const h = Math.max(1, Math.ceil(view.height));
    if (!this.baked || this.baked.width !== w || this.baked.height !== h) {
      this.baked?.destroy();
      this.baked = this.scene.add.renderTexture(0, 0, w, h).setOrigin(0, 0).setDepth(this.depth);
    }
    this.g.setVisible(true);
    this.baked.clear().draw(this.g).render();
    this.g.setVisible(false);
  }

  destroy(): void {
    this.g.destroy();
    this.baked?.destroy();
    for (const l of this.labels) l.text.destroy();
  }
}
