// `sim FILE --sweep KEY=FROM..TO:STEP [--sweep …]`: the outcome shares and each role's win share over a grid
// of one or two parameters (src/sim/sweep.ts), every point on the same seeds, on worker threads with a
// progress bar: CSV ready for plotting (--csv), one JSON document (--json), or a table in percent.
import { compile, parseSweep, planSweep, sweepCsv, sweepTable, SweepError, type Scenario, type SweepTable } from '../sim/index';
import { UsageError } from './args';
import { runVariantsParallel } from './variant-pool';
import { progress } from './progress';

export interface SweepOptions {
  sweeps: string[];
  seeds: string[];
  workers: number;
  format: 'csv' | 'json' | 'table';
}

/** The table in percent, for reading in a terminal. */
function textTable(scenario: Scenario, t: SweepTable): string {
  const m = compile(scenario);
  const name = (id: string) => m.data.outcomes.find((o) => o.id === id)?.name ?? id;
  const header = [...t.axes.map((a) => a.name), ...t.outcomes.map(name), ...t.roles.map((r) => `${r} win`)];
  const rows = t.rows.map((r) => [...r.values.map(String), ...[...r.outcomes, ...r.wins].map((x) => `${(x * 100).toFixed(1)} %`)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < t.axes.length ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return `${m.data.meta.title} · ${t.runs} runs per grid point\n\n${[line(header), ...rows.map(line)].join('\n')}\n`;
}

/** Runs the sweep and prints it; a bad sweep is a usage error that says what to write. */
export async function runSweep(scenario: Scenario, o: SweepOptions): Promise<void> {
  let plan;
  try {
    plan = planSweep(scenario, o.sweeps.map((s) => parseSweep(scenario, s)), o.seeds);
  } catch (e) {
    if (e instanceof SweepError) throw new UsageError(e.message);
    throw e;
  }
  const tally = await runVariantsParallel(scenario, plan.batch, { workers: o.workers, progress });
  const table = sweepTable(plan, tally);
  if (o.format === 'csv') process.stdout.write(sweepCsv(table));
  else if (o.format === 'json') {
    const { meta } = scenario.data;
    const points = table.rows.map((r) => ({
      values: Object.fromEntries(table.axes.map((a, k) => [a.name, r.values[k]!])),
      outcomes: Object.fromEntries(table.outcomes.map((id, k) => [id, r.outcomes[k]!])),
      wins: Object.fromEntries(table.roles.map((id, k) => [id, r.wins[k]!])),
    }));
    const doc = { scenario: { id: meta.id, hash: scenario.hash }, runs: table.runs, seeds: { first: o.seeds[0], last: o.seeds[o.seeds.length - 1] }, axes: table.axes, outcomes: table.outcomes, roles: table.roles, points };
    process.stdout.write(`${JSON.stringify(doc)}\n`);
  } else process.stdout.write(textTable(scenario, table));
}
