// A world as a role believes it to be: the true state with what that role cannot know replaced by draws.
// Bots and the cards' outlook look ahead from such a world, never from the true one, so they read
// neither the game's future draws (a fresh root key for every stream) nor other actors' hidden aims
// (drawn again from their ranges, plus the aim moves the role saw: a move's visibility decides) nor the
// true strength of foreign forces (the role's own estimates).
import { compile, forceSlot } from './model';
import type { Scenario } from './scenario/load';
import { cloneState, type GameState } from './state';
import type { Rng } from './rng';

/** A copy of the state as `role` may believe it to be, drawn with the caller's generator. */
export function sampleWorld(scenario: Scenario, state: GameState, role: string, rng: Rng): GameState {
  const m = compile(scenario);
  const a = m.actorIndex.get(role) ?? -1;
  const st = cloneState(state);
  st.rng = { c: 1, s0: rng.next(), s1: rng.next(), s2: rng.next() };
  const nSlots = m.idealRanges.length;
  // The part of an ideal's shift that the role did not see (kept only in scenarios with secrets).
  const unseen = (slot: number): number => (st.unseenAims && a >= 0 ? st.unseenAims[a * nSlots + slot]! : 0);
  m.idealRanges.forEach((r, slot) => {
    if (m.idealOwner[slot] === a) return;
    if (!Array.isArray(r)) {
      const hidden = unseen(slot);
      if (hidden !== 0) st.ideals[slot] = Math.min(100, Math.max(0, st.ideals[slot]! - hidden));
      return;
    }
    const base = r[0] + (r[1] - r[0]) * rng.next();
    st.ideals[slot] = Math.min(100, Math.max(0, base + st.aims[slot]! - unseen(slot)));
  });
  if (a >= 0) {
    for (let f = 0; f < m.nF; f++) {
      const host = m.placeCountry[st.forces.place[f]!]!;
      if (m.forceOwner[f] !== a && host !== a) st.forces.strength[f] = st.estimates[forceSlot(m, a, f)]!;
    }
  }
  return st;
}
