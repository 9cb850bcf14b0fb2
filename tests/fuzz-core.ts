// The scenario fuzzer shared by the CI test (1,000 cases) and `npm run fuzz` (100,000): fast-check mutates
// the default scenario — drops, duplicates, retypes and renames fields, swaps references — and every
// result must load as a valid scenario or fail with located scenario errors, never throw.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { loadScenario, validateData } from '../src/sim/index';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export const BASE_FILE = 'scenarios/allied-resolve-2022.yaml';

/** Every path to a value in a JSON tree. */
function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) paths(v[k]!, [...at, k], out);
  return out;
}

function get(v: Json, p: (string | number)[]): Json | undefined {
  let cur: Json | undefined = v;
  for (const k of p) cur = cur && typeof cur === 'object' ? (cur as Record<string, Json>)[k as string] : undefined;
  return cur;
}

const WEIRD: Json[] = [null, true, -1, 0, 1e308, -1e308, 'minks', '', '__proto__', [], {}, [1, 2, 3], { constructor: 1 }, 'x'.repeat(300), 3.5, [6000, 2000]];

type Mutation = { kind: 'drop' | 'dup' | 'retype' | 'rename' | 'swap'; pick: number; other: number; weird: number };

export const mutationArb = fc.array(
  fc.record({ kind: fc.constantFrom('drop', 'dup', 'retype', 'rename', 'swap'), pick: fc.nat(), other: fc.nat(), weird: fc.nat() }) as fc.Arbitrary<Mutation>,
  { minLength: 1, maxLength: 4 },
);

/** Applies mutations to a deep copy of the data. */
export function mutate(data: Json, muts: Mutation[]): Json {
  const doc = JSON.parse(JSON.stringify(data)) as Json;
  for (const m of muts) {
    const all = paths(doc).filter((p) => p.length > 0);
    const p = all[m.pick % all.length]!;
    const parent = get(doc, p.slice(0, -1)) as Record<string, Json> | Json[] | undefined;
    const key = p[p.length - 1]!;
    if (!parent || typeof parent !== 'object') continue;
    const strings = all.map((q) => get(doc, q)).filter((x): x is string => typeof x === 'string' && /^[a-z0-9-]+$/.test(x));
    if (m.kind === 'drop') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key as string];
    } else if (m.kind === 'dup' && Array.isArray(parent)) parent.push(JSON.parse(JSON.stringify(parent[Number(key)] ?? null)) as Json);
    else if (m.kind === 'retype') (parent as Record<string, Json>)[key as string] = WEIRD[m.weird % WEIRD.length]!;
    else if (m.kind === 'rename' && !Array.isArray(parent)) {
      const v = parent[key as string]!;
      delete parent[key as string];
      parent[`${String(key)}x`] = v;
    } else if (m.kind === 'swap' && strings.length) (parent as Record<string, Json>)[key as string] = strings[m.other % strings.length]!;
  }
  return doc;
}

/**
 * Validates mutated data; returns the failure if it threw or reported an error without a path and message.
 * `asFile` also writes it as YAML and goes through the whole loader (slower: positions, line numbers).
 */
export function check(data: Json, asFile = false): string | null {
  try {
    const r = asFile
      ? loadScenario('fuzz/case.yaml', { read: (p) => (p === 'fuzz/case.yaml' ? stringify(data, { aliasDuplicateObjects: false }) : undefined) })
      : validateData(data, [], 'fuzz/case.yaml');
    if (r.ok) return null;
    for (const e of r.errors) {
      if (!(e.line >= 1 && e.column >= 1 && e.file === 'fuzz/case.yaml' && e.message.length > 0)) return `error without a location: ${JSON.stringify(e)}`;
      if (/cannot load:/.test(e.message)) return `the loader's safety net caught an exception: ${e.message}`;
    }
    return null;
  } catch (e) {
    return `threw: ${(e as Error).stack ?? String(e)}`;
  }
}

/** The default scenario as plain data (its YAML parsed once). */
export function baseData(): Json {
  return parse(readFileSync(BASE_FILE, 'utf8')) as Json;
}
