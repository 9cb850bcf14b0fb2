// Calibration of a scenario family, as its `calibration:` section asks: plays the scenario and the variants
// it lists over many seeds in observer mode, measures the outcome shares, the day of the end, peak tension,
// the tension of the section's pair on its checkpoint dates and the ledger's main causes of it, whether runs
// follow the source's record, and checks the targets the section sets (docs/calibration.md, and
// docs/scenario-format.md for the section). The targets are data: nothing here names a scenario.
import { compile } from './model';
import { loadScenario, parseFile, resolvePath, type Scenario, type ScenarioReader } from './scenario/load';
import type { CalibrationData } from './scenario/schema';
import type { ScenarioError } from './scenario/errors';
import { formatPath, locate } from './scenario/source-map';
import { createGame, type GameState } from './state';
import { advance } from './step';
import { overallTension, pairBetween } from './tension';
import { summarise, type Odds, type RunSummary } from './runs';
import { causeLabel } from './explain';
import { contributions } from './ledger';
import { dateTurn, dayAndMonth } from './calendar';

/** Seeds per scenario unless told otherwise ("1" … "2000"), as docs/calibration.md is written. */
export const DEFAULT_RUNS = 2000;

/** A scenario to study and the file it comes from. */
export interface Calibrand {
  file: string;
  scenario: Scenario;
}

/** What to play: the scenario with its targets, and its variants in the order the section lists them. */
export interface CalibrationPlan {
  targets: CalibrationData;
  base: Calibrand;
  variants: Calibrand[];
}

export type PlanResult = { ok: true; plan: CalibrationPlan } | { ok: false; errors: ScenarioError[] };

/**
 * Loads a scenario and the variants its calibration section lists. Errors (file:line:col, path, message,
 * hint) for a scenario without the section, a variant file that is missing or does not load, one that does
 * not extend the scenario, and one that lacks the pair or the outcome its target names.
 */
export function planCalibration(file: string, reader: ScenarioReader): PlanResult {
  const loaded = loadScenario(file, reader);
  if (!loaded.ok) return loaded;
  const base = loaded.scenario;
  // The path as the loader resolves bases, so that a variant's chain of files can be compared with it.
  const baseFile = resolvePath(file, file.slice(file.lastIndexOf('/') + 1)) ?? file;
  const targets = base.data.calibration;
  if (!targets) {
    return {
      ok: false,
      errors: [{ file, line: 1, column: 1, path: '', message: 'no calibration section: nothing to calibrate', hint: 'add calibration: with the pair to follow and the targets the odds must meet (docs/scenario-format.md, part 6)' }],
    };
  }
  const text = reader.read(file);
  const parsed = typeof text === 'string' ? parseFile(file, text).parsed : undefined;
  const at = (path: (string | number)[], message: string, hint: string): ScenarioError => {
    const loc = parsed ? locate([parsed], parsed.data, path) : { file, line: 1, column: 1 };
    return { ...loc, path: formatPath(base.data, path), message, hint };
  };
  const errors: ScenarioError[] = [];
  const variants: Calibrand[] = [];
  const pairName = `[${targets.pair.join(', ')}]`;
  targets.variants.forEach((v, i) => {
    const path = ['calibration', 'variants', i, 'file'];
    const vFile = resolvePath(baseFile, v.file);
    if (vFile === undefined || reader.read(vFile) === undefined) {
      errors.push(at(path, `variant file '${vFile ?? v.file}' not found`, `the path is relative to this file: ./name.yaml for a file beside ${baseFile}`));
      return;
    }
    if (vFile === baseFile) {
      errors.push(at(path, `'${v.file}' is this scenario itself`, 'list the variants that extend this file, not the file'));
      return;
    }
    const r = loadScenario(vFile, reader);
    if (!r.ok) {
      errors.push(...r.errors);
      return;
    }
    const d = r.scenario.data;
    if (!r.scenario.files.includes(baseFile)) {
      errors.push(at(path, `'${v.file}' is not a variant of this scenario (its files: ${r.scenario.files.join(' → ')})`, `list only files whose extends: leads to ${baseFile}, or remove the entry`));
      return;
    }
    if (pairBetween(compile(r.scenario), targets.pair[0], targets.pair[1]) < 0) {
      errors.push(at(path, `the variant '${d.meta.id}' has no pair ${pairName} to follow`, 'calibration.pair must be a pair of every variant listed, or remove the entry'));
      return;
    }
    if (v.expect && !d.outcomes.some((o) => o.id === v.expect!.outcome)) {
      errors.push(at(['calibration', 'variants', i, 'expect', 'outcome'], `the variant '${d.meta.id}' has no outcome '${v.expect.outcome}'`, `its outcomes: ${d.outcomes.map((o) => o.id).join(', ')}`));
      return;
    }
    variants.push({ file: vFile, scenario: r.scenario });
  });
  if (errors.length) return { ok: false, errors };
  return { ok: true, plan: { targets, base: { file: baseFile, scenario: base }, variants } };
}

export interface Study {
  file: string;
  scenario: Scenario;
  odds: Odds;
  /** The followed pair by its actors' names, e.g. "Russia–Ukraine". */
  pairLabel: string;
  /** Share of runs whose pair tension rose from the start through the record's dates, the game not over before the last; undefined without a record. */
  followsRecord: number | undefined;
  /** Mean tension of the pair on the checkpoint dates. */
  checkpoints: { date: string; mean: number }[];
  /** Causes of the pair's tension at the end, averaged over runs (top 8). */
  causes: { label: string; mean: number }[];
}

/** Plays a scenario over seeds "1" … "runs" in observer mode and measures what the targets ask about. */
export function study(c: Calibrand, targets: CalibrationData, runs: number): Study {
  const { file, scenario } = c;
  const m = compile(scenario);
  const [a, b] = targets.pair;
  const pair = pairBetween(m, a, b);
  if (pair < 0) throw new Error(`${file}: no pair [${a}, ${b}] to follow`);
  const name = (id: string): string => m.data.actors.find((x) => x.id === id)?.name ?? id;
  const start = m.data.meta.start;
  const dates = targets.checkpoints.map((x) => x.date);
  const cpTurns = dates.map((d) => dateTurn(start, d));
  const cpSums = dates.map(() => 0);
  const riseTurns = targets.record?.rises.map((d) => dateTurn(start, d)) ?? [];
  const causeSums = new Map<string, number>();
  const summaries: RunSummary[] = [];
  let follows = 0;
  for (let i = 1; i <= runs; i++) {
    const s: GameState = createGame(scenario, String(i));
    const t0 = s.tension[pair]!;
    let peak = overallTension(m, s);
    const at = new Map<number, number>();
    while (!s.outcome) {
      advance(scenario, s);
      peak = Math.max(peak, overallTension(m, s));
      at.set(s.turn, s.tension[pair]!);
    }
    // A run that has ended counts its last tension on the later dates.
    cpTurns.forEach((t, k) => (cpSums[k]! += at.get(t) ?? s.tension[pair]!));
    if (riseTurns.length) {
      const path = [t0, ...riseTurns.map((t) => at.get(t))];
      if (path.every((x, k) => x !== undefined && (k === 0 || path[k - 1]! < x))) follows++;
    }
    for (const x of contributions(s, pair, m.data.rules.ledgerSize, m.causeNames)) {
      const label = causeLabel(m, x);
      causeSums.set(label, (causeSums.get(label) ?? 0) + x.amount);
    }
    summaries.push({ outcome: s.outcome!.id, endTurn: s.outcome!.turn, peak, blame: s.outcome!.blame });
  }
  return {
    file,
    scenario,
    odds: summarise(scenario, summaries),
    pairLabel: `${name(a)}–${name(b)}`,
    followsRecord: targets.record ? follows / runs : undefined,
    checkpoints: dates.map((date, k) => ({ date, mean: cpSums[k]! / runs })),
    causes: [...causeSums]
      .map(([label, sum]) => ({ label, mean: sum / runs }))
      .sort((x, y) => Math.abs(y.mean) - Math.abs(x.mean))
      .slice(0, 8),
  };
}

export const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** A share as a target states it: 0.8 → "80%". */
const targetPct = (x: number): string => `${Number((x * 100).toFixed(1))}%`;

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const count = (n: number): string => WORDS[n] ?? String(n);

/** The share of runs that ended in an outcome. */
export function outcomeShare(s: Study, outcome: string): number {
  return (s.odds.outcomes[outcome] ?? 0) / s.odds.runs;
}

export interface Check {
  what: string;
  ok: boolean;
}

/** The targets of the section, checked on the studies: the base's first, then each variant's, in the section's order. */
export function checks(targets: CalibrationData, base: Study, variants: Study[]): Check[] {
  const out: Check[] = [];
  const shares = Object.entries(base.odds.outcomes).map(([id, n]) => [id, n / base.odds.runs] as const);
  const o = targets.outcomes;
  if (o?.maxShare !== undefined) {
    const top = shares.reduce((x, y) => (y[1] > x[1] ? y : x));
    out.push({ what: `base: no outcome above ${targetPct(o.maxShare)} (largest: ${top[0]} ${pct(top[1])})`, ok: top[1] <= o.maxShare });
  }
  if (o?.everyReached) {
    const unreached = shares.filter(([, s]) => s === 0).map(([id]) => id);
    out.push({ what: `base: every outcome reachable${unreached.length ? ` (never: ${unreached.join(', ')})` : ''}`, ok: unreached.length === 0 });
  }
  if (o?.atLeast !== undefined) {
    const occur = shares.filter(([, s]) => s > 0).length;
    out.push({ what: `base: at least ${count(o.atLeast)} outcomes occur (${occur})`, ok: occur >= o.atLeast });
  }
  const r = targets.record;
  if (r?.above !== undefined && base.followsRecord !== undefined) {
    const who = r.above === 0.5 ? 'most seeds' : `more than ${targetPct(r.above)} of seeds`;
    out.push({ what: `base: ${who} follow ${r.name} to ${dayAndMonth(r.rises[r.rises.length - 1]!)} (${pct(base.followsRecord)})`, ok: base.followsRecord > r.above });
  }
  targets.variants.forEach((t, i) => {
    const v = variants[i];
    if (!t.expect || !v) return;
    const { outcome, share } = t.expect;
    const mine = outcomeShare(v, outcome);
    const theirs = outcomeShare(base, outcome);
    const ok = share === 'lower' ? mine < theirs : mine > theirs;
    out.push({ what: `${v.scenario.data.meta.id}: ${outcome} share ${share} than the base (${pct(mine)} vs ${pct(theirs)})`, ok });
  });
  return out;
}
