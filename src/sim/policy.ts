// The AI: each actor scores its available options by the expected change in its goals (meters and
// tensions), its stated positions and temperament, the risk of pushing a pair toward war, and audience
// costs, plus seeded noise; then takes the best, or holds. The same scores explain the player's cards.
import type { Candidate, Model } from './model';
import type { GameState } from './state';
import { fillDraws, type Rng } from './rng';
import { holds } from './conditions';

/** Whether an actor may take an action now (requirements with the from/until window, cooldown, limit).
 * A scripted use counts toward the limit and is its day's use (lastUsed −turn), but starts no cooldown. */
export function isAvailable(m: Model, st: GameState, c: Candidate): boolean {
  const used = st.uses[c.slot]!;
  if (used > 0) {
    if (used >= c.limit) return false;
    const last = st.lastUsed[c.slot]!;
    if (last > 0 ? st.turn - last <= c.cooldown : st.turn === -last) return false;
  }
  return c.requires === undefined || holds(m, st, c.requires, c.actor, c.target);
}

/** War-risk weight of adding tension to a pair: 0 far from war, rising to 1 at the war threshold. */
function riskSlope(t: number, warAt: number): number {
  const x = (t - (warAt - 45)) / 45;
  return x <= 0 ? 0 : x * x;
}

/** Context computed once per turn for scoring: the hottest and second-hottest counting pair. */
export interface ScoreContext {
  top: number;
  topValue: number;
  secondValue: number;
}

export function scoreContext(m: Model, st: GameState): ScoreContext {
  let top = -1;
  let topValue = 0;
  let secondValue = 0;
  for (let p = 0; p < m.nP; p++) {
    if (!m.counts[p]) continue;
    const t = st.tension[p]!;
    if (top < 0 || t > topValue) {
      secondValue = top < 0 ? 0 : topValue;
      top = p;
      topValue = t;
    } else if (t > secondValue) secondValue = t;
  }
  return { top, topValue, secondValue };
}

function goalUtility(weight: number, ideal: number, t: number): number {
  return ideal === ideal ? -Math.abs(weight) * Math.abs(t - ideal) : weight * t;
}

/** scoreInto's result. A double returned from a function that is not inlined is boxed in a new heap
 * number; written here it is not (the AI scores ~100 options a turn). */
const SCORE = new Float64Array(1);

/** The expected utility of a candidate for its actor, without noise. */
export function scoreCandidate(m: Model, st: GameState, c: Candidate, ctx: ScoreContext): number {
  scoreInto(m, st, c, ctx);
  return SCORE[0]!;
}

/** scoreCandidate's work, its result in SCORE[0]. (Hot path: loops, no closures.) */
function scoreInto(m: Model, st: GameState, c: Candidate, ctx: ScoreContext): void {
  const actor = c.actor;
  const risk = m.riskAversion[actor]!;
  let score = c.bias;
  let overallAfter = ctx.topValue;
  let newTop = ctx.topValue;
  let touchesTop = false;
  const touches = c.touches;
  for (let k = 0; k < touches.length; k++) {
    const e = touches[k]!;
    const p = e.pair;
    const t = st.tension[p]!;
    let after = t * e.mul + e.add;
    if (after > 100) after = 100;
    else if (after < 0) after = 0;
    const goals = e.goals;
    // The risk of war deters only an actor that does not want war on this pair.
    let wantsWar = false;
    for (let g = 0; g < goals.length; g++) {
      const goal = goals[g]!;
      const ideal = goal.slot >= 0 ? st.ideals[goal.slot]! : goal.ideal;
      score += goalUtility(goal.weight, ideal, after) - goalUtility(goal.weight, ideal, t);
      if (ideal >= m.warAt) wantsWar = true;
    }
    if (risk !== 0 && !wantsWar) score -= risk * (after - t) * riskSlope(t > after ? t : after, m.warAt);
    if (e.counts) {
      if (p === ctx.top) {
        touchesTop = true;
        newTop = after;
      }
      if (after > overallAfter) overallAfter = after;
    }
  }
  if (touchesTop && overallAfter === ctx.topValue) {
    // The hottest pair cooled: overall is the larger of its new value and the runner-up.
    overallAfter = newTop > ctx.secondValue ? newTop : ctx.secondValue;
  }
  if (overallAfter !== ctx.topValue) {
    const goals = m.goalOverall[actor]!;
    for (let g = 0; g < goals.length; g++) {
      const goal = goals[g]!;
      const ideal = goal.slot >= 0 ? st.ideals[goal.slot]! : goal.ideal;
      score += goalUtility(goal.weight, ideal, overallAfter) - goalUtility(goal.weight, ideal, ctx.topValue);
    }
  }
  const w = m.goalMeter[actor]!;
  for (let k = 0; k < c.meterMuls.length; k++) {
    const e = c.meterMuls[k]!;
    score += w[e[0]]! * (e[1] - 1) * st.meters[e[0]]!;
  }
  const audience = c.audience;
  for (let k = 0; k < audience.length; k++) score -= audience[k]![1] * st.commitment[audience[k]![0]]!;
  SCORE[0] = score;
}

/** The AI's pick for an actor this turn, or null to hold. Draws from the actor's own stream for the turn:
 * one for tempo, one for holding, then one per candidate in catalogue order, available or not, so that each
 * option's noise is the same whatever else is available. */
export function choose(m: Model, st: GameState, actor: number, ctx: ScoreContext, rng: Rng): Candidate | null {
  if (rng.next() >= m.tempo[actor]!) return null;
  const noise = m.noise[actor]!;
  const candidates = m.candidates[actor]!;
  const draws = m.scratchDraws;
  fillDraws(rng, draws, 1 + candidates.length);
  let best: Candidate | null = null;
  let bestScore = m.data.rules.ai.holdScore + noise * (2 * draws[0]! - 1);
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k]!;
    if (!isAvailable(m, st, c)) continue;
    scoreInto(m, st, c, ctx);
    const s = SCORE[0]! + noise * (2 * draws[k + 1]! - 1);
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}
