// The model's flat tables are indexed by products of two dimensions (actor × meter, actor × force,
// actor × actor, actor × pair, actor × topic). Each formula is written here once, with a name.

/** The slot of an actor's meter in state.meters (actor × meter). */
export function meterSlot(m: { nM: number }, actor: number, meter: number): number {
  return actor * m.nM + meter;
}

/** The pair between two actor indices, or −1. */
export function pairIndex(m: { nA: number; pairOf: Int32Array }, a: number, b: number): number {
  return m.pairOf[a * m.nA + b]!;
}

/** The slot of an actor's view of a force (actor × force): its estimate in state.estimates, its host cause. */
export function forceSlot(m: { nF: number }, actor: number, force: number): number {
  return actor * m.nF + force;
}

/** The slot of an actor's goal on a pair in the model's aimSlot (actor × pair). */
export function aimIndex(m: { nP: number }, actor: number, pair: number): number {
  return actor * m.nP + pair;
}

/** The slot of an actor's stance on a topic (actor × topic) in the model's stance and commitSlot. */
export function topicSlot(m: { nT: number }, actor: number, topic: number): number {
  return actor * m.nT + topic;
}

/** The slot of an actor's use of an action (actor × action) in the model's useSlot and its ledger causes. */
export function actionSlot(m: { actions: readonly unknown[] }, actor: number, action: number): number {
  return actor * m.actions.length + action;
}

/** The slot of an action's feed line by an actor at a target (−1: none) in the model's actionLines
 * (actor × action × (target + 1)). */
export function actionLineSlot(m: { nA: number }, nActions: number, actor: number, action: number, target: number): number {
  return (actor * nActions + action) * (m.nA + 1) + target + 1;
}
