// What a role may do: the playable roles of a scenario, and the legal orders of a role on the next day
// (hold, and every available catalogue option with its target). Bots and players give orders from this
// same list, through step.
import { compile, type Candidate, type Model } from './model';
import type { Scenario } from './scenario/load';
import type { GameState } from './state';
import type { Order } from './step';
import { isAvailable } from './policy';

/** The ids of the actors a person may play. */
export function playableRoles(scenario: Scenario): string[] {
  return scenario.data.actors.filter((a) => a.playable).map((a) => a.id);
}

/** The order that gives a candidate. */
export function orderOf(m: Model, c: Candidate): Order {
  const id = m.actions[c.action]!.data.id;
  return c.target >= 0 ? { action: id, target: m.actorIds[c.target]! } : { action: id };
}

/** An actor's options that the rules allow on the next day, in catalogue order. */
export function availableCandidates(m: Model, state: GameState, actor: number): Candidate[] {
  const probe = { ...state, turn: state.turn + 1 };
  return m.candidates[actor]!.filter((c) => isAvailable(m, probe, c));
}

/** The orders a role may give for the next day: hold first, then its available options in catalogue order. */
export function legalOrders(scenario: Scenario, state: GameState, role: string): Order[] {
  const m = compile(scenario);
  const a = m.actorIndex.get(role);
  if (a === undefined || state.outcome) return [{ action: 'hold' }];
  return [{ action: 'hold' }, ...availableCandidates(m, state, a).map((c) => orderOf(m, c))];
}
