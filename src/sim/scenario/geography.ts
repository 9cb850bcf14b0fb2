// A scenario's geography against the atlas: the checks of `actors[].countries` (known codes, one actor
// per country), of `borders` without a line (both actors own countries that share a land border) and of
// `map.bounds`; and the borders the model measures by: the borders listed, with the atlas's land border
// filled in where a border has no line, and, unless `map.borders` is `listed`, a border for every other
// pair of actors whose countries share one. A border in several pieces becomes one entry per piece
// (the model takes the nearest piece of a pair).
import type { ScenarioData } from './schema';
import type { Problem } from './zod-issues';
import { atlasCodes, atlasName, sharedBorder, type LonLat } from '../atlas';

type Border = ScenarioData['borders'][number];

/** "did you mean BHS (Bahamas), BLR (Belarus) or BLZ (Belize)?" (the codes one letter away), or where to find the codes. */
function codeHint(code: string): string {
  const codes = atlasCodes();
  const byName = codes.filter((c) => atlasName(c)?.toUpperCase().startsWith(code));
  const near = byName.length > 0 ? byName : codes.filter((c) => [...c].filter((ch, i) => ch !== code[i]).length === 1);
  const where = 'codes are ISO 3166 alpha-3, as Natural Earth has them (e.g. BLR, UKR, USA; XKX for Kosovo)';
  if (near.length === 0) return where;
  const named = near.slice(0, 5).map((c) => `${c} (${atlasName(c)})`);
  return `did you mean ${named.length > 1 ? `${named.slice(0, -1).join(', ')} or ${named[named.length - 1]}` : named[0]}? ${where}`;
}

/** Every problem of the scenario's geography, with its path and a hint. */
export function geographyProblems(s: ScenarioData): Problem[] {
  const out: Problem[] = [];
  const owner = new Map<string, string>();
  s.actors.forEach((a, i) => {
    const seen = new Set<string>();
    (a.countries ?? []).forEach((code, j) => {
      const path = ['actors', i, 'countries', j];
      if (atlasName(code) === undefined) out.push({ path, message: `unknown country code '${code}'`, hint: codeHint(code) });
      else if (seen.has(code)) out.push({ path, message: `${code} is listed twice`, hint: 'list each country once' });
      else if (owner.has(code) && owner.get(code) !== a.id) {
        out.push({ path, message: `${code} (${atlasName(code)}) is already ${owner.get(code)}'s`, hint: "a country belongs to one actor at most: an alliance's members that act on their own are actors with their own countries" });
      } else owner.set(code, a.id);
      seen.add(code);
    });
  });
  const countriesOf = new Map(s.actors.map((a) => [a.id, a.countries ?? []]));
  s.borders.forEach((b, i) => {
    if (b.line) return;
    const [a, c] = b.between;
    const lacking = [a, c].find((x) => countriesOf.has(x) && (countriesOf.get(x) ?? []).length === 0);
    if (lacking !== undefined) {
      out.push({ path: ['borders', i], message: `border '${b.id}' has no line, and ${lacking} has no countries to take it from the atlas`, hint: `give ${lacking} countries: [ISO codes], or draw the border with line: [[lon, lat], …]` });
    } else if (countriesOf.has(a) && countriesOf.has(c) && sharedBorder(countriesOf.get(a)!, countriesOf.get(c)!).length === 0) {
      out.push({ path: ['borders', i], message: `border '${b.id}' has no line, and ${a}'s countries share no land border with ${c}'s in the atlas`, hint: 'draw it with line: [[lon, lat], …] (a coast, a sea or a front is not a land border)' });
    }
  });
  const bounds = s.map?.bounds;
  if (bounds && bounds.south >= bounds.north) {
    out.push({ path: ['map', 'bounds'], message: `south (${bounds.south}) is not below north (${bounds.north})`, hint: 'south and north are latitudes, south the smaller' });
  }
  if (bounds && bounds.west === bounds.east) {
    out.push({ path: ['map', 'bounds'], message: 'west and east are the same longitude', hint: 'west is the western edge; it is greater than east only for a region across the 180° meridian' });
  }
  return out;
}

/** An id for a new border that no border of the list has yet. */
function freeId(taken: Set<string>, base: string): string {
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
  taken.add(id);
  return id;
}

/** The border entries for the atlas lines of a pair: the first keeps the entry's id, the others get -2, -3… */
function pieces(entry: Omit<Border, 'line'>, lines: LonLat[][], taken: Set<string>): Border[] {
  return lines.map((line, k) => ({ ...entry, id: k === 0 ? entry.id : freeId(taken, `${entry.id}-${k + 1}`), line }));
}

/**
 * The scenario with every border the model measures by, each with its line. Expects a scenario whose
 * geography has no problems (geographyProblems). Idempotent: a resolved scenario resolves to itself.
 */
export function withAtlasBorders(s: ScenarioData): ScenarioData {
  const countriesOf = new Map(s.actors.map((a) => [a.id, a.countries ?? []]));
  if (![...countriesOf.values()].some((c) => c.length > 0)) return s;
  const taken = new Set(s.borders.map((b) => b.id));
  const key = (a: string, b: string) => [a, b].sort().join('|');
  const listed = new Set(s.borders.map((b) => key(b.between[0], b.between[1])));
  const borders: Border[] = [];
  let changed = false;
  for (const b of s.borders) {
    if (b.line) borders.push(b);
    else {
      borders.push(...pieces(b, sharedBorder(countriesOf.get(b.between[0]) ?? [], countriesOf.get(b.between[1]) ?? []), taken));
      changed = true;
    }
  }
  if ((s.map?.borders ?? 'atlas') === 'atlas') {
    const owners = s.actors.filter((a) => (a.countries ?? []).length > 0);
    for (let i = 0; i < owners.length; i++) {
      for (let j = i + 1; j < owners.length; j++) {
        const [a, c] = [owners[i]!, owners[j]!];
        if (listed.has(key(a.id, c.id))) continue;
        const lines = sharedBorder(a.countries!, c.countries!);
        if (lines.length === 0) continue;
        borders.push(...pieces({ id: freeId(taken, `${a.id}-${c.id}`), name: `${a.name}–${c.name} border`, between: [a.id, c.id] }, lines, taken));
        changed = true;
      }
    }
  }
  return changed ? { ...s, borders } : s;
}
