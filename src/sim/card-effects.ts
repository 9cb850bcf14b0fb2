// What a card does in the player's terms: each expected change (a pair's tension, a meter) labelled as
// the role reads it ("tension with NATO", "legitimacy", "Belarus's dependence on Russia") and marked good
// or bad for the role's own goals (its score lines, and the decisive lines it must not cross); the
// decisive lines a card pushes toward while they are near; and the role's actions it cannot take on
// the coming day, each with the reason ("used — again in 2 days", "needs … deployed").
import { type Candidate, type Model, type ScoreLine } from './model';
import type { GameState } from './state';
import { isAvailable } from './policy';
import { unmetText } from './condition-text';
import { stakesFor } from './stakes';
import { hottestPair } from './tension';

/** Changes smaller than this are not shown. */
const SHOWN = 0.05;

export interface EffectView {
  kind: 'tension' | 'meter';
  /** The pair id, or "actor/meter". */
  id: string;
  /** As the role reads it: "tension with NATO", "Russia–Ukraine tension", "legitimacy", "Belarus's dependence on Russia". */
  label: string;
  delta: number;
  /** For the role's goals: 1 good, −1 bad, 0 neither. */
  good: -1 | 0 | 1;
}

export interface BlockedView {
  action: string;
  name: string;
  kind: string;
  /** Why not now: "used — again in 2 days", "used twice — no more", "needs the … deployed". */
  reason: string;
  /** Days until a cooldown ends (null: not a cooldown). */
  again: number | null;
  /** Times the role has used it this game. */
  used: number;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The points per day a change of `delta` in a line's value brings (signed). */
function linePull(line: ScoreLine, value: number, delta: number): number {
  if (line.ideal === line.ideal) return Math.abs(line.weight) * (Math.abs(value - line.ideal) - Math.abs(value + delta - line.ideal));
  return line.weight * delta;
}

/** Whether a change moves a decisive line of the role that is near (or already crossed) closer. */
function towardLoss(stakes: ReturnType<typeof stakesFor>, measure: string, delta: number): string | null {
  for (const s of stakes) {
    if (s.reading !== 'loss' || s.level === 'far' || s.measure !== measure) continue;
    if ((s.op === 'atLeast' && delta > 0) || (s.op === 'atMost' && delta < 0)) return s.name;
  }
  return null;
}

/**
 * A candidate's expected changes, labelled for the role, goal-relevant ones first, then by size; and the
 * names of the near decisive losses it pushes toward.
 */
export function cardEffects(m: Model, st: GameState, c: Candidate, actor: number): { effects: EffectView[]; toward: string[] } {
  const lines = m.scoreTerms[actor]!;
  const stakes = stakesFor(m, st, actor);
  const hot = hottestPair(m, st);
  const effects: EffectView[] = [];
  const toward = new Set<string>();
  const tension = new Map<number, number>();
  for (const [p, v] of c.tensionAdds) tension.set(p, (tension.get(p) ?? 0) + v);
  for (const [p, f] of c.tensionMuls) tension.set(p, (tension.get(p) ?? 0) + (f - 1) * st.tension[p]!);
  for (const [p, d] of tension) {
    if (Math.abs(d) < SHOWN) continue;
    const a = m.pairA[p]!;
    const b = m.pairB[p]!;
    const pairLabel = `${m.data.actors[a]!.name}–${m.data.actors[b]!.name}`;
    const label = a === actor ? `tension with ${m.data.actors[b]!.name}` : b === actor ? `tension with ${m.data.actors[a]!.name}` : `${pairLabel} tension`;
    let pull = 0;
    for (const l of lines) {
      if (l.meterSlot < 0 && l.pair === p) pull += linePull(l, st.tension[p]!, d);
      else if (l.meterSlot < 0 && l.pair < 0 && p === hot) pull += linePull(l, st.tension[p]!, d);
    }
    const loss = towardLoss(stakes, `${pairLabel} tension`, d) ?? (p === hot ? towardLoss(stakes, 'Overall tension', d) : null);
    if (loss) toward.add(loss);
    effects.push({ kind: 'tension', id: m.pairIds[p]!, label, delta: d, good: loss ? -1 : pull > 1e-9 ? 1 : pull < -1e-9 ? -1 : 0 });
  }
  const meters = new Map<number, number>();
  for (const [slot, v] of c.meterAdds) meters.set(slot, (meters.get(slot) ?? 0) + v);
  for (const [slot, f] of c.meterMuls) meters.set(slot, (meters.get(slot) ?? 0) + (f - 1) * st.meters[slot]!);
  for (const [slot, d] of meters) {
    if (Math.abs(d) < SHOWN) continue;
    const who = Math.floor(slot / m.nM);
    const meter = slot % m.nM;
    const name = m.data.meters[meter]!.name;
    const owner = m.data.actors[who]!.name;
    const label = who === actor ? lowerFirst(name) : `${owner}'s ${lowerFirst(name)}`;
    let pull = 0;
    for (const l of lines) if (l.meterSlot === slot) pull += linePull(l, st.meters[slot]!, d);
    const loss = towardLoss(stakes, who === actor ? name : `${owner}'s ${lowerFirst(name)}`, d);
    if (loss) toward.add(loss);
    effects.push({ kind: 'meter', id: `${m.actorIds[who]}/${m.meterIds[meter]}`, label, delta: d, good: loss ? -1 : pull > 1e-9 ? 1 : pull < -1e-9 ? -1 : 0 });
  }
  effects.sort((x, y) => Math.abs(y.good) - Math.abs(x.good) || Math.abs(y.delta) - Math.abs(x.delta));
  return { effects, toward: [...toward] };
}

/** The role's actions with no target it may take on the coming day, each with the reason. */
export function blockedFor(m: Model, st: GameState, actor: number): BlockedView[] {
  const probe = { ...st, turn: st.turn + 1 };
  const byAction = new Map<number, Candidate[]>();
  for (const c of m.candidates[actor]!) byAction.set(c.action, [...(byAction.get(c.action) ?? []), c]);
  const out: BlockedView[] = [];
  for (const [action, list] of byAction) {
    if (list.some((c) => isAvailable(m, probe, c))) continue;
    const c = list[0]!;
    const d = m.actions[action]!.data;
    const used = st.uses[c.slot]!;
    let reason: string;
    let again: number | null = null;
    if (used > 0 && used >= c.limit) reason = used === 1 ? 'used — once only' : `used ${used} times — no more`;
    else if (used > 0 && st.lastUsed[c.slot]! > 0 && probe.turn - st.lastUsed[c.slot]! <= c.cooldown) {
      again = st.lastUsed[c.slot]! + c.cooldown - st.turn;
      reason = again <= 1 ? 'used — again tomorrow' : `used — again in ${again} days`;
    } else reason = (c.requires && unmetText(m, probe, c.requires, actor, c.target)) || 'not available now';
    out.push({ action: d.id, name: d.name, kind: d.kind, reason, again, used });
  }
  return out;
}
