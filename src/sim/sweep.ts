// Sweeps: the outcome shares (and each role's win share) over a grid of one or two parameters, for analysts
// who plot them. A sweep is written `KEY=FROM..TO:STEP`, the key a parameter's readable name
// (pairs.russia-ukraine.fear) or its data key (pairs.0.fear); every grid point plays the same seeds (those
// of `sim --runs N`) as one variant of a variant batch (src/sim/variant-runs.ts). Mistakes are SweepErrors
// that say what is wrong and how to write it.
import { validateData, type Scenario } from './scenario/load';
import { closestParameter, findParameter, scenarioParameters, sensitivitySides, tidy, writeParameters, type Parameter, type ParameterSet, type ParameterValues } from './parameters';
import { makeBatch, variantShares, type VariantBatch, type VariantTally } from './variant-runs';

/** The most grid points a sweep may have (a 20 × 20 grid). */
export const MAX_SWEEP_POINTS = 400;
/** At most this many parameters per sweep. */
export const MAX_SWEEP_AXES = 2;

export class SweepError extends Error {}

/** One axis: a parameter and the values it takes. */
export interface SweepAxis {
  key: string;
  name: string;
  values: number[];
}

export interface SweepPlan {
  batch: VariantBatch;
  axes: SweepAxis[];
}

/** One grid point's shares (0–1): per outcome (in the batch's order) and each role's win share. */
export interface SweepRow {
  values: number[];
  outcomes: number[];
  wins: number[];
}

export interface SweepTable {
  runs: number;
  axes: SweepAxis[];
  outcomes: string[];
  roles: string[];
  rows: SweepRow[];
}

/** How to write a sweep, with an example from the scenario's own first parameter. */
function form(set: ParameterSet): string {
  const p = set.parameters[0];
  if (!p) return 'write it as KEY=FROM..TO:STEP';
  const { below, above } = sensitivitySides(p, set.values);
  return `write it as KEY=FROM..TO:STEP, e.g. ${p.name}=${below}..${above}:${p.delta}`;
}

/** The parameters' readable names, for a hint: those of the same kind as what was written first. */
function known(text: string, names: string[]): string {
  const tail = text.slice(text.lastIndexOf('.') + 1).toLowerCase();
  const same = names.filter((n) => n.toLowerCase().endsWith(`.${tail}`));
  const list = (same.length ? same : names).slice(0, 6);
  return `${list.join(', ')}${names.length > list.length ? ', …' : ''}`;
}

/** Reads one `KEY=FROM..TO:STEP` against the scenario's parameters. */
export function parseSweep(scenario: Scenario, text: string): SweepAxis {
  const set = scenarioParameters(scenario.data);
  const eq = text.indexOf('=');
  const range = text.slice(eq + 1).split('..');
  const colon = range[1]?.lastIndexOf(':') ?? -1;
  if (eq <= 0 || range.length !== 2 || colon < 0) throw new SweepError(`--sweep '${text}': ${form(set)}`);
  const key = text.slice(0, eq).trim();
  const p = findParameter(set, key);
  if (!p) {
    const near = closestParameter(set, key);
    throw new SweepError(`--sweep '${text}': '${key}' is not a tweakable parameter — ${near ? `did you mean '${near}'?` : `parameters are named like ${known(key, set.parameters.map((x) => x.name))}`}`);
  }
  const words = [range[0]!, range[1]!.slice(0, colon), range[1]!.slice(colon + 1)].map((x) => x.trim());
  const [from, to, step] = words.map((x) => (x === '' ? NaN : Number(x))) as [number, number, number];
  const bad = words.find((_, i) => !Number.isFinite([from, to, step][i]!));
  if (bad !== undefined) throw new SweepError(`--sweep '${text}': '${bad}' is not a number; ${form(set)}`);
  if (!(step > 0)) throw new SweepError(`--sweep '${text}': the step must be above 0, got ${step}`);
  if (from > to) throw new SweepError(`--sweep '${text}': FROM (${from}) is above TO (${to}); write the lower value first`);
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > MAX_SWEEP_POINTS) throw new SweepError(`--sweep '${text}': ${count} values; at most ${MAX_SWEEP_POINTS} grid points — take a larger step`);
  const values = Array.from({ length: count }, (_, i) => tidy(from + i * step));
  return { key: p.key, name: p.name, values };
}

/** A grid point's values by key. */
function pointValues(axes: readonly SweepAxis[], index: number[]): ParameterValues {
  return Object.fromEntries(axes.map((a, k) => [a.key, a.values[index[k]!]!]));
}

/** Every grid point, the first axis slowest (row order of the CSV). */
function gridPoints(axes: readonly SweepAxis[]): number[][] {
  let points: number[][] = [[]];
  for (const a of axes) points = points.flatMap((p) => a.values.map((_, i) => [...p, i]));
  return points;
}

/**
 * The sweep's plan: one variant per grid point. The grid is checked first, so nothing runs on a bad one:
 * its size, a parameter given twice, and every value against the scenario's rules (validateData at the
 * grid's corners, where each value is at its lowest or highest; a range's two ends at every point).
 */
export function planSweep(scenario: Scenario, axes: SweepAxis[], seeds: string[]): SweepPlan {
  if (axes.length === 0 || axes.length > MAX_SWEEP_AXES) throw new SweepError(`a sweep takes one or two --sweep parameters, got ${axes.length}`);
  if (new Set(axes.map((a) => a.key)).size < axes.length) throw new SweepError(`--sweep names ${axes[0]!.name} twice; sweep two different parameters`);
  const size = axes.reduce((n, a) => n * a.values.length, 1);
  if (size > MAX_SWEEP_POINTS) throw new SweepError(`the grid has ${size} points (${axes.map((a) => a.values.length).join(' × ')}); at most ${MAX_SWEEP_POINTS} — take larger steps`);
  const points = gridPoints(axes);
  const set = scenarioParameters(scenario.data);
  const corners = gridPoints(axes.map((a) => ({ ...a, values: [a.values[0]!, a.values[a.values.length - 1]!] }))).map((c) => c.map((i, k) => (i === 0 ? 0 : axes[k]!.values.length - 1)));
  for (const c of corners) {
    const values = pointValues(axes, c);
    const r = validateData(writeParameters(scenario.data, values), [], 'sweep');
    if (!r.ok) {
      const e = r.errors[0]!;
      const at = axes.map((a) => `${a.name} = ${values[a.key]}`).join(', ');
      throw new SweepError(`the sweep reaches a value the scenario does not allow: at ${at}, ${e.path}: ${e.message}${e.hint ? ` — ${e.hint}` : ''}`);
    }
  }
  const ranges = new Set(axes.map((a) => /^(.*)\.[01]$/.exec(a.key)?.[1]).filter((x): x is string => x !== undefined));
  for (const r of ranges) {
    for (const pt of points) {
      const values = { ...Object.fromEntries([0, 1].map((e) => [`${r}.${e}`, set.values[`${r}.${e}`]!])), ...pointValues(axes, pt) };
      if (values[`${r}.0`]! > values[`${r}.1`]!) {
        const lo = set.parameters.find((p: Parameter) => p.key === `${r}.0`)!;
        throw new SweepError(`the sweep puts ${lo.name} (${values[`${r}.0`]}) above the range's high end (${values[`${r}.1`]}); keep the low end at or below the high end`);
      }
    }
  }
  return { batch: makeBatch(scenario.data, points.map((pt) => pointValues(axes, pt)), seeds), axes };
}

/** The shares at every grid point (the tally fully played). */
export function sweepTable(plan: SweepPlan, tally: VariantTally): SweepTable {
  const { batch, axes } = plan;
  const rows = batch.variants.map((values, v) => {
    const s = variantShares(batch, tally, v);
    return { values: axes.map((a) => values[a.key]!), outcomes: s.outcomes, wins: s.wins };
  });
  return { runs: batch.seeds.length, axes, outcomes: batch.outcomes, roles: batch.roles, rows };
}

/** A share for the CSV: at most 6 decimals. */
const share = (x: number): string => String(Number(x.toFixed(6)));

/** A CSV field, quoted when it has to be. */
const field = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * The table as CSV, ready to plot: a header row (the parameters' names, `runs`, each outcome's id, then
 * `<role> win` for each role) and one row per grid point, shares from 0 to 1.
 */
export function sweepCsv(table: SweepTable): string {
  const header = [...table.axes.map((a) => a.name), 'runs', ...table.outcomes, ...table.roles.map((r) => `${r} win`)];
  const lines = [header.map(field).join(',')];
  for (const row of table.rows) lines.push([...row.values.map(String), String(table.runs), ...row.outcomes.map(share), ...row.wins.map(share)].join(','));
  return `${lines.join('\n')}\n`;
}
