// Evaluates compiled conditions against the game state (for action requirements, conditional
// events and outcomes). "self" and "target" resolve to the acting actor and its target. In an action's
// requirements, `used` of a move that is not public reads what the acting actor saw.
import { actionSlot, type CCondition, type Model, meterSlot, resolveActor, resolvePairs } from './model';
import type { GameState } from './state';
import { overallTension } from './tension';

export function holds(m: Model, st: GameState, c: CCondition, actor: number, target: number): boolean {
  switch (c.kind) {
    case 'all':
      for (const x of c.list) if (!holds(m, st, x, actor, target)) return false;
      return true;
    case 'any':
      for (const x of c.list) if (holds(m, st, x, actor, target)) return true;
      return false;
    case 'not':
      return !holds(m, st, c.c, actor, target);
    case 'overall': {
      const t = overallTension(m, st);
      return t >= c.lo && t <= c.hi;
    }
    case 'tension': {
      const pairs = resolvePairs(m, c.a, c.b, actor, target);
      if (pairs.length === 0) return false;
      for (const p of pairs) {
        const t = st.tension[p]!;
        if (t >= c.lo && t <= c.hi) return true;
      }
      return false;
    }
    case 'meter': {
      const who = resolveActor(c.of, actor, target);
      if (who < 0) return false;
      const v = st.meters[meterSlot(m, who, c.meter)]!;
      return v >= c.lo && v <= c.hi;
    }
    case 'force': {
      if (c.at >= 0 && st.forces.place[c.force] !== c.at) return false;
      if (c.active !== undefined && st.forces.active[c.force] !== c.active) return false;
      const v = st.forces.strength[c.force]!;
      return v >= c.lo && v <= c.hi;
    }
    case 'turn': {
      const t = st.turn;
      return t >= c.lo && t <= c.hi;
    }
    case 'fired':
      return st.fired[c.event] === 2;
    case 'used': {
      // In an action's requires, a move not everyone sees counts only once the deciding actor saw it.
      const seen = c.known && st.seenUses && actor >= 0 && !m.actions[c.action]!.seers.public ? st.seenUses : null;
      if (seen) {
        const base = actor * m.nUseSlots;
        if (c.by >= 0) {
          const slot = m.useSlot[actionSlot(m, c.by, c.action)]!;
          return slot >= 0 && seen[base + slot]! > 0;
        }
        for (const slot of m.actionSlots[c.action]!) if (seen[base + slot]! > 0) return true;
        return false;
      }
      if (c.by >= 0) {
        const slot = m.useSlot[actionSlot(m, c.by, c.action)]!;
        return slot >= 0 && st.uses[slot]! > 0;
      }
      for (const slot of m.actionSlots[c.action]!) if (st.uses[slot]! > 0) return true;
      return false;
    }
  }
}
