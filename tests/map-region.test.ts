// The map's region follows the scenario (src/game/map/region.ts, issue 17 part 1): the box fits every
// place the map must show with its margin and is widened to a landscape shape; the projection is a conic
// in middle latitudes and Mercator near the equator, unless the scenario's map section says otherwise;
// a region across the 180° meridian stays one small box; the countries kept are those in view (with
// Crimea drawn with Ukraine); the actors' tints (src/game/map/palette.ts) are a named table; and the lon/lat
// box a part of the viewport shows (the hook's bounds) holds what is drawn there.
import { describe, expect, it } from 'vitest';
import { scenarioView } from '../src/sim/index';
import { boxContains, fitBounds, lonInterval, lonSpan, MapRegion, MIN_ASPECT, MIN_MARGIN, MARGIN_SHARE, PLACES_UNITS, type RegionSpec } from '../src/game/map/region';
import { worldCountries } from '../src/game/map/world';
import { hex, tints, LAND } from '../src/game/map/palette';
import { load, DEFAULT, MINI } from './helpers';

const FAR = 'tests/fixtures/far-crisis.yaml';
const RIVER_DAM = 'docs/examples/river-dam.yaml';

/** The map's spec of a scenario file, as the store hands it to the map. */
const specOf = (file: string): RegionSpec => scenarioView(load(file)).map;

function inRings(x: number, y: number, rings: number[][]): boolean {
  let inside = false;
  for (const r of rings) {
    for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
      const [xi, yi, xj, yj] = [r[i]!, r[i + 1]!, r[j]!, r[j + 1]!];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Each bundled or test scenario: where its map is and how it is drawn. */
const REGIONS: { name: string; file: string; kind: string; countries: string[]; notDrawn: string[] }[] = [
  { name: 'Allied Resolve 2022: eastern Europe, in a conic', file: DEFAULT, kind: 'conic', countries: ['BLR', 'UKR', 'RUS', 'POL', 'LTU', 'LVA', 'EST', 'MDA', 'ROU', 'DEU'], notDrawn: ['USA', 'VEN'] },
  { name: 'the far fixture: the Guiana Shield, near the equator, in Mercator', file: FAR, kind: 'mercator', countries: ['VEN', 'GUY', 'BRA', 'TTO', 'COL', 'SUR'], notDrawn: ['BLR', 'USA', 'UKR'] },
  { name: 'the guide’s river dam: made-up actors in the middle of Australia', file: RIVER_DAM, kind: 'mercator', countries: ['AUS'], notDrawn: ['DEU', 'POL'] },
  { name: 'the mini fixture: no countries, central Europe', file: MINI, kind: 'conic', countries: ['DEU'], notDrawn: ['AUS'] },
];

describe('the region fits the scenario', () => {
  it.each(REGIONS)('$name', ({ file, kind, countries, notDrawn }) => {
    const spec = specOf(file);
    const region = new MapRegion(spec);
    expect(region.kind).toBe(kind);
    const fitted = fitBounds(spec.fit);
    const midLat = (fitted.south + fitted.north) / 2;
    const lats = spec.fit.map((p) => p.lat);
    const margin = Math.max(MIN_MARGIN, MARGIN_SHARE * Math.max(lonSpan({ ...lonInterval(spec.fit.map((p) => p.lon)), south: 0, north: 0 }) * Math.cos((midLat * Math.PI) / 180), Math.max(...lats) - Math.min(...lats)));
    for (const p of spec.fit) {
      // Every place in the box, at least the margin from its north and south edges, and inside the viewport.
      expect(boxContains(region.bounds, p.lon, p.lat), `${p.lon}, ${p.lat}`).toBe(true);
      expect(p.lat - region.bounds.south).toBeGreaterThanOrEqual(margin - 1e-6);
      expect(region.bounds.north - p.lat).toBeGreaterThanOrEqual(margin - 1e-6);
      expect(region.inside(p.lon, p.lat)).toBe(true);
      expect(boxContains(region.extent, p.lon, p.lat)).toBe(true);
    }
    // Widened to a landscape shape; the places' box is PLACES_UNITS on its longer side.
    expect(region.width / region.height).toBeGreaterThanOrEqual(MIN_ASPECT * 0.98);
    expect(Math.min(region.width, region.height)).toBeGreaterThanOrEqual(PLACES_UNITS * 0.3);
    const drawn = region.countriesInView(worldCountries()).map((c) => c.iso3);
    expect(drawn).toEqual(expect.arrayContaining(countries));
    for (const c of notDrawn) expect(drawn).not.toContain(c);
  });

  it('keeps the places of the old map where they were: Warsaw to Moscow is the same 356 map units as on the stored map of issue 16', () => {
    const region = new MapRegion(specOf(DEFAULT));
    const warsaw = region.project(21.01, 52.23);
    const moscow = region.project(37.62, 55.76);
    expect(Math.hypot(moscow.x - warsaw.x, moscow.y - warsaw.y)).toBeCloseTo(Math.hypot(720.49 - 364.57, 218.82 - 359.93), -1);
  });

  it('honours the map section: its bounds as they are, its projection', () => {
    const bounds = { west: 118, east: 124, south: 21, north: 27 };
    const region = new MapRegion({ bounds, projection: 'equirectangular', fit: [{ lon: 121.5, lat: 25.03 }] });
    expect(region.bounds).toEqual(bounds);
    expect(region.kind).toBe('equirectangular');
    // Not widened: 6° by 6° at 24°N in plate carrée is square.
    expect(region.width).toBe(PLACES_UNITS);
    expect(region.height).toBe(PLACES_UNITS);
    expect(region.countriesInView(worldCountries()).map((c) => c.iso3)).toEqual(expect.arrayContaining(['TWN', 'CHN']));
  });

  it('fits a region across the 180° meridian as one small box (Fiji and Tonga)', () => {
    const fit = [
      { lon: 178.44, lat: -18.14 },
      { lon: -175.2, lat: -21.14 },
      { lon: 179.9, lat: -16.5 },
    ];
    expect(lonInterval(fit.map((p) => p.lon))).toEqual({ west: 178.44, east: -175.2 });
    const region = new MapRegion({ bounds: null, projection: null, fit });
    expect(region.bounds.west).toBeGreaterThan(region.bounds.east);
    expect(lonSpan(region.bounds)).toBeLessThan(60);
    for (const p of fit) expect(region.inside(p.lon, p.lat)).toBe(true);
    const drawn = region.countriesInView(worldCountries()).map((c) => c.iso3);
    expect(drawn).toEqual(expect.arrayContaining(['FJI', 'TON']));
    const box = region.boxOf(0, 0, region.width, region.height);
    expect(box.west).toBeGreaterThan(box.east);
  });

  it('keeps only the countries in view, each clipped to the viewport, the largest first', () => {
    const region = new MapRegion(specOf(FAR));
    const drawn = region.countriesInView(worldCountries());
    expect(drawn.length).toBeLessThan(20);
    for (const c of drawn) {
      for (const r of c.rings) for (let i = 0; i < r.length; i += 2) {
        expect(r[i]!).toBeGreaterThanOrEqual(-0.05);
        expect(r[i]!).toBeLessThanOrEqual(region.width + 0.05);
        expect(r[i + 1]!).toBeGreaterThanOrEqual(-0.05);
        expect(r[i + 1]!).toBeLessThanOrEqual(region.height + 0.05);
      }
    }
    expect(drawn.map((c) => c.area)).toEqual([...drawn.map((c) => c.area)].sort((a, b) => b - a));
    // Each capital of the file lies in its own country's rings.
    const at = (iso3: string, lon: number, lat: number) => {
      const p = region.project(lon, lat);
      return inRings(p.x, p.y, drawn.find((c) => c.iso3 === iso3)!.rings);
    };
    expect(at('VEN', -66.9, 10.48)).toBe(true);
    expect(at('GUY', -58.16, 6.8)).toBe(true);
    expect(at('BRA', -60.67, 2.82)).toBe(true);
    expect(at('VEN', -58.16, 6.8)).toBe(false);
  });

  it('draws Crimea with Ukraine (Simferopol in Ukraine\'s rings, not Russia\'s)', () => {
    const region = new MapRegion({ bounds: { west: 30, east: 40, south: 43, north: 48 }, projection: null, fit: [] });
    const drawn = region.countriesInView(worldCountries());
    const p = region.project(34.1, 44.95);
    expect(inRings(p.x, p.y, drawn.find((c) => c.iso3 === 'UKR')!.rings)).toBe(true);
    expect(inRings(p.x, p.y, drawn.find((c) => c.iso3 === 'RUS')!.rings)).toBe(false);
  });

  it('says which lon/lat box a part of the viewport shows: the whole holds the region, a part is smaller', () => {
    const region = new MapRegion(specOf(DEFAULT));
    const whole = region.boxOf(0, 0, region.width, region.height);
    for (const [lon, lat] of [[region.bounds.west, region.bounds.south], [region.bounds.east, region.bounds.north]] as const) expect(boxContains(whole, lon, lat, 0.01)).toBe(true);
    const part = region.boxOf(region.width * 0.4, region.height * 0.4, region.width * 0.6, region.height * 0.6);
    expect(lonSpan(part)).toBeLessThan(lonSpan(whole) / 3);
    const centre = region.unproject(region.width / 2, region.height / 2);
    expect(boxContains(part, centre.lon, centre.lat)).toBe(true);
    // Beyond the viewport is cut off: a box reaching past it shows what the whole does.
    expect(region.boxOf(-500, -500, region.width + 500, region.height + 500)).toEqual(whole);
  });
});

/**
 * The actors' tints: the land colour with a share of each actor's colour, at one lightness; an actor
 * whose hue is near an earlier one's (Russia's dark red after Belarus's red) takes the next lightness.
 */
const TINTS: { name: string; colours: string[]; fills: string[] }[] = [
  {
    name: 'Allied Resolve: Belarus, Russia, Ukraine, the United States, Poland, the Baltic states',
    colours: ['#c0392b', '#8e1b1b', '#e0b000', '#3c78d8', '#d65f86', '#2a9d8f'],
    fills: ['#392c33', '#2e252f', '#2f3022', '#203149', '#3e3445', '#1b343a'],
  },
  { name: 'one actor alone takes the first lightness', colours: ['#8e1b1b'], fills: ['#362c37'] },
];

describe('the tint of the actors’ countries', () => {
  it.each(TINTS)('$name', ({ colours, fills }) => {
    expect(tints(colours).map(hex)).toEqual(fills);
  });

  it('lifts every tint above the neutral land, and keeps near hues apart by lightness', () => {
    const lum = (c: number) => 0.2126 * ((c >> 16) & 255) + 0.7152 * ((c >> 8) & 255) + 0.0722 * (c & 255);
    const [belarus, russia, ukraine] = tints(['#c0392b', '#8e1b1b', '#e0b000']);
    for (const c of [belarus!, russia!, ukraine!]) expect(lum(c)).toBeGreaterThan(lum(LAND));
    // A yellow and a red actor at one lightness (within rounding).
    expect(Math.abs(lum(belarus!) - lum(ukraine!))).toBeLessThan(1.5);
    // Belarus and Russia, two reds, do not: Russia is darker.
    expect(lum(belarus!) - lum(russia!)).toBeGreaterThan(5);
  });
});
