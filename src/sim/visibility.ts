// Who sees a move (an action's `visibility`): everyone (public), only its actor (private), or its actor
// and the actors it names ({ to: [...] }, where "target" stands for the action's target). The pair
// (actor, target) feels a move's Goldstein weight only when the target sees it; the feed, the "why?",
// the worlds a role looks ahead from and the `used` requirements of an actor's own moves follow it too.
import type { VisibilityData } from './scenario/schema';

/** A compiled visibility: public, or the actors (indices) who see the move besides its actor. */
export interface Seers {
  public: boolean;
  /** Actors named in `to` (indices). */
  actors: number[];
  /** `to` names "target": the move's target sees it. */
  target: boolean;
}

/** Compiles an action's visibility against the actor ids. */
export function compileSeers(v: VisibilityData, actorIndex: Map<string, number>): Seers {
  if (v === 'public') return { public: true, actors: [], target: false };
  if (v === 'private') return { public: false, actors: [], target: false };
  return { public: false, actors: v.to.filter((x) => x !== 'target').map((x) => actorIndex.get(x)!), target: v.to.includes('target') };
}

/** Whether a viewer (an actor index; −1: the observer) sees a move by `actor` aimed at `target` (−1: none). */
export function sees(s: Seers, viewer: number, actor: number, target: number): boolean {
  if (s.public) return true;
  if (viewer < 0) return false;
  return viewer === actor || (s.target && viewer === target) || s.actors.includes(viewer);
}

/** Whether the move's target feels its Goldstein weight on the pair (actor, target): it must see it. */
export function felt(s: Seers, actor: number, target: number): boolean {
  return target >= 0 && sees(s, target, actor, target);
}

/** The feed's form: public, or private with the other actors (ids) who see it. */
export function feedVisibility(actorIds: readonly string[], s: Seers, actor: number, target: number): { visibility: 'public' | 'private'; seenBy: string[] } {
  if (s.public) return { visibility: 'public', seenBy: [] };
  const seenBy: string[] = [];
  for (let a = 0; a < actorIds.length; a++) if (a !== actor && sees(s, a, actor, target)) seenBy.push(actorIds[a]!);
  return { visibility: 'private', seenBy };
}
