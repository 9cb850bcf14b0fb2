// The atlas as the model reads it: the codes and names of Natural Earth's countries (to check
// `actors[].countries`) and every land border two countries share, as lon/lat polylines. The data is
// assets/map/borders.json, made by scripts/prepare-map.ts from the same simplified arcs the map draws,
// bundled as plain data (no file access) and decoded on first use.
import data from '../../assets/map/borders.json' with { type: 'json' };

export type LonLat = [number, number];

interface AtlasFile {
  grid: number;
  countries: string[][];
  borders: { a: string; b: string; lines: number[][] }[];
}

interface Atlas {
  /** ISO 3166 alpha-3 (or Natural Earth's code, for the few places without one) → name. */
  names: Map<string, string>;
  /** "AAA|BBB" (codes sorted) → the lines of their shared land border. */
  borders: Map<string, LonLat[][]>;
}

let atlas: Atlas | null = null;

function decode(): Atlas {
  const file = data as AtlasFile;
  const names = new Map<string, string>();
  for (const [code, name] of file.countries) names.set(code!, name!);
  const borders = new Map<string, LonLat[][]>();
  for (const b of file.borders) {
    const lines = b.lines.map((flat) => {
      const out: LonLat[] = [];
      let x = 0;
      let y = 0;
      for (let i = 0; i + 1 < flat.length; i += 2) {
        x += flat[i]!;
        y += flat[i + 1]!;
        out.push([(x - 180 * file.grid) / file.grid, (y - 90 * file.grid) / file.grid]);
      }
      return out;
    });
    borders.set(pairKey(b.a, b.b), lines);
  }
  return { names, borders };
}

function get(): Atlas {
  return (atlas ??= decode());
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Every country code the atlas knows, sorted. */
export function atlasCodes(): string[] {
  return [...get().names.keys()];
}

/** The atlas's name of a country code, or undefined when it has none. */
export function atlasName(code: string): string | undefined {
  return get().names.get(code);
}

/**
 * The land border between two sets of countries: every line any country of `a` shares with any country
 * of `b`, with lines that meet end to end joined (Belarus–Lithuania and Belarus–Latvia become one line).
 * Empty when they share none.
 */
export function sharedBorder(a: readonly string[], b: readonly string[]): LonLat[][] {
  const lines: LonLat[][] = [];
  for (const x of a) for (const y of b) if (x !== y) for (const line of get().borders.get(pairKey(x, y)) ?? []) lines.push(line.slice());
  return join(lines);
}

const same = (p: LonLat, q: LonLat) => p[0] === q[0] && p[1] === q[1];

/** Joins lines whose ends meet, until none do (deterministic: always the first pair found, in order). */
function join(lines: LonLat[][]): LonLat[][] {
  const out = lines.slice();
  for (let merged = true; merged; ) {
    merged = false;
    for (let i = 0; i < out.length && !merged; i++) {
      for (let j = i + 1; j < out.length && !merged; j++) {
        const p = out[i]!;
        const q = out[j]!;
        let line: LonLat[] | null = null;
        if (same(p[p.length - 1]!, q[0]!)) line = [...p, ...q.slice(1)];
        else if (same(q[q.length - 1]!, p[0]!)) line = [...q, ...p.slice(1)];
        else if (same(p[p.length - 1]!, q[q.length - 1]!)) line = [...p, ...q.slice(0, -1).reverse()];
        else if (same(p[0]!, q[0]!)) line = [...p.slice().reverse(), ...q.slice(1)];
        if (line) {
          out[i] = line;
          out.splice(j, 1);
          merged = true;
        }
      }
    }
  }
  return out;
}
