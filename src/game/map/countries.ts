// The base map: sea with a faint graticule, country polygons from assets/map/region.json (Natural
// Earth 1:50m), the crisis region's land borders picked out, and spaced uppercase country names.
//
// Crimea: Natural Earth (world-atlas) draws Crimea as part of Russia. For a 2022 scenario the map shows
// the internationally recognised border: any Russian polygon whose centroid (inverted to lon/lat) lies
// within lon 32–37°E, lat 44–46.5°N is filled and outlined as Ukraine, and the Ukraine–Russia border
// piece across the Crimean isthmus is not drawn as a land border.
import * as Phaser from 'phaser';
import { geoGraticule } from 'd3-geo';
import { REGION, project, unproject, type View } from './projection';
import type { Box } from './layout';
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
  private readonly labels: { text: Phaser.GameObjects.Text; lon: number; lat: number; vx: number; vy: number; useLonLat: boolean }[] = [];
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
      this.labels.push({ text, lon: at?.[0] ?? 0, lat: at?.[1] ?? 0, vx: c.labelX, vy: c.labelY, useLonLat: !!at });
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
    g.lineStyle(Math.max(0.6, view.scale * 0.45), P.LAND_EDGE, 1);
    for (const r of this.rings) {
      path(r.pts);
      g.strokePath();
    }
    // The crisis region's land borders, brighter and wider (the Crimean isthmus piece left out).
    for (const b of REGION.borders) {
      const c = ringCentroid(b.line);
      if (inCrimea(c.x, c.y)) continue;
      g.lineStyle(Math.max(1.2, view.scale * 0.8), P.BORDER_FOCUS, 0.75);
      g.beginPath();
      g.moveTo(view.x(b.line[0]!), view.y(b.line[1]!));
      for (let i = 2; i < b.line.length; i += 2) g.lineTo(view.x(b.line[i]!), view.y(b.line[i + 1]!));
      g.strokePath();
    }
    this.bake(view);
    for (const l of this.labels) {
      const pt = l.useLonLat ? view.at(l.lon, l.lat) : { x: view.x(l.vx), y: view.y(l.vy) };
      const on = pt.x > 30 && pt.x < view.width - 30 && pt.y > 14 && pt.y < view.height - 14;
      l.text.setPosition(Math.round(pt.x), Math.round(pt.y)).setVisible(on);
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

  /** The visible country names' boxes (obstacles for other labels). */
  boxes(): Box[] {
    return this.labels.filter((l) => l.text.visible).map((l) => {
      const b = l.text.getBounds();
      return { x: b.x, y: b.y, w: b.width, h: b.height };
    });
  }

  destroy(): void {
    this.g.destroy();
    this.baked?.destroy();
    for (const l of this.labels) l.text.destroy();
  }
}
