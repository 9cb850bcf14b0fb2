// The one way a scenario file becomes a Scenario: read (YAML or JSON, with line numbers), resolve
// `extends`, validate with the zod schema, cross-check references, and hash the content a game plays by.
// It returns the scenario or every error at once (file:line:col, field path, message, hint); it never throws.
import { LineCounter, Parser, isScalar, parseDocument, visit } from 'yaml';
import { explainSyntaxErrors, type ParserError } from './yaml-syntax';
import { ScenarioSchema, type ScenarioData } from './schema';
import { formatPath, locate, type ParsedFile } from './source-map';
import { flowCommaHint } from './flow-comma';
import { entryKey, mergeValue, stripMarkers, type Json, type MergeProblem, type NewEntry } from './extends';
import { problemsFromZod, type Problem } from './zod-issues';
import { crossCheck, knownIds } from './crossrefs';
import { geographyProblems, withAtlasBorders } from './geography';
import { z } from 'zod';
import { closest, suggest, type ScenarioError } from './errors';
import { hashValue } from '../hash';

/** Reads scenario files. Node reads the disk; the browser reads bundled or dropped files. */
export interface ScenarioReader {
  /** The text of a file, undefined when there is none, or its size when it is too large to read. */
  read(path: string): string | undefined | { tooLarge: number };
}

export interface Scenario {
  data: ScenarioData;
  /** Hash of the resolved content a game plays by (all but calibration, lint and meta.featured): a variant's hash covers what it inherits. */
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
export function resolvePath(fromFile: string, rel: string): string | undefined {
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

/** A `[` or `{` in the text, and what closes it (the parser takes the first closing bracket it meets). */
interface Bracket {
  open: string;
  offset: number;
  closer?: { source: string; offset: number };
  parent?: Bracket;
}

const CLOSE: Record<string, string> = { '[': ']', '{': '}' };

/** Every flow collection of the text, from the parser's token tree; empty when it cannot be walked. */
function flowBrackets(text: string): Bracket[] {
  type Tok = { type?: string; start?: { source: string; offset: number }; end?: { type: string; source: string; offset: number }[]; value?: unknown; items?: { key?: unknown; value?: unknown }[] };
  const out: Bracket[] = [];
  const walk = (tok: unknown, parent: Bracket | undefined, depth: number): void => {
    if (!tok || typeof tok !== 'object' || depth > 1000) return;
    const t = tok as Tok;
    let here = parent;
    if (t.type === 'flow-collection' && t.start) {
      const first = t.end?.[0];
      here = { open: t.start.source, offset: t.start.offset, parent, ...(first && /^[\]}]$/.test(first.source) ? { closer: { source: first.source, offset: first.offset } } : {}) };
      out.push(here);
    }
    if (t.type === 'document') walk(t.value, here, depth + 1);
    for (const item of t.items ?? []) {
      walk(item.key, here, depth + 1);
      walk(item.value, here, depth + 1);
    }
  };
  try {
    for (const tok of new Parser().parse(text)) walk(tok, undefined, 0);
  } catch {
    return [];
  }
  return out;
}

/** The brackets the parser could not close, in the order they open, and those around one closed by the wrong kind. */
function unclosedBrackets(text: string): { open: Bracket[]; aroundMismatch: Set<Bracket>; used: Set<Bracket> } {
  const open = flowBrackets(text).filter((b) => b.closer?.source !== CLOSE[b.open]);
  const aroundMismatch = new Set<Bracket>();
  for (const b of open) {
    if (!b.closer) continue;
    for (let p = b.parent; p && !aroundMismatch.has(p); p = p.parent) aroundMismatch.add(p);
  }
  return { open, aroundMismatch, used: new Set() };
}

/**
 * The parser reports an unclosed `[` or `{` where it gave up, often the start of the next line. Point
 * at the bracket itself instead, and say what closes it. Undefined keeps the parser's own message;
 * null drops an error that only follows from another (the bracket around a mismatched one).
 */
function bracketError(file: string, lines: LineCounter, brackets: ReturnType<typeof unclosedBrackets>, pos: number): ScenarioError | null | undefined {
  // The parser reports inner collections first: the error is the innermost unclosed bracket before it not yet reported.
  const { open, used } = brackets;
  let lo = 0;
  let hi = open.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (open[mid]!.offset < pos) lo = mid + 1;
    else hi = mid;
  }
  let i = lo - 1;
  while (i >= 0 && used.has(open[i]!)) i--;
  const b = open[i];
  if (!b) return undefined;
  used.add(b);
  // An enclosing bracket fails only because an inner one took its closer: that inner one is the error.
  if (brackets.aroundMismatch.has(b)) return null;
  const at = lines.linePos(b.offset);
  const close = CLOSE[b.open]!;
  const what = b.open === '[' ? 'list' : 'mapping';
  if (b.closer) {
    const c = lines.linePos(b.closer.offset);
    return fileError(file, `syntax error: the '${b.open}' here is not closed: the '${b.closer.source}' at line ${c.line}, column ${c.col} comes before its '${close}'`, `add '${close}' where the ${what} ends`, at.line, at.col);
  }
  return fileError(file, `syntax error: the '${b.open}' here is not closed`, `add '${close}' where the ${what} ends; a ${what} in ${b.open} ${close} that goes on to the next line must indent that line more than its key`, at.line, at.col);
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
    let brackets: ReturnType<typeof unclosedBrackets> | undefined;
    // In a file nested too deep to read, the brackets are not worth a second pass over the text.
    const tooDeep = doc.errors.some((err) => /call stack/i.test(err.message));
    const out: ScenarioError[] = [];
    const plain: ParserError[] = [];
    for (const err of doc.errors) {
      const pos = lines.linePos(err.pos[0]);
      const msg = err.message.split('\n')[0]!;
      if (/call stack/i.test(msg)) {
        out.push(fileError(file, 'nesting is too deep', 'a scenario nests a few levels deep; check for runaway brackets', pos.line, pos.col));
        continue;
      }
      if (!tooDeep && /^Flow (sequence|map) .*end with a [\]}]$/.test(msg)) {
        brackets ??= unclosedBrackets(text);
        const b = bracketError(file, lines, brackets, err.pos[0]);
        if (b === null) continue;
        if (b) {
          out.push(b);
          continue;
        }
      }
      plain.push({ code: err.code, message: msg, line: pos.line, col: pos.col });
    }
    // The line to fix, said once per mistake, with what to do (the parser often points at the line above).
    const taken = new Set(out.map((e) => e.line));
    for (const p of explainSyntaxErrors(text, plain)) if (!taken.has(p.line)) out.push(fileError(file, p.message, p.hint, p.line, p.col));
    return { errors: out };
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
  return { parsed: { file, doc, lines, data, text }, errors: [] };
}

function toErrors(problems: (Problem | MergeProblem)[], files: ParsedFile[], data: unknown): ScenarioError[] {
  return problems.map((p) => {
    const atKey = 'atKey' in p ? p.atKey === true : false;
    const loc = locate(files, data, p.path, atKey);
    // An unknown key that is text after a comma inside { }: say so, rather than "check the spelling".
    const hint = (atKey && flowCommaHint(files, data, p.path)) || p.hint;
    return { ...loc, path: formatPath(data, p.path), message: p.message, ...(hint ? { hint } : {}) };
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
    // An optional section that fails the schema is left out of the cross-checks.
    else if (key === 'calibration' || key === 'lint') out[key] = undefined;
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
  const cross = [...crossCheck(parsed.data), ...geographyProblems(parsed.data)];
  if (cross.length) return { ok: false, errors: place(cross, parsed.data) };
  // The borders the model measures by, the atlas's filled in (scenario/geography.ts).
  const resolved = withAtlasBorders(parsed.data);
  return { ok: true, scenario: { data: resolved, hash: hashValue(playedContent(resolved)), files: files.map((f) => f.file) } };
}

/**
 * What the scenario's hash covers: all a game plays by. The calibration targets, the linter's section and
 * the menu's `meta.featured` change no game, so adding or editing them keeps the hash (and replays' notes) as they were.
 */
function playedContent(d: ScenarioData): unknown {
  // The map section and the actors' countries draw the map; what they change in a game (the atlas's
  // borders) is in the resolved borders, which the hash covers.
  return { ...d, calibration: undefined, lint: undefined, map: undefined, actors: d.actors.map((a) => ({ ...a, countries: undefined })), meta: { ...d.meta, featured: undefined } };
}

/**
 * A base's fields that describe that file rather than the crisis: its calibration (its own targets and
 * variants) and whether the menu features it. A variant does not inherit them; it may set its own.
 */
function notInherited(base: Json): Json {
  if (!base || typeof base !== 'object' || Array.isArray(base)) return base;
  const { calibration: _calibration, ...rest } = base;
  const meta = rest.meta;
  if (meta && typeof meta === 'object' && !Array.isArray(meta)) {
    const { featured: _featured, ...own } = meta;
    rest.meta = own;
  }
  return rest;
}

/** The sections a scenario's top level may hold ($schema is for editors, and any JSON Schema has it). */
const SECTIONS = Object.keys(ScenarioSchema.shape).filter((k) => k !== '$schema');

/**
 * A file with none of a scenario's sections (and no extends), such as a package.json, is not a broken
 * scenario but another kind of file: one error that says so, not a "missing field" for each section.
 * A key close to a section's name (mata:, action:) counts as a section, so typos still get their own error.
 */
function notAScenario(parsed: ParsedFile): ScenarioError | undefined {
  const keys = Object.keys(parsed.data as Record<string, unknown>);
  if (keys.some((k) => SECTIONS.includes(k) || closest(k, [...SECTIONS, 'extends']) !== undefined)) return undefined;
  const shape = ScenarioSchema.shape as Record<string, z.ZodType>;
  const required = SECTIONS.filter((k) => !shape[k]!.safeParse(undefined).success).map((k) => `${k}:`);
  const list = `${keys.slice(0, 4).join(', ')}${keys.length > 4 ? ', …' : ''}`;
  const found = keys.length === 0 ? 'its top level is empty' : keys.length === 1 ? `its only top-level key, ${list}, is not a scenario section` : `none of its top-level keys (${list}) is a scenario section`;
  const loc = locate([parsed], parsed.data, []);
  return {
    ...loc,
    path: '',
    message: `not a Brink scenario: ${found}`,
    hint: `a scenario's top level holds ${required.slice(0, -1).join(', ')} and ${required[required.length - 1]} (a variant holds extends: and what it changes); see docs/scenario-format.md for a worked example`,
  };
}

/** Singular names of the lists that merge by id, for the errors about a variant's entries. */
const ENTRY_NOUNS: Record<string, string> = {
  bands: 'band', places: 'place', borders: 'border', actors: 'actor', meters: 'meter', pairs: 'pair', dynamics: 'dynamic',
  forces: 'force', actions: 'action', events: 'event', outcomes: 'outcome', sources: 'source',
};

/** The schema of the entries of the list at `path` (list indices walk into list entries), if any. */
function listEntrySchema(path: readonly (string | number)[]): z.ZodType | undefined {
  const unwrap = (s: unknown): unknown => {
    for (let i = 0; i < 8 && s; i++) {
      if (s instanceof z.ZodArray || s instanceof z.ZodObject) return s;
      const def = (s as { _zod?: { def?: { innerType?: unknown; in?: unknown } } })._zod?.def;
      s = def?.innerType ?? def?.in;
    }
    return undefined;
  };
  let s: unknown = ScenarioSchema;
  for (const seg of path) {
    const t = unwrap(s);
    if (typeof seg === 'number') s = t instanceof z.ZodArray ? t.element : undefined;
    else s = t instanceof z.ZodObject ? (t.shape as Record<string, unknown>)[seg] : undefined;
  }
  const list = unwrap(s);
  return list instanceof z.ZodArray ? (list.element as z.ZodType) : undefined;
}

/**
 * A variant's list entry that matches none of the base is appended as a new entry. When it is also
 * incomplete as a new entry (it lacks required fields), its merge key is most likely a typo: say that,
 * with the closest key of the base, rather than "missing required field" for each field it lacks.
 */
function unmatchedEntry(e: NewEntry, actorIds: readonly string[]): MergeProblem | undefined {
  const schema = listEntrySchema(e.path.slice(0, -1));
  if (!schema) return undefined;
  const r = schema.safeParse(e.entry);
  if (r.success) return undefined;
  const missing = [...new Set(r.error.issues.map((i) => i.path[0]).filter((k): k is string => typeof k === 'string' && e.entry[k] === undefined))];
  if (!missing.length) return undefined;
  const list = [...e.path].reverse().find((x): x is string => typeof x === 'string') ?? '';
  const noun = ENTRY_NOUNS[list] ?? 'entry';
  const baseKeys = e.base.map(entryKey).filter((k): k is string => k !== undefined);
  const between = typeof e.entry.id !== 'string' && Array.isArray(e.entry.between) ? (e.entry.between as string[]) : undefined;
  let name: string;
  let near: string;
  if (between) {
    name = `[${between.join(', ')}]`;
    const key = closest(e.key, baseKeys);
    const match = key === undefined ? undefined : (e.base.find((b) => entryKey(b) === key) as { between?: unknown } | undefined);
    const unknownActor = between.find((a) => !actorIds.includes(a));
    if (Array.isArray(match?.between)) near = `did you mean [${match.between.join(', ')}]?`;
    else if (unknownActor !== undefined) near = `unknown actor '${unknownActor}': ${suggest(unknownActor, actorIds, 'actors')}`;
    else near = suggest(e.key, baseKeys, `${noun}s`);
  } else {
    name = `'${e.key}'`;
    near = suggest(e.key, baseKeys, list || 'entries');
  }
  return {
    path: e.path,
    message: `${name} matches no ${noun} in the base, and as a new ${noun} it lacks ${missing.join(', ')}`,
    hint: `${near}${/\?$/.test(near) ? ' Fix' : '; fix'} the ${between ? 'actors' : 'id'} to change that ${noun}, or give every required field to add a new ${noun}`,
  };
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
    if (ext === undefined) {
      const not = notAScenario(parsed);
      if (not) return { ok: false, errors: [not] };
      break;
    }
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
  // Variant entries that match nothing in their base and are incomplete: reported first, and left out
  // of the merge so that they do not also show up as "missing required field".
  const unmatched: ScenarioError[] = [];
  const fail = (errors: ScenarioError[]): LoadResult => ({ ok: false, errors: [...unmatched, ...errors] });
  for (let i = chain.length - 2; i >= 0; i--) {
    const over = { ...(chain[i]!.data as Record<string, Json>) };
    delete over.extends;
    const problems: MergeProblem[] = [];
    const misses: MergeProblem[] = [];
    const actorIds = [merged, over].flatMap((d) => idsOf((d as Record<string, Json>).actors));
    merged = mergeValue(notInherited(merged), over, [], problems, (e) => {
      const miss = unmatchedEntry(e, actorIds);
      if (miss) misses.push(miss);
      return !miss;
    });
    // Merge problems are in the variant's own lists: locate them in that file alone.
    unmatched.push(...toErrors(misses, [chain[i]!], chain[i]!.data));
    if (problems.length) return fail(toErrors(problems, [chain[i]!], chain[i]!.data));
    const baseId = (chain[i + 1]!.data as { meta?: { id?: unknown } }).meta?.id;
    const ownId = (over.meta as { id?: unknown } | undefined)?.id;
    if (ownId === undefined || ownId === baseId) {
      const loc = locate([chain[i]!], chain[i]!.data, ['meta']);
      return fail([{ ...loc, path: 'meta.id', message: 'a variant needs its own meta.id', hint: 'add meta: { id: my-variant, title: "…" }' }]);
    }
  }
  if (typeof merged === 'object' && merged && !Array.isArray(merged)) delete (merged as Record<string, Json>).extends;
  const result = validateData(merged, chain, file);
  if (!unmatched.length) return result;
  return fail(result.ok ? [] : result.errors);
}

/** The ids of a list's entries (for the actors a pair may name). */
function idsOf(list: Json | undefined): string[] {
  return Array.isArray(list) ? list.flatMap((x) => (x && typeof x === 'object' && !Array.isArray(x) && typeof x.id === 'string' ? [x.id] : [])) : [];
}
