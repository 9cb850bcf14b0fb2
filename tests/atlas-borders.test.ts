// Borders from the atlas (issue 17, part 2; src/sim/atlas.ts, src/sim/scenario/geography.ts): "km to the
// border" between two actors' countries is measured on Natural Earth's shared land border, pinned here
// as a named table against Allied Resolve's hand-drawn lines; the loader checks `actors[].countries` and
// line-less borders with clear errors, fills in the atlas's borders (or only the listed ones with
// `map.borders: listed`), lets a drawn line take precedence, and resolves a resolved scenario to itself;
// the map section and the countries stay out of the scenario's hash; and a place near two pieces of one
// pair's border presses once.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, loadScenario, validateData, type Scenario } from '../src/sim/index';
import { atlasCodes, atlasName, sharedBorder } from '../src/sim/atlas';
import { borderDistanceKm } from '../src/sim/geo';
import { load, memoryReader, DEFAULT, MINI } from './helpers';

const FAR = 'tests/fixtures/far-crisis.yaml';
const allied = load(DEFAULT);

/** km from a point to the atlas's border between two sets of countries (the nearest of its lines). */
function atlasKm(a: string[], b: string[], lon: number, lat: number): number {
  return Math.min(...sharedBorder(a, b).map((line) => borderDistanceKm(lon, lat, line)));
}

/** km from an Allied Resolve place to one of its hand-drawn borders. */
function drawnKm(border: string, place: string): number {
  const b = allied.data.borders.find((x) => x.id === border)!;
  const p = allied.data.places.find((x) => x.id === place)!;
  return borderDistanceKm(p.lon, p.lat, b.line!);
}

const BALTICS = ['LTU', 'LVA', 'EST'];

/**
 * Allied Resolve's places, km to the atlas's border and to the scenario's hand-drawn line. They agree
 * within 3 km (the worst: Medininkai and Ivankiv), which is why the scenario keeps its lines (its runs
 * stay as they were).
 */
const DISTANCES: { name: string; place: string; lon: number; lat: number; a: string[]; b: string[]; border: string; atlas: number; drawn: number }[] = [
  { name: 'Mazyr to the Belarus–Ukraine border', place: 'mazyr', lon: 29.25, lat: 52.05, a: ['BLR'], b: ['UKR'], border: 'belarus-ukraine', atlas: 47.8, drawn: 47.8 },
  { name: 'Yelsk (the eastern artillery) to the Belarus–Ukraine border', place: 'yelsk', lon: 29.15, lat: 51.81, a: ['BLR'], b: ['UKR'], border: 'belarus-ukraine', atlas: 20.3, drawn: 20.3 },
  { name: 'Ovruch to the Belarus–Ukraine border', place: 'ovruch', lon: 28.81, lat: 51.32, a: ['UKR'], b: ['BLR'], border: 'belarus-ukraine', atlas: 13.4, drawn: 13.4 },
  { name: 'the Rechytsa–Loyew woods to the Belarus–Ukraine border', place: 'chernihiv-axis', lon: 30.55, lat: 52.28, a: ['BLR'], b: ['UKR'], border: 'belarus-ukraine', atlas: 38.9, drawn: 41.1 },
  { name: 'Ivankiv to the Belarus–Ukraine border', place: 'ivankiv', lon: 29.9, lat: 50.94, a: ['UKR'], b: ['BLR'], border: 'belarus-ukraine', atlas: 52.7, drawn: 55.4 },
  { name: 'Brest to the Belarus–Poland border', place: 'brest', lon: 23.7, lat: 52.1, a: ['BLR'], b: ['POL'], border: 'belarus-poland', atlas: 6.1, drawn: 7.3 },
  { name: 'Hrodna to the Belarus–Poland border', place: 'hrodna', lon: 23.83, lat: 53.68, a: ['BLR'], b: ['POL'], border: 'belarus-poland', atlas: 16.6, drawn: 14.7 },
  { name: 'the Podlasie border zone to the Belarus–Poland border', place: 'podlasie-border', lon: 23.62, lat: 53.35, a: ['POL'], b: ['BLR'], border: 'belarus-poland', atlas: 7.1, drawn: 8.3 },
  { name: 'Vilnius to the Belarus–Baltic border', place: 'vilnius', lon: 25.28, lat: 54.69, a: BALTICS, b: ['BLR'], border: 'belarus-baltics', atlas: 28.3, drawn: 27.1 },
  { name: 'the Medininkai border zone to the Belarus–Baltic border', place: 'medininkai', lon: 25.55, lat: 54.56, a: BALTICS, b: ['BLR'], border: 'belarus-baltics', atlas: 9.5, drawn: 6.6 },
];

describe('km to the border, on the atlas', () => {
  it.each(DISTANCES)('$name: $atlas km (hand-drawn: $drawn km)', ({ place, lon, lat, a, b, border, atlas, drawn }) => {
    expect(atlasKm(a, b, lon, lat)).toBe(atlas);
    expect(drawnKm(border, place)).toBe(drawn);
    expect(Math.abs(atlas - drawn)).toBeLessThanOrEqual(3);
  });

  it('joins lines that meet (Belarus–Lithuania and Belarus–Latvia are one), and keeps apart those that do not', () => {
    expect(sharedBorder(['BLR'], BALTICS)).toHaveLength(1);
    // Kaliningrad–Lithuania, Russia–Latvia and Russia–Estonia.
    expect(sharedBorder(['RUS'], BALTICS)).toHaveLength(3);
    // Crimea is Ukraine's: the Russia–Ukraine border runs from the Sea of Azov to the Belarusian tripoint only.
    const [ruUa] = sharedBorder(['RUS'], ['UKR']);
    expect(sharedBorder(['RUS'], ['UKR'])).toHaveLength(1);
    expect(ruUa!.every(([lon, lat]) => lat > 46.5 && lon > 31)).toBe(true);
    // An island state shares no land border.
    expect(sharedBorder(['TTO'], ['VEN'])).toEqual([]);
    expect(atlasName('XKX')).toBe('Kosovo');
    expect(atlasCodes()).toHaveLength(241);
  });
});

/** Allied Resolve's text with an edit, loaded from memory (its variants' base stays on disk). */
function alliedWith(edit: (text: string) => string): ReturnType<typeof loadScenario> {
  const text = edit(readFileSync(DEFAULT, 'utf8'));
  return loadScenario(DEFAULT, memoryReader({ [DEFAULT]: text }));
}

function ok(r: ReturnType<typeof loadScenario>): Scenario {
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message} — ${e.hint}`).join('\n'));
  return r.scenario;
}

/** Loads Allied Resolve with an edit and returns its one error, as `path: message — hint`. */
function errorOf(edit: (text: string) => string): string {
  const r = alliedWith(edit);
  if (r.ok) throw new Error('loaded without an error');
  expect(r.errors).toHaveLength(1);
  const e = r.errors[0]!;
  return `${e.path}: ${e.message}${e.hint ? ` — ${e.hint}` : ''}`;
}

describe('the loader and the atlas', () => {
  it('fills in the atlas borders of every pair of actors whose countries touch (the far fixture has none drawn)', () => {
    const far = load(FAR);
    expect(far.data.borders.map((b) => [b.id, b.name, b.between.join('|')])).toEqual([
      ['venezuela-guyana', 'Venezuela–Guyana border', 'venezuela|guyana'],
      ['venezuela-brazil', 'Venezuela–Brazil border', 'venezuela|brazil'],
      ['guyana-brazil', 'Guyana–Brazil border', 'guyana|brazil'],
    ]);
    // The Jungle brigade at Tumeremo is 19 km from Guyana, across the Cuyuní.
    const m = compile(far);
    const tumeremo = far.data.places.findIndex((p) => p.id === 'tumeremo');
    expect(m.placeFronts[tumeremo]!.map((f) => [far.data.borders[f.border]!.id, Math.round((1 - f.near) * far.data.rules.borderKm)])).toEqual([['venezuela-guyana', 79]]);
  });

  it('keeps Allied Resolve as it plays: map.borders: listed and its three drawn borders; its hash ignores the countries and the map section', () => {
    expect(allied.data.borders.map((b) => b.id)).toEqual(['belarus-ukraine', 'belarus-poland', 'belarus-baltics']);
    const bare = ok(alliedWith((t) => t.replace(/^ {4}countries: .*\n/gm, '').replace(/^map: .*\n/m, '')));
    expect(bare.data.actors.every((a) => a.countries === undefined)).toBe(true);
    expect(bare.hash).toBe(allied.hash);
  });

  it('with map.borders: atlas, adds the atlas borders of the other pairs, in pieces where the border is, and keeps the drawn ones', () => {
    const atlas = ok(alliedWith((t) => t.replace(/^map: \{ borders: listed \}$/m, 'map: { borders: atlas }')));
    const ids = atlas.data.borders.map((b) => b.id);
    expect(ids.slice(0, 3)).toEqual(['belarus-ukraine', 'belarus-poland', 'belarus-baltics']);
    // The drawn lines took precedence for their pairs: theirs are unchanged.
    expect(atlas.data.borders[0]!.line).toEqual(allied.data.borders[0]!.line);
    expect(ids.slice(3)).toEqual(['belarus-russia', 'russia-ukraine', 'russia-poland', 'russia-baltics', 'russia-baltics-2', 'russia-baltics-3', 'ukraine-poland', 'poland-baltics']);
    // The NATO battlegroup at Orzysz would then face Kaliningrad, 62 km away, and Lithuania: fronts the article does not have.
    const m = compile(atlas);
    const orzysz = atlas.data.places.findIndex((p) => p.id === 'orzysz');
    expect(m.placeFronts[orzysz]!.map((f) => atlas.data.borders[f.border]!.id)).toEqual(['belarus-poland', 'russia-poland', 'poland-baltics']);
    expect(atlas.hash).not.toBe(allied.hash);
  });

  it('takes the atlas line for a border written without one, under its own id and name', () => {
    const s = ok(alliedWith((t) => t.replace(/( {2}- id: belarus-ukraine\n {4}name: Belarus–Ukraine border\n {4}between: \[belarus, ukraine\]\n)(?: {4}#.*\n)* {4}line:\n(?: {6}- \[.*\]\n)+/, '$1')));
    const b = s.data.borders.find((x) => x.id === 'belarus-ukraine')!;
    expect(b.name).toBe('Belarus–Ukraine border');
    expect(b.line).toEqual(sharedBorder(['BLR'], ['UKR'])[0]);
    expect(s.data.borders).toHaveLength(3);
  });

  it('resolves a resolved scenario to itself (tweaks validate the loaded data again)', () => {
    for (const s of [load(FAR), allied, load(MINI)]) {
      const again = validateData(JSON.parse(JSON.stringify(s.data)), [], 'again.yaml');
      expect(again.ok).toBe(true);
      if (again.ok) {
        expect(again.scenario.data.borders).toEqual(s.data.borders);
        expect(again.scenario.hash).toBe(s.hash);
      }
    }
  });

  it('presses once where a place is near two lines of one pair (the nearest counts)', () => {
    const s = ok(alliedWith((t) => t.replace(/^borders:\n/m, 'borders:\n  - { id: belarus-ukraine-far, name: A second line, between: [belarus, ukraine], line: [[29.0, 51.9], [29.5, 51.9]] }\n')));
    const m = compile(s);
    const mazyr = s.data.places.findIndex((p) => p.id === 'mazyr');
    const fronts = m.placeFronts[mazyr]!;
    expect(fronts.map((f) => s.data.borders[f.border]!.id)).toEqual(['belarus-ukraine-far']);
    expect(Math.round((1 - fronts[0]!.near) * s.data.rules.borderKm)).toBe(17);
  });
});

/** Each mistake in the geography, and the error the loader gives (path: message — hint). */
const ERRORS: { name: string; edit: (t: string) => string; error: string }[] = [
  {
    name: 'an unknown country code, with the nearest one',
    edit: (t) => t.replace('countries: [BLR]', 'countries: [BLS]'),
    error: "actors[belarus].countries[0]: unknown country code 'BLS' — did you mean BHS (Bahamas), BLM (St-Barthélemy), BLR (Belarus), BLZ (Belize) or TLS (Timor-Leste)? codes are ISO 3166 alpha-3, as Natural Earth has them (e.g. BLR, UKR, USA; XKX for Kosovo)",
  },
  {
    name: 'a code that is a country’s name, not its code',
    edit: (t) => t.replace('countries: [UKR]', 'countries: [UKRAINE]'),
    error: 'actors[ukraine].countries[0]: country codes are ISO 3166 alpha-3 codes, three capital letters (e.g. UKR)',
  },
  {
    name: 'one country for two actors',
    edit: (t) => t.replace('countries: [LTU, LVA, EST]', 'countries: [LTU, LVA, EST, POL]'),
    error: "actors[baltics].countries[3]: POL (Poland) is already poland's — a country belongs to one actor at most: an alliance's members that act on their own are actors with their own countries",
  },
  {
    name: 'a border without a line between actors with no countries',
    edit: (t) => t.replace(/^borders:\n/m, 'borders:\n  - { id: nato-russia, name: NATO–Russia, between: [nato, russia] }\n'),
    error: "borders[nato-russia]: border 'nato-russia' has no line, and nato has no countries to take it from the atlas — give nato countries: [ISO codes], or draw the border with line: [[lon, lat], …]",
  },
  {
    name: 'a border without a line between countries that do not touch',
    edit: (t) => t.replace(/^borders:\n/m, 'borders:\n  - { id: ukraine-baltics, name: Ukraine–Baltics, between: [ukraine, baltics] }\n'),
    error: "borders[ukraine-baltics]: border 'ukraine-baltics' has no line, and ukraine's countries share no land border with baltics's in the atlas — draw it with line: [[lon, lat], …] (a coast, a sea or a front is not a land border)",
  },
  {
    name: 'map bounds upside down',
    edit: (t) => t.replace('map: { borders: listed }', 'map: { borders: listed, bounds: { west: 10, east: 40, south: 60, north: 45 } }'),
    error: 'map.bounds: south (60) is not below north (45) — south and north are latitudes, south the smaller',
  },
];

describe('geography errors', () => {
  it.each(ERRORS)('$name', ({ edit, error }) => {
    expect(errorOf(edit)).toBe(error);
  });
});
