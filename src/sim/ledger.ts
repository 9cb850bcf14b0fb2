// The tension ledger (after Hearts of Iron IV's world tension): every change of a pair's tension is
// booked under its cause, entries decay with the tension, and they always sum to it. That is what
// answers "why is Russia–Ukraine at 63?". Cause keys read kind/actor/ref, e.g. act/belarus/war-rhetoric.
import type { GameState } from './state';

/** The cause key for a change: kind, the actor responsible ("-" for none), and what it was. */
export function causeKey(kind: string, actor: string, ref: string): string {
  return `${kind}/${actor}/${ref}`;
}

export const EARLIER = 'earlier/-/-';

/** Books `amount` on a pair's tension under `cause`, keeping at most `size` causes (smallest merge into "earlier"). */
export function book(state: GameState, pair: number, cause: string, amount: number, size: number): void {
  if (amount === 0 || amount !== amount) return;
  state.tension[pair]! += amount;
  const l = state.ledger[pair]!;
  const i = l.causes.indexOf(cause);
  if (i >= 0) {
    l.amounts[i]! += amount;
    return;
  }
  l.causes.push(cause);
  l.amounts.push(amount);
  if (l.causes.length > size) mergeSmallest(l.causes, l.amounts);
}

function mergeSmallest(causes: string[], amounts: number[]): void {
  let small = -1;
  for (let j = 0; j < causes.length; j++) {
    if (causes[j] === EARLIER) continue;
    if (small < 0 || Math.abs(amounts[j]!) < Math.abs(amounts[small]!)) small = j;
  }
  const amount = amounts[small]!;
  causes.splice(small, 1);
  amounts.splice(small, 1);
  const e = causes.indexOf(EARLIER);
  if (e >= 0) amounts[e]! += amount;
  else {
    causes.push(EARLIER);
    amounts.push(amount);
  }
}

/** Scales a pair's tension and every entry by `factor` (fatigue: the share that fades). */
export function scale(state: GameState, pair: number, factor: number): void {
  state.tension[pair]! *= factor;
  const a = state.ledger[pair]!.amounts;
  for (let j = 0; j < a.length; j++) a[j]! *= factor;
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
export function contributions(state: GameState, pair: number): Contribution[] {
  const l = state.ledger[pair]!;
  return l.causes
    .map((cause, i) => {
      const [kind = '', actor = '-', ref = '-'] = cause.split('/');
      return { cause, kind, actor, ref, amount: l.amounts[i]! };
    })
    .sort((x, y) => Math.abs(y.amount) - Math.abs(x.amount) || (x.cause < y.cause ? -1 : 1));
}

/** The actor who pushed a pair's tension up the most (Twilight Struggle's DEFCON blame), or null. */
export function blameFor(state: GameState, pair: number): string | null {
  const byActor = new Map<string, number>();
  for (const c of contributions(state, pair)) {
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
