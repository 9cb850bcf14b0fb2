// The scenario's region: the lon/lat box the map shows (the scenario's `map.bounds`, or every place it
// must show with a margin, widened to a landscape shape), the projection that flattens it (the
// scenario's, or a conic conformal in middle and high latitudes, Mercator near the equator) and its
// viewport in map units (the places' box is PLACES_UNITS on its longer side). It projects and
// unprojects, keeps the countries that are in view (projected and clipped to the viewport), and says
// which lon/lat box a part of the viewport shows. Pure: no Phaser.
import { geoConicConformal, geoEquirectangular, geoMercator, geoPath, geoStream, type GeoProjection } from 'd3-geo';
import type { Geometry, MultiLineString } from 'geojson';
import type { WorldCountry } from './world';

export type ProjectionKind = 'conic' | 'mercator' | 'equirectangular';

export interface LonLatBox {
  /** Western edge; greater than `east` when the box crosses the 180° meridian. */
  west: number;
  east: number;
  south: number;
  north: number;
}

/** What the scenario says of its map (store/map-view mapSpec). */
export interface RegionSpec {
  bounds: LonLatBox | null;
  projection: ProjectionKind | null;
  /** Every point the map must show. */
  fit: { lon: number; lat: number }[];
}

/**
 * The size of a map unit: the places' box (with its margin, before widening; or the scenario's bounds) is
 * this many units on its longer side. The map's scale thresholds (which labels and symbols show) are in
 * screen px per map unit, so they read the same in every region: how much room the places have.
 */
export const PLACES_UNITS = 840; // Allied Resolve's map keeps the scale those thresholds were tuned on
/** The margin around the places: this share of the larger span of the places, at least MIN_MARGIN degrees. */
export const MARGIN_SHARE = 0.25;
export const MIN_MARGIN = 2;
/** A fitted region is at least this many times as wide as high (a wide screen's shape). */
export const MIN_ASPECT = 2;
/** Latitudes beyond this are left out (Mercator has no poles). */
const MAX_LAT = 85;
/** Rings smaller than this (square map units) after clipping are specks: not drawn. */
const MIN_RING_AREA = 1;

const RAD = Math.PI / 180;

/** Longitude into [-180, 180). */
export function wrapLon(lon: number): number {
  return lon >= -180 && lon < 180 ? lon : ((((lon + 180) % 360) + 360) % 360) - 180;
}

/** The width of a box in degrees of longitude, across the 180° meridian if it must. */
export function lonSpan(b: LonLatBox): number {
  const d = b.east - b.west;
  return d >= 0 ? d : d + 360;
}

/** Whether a lon/lat falls inside a box (the 180° meridian understood). */
export function boxContains(b: LonLatBox, lon: number, lat: number, eps = 1e-9): boolean {
  if (lat < b.south - eps || lat > b.north + eps) return false;
  if (lonSpan(b) >= 360 - eps) return true;
  const d = wrapLon(lon - b.west);
  return (d < 0 ? d + 360 : d) <= lonSpan(b) + eps;
}

/**
 * The smallest longitude interval that holds every longitude (it may cross the 180° meridian): the
 * complement of the largest gap between neighbours around the circle.
 */
export function lonInterval(lons: number[]): { west: number; east: number } {
  const sorted = [...new Set(lons.map(wrapLon))].sort((a, b) => a - b);
  if (sorted.length === 0) return { west: 0, east: 0 };
  let gap = -1;
  let after = 0;
  for (let i = 0; i < sorted.length; i++) {
    const next = i + 1 < sorted.length ? sorted[i + 1]! : sorted[0]! + 360;
    if (next - sorted[i]! > gap) {
      gap = next - sorted[i]!;
      after = i + 1;
    }
  }
  return { west: sorted[after % sorted.length]!, east: sorted[(after + sorted.length - 1) % sorted.length]! };
}

/** The box around the points, with the margin (MARGIN_SHARE of the larger span, at least MIN_MARGIN degrees). */
export function fitBounds(points: { lon: number; lat: number }[]): LonLatBox {
  if (points.length === 0) return { west: -20, east: 40, south: 30, north: 65 };
  const { west, east } = lonInterval(points.map((p) => p.lon));
  const south = Math.min(...points.map((p) => p.lat));
  const north = Math.max(...points.map((p) => p.lat));
  const midLat = (south + north) / 2;
  const k = Math.max(0.2, Math.cos(midLat * RAD));
  const span = lonSpan({ west, east, south, north });
  const margin = Math.max(MIN_MARGIN, MARGIN_SHARE * Math.max(span * k, north - south));
  const wide = span + (2 * margin) / k;
  const out = wide >= 360 ? { west: -180, east: 180 } : { west: wrapLon(west - margin / k), east: wrapLon(east + margin / k) };
  return { ...out, south: Math.max(-MAX_LAT, south - margin), north: Math.min(MAX_LAT, north + margin) };
}

/** Mercator for a region across the equator or centred within 25° of it, a conic conformal elsewhere. */
export function chooseProjection(b: LonLatBox): ProjectionKind {
  const mid = (b.south + b.north) / 2;
  return (b.south < 0 && b.north > 0) || Math.abs(mid) < 25 ? 'mercator' : 'conic';
}

/** The box's outline, sampled every degree or so, as points. */
function outline(b: LonLatBox): [number, number][] {
  const pts: [number, number][] = [];
  const w = lonSpan(b);
  const nx = Math.max(2, Math.ceil(w));
  const ny = Math.max(2, Math.ceil(b.north - b.south));
  for (let i = 0; i <= nx; i++) {
    const lon = b.west + (w * i) / nx;
    pts.push([lon, b.south], [lon, b.north]);
  }
  for (let j = 0; j <= ny; j++) {
    const lat = b.south + ((b.north - b.south) * j) / ny;
    pts.push([b.west, lat], [b.west + w, lat]);
  }
  return pts;
}

function makeProjection(kind: ProjectionKind, b: LonLatBox): GeoProjection {
  const centreLon = wrapLon(b.west + lonSpan(b) / 2);
  const rotate: [number, number] = [-centreLon, 0];
  if (kind === 'mercator') return geoMercator().rotate(rotate);
  if (kind === 'equirectangular') return geoEquirectangular().rotate(rotate);
  // Standard parallels at a sixth and five sixths of the span; the centre latitude at the middle.
  const span = b.north - b.south;
  const p1 = b.south + span / 6;
  const p2 = b.north - span / 6;
  // A conic needs parallels on one side of the equator: a box across it is better served by Mercator,
  // but a scenario may ask for a conic there; then its parallels are kept clear of the equator.
  const sign = b.south + b.north >= 0 ? 1 : -1;
  const par = (p: number) => (sign * p < 1 ? sign * 1 : p);
  return geoConicConformal()
    .parallels([par(p1), Math.abs(par(p2) - par(p1)) < 0.5 ? par(p1) + sign * 0.5 : par(p2)])
    .rotate(rotate)
    .center([0, (b.south + b.north) / 2]);
}

/** The width over the height of a box once projected. */
function aspect(kind: ProjectionKind, b: LonLatBox): number {
  const shape = { type: 'MultiPoint' as const, coordinates: outline(b) };
  const [[x0, y0], [x1, y1]] = geoPath(makeProjection(kind, b).fitSize([PLACES_UNITS, PLACES_UNITS], shape)).bounds(shape);
  return (x1 - x0) / Math.max(1e-9, y1 - y0);
}

/** A box widened east and west about its middle until, projected, it is MIN_ASPECT times as wide as high. */
export function widen(b: LonLatBox, kind: ProjectionKind): LonLatBox {
  let out = b;
  for (let i = 0; i < 4; i++) {
    const a = aspect(kind, out);
    const span = lonSpan(out);
    if (a >= MIN_ASPECT * 0.99 || span >= 360) break;
    const wider = Math.min(360, (span * MIN_ASPECT) / a);
    const mid = out.west + span / 2;
    out = wider >= 360 ? { ...out, west: -180, east: 180 } : { ...out, west: wrapLon(mid - wider / 2), east: wrapLon(mid + wider / 2) };
  }
  return out;
}

/** A country as drawn: its rings in map units (flat x, y lists, clipped to the viewport). */
export interface DrawnCountry {
  iso3: string;
  name: string;
  rings: number[][];
  /** The area of its rings, square map units. */
  area: number;
}

/** The region of a scenario: its box, its projection and its viewport. */
export class MapRegion {
  readonly bounds: LonLatBox;
  readonly kind: ProjectionKind;
  readonly projection: GeoProjection;
  /** The viewport in map units (PLACES_UNITS on the longer side of the places' box). */
  readonly width: number;
  readonly height: number;
  /** The lon/lat box of the whole viewport: `bounds` and, in a conic's corners, a little more. */
  readonly extent: LonLatBox;

  constructor(spec: RegionSpec) {
    const fitted = spec.bounds ?? fitBounds(spec.fit);
    this.kind = spec.projection ?? chooseProjection(fitted);
    // A fitted region is widened to a landscape shape, so a wide screen shows the places without the
    // region's edge; the scenario's own bounds are kept as they are.
    this.bounds = spec.bounds ? fitted : widen(fitted, this.kind);
    const shape = { type: 'MultiPoint' as const, coordinates: outline(this.bounds) };
    const projection = makeProjection(this.kind, this.bounds).fitSize([PLACES_UNITS, PLACES_UNITS], { type: 'MultiPoint', coordinates: outline(fitted) });
    const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(shape);
    const [tx, ty] = projection.translate();
    projection.translate([tx - x0, ty - y0]);
    this.width = Math.max(1, Math.round(x1 - x0));
    this.height = Math.max(1, Math.round(y1 - y0));
    this.projection = projection.clipExtent([
      [0, 0],
      [this.width, this.height],
    ]);
    this.extent = this.boxOf(0, 0, this.width, this.height);
  }

  /** lon/lat → map units. */
  project(lon: number, lat: number): { x: number; y: number } {
    const r = this.projection([lon, lat]) ?? [0, 0];
    return { x: r[0], y: r[1] };
  }

  /** map units → lon/lat. */
  unproject(x: number, y: number): { lon: number; lat: number } {
    const r = this.projection.invert?.([x, y]) ?? [0, 0];
    return { lon: r[0], lat: r[1] };
  }

  /** Whether a lon/lat lands inside the viewport. */
  inside(lon: number, lat: number): boolean {
    const p = this.projection([lon, lat]);
    return !!p && p[0] >= 0 && p[0] <= this.width && p[1] >= 0 && p[1] <= this.height;
  }

  /**
   * The lon/lat box a rectangle of the viewport shows (x0, y0, x1, y1 in map units, cut to the
   * viewport), from points along its edges and across it.
   */
  boxOf(x0: number, y0: number, x1: number, y1: number): LonLatBox {
    const ax = Math.max(0, Math.min(x0, x1));
    const bx = Math.min(this.width, Math.max(x0, x1));
    const ay = Math.max(0, Math.min(y0, y1));
    const by = Math.min(this.height, Math.max(y0, y1));
    const centre = this.unproject((ax + bx) / 2, (ay + by) / 2).lon;
    let west = Infinity;
    let east = -Infinity;
    let south = Infinity;
    let north = -Infinity;
    const n = 16;
    for (let i = 0; i <= n; i++) {
      for (let j = 0; j <= n; j++) {
        const { lon, lat } = this.unproject(ax + ((bx - ax) * i) / n, ay + ((by - ay) * j) / n);
        // Longitudes measured from the centre, so a box across the 180° meridian stays one piece.
        const rel = centre + wrapLon(lon - centre);
        west = Math.min(west, rel);
        east = Math.max(east, rel);
        south = Math.min(south, lat);
        north = Math.max(north, lat);
      }
    }
    const round = (v: number) => Math.round(v * 1000) / 1000;
    return east - west >= 360 ? { west: -180, east: 180, south: round(south), north: round(north) } : { west: round(wrapLon(west)), east: round(wrapLon(east)), south: round(south), north: round(north) };
  }

  /** Projects and clips a geometry into the viewport: every ring or line that shows, as flat x, y lists. */
  lines(geometry: Geometry | MultiLineString): number[][] {
    const out: number[][] = [];
    let current: number[] = [];
    const sink = {
      point: (x: number, y: number) => void current.push(Math.round(x * 10) / 10, Math.round(y * 10) / 10),
      lineStart: () => void (current = []),
      lineEnd: () => void (current.length >= 4 && out.push(current)),
      polygonStart: () => undefined,
      polygonEnd: () => undefined,
      sphere: () => undefined,
    };
    geoStream(geometry, this.projection.stream(sink));
    return out;
  }

  /**
   * The countries in view: those whose bounding box meets the viewport's, projected and clipped, with the
   * specks left out; the largest first, so enclaves are drawn over the country around them.
   */
  countriesInView(world: readonly WorldCountry[]): DrawnCountry[] {
    const out: DrawnCountry[] = [];
    for (const c of world) {
      const [[w, s], [e, n]] = c.bounds;
      if (!boxesMeet(this.extent, { west: w, east: e, south: s, north: n })) continue;
      const rings = this.lines(c.geometry).filter((r) => Math.abs(ringArea(r)) >= MIN_RING_AREA);
      if (rings.length === 0) continue;
      out.push({ iso3: c.iso3, name: c.name, rings, area: rings.reduce((sum, r) => sum + Math.abs(ringArea(r)), 0) });
    }
    return out.sort((a, b) => b.area - a.area || a.iso3.localeCompare(b.iso3));
  }
}

/** Whether two lon/lat boxes overlap (the 180° meridian understood), with a degree of slack. */
export function boxesMeet(a: LonLatBox, b: LonLatBox, slack = 1): boolean {
  if (a.south - slack > b.north || b.south - slack > a.north) return false;
  const pieces = (x: LonLatBox): [number, number][] =>
    lonSpan(x) >= 359 ? [[-180, 180]] : x.west <= x.east ? [[x.west, x.east]] : [[x.west, 180], [-180, x.east]];
  return pieces(a).some(([a0, a1]) => pieces(b).some(([b0, b1]) => a0 - slack <= b1 && b0 - slack <= a1));
}

/** The signed area of a flat ring (shoelace). */
export function ringArea(r: number[]): number {
  let sum = 0;
  for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) sum += r[j]! * r[i + 1]! - r[i]! * r[j + 1]!;
  return sum / 2;
}
