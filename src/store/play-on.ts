// What "Play on from here as another role" offers in the replay viewer: the day shown, the role that held
// the player's seat that day (whose orders so far stay as they were), and the roles the seat can go to —
// the scenario's other playable roles, each with its goal, and the observer — for the store's playOn(role).
import { roleOn } from '../sim/index';
import type { SessionData } from './session';

export interface PlayOnChoice {
  id: string;
  name: string;
  /** The role's goal, as the menu shows it ("" for the observer). */
  goal: string;
}

export interface PlayOnOffer {
  /** The day shown: the game goes on from the day after it. */
  day: number;
  /** The role that held the seat on the day shown, and its name ("Observer" for none). */
  role: string;
  name: string;
  /** The roles the seat can go to: the other playable roles, then the observer (when it was a role's). */
  choices: PlayOnChoice[];
}

/** What playing on from the viewer's day as another role offers, or null outside the viewer (or at the end). */
export function playOnOffer(s: SessionData): PlayOnOffer | null {
  const v = s.viewer;
  if (!v || !s.scenario || s.game?.outcome) return null;
  const role = roleOn(v.replay, v.cursor + 1);
  const roles = s.scenario.data.actors.filter((a) => a.playable).map((a) => ({ id: a.id, name: a.name, goal: a.role?.goal ?? '' }));
  const name = role === 'observer' ? 'Observer' : (s.scenario.data.actors.find((a) => a.id === role)?.name ?? role);
  const choices = [...roles.filter((r) => r.id !== role), ...(role === 'observer' ? [] : [{ id: 'observer', name: 'Observer', goal: '' }])];
  return { day: v.cursor, role, name, choices };
}
