// Where things go on screen: the stored d3-geo projection (lon/lat → the 1000×720 map viewport) and
// the view transform (viewport → canvas pixels). The default view fits the scenario's area of interest
// (the capitals and unit positions, padded) to the canvas, but never zooms out so far that the edge of
// the stored map shows: fitting the whole 1000×720 viewport would leave Belarus ~110 px wide at 860×520.
// The player zooms and pans from there (View.zoomAt, View.panBy), within the stored map.
import { geoConicConformal, type GeoProjection } from 'd3-geo';
import region from '../../../assets/map/region.json';

export interface RegionCountry {
  id: string;
  iso3: string;
  name: string;
  rings: number[][];
  labelX: number;
  labelY: number;
}

export interface RegionData {
  width: number;
  height: number;
  projection: { rotate: number[]; center: number[]; parallels: number[]; scale: number; translate: number[] };
  countries: RegionCountry[];
  borders: { a: string; b: string; line: number[] }[];
}

export const REGION = region as unknown as RegionData;

const p = REGION.projection;
export const projection: GeoProjection = geoConicConformal()
  .rotate(p.rotate as [number, number])
  .center(p.center as [number, number])
  .parallels(p.parallels as [number, number])
  .scale(p.scale)
  .translate(p.translate as [number, number]);

/** lon/lat → viewport units. */
export function project(lon: number, lat: number): { x: number; y: number } {
  const r = projection([lon, lat]) ?? [0, 0];
  return { x: r[0], y: r[1] };
}

/** viewport units → lon/lat. */
export function unproject(x: number, y: number): { lon: number; lat: number } {
  const r = projection.invert?.([x, y]) ?? [0, 0];
  return { lon: r[0], lat: r[1] };
}

/** How far in the map may zoom, as a multiple of the default view's scale. */
export const MAX_ZOOM = 4;

/** What the view shows: its zoom and the part of the region in sight (the hook's mapView; see MapViewInfo in scenes/map.ts). */
export interface ViewState {
  /** Scale over the default view's (1 at the default view). */
  zoom: number;
  minZoom: number;
  maxZoom: number;
  /** The viewport point (map units, 0…REGION.width × 0…REGION.height) at the canvas's top-left corner. */
  scrollX: number;
  scrollY: number;
  /** How much of the viewport the canvas shows, in map units. */
  spanX: number;
  spanY: number;
  /** The canvas in CSS pixels. */
  width: number;
  height: number;
  /** At the default view (nothing zoomed or panned). */
  home: boolean;
}

/**
 * The viewport → screen transform for the current canvas size, and the player's zoom and pan on it.
 *
 * The default ("home") view fits the scenario's area of interest (the capitals and unit positions,
 * padded) to the canvas, never zoomed out so far that the edge of the stored map shows. From there the
 * player may zoom in up to MAX_ZOOM× and out until the whole stored map (the region) is in sight,
 * centred with a margin around it on the axis where it is smaller than the canvas; panning never takes
 * the region's edge inside the canvas on an axis where the region is the larger.
 */
export class View {
  scale = 1;
  ox = 0;
  oy = 0;
  width = 1;
  height = 1;
  /** The default view's transform, for reset and for the zoom factor. */
  private home = { scale: 1, ox: 0, oy: 0 };
  private focus: [number, number, number, number] = [0, 0, REGION.width, REGION.height];

  /** Fits a viewport box (x0, y0, x1, y1) into a canvas of w × h as the default view, and shows it. */
  fit(w: number, h: number, box: [number, number, number, number]): void {
    this.width = w;
    this.height = h;
    this.focus = box;
    const pad = Math.min(w, h) * 0.06;
    const bw = Math.max(1, box[2] - box[0]);
    const bh = Math.max(1, box[3] - box[1]);
    const contain = Math.min((w - 2 * pad) / bw, (h - 2 * pad) / bh);
    const cover = Math.max(w / REGION.width, h / REGION.height);
    const s = Math.max(contain, cover);
    const cx = (box[0] + box[2]) / 2;
    const cy = (box[1] + box[3]) / 2;
    // Centre the box, then clamp so the viewport always covers the canvas.
    this.home = { scale: s, ox: clamp(w / 2 - cx * s, w - REGION.width * s, 0), oy: clamp(h / 2 - cy * s, h - REGION.height * s, 0) };
    this.reset();
  }

  /**
   * A new canvas size: refits the default view; a view the player moved keeps its centre and its
   * zoom over the default (clamped again).
   */
  resize(w: number, h: number): void {
    if (this.isHome()) {
      this.fit(w, h, this.focus);
      return;
    }
    const zoom = this.scale / this.home.scale;
    const cx = (this.width / 2 - this.ox) / this.scale;
    const cy = (this.height / 2 - this.oy) / this.scale;
    this.fit(w, h, this.focus);
    this.scale = clamp(this.home.scale * zoom, this.minScale(), this.maxScale());
    this.ox = w / 2 - cx * this.scale;
    this.oy = h / 2 - cy * this.scale;
    this.clampPan();
  }

  /** Back to the default view. */
  reset(): void {
    this.scale = this.home.scale;
    this.ox = this.home.ox;
    this.oy = this.home.oy;
  }

  isHome(): boolean {
    return Math.abs(this.scale - this.home.scale) < 1e-6 && Math.abs(this.ox - this.home.ox) < 0.5 && Math.abs(this.oy - this.home.oy) < 0.5;
  }

  /** The smallest scale: the whole region in sight. */
  minScale(): number {
    return Math.min(this.home.scale, this.width / REGION.width, this.height / REGION.height);
  }

  maxScale(): number {
    return this.home.scale * MAX_ZOOM;
  }

  /** Zooms by `factor` keeping the map point under the screen point (sx, sy) in place; false when clamped to no change. */
  zoomAt(factor: number, sx: number, sy: number): boolean {
    const s = clamp(this.scale * factor, this.minScale(), this.maxScale());
    if (Math.abs(s - this.scale) < 1e-9) return false;
    const vx = (sx - this.ox) / this.scale;
    const vy = (sy - this.oy) / this.scale;
    this.scale = s;
    this.ox = sx - vx * s;
    this.oy = sy - vy * s;
    this.clampPan();
    return true;
  }

  /** Pans by screen pixels (the map follows the pointer); false when clamped to no change. */
  panBy(dx: number, dy: number): boolean {
    const ox = this.ox;
    const oy = this.oy;
    this.ox += dx;
    this.oy += dy;
    this.clampPan();
    return Math.abs(this.ox - ox) > 1e-6 || Math.abs(this.oy - oy) > 1e-6;
  }

  /** Keeps the region over the canvas on each axis where it is larger, centred where it is smaller. */
  private clampPan(): void {
    this.ox = clamp(this.ox, this.width - REGION.width * this.scale, 0);
    this.oy = clamp(this.oy, this.height - REGION.height * this.scale, 0);
  }

  state(): ViewState {
    const r = (v: number, k = 1000) => Math.round(v * k) / k;
    return {
      zoom: r(this.scale / this.home.scale),
      minZoom: r(this.minScale() / this.home.scale),
      maxZoom: MAX_ZOOM,
      scrollX: r(-this.ox / this.scale, 100),
      scrollY: r(-this.oy / this.scale, 100),
      spanX: r(this.width / this.scale, 100),
      spanY: r(this.height / this.scale, 100),
      width: Math.round(this.width),
      height: Math.round(this.height),
      home: this.isHome(),
    };
  }

  x(vx: number): number {
    return this.ox + vx * this.scale;
  }

  y(vy: number): number {
    return this.oy + vy * this.scale;
  }

  /** lon/lat → screen pixels. */
  at(lon: number, lat: number): { x: number; y: number } {
    const v = project(lon, lat);
    return { x: this.x(v.x), y: this.y(v.y) };
  }

  /** Screen pixels → lon/lat. */
  lonLat(sx: number, sy: number): { lon: number; lat: number } {
    return unproject((sx - this.ox) / this.scale, (sy - this.oy) / this.scale);
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return lo > hi ? (lo + hi) / 2 : Math.max(lo, Math.min(hi, v));
}
