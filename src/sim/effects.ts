// Applies what actions and events do: the Goldstein impact of an action its target sees on the pair
// (actor, target), its listed effects (ranges drawn from the seeded generator), audience costs,
// and the record of use (a deliberate move starts its cooldown; a scripted event's is only that day's use), and,
// for moves not everyone sees, what each actor saw. Every tension change is booked in the ledger under its cause.
import { actionSlot, type CAction, type CEffect, type Model, type RangeValue, aimIndex, forceSlot, meterSlot, pairIndex, resolveActor, resolvePairs, topicSlot } from './model';
import type { GameState } from './state';
import type { Rng } from './rng';
import { book } from './ledger';
import { felt, sees, type Seers } from './visibility';

export interface ApplyContext {
  actor: number;
  target: number;
  /** The ledger cause (a number into the model's causeNames) for tension changes. */
  cause: number;
  /** The first value drawn, for the feed's {value}. */
  value: number | undefined;
  /** Who sees the move whose effects these are (undefined: everyone, as for an event's own effects). */
  seers?: Seers;
}

function draw(r: RangeValue, rng: Rng): number {
  return Array.isArray(r) ? r[0] + (r[1] - r[0]) * rng.next() : r;
}

function clampMeter(m: Model, st: GameState, slot: number): void {
  const meter = slot % m.nM;
  const v = st.meters[slot]!;
  if (v < m.meterMin[meter]!) st.meters[slot] = m.meterMin[meter]!;
  else if (v > m.meterMax[meter]!) st.meters[slot] = m.meterMax[meter]!;
}

/** Moves every observer's estimate of a force `share` of the way to its true strength. */
export function reveal(m: Model, st: GameState, force: number, share: number): void {
  const last = force < 0 ? m.nF - 1 : force;
  for (let f = force < 0 ? 0 : force; f <= last; f++) {
    const truth = st.forces.strength[f]!;
    for (let o = 0; o < m.nA; o++) {
      const i = forceSlot(m, o, f);
      st.estimates[i]! += share * (truth - st.estimates[i]!);
    }
  }
}

export function applyEffect(m: Model, st: GameState, e: CEffect, ctx: ApplyContext, rng: Rng): void {
  const size = m.data.rules.ledgerSize;
  switch (e.kind) {
    case 'tension':
      for (const p of resolvePairs(m, e.a, e.b, ctx.actor, ctx.target)) {
        if (e.add !== undefined) {
          const v = draw(e.add, rng);
          ctx.value ??= v;
          book(st, p, ctx.cause, v, size);
        }
        if (e.mul !== undefined) {
          const v = draw(e.mul, rng);
          ctx.value ??= v;
          book(st, p, ctx.cause, (v - 1) * st.tension[p]!, size);
        }
      }
      return;
    case 'meter': {
      const who = resolveActor(e.of, ctx.actor, ctx.target);
      if (who < 0) return;
      const slot = meterSlot(m, who, e.meter);
      if (e.add !== undefined) {
        const v = draw(e.add, rng);
        ctx.value ??= v;
        st.meters[slot]! += v;
      }
      if (e.mul !== undefined) {
        const v = draw(e.mul, rng);
        ctx.value ??= v;
        st.meters[slot]! *= v;
      }
      clampMeter(m, st, slot);
      return;
    }
    case 'force': {
      const f = e.force;
      if (e.add !== undefined) {
        const v = draw(e.add, rng);
        ctx.value ??= v;
        st.forces.strength[f] = Math.max(0, st.forces.strength[f]! + v);
      }
      if (e.mul !== undefined) {
        const v = draw(e.mul, rng);
        ctx.value ??= st.forces.strength[f]! * v;
        st.forces.strength[f] = Math.max(0, st.forces.strength[f]! * v);
      }
      if (e.moveTo !== undefined) st.forces.place[f] = e.moveTo;
      if (e.active !== undefined) st.forces.active[f] = e.active;
      return;
    }
    case 'reveal':
      reveal(m, st, e.force, e.share);
      return;
    case 'aim': {
      // Moves what an actor wants on a pair: the ideal of its goal there (deterrence, provocation).
      const who = resolveActor(e.of, ctx.actor, ctx.target);
      if (who < 0) return;
      for (const p of resolvePairs(m, e.a, e.b, ctx.actor, ctx.target)) {
        const slot = m.aimSlot[aimIndex(m, who, p)]!;
        if (slot < 0) continue;
        const v = draw(e.add, rng);
        ctx.value ??= v;
        st.ideals[slot] = Math.min(100, Math.max(0, st.ideals[slot]! + v));
        st.aims[slot]! += v;
        const seers = ctx.seers;
        if (seers && !seers.public && st.unseenAims) {
          const n = st.aims.length;
          for (let o = 0; o < m.nA; o++) if (!sees(seers, o, ctx.actor, ctx.target)) st.unseenAims[o * n + slot]! += v;
        }
      }
      return;
    }
  }
}

/**
 * Applies a catalogue action for an actor: Goldstein impact, effects, audience costs, record of use.
 * `scripted`: a scripted event performs it, which counts as a use but starts no cooldown.
 */
export function applyAction(m: Model, st: GameState, act: CAction, ctx: ApplyContext, rng: Rng, scripted = false): void {
  const rules = m.data.rules;
  const { actor, target } = ctx;
  ctx.seers = act.seers;
  if (felt(act.seers, actor, target)) {
    const p = pairIndex(m, actor, target);
    if (p >= 0) book(st, p, ctx.cause, -act.data.goldstein * rules.goldsteinScale, rules.ledgerSize);
  }
  for (const e of act.effects) applyEffect(m, st, e, ctx, rng);
  const ac = rules.audienceCost;
  if (ac && m.audienceMeter >= 0) {
    for (let k = 0; k < act.topics.length; k++) {
      const al = act.topics[k]![1];
      const i = topicSlot(m, actor, act.topics[k]![0]);
      const s = m.stance[i]!;
      const c = m.commitSlot[i]!;
      if (s * al > 0) st.commitment[c]! += ac.growth * Math.abs(al);
      else if (s * al < 0) {
        // Backing down from a stated position: pay in proportion to the commitment built up, which is then spent.
        const slot = meterSlot(m, actor, m.audienceMeter);
        st.meters[slot]! -= ac.perCommitment * st.commitment[c]! * Math.abs(al);
        clampMeter(m, st, slot);
        st.commitment[c] = st.commitment[c]! * 0.5;
      }
    }
  }
  const u = m.useSlot[actionSlot(m, actor, act.index)]!;
  if (u >= 0) {
    // A scripted use is that day's use (−turn: not again today) but starts no cooldown; one still running stays.
    if (!scripted) st.lastUsed[u] = st.turn;
    else if (st.lastUsed[u]! <= 0 || st.turn - st.lastUsed[u]! > act.data.cooldown) st.lastUsed[u] = -st.turn;
    st.uses[u]! += 1;
    if (st.seenUses) for (let o = 0; o < m.nA; o++) if (sees(act.seers, o, actor, target)) st.seenUses[o * m.nUseSlots + u]! += 1;
  }
  ctx.seers = undefined;
}
