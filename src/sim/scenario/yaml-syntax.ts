// YAML syntax errors in words a modder can act on. The yaml parser reports where it got confused, which
// is often the line before the mistake (an over-indented key makes the value above it look like a
// multi-line key), and one mistake can give two errors at the same place. This names the line that is
// wrong, says what is wrong with it, and how to fix it; errors that come from the same mistake are
// reported once.

/** One syntax error, explained: 1-based line and column of the line to fix. */
export interface SyntaxProblem {
  line: number;
  col: number;
  message: string;
  hint?: string;
}

/** What the yaml parser said: its error code, first message line, and where (1-based). */
export interface ParserError {
  code: string;
  message: string;
  line: number;
  col: number;
}

const indentOf = (s: string): number => s.length - s.trimStart().length;
const blank = (s: string): boolean => s.trim() === '' || s.trimStart().startsWith('#');
/** The key a line starts with ("start" in "  start: 2022-01-01", "id" in "  - id: a"), or null. */
function keyOf(s: string): string | null {
  const m = /^\s*(?:-\s+)?([^\s:#'"][^:#]*?|'[^']*'|"[^"]*"):(?:\s|$)/.exec(s);
  return m ? m[1]!.trim() : null;
}
/** The column (1-based) where a line's key starts, past any "- ". */
function keyCol(s: string): number {
  const m = /^(\s*(?:-\s+)?)/.exec(s)!;
  return m[1]!.length + 1;
}
const spaces = (n: number): string => `${n} space${n === 1 ? '' : 's'}`;

/** The nearest line above `from` (0-based index) that is not blank or a comment, or -1. */
function previousLine(lines: string[], from: number): number {
  for (let i = from - 1; i >= 0; i--) if (!blank(lines[i]!)) return i;
  return -1;
}

/** Explains one parser error against the text (the lines of the file). */
export function explainSyntaxError(lines: string[], e: ParserError): SyntaxProblem {
  const at = e.line - 1;
  const here = lines[at] ?? '';
  if (e.code === 'TAB_AS_INDENT') {
    return { line: e.line, col: 1, message: `line ${e.line} is indented with a tab`, hint: 'YAML indents with spaces only: replace the tab with spaces, lined up with the lines around it' };
  }
  if (e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'MULTILINE_IMPLICIT_KEY') {
    // A key indented deeper than the key above it, which already has a value: the parser reads the
    // value on the line above as running on into this line, and complains at the value.
    const key = keyOf(here);
    for (let i = at + 1; i < lines.length; i++) {
      const next = lines[i]!;
      if (blank(next)) continue;
      if (key !== null && indentOf(next) > indentOf(here) && keyOf(next) !== null && keyCol(next) > keyCol(here)) {
        return {
          line: i + 1,
          col: keyCol(next),
          message: `line ${i + 1} ('${keyOf(next)}:') is indented deeper than '${key}:' on line ${e.line}, which already has a value`,
          hint: `line it up with the keys around it (${spaces(keyCol(here) - 1)} before '${key}:'); a key nests only under a key with no value on its own line`,
        };
      }
      break;
    }
    // "title: War: the sequel": a colon and a space inside a plain value start a second key.
    const value = here.slice(e.col - 1);
    if (/:\s/.test(value) || value.trimEnd().endsWith(':')) {
      return { line: e.line, col: e.col, message: `the value on line ${e.line} contains ': ', which YAML reads as a second key`, hint: `put the value in quotes: ${key ?? 'key'}: "${value.trim().replace(/"/g, '\\"')}"` };
    }
    if (/^\s*(?:-\s+)?[^\s:#]+:[^\s]/.test(here)) {
      const k = /^\s*(?:-\s+)?([^\s:#]+):/.exec(here)![1]!;
      return { line: e.line, col: e.col, message: `'${here.trim()}' on line ${e.line} has no space after the colon`, hint: `write '${k}: …' — YAML needs a space after the colon of a key` };
    }
  }
  if (e.code === 'BAD_INDENT' && /same column/.test(e.message)) {
    const prev = previousLine(lines, at);
    const sibling = prev >= 0 ? keyCol(lines[prev]!) : null;
    return {
      line: e.line,
      col: keyCol(here),
      message: `line ${e.line} starts at column ${keyCol(here)}, out of line with the keys above it${sibling !== null ? ` (line ${prev + 1} starts at column ${sibling})` : ''}`,
      hint: 'indent it like the other keys of the mapping it belongs to: keys of one mapping start at the same column',
    };
  }
  if (e.code === 'MISSING_CHAR' && /without - indicator/.test(e.message)) {
    const prev = previousLine(lines, at);
    return {
      line: e.line,
      col: keyCol(here),
      message: `line ${e.line} is inside a list but lines up with neither its items nor their fields`,
      hint: prev >= 0 ? `indent it like line ${prev + 1} (${spaces(keyCol(lines[prev]!) - 1)}) if it is a field of that item, or start a new item with '- '` : "start a list item with '- '",
    };
  }
  if (e.code === 'MISSING_CHAR' && /closing .?quote/i.test(e.message)) {
    const quote = /closing "/.test(e.message) || /double/i.test(e.message) ? '"' : "'";
    // The line where the quote opens: the last line above with an odd number of that quote.
    for (let i = Math.min(at, lines.length - 1); i >= 0; i--) {
      const n = (lines[i]!.match(quote === "'" ? /'/g : /"/g) ?? []).length;
      if (n % 2 === 1) return { line: i + 1, col: lines[i]!.indexOf(quote) + 1, message: `the quote opened on line ${i + 1} is never closed`, hint: `end the text with ${quote} on the same line` };
    }
    return { line: e.line, col: e.col, message: 'a quote is never closed', hint: `end each quoted text with its quote (${quote}) on the line where it starts` };
  }
  if (e.code === 'DUPLICATE_KEY') return { line: e.line, col: e.col, message: `duplicate key: ${e.message}`, hint: 'each key may appear once in a mapping' };
  return { line: e.line, col: e.col, message: `syntax error: ${e.message}`, hint: 'check the indentation and quotes on this line and the one above it' };
}

/** Explains every parser error; errors that point at the same line to fix (one mistake) come once. */
export function explainSyntaxErrors(text: string, errors: ParserError[]): SyntaxProblem[] {
  const lines = text.split(/\r?\n/);
  const out: SyntaxProblem[] = [];
  const seen = new Set<number>();
  for (const e of errors) {
    const p = explainSyntaxError(lines, e);
    if (seen.has(p.line)) continue;
    seen.add(p.line);
    out.push(p);
  }
  return out;
}
