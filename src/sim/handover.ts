// Handing the player's seat to another role mid-game ("play on from day 12 as Ukraine"): the state of
// that day stays what it is; from the next day the new role gives the orders and the former role's actor
// is played by the AI, like every actor nobody plays. A run that changed hands keeps the roles played
// before its `role` as `earlierRoles`, each with its last day, so the run can be played again from its
// seed: the order of a day belongs to the role that held the seat that day.
import { compile } from './model';
import type { Scenario } from './scenario/load';
import type { GameState } from './state';

/** A role the player held before: from the day after the previous one's `until` (or day 1) up to and
 * including day `until`. */
export interface EarlierRole {
  role: string;
  until: number;
}

/** What the role schedule of a run is read from: the role at the end, and the roles held before it. */
export interface RoleSchedule {
  role: string;
  earlierRoles?: readonly EarlierRole[];
}

/** The people in a game played as `role` (none for an observer). */
const humansOf = (role: string): string[] => (role === 'observer' ? [] : [role]);

/**
 * The state with the player's seat given to `role` (an actor id, or "observer" for nobody), for the
 * days that follow: the actor played before is the AI's from the next step on. Nothing else changes;
 * the same state comes back when the seat is already `role`'s. Throws on an actor the scenario lacks.
 */
export function withRole(state: GameState, scenario: Scenario, role: string): GameState {
  const humans = humansOf(role);
  if (humans.length === state.humans.length && humans.every((h, i) => state.humans[i] === h)) return state;
  if (role !== 'observer' && !compile(scenario).actorIndex.has(role)) {
    throw new Error(`unknown role '${role}': playable roles are ${scenario.data.actors.filter((a) => a.playable).map((a) => a.id).join(', ')}`);
  }
  return { ...state, humans };
}

/** The role whose order plays on day `day` (1 is the first day). */
export function roleOn(run: RoleSchedule, day: number): string {
  for (const e of run.earlierRoles ?? []) if (day <= e.until) return e.role;
  return run.role;
}

/**
 * The roles held before, when a run is kept up to day `day` and played on from there as `next`: the
 * roles that gave the orders of days 1 … `day`, each up to its last day among them (a seat taken over on
 * day 0 leaves none).
 */
export function rolesBefore(run: RoleSchedule, day: number, next: string): EarlierRole[] {
  const out: EarlierRole[] = [];
  let from = 1;
  for (const e of [...(run.earlierRoles ?? []), { role: run.role, until: Infinity }]) {
    if (from > day) break;
    out.push({ role: e.role, until: Math.min(e.until, day) });
    from = e.until + 1;
  }
  // The role already in the seat on day `day` simply plays on.
  if (out.length && out[out.length - 1]!.role === next) out.pop();
  return out;
}

/** A role schedule in words: "Belarus to day 10, then Ukraine" (just the role when it never changed). */
export function scheduleText(run: RoleSchedule, name: (role: string) => string = (r) => r): string {
  const earlier = run.earlierRoles ?? [];
  if (!earlier.length) return name(run.role);
  return `${earlier.map((e) => `${name(e.role)} to day ${e.until}`).join(', ')}, then ${name(run.role)}`;
}
