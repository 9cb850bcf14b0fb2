// Checks the generated map asset (assets/map/region.json, made by scripts/prepare-map.ts): the expected
// countries and borders are there, geometry stays inside the viewport, and the stored projection parameters
// reproduce the projection the outlines were drawn with.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { geoConicConformal } from 'd3-geo';
import { describe, expect, it } from 'vitest';

interface RegionAsset {
  width: number;
  height: number;
  projection: {
    type: string;
    rotate: number[];
    center: [number, number];
    parallels: [number, number];
    scale: number;
    translate: [number, number];
  };
  countries: Array<{ id: string; iso3: string; name: string; rings: number[][]; labelX: number; labelY: number }>;
  borders: Array<{ a: string; b: string; line: number[] }>;
  bordersLonLat: Array<{ a: string; b: string; points: Array<[number, number]> }>;
}

const region = JSON.parse(
  readFileSync(fileURLToPath(new URL('../assets/map/region.json', import.meta.url)), 'utf8'),
) as RegionAsset;

const EXPECTED = ['POL', 'LTU', 'LVA', 'EST', 'BLR', 'UKR', 'RUS', 'MDA', 'ROU', 'SVK', 'HUN', 'DEU', 'FIN', 'SWE'];
const BORDER_PAIRS = [
  ['BLR', 'UKR'], ['BLR', 'POL'], ['BLR', 'LTU'], ['BLR', 'LVA'],
  ['BLR', 'RUS'], ['UKR', 'RUS'], ['POL', 'LTU'], ['POL', 'UKR'],
];

function project(lon: number, lat: number): [number, number] {
  const p = region.projection;
  expect(p.type).toBe('geoConicConformal');
  const projection = geoConicConformal()
    .rotate(p.rotate as [number, number])
    .center(p.center)
    .parallels(p.parallels)
    .scale(p.scale)
    .translate(p.translate);
  const xy = projection([lon, lat]);
  if (!xy) throw new Error(`cannot project ${lon},${lat}`);
  return xy;
}

/** Even–odd point-in-polygon over flat [x0, y0, x1, y1, ...] rings (holes included). */
function inRings(x: number, y: number, rings: number[][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
      const [xi, yi, xj, yj] = [ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

const country = (iso3: string) => {
  const found = region.countries.find((c) => c.iso3 === iso3);
  if (!found) throw new Error(`missing country ${iso3}`);
  return found;
};

const inViewport = (x: number, y: number): boolean =>
  x >= 0 && x <= region.width && y >= 0 && y <= region.height;

describe('assets/map/region.json', () => {
  it('has the viewport size and projection parameters', () => {
    expect(region.width).toBe(1000);
    expect(region.height).toBe(720);
    const p = region.projection;
    expect(p.rotate.length).toBeGreaterThanOrEqual(2);
    expect(p.center).toHaveLength(2);
    expect(p.parallels).toHaveLength(2);
    expect(p.scale).toBeGreaterThan(0);
    expect(p.translate).toHaveLength(2);
  });

  it('contains every country of the crisis region, with ids and names', () => {
    for (const iso3 of EXPECTED) {
      const c = country(iso3);
      expect(c.id).toMatch(/^\d{3}$/);
      expect(c.name.length).toBeGreaterThan(0);
    }
    expect(new Set(region.countries.map((c) => c.iso3)).size).toBe(region.countries.length);
  });

  it('keeps all rings non-empty, flat, and inside the viewport', () => {
    for (const c of region.countries) {
      expect(c.rings.length, c.iso3).toBeGreaterThan(0);
      for (const ring of c.rings) {
        expect(ring.length % 2, c.iso3).toBe(0);
        expect(ring.length, c.iso3).toBeGreaterThanOrEqual(6);
        for (let i = 0; i < ring.length; i += 2) expect(inViewport(ring[i]!, ring[i + 1]!), c.iso3).toBe(true);
      }
      expect(inViewport(c.labelX, c.labelY), `${c.iso3} label`).toBe(true);
    }
  });

  it('places Minsk inside Belarus using the stored projection', () => {
    const [x, y] = project(27.56, 53.9);
    expect(inRings(x, y, country('BLR').rings)).toBe(true);
    expect(inRings(x, y, country('UKR').rings)).toBe(false);
  });

  it('places other capitals in their countries', () => {
    const capitals: Array<[string, number, number]> = [
      ['UKR', 30.52, 50.45], ['RUS', 37.62, 55.75], ['POL', 21.01, 52.23], ['LTU', 25.28, 54.69],
    ];
    for (const [iso3, lon, lat] of capitals) {
      const [x, y] = project(lon, lat);
      expect(inRings(x, y, country(iso3).rings), iso3).toBe(true);
    }
  });

  it('puts labels inside their country, Russia near Moscow', () => {
    for (const iso3 of EXPECTED) {
      const c = country(iso3);
      expect(inRings(c.labelX, c.labelY, c.rings), iso3).toBe(true);
    }
    const [mx, my] = project(38, 56.5);
    expect(Math.hypot(country('RUS').labelX - mx, country('RUS').labelY - my)).toBeLessThan(1);
  });

  it('has the requested land borders, inside the viewport', () => {
    for (const [a, b] of BORDER_PAIRS) {
      const lines = region.borders.filter((border) => border.a === a && border.b === b);
      expect(lines.length, `${a}-${b}`).toBeGreaterThan(0);
      for (const { line } of lines) {
        expect(line.length).toBeGreaterThanOrEqual(4);
        for (let i = 0; i < line.length; i += 2) expect(inViewport(line[i]!, line[i + 1]!)).toBe(true);
      }
    }
  });

  it('has a short lon/lat Belarus–Ukraine border along the ~51.5°N line', () => {
    const [border] = region.bordersLonLat.filter((x) => x.a === 'BLR' && x.b === 'UKR');
    if (!border) throw new Error('missing BLR-UKR lon/lat border');
    expect(border.points.length).toBeGreaterThan(10);
    expect(border.points.length).toBeLessThanOrEqual(60);
    for (const [lon, lat] of border.points) {
      expect(lon).toBeGreaterThan(23);
      expect(lon).toBeLessThan(32);
      expect(lat).toBeGreaterThan(51);
      expect(lat).toBeLessThan(52.5);
      expect(Math.round(lon * 1000) / 1000).toBe(lon);
    }
  });
});
