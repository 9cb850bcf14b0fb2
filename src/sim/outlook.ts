// Looking ahead for a role: the expected value (0 loss … 1 win, see roleValue) of each order it could
// give now, estimated by rollouts over the real step from worlds the role may believe in (sampleWorld),
// with the AI playing every actor after the first day. Every order is tried on the same sampled worlds
// (common random numbers), so their differences are the orders' own. The bots search with it, and the
// cards show its figure as their expected value.
import { compile } from './model';
import type { Scenario } from './scenario/load';
import type { GameState } from './state';
import { step, type Order } from './step';
import { sampleWorld } from './belief';
import { seedRng } from './rng';
import { roleValue } from './score';

export interface Lookahead {
  /** Worlds sampled per order. */
  samples: number;
  /** Days played per rollout (the first with the order, the rest by the AI); the game's end cuts it short. */
  horizon: number;
  /** The lookahead's own seed: its draws never come from the game's streams. */
  seed: string;
  /** Which sampled worlds to use: sample k uses world `first + k` (for adding samples to an earlier estimate). */
  first?: number;
}

/** The value of one rollout: the order on the first day, then `horizon − 1` days with the AI playing everyone. */
export function rollout(scenario: Scenario, world: GameState, role: string, order: Order, horizon: number): number {
  const m = compile(scenario);
  const a = m.actorIndex.get(role)!;
  let st = step(scenario, { ...world, humans: [role] }, { [role]: order }).state;
  if (horizon > 1 && !st.outcome) {
    st = { ...st, humans: [] };
    for (let d = 1; d < horizon && !st.outcome; d++) st = step(scenario, st).state;
  }
  return roleValue(m, st, a);
}

/** The sampled worlds of a lookahead, from its seed, the day and the role (the same for every order). */
export function lookaheadWorlds(scenario: Scenario, state: GameState, role: string, look: Lookahead): GameState[] {
  const out: GameState[] = [];
  const first = look.first ?? 0;
  for (let k = 0; k < look.samples; k++) out.push(sampleWorld(scenario, state, role, seedRng(`${look.seed}/${state.seed}/${state.turn}/${role}/${first + k}`)));
  return out;
}

/** The mean rollout value of each order (in the given order), on common sampled worlds. */
export function evaluateOrders(scenario: Scenario, state: GameState, role: string, orders: readonly Order[], look: Lookahead): number[] {
  const worlds = lookaheadWorlds(scenario, state, role, look);
  return orders.map((o) => {
    let sum = 0;
    for (const w of worlds) sum += rollout(scenario, w, role, o, look.horizon);
    return sum / worlds.length;
  });
}

/** The lookahead behind each card's expected value: small enough to run every day in the browser. */
export const CARD_LOOKAHEAD: Lookahead = { samples: 4, horizon: 10, seed: 'cards' };

/** Each legal order's expected value for the role, and how much better or worse than holding (in the 0–1 value). */
export interface OrderOutlook {
  order: Order;
  value: number;
  /** value − the value of holding: what the card is expected to do for the role. */
  vsHold: number;
}

/** The outlook of every legal order of a role for the next day (hold first), as the cards show it. */
export function cardOutlook(scenario: Scenario, state: GameState, role: string, orders: readonly Order[], look: Lookahead = CARD_LOOKAHEAD): OrderOutlook[] {
  const all = orders[0]?.action === 'hold' ? orders : [{ action: 'hold' }, ...orders];
  const values = evaluateOrders(scenario, state, role, all, look);
  const hold = values[0]!;
  const out = all.map((order, i) => ({ order, value: values[i]!, vsHold: values[i]! - hold }));
  return orders[0]?.action === 'hold' ? out : out.slice(1);
}
