// Calibration of a scenario family: plays the base and its variants over many seeds in observer mode and
// measures the outcome shares, the day of the end, peak tension, the ledger's main causes, whether the
// opening follows the source's record, and the targets that the variants must move (see docs/calibration.md).
import { compile } from './model';
import type { Scenario } from './scenario/load';
import { createGame, type GameState } from './state';
import { step } from './step';
import { overallTension, pairBetween } from './tension';
import { summarise, type Odds, type RunSummary } from './runs';
import { causeLabel } from './explain';
import { contributions } from './ledger';
import { dateTurn } from './calendar';

export interface Study {
  file: string;
  scenario: Scenario;
  odds: Odds;
  /** Share of runs whose Russia–Ukraine tension rose start → 17 Jan → 9 Feb with no war before 9 Feb. */
  followsRecord: number;
  /** Mean Russia–Ukraine tension on the article's dates. */
  checkpoints: { date: string; mean: number }[];
  /** Causes of Russia–Ukraine tension at the end, averaged over runs (top 8). */
  causes: { label: string; mean: number }[];
  warShare: number;
}

export const CHECKPOINTS = ['2022-01-17', '2022-01-24', '2022-01-28', '2022-02-09'];

export function study(file: string, scenario: Scenario, runs: number): Study {
  const m = compile(scenario);
  const ruUa = pairBetween(m, 'russia', 'ukraine');
  const start = m.data.meta.start;
  const cpTurns = CHECKPOINTS.map((d) => dateTurn(start, d));
  const cpSums = CHECKPOINTS.map(() => 0);
  const causeSums = new Map<string, number>();
  const summaries: RunSummary[] = [];
  let follows = 0;
  for (let i = 1; i <= runs; i++) {
    let s: GameState = createGame(scenario, String(i));
    const t0 = s.tension[ruUa]!;
    let peak = overallTension(m, s);
    const at = new Map<number, number>();
    while (!s.outcome) {
      s = step(scenario, s).state;
      peak = Math.max(peak, overallTension(m, s));
      at.set(s.turn, s.tension[ruUa]!);
    }
    cpTurns.forEach((t, k) => (cpSums[k]! += at.get(t) ?? s.tension[ruUa]!));
    const jan17 = at.get(cpTurns[0]!);
    const feb9 = at.get(cpTurns[3]!);
    if (jan17 !== undefined && feb9 !== undefined && t0 < jan17 && jan17 < feb9) follows++;
    for (const c of contributions(s, ruUa, m.data.rules.ledgerSize, m.causeNames)) {
      const label = causeLabel(m, c);
      causeSums.set(label, (causeSums.get(label) ?? 0) + c.amount);
    }
    summaries.push({ outcome: s.outcome!.id, endTurn: s.outcome!.turn, peak, blame: s.outcome!.blame });
  }
  const odds = summarise(scenario, summaries);
  return {
    file,
    scenario,
    odds,
    followsRecord: follows / runs,
    checkpoints: CHECKPOINTS.map((date, k) => ({ date, mean: cpSums[k]! / runs })),
    causes: [...causeSums]
      .map(([label, sum]) => ({ label, mean: sum / runs }))
      .sort((a, b) => Math.abs(b.mean) - Math.abs(a.mean))
      .slice(0, 8),
    warShare: (odds.outcomes.war ?? 0) / runs,
  };
}

export const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export interface Check {
  what: string;
  ok: boolean;
}

export function checks(base: Study, variants: Study[]): Check[] {
  const out: Check[] = [];
  const shares = Object.entries(base.odds.outcomes).map(([id, n]) => [id, n / base.odds.runs] as const);
  const top = shares.reduce((a, b) => (b[1] > a[1] ? b : a));
  out.push({ what: `base: no outcome above 80% (largest: ${top[0]} ${pct(top[1])})`, ok: top[1] <= 0.8 });
  const unreached = shares.filter(([, s]) => s === 0).map(([id]) => id);
  out.push({ what: `base: every outcome reachable${unreached.length ? ` (never: ${unreached.join(', ')})` : ''}`, ok: unreached.length === 0 });
  out.push({ what: `base: at least three outcomes occur (${shares.filter(([, s]) => s > 0).length})`, ok: shares.filter(([, s]) => s > 0).length >= 3 });
  out.push({ what: `base: most seeds follow the article's record to 9 February (${pct(base.followsRecord)})`, ok: base.followsRecord > 0.5 });
  const expect: Record<string, 'lower' | 'higher'> = { 'open-books': 'lower', 'multi-vector-minsk': 'lower', 'fast-spiral': 'higher' };
  for (const v of variants) {
    const id = v.scenario.data.meta.id;
    const dir = expect[id];
    if (!dir) continue;
    const ok = dir === 'lower' ? v.warShare < base.warShare : v.warShare > base.warShare;
    out.push({ what: `${id}: war share ${dir} than the base (${pct(v.warShare)} vs ${pct(base.warShare)})`, ok });
  }
  return out;
}

