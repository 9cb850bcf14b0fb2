// Scenario errors: what is wrong, where (file, line, column, field path), and how to fix it,
// plus the "did you mean" suggestion used across validation.

export interface ScenarioError {
  file: string;
  line: number;
  column: number;
  /** The field path, e.g. actors[belarus].traits.aggression. */
  path: string;
  message: string;
  hint?: string;
}

/** `file:line:col path: message (hint)` — the one-line form the CLI prints. */
export function formatError(e: ScenarioError): string {
  const where = `${e.file}:${e.line}:${e.column}`;
  const path = e.path ? ` ${e.path}:` : '';
  return `${where}${path} ${e.message}${e.hint ? ` — ${e.hint}` : ''}`;
}

/** Thrown inside the loader and caught at its edge; never escapes loadScenario. */
export class ScenarioFailure extends Error {
  constructor(readonly errors: ScenarioError[]) {
    super(errors.map(formatError).join('\n'));
    this.name = 'ScenarioFailure';
  }
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** The closest known name, when it is close enough to be a likely typo. */
export function closest(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(name.length / 3)) ? best : undefined;
}

/** "did you mean 'minsk'?" or a list of what exists. */
export function suggest(name: string, known: readonly string[], what: string): string {
  const c = closest(name, known);
  if (c) return `did you mean '${c}'?`;
  const list = known.slice(0, 12).join(', ');
  return known.length ? `known ${what}: ${list}${known.length > 12 ? ', …' : ''}` : `no ${what} are defined`;
}
