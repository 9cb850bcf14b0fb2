// The tension ledger (after Hearts of Iron IV's world tension): every change of a pair's tension is
// booked under its cause, entries decay with the tension, and they always sum to it. That is what
// answers "why is Russia–Ukraine at 63?". Cause keys read kind/actor/ref, e.g. act/belarus/war-rhetoric.
// Storage is flat: each pair owns `ledgerSize + 1` slots in state.ledgerCauses / ledgerAmounts
// ("" marks a free slot); the smallest causes merge into "earlier causes" when the slots run out.
import type { GameState } from './state';

/** The cause key for a change: kind, the actor responsible ("-" for none), and what it was. */
export function causeKey(kind: string, actor: string, ref: string): string {
  return `${kind}/${actor}/${ref}`;
}

export const EARLIER = 'earlier/-/-';
export const INITIAL = 'init/-/-';

/** Slots per pair for a ledger of `size` causes (plus one for "earlier causes"). */
export function slotsPerPair(size: number): number {
  return size + 1;
}

/** Books `amount` on a pair's tension under `cause`, keeping at most `size` causes (the smallest merge into "earlier"). */
export function book(state: GameState, pair: number, cause: string, amount: number, size: number): void {
  if (amount === 0 || amount !== amount) return;
  state.tension[pair]! += amount;
  const causes = state.ledgerCauses;
  const amounts = state.ledgerAmounts;
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
    if (c === '') {
      if (free < 0) free = j;
    } else if (c !== EARLIER) regular++;
  }
  if (regular < size) {
    causes[free] = cause;
    amounts[free] = amount;
    return;
  }
  // Full: the smallest of the regular causes and the new one goes into "earlier causes".
  let small = -1;
  let earlier = -1;
  for (let j = base; j < end; j++) {
    const c = causes[j]!;
    if (c === EARLIER) earlier = j;
    else if (c !== '' && (small < 0 || Math.abs(amounts[j]!) < Math.abs(amounts[small]!))) small = j;
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
  const a = state.ledgerAmounts;
  const base = pair * (size + 1);
  for (let j = base; j < base + size + 1; j++) a[j]! *= factor;
}

/** Keeps a pair within 0–100; the correction is booked too, so the ledger still sums to the tension. */
export function clampPair(state: GameState, pair: number, size: number): void {
  const t = state.tension[pair]!;
  if (t > 100) book(state, pair, 'ceiling/-/-', 100 - t, size);
  else if (t < 0) book(state, pair, 'floor/-/-', -t, size);
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

/** A pair's causes, largest first. */
export function contributions(state: GameState, pair: number, size: number): Contribution[] {
  const out: Contribution[] = [];
  const base = pair * (size + 1);
  for (let j = base; j < base + size + 1; j++) {
    const cause = state.ledgerCauses[j]!;
    if (cause === '') continue;
    const [kind = '', actor = '-', ref = '-'] = cause.split('/');
    out.push({ cause, kind, actor, ref, amount: state.ledgerAmounts[j]! });
  }
  return out.sort((x, y) => Math.abs(y.amount) - Math.abs(x.amount) || (x.cause < y.cause ? -1 : 1));
}

/** The actor who pushed a pair's tension up the most (Twilight Struggle's DEFCON blame), or null. */
export function blameFor(state: GameState, pair: number, size: number): string | null {
  const byActor = new Map<string, number>();
  for (const c of contributions(state, pair, size)) {
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
