// The world the map draws from: assets/map/world.json (Natural Earth 1:50m countries, simplified and
// keyed by ISO 3166 alpha-3 by scripts/prepare-map.ts), decoded with topojson-client on first use. It
// is part of the map's lazy chunk, never of the first screen. Each country comes with its lon/lat
// bounding box (stored in the asset), so a region keeps only the countries that can be in view before
// projecting any.
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MultiLineString, MultiPolygon } from 'geojson';
import world from '../../../assets/map/world.json';

export interface WorldCountry {
  iso3: string;
  name: string;
  geometry: MultiPolygon;
  /** [[west, south], [east, north]] (west > east when it crosses the 180° meridian), d3's geoBounds at build time. */
  bounds: [[number, number], [number, number]];
}

const topology = world as unknown as Topology;
const collection = topology.objects['countries'] as GeometryCollection;
let countries: WorldCountry[] | null = null;

/** Every country of the world, decoded once. */
export function worldCountries(): WorldCountry[] {
  if (countries) return countries;
  countries = feature(topology, collection).features.map((f) => {
    const geometry = f.geometry as MultiPolygon;
    const props = (f.properties ?? {}) as { name?: string; bbox?: [number, number, number, number] };
    const b = props.bbox ?? [-180, -90, 180, 90];
    return { iso3: String(f.id), name: props.name ?? String(f.id), geometry, bounds: [[b[0], b[1]], [b[2], b[3]]] };
  });
  return countries;
}

/** The land borders between two countries of which at least one is in `owned`, in lon/lat. */
export function ownedBorders(owned: ReadonlySet<string>): MultiLineString {
  return mesh(topology, collection, (a, b) => a !== b && (owned.has(String(a.id)) || owned.has(String(b.id))));
}
