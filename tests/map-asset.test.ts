// Checks the generated map assets (made by scripts/prepare-map.ts from Natural Earth 1:50m): world.json,
// the whole world as TopoJSON keyed by ISO 3166 alpha-3, and borders.json, every shared land border in
// lon/lat for the model. Every country is there once with its name and lon/lat box; no polygon winds the
// wrong way (d3 would fill the globe); Crimea is Ukraine's; the borders are cut from the world's own arcs
// and name only countries the world has; the Belarus–Ukraine border runs along ~51.5°N.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { geoArea, geoBounds, geoContains } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';

const read = (name: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../assets/map/${name}`, import.meta.url)), 'utf8')) as unknown;
const world = read('world.json') as Topology & { source: string };
const borders = read('borders.json') as { source: string; grid: number; countries: [string, string][]; borders: { a: string; b: string; lines: number[][] }[] };
const collection = world.objects['countries'] as GeometryCollection;
const features = feature(world, collection).features;
const byCode = new Map(features.map((f) => [String(f.id), f]));

/** Decodes one of borders.json's delta-encoded lines to lon/lat. */
function decode(flat: number[]): [number, number][] {
  const out: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i < flat.length; i += 2) {
    x += flat[i]!;
    y += flat[i + 1]!;
    out.push([(x - 180 * borders.grid) / borders.grid, (y - 90 * borders.grid) / borders.grid]);
  }
  return out;
}

describe('assets/map/world.json', () => {
  it('is Natural Earth 1:50m as a quantized TopoJSON on a 0.01° grid', () => {
    expect(world.type).toBe('Topology');
    expect(world.source).toMatch(/^Natural Earth 1:50m .*world-atlas@2\.0\.2.*public domain/);
    expect(world.transform).toEqual({ scale: [0.01, 0.01], translate: [-180, -90] });
  });

  it('has every country once, keyed by a three-letter code, with a name', () => {
    expect(features).toHaveLength(241);
    expect(byCode.size).toBe(241);
    for (const f of features) {
      expect(String(f.id)).toMatch(/^[A-Z]{3}$/);
      expect(String((f.properties as { name: string }).name).length).toBeGreaterThan(0);
    }
    const named = (code: string) => (byCode.get(code)!.properties as { name: string }).name;
    expect([named('BLR'), named('UKR'), named('TWN'), named('XKX'), named('MKD'), named('VEN')]).toEqual(['Belarus', 'Ukraine', 'Taiwan', 'Kosovo', 'North Macedonia', 'Venezuela']);
  });

  it('winds every polygon the right way, and stores each country’s lon/lat box', () => {
    for (const f of features) {
      for (const coordinates of (f.geometry as MultiPolygon).coordinates) expect(geoArea({ type: 'Polygon', coordinates }), String(f.id)).toBeLessThan(2 * Math.PI);
      const [[w, s], [e, n]] = geoBounds(f.geometry);
      const bbox = (f.properties as { bbox: number[] }).bbox;
      expect(bbox.map((v, i) => Math.abs(v - [w, s, e, n][i]!) <= 0.006)).toEqual([true, true, true, true]);
    }
  });

  it('puts capitals in their countries, and Crimea in Ukraine', () => {
    const capitals: [string, number, number][] = [['BLR', 27.56, 53.9], ['UKR', 30.52, 50.45], ['RUS', 37.62, 55.75], ['POL', 21.01, 52.23], ['LTU', 25.28, 54.69], ['VEN', -66.9, 10.48], ['TWN', 121.56, 25.03]];
    for (const [code, lon, lat] of capitals) expect(geoContains(byCode.get(code)!, [lon, lat]), code).toBe(true);
    expect(geoContains(byCode.get('UKR')!, [34.1, 44.95])).toBe(true);
    expect(geoContains(byCode.get('RUS')!, [34.1, 44.95])).toBe(false);
  });
});

describe('assets/map/borders.json', () => {
  it('names the same countries as the world, with the same names', () => {
    expect(borders.source).toBe(world.source);
    expect(borders.countries.map(([code]) => code)).toEqual([...byCode.keys()].sort());
    for (const [code, name] of borders.countries) expect((byCode.get(code)!.properties as { name: string }).name).toBe(name);
  });

  it('holds every shared land border once, between two known countries, cut from the world’s arcs', () => {
    expect(borders.borders.length).toBeGreaterThan(300);
    const keys = borders.borders.map((b) => `${b.a}|${b.b}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const b of borders.borders) {
      expect(b.a < b.b).toBe(true);
      expect(byCode.has(b.a) && byCode.has(b.b)).toBe(true);
    }
    const blrUkr = borders.borders.find((b) => b.a === 'BLR' && b.b === 'UKR')!;
    const fromWorld = mesh(world, collection, (x, y) => x !== y && [x.id, y.id].sort().join('|') === 'BLR|UKR').coordinates;
    expect(blrUkr.lines.map(decode)).toEqual(fromWorld.map((l) => l.map(([lon, lat]) => [Math.round(lon! * 100) / 100, Math.round(lat! * 100) / 100])));
    // Crimea's isthmus is no border: Russia and Ukraine meet on the mainland only.
    const ruUa = borders.borders.find((b) => b.a === 'RUS' && b.b === 'UKR')!;
    for (const [, lat] of ruUa.lines.flatMap(decode)) expect(lat).toBeGreaterThan(46.5);
  });

  it('has the Belarus–Ukraine border along the ~51.5°N line, on the 0.01° grid', () => {
    const points = borders.borders.find((b) => b.a === 'BLR' && b.b === 'UKR')!.lines.flatMap(decode);
    expect(points.length).toBeGreaterThan(30);
    for (const [lon, lat] of points) {
      expect(lon).toBeGreaterThan(23);
      expect(lon).toBeLessThan(32);
      expect(lat).toBeGreaterThan(51);
      expect(lat).toBeLessThan(52.5);
      expect(Math.round(lon * 100) / 100).toBe(lon);
    }
  });
});
