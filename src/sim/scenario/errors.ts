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

/** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3 || a.length > 200 || b.length > 200) return 99;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
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
