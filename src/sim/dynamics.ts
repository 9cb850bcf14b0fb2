// The standing dynamics of a turn: Richardson's x′ = x − m·x + a·x + g on every pair (fatigue fades
// tension, fear feeds on it, grievance adds to it; fear and fatigue scale every cause in the ledger alike), the threat of forces near a border as the threatened
// side estimates them, the scenario's couplings (rally effect, spillover), and meters drifting to rest.
import { type Model, forceSlot, meterSlot, pairIndex } from './model';
import type { GameState } from './state';
import { book, bookFixed, clampPair, scale, GRIEVANCE_SLOT } from './ledger';
import { overallTension } from './tension';

function richardson(m: Model, st: GameState): void {
  const size = m.data.rules.ledgerSize;
  for (let p = 0; p < m.nP; p++) {
    scale(st, p, 1 - m.fatigue[p]! + m.fear[p]!, size);
    bookFixed(st, p, GRIEVANCE_SLOT, m.grievance[p]!, size);
  }
}

/** The threat each active force near a border puts on the side across it (and its host). */
function forceThreat(m: Model, st: GameState): void {
  const rules = m.data.rules;
  const size = rules.ledgerSize;
  const perThousand = rules.forceThreat / 1000;
  for (let f = 0; f < m.nF; f++) {
    if (!st.forces.active[f]) continue;
    const place = st.forces.place[f]!;
    const fronts = m.placeFronts[place]!;
    if (fronts.length === 0) continue;
    const host = m.placeCountry[place]!;
    const owner = m.forceOwner[f]!;
    for (let k = 0; k < fronts.length; k++) {
      const front = fronts[k]!;
      const across = front.across;
      if (across === owner) continue;
      const threat = perThousand * st.estimates[forceSlot(m, across, f)]! * front.near;
      const p = pairIndex(m, owner, across);
      if (p >= 0) book(st, p, m.forceCause[f]!, threat, size);
      if (host !== owner) {
        const q = pairIndex(m, host, across);
        if (q >= 0) book(st, q, m.hostCause[forceSlot(m, host, f)]!, threat * rules.hostShare, size);
      }
    }
  }
}

function couplings(m: Model, st: GameState): void {
  const size = m.data.rules.ledgerSize;
  const overall = overallTension(m, st);
  for (const d of m.dynamics) {
    const from = d.fromMeterSlot >= 0 ? st.meters[d.fromMeterSlot]! : d.fromPair >= 0 ? st.tension[d.fromPair]! : overall;
    const x = from - d.pivot;
    if (d.above && x <= 0) continue;
    const change = d.rate * x;
    if (d.targetMeterSlot >= 0) {
      const meter = d.targetMeterSlot % m.nM;
      st.meters[d.targetMeterSlot] = Math.min(m.meterMax[meter]!, Math.max(m.meterMin[meter]!, st.meters[d.targetMeterSlot]! + change));
    } else if (d.targetPair >= 0) {
      book(st, d.targetPair, m.dynamicCause[d.index]!, change, size);
    }
  }
}

function drift(m: Model, st: GameState): void {
  for (let j = 0; j < m.nM; j++) {
    const dr = m.meterDrift[j];
    if (!dr) continue;
    for (let a = 0; a < m.nA; a++) {
      const i = meterSlot(m, a, j);
      st.meters[i]! += dr.rate * (dr.toward - st.meters[i]!);
    }
  }
}

/** Aim effects wear off: each turn a share of every moved ideal's shift goes back. */
function aimFade(m: Model, st: GameState): void {
  const fade = m.data.rules.aimFade;
  for (let slot = 0; slot < st.aims.length; slot++) {
    const back = fade * st.aims[slot]!;
    if (back === 0) continue;
    st.aims[slot]! -= back;
    st.ideals[slot] = Math.min(100, Math.max(0, st.ideals[slot]! - back));
  }
  // The unseen part of each shift (moves not everyone saw) fades at the same rate.
  const unseen = st.unseenAims;
  if (unseen) for (let k = 0; k < unseen.length; k++) unseen[k]! -= fade * unseen[k]!;
}

/** Runs a turn's standing dynamics and clamps every pair to 0–100. */
export function runDynamics(m: Model, st: GameState): void {
  aimFade(m, st);
  richardson(m, st);
  forceThreat(m, st);
  couplings(m, st);
  drift(m, st);
  for (let p = 0; p < m.nP; p++) clampPair(st, p, m.data.rules.ledgerSize);
}
