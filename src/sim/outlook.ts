// Looking ahead for a role: what each order it could give now is worth, estimated by rollouts over the
// real step from worlds the role may believe in (sampleWorld), with the AI playing every actor after the
// first day. Every order is tried on the same sampled worlds (common random numbers), so their
// differences are the orders' own. Two measures: the 0 (loss) … 1 (win) value (roleValue), which the
// bots search with and the balance report measures; and the role's points at the end (rolePoints),
// which the cards show, since they do not flatten out in a game already far from the lines.
import { compile } from './model';
import type { Scenario } from './scenario/load';
import type { GameState } from './state';
import { advance, step, type Order } from './step';
import { sampleWorld } from './belief';
import { seedRng } from './rng';
import { decisiveLoss, rolePoints, roleValue } from './score';

export interface Lookahead {
  /** Worlds sampled per order. */
  samples: number;
  /** Days played per rollout (the first with the order, the rest by the AI); the game's end cuts it short. */
  horizon: number;
  /** The lookahead's own seed: its draws never come from the game's streams. */
  seed: string;
  /** Which sampled worlds to use: sample k uses world `first + k` (for adding samples to an earlier estimate). */
  first?: number;
  /** Who plays the role after the first day: the AI (default), or nobody (the role holds), which measures the order alone. */
  then?: 'ai' | 'hold';
  /** What a rollout is worth: the 0–1 value (default), or the role's points at the end. */
  measure?: 'value' | 'points';
}

/** The state one rollout ends in: the order on the first day, then `horizon − 1` days with the AI playing
 * every other actor, and the role too (then: 'ai') or not (then: 'hold'). */
export function rolloutState(scenario: Scenario, world: GameState, role: string, order: Order, horizon: number, then: 'ai' | 'hold' = 'ai'): GameState {
  let st = step(scenario, { ...world, humans: [role] }, { [role]: order }).state;
  if (horizon > 1 && !st.outcome) {
    if (then === 'ai') st = { ...st, humans: [] };
    // st is this rollout's own copy from here on: the days are played on it.
    for (let d = 1; d < horizon && !st.outcome; d++) advance(scenario, st);
  }
  return st;
}

/** The sampled worlds of a lookahead, from its seed, the day and the role (the same for every order). */
export function lookaheadWorlds(scenario: Scenario, state: GameState, role: string, look: Lookahead): GameState[] {
  const out: GameState[] = [];
  const first = look.first ?? 0;
  for (let k = 0; k < look.samples; k++) out.push(sampleWorld(scenario, state, role, seedRng(`${look.seed}/${state.seed}/${state.turn}/${role}/${first + k}`)));
  return out;
}

/** The mean rollout worth of each order (in the given order, by look.measure), on common sampled worlds.
 * With `losses`, also fills in each order's share of worlds where the game ended in a decisive loss. */
export function evaluateOrders(scenario: Scenario, state: GameState, role: string, orders: readonly Order[], look: Lookahead, losses?: number[]): number[] {
  const m = compile(scenario);
  const a = m.actorIndex.get(role)!;
  const worth = look.measure === 'points' ? rolePoints : roleValue;
  const worlds = lookaheadWorlds(scenario, state, role, look);
  return orders.map((o, i) => {
    let sum = 0;
    let lostIn = 0;
    for (const w of worlds) {
      const st = rolloutState(scenario, w, role, o, look.horizon, look.then);
      sum += worth(m, st, a);
      if (decisiveLoss(m, st, a)) lostIn++;
    }
    if (losses) losses[i] = lostIn / worlds.length;
    return sum / worlds.length;
  });
}

/** The lookahead behind each card's expected value: 6 worlds played to the end of the game, the AI playing
 * on, as the balance report measures what a card does (a shorter horizon, valued by projecting the
 * points, overrated moves whose effects fade), in the role's points at the end. About 0.1–0.3 s a day. */
export const CARD_LOOKAHEAD: Lookahead = { samples: 6, horizon: Infinity, seed: 'cards', then: 'ai', measure: 'points' };

/** Each legal order's expected value for the role, and how much better or worse than holding (in the 0–1 value). */
export interface OrderOutlook {
  order: Order;
  /** Its expected worth (in the lookahead's measure: for the cards, the role's points at the end). */
  value: number;
  /** value − the worth of holding: what the card is expected to do for the role. */
  vsHold: number;
  /** The share of the lookahead's worlds in which the game ended in a decisive loss for the role. */
  loses: number;
}

/** The outlook of every legal order of a role for the next day (hold first), as the cards show it. */
export function cardOutlook(scenario: Scenario, state: GameState, role: string, orders: readonly Order[], look: Lookahead = CARD_LOOKAHEAD): OrderOutlook[] {
  const all = orders[0]?.action === 'hold' ? orders : [{ action: 'hold' }, ...orders];
  const losses: number[] = [];
  const values = evaluateOrders(scenario, state, role, all, look, losses);
  const hold = values[0]!;
  const out = all.map((order, i) => ({ order, value: values[i]!, vsHold: values[i]! - hold, loses: losses[i]! }));
  return orders[0]?.action === 'hold' ? out : out.slice(1);
}
