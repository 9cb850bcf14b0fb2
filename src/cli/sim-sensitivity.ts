// `sim FILE --sensitivity`: every tweakable parameter a step below and a step above its value on the same
// seeds (src/sim/sensitivity.ts), on worker threads with a progress bar, ranked by its effect on the chosen
// measure: a ranked table with a small text tornado (the top ones), or with --json the full ranking.
import { compile, planSensitivity, rankSensitivity, type Scenario, type SensitivityMetric, type SensitivityResult } from '../sim/index';
import { UsageError } from './args';
import { runVariantsParallel } from './variant-pool';
import { progress } from './progress';

export interface SensitivityOptions {
  seeds: string[];
  workers: number;
  /** An outcome id or a role id to rank by (neither: how far the whole outcome distribution moves). */
  outcome?: string;
  role?: string;
  /** Rows of the table (the JSON always has all). */
  top: number;
  json: boolean;
}

/** The measure asked for, checked against the scenario (a usage error names the ids that exist). */
export function sensitivityMetric(scenario: Scenario, outcome: string | undefined, role: string | undefined): SensitivityMetric {
  const d = scenario.data;
  if (outcome !== undefined && role !== undefined) throw new UsageError('--outcome and --role rank by different measures: give one of them');
  if (outcome !== undefined) {
    if (!d.outcomes.some((o) => o.id === outcome)) throw new UsageError(`unknown outcome '${outcome}': the outcomes are ${d.outcomes.map((o) => o.id).join(', ')}`);
    return { kind: 'outcome', id: outcome };
  }
  if (role !== undefined) {
    const roles = d.actors.filter((a) => a.playable).map((a) => a.id);
    if (!roles.includes(role)) throw new UsageError(`unknown role '${role}': the playable roles are ${roles.join(', ')}`);
    return { kind: 'role', id: role };
  }
  return { kind: 'outcomes' };
}

/** The measure in words. */
function metricName(scenario: Scenario, metric: SensitivityMetric): string {
  const d = scenario.data;
  if (metric.kind === 'outcome') return `the share of ${d.outcomes.find((o) => o.id === metric.id)!.name}`;
  if (metric.kind === 'role') return `${d.actors.find((a) => a.id === metric.id)!.name}'s win share`;
  return 'the outcome shares (how far they move: half the sum of the changes)';
}

/** Percentage points with a sign: +12.3. */
const points = (x: number): string => `${x > 0 ? '+' : x < 0 ? '−' : ' '}${Math.abs(x * 100).toFixed(1)}`;

/** A text tornado: negative effects grow left of the bar, positive ones right, scaled to the largest. */
function bar(effect: number, largest: number, half = 12): string {
  const n = largest > 0 ? Math.round((Math.abs(effect) / largest) * half) : 0;
  const left = effect < 0 ? ' '.repeat(half - n) + '█'.repeat(n) : ' '.repeat(half);
  const right = effect > 0 ? '█'.repeat(n) + ' '.repeat(half - n) : ' '.repeat(half);
  return `${left}│${right}`;
}

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));

/** The ranked table: the top rows, a line for the rest. */
export function sensitivityTable(scenario: Scenario, r: SensitivityResult, top: number): string {
  const m = compile(scenario);
  const lines: string[] = [];
  lines.push(`${m.data.meta.title} · sensitivity of ${metricName(scenario, r.metric)}`);
  lines.push(`${r.ranking.length} parameters, each ±10 % (at least one slider step) on the same ${r.runs} seeds`);
  const base = r.metric.kind === 'outcome' ? r.base.outcomes[r.metric.id]! : r.metric.kind === 'role' ? r.base.roles[r.metric.id]! : null;
  if (base !== null) lines.push(`base: ${(base * 100).toFixed(1)} %`);
  lines.push('');
  const shown = r.ranking.slice(0, top);
  const largest = Math.max(0, ...shown.map((x) => Math.abs(x.effect)));
  const nameWidth = Math.max(9, ...shown.map((x) => x.name.length));
  const sides = shown.map((x) => `${x.below} → ${x.above}`);
  const sideWidth = Math.max(13, ...sides.map((s) => s.length));
  lines.push(`${'#'.padStart(3)}  ${pad('parameter', nameWidth)}  ${pad('base', 8)}  ${pad('below → above', sideWidth)}  ${pad('effect (points)', 15)}  ${' '.repeat(12)}−│+`);
  shown.forEach((x, i) => {
    const effect = `${points(x.effect)} ± ${(x.error * 100).toFixed(1)}`;
    const noise = x.effect !== 0 && Math.abs(x.effect) < 2 * x.error ? '  (within noise)' : '';
    lines.push(`${String(i + 1).padStart(3)}  ${pad(x.name, nameWidth)}  ${pad(String(x.base), 8)}  ${pad(sides[i]!, sideWidth)}  ${pad(effect, 15)}  ${bar(x.effect, largest)}${noise}`);
  });
  const rest = r.ranking.length - shown.length;
  if (rest > 0) lines.push(`… and ${rest} more (--top ${r.ranking.length} lists them all; --json gives the full ranking)`);
  const zero = r.ranking.filter((x) => x.effect === 0 && x.error === 0).length;
  if (zero) lines.push(`${zero} parameter${zero === 1 ? '' : 's'} moved the measure in none of the ${r.runs} games.`);
  lines.push('effect: the measure at the value above − at the value below, in percentage points, ± one standard error of the paired games');
  return `${lines.join('\n')}\n`;
}

/** Runs the sensitivity study and prints it. */
export async function runSensitivity(scenario: Scenario, o: SensitivityOptions): Promise<void> {
  const metric = sensitivityMetric(scenario, o.outcome, o.role);
  const plan = planSensitivity(scenario, o.seeds);
  const tally = await runVariantsParallel(scenario, plan.batch, { workers: o.workers, progress });
  const result = rankSensitivity(plan, tally, metric);
  if (o.json) {
    const { meta } = scenario.data;
    process.stdout.write(`${JSON.stringify({ scenario: { id: meta.id, hash: scenario.hash }, seeds: { first: o.seeds[0], last: o.seeds[o.seeds.length - 1] }, ...result })}\n`);
  } else process.stdout.write(sensitivityTable(scenario, result, o.top));
}
