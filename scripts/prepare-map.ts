// Map preparation for Brink: turns Natural Earth 1:50m admin-0 countries (from the installed `world-atlas`
// package, public domain) into the two committed assets every scenario uses, wherever it is set:
//   - assets/map/world.json: the whole world as a compact TopoJSON (each arc simplified, quantized to a
//     0.01° grid), each country keyed by its ISO 3166 alpha-3 code with its name; the map's lazy chunk
//     draws from it (src/game/map/world.ts);
//   - assets/map/borders.json: every land border two countries share, as lon/lat polylines cut from the
//     same simplified arcs, with the table of codes and names; the model reads it for "km to the border"
//     and to check `actors[].countries` (src/sim/atlas.ts).
// Crimea is drawn and measured with Ukraine (Natural Earth draws it with Russia; see assets/map/README.md).
// Offline and deterministic: `npm run map` twice gives identical bytes. It is needed only when the atlas
// or this script changes, not for a new scenario.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoArea, geoBounds } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, GeometryObject, MultiPolygon, Polygon, Topology } from 'topojson-specification';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ATLAS_DIR = join(ROOT, 'node_modules', 'world-atlas');
const WORLD_OUT = join(ROOT, 'assets', 'map', 'world.json');
const BORDERS_OUT = join(ROOT, 'assets', 'map', 'borders.json');

/** Douglas–Peucker tolerance, in degrees of latitude (longitude scaled by cos(latitude)): about 1.1 km. */
const TOLERANCE = 0.01;
/** The grid every point is rounded to: 1/GRID of a degree (0.01°, about 1.1 km north–south). */
const GRID = 100;

type Point = [number, number];

/**
 * ISO 3166-1 numeric (world-atlas's ids) → alpha-3. Natural Earth features with no ISO code (or sharing
 * one) are keyed by name in NO_ISO below.
 */
const ISO3: Record<string, string> = {
  '004': 'AFG', '008': 'ALB', '010': 'ATA', '012': 'DZA', '016': 'ASM', '020': 'AND', '024': 'AGO', '028': 'ATG',
  '031': 'AZE', '032': 'ARG', '036': 'AUS', '040': 'AUT', '044': 'BHS', '048': 'BHR', '050': 'BGD', '051': 'ARM',
  '052': 'BRB', '056': 'BEL', '060': 'BMU', '064': 'BTN', '068': 'BOL', '070': 'BIH', '072': 'BWA', '076': 'BRA',
  '084': 'BLZ', '086': 'IOT', '090': 'SLB', '092': 'VGB', '096': 'BRN', '100': 'BGR', '104': 'MMR', '108': 'BDI',
  '112': 'BLR', '116': 'KHM', '120': 'CMR', '124': 'CAN', '132': 'CPV', '136': 'CYM', '140': 'CAF', '144': 'LKA',
  '148': 'TCD', '152': 'CHL', '156': 'CHN', '158': 'TWN', '170': 'COL', '174': 'COM', '178': 'COG', '180': 'COD',
  '184': 'COK', '188': 'CRI', '191': 'HRV', '192': 'CUB', '196': 'CYP', '203': 'CZE', '204': 'BEN', '208': 'DNK',
  '212': 'DMA', '214': 'DOM', '218': 'ECU', '222': 'SLV', '226': 'GNQ', '231': 'ETH', '232': 'ERI', '233': 'EST',
  '234': 'FRO', '238': 'FLK', '239': 'SGS', '242': 'FJI', '246': 'FIN', '248': 'ALA', '250': 'FRA', '258': 'PYF',
  '260': 'ATF', '262': 'DJI', '266': 'GAB', '268': 'GEO', '270': 'GMB', '275': 'PSE', '276': 'DEU', '288': 'GHA',
  '296': 'KIR', '300': 'GRC', '304': 'GRL', '308': 'GRD', '316': 'GUM', '320': 'GTM', '324': 'GIN', '328': 'GUY',
  '332': 'HTI', '334': 'HMD', '336': 'VAT', '340': 'HND', '344': 'HKG', '348': 'HUN', '352': 'ISL', '356': 'IND',
  '360': 'IDN', '364': 'IRN', '368': 'IRQ', '372': 'IRL', '376': 'ISR', '380': 'ITA', '384': 'CIV', '388': 'JAM',
  '392': 'JPN', '398': 'KAZ', '400': 'JOR', '404': 'KEN', '408': 'PRK', '410': 'KOR', '414': 'KWT', '417': 'KGZ',
  '418': 'LAO', '422': 'LBN', '426': 'LSO', '428': 'LVA', '430': 'LBR', '434': 'LBY', '438': 'LIE', '440': 'LTU',
  '442': 'LUX', '446': 'MAC', '450': 'MDG', '454': 'MWI', '458': 'MYS', '462': 'MDV', '466': 'MLI', '470': 'MLT',
  '478': 'MRT', '480': 'MUS', '484': 'MEX', '492': 'MCO', '496': 'MNG', '498': 'MDA', '499': 'MNE', '500': 'MSR',
  '504': 'MAR', '508': 'MOZ', '512': 'OMN', '516': 'NAM', '520': 'NRU', '524': 'NPL', '528': 'NLD', '531': 'CUW',
  '533': 'ABW', '534': 'SXM', '540': 'NCL', '548': 'VUT', '554': 'NZL', '558': 'NIC', '562': 'NER', '566': 'NGA',
  '570': 'NIU', '574': 'NFK', '578': 'NOR', '580': 'MNP', '583': 'FSM', '584': 'MHL', '585': 'PLW', '586': 'PAK',
  '591': 'PAN', '598': 'PNG', '600': 'PRY', '604': 'PER', '608': 'PHL', '612': 'PCN', '616': 'POL', '620': 'PRT',
  '624': 'GNB', '626': 'TLS', '630': 'PRI', '634': 'QAT', '642': 'ROU', '643': 'RUS', '646': 'RWA', '652': 'BLM',
  '654': 'SHN', '659': 'KNA', '660': 'AIA', '662': 'LCA', '663': 'MAF', '666': 'SPM', '670': 'VCT', '674': 'SMR',
  '678': 'STP', '682': 'SAU', '686': 'SEN', '688': 'SRB', '690': 'SYC', '694': 'SLE', '702': 'SGP', '703': 'SVK',
  '704': 'VNM', '705': 'SVN', '706': 'SOM', '710': 'ZAF', '716': 'ZWE', '724': 'ESP', '728': 'SSD', '729': 'SDN',
  '732': 'ESH', '740': 'SUR', '748': 'SWZ', '752': 'SWE', '756': 'CHE', '760': 'SYR', '762': 'TJK', '764': 'THA',
  '768': 'TGO', '776': 'TON', '780': 'TTO', '784': 'ARE', '788': 'TUN', '792': 'TUR', '795': 'TKM', '796': 'TCA',
  '800': 'UGA', '804': 'UKR', '807': 'MKD', '818': 'EGY', '826': 'GBR', '831': 'GGY', '832': 'JEY', '833': 'IMN',
  '834': 'TZA', '840': 'USA', '850': 'VIR', '854': 'BFA', '858': 'URY', '860': 'UZB', '862': 'VEN', '876': 'WLF',
  '882': 'WSM', '887': 'YEM', '894': 'ZMB',
};

/**
 * Features with no ISO 3166 code of their own, by Natural Earth name: Kosovo takes the customary XKX; the
 * others Natural Earth's own ADM0_A3 code (not ISO codes). Ashmore and Cartier shares Australia's 036.
 */
const NO_ISO: Record<string, string> = {
  Kosovo: 'XKX',
  Somaliland: 'SOL',
  'N. Cyprus': 'CYN',
  'Indian Ocean Ter.': 'IOA',
  'Siachen Glacier': 'KAS',
  'Ashmore and Cartier Is.': 'ATC',
};

/** Names Natural Earth 4.1 gives in an older form. */
const RENAMED: Record<string, string> = { Macedonia: 'North Macedonia' };

/** Crimea, as a box: Russian polygons whose every point lies inside it are given to Ukraine. */
const CRIMEA = { west: 32, east: 37, south: 44, north: 46.5 };

interface Country {
  iso3: string;
  name: string;
  /** Polygons, each a list of rings, each a list of arc indices (TopoJSON: ~i is arc i reversed). */
  polygons: number[][][];
}

/** The arcs in absolute lon/lat. */
function decodeArcs(t: Topology): Point[][] {
  const [sx, sy] = t.transform!.scale;
  const [tx, ty] = t.transform!.translate;
  return t.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx!;
      y += dy!;
      return [x * sx + tx, y * sy + ty] as Point;
    });
  });
}

function countriesOf(t: Topology): Country[] {
  const geometries = (t.objects['countries'] as GeometryCollection).geometries;
  return geometries.map((g) => {
    const name = String((g.properties as { name?: unknown } | undefined)?.name ?? '');
    const iso3 = NO_ISO[name] ?? ISO3[String(g.id)];
    if (!iso3) throw new Error(`no ISO3 code for id "${String(g.id)}" (${name}); add it to the ISO3 table`);
    const polygons = g.type === 'Polygon' ? [(g as Polygon).arcs] : g.type === 'MultiPolygon' ? (g as MultiPolygon).arcs : [];
    return { iso3, name: RENAMED[name] ?? name, polygons };
  });
}

/** Moves Crimea's polygons from Russia to Ukraine. */
function crimeaToUkraine(countries: Country[], arcs: Point[][]): void {
  const rus = countries.find((c) => c.iso3 === 'RUS')!;
  const ukr = countries.find((c) => c.iso3 === 'UKR')!;
  const inBox = (polygon: number[][]) =>
    polygon.every((ring) => ring.every((a) => arcs[a < 0 ? ~a : a]!.every(([lon, lat]) => lon >= CRIMEA.west && lon <= CRIMEA.east && lat >= CRIMEA.south && lat <= CRIMEA.north)));
  const moved = rus.polygons.filter(inBox);
  if (moved.length === 0) throw new Error('no Russian polygon inside the Crimea box: check the atlas version');
  rus.polygons = rus.polygons.filter((p) => !moved.includes(p));
  ukr.polygons.push(...moved);
}

/** Distance in degrees (longitude scaled by the cosine of the point's latitude) from p to segment ab. */
function segmentDistance(p: Point, a: Point, b: Point): number {
  const k = Math.cos((p[1] * Math.PI) / 180);
  const ax = (a[0] - p[0]) * k;
  const ay = a[1] - p[1];
  const dx = (b[0] - a[0]) * k;
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/** Douglas–Peucker on an open polyline; the endpoints are always kept. */
function simplify(points: Point[], tolerance: number): Point[] {
  if (points.length < 3) return points;
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = keep[points.length - 1] = true;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let worst = -1;
    let worstDistance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance(points[i]!, points[first]!, points[last]!);
      if (d > worstDistance) [worst, worstDistance] = [i, d];
    }
    if (worst < 0) continue;
    keep[worst] = true;
    stack.push([first, worst], [worst, last]);
  }
  return points.filter((_, i) => keep[i]);
}

/**
 * Simplifies one arc. An arc that closes on itself (an island's whole coast) keeps at least three
 * distinct points, so its ring never collapses into a line.
 */
function simplifyArc(arc: Point[]): Point[] {
  const out = simplify(arc, TOLERANCE);
  const closed = arc.length > 3 && arc[0]![0] === arc[arc.length - 1]![0] && arc[0]![1] === arc[arc.length - 1]![1];
  if (!closed || out.length >= 4) return out;
  const n = arc.length - 1;
  return [arc[0]!, arc[Math.floor(n / 3)]!, arc[Math.floor((2 * n) / 3)]!, arc[n]!];
}

/** Rounds to the grid and drops points that land on their predecessor (the endpoints stay). */
function quantize(points: Point[]): [number, number][] {
  const out: [number, number][] = [];
  points.forEach(([lon, lat], i) => {
    const q: [number, number] = [Math.round((lon + 180) * GRID), Math.round((lat + 90) * GRID)];
    const prev = out[out.length - 1];
    if (prev && prev[0] === q[0] && prev[1] === q[1] && i < points.length - 1) return;
    if (prev && prev[0] === q[0] && prev[1] === q[1]) out.pop();
    out.push(q);
  });
  return out.length >= 2 ? out : [out[0]!, out[0]!];
}

/** Delta-encodes quantized points (TopoJSON's arc encoding). */
function deltas(points: [number, number][]): [number, number][] {
  let px = 0;
  let py = 0;
  return points.map(([x, y]) => {
    const d: [number, number] = [x - px, y - py];
    px = x;
    py = y;
    return d;
  });
}

/** JSON with one list entry per line: compact, yet diffs stay readable. */
function formatJson(data: Record<string, unknown>, listKeys: string[]): string {
  const entries = Object.entries(data).map(([key, value]) => {
    const body = listKeys.includes(key) && Array.isArray(value) ? `[\n${value.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]` : JSON.stringify(value);
    return `  ${JSON.stringify(key)}: ${body}`;
  });
  return `{\n${entries.join(',\n')}\n}\n`;
}

function main(): void {
  const atlasVersion = (JSON.parse(readFileSync(join(ATLAS_DIR, 'package.json'), 'utf8')) as { version: string }).version;
  const source = `Natural Earth 1:50m admin-0 countries via world-atlas@${atlasVersion} (countries-50m.json), public domain; arcs simplified to ${TOLERANCE}° and rounded to 1/${GRID}°; Crimea with Ukraine`;
  const input = JSON.parse(readFileSync(join(ATLAS_DIR, 'countries-50m.json'), 'utf8')) as Topology;
  const arcs = decodeArcs(input);
  const countries = countriesOf(input);
  crimeaToUkraine(countries, arcs);
  const codes = new Set<string>();
  for (const c of countries) {
    if (codes.has(c.iso3)) throw new Error(`two features share the code ${c.iso3}`);
    codes.add(c.iso3);
  }
  countries.sort((a, b) => a.iso3.localeCompare(b.iso3));

  const quantized = arcs.map((arc) => quantize(simplifyArc(arc)));
  const world = {
    type: 'Topology',
    source,
    transform: { scale: [1 / GRID, 1 / GRID], translate: [-180, -90] },
    objects: {
      countries: {
        type: 'GeometryCollection',
        geometries: countries.map((c) => ({ type: 'MultiPolygon', id: c.iso3, properties: { name: c.name }, arcs: c.polygons })),
      },
    },
    arcs: quantized.map(deltas),
  };
  // A ring simplified past recognition could wind the wrong way, and d3 would fill the rest of the globe.
  // Each country's lon/lat box is stored with it, so the map need not compute it to pick the countries
  // in view.
  const features = feature(world as unknown as Topology, world.objects.countries as GeometryCollection).features;
  features.forEach((f, i) => {
    const polygons = f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [];
    for (const coordinates of polygons) {
      if (geoArea({ type: 'Polygon', coordinates }) > 2 * Math.PI) throw new Error(`a polygon of ${String(f.id)} winds the wrong way after simplification`);
    }
    const [[w, south], [e, north]] = geoBounds(f.geometry);
    const r = (v: number) => Math.round(v * GRID) / GRID + 0;
    (world.objects.countries.geometries[i]!.properties as { bbox?: number[] }).bbox = [r(w), r(south), r(e), r(north)];
  });
  mkdirSync(dirname(WORLD_OUT), { recursive: true });
  const worldText = formatJson(world, ['arcs']);
  writeFileSync(WORLD_OUT, worldText);

  // The shared land borders, from the same (simplified, quantized) arcs: for each pair of countries whose
  // polygons use the same arc, topojson's mesh stitches those arcs into lines.
  const topology = world as unknown as Topology;
  const collection = topology.objects['countries'] as GeometryCollection;
  const owners = new Map<number, Set<string>>();
  for (const g of collection.geometries as (GeometryObject & { arcs: number[][][] })[]) {
    for (const polygon of g.arcs) for (const ring of polygon) for (const a of ring) {
      const i = a < 0 ? ~a : a;
      if (!owners.has(i)) owners.set(i, new Set());
      owners.get(i)!.add(String(g.id));
    }
  }
  const pairs = new Set<string>();
  for (const set of owners.values()) {
    if (set.size !== 2) continue;
    pairs.add([...set].sort().join('|'));
  }
  const borders = [...pairs].sort().map((key) => {
    const [a, b] = key.split('|') as [string, string];
    const lines = mesh(topology, collection, (x, y) => x !== y && ((x.id === a && y.id === b) || (x.id === b && y.id === a))).coordinates as Point[][];
    // Back on the grid (mesh returns degrees), delta-encoded and flattened: [x0, y0, dx1, dy1, ...].
    const encoded = lines.map((line) => deltas(line.map(([lon, lat]) => [Math.round((lon + 180) * GRID), Math.round((lat + 90) * GRID)] as [number, number])).flat());
    return { a, b, lines: encoded };
  });
  const bordersOut = {
    source,
    grid: GRID,
    countries: countries.map((c) => [c.iso3, c.name]),
    borders,
  };
  const bordersText = formatJson(bordersOut, ['countries', 'borders']);
  writeFileSync(BORDERS_OUT, bordersText);
  const kb = (s: string) => `${(s.length / 1024).toFixed(1)} KB`;
  console.log(`wrote ${WORLD_OUT}: ${countries.length} countries, ${quantized.reduce((n, a) => n + a.length, 0)} points, ${kb(worldText)}`);
  console.log(`wrote ${BORDERS_OUT}: ${borders.length} shared land borders, ${kb(bordersText)}`);
}

main();
