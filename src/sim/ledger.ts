// The tension ledger (after Hearts of Iron IV's world tension): every change of a pair's tension is
// booked under its cause, entries decay with the tension, and they always sum to it. That is what
// answers "why is Russia–Ukraine at 63?". Causes are numbers that index the model's causeNames, whose
// keys read kind/actor/ref, e.g. act/belarus/war-rhetoric.
// Storage is flat: each pair owns `ledgerSize + 1` slots in state.ledgerCauses / ledgerAmounts
// (−1 marks a free slot); the smallest causes merge into "earlier causes" when the slots run out.
// Slots 0–1 of every pair are fixed: the starting tension and standing grievance (Richardson's g).
// Fatigue net of fear (Richardson's −m·x + a·x) scales a whole pair at once, so every cause fades in
// proportion and keeps its share: the spiral shows as causes fading slowly, and "why?" still names them.
// The scale is kept in state.ledgerScale: an entry's amount is its stored value times the pair's scale
// (renormalised before the scale gets very small or large).
import type { GameState } from './state';

/** The causes every scenario has; the model numbers its own causes after these. */
export const BASE_CAUSES = ['init/-/-', 'grievance/-/-', 'earlier/-/-', 'ceiling/-/-', 'floor/-/-'];
export const INITIAL = 0;
export const EARLIER = 2;
const CEILING = 3;
const FLOOR = 4;
const FREE = -1;
/** The fixed slots every pair starts with: the starting tension and standing grievance. */
export const FIXED_SLOTS = [0, 1];
export const GRIEVANCE_SLOT = 1;

/** Books `amount` on one of a pair's fixed slots (grievance). */
export function bookFixed(state: GameState, pair: number, slot: number, amount: number, size: number): void {
  if (amount === 0 || amount !== amount) return;
  state.tension[pair]! += amount;
  state.ledgerAmounts[pair * (size + 1) + slot]! += amount / state.ledgerScale[pair]!;
}

/** Books `amount` on a pair's tension under `cause`, keeping at most `size` causes (the smallest merge into "earlier"). */
export function book(state: GameState, pair: number, cause: number, amount: number, size: number): void {
  if (amount === 0 || amount !== amount) return;
  state.tension[pair]! += amount;
  const causes = state.ledgerCauses;
  const amounts = state.ledgerAmounts;
  amount /= state.ledgerScale[pair]!;
  const base = pair * (size + 1);
  const end = base + size + 1;
  let free = -1;
  let regular = 0;
  for (let j = base; j < end; j++) {
    const c = causes[j]!;
    if (c === cause) {
      amounts[j]! += amount;
      return;
    }
    if (c === FREE) {
      if (free < 0) free = j;
    } else if (c !== EARLIER) regular++;
  }
  if (regular < size) {
    causes[free] = cause;
    amounts[free] = amount;
    return;
  }
  // Full: the smallest of the regular causes and the new one goes into "earlier causes". The fixed
  // slots (starting tension, grievance) keep their cause: bookFixed adds to them by position.
  let small = -1;
  let earlier = -1;
  for (let j = base; j < end; j++) {
    const c = causes[j]!;
    if (c === EARLIER) earlier = j;
    else if (c !== FREE && j - base >= FIXED_SLOTS.length && (small < 0 || Math.abs(amounts[j]!) < Math.abs(amounts[small]!))) small = j;
  }
  let moved = amount;
  if (Math.abs(amounts[small]!) < Math.abs(amount)) {
    moved = amounts[small]!;
    causes[small] = cause;
    amounts[small] = amount;
  }
  if (earlier < 0) {
    causes[free] = EARLIER;
    amounts[free] = moved;
  } else amounts[earlier]! += moved;
}

/** Scales a pair's tension and every entry by `factor` (fatigue: the share that fades). */
export function scale(state: GameState, pair: number, factor: number, size: number): void {
  state.tension[pair]! *= factor;
  const k = state.ledgerScale[pair]! * factor;
  if (k > 1e-9 && k < 1e9) {
    state.ledgerScale[pair] = k;
    return;
  }
  // Renormalise: fold the scale into the stored amounts.
  const a = state.ledgerAmounts;
  const base = pair * (size + 1);
  for (let j = base; j < base + size + 1; j++) a[j]! *= k;
  state.ledgerScale[pair] = 1;
}

/** Keeps a pair within 0–100; the correction is booked too, so the ledger still sums to the tension. */
export function clampPair(state: GameState, pair: number, size: number): void {
  const t = state.tension[pair]!;
  if (t > 100) book(state, pair, CEILING, 100 - t, size);
  else if (t < 0) book(state, pair, FLOOR, -t, size);
  if (state.tension[pair]! > 100) state.tension[pair] = 100;
  else if (state.tension[pair]! < 0) state.tension[pair] = 0;
}

export interface Contribution {
  cause: string;
  kind: string;
  actor: string;
  ref: string;
  amount: number;
}

/** A pair's causes, largest first; `names` is the model's causeNames. */
export function contributions(state: GameState, pair: number, size: number, names: readonly string[]): Contribution[] {
  const out: Contribution[] = [];
  const base = pair * (size + 1);
  for (let j = base; j < base + size + 1; j++) {
    const id = state.ledgerCauses[j]!;
    if (id === FREE) continue;
    const amount = state.ledgerAmounts[j]! * state.ledgerScale[pair]!;
    if (amount === 0 && FIXED_SLOTS.includes(id)) continue;
    const cause = names[id] ?? `unknown/-/${id}`;
    const [kind = '', actor = '-', ref = '-'] = cause.split('/');
    out.push({ cause, kind, actor, ref, amount });
  }
  return out.sort((x, y) => Math.abs(y.amount) - Math.abs(x.amount) || (x.cause < y.cause ? -1 : 1));
}

/** The actor who pushed a pair's tension up the most (Twilight Struggle's DEFCON blame), or null. */
export function blameFor(state: GameState, pair: number, size: number, names: readonly string[]): string | null {
  const byActor = new Map<string, number>();
  for (const c of contributions(state, pair, size, names)) {
    if (c.actor === '-' || c.amount <= 0) continue;
    byActor.set(c.actor, (byActor.get(c.actor) ?? 0) + c.amount);
  }
  let best: string | null = null;
  let bestV = 0;
  for (const [a, v] of [...byActor].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    if (v > bestV) {
      best = a;
      bestV = v;
    }
  }
  return best;
}
