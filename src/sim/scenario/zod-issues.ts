// Turns zod's issues into scenario problems a modder can act on: "missing field", "unknown field
// 'fera' — did you mean 'fear'?", and, for either-or shapes (effects, conditions), the closest branch.
import type { z } from 'zod';
import { ScenarioSchema } from './schema';
import { closest } from './errors';

export interface Problem {
  path: (string | number)[];
  message: string;
  hint?: string;
  atKey?: boolean;
}

type Issue = z.core.$ZodIssue;

let fieldNames: string[] | undefined;

/** Every field name the schema knows, for "did you mean" on unknown fields. */
function knownFields(): string[] {
  if (fieldNames) return fieldNames;
  const names = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (s: unknown): void => {
    if (!s || typeof s !== 'object' || seen.has(s)) return;
    seen.add(s);
    const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    const shape = def.shape as Record<string, unknown> | undefined;
    if (shape) for (const k of Object.keys(shape)) { names.add(k); visit(shape[k]); }
    for (const key of ['innerType', 'element', 'valueType', 'in', 'out']) visit(def[key]);
    const getter = def.getter as (() => unknown) | undefined;
    if (getter) visit(getter());
    for (const key of ['options', 'items']) {
      const list = def[key];
      if (Array.isArray(list)) list.forEach(visit);
    }
  };
  visit(ScenarioSchema);
  fieldNames = [...names];
  return fieldNames;
}

function received(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  if (typeof input === 'string') return `the text "${input.length > 40 ? `${input.slice(0, 40)}…` : input}"`;
  return `${typeof input} ${String(input)}`;
}

function convert(issue: Issue, prefix: (string | number)[]): Problem[] {
  const path = [...prefix, ...(issue.path as (string | number)[])];
  switch (issue.code) {
    case 'invalid_type': {
      const input = (issue as { input?: unknown }).input;
      if (input === undefined) return [{ path, message: `missing required field (expected ${issue.expected})`, hint: 'add it' }];
      if (issue.expected === 'number' && typeof input === 'number') return [{ path, message: `expected a finite number, got ${String(input)}` }];
      return [{ path, message: `expected ${issue.expected}, got ${received(input)}` }];
    }
    case 'unrecognized_keys':
      return issue.keys.map((k) => {
        const fields = knownFields();
        // A real field name in the wrong place (another section, or mis-indented) is not a typo.
        if (fields.includes(k)) return { path: [...path, k], message: `unknown field '${k}' here`, hint: `'${k}' belongs to another section: check the indentation, or see docs/scenario-fields.md`, atKey: true };
        const near = closest(k, fields);
        return { path: [...path, k], message: `unknown field '${k}'`, hint: near ? `did you mean '${near}'?` : 'remove it, or check the spelling', atKey: true };
      });
    case 'invalid_union': {
      const branches = (issue as { errors: Issue[][] }).errors;
      // Prefer the branch that recognises the entry's fields (no unknown keys at its root), then the one with fewest issues.
      const scored = branches
        .map((b) => ({ b, unknownRoot: b.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0), n: b.length }))
        .sort((x, y) => Number(x.unknownRoot) - Number(y.unknownRoot) || x.n - y.n);
      const best = scored[0];
      // A union's own message (set with { error } in the schema) is the hint: it says which forms are allowed.
      const own = issue.message && issue.message !== 'Invalid input' ? issue.message : undefined;
      if (best && !best.unknownRoot) return best.b.flatMap((i) => convert(i, path)).map((p) => (own && !p.hint ? { ...p, hint: own } : p));
      if (own) return [{ path, message: 'this entry matches none of the allowed shapes', hint: own }];
      return [{ path, message: 'this entry matches none of the allowed shapes', hint: 'see the field description in scenario.schema.json for the allowed forms' }];
    }
    case 'too_small':
      return [{ path, message: issue.origin === 'array' ? `needs at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}` : issue.origin === 'string' ? 'must not be empty' : `must be at least ${String(issue.minimum)}` }];
    case 'too_big':
      return [{ path, message: issue.origin === 'string' ? `too long: at most ${String(issue.maximum)} characters` : issue.origin === 'array' ? `too many entries: at most ${String(issue.maximum)}` : `must be at most ${String(issue.maximum)}` }];
    case 'invalid_value':
      return [{ path, message: `must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` }];
    default:
      return [{ path, message: issue.message }];
  }
}

/** Problems for a zod failure, in file order of their paths. */
export function problemsFromZod(error: z.ZodError): Problem[] {
  return error.issues.flatMap((i) => convert(i, []));
}
