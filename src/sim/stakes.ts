// What is at stake for a role, read as lines on numbers it can watch: each outcome that ends the game
// in a plain win or loss for it (war, a regime crisis), as the one number its condition watches, the
// line, the days it must hold and the days it has held; and its score track's course (today's rate kept
// to the end against its win and loss lines). The play screen shows them and warns before a line is
// crossed; the store pauses autoplay when one comes near.
import { meterSlot, resolveActor, resolvePairs, type CCondition, type Model } from './model';
import type { GameState } from './state';
import { overallTension } from './tension';
import { pointsToday } from './score';

/** Within this many points of its line, a stake warns. */
export const NEAR_POINTS = 10;

/** One number the condition watches, with its line. */
interface Watched {
  label: string;
  value: number;
  op: 'atLeast' | 'atMost';
  line: number;
}

export interface StakeLine {
  outcome: string;
  /** The outcome's name ("Regime crisis in Minsk"). */
  name: string;
  /** What it means for the role. */
  reading: 'win' | 'loss' | 'draw';
  /** What is watched ("Legitimacy", "Russia–Ukraine tension"). */
  measure: string;
  value: number;
  op: 'atLeast' | 'atMost';
  line: number;
  /** Days it must hold, and has held so far. */
  sustained: number;
  held: number;
  /** Points still between the value and the line (0 once it is crossed). */
  gap: number;
  /** far; near (within NEAR_POINTS); holding (crossed, counting the days). */
  level: 'far' | 'near' | 'holding';
  /** In a sentence: "Legitimacy 22 — at 15 or below for 3 days: Regime crisis in Minsk". */
  text: string;
}

/** The one numeric part a condition watches (itself, or the one part of an all-condition besides days), or null. */
export function watchedPart(c: CCondition | undefined): CCondition | null {
  if (!c) return null;
  if (c.kind === 'meter' || c.kind === 'tension' || c.kind === 'overall') return c;
  if (c.kind !== 'all') return null;
  const parts = c.list.filter((x) => x.kind !== 'turn');
  return parts.length === 1 ? watchedPart(parts[0]) : null;
}

/** The number a condition watches, its value now and its line, or null. */
function watched(m: Model, st: GameState, cond: CCondition): Watched | null {
  const op = (lo: number): 'atLeast' | 'atMost' => (lo > -Infinity ? 'atLeast' : 'atMost');
  const c = watchedPart(cond);
  if (!c) return null;
  switch (c.kind) {
    case 'meter': {
      const who = resolveActor(c.of, -1, -1);
      if (who < 0) return null;
      const name = m.data.meters[c.meter]!.name;
      return { label: `${m.data.actors[who]!.name}'s ${name.toLowerCase()}`, value: st.meters[meterSlot(m, who, c.meter)]!, op: op(c.lo), line: c.lo > -Infinity ? c.lo : c.hi };
    }
    case 'tension': {
      const p = resolvePairs(m, c.a, c.b, -1, -1);
      if (p.length !== 1) return null;
      const q = p[0]!;
      return { label: `${m.data.actors[m.pairA[q]!]!.name}–${m.data.actors[m.pairB[q]!]!.name} tension`, value: st.tension[q]!, op: op(c.lo), line: c.lo > -Infinity ? c.lo : c.hi };
    }
    case 'overall':
      return { label: 'Overall tension', value: overallTension(m, st), op: op(c.lo), line: c.lo > -Infinity ? c.lo : c.hi };
    default:
      return null;
  }
}

function round(v: number): string {
  return String(Math.round(v));
}

/** The decisive outcomes of a role (not those left to its points) as lines, nearest first. */
export function stakesFor(m: Model, st: GameState, actor: number): StakeLine[] {
  const out: StakeLine[] = [];
  for (const o of m.outcomes) {
    const reading = o.readings[actor];
    if (!o.when || !reading || reading === 'score') continue;
    const w = watched(m, st, o.when);
    if (!w) continue;
    const name = m.data.outcomes[o.index]!.name;
    const own = w.label.startsWith(`${m.data.actors[actor]!.name}'s `);
    const measure = own ? w.label.slice(m.data.actors[actor]!.name.length + 3).replace(/^./, (x) => x.toUpperCase()) : w.label;
    const crossed = w.op === 'atLeast' ? w.value >= w.line : w.value <= w.line;
    const held = st.sustain[o.index]!;
    const gap = crossed ? 0 : Math.abs(w.value - w.line);
    const level = crossed || held > 0 ? 'holding' : gap <= NEAR_POINTS ? 'near' : 'far';
    const side = w.op === 'atLeast' ? 'or above' : 'or below';
    const days = o.sustained > 1 ? ` for ${o.sustained} days` : '';
    const text =
      level === 'holding' && o.sustained > 1
        ? `${measure} ${round(w.value)} — day ${Math.max(1, held)} of ${o.sustained} at ${round(w.line)} ${side}: ${name}`
        : `${measure} ${round(w.value)} — at ${round(w.line)} ${side}${days}: ${name}`;
    out.push({ outcome: m.data.outcomes[o.index]!.id, name, reading, measure, value: w.value, op: w.op, line: w.line, sustained: o.sustained, held, gap, level, text });
  }
  return out.sort((a, b) => a.gap - b.gap);
}

/** Where a role's points are heading: today's rate kept to the turn limit. */
export interface Course {
  projected: number;
  daysLeft: number;
  /** The projection's side of the lines. */
  heading: 'win' | 'draw' | 'loss';
}

export function courseOf(m: Model, st: GameState, actor: number): Course | null {
  const win = m.scoreWin[actor]!;
  if (m.scoreTerms[actor]!.length === 0 || !(win === win)) return null;
  const daysLeft = Math.max(0, m.data.meta.turnLimit - st.turn);
  const projected = st.score[actor]! + daysLeft * pointsToday(m, st, actor);
  return { projected, daysLeft, heading: projected >= win ? 'win' : projected <= m.scoreLoss[actor]! ? 'loss' : 'draw' };
}
