// Map preparation for Brink: turns Natural Earth 1:50m country outlines (from the installed `world-atlas`
// package, public domain) into `assets/map/region.json`, the pre-projected vector map of the Belarus–Ukraine
// region that the Phaser scene draws. Offline and deterministic: run `npx tsx scripts/prepare-map.ts`, and
// running it twice gives identical bytes. See assets/map/README.md for the output format.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoArea, geoCentroid, geoConicConformal, geoStream, type GeoConicProjection } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import type { Feature, GeoJsonProperties, Geometry, Polygon, Position } from 'geojson';
import type { RegionCountry } from '../src/game/map/projection';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ATLAS_DIR = join(ROOT, 'node_modules', 'world-atlas');
const OUTPUT = join(ROOT, 'assets', 'map', 'region.json');

const WIDTH = 1000;
const HEIGHT = 720;
const PADDING = 12;
/** The region the viewport is fitted to (degrees). Everything inside the viewport is kept. */
const BOX = { west: 12, east: 42, south: 43, north: 61 } as const;
const ROTATE: [number, number] = [-27, 0];
const CENTER: [number, number] = [0, 52];
const PARALLELS: [number, number] = [46, 58];

/** Douglas–Peucker tolerance for outlines, in viewport units. */
const SIMPLIFY_PX = 0.3;
/** Rings smaller than this (square viewport units) are dropped: specks of islands and clip slivers. */
const MIN_RING_AREA = 2;
/** Upper bound on points in the lon/lat Belarus–Ukraine border used by the game model. */
const MAX_LONLAT_POINTS = 60;

/** ISO 3166 numeric → alpha-3 for every country that can appear in the viewport. */
const ISO3: Record<string, string> = {
  '008': 'ALB', '040': 'AUT', '051': 'ARM', '056': 'BEL', '070': 'BIH', '100': 'BGR', '112': 'BLR',
  '191': 'HRV', '203': 'CZE', '208': 'DNK', '233': 'EST', '246': 'FIN', '248': 'ALA', '250': 'FRA',
  '268': 'GEO', '276': 'DEU', '300': 'GRC', '336': 'VAT', '348': 'HUN', '380': 'ITA', '398': 'KAZ',
  '428': 'LVA', '438': 'LIE', '440': 'LTU', '442': 'LUX', '498': 'MDA', '499': 'MNE', '528': 'NLD',
  '578': 'NOR', '616': 'POL', '642': 'ROU', '643': 'RUS', '674': 'SMR', '688': 'SRB', '703': 'SVK',
  '705': 'SVN', '752': 'SWE', '756': 'CHE', '792': 'TUR', '804': 'UKR', '807': 'MKD',
  '-99': 'XKX', // Kosovo: no ISO numeric code; -99 is Natural Earth's "none", XKX the customary alpha-3
};

/** world-atlas features that carry no id, by name → the id used here (only those that can be visible). */
const MISSING_IDS: Record<string, string> = { Kosovo: '-99' };

/** Label points (lon, lat) for countries whose own centroid is a poor place for a label on this map. */
const LABEL_OVERRIDES: Record<string, [number, number]> = { RUS: [38, 56.5] };

const BORDER_PAIRS: ReadonlyArray<[string, string]> = [
  ['BLR', 'UKR'], ['BLR', 'POL'], ['BLR', 'LTU'], ['BLR', 'LVA'],
  ['BLR', 'RUS'], ['UKR', 'RUS'], ['POL', 'LTU'], ['POL', 'UKR'],
];
const LONLAT_BORDER_PAIRS: ReadonlyArray<[string, string]> = [['BLR', 'UKR']];

type Point = [number, number];

/** A country as the game reads it (the same shape src/game/map/projection.ts declares). */
type CountryOut = RegionCountry;

interface BorderOut {
  a: string;
  b: string;
  line: number[];
}

interface LonLatBorderOut {
  a: string;
  b: string;
  points: Point[];
}

const round = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor + 0; // `+ 0` turns -0 into 0
};

function buildProjection(): GeoConicProjection {
  const outline: Position[] = [];
  for (let lon = BOX.west; lon <= BOX.east; lon += 1) outline.push([lon, BOX.south], [lon, BOX.north]);
  for (let lat = BOX.south; lat <= BOX.north; lat += 1) outline.push([BOX.west, lat], [BOX.east, lat]);
  return geoConicConformal()
    .rotate(ROTATE)
    .center(CENTER)
    .parallels(PARALLELS)
    .fitExtent(
      [[PADDING, PADDING], [WIDTH - PADDING, HEIGHT - PADDING]],
      { type: 'MultiPoint', coordinates: outline },
    )
    .clipExtent([[0, 0], [WIDTH, HEIGHT]]);
}

/** Projects and clips a geometry, collecting every emitted line or ring as a list of viewport points. */
function projectLines(geometry: Geometry, projection: GeoConicProjection): Point[][] {
  const lines: Point[][] = [];
  let current: Point[] = [];
  const sink = {
    point: (x: number, y: number) => void current.push([x, y]),
    lineStart: () => void (current = []),
    lineEnd: () => void (current.length > 1 && lines.push(current)),
    polygonStart: () => undefined,
    polygonEnd: () => undefined,
    sphere: () => undefined,
  };
  geoStream(geometry, projection.stream(sink));
  return lines;
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSq = dx * dx + dy * dy;
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSq));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Douglas–Peucker on an open polyline; endpoints are always kept. */
function simplify(points: Point[], tolerance: number): Point[] {
  if (points.length < 3) return points;
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = keep[points.length - 1] = true;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let worst = -1;
    let worstDistance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(points[i]!, points[first]!, points[last]!);
      if (d > worstDistance) [worst, worstDistance] = [i, d];
    }
    if (worst < 0) continue;
    keep[worst] = true;
    stack.push([first, worst], [worst, last]);
  }
  return points.filter((_, i) => keep[i]);
}

/** Rounds to `decimals` and drops points that collapse onto their predecessor. */
function roundPoints(points: Point[], decimals: number): Point[] {
  const out: Point[] = [];
  for (const [x, y] of points) {
    const p: Point = [round(x, decimals), round(y, decimals)];
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
  }
  return out;
}

function ringArea(ring: Point[]): number {
  let sum = 0;
  ring.forEach((p, i) => {
    const q = ring[(i + 1) % ring.length]!;
    sum += p[0] * q[1] - q[0] * p[1];
  });
  return sum / 2;
}

/** Simplifies a closed ring (its closing point is implicit); returns null if it became a speck. */
function cleanRing(ring: Point[]): Point[] | null {
  const first = ring[0]!;
  const closed = [...ring, first];
  const simplified = roundPoints(simplify(closed, SIMPLIFY_PX), 1);
  const last = simplified[simplified.length - 1];
  if (last && last[0] === first[0] && last[1] === first[1] && simplified.length > 1) simplified.pop();
  return simplified.length >= 3 && Math.abs(ringArea(simplified)) >= MIN_RING_AREA ? simplified : null;
}

const flatten = (points: Point[]): number[] => points.flat();

function pointInRings(p: Point, rings: Point[][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Midpoint of the widest horizontal run through the ring at the height of its vertex average. */
function scanlinePoint(ring: Point[]): Point {
  const y = ring.reduce((sum, p) => sum + p[1], 0) / ring.length;
  const xs: number[] = [];
  ring.forEach((a, i) => {
    const b = ring[(i + 1) % ring.length]!;
    if (a[1] > y !== b[1] > y) xs.push(a[0] + ((y - a[1]) * (b[0] - a[0])) / (b[1] - a[1]));
  });
  xs.sort((m, n) => m - n);
  let best: Point = ring[0]!;
  let bestWidth = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const width = xs[i + 1]! - xs[i]!;
    if (width > bestWidth) [best, bestWidth] = [[(xs[i]! + xs[i + 1]!) / 2, y], width];
  }
  return best;
}

function largestPolygon(geometry: Geometry): Polygon {
  if (geometry.type === 'Polygon') return geometry;
  if (geometry.type !== 'MultiPolygon') throw new Error(`unexpected geometry ${geometry.type}`);
  const polygons = geometry.coordinates.map((coordinates): Polygon => ({ type: 'Polygon', coordinates }));
  return polygons.reduce((best, p) => (geoArea(p) > geoArea(best) ? p : best));
}

/**
 * A label point inside the country's visible part: an override, else the centroid of its largest polygon;
 * if that misses the clipped outline (centroid off-screen, or a concave shape), a point inside its
 * largest visible ring.
 */
function labelPoint(f: Feature, iso3: string, rings: Point[][], projection: GeoConicProjection): Point {
  const lonLat = LABEL_OVERRIDES[iso3] ?? geoCentroid(largestPolygon(f.geometry));
  const projected = projection(lonLat);
  if (projected && pointInRings(projected, rings)) return projected;
  const largest = rings.reduce((best, r) => (Math.abs(ringArea(r)) > Math.abs(ringArea(best)) ? r : best));
  return scanlinePoint(largest);
}

function buildCountry(f: Feature, projection: GeoConicProjection): CountryOut | null {
  const name = String(f.properties?.['name'] ?? '');
  const id = f.id === undefined ? (MISSING_IDS[name] ?? '') : String(f.id);
  const rings = projectLines(f.geometry, projection)
    .map(cleanRing)
    .filter((r): r is Point[] => r !== null);
  if (rings.length === 0) return null;
  const iso3 = ISO3[id];
  if (!iso3) throw new Error(`no ISO3 code for id "${id}" (${name}); add it to the ISO3 table`);
  const [labelX, labelY] = labelPoint(f, iso3, rings, projection);
  return { id, iso3, name, rings: rings.map(flatten), labelX: round(labelX, 1), labelY: round(labelY, 1) };
}

function numericId(iso3: string): string {
  const id = Object.keys(ISO3).find((key) => ISO3[key] === iso3);
  if (!id) throw new Error(`unknown ISO3 ${iso3}`);
  return id;
}

/** The shared land border of two countries as lon/lat polylines. */
function borderLonLat(topology: Topology, countries: GeometryCollection, a: string, b: string): Point[][] {
  const ids = new Set([numericId(a), numericId(b)]);
  const touches = (x: GeometryObject, y: GeometryObject): boolean =>
    x !== y && ids.has(String(x.id)) && ids.has(String(y.id));
  const lines = mesh(topology, countries, touches).coordinates as Point[][];
  if (lines.length === 0) throw new Error(`no border between ${a} and ${b}`);
  return lines;
}

function buildBorders(topology: Topology, countries: GeometryCollection, projection: GeoConicProjection): BorderOut[] {
  return BORDER_PAIRS.flatMap(([a, b]) => {
    const lines = borderLonLat(topology, countries, a, b);
    return projectLines({ type: 'MultiLineString', coordinates: lines }, projection)
      .map((line) => roundPoints(simplify(line, SIMPLIFY_PX), 1))
      .filter((line) => line.length > 1)
      .map((line) => ({ a, b, line: flatten(line) }));
  });
}

/** Simplifies in degrees, loosening the tolerance until the line has at most MAX_LONLAT_POINTS points. */
function simplifyToCount(line: Point[]): Point[] {
  let tolerance = 0.005;
  let out = simplify(line, tolerance);
  while (out.length > MAX_LONLAT_POINTS) out = simplify(line, (tolerance *= 1.25));
  return roundPoints(out, 3);
}

function buildLonLatBorders(topology: Topology, countries: GeometryCollection): LonLatBorderOut[] {
  return LONLAT_BORDER_PAIRS.flatMap(([a, b]) =>
    borderLonLat(topology, countries, a, b).map((line) => ({ a, b, points: simplifyToCount(line) })),
  );
}

/** JSON with one country / border per line: compact, yet diffs stay readable. */
function formatJson(data: Record<string, unknown>): string {
  const entries = Object.entries(data).map(([key, value]) => {
    const body = Array.isArray(value)
      ? `[\n${value.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`
      : JSON.stringify(value);
    return `  ${JSON.stringify(key)}: ${body}`;
  });
  return `{\n${entries.join(',\n')}\n}\n`;
}

function main(): void {
  const atlasVersion = (JSON.parse(readFileSync(join(ATLAS_DIR, 'package.json'), 'utf8')) as { version: string }).version;
  const topology = JSON.parse(readFileSync(join(ATLAS_DIR, 'countries-50m.json'), 'utf8')) as Topology;
  const countriesObject = topology.objects['countries'] as GeometryCollection;
  const projection = buildProjection();

  const features = feature(topology, countriesObject).features as Array<Feature<Geometry, GeoJsonProperties>>;
  const countries = features
    .map((f) => buildCountry(f, projection))
    .filter((c): c is CountryOut => c !== null)
    .sort((x, y) => x.iso3.localeCompare(y.iso3));

  const region = {
    source: `Natural Earth 1:50m admin-0 countries via world-atlas@${atlasVersion} (countries-50m.json), public domain`,
    width: WIDTH,
    height: HEIGHT,
    bounds: { west: BOX.west, east: BOX.east, south: BOX.south, north: BOX.north },
    projection: {
      type: 'geoConicConformal',
      rotate: ROTATE,
      center: CENTER,
      parallels: PARALLELS,
      scale: projection.scale(),
      translate: projection.translate(),
    },
    countries,
    borders: buildBorders(topology, countriesObject, projection),
    bordersLonLat: buildLonLatBorders(topology, countriesObject),
  };

  mkdirSync(dirname(OUTPUT), { recursive: true });
  const text = formatJson(region);
  writeFileSync(OUTPUT, text);
  console.log(`wrote ${OUTPUT}: ${countries.length} countries, ${(text.length / 1024).toFixed(1)} KB`);
}

main();
