// The AI's precomputation: each actor's goals turned into utility weights, and its options (candidates)
// with their expected effects and the fixed part of their score, built once per scenario so that
// policy.ts scores a day with array arithmetic. The model (model.ts) holds the tables; only the AI,
// the cards and the bots read them.
import type { ScenarioData } from './scenario/schema';
import type { CAction, CCondition, RangeValue } from './model';
import { actionSlot, aimIndex, meterSlot, pairIndex, topicSlot } from './slots';
import { felt } from './visibility';

/** A tension goal: utility weight × tension, or −|weight| × distance from an ideal (fixed, or drawn per game into state.ideals[slot]). */
export interface TensionGoal {
  /** −1: overall tension. */
  pair: number;
  weight: number;
  /** NaN: a linear goal. */
  ideal: number;
  /** ≥ 0: the ideal lives in state.ideals[slot] (a seeded draw where the file gives a range; moved by aim effects). */
  slot: number;
  range: [number, number] | undefined;
}

/** What a candidate does to one pair, for scoring. */
export interface Touch {
  pair: number;
  add: number;
  mul: number;
  /** The actor's tension goals on this pair. */
  goals: TensionGoal[];
  counts: boolean;
}

/** One option an actor may pick: an action aimed at a target (−1: none), with its expected effects. */
export interface Candidate {
  action: number;
  actor: number;
  target: number;
  /** Where its use is recorded in state.uses / state.lastUsed. */
  slot: number;
  /** The action's limit (Infinity: none), cooldown and requirement, copied here for the hot path. */
  limit: number;
  cooldown: number;
  requires: CCondition | undefined;
  /** Audience costs: per contradicted position, its commitment slot and the utility lost per unit of commitment. */
  audience: [number, number][];
  /** Expected tension change per pair from adds (Goldstein impact included). */
  tensionAdds: [number, number][];
  /** Expected multiplicative factor per pair. */
  tensionMuls: [number, number][];
  /** The same, flattened for scoring: per touched pair, its add, its factor and the actor's goals on it. */
  touches: Touch[];
  /** Expected meter change per meter slot (actor × meter) from adds. */
  meterAdds: [number, number][];
  meterMuls: [number, number][];
  /** Position and aggression bias plus the utility of the meter adds: fixed per candidate. */
  bias: number;
}

/** The actors' goals as the AI weighs them, and the state.ideals slots they own. */
export interface Goals {
  /** Per actor: its tension goals (pair −1: overall). */
  goalTension: TensionGoal[][];
  /** Per actor: its overall-tension goals. */
  goalOverall: TensionGoal[][];
  /** Per actor: utility weight per meter slot (actor × meter). */
  goalMeter: Float64Array[];
  /** The starting ideal of each slot of state.ideals: a number, or a range drawn per game. */
  idealRanges: RangeValue[];
  /** The actor whose goal each slot of state.ideals is. */
  idealOwner: number[];
  /** actor × pair → the slot of state.ideals of that actor's goal on the pair, or −1 (what an aim effect moves). */
  aimSlot: Int32Array;
}

/** The index tables the AI's precomputation reads. */
export interface AiInputs {
  data: ScenarioData;
  nA: number;
  nM: number;
  nP: number;
  nT: number;
  actorIndex: Map<string, number>;
  meterIds: string[];
  /** nA × nA → pair index, or −1. */
  pairOf: Int32Array;
  counts: boolean[];
  stance: number[];
  commitSlot: Int32Array;
  audienceMeter: number;
  actions: CAction[];
  useSlot: Int32Array;
}

/** Per actor: its traits as flat arrays for the hot path, and its deliberate candidates. */
export interface AiTables {
  /** Per actor: (1 − risk tolerance) × rules.ai.riskWeight. */
  riskAversion: number[];
  tempo: number[];
  noise: number[];
  /** Per actor: its deliberate candidates (incidents excluded). */
  candidates: Candidate[][];
}

function mid(r: RangeValue | undefined): number {
  if (r === undefined) return 0;
  return Array.isArray(r) ? (r[0] + r[1]) / 2 : r;
}

/** The actor index of a goal's end ("self" is the actor itself). */
function who(actorIndex: Map<string, number>, id: string, self: number): number {
  return id === 'self' ? self : actorIndex.get(id)!;
}

/** Compiles every actor's goals: meter weights, tension goals, and the slots of state.ideals. */
export function compileGoals(d: ScenarioData, actorIndex: Map<string, number>, meterIds: string[], pairOf: Int32Array): Goals {
  const nA = d.actors.length;
  const nM = meterIds.length;
  const out: Goals = { goalTension: [], goalOverall: [], goalMeter: [], idealRanges: [], idealOwner: [], aimSlot: new Int32Array(nA * d.pairs.length).fill(-1) };
  d.actors.forEach((a, i) => {
    const w = new Float64Array(nA * nM);
    const tg: TensionGoal[] = [];
    for (const g of a.goals) {
      if ('meter' in g) {
        w[meterSlot({ nM }, who(actorIndex, g.of, i), meterIds.indexOf(g.meter))]! += g.weight;
        continue;
      }
      const pair = g.tension === 'overall' ? -1 : pairIndex({ nA, pairOf }, who(actorIndex, g.tension[0], i), who(actorIndex, g.tension[1], i));
      if (g.tension !== 'overall' && pair < 0) continue;
      const range = Array.isArray(g.ideal) ? g.ideal : undefined;
      const slot = g.ideal !== undefined ? out.idealRanges.push(g.ideal) - 1 : -1;
      if (slot >= 0) out.idealOwner.push(i);
      if (slot >= 0 && pair >= 0) out.aimSlot[aimIndex({ nP: d.pairs.length }, i, pair)] = slot;
      tg.push({ pair, weight: g.weight, ideal: range ? (range[0] + range[1]) / 2 : ((g.ideal as number | undefined) ?? NaN), slot, range });
    }
    out.goalMeter.push(w);
    out.goalTension.push(tg);
    out.goalOverall.push(tg.filter((g) => g.pair < 0));
  });
  return out;
}

/** The pair indices an effect's (a, b) resolves to for an actor and its target (see model.resolvePairs). */
type PairsOf = (a: CAction['effects'][number] & { kind: 'tension' }, actor: number, target: number) => readonly number[];

/** One candidate: an action by an actor at a target (−1: none), with its expected effects and fixed score. */
function candidate(t: AiInputs & Goals, pairsOf: PairsOf, act: CAction, actor: number, target: number): Candidate {
  const rules = t.data.rules;
  const tensionAdds = new Map<number, number>();
  const tensionMuls: [number, number][] = [];
  const meterAdds = new Map<number, number>();
  const meterMuls: [number, number][] = [];
  if (felt(act.seers, actor, target)) {
    const p = pairIndex(t, actor, target);
    if (p >= 0) tensionAdds.set(p, -act.data.goldstein * rules.goldsteinScale);
  }
  for (const e of act.effects) {
    if (e.kind === 'tension') {
      for (const p of pairsOf(e, actor, target)) {
        if (e.add !== undefined) tensionAdds.set(p, (tensionAdds.get(p) ?? 0) + mid(e.add));
        if (e.mul !== undefined) tensionMuls.push([p, mid(e.mul)]);
      }
    } else if (e.kind === 'meter') {
      const of = 'fixed' in e.of ? e.of.fixed : 'target' in e.of ? target : actor;
      if (of < 0) continue;
      const slot = meterSlot(t, of, e.meter);
      if (e.add !== undefined) meterAdds.set(slot, (meterAdds.get(slot) ?? 0) + mid(e.add));
      if (e.mul !== undefined) meterMuls.push([slot, mid(e.mul)]);
    }
  }
  const ai = rules.ai;
  const traits = t.data.actors[actor]!.traits;
  let bias = ai.aggressionWeight * (traits.aggression - 0.5) * 2 * (-act.data.goldstein / 10);
  for (const [topic, al] of act.topics) bias += ai.positionWeight * t.stance[topicSlot(t, actor, topic)]! * al;
  for (const [slot, v] of meterAdds) bias += t.goalMeter[actor]![slot]! * v;
  const touched = [...new Set([...tensionAdds.keys(), ...tensionMuls.map((x) => x[0])])].sort((a, b) => a - b);
  const touches: Touch[] = touched.map((p) => ({
    pair: p,
    add: tensionAdds.get(p) ?? 0,
    mul: tensionMuls.filter((x) => x[0] === p).reduce((f, x) => f * x[1], 1),
    goals: t.goalTension[actor]!.filter((g) => g.pair === p),
    counts: t.counts[p]!,
  }));
  const audience: [number, number][] = [];
  const ac = rules.audienceCost;
  if (ac && t.audienceMeter >= 0) {
    for (const [topic, al] of act.topics) {
      const i = topicSlot(t, actor, topic);
      if (t.stance[i]! * al < 0) audience.push([t.commitSlot[i]!, t.goalMeter[actor]![meterSlot(t, actor, t.audienceMeter)]! * ac.perCommitment * Math.abs(al)]);
    }
  }
  return {
    action: act.index,
    actor,
    target,
    slot: t.useSlot[actionSlot(t, actor, act.index)]!,
    limit: act.data.limit ?? Infinity,
    cooldown: act.data.cooldown,
    requires: act.requires,
    audience,
    tensionAdds: [...tensionAdds],
    tensionMuls,
    touches,
    meterAdds: [...meterAdds],
    meterMuls,
    bias,
  };
}

/** The targets an actor may aim a deliberate action at: none (−1) when the action has no targets. */
export function candidateTargets(act: CAction, actor: number): number[] {
  if (act.incident || !act.actors.includes(actor)) return [];
  return act.targets.length === 0 ? [-1] : act.targets.filter((t) => t !== actor);
}

/** The AI's tables: traits as flat arrays, and each actor's candidates in action order. */
export function compileAi(t: AiInputs & Goals, pairsOf: PairsOf): AiTables {
  const actors = t.data.actors;
  return {
    riskAversion: actors.map((a) => (1 - a.traits.riskTolerance) * t.data.rules.ai.riskWeight),
    tempo: actors.map((a) => a.traits.tempo),
    noise: actors.map((a) => a.traits.noise),
    candidates: actors.map((_, actor) => t.actions.flatMap((act) => candidateTargets(act, actor).map((target) => candidate(t, pairsOf, act, actor, target)))),
  };
}
