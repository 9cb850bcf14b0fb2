// The comparison of two runs as `npm run -s replay -- A.json B.json` (and --twin, --variant) prints it: each
// run in a line, the first diverging day, the orders and the moves that differed in aligned columns, and
// where both runs stand on the last day they share; or the same as one JSON object. Formatting only: the
// comparison itself is the model's (compareRuns).
import { longDate, type Comparison, type Order, type Replay } from '../sim/index';

/** One side of a comparison, as the report names it. */
export interface Side {
  /** "A.json", "the no-orders twin of A.json", "A.json's orders on Fast spiral". */
  label: string;
  /** The file it was read from (null for a run made here: the twin, or the orders on a variant). */
  file: string | null;
  kind: 'replay' | 'twin' | 'variant';
  scenario: { id: string; title: string };
  replay: Replay;
}

/** A variant run that had to stop: the day and order it could not play, and why. */
export interface Stop {
  day: number;
  order: Order | null;
  error: string;
}

/** Whether two runs are the same run: no day differs, they are as long, and neither had to stop. */
export function identical(c: Comparison, stop: Stop | null): boolean {
  return c.divergedAt === null && c.longer === null && stop === null;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A run in a line: "Allied Resolve 2022, seed 7, role belarus, 90 days, 6 orders; outcome brink-pays on day 90". */
export function runLine(side: Side): string {
  const r = side.replay;
  const n = Object.keys(r.orders).length;
  const end = r.outcome ? `outcome ${r.outcome.id} on day ${r.outcome.turn}` : 'no outcome yet';
  return `${side.scenario.title}, seed ${r.seed}, role ${r.role}, ${plural(r.checkpoints.length, 'day')}, ${n ? plural(n, 'order') : 'no orders'}; ${end}`;
}

/** Rows in columns two spaces apart; `right` names the columns aligned right. The last column is not padded. */
export function columns(rows: string[][], right: readonly number[] = []): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 && !right.includes(i) ? cell : right.includes(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

function dateOf(c: Comparison, day: number): string {
  const d = c.curves[day];
  const iso = d?.a?.date ?? d?.b?.date ?? '';
  return iso ? longDate(iso) : '';
}

const fmt = (x: number | undefined): string => (x === undefined ? '—' : x.toFixed(1));

/** The comparison in words and aligned columns, ending with a newline. */
export function compareText(a: Side, b: Side, c: Comparison, stop: Stop | null): string {
  const out: string[] = [];
  out.push(...columns([
    ['A', a.label, runLine(a)],
    ['B', b.label, runLine(b)],
  ]));
  if (a.replay.seed !== b.replay.seed) out.push(`(different seeds: ${a.replay.seed} and ${b.replay.seed}; they differ from the start)`);
  if (a.replay.role !== b.replay.role) out.push(`(different roles: ${a.replay.role} and ${b.replay.role}; the orders compared are each run's player's)`);
  if (stop) out.push(`B stops on ${stop.error} — compared up to day ${stop.day - 1}.`);
  out.push('');
  const common = Math.min(c.length.a, c.length.b);
  if (c.divergedAt === 0) out.push(`They differ from the start: day 0, the eve (${dateOf(c, 0)}), is already not the same.`);
  else if (c.divergedAt !== null) out.push(`They diverge on day ${c.divergedAt} (${dateOf(c, c.divergedAt)}).`);
  else if (identical(c, stop)) out.push(`Identical: all ${plural(c.length.a, 'day')} match.`);
  else out.push(`They never diverge over the ${plural(common, 'day')} both have.`);
  if (c.longer) {
    const [long, short] = c.longer === 'a' ? (['A', 'B'] as const) : (['B', 'A'] as const);
    const shortSide = c.longer === 'a' ? b : a;
    const why = shortSide.replay.outcome && shortSide.replay.outcome.turn === common ? `${short} ended on day ${common} (${shortSide.replay.outcome.id})` : `${short} stops after day ${common}`;
    out.push(`${long} goes on longer: ${why}, ${long} runs to day ${Math.max(c.length.a, c.length.b)}.`);
  }

  out.push('');
  if (c.orders.length === 0) out.push(c.longer ? `Orders: the same over the ${plural(common, 'day')} both have.` : 'Orders: the same in both.');
  else {
    out.push(`Orders that differed (${c.orders.length}):`);
    const rows = [['day', 'date', 'A', 'B'], ...c.orders.map((o) => [String(o.day), dateOf(c, o.day), o.aText, o.bText])];
    out.push(...columns(rows, [0]).map((l) => `  ${l}`));
  }

  if (c.divergedAt !== null) {
    out.push('');
    const total = c.moves.length + c.movesLeftOff;
    if (total === 0) out.push(`Moves: the same in both from day ${c.divergedAt}; only their effects differ.`);
    else {
      out.push(`Moves that differed, from day ${Math.max(1, c.divergedAt)} (${total}${c.movesLeftOff ? `, the first ${c.moves.length} listed` : ''}); * is the player's own:`);
      const rows = [['day', 'run', 'actor', 'move'], ...c.moves.map((m) => [String(m.day), m.run.toUpperCase() + (m.yours ? '*' : ''), m.actorName, m.kind === 'incident' ? `${m.text} (incident)` : m.text])];
      out.push(...columns(rows, [0]).map((l) => `  ${l}`));
      if (c.movesLeftOff) out.push(`  … and ${plural(c.movesLeftOff, 'more move')}`);
    }
  }

  if (common > 0) {
    const da = c.curves[common]!.a!;
    const db = c.curves[common]!.b!;
    out.push('');
    out.push(`Day ${common} (${dateOf(c, common)}), the last both have:`);
    const rows = [['', 'A', 'B'], ['tension', fmt(da.overall), fmt(db.overall)], ...c.roles.map((r) => [`${r.name} VP`, fmt(da.points[r.id]), fmt(db.points[r.id])])];
    out.push(...columns(rows, [1, 2]).map((l) => `  ${l}`));
  }
  return `${out.join('\n')}\n`;
}

/** Numbers to 3 decimals, for JSON that a person may also read (the model keeps full precision). */
export function rounded(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value;
}

function sideJson(s: Side): Record<string, unknown> {
  const r = s.replay;
  return {
    label: s.label,
    file: s.file,
    kind: s.kind,
    scenario: s.scenario,
    seed: r.seed,
    role: r.role,
    days: r.checkpoints.length,
    orders: r.orders,
    outcome: r.outcome,
    // A run made here comes with its replay, to save and open like any other.
    ...(s.kind === 'replay' ? {} : { replay: r }),
  };
}

/** The comparison as one JSON object (one line, ending with a newline). */
export function compareJson(a: Side, b: Side, c: Comparison, stop: Stop | null): string {
  return `${JSON.stringify({ mode: b.kind === 'replay' ? 'compare' : b.kind, identical: identical(c, stop), a: sideJson(a), b: sideJson(b), stopped: stop, ...c }, rounded)}\n`;
}
