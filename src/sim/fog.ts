// Fog of war: each actor holds an estimate of every foreign force's strength, not the truth. Each turn
// it observes with noise; the host's secrecy (rules.fog.secrecyMeter) slows learning and makes others
// assume worse. The owner and the host see the truth. Reveal effects (observers, disclosure) cut through.
// Only the estimates something reads are updated: those of actors across a border from forces (their
// threat), of playable actors (the player's view) and of observers (the model's watchers).
import { type Model, forceSlot, meterSlot } from './model';
import type { GameState } from './state';
import { fillDraws, type Rng } from './rng';

/** The host's secrecy, 0–1, at a place (0 where no secrecy meter is set). */
function secrecyAt(m: Model, st: GameState, place: number): number {
  const host = m.placeCountry[place]!;
  if (m.secrecyMeter < 0 || host < 0) return 0;
  const j = m.secrecyMeter;
  return (st.meters[meterSlot(m, host, j)]! - m.meterMin[j]!) / (m.meterMax[j]! - m.meterMin[j]!);
}

/** One turn of observation: one draw per (watching actor, force), taken whether the force is active or not,
 * so that each observation's draw is fixed by the seed and the turn alone. The draws are taken at once,
 * force by force (watcher k of force f is draw f × watchers + k). */
export function observe(m: Model, st: GameState, rng: Rng): void {
  const fog = m.data.rules.fog;
  const watchers = m.watchers;
  const nW = watchers.length;
  const draws = m.scratchDraws;
  fillDraws(rng, draws, m.nF * nW);
  const estimates = st.estimates;
  for (let f = 0; f < m.nF; f++) {
    if (!st.forces.active[f]) continue;
    const place = st.forces.place[f]!;
    const host = m.placeCountry[place]!;
    const owner = m.forceOwner[f]!;
    const truth = st.forces.strength[f]!;
    const secrecy = secrecyAt(m, st, place);
    const seen = truth * (1 + fog.secrecyBias * secrecy);
    for (let k = 0; k < nW; k++) {
      const o = watchers[k]!;
      const i = forceSlot(m, o, f);
      if (o === owner || o === host) {
        estimates[i] = truth;
        continue;
      }
      const u = draws[f * nW + k]!;
      const intel = m.intel[o]!;
      const obs = seen * (1 + fog.noise * (2 * u - 1));
      estimates[i]! += fog.learn * intel * (1 - 0.7 * secrecy) * (obs - estimates[i]!);
    }
  }
}
