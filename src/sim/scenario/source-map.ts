// Parsed scenario files with their YAML documents, and the lookup from a field path in the resolved
// scenario back to the file, line and column it came from (through extends, lists are matched by id).
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node as YamlNode, type YAMLMap } from 'yaml';
import { entryKey } from './extends';

export type PathSegment = string | number;

export interface ParsedFile {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  data: unknown;
  /** The source text (for hints that show a line fixed). */
  text?: string;
}

export interface Location {
  file: string;
  line: number;
  column: number;
}

/** Turns list indices into ids where the listed item has one: actors.3 → actors[belarus]. */
export function formatPath(data: unknown, path: readonly PathSegment[]): string {
  let out = '';
  let cur: unknown = data;
  for (const seg of path) {
    if (typeof seg === 'number') {
      const item = Array.isArray(cur) ? cur[seg] : undefined;
      out += `[${entryKey(item) ?? seg}]`;
    } else {
      out += out ? `.${seg}` : seg;
    }
    cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg as never] : undefined;
  }
  return out;
}

type Semantic = { key: string } | { index: number } | { id: string };

function semanticPath(data: unknown, path: readonly PathSegment[]): Semantic[] {
  const out: Semantic[] = [];
  let cur: unknown = data;
  for (const seg of path) {
    if (typeof seg === 'number') {
      const item = Array.isArray(cur) ? cur[seg] : undefined;
      const id = entryKey(item);
      out.push(id !== undefined ? { id } : { index: seg });
      cur = item;
    } else {
      out.push({ key: seg });
      cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

/** The merge key of a YAML list entry: its id, or its two actors for a pair. */
function yamlEntryKey(map: YAMLMap): string | undefined {
  for (const p of map.items) {
    if (!isScalar(p.key)) continue;
    if (p.key.value === 'id' && isScalar(p.value)) return String(p.value.value);
    if (p.key.value === 'between' && isSeq(p.value) && p.value.items.length === 2 && p.value.items.every(isScalar)) {
      return p.value.items.map((x) => String((x as { value: unknown }).value)).sort().join('-');
    }
  }
  return undefined;
}

/** Walks a YAML document along a path; returns the deepest node reached and how deep it got. */
function walk(doc: Document.Parsed, sem: Semantic[]): { node: YamlNode | null; depth: number; keyNode: YamlNode | null } {
  let node: unknown = doc.contents;
  let keyNode: YamlNode | null = null;
  let depth = 0;
  for (const s of sem) {
    let next: unknown;
    let nextKey: YamlNode | null = null;
    if ('key' in s && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === s.key);
      if (pair) {
        next = pair.value ?? pair.key;
        nextKey = pair.key as YamlNode;
      }
    } else if ('index' in s && isSeq(node)) {
      next = node.items[s.index];
    } else if ('id' in s && isSeq(node)) {
      next = node.items.find((it) => isMap(it) && yamlEntryKey(it) === s.id);
    }
    if (next === undefined || next === null) break;
    node = next;
    keyNode = nextKey;
    depth++;
  }
  return { node: (node as YamlNode) ?? null, depth, keyNode };
}

/** The YAML node a path of the resolved scenario is written as, with its file: the first file (variant first) that holds the whole path. */
export function nodeAt(files: readonly ParsedFile[], data: unknown, path: readonly PathSegment[]): { file: ParsedFile; node: YamlNode } | undefined {
  const sem = semanticPath(data, path);
  for (const f of files) {
    const r = walk(f.doc, sem);
    if (r.depth === sem.length && r.node) return { file: f, node: r.node };
  }
  return undefined;
}

/**
 * Where a path of the resolved scenario is written: the file (variant first, then its bases) that
 * reaches deepest along it. `atKey` points at the key rather than the value (for unknown fields).
 */
export function locate(files: readonly ParsedFile[], data: unknown, path: readonly PathSegment[], atKey = false): Location {
  const sem = semanticPath(data, path);
  let best: { file: ParsedFile; node: YamlNode | null; depth: number; keyNode: YamlNode | null } | undefined;
  for (const f of files) {
    const r = walk(f.doc, sem);
    if (!best || r.depth > best.depth) best = { file: f, ...r };
    if (r.depth === sem.length) break;
  }
  const target = best && (atKey && best.depth === sem.length && best.keyNode ? best.keyNode : best.node);
  const offset = target?.range?.[0] ?? 0;
  const file = best?.file ?? files[0];
  if (!file) return { file: '<unknown>', line: 1, column: 1 };
  const pos = file.lines.linePos(offset);
  return { file: file.file, line: pos.line, column: pos.col };
}
