// Where things go on screen: the stored d3-geo projection (lon/lat → the 1000×720 map viewport) and
// the view transform (viewport → canvas pixels). The view fits the scenario's area of interest (the
// capitals and unit positions, padded) to the canvas, but never zooms out so far that the edge of the
// stored map shows: fitting the whole 1000×720 viewport would leave Belarus ~110 px wide at 860×520.
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

/** The viewport → screen transform for the current canvas size. */
export class View {
  scale = 1;
  ox = 0;
  oy = 0;
  width = 1;
  height = 1;

  /** Fits a viewport box (x0, y0, x1, y1) into a canvas of w × h, covering the canvas with map. */
  fit(w: number, h: number, box: [number, number, number, number]): void {
    this.width = w;
    this.height = h;
    const pad = Math.min(w, h) * 0.06;
    const bw = Math.max(1, box[2] - box[0]);
    const bh = Math.max(1, box[3] - box[1]);
    const contain = Math.min((w - 2 * pad) / bw, (h - 2 * pad) / bh);
    const cover = Math.max(w / REGION.width, h / REGION.height);
    const s = Math.max(contain, cover);
    this.scale = s;
    const cx = (box[0] + box[2]) / 2;
    const cy = (box[1] + box[3]) / 2;
    // Centre the box, then clamp so the viewport always covers the canvas.
    this.ox = clamp(w / 2 - cx * s, w - REGION.width * s, 0);
    this.oy = clamp(h / 2 - cy * s, h - REGION.height * s, 0);
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
