// The hint for a comma inside a YAML flow mapping, `{ … }`, that was meant as part of a text: in
// `{ id: x, name: Homestead, south Florida staging, lon: -80 }` the comma ends the name and starts a new
// key, 'south Florida staging', with no value. The loader reports that key as unknown; this says why, and
// shows the line with the text in quotes.
import { isMap, isScalar, type Pair } from 'yaml';
import { nodeAt, type ParsedFile, type PathSegment } from './source-map';

/** A key written with no `:` and no value (`{ a: 1, b }`): the parser gives its pair no value node at all. */
function bare(p: Pair): boolean {
  return isScalar(p.key) && p.value === null;
}

/**
 * The hint for the unknown key at `path` when it is a bare key in a flow mapping (text cut off by a
 * comma); undefined otherwise. It shows the line fixed when the text before the comma is on that line.
 */
export function flowCommaHint(files: readonly ParsedFile[], data: unknown, path: readonly PathSegment[]): string | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  const at = nodeAt(files, data, path.slice(0, -1));
  if (!at || !isMap(at.node) || !at.node.flow) return undefined;
  const items = at.node.items as Pair[];
  const k = items.findIndex((p) => isScalar(p.key) && String(p.key.value) === key);
  if (k < 0 || !bare(items[k]!)) return undefined;
  const general = 'a comma inside { } starts a new key, so this text became a key with no value: text that contains a comma needs quotes';
  // The run of bare keys this one belongs to, and the value before it that the comma cut short.
  let first = k;
  while (first > 0 && bare(items[first - 1]!)) first--;
  let last = k;
  while (last + 1 < items.length && bare(items[last + 1]!)) last++;
  const before = items[first - 1]?.value;
  const end = items[last]!.key as { range?: [number, number, number] };
  const text = at.file.text;
  if (!isScalar(before) || !before.range || !end.range || text === undefined) return general;
  const start = before.range[0];
  const stop = end.range[1];
  const quoted = JSON.stringify(`${String(before.value)}${text.slice(before.range[1], stop)}`);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
  const cut = `'${String(before.value)}'`;
  if (stop > lineEnd) return `the comma after ${cut} started a new key inside { }: text that contains a comma needs quotes, ${quoted}`;
  const fixed = `${text.slice(lineStart, start)}${quoted}${text.slice(stop, lineEnd)}`.trim();
  return `the comma after ${cut} started a new key inside { }: text that contains a comma needs quotes. Fixed: ${fixed}`;
}
