// The one way a scenario file becomes a Scenario: read (YAML or JSON, with line numbers), resolve
// `extends`, validate with the zod schema, cross-check references, and hash the resolved content.
// It returns the scenario or every error at once (file:line:col, field path, message, hint); it never throws.
import { LineCounter, isScalar, parseDocument, visit } from 'yaml';
import { ScenarioSchema, type ScenarioData } from './schema';
import { formatPath, locate, type ParsedFile } from './source-map';
import { mergeValue, stripMarkers, type Json, type MergeProblem } from './extends';
import { problemsFromZod, type Problem } from './zod-issues';
import { crossCheck, knownIds } from './crossrefs';
import { z } from 'zod';
import type { ScenarioError } from './errors';
import { hashValue } from '../hash';

/** Reads scenario files. Node reads the disk; the browser reads bundled or dropped files. */
export interface ScenarioReader {
  /** The text of a file, undefined when there is none, or its size when it is too large to read. */
  read(path: string): string | undefined | { tooLarge: number };
}

export interface Scenario {
  data: ScenarioData;
  /** Hash of the resolved content: a variant's hash covers what it inherits. */
  hash: string;
  /** The file it was loaded from, and its bases. */
  files: string[];
}

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/** Files larger than this are refused before parsing. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
const MAX_EXTENDS_DEPTH = 8;
const MAX_ALIASES = 200;

/** Joins and normalises a POSIX path; returns undefined if it climbs above the root. */
function resolvePath(fromFile: string, rel: string): string | undefined {
  const dir = fromFile.includes('/') ? fromFile.slice(0, fromFile.lastIndexOf('/')) : '';
  const parts: string[] = [];
  const start = rel.startsWith('/') ? [] : dir.split('/').filter(Boolean);
  for (const seg of [...start, ...rel.split('/')]) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  return (fromFile.startsWith('/') ? '/' : '') + parts.join('/');
}

function dirOf(file: string): string {
  return file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
}

function fileError(file: string, message: string, hint?: string, line = 1, column = 1, path = ''): ScenarioError {
  return { file, line, column, path, message, ...(hint ? { hint } : {}) };
}

/** Parses one file's text; YAML or JSON (JSON is read as YAML, so it gets line numbers too). */
export function parseFile(file: string, text: string): { parsed?: ParsedFile; errors: ScenarioError[] } {
  if (text.length > MAX_FILE_BYTES) {
    return { errors: [fileError(file, `file is too large (${text.length} characters; the limit is ${MAX_FILE_BYTES})`, 'a scenario is a few hundred kilobytes at most')] };
  }
  if (text.trim() === '') return { errors: [fileError(file, 'file is empty', 'a scenario starts with meta:, or extends: for a variant')] };
  if (text.includes('\u0000')) return { errors: [fileError(file, 'file is binary, not YAML or JSON text')] };
  const lines = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (e) {
    return { errors: [fileError(file, `cannot parse: ${e instanceof RangeError ? 'nesting is too deep' : String((e as Error).message)}`)] };
  }
  if (doc.errors.length) {
    return {
      errors: doc.errors.map((err) => {
        const pos = lines.linePos(err.pos[0]);
        const msg = err.message.split('\n')[0]!;
        if (/call stack/i.test(msg)) return fileError(file, 'nesting is too deep', 'a scenario nests a few levels deep; check for runaway brackets', pos.line, pos.col);
        const hint = err.code === 'DUPLICATE_KEY' ? 'each key may appear once in a mapping' : undefined;
        return fileError(file, `${err.code === 'DUPLICATE_KEY' ? 'duplicate key' : 'syntax error'}: ${msg}`, hint, pos.line, pos.col);
      }),
    };
  }
  // A "__proto__" key would set the prototype of the object it lands in: refuse it before converting.
  const proto: ScenarioError[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === '__proto__') {
        const pos = lines.linePos(pair.key.range?.[0] ?? 0);
        proto.push(fileError(file, "the key '__proto__' is not allowed", 'remove it: it is not a scenario field', pos.line, pos.col));
      }
    },
  });
  if (proto.length) return { errors: proto };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const msg = (e as Error).message;
    return { errors: [fileError(file, /alias/i.test(msg) ? 'too many YAML aliases (an alias bomb?)' : e instanceof RangeError ? 'nesting is too deep' : `cannot read: ${msg}`)] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const got = Array.isArray(data) ? 'a list' : data === null ? 'nothing' : typeof data;
    return { errors: [fileError(file, `the top level must be a mapping (meta:, actors:, …), got ${got}`)] };
  }
  return { parsed: { file, doc, lines, data }, errors: [] };
}

function toErrors(problems: (Problem | MergeProblem)[], files: ParsedFile[], data: unknown): ScenarioError[] {
  return problems.map((p) => {
    const loc = locate(files, data, p.path, 'atKey' in p ? p.atKey : false);
    return { ...loc, path: formatPath(data, p.path), message: p.message, ...(p.hint ? { hint: p.hint } : {}) };
  });
}

/** Unwraps defaults and optionals down to the array schema of a top-level list. */
function elementSchema(schema: z.ZodType): z.ZodType | undefined {
  let s: unknown = schema;
  for (let i = 0; i < 5 && s; i++) {
    if (s instanceof z.ZodArray) return s.element as z.ZodType;
    s = (s as { _zod: { def: { innerType?: unknown } } })._zod.def.innerType;
  }
  return undefined;
}

/**
 * When the schema rejects a file, the sections (and list entries) that do pass are still
 * cross-checked, so one run reports every error. Failed entries become holes that keep indices.
 */
function partialData(raw: Record<string, unknown>): ScenarioData {
  const out: Record<string, unknown> = {};
  const shape = ScenarioSchema.shape as Record<string, z.ZodType>;
  for (const key of Object.keys(shape)) {
    const schema = shape[key]!;
    const whole = schema.safeParse(raw[key]);
    if (whole.success) {
      out[key] = whole.data;
      continue;
    }
    const element = elementSchema(schema);
    const value = raw[key];
    if (element && Array.isArray(value)) out[key] = value.map((v) => (element.safeParse(v).data as unknown) ?? undefined);
    // A meta that fails the schema is reported by it; its dates are then not checked again here.
    else if (key === 'meta') out[key] = { sources: [], start: undefined, turnLimit: Infinity };
    else if (key === 'rules') out[key] = ScenarioSchema.shape.rules.parse({});
    else out[key] = [];
  }
  return out as ScenarioData;
}

/** Validates already-resolved scenario data (for tweaks made in memory, with no file). */
export function validateData(data: unknown, files: ParsedFile[], label: string): LoadResult {
  const parsed = ScenarioSchema.safeParse(data, { reportInput: true });
  const place = (problems: Problem[], d: unknown): ScenarioError[] =>
    files.length ? toErrors(problems, files, d) : problems.map((p) => fileError(label, p.message, p.hint, 1, 1, formatPath(d, p.path)));
  if (!parsed.success) {
    const raw = data as Record<string, unknown>;
    const cross = crossCheck(partialData(raw), knownIds(raw));
    return { ok: false, errors: [...place(problemsFromZod(parsed.error), data), ...place(cross, data)] };
  }
  const cross = crossCheck(parsed.data);
  if (cross.length) return { ok: false, errors: place(cross, parsed.data) };
  return { ok: true, scenario: { data: parsed.data, hash: hashValue(parsed.data), files: files.map((f) => f.file) } };
}

/**
 * Loads a scenario file through `reader`. `extends` paths are relative to the file and may not leave
 * the folder of the file first loaded.
 */
export function loadScenario(file: string, reader: ScenarioReader): LoadResult {
  try {
    return loadChain(file, reader);
  } catch (e) {
    // A last line of defence: a bug or an exotic input becomes an error, never a crash.
    return { ok: false, errors: [fileError(file, `cannot load: ${(e as Error).message ?? String(e)}`)] };
  }
}

function loadChain(file: string, reader: ScenarioReader): LoadResult {
  const root = dirOf(file);
  const chain: ParsedFile[] = [];
  let current = file;
  for (;;) {
    const text = reader.read(current);
    const prev = chain[chain.length - 1];
    if (text === undefined) {
      if (!prev) return { ok: false, errors: [fileError(current, 'file not found')] };
      const loc = locate([prev], prev.data, ['extends']);
      return { ok: false, errors: [{ ...loc, path: 'extends', message: `base scenario '${current}' not found`, hint: 'extends takes a path relative to this file, e.g. ./allied-resolve-2022.yaml' }] };
    }
    if (typeof text === 'object') {
      return { ok: false, errors: [fileError(current, `file is too large (${text.tooLarge} bytes; the limit is ${MAX_FILE_BYTES})`, 'a scenario is a few hundred kilobytes at most')] };
    }
    const { parsed, errors } = parseFile(current, text);
    if (!parsed) return { ok: false, errors };
    chain.push(parsed);
    const ext = (parsed.data as { extends?: unknown }).extends;
    if (ext === undefined) break;
    const loc = locate([parsed], parsed.data, ['extends']);
    const bad = (message: string, hint?: string): LoadResult => ({ ok: false, errors: [{ ...loc, path: 'extends', message, ...(hint ? { hint } : {}) }] });
    if (typeof ext !== 'string') return bad('extends must be a file path');
    const next = resolvePath(current, ext);
    if (next === undefined || !next.startsWith(root) || ext.includes('\\')) return bad(`'${ext}' leaves the scenarios folder`, 'a base must sit in the same folder (or below it)');
    if (chain.some((c) => c.file === next)) return bad(`extends cycle: ${[...chain.map((c) => c.file), next].join(' → ')}`, 'a variant cannot be its own base');
    if (chain.length > MAX_EXTENDS_DEPTH) return bad(`extends chain deeper than ${MAX_EXTENDS_DEPTH}`);
    current = next;
  }
  // Merge from the root base up to the file itself.
  let merged = stripMarkers(chain[chain.length - 1]!.data as Json);
  for (let i = chain.length - 2; i >= 0; i--) {
    const over = { ...(chain[i]!.data as Record<string, Json>) };
    delete over.extends;
    const problems: MergeProblem[] = [];
    merged = mergeValue(merged, over, [], problems);
    // Merge problems are in the variant's own lists: locate them in that file alone.
    if (problems.length) return { ok: false, errors: toErrors(problems, [chain[i]!], chain[i]!.data) };
    const baseId = (chain[i + 1]!.data as { meta?: { id?: unknown } }).meta?.id;
    const ownId = (over.meta as { id?: unknown } | undefined)?.id;
    if (ownId === undefined || ownId === baseId) {
      const loc = locate([chain[i]!], chain[i]!.data, ['meta']);
      return { ok: false, errors: [{ ...loc, path: 'meta.id', message: 'a variant needs its own meta.id', hint: 'add meta: { id: my-variant, title: "…" }' }] };
    }
  }
  if (typeof merged === 'object' && merged && !Array.isArray(merged)) delete (merged as Record<string, Json>).extends;
  return validateData(merged, chain, file);
}
