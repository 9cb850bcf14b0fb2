// Where things go on screen: the view transform from the scenario's region (map/region.ts: its
// projection, lon/lat → map units, the places' box PLACES_UNITS on its longer side) to canvas pixels.
// The default view fits the scenario's area of interest (the capitals of the actors that own countries
// and the units' places, padded) to the canvas. The player zooms and pans from there (View.zoomAt,
// View.panBy), within the region.
import { MapRegion, type LonLatBox } from './region';

/** How far in the map may zoom, as a multiple of the default view's scale. */
export const MAX_ZOOM = 4;

/** What the view shows: its zoom and the part of the region in sight (the hook's mapView; see MapViewInfo in scenes/map.ts). */
export interface ViewState {
  /** Scale over the default view's (1 at the default view). */
  zoom: number;
  minZoom: number;
  maxZoom: number;
  /** The viewport point (map units, 0…region.width × 0…region.height) at the canvas's top-left corner. */
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
  /** The lon/lat box of the part of the region in sight. */
  bounds: LonLatBox;
  /** The lon/lat box of the whole region (what the player may pan over: the scenario's box, and in a conic's corners a little more). */
  region: LonLatBox;
  /** The region's size in map units (the places' box is PLACES_UNITS on its longer side). */
  mapWidth: number;
  mapHeight: number;
}

/**
 * The viewport → screen transform for the current canvas size, and the player's zoom and pan on it.
 *
 * The default ("home") view fits the scenario's area of interest (the capitals and unit positions,
 * padded) to the canvas, all of it in sight. From there the player may zoom in up to MAX_ZOOM× and out
 * until the whole region is in sight,
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
  /** The scenario's region; a placeholder (fitted to nothing) until the scene sets one. */
  region = new MapRegion({ bounds: null, projection: null, fit: [] });
  private focus: [number, number, number, number] = [0, 0, this.region.width, this.region.height];

  /** A new region (a new scenario): the focus box is in its map units; call fit() next. */
  setRegion(region: MapRegion): void {
    this.region = region;
    this.focus = [0, 0, region.width, region.height];
  }

  /** Fits a viewport box (x0, y0, x1, y1) into a canvas of w × h as the default view, and shows it. */
  fit(w: number, h: number, box: [number, number, number, number]): void {
    this.width = w;
    this.height = h;
    this.focus = box;
    const pad = Math.min(w, h) * 0.06;
    const bw = Math.max(1, box[2] - box[0]);
    const bh = Math.max(1, box[3] - box[1]);
    // The area of interest comes first: all of it is in sight, even where the region's edge then shows
    // (a fitted region is wide enough for a wide screen: map/region.ts).
    const s = Math.min((w - 2 * pad) / bw, (h - 2 * pad) / bh);
    const cx = (box[0] + box[2]) / 2;
    const cy = (box[1] + box[3]) / 2;
    // Centre the box, then clamp so the region covers the canvas on each axis where it is the larger.
    this.home = { scale: s, ox: clamp(w / 2 - cx * s, w - this.region.width * s, 0), oy: clamp(h / 2 - cy * s, h - this.region.height * s, 0) };
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
    return Math.min(this.home.scale, this.width / this.region.width, this.height / this.region.height);
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
    this.ox = clamp(this.ox, this.width - this.region.width * this.scale, 0);
    this.oy = clamp(this.oy, this.height - this.region.height * this.scale, 0);
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
      bounds: this.region.boxOf(-this.ox / this.scale, -this.oy / this.scale, (this.width - this.ox) / this.scale, (this.height - this.oy) / this.scale),
      region: this.region.extent,
      mapWidth: this.region.width,
      mapHeight: this.region.height,
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
    const v = this.region.project(lon, lat);
    return { x: this.x(v.x), y: this.y(v.y) };
  }

  /** Screen pixels → lon/lat. */
  lonLat(sx: number, sy: number): { lon: number; lat: number } {
    return this.region.unproject((sx - this.ox) / this.scale, (sy - this.oy) / this.scale);
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return lo > hi ? (lo + hi) / 2 : Math.max(lo, Math.min(hi, v));
}
