// Batches over variants: the same seeds played as observer games on several variants of one scenario
// (each a set of parameter values, src/sim/parameters.ts), the engine of the sensitivity runs and the
// sweeps. The work is cut into jobs (a variant and a range of seeds) that any number of workers may take in
// any order; each job's part holds, per seed, the outcome and each playable role's result, and parts merge
// into a tally by seed index, so the tally (and everything read from it) is the same however it was split.
import { runSummary, type RunSummary } from './runs';
import type { Scenario } from './scenario/load';
import type { ScenarioData } from './scenario/schema';
import { scenarioParameters, withParameters, type ParameterSet, type ParameterValues } from './parameters';

/** What a batch plays: plain data (structured-clonable, JSON), the same for every worker. */
export interface VariantBatch {
  /** The seeds, the same for every variant (common random numbers): "1" … "N" as `sim --runs N`. */
  seeds: string[];
  /** Each variant's values by parameter key; {} is the base scenario. */
  variants: ParameterValues[];
  /** The outcome ids, in the scenario's order: a part codes an outcome by its index here. */
  outcomes: string[];
  /** The playable roles, in the scenario's order. */
  roles: string[];
}

/** One job: `count` seeds from index `first`, played on one variant. */
export interface VariantJob {
  variant: number;
  first: number;
  count: number;
}

/** A role's result as a code in a part: win, draw, loss, or none (the outcome does not read the role). */
export const RESULT_CODE = { loss: 0, draw: 1, win: 2, none: 3 } as const;

/** What a job gives back: per seed its outcome's index, and per seed and role a RESULT_CODE (seed-major). */
export interface VariantPart {
  variant: number;
  first: number;
  outcomes: number[];
  results: number[];
}

/** Parts merged: per variant, per seed (−1 until played) and, for results, per seed × role. */
export interface VariantTally {
  outcomes: number[][];
  results: number[][];
  /** Games merged so far, and in all. */
  done: number;
  total: number;
}

/** A batch over the scenario's outcomes and playable roles. */
export function makeBatch(d: ScenarioData, variants: ParameterValues[], seeds: string[]): VariantBatch {
  return { seeds, variants, outcomes: d.outcomes.map((o) => o.id), roles: d.actors.filter((a) => a.playable).map((a) => a.id) };
}

/** The batch's jobs, variant by variant, `perJob` seeds each (the last of a variant may be shorter). */
export function batchJobs(batch: VariantBatch, perJob: number): VariantJob[] {
  const size = Math.max(1, Math.floor(perJob));
  const jobs: VariantJob[] = [];
  batch.variants.forEach((_, variant) => {
    for (let first = 0; first < batch.seeds.length; first += size) jobs.push({ variant, first, count: Math.min(size, batch.seeds.length - first) });
  });
  return jobs;
}

/**
 * Seeds per job for `workers` workers: about 40 jobs per worker, so the last ones even out the workers'
 * finishing times, and at most one variant's seeds (a worker then sets up a variant once per job).
 */
export function seedsPerJob(batch: VariantBatch, workers: number): number {
  const games = batch.seeds.length * batch.variants.length;
  return Math.max(1, Math.min(batch.seeds.length, Math.ceil(games / (Math.max(1, workers) * 40))));
}

const sets = new WeakMap<ScenarioData, ParameterSet>();
/** The last variant set up for each base scenario (jobs come variant by variant, so it is usually the next one's). */
const lastVariant = new WeakMap<Scenario, { key: string; scenario: Scenario }>();

/** The variant's scenario: the base with the variant's values written (memoised for consecutive jobs). */
export function variantScenario(base: Scenario, values: ParameterValues): Scenario {
  const key = JSON.stringify(values);
  const last = lastVariant.get(base);
  if (last?.key === key) return last.scenario;
  let set = sets.get(base.data);
  if (!set) sets.set(base.data, (set = scenarioParameters(base.data)));
  const scenario = withParameters(base, values, set);
  lastVariant.set(base, { key, scenario });
  return scenario;
}

/** Codes one game for a part. */
function encode(batch: VariantBatch, run: RunSummary, outcomes: number[], results: number[]): void {
  const o = batch.outcomes.indexOf(run.outcome);
  if (o < 0) throw new Error(`a game ended in '${run.outcome}', which is not one of the scenario's outcomes`);
  outcomes.push(o);
  for (const role of batch.roles) results.push(RESULT_CODE[run.results?.[role] ?? 'none']);
}

/** Plays one job: the same games as `sim --runs` over those seeds, on the variant. */
export function runVariantJob(base: Scenario, batch: VariantBatch, job: VariantJob): VariantPart {
  const scenario = variantScenario(base, batch.variants[job.variant]!);
  const outcomes: number[] = [];
  const results: number[] = [];
  for (let i = job.first; i < job.first + job.count; i++) encode(batch, runSummary(scenario, batch.seeds[i]!), outcomes, results);
  return { variant: job.variant, first: job.first, outcomes, results };
}

/** A tally with nothing played yet. */
export function emptyTally(batch: VariantBatch): VariantTally {
  const n = batch.seeds.length;
  return {
    outcomes: batch.variants.map(() => new Array<number>(n).fill(-1)),
    results: batch.variants.map(() => new Array<number>(n * batch.roles.length).fill(-1)),
    done: 0,
    total: n * batch.variants.length,
  };
}

/** Merges a part into the tally (in place); a seed merged twice must agree, and counts once. */
export function addPart(tally: VariantTally, batch: VariantBatch, part: VariantPart): void {
  const outs = tally.outcomes[part.variant];
  const res = tally.results[part.variant];
  const r = batch.roles.length;
  if (!outs || !res || part.first < 0 || part.first + part.outcomes.length > outs.length || part.results.length !== part.outcomes.length * r) {
    throw new Error(`a part (variant ${part.variant}, seeds from ${part.first}) does not fit this batch`);
  }
  part.outcomes.forEach((o, k) => {
    const i = part.first + k;
    if (outs[i] !== -1 && outs[i] !== o) throw new Error(`two parts disagree on variant ${part.variant}, seed ${batch.seeds[i]}`);
    if (outs[i] === -1) tally.done++;
    outs[i] = o;
    for (let j = 0; j < r; j++) res[i * r + j] = part.results[k * r + j]!;
  });
}

/** The parts merged into one tally, in any order. */
export function mergeParts(batch: VariantBatch, parts: readonly VariantPart[]): VariantTally {
  const tally = emptyTally(batch);
  for (const p of parts) addPart(tally, batch, p);
  return tally;
}

/** Every job of the batch played here, one after another (a worker pool plays the same jobs in parallel). */
export function runBatchHere(base: Scenario, batch: VariantBatch, perJob = batch.seeds.length, progress?: (done: number, total: number) => void): VariantTally {
  const tally = emptyTally(batch);
  for (const job of batchJobs(batch, perJob)) {
    addPart(tally, batch, runVariantJob(base, batch, job));
    progress?.(tally.done, tally.total);
  }
  return tally;
}

/** A variant's share of games per outcome (in batch.outcomes order) and each role's win share. */
export function variantShares(batch: VariantBatch, tally: VariantTally, variant: number): { outcomes: number[]; wins: number[] } {
  const outs = tally.outcomes[variant]!;
  const res = tally.results[variant]!;
  const r = batch.roles.length;
  const n = outs.length;
  if (outs.includes(-1)) throw new Error(`variant ${variant} is not fully played yet`);
  const outcomes = batch.outcomes.map((_, o) => outs.filter((x) => x === o).length / n);
  const wins = batch.roles.map((_, j) => {
    let w = 0;
    for (let i = 0; i < n; i++) if (res[i * r + j] === RESULT_CODE.win) w++;
    return w / n;
  });
  return { outcomes, wins };
}
