// The base map: sea with a faint graticule, country polygons from assets/map/region.json (Natural
// Earth 1:50m), the crisis region's land borders picked out, and spaced uppercase country names. The
// names are laid out after the capitals' labels, the units and the pills (Countries.layoutLabels): each
// takes the spot near its anchor that clears them, the crisis region's names first, and a name that
// cannot find room hides; on a small scale (zoomed out, a phone) they shrink a little.
//
// Crimea: Natural Earth (world-atlas) draws Crimea as part of Russia. For a 2022 scenario the map shows
// the internationally recognised border: any Russian polygon whose centroid (inverted to lon/lat) lies
// within lon 32–37°E, lat 44–46.5°N is filled and outlined as Ukraine, and the Ukraine–Russia border
// piece across the Crimean isthmus is not drawn as a land border.
import * as Phaser from 'phaser';
import { geoGraticule } from 'd3-geo';
import { REGION, project, unproject, type View } from './projection';
import { outside, overlap, type Box } from './layout';
import * as P from './palette';

/** Country label positions (lon/lat) for the crisis region, chosen to clear capitals and units. */
const LABEL_AT: Record<string, [number, number, number]> = {
  // iso3: [lon, lat, font size]
  BLR: [28.45, 52.8, 15],
  UKR: [31.6, 49.35, 15],
  RUS: [37.2, 53.3, 15],
  POL: [19.2, 52.9, 13],
  LTU: [23.6, 55.45, 11],
  LVA: [25.6, 56.75, 11],
  EST: [25.8, 58.75, 11],
  MDA: [28.5, 47.3, 9],
  ROU: [25.0, 46.0, 12],
  SVK: [19.5, 48.75, 10],
  HUN: [19.4, 47.2, 10],
  DEU: [11.6, 51.9, 12],
  CZE: [15.5, 49.8, 10],
  SWE: [15.5, 58.5, 12],
  FIN: [26.5, 61.6, 12],
};

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

const SKIP_LABEL = new Set(['LIE', 'SMR', 'LUX', 'ALA', 'XKX', 'MNE', 'ALB', 'BIH', 'SVN', 'HRV', 'AUT', 'CHE', 'BEL', 'NLD', 'DNK', 'NOR', 'ITA', 'FRA', 'SRB', 'BGR', 'GEO', 'ARM', 'TUR', 'KAZ', 'MKD']);
const FOCUS = new Set(['BLR', 'UKR', 'RUS', 'POL', 'LTU', 'LVA']);

function ringCentroid(r: number[]): { x: number; y: number } {
  let x = 0;
  let y = 0;
  const n = r.length / 2;
  for (let i = 0; i < r.length; i += 2) {
    x += r[i]!;
    y += r[i + 1]!;
  }
  return { x: x / n, y: y / n };
}

function inCrimea(x: number, y: number): boolean {
  const { lon, lat } = unproject(x, y);
  return lon >= 32 && lon <= 37 && lat >= 44 && lat <= 46.5;
}

interface Ring {
  iso3: string;
  pts: number[];
  fill: number;
  focus: boolean;
}

export class Countries {
  /** Draws the base map; its output is baked into `baked` and the Graphics itself is hidden. */
  private readonly g: Phaser.GameObjects.Graphics;
  /**
   * The base map as one texture. A Graphics with thousands of vertices is tessellated again on every
   * frame; baking it after each layout turns that into one textured quad (the map drew at 30 fps without).
   */
  private baked: Phaser.GameObjects.RenderTexture | null = null;
  private readonly labels: { text: Phaser.GameObjects.Text; lon: number; lat: number; vx: number; vy: number; useLonLat: boolean; focus: boolean }[] = [];
  private readonly rings: Ring[] = [];
  private readonly graticule: [number, number][][];

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly depth: number,
  ) {
    this.g = scene.add.graphics().setDepth(depth);
    for (const c of REGION.countries) {
      for (const r of c.rings) {
        const cen = ringCentroid(r);
        const crimea = c.iso3 === 'RUS' && inCrimea(cen.x, cen.y);
        const iso3 = crimea ? 'UKR' : c.iso3;
        this.rings.push({ iso3, pts: r, fill: P.COUNTRY_FILL[iso3] ?? P.LAND, focus: FOCUS.has(iso3) });
      }
      if (SKIP_LABEL.has(c.iso3)) continue;
      const at = LABEL_AT[c.iso3];
      const size = at?.[2] ?? 10;
      const focus = FOCUS.has(c.iso3);
      const text = scene.add
        .text(0, 0, c.name.toUpperCase(), {
          fontFamily: P.FONT,
          fontSize: `${size}px`,
          fontStyle: focus ? '600' : '500',
          color: focus ? P.TEXT_COUNTRY : '#4b5b6a',
        })
        .setLetterSpacing(Math.round(size * 0.32))
        .setOrigin(0.5)
        .setResolution(P.TEXT_RESOLUTION)
        .setDepth(depth + 1);
      this.labels.push({ text, lon: at?.[0] ?? 0, lat: at?.[1] ?? 0, vx: c.labelX, vy: c.labelY, useLonLat: !!at, focus });
    }
    // Graticule every 5°, projected once into viewport units.
    this.graticule = geoGraticule()
      .step([5, 5])
      .extent([
        [-10, 35],
        [60, 70],
      ])
      .lines()
      .map((l) => l.coordinates.map(([lon, lat]) => {
        const v = project(lon!, lat!);
        return [v.x, v.y] as [number, number];
      }));
  }

  layout(view: View): void {
    const g = this.g;
    g.clear();
    g.fillStyle(P.SEA, 1).fillRect(0, 0, view.width, view.height);
    // Graticule (under the land, so it only shows on the sea).
    g.lineStyle(1, P.GRATICULE, 0.9);
    for (const line of this.graticule) {
      g.beginPath();
      line.forEach(([x, y], i) => (i === 0 ? g.moveTo(view.x(x), view.y(y)) : g.lineTo(view.x(x), view.y(y))));
      g.strokePath();
    }
    const path = (pts: number[]) => {
      g.beginPath();
      g.moveTo(view.x(pts[0]!), view.y(pts[1]!));
      for (let i = 2; i < pts.length; i += 2) g.lineTo(view.x(pts[i]!), view.y(pts[i + 1]!));
      g.closePath();
    };
    for (const r of this.rings) {
      g.fillStyle(r.fill, 1);
      path(r.pts);
      g.fillPath();
    }
    // Coasts and minor borders: every ring's outline, thin.
    g.lineStyle(Math.min(1.2, Math.max(0.6, view.scale * 0.45)), P.LAND_EDGE, 1);
    for (const r of this.rings) {
      path(r.pts);
      g.strokePath();
    }
    // The crisis region's land borders, brighter and wider (the Crimean isthmus piece left out).
    for (const b of REGION.borders) {
      const c = ringCentroid(b.line);
      if (inCrimea(c.x, c.y)) continue;
      g.lineStyle(Math.min(2, Math.max(1.2, view.scale * 0.8)), P.BORDER_FOCUS, 0.75);
      g.beginPath();
      g.moveTo(view.x(b.line[0]!), view.y(b.line[1]!));
      for (let i = 2; i < b.line.length; i += 2) g.lineTo(view.x(b.line[i]!), view.y(b.line[i + 1]!));
      g.strokePath();
    }
    // Zoomed out past the region on an axis: the margin beyond the stored map is shaded, with a rule
    // along the region's edge, so the map's end reads as an end and not as open sea.
    const x0 = view.x(0);
    const y0 = view.y(0);
    const x1 = view.x(REGION.width);
    const y1 = view.y(REGION.height);
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
   * Places the country names, the crisis region's (`focus`) or the others, each at the spot near its
   * anchor that overlaps `avoid` least; a name shows where that overlap is small (a crisis country's
   * name may have a corner under a unit; another's must be clear) and is then added to `avoid` and `taken`.
   */
  layoutLabels(view: View, avoid: Box[], taken: Box[], focus: boolean): void {
    const k = Math.max(0.72, Math.min(1, view.scale / 1.5));
    const bounds = { x: 0, y: 0, w: view.width, h: view.height };
    for (const l of this.labels) {
      if (l.focus !== focus) continue;
      const pt = l.useLonLat ? view.at(l.lon, l.lat) : { x: view.x(l.vx), y: view.y(l.vy) };
      l.text.setScale(k);
      const w = l.text.width * k;
      const h = l.text.height * k;
      let best: { x: number; y: number; box: Box; clash: number } | null = null;
      for (const [fx, fy] of SHIFTS) {
        const x = pt.x + fx * w;
        const y = pt.y + fy * h;
        const box = { x: x - w / 2, y: y - h / 2, w, h };
        if (outside(box, bounds) > 0) continue;
        let clash = 0;
        for (const o of avoid) clash += overlap(box, o, 2);
        // Moving away from the anchor costs a little, so a clear anchor wins.
        clash += (Math.abs(fx) + Math.abs(fy)) * 4;
        if (!best || clash < best.clash) best = { x, y, box, clash };
      }
      const show = !!best && best.clash < (focus ? 0.12 : 0.04) * w * h + 8;
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
