// Bots: players for a role that give orders through the same public API as a person (legalOrders, then
// step). Each bot is made per game with its own seeded generator, so it never reads the game's draws, and
// looks ahead only from worlds the role may believe in (sampleWorld). They measure the balance of a
// scenario (npm run balance) and can sit in an empty seat.
//
//   hold           never acts
//   random         a legal order at random, hold included
//   always:X       the order X (an action id, or action>target) whenever it is legal; otherwise hold
//   always-ai:X    the order X whenever it is legal (its target, when X names none, the one the AI scores
//                  best); otherwise what the AI would order. The linter's card check (scenario/lint.ts); not
//                  one of the balance bots
//   cooperative    the most cooperative legal action (highest Goldstein weight), never hold
//   hostile        the most hostile legal action (lowest Goldstein weight), never hold
//   greedy         the best order after one day, by the role's value (a one-step lookahead)
//   search         Monte Carlo rollouts: every order on sampled worlds for 12 days, the role holding after
//                  the first (its own effect, not the AI's play), then the best few on more worlds
//                  (successive halving)
import { compile } from './model';
import type { Scenario } from './scenario/load';
import { createGame, type GameState } from './state';
import { step, type Order } from './step';
import { roleResult, type RoleResult } from './score';
import { availableCandidates, legalOrders, orderOf } from './roles';
import { evaluateOrders, type Lookahead } from './outlook';
import { seedRng, type Rng } from './rng';
import { choose, scoreCandidate, scoreContext } from './policy';

export interface Bot {
  id: string;
  /** The order for the next day. */
  choose(state: GameState): Order;
}

export const BOT_IDS = ['hold', 'random', 'cooperative', 'hostile', 'greedy', 'search'] as const;

/** A short line per bot, for --help and the docs. */
export const BOT_HELP: Record<string, string> = {
  hold: 'never acts',
  random: 'a legal order at random, hold included',
  'always:X': 'the order X (action, or action>target) whenever it is legal, otherwise hold',
  cooperative: 'the most cooperative legal action (highest Goldstein weight)',
  hostile: 'the most hostile legal action (lowest Goldstein weight)',
  greedy: 'the best order after one day, by the role\'s value',
  search: 'Monte Carlo rollouts: every legal order on sampled worlds for 12 days, the role holding after the first, then the best few on more worlds',
};

/** How hard the search bot looks: a first round over every order, then the best `keep` on more worlds. */
export interface SearchBudget {
  horizon: number;
  /** Who plays the role in the rollouts after the first day (see Lookahead.then). */
  then: 'ai' | 'hold';
  first: number;
  keep: number;
  more: number;
}

export const DEFAULT_SEARCH: SearchBudget = { horizon: 12, then: 'hold', first: 2, keep: 4, more: 6 };

/** "action>target" or "action": an order as text. */
export function orderKey(o: Order): string {
  return o.target ? `${o.action}>${o.target}` : o.action;
}

function sameOrder(a: Order, key: string): boolean {
  return orderKey(a) === key || (a.action === key && key.indexOf('>') < 0);
}

function byGoldstein(scenario: Scenario, orders: Order[], sign: 1 | -1): Order {
  const m = compile(scenario);
  let best: Order = orders[0]!;
  let bestG = -Infinity;
  for (const o of orders) {
    if (o.action === 'hold') continue;
    const g = sign * m.actions[m.actionIndex.get(o.action)!]!.data.goldstein;
    if (g > bestG) {
      best = o;
      bestG = g;
    }
  }
  return best;
}

function argmax(values: number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/** The search bot's choice: every order on `first` worlds, then the best `keep` on `more` worlds besides. */
export function searchOrder(scenario: Scenario, state: GameState, role: string, seed: string, budget: SearchBudget): Order {
  const orders = legalOrders(scenario, state, role);
  if (orders.length === 1) return orders[0]!;
  const look: Lookahead = { samples: budget.first, horizon: budget.horizon, seed, then: budget.then };
  const first = evaluateOrders(scenario, state, role, orders, look);
  const ranked = orders.map((_, i) => i).sort((a, b) => first[b]! - first[a]! || a - b);
  const top = ranked.slice(0, Math.min(budget.keep, ranked.length));
  if (budget.more <= 0 || top.length === 1) return orders[top[0]!]!;
  const again = evaluateOrders(scenario, state, role, top.map((i) => orders[i]!), { ...look, samples: budget.more, first: budget.first });
  const total = top.map((i, k) => (first[i]! * budget.first + again[k]! * budget.more) / (budget.first + budget.more));
  return orders[top[argmax(total)]!]!;
}

/**
 * What the AI would order for a role on the next day: its choice (tempo, scores, seeded noise) on the
 * state the role decides on, drawn from `rng` rather than the game's streams. Always a legal order.
 */
export function aiOrder(scenario: Scenario, state: GameState, role: string, rng: Rng): Order {
  const m = compile(scenario);
  const a = m.actorIndex.get(role);
  if (a === undefined || state.outcome) return { action: 'hold' };
  const probe = { ...state, turn: state.turn + 1 };
  const c = choose(m, probe, a, scoreContext(m, probe), rng);
  return c ? orderOf(m, c) : { action: 'hold' };
}

/** The order X (action, or action>target) if it is legal; for an action with several legal targets, the one the AI scores best. */
function insistedOrder(scenario: Scenario, state: GameState, role: string, key: string): Order | undefined {
  const m = compile(scenario);
  const a = m.actorIndex.get(role);
  if (a === undefined || state.outcome) return undefined;
  const options = availableCandidates(m, state, a).filter((c) => sameOrder(orderOf(m, c), key));
  if (options.length <= 1) return options[0] && orderOf(m, options[0]);
  const probe = { ...state, turn: state.turn + 1 };
  const ctx = scoreContext(m, probe);
  const scores = options.map((c) => scoreCandidate(m, probe, c, ctx));
  return orderOf(m, options[argmax(scores)]!);
}

/** A bot for one game of one role. `seed` makes its own generator (the game's seed is a good choice). */
export function makeBot(id: string, scenario: Scenario, role: string, seed: string, budget: SearchBudget = DEFAULT_SEARCH): Bot {
  const botSeed = `bot/${id}/${role}/${seed}`;
  const rng: Rng = seedRng(botSeed);
  if (id === 'hold') return { id, choose: () => ({ action: 'hold' }) };
  if (id === 'random') {
    return { id, choose: (st) => {
      const orders = legalOrders(scenario, st, role);
      return orders[rng.int(orders.length)]!;
    } };
  }
  if (id.startsWith('always:')) {
    const key = id.slice('always:'.length);
    return { id, choose: (st) => legalOrders(scenario, st, role).find((o) => sameOrder(o, key)) ?? { action: 'hold' } };
  }
  if (id.startsWith('always-ai:')) {
    const key = id.slice('always-ai:'.length);
    return { id, choose: (st) => insistedOrder(scenario, st, role, key) ?? aiOrder(scenario, st, role, rng) };
  }
  if (id === 'cooperative') return { id, choose: (st) => byGoldstein(scenario, legalOrders(scenario, st, role), 1) };
  if (id === 'hostile') return { id, choose: (st) => byGoldstein(scenario, legalOrders(scenario, st, role), -1) };
  if (id === 'greedy') {
    return { id, choose: (st) => {
      const orders = legalOrders(scenario, st, role);
      const values = evaluateOrders(scenario, st, role, orders, { samples: 3, horizon: 1, seed: botSeed });
      return orders[argmax(values)]!;
    } };
  }
  if (id === 'search') return { id, choose: (st) => searchOrder(scenario, st, role, botSeed, budget) };
  throw new Error(`unknown bot '${id}': the bots are ${BOT_IDS.join(', ')} and always:<action>[>target]`);
}

/** The distinct orders a role could ever give (every candidate, available or not): the "always" bots. */
export function everyOrder(scenario: Scenario, role: string): string[] {
  const m = compile(scenario);
  const a = m.actorIndex.get(role);
  if (a === undefined) return [];
  return m.candidates[a]!.map((c) => orderKey(orderOf(m, c)));
}

/** One game of a role played by a bot: its outcome, the role's result and points, and its orders. */
export interface BotGame {
  seed: string;
  outcome: string;
  endTurn: number;
  result: RoleResult;
  points: number;
  /** The orders the bot gave (hold left out), by turn. */
  orders: { turn: number; order: Order }[];
}

/** Plays one seed with `bot` in the role and the AI in every other seat; `onDay` sees each state the bot decides on. */
export function playBotGame(scenario: Scenario, seed: string, role: string, bot: Bot, onDay?: (state: GameState) => void): BotGame {
  let st = createGame(scenario, seed, { role });
  const orders: { turn: number; order: Order }[] = [];
  while (!st.outcome) {
    onDay?.(st);
    const order = bot.choose(st);
    if (order.action !== 'hold') orders.push({ turn: st.turn + 1, order });
    st = step(scenario, st, { [role]: order }).state;
  }
  const m = compile(scenario);
  return { seed, outcome: st.outcome.id, endTurn: st.outcome.turn, result: roleResult(scenario, st, role) ?? 'draw', points: st.score[m.actorIndex.get(role)!]!, orders };
}
