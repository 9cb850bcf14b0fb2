// The balance report's arithmetic (npm run balance): bots play each playable role over many seeds, and
// this turns their games into the figures of the report and checks them against the targets of a real
// decision. Pure and deterministic: the command line plays the games on threads and hands the records here.
//
//   shares          per role and bot, the share of wins, draws and losses, and of each outcome
//   strongest       the bot with the highest win share (ties: the one listed first)
//   decision days   over the sampled days of the search bot's games, the share where the search bot's own
//                   evaluation (its lookahead, on 8 worlds) separates the best order from the worst, hold
//                   included, by at least DECISION_MARGIN
//   card truth      Spearman's rank correlation, over a role's actions, between what a card shows (its
//                   cardOutlook vsHold) and what it measurably does for the role (rollouts to the end of
//                   the game with the AI playing on, minus holding on the same worlds)
import type { Scenario } from './scenario/load';
import type { GameState } from './state';
import type { RoleResult } from './score';
import { legalOrders } from './roles';
import { cardOutlook, evaluateOrders, CARD_LOOKAHEAD, type Lookahead } from './outlook';
import { DEFAULT_SEARCH } from './bots';

/** One game of a role played by a bot, as the report counts it. */
export interface GameRecord {
  role: string;
  bot: string;
  seed: string;
  outcome: string;
  result: RoleResult;
}

/** A bot's results for a role: shares from 0 to 1 (4 decimals), outcomes by share, largest first. */
export interface BotBalance {
  win: number;
  draw: number;
  loss: number;
  outcomes: Record<string, number>;
}

export interface DecisionDays {
  /** The share of the sampled days with a clear best and worst order (0 when no day was sampled). */
  share: number;
  /** How many days were sampled. */
  days: number;
}

/** One card (an action, over its targets) in the card-truth measure. */
export interface CardTruthRow {
  action: string;
  /** The mean value the card showed against holding (cardOutlook's vsHold). */
  shown: number;
  /** The mean value it measured against holding, by rollouts to the end of the game. */
  measured: number;
  /** The sampled days on which it was legal. */
  days: number;
}

export interface CardTruth {
  /** Spearman's rank correlation of shown and measured over the cards; null with fewer than 2 cards or no spread. */
  spearman: number | null;
  cards: CardTruthRow[];
}

export interface RoleBalance {
  bots: Record<string, BotBalance>;
  strongest: string;
  decisionDays: DecisionDays;
  cardTruth: CardTruth;
}

/** A target of the issue, checked for one role. */
export interface TargetLine {
  role: string;
  target: string;
  ok: boolean;
  detail: string;
}

/** A day holds a decision when its best and worst orders differ by at least this much (the role's 0–1 value). */
export const DECISION_MARGIN = 0.05;

/** The targets of a real decision (shares from 0 to 1). */
export const TARGETS = {
  strongestMin: 0.35,
  strongestMax: 0.85,
  trivialMax: 0.75,
  trivialGap: 0.1,
  sensibleLossBelow: 0.95,
  sensibleSpan: 0.25,
  decisionDays: 0.4,
  spearman: 0.6,
} as const;

/** How card truth samples its days: the first `seeds` seeds of the run, every `every`th day from day 1, `samples` worlds per order. */
export interface TruthOptions {
  seeds: number;
  every: number;
  samples: number;
  /** The rollouts' own seed (not the cards' 'cards'). */
  seed: string;
  /** Only actions legal on at least this many sampled days count. */
  minDays: number;
  /** Who plays the role after the sampled day in the measuring rollouts (as the cards and the search bot). */
  then: 'ai' | 'hold';
}

export const TRUTH_DEFAULTS: TruthOptions = { seeds: 40, every: 6, samples: 8, seed: 'truth', minDays: 8, then: 'ai' };

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/** Bots that need no thought: hold, random, cooperative, hostile and every always:X. */
export function isTrivialBot(id: string): boolean {
  return id === 'hold' || id === 'random' || id === 'cooperative' || id === 'hostile' || id.startsWith('always:');
}

/** Win, draw, loss and outcome shares of one role, per bot in the given order (bots without games are left out). */
export function botShares(records: readonly GameRecord[], role: string, bots: readonly string[]): Record<string, BotBalance> {
  const out: Record<string, BotBalance> = {};
  for (const bot of bots) {
    const games = records.filter((r) => r.role === role && r.bot === bot);
    if (games.length === 0) continue;
    const results: Record<RoleResult, number> = { win: 0, draw: 0, loss: 0 };
    const outcomes = new Map<string, number>();
    for (const g of games) {
      results[g.result]++;
      outcomes.set(g.outcome, (outcomes.get(g.outcome) ?? 0) + 1);
    }
    const n = games.length;
    const sorted = [...outcomes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    out[bot] = { win: round4(results.win / n), draw: round4(results.draw / n), loss: round4(results.loss / n), outcomes: Object.fromEntries(sorted.map(([id, k]) => [id, round4(k / n)])) };
  }
  return out;
}

/** The bot with the highest win share; on a tie, the one listed first. Empty string when there is none. */
export function strongestBot(bots: Record<string, BotBalance>): string {
  let best = '';
  let bestWin = -1;
  for (const [id, b] of Object.entries(bots)) {
    if (b.win > bestWin) {
      best = id;
      bestWin = b.win;
    }
  }
  return best;
}

/** The share of days (each the values of its orders) whose best and worst order differ by at least `margin`. */
export function decisionDays(days: readonly { values: readonly number[] }[], margin: number = DECISION_MARGIN): DecisionDays {
  let clear = 0;
  for (const d of days) if (d.values.length > 1 && Math.max(...d.values) - Math.min(...d.values) >= margin - 1e-12) clear++;
  return { share: days.length ? round4(clear / days.length) : 0, days: days.length };
}

/** Whether card truth samples the day played next from this state (day 1, then every `every`th day). */
export function isTruthDay(state: GameState, every: number): boolean {
  return state.turn % every === 0;
}

/** One legal order on one sampled day: what its card shows and what it measures, both against holding. */
export interface CardSample {
  seed: string;
  turn: number;
  action: string;
  target?: string;
  shown: number;
  measured: number;
  /** The search bot's evaluation against holding (its lookahead: DEFAULT_SEARCH's horizon, on `samples` worlds). */
  searched: number;
}

/**
 * The card-truth samples of one day (the day after `state`): every legal order but hold, with its card's
 * vsHold (as the cards show it, `look`) and its measured value against holding: rollouts to the end of
 * the game on `samples` worlds of the truth seed, the AI playing on after the first day.
 */
export function sampleCards(scenario: Scenario, state: GameState, role: string, truth: Pick<TruthOptions, 'samples' | 'seed' | 'then'> = TRUTH_DEFAULTS, look: Lookahead = CARD_LOOKAHEAD): CardSample[] {
  const orders = legalOrders(scenario, state, role);
  if (orders.length < 2) return [];
  const shown = cardOutlook(scenario, state, role, orders, look);
  const horizon = Math.max(1, scenario.data.meta.turnLimit - state.turn);
  const measured = evaluateOrders(scenario, state, role, orders, { samples: truth.samples, horizon, seed: truth.seed, then: truth.then });
  const searched = evaluateOrders(scenario, state, role, orders, { samples: truth.samples, horizon: DEFAULT_SEARCH.horizon, seed: `${truth.seed}/search`, then: DEFAULT_SEARCH.then });
  const out: CardSample[] = [];
  for (let i = 1; i < orders.length; i++) {
    const o = orders[i]!;
    out.push({ seed: state.seed, turn: state.turn + 1, action: o.action, ...(o.target ? { target: o.target } : {}), shown: shown[i]!.vsHold, measured: measured[i]! - measured[0]!, searched: searched[i]! - searched[0]! });
  }
  return out;
}

/** Ranks from 1, ties sharing their average rank. */
export function ranks(xs: readonly number[]): number[] {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]!);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && xs[order[j + 1]!] === xs[order[i]!]) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]!] = avg;
    i = j + 1;
  }
  return out;
}

/** Spearman's rank correlation (Pearson's on average ranks); null with fewer than 2 pairs or when a side has no spread. */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new Error(`spearman: ${xs.length} values against ${ys.length}`);
  if (xs.length < 2) return null;
  const rx = ranks(xs);
  const ry = ranks(ys);
  const mean = (xs.length + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = rx[i]! - mean;
    const dy = ry[i]! - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/**
 * Card truth from the samples of a role: per action, the mean shown and measured value over its sampled
 * days and targets; actions legal on fewer than `minDays` days are left out. Cards by measured value, best first.
 */
export function cardTruth(samples: readonly CardSample[], minDays: number = TRUTH_DEFAULTS.minDays): CardTruth {
  const by = new Map<string, { shown: number; measured: number; n: number; days: Set<string> }>();
  for (const s of samples) {
    let a = by.get(s.action);
    if (!a) by.set(s.action, (a = { shown: 0, measured: 0, n: 0, days: new Set() }));
    a.shown += s.shown;
    a.measured += s.measured;
    a.n++;
    a.days.add(`${s.seed}\n${s.turn}`);
  }
  const rows = [...by]
    .filter(([, a]) => a.days.size >= minDays)
    .map(([action, a]) => ({ action, shown: a.shown / a.n, measured: a.measured / a.n, days: a.days.size }));
  const rho = spearman(rows.map((r) => r.shown), rows.map((r) => r.measured));
  const cards = rows
    .sort((a, b) => b.measured - a.measured || (a.action < b.action ? -1 : 1))
    .map((r) => ({ action: r.action, shown: round4(r.shown), measured: round4(r.measured), days: r.days }));
  return { spearman: rho === null ? null : round4(rho), cards };
}

/** Why card truth has no figure: too few cards, or no spread on one side; null when it has one. */
export function noTruthReason(t: CardTruth): string | null {
  if (t.spearman !== null) return null;
  const n = t.cards.length;
  if (n < 2) return n === 0 ? 'no card was sampled on enough days' : 'only one card was sampled on enough days';
  const same = (k: 'shown' | 'measured') => t.cards.every((c) => c[k] === t.cards[0]![k]);
  return same('shown') ? `all ${n} cards show the same value` : same('measured') ? `all ${n} cards measure the same value` : 'no spread';
}

/** The sampled days as days to decide: hold (0 against itself) and each order's value by the search bot's evaluation. */
export function sampledDays(samples: readonly CardSample[]): { values: number[] }[] {
  const days = new Map<string, number[]>();
  for (const s of samples) {
    const key = `${s.seed}\n${s.turn}`;
    let v = days.get(key);
    if (!v) days.set(key, (v = [0]));
    v.push(s.searched);
  }
  return [...days.values()].map((values) => ({ values }));
}

/** A role's part of the report, from its games and its card-truth samples. */
export function roleBalance(records: readonly GameRecord[], role: string, bots: readonly string[], samples: readonly CardSample[], minDays: number = TRUTH_DEFAULTS.minDays): RoleBalance {
  const shares = botShares(records, role, bots);
  return { bots: shares, strongest: strongestBot(shares), decisionDays: decisionDays(sampledDays(samples)), cardTruth: cardTruth(samples, minDays) };
}

const pc = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The issue's targets, role by role, each with what was found. */
export function checkTargets(roles: Record<string, RoleBalance>): TargetLine[] {
  const T = TARGETS;
  const out: TargetLine[] = [];
  for (const [role, r] of Object.entries(roles)) {
    const bots = Object.entries(r.bots);
    const best = r.bots[r.strongest];
    const line = (target: string, ok: boolean, detail: string) => out.push({ role, target, ok, detail });
    if (!best) {
      line('bots played', false, 'no bot played this role');
      continue;
    }
    line(`strongest wins ${pc(T.strongestMin)}–${pc(T.strongestMax)}`, best.win >= T.strongestMin && best.win <= T.strongestMax, `${r.strongest} wins ${pc(best.win)}`);

    const trivial = bots.filter(([id]) => isTrivialBot(id) && id !== r.strongest);
    const over = trivial.filter(([, b]) => b.win > T.trivialMax || b.win > best.win - T.trivialGap + 1e-9);
    const strongestTrivial = isTrivialBot(r.strongest);
    const topTrivial = trivial.reduce<[string, BotBalance] | null>((a, b) => (a === null || b[1].win > a[1].win ? b : a), null);
    let detail: string;
    if (strongestTrivial) detail = `the strongest bot, ${r.strongest}, is itself trivial (${pc(best.win)})`;
    else if (over.length) detail = `${over.length} too strong: ${over.slice(0, 4).map(([id, b]) => `${id} ${pc(b.win)}`).join(', ')}${over.length > 4 ? ', …' : ''}`;
    else detail = topTrivial ? `best trivial: ${topTrivial[0]} ${pc(topTrivial[1].win)} against ${pc(best.win)}` : 'no trivial bot played';
    line(`trivial bots win ≤ ${pc(T.trivialMax)} and ≥ ${T.trivialGap * 100} points below the strongest`, !strongestTrivial && over.length === 0, detail);

    const sensible = bots.filter(([, b]) => b.loss < T.sensibleLossBelow);
    if (sensible.length < 2) line(`sensible strategies span ≥ ${T.sensibleSpan * 100} points`, false, `${sensible.length} bot${sensible.length === 1 ? '' : 's'} lose${sensible.length === 1 ? 's' : ''} under ${pc(T.sensibleLossBelow)}`);
    else {
      const hi = sensible.reduce((a, b) => (b[1].win > a[1].win ? b : a));
      const lo = sensible.reduce((a, b) => (b[1].win < a[1].win ? b : a));
      const span = hi[1].win - lo[1].win;
      line(`sensible strategies span ≥ ${T.sensibleSpan * 100} points`, span >= T.sensibleSpan - 1e-9, `${(span * 100).toFixed(1)} points over ${sensible.length} bots: ${lo[0]} ${pc(lo[1].win)} … ${hi[0]} ${pc(hi[1].win)}`);
    }

    const dd = r.decisionDays;
    line(`decision days ≥ ${pc(T.decisionDays)}`, dd.days > 0 && dd.share >= T.decisionDays, dd.days ? `${pc(dd.share)} of ${dd.days} sampled days` : 'not measured (the search bot did not play)');

    const ct = r.cardTruth;
    line(`card truth Spearman ≥ ${T.spearman}`, ct.spearman !== null && ct.spearman >= T.spearman, ct.spearman === null ? `not measured: ${noTruthReason(ct)}` : `${ct.spearman.toFixed(2)} over ${ct.cards.length} cards`);
  }
  return out;
}
