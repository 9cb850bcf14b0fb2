// Reading tensions: the overall value (the hottest counting pair) and the pair between two actors.
import { type Model, pairIndex } from './model';
import type { GameState } from './state';

/** Overall tension: the hottest pair that counts toward it. */
export function overallTension(m: Model, st: GameState): number {
  let best = 0;
  for (let p = 0; p < m.nP; p++) if (m.counts[p] && st.tension[p]! > best) best = st.tension[p]!;
  return best;
}

/** The index of the hottest counting pair (−1 if none counts). */
export function hottestPair(m: Model, st: GameState): number {
  let best = -1;
  for (let p = 0; p < m.nP; p++) if (m.counts[p] && (best < 0 || st.tension[p]! > st.tension[best]!)) best = p;
  return best;
}

/** The pair index between two actor ids, or −1. */
export function pairBetween(m: Model, a: string, b: string): number {
  const x = m.actorIndex.get(a);
  const y = m.actorIndex.get(b);
  return x === undefined || y === undefined ? -1 : pairIndex(m, x, y);
}
