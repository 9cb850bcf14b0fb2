// What a role may do: the playable roles of a scenario, and the legal orders of a role on the next day
// (hold, and every available catalogue option with its target). Bots and players give orders from this
// same list, through step.
import { compile } from './model';
import type { Scenario } from './scenario/load';
import type { GameState } from './state';
import type { Order } from './step';
import { isAvailable } from './policy';

/** The ids of the actors a person may play. */
export function playableRoles(scenario: Scenario): string[] {
  return scenario.data.actors.filter((a) => a.playable).map((a) => a.id);
}

/** The orders a role may give for the next day: hold first, then its available options in catalogue order. */
export function legalOrders(scenario: Scenario, state: GameState, role: string): Order[] {
  const m = compile(scenario);
  const a = m.actorIndex.get(role);
  if (a === undefined || state.outcome) return [{ action: 'hold' }];
  const probe = { ...state, turn: state.turn + 1 };
  const out: Order[] = [{ action: 'hold' }];
  for (const c of m.candidates[a]!) {
    if (!isAvailable(m, probe, c)) continue;
    const id = m.actions[c.action]!.data.id;
    out.push(c.target >= 0 ? { action: id, target: m.actorIds[c.target]! } : { action: id });
  }
  return out;
}
