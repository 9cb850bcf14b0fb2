// What a finished game tells the role that played it, for the debrief: the game is played again from
// its seed and orders (a run is fully determined by them) to read the role's points day by day and what
// each of its score lines paid; what decided the ending (the causes that moved the number the outcome
// watches, or the points); and the counterfactuals, played with the same seed: had the role held every
// day, and had the AI played the role. An observer's debrief has the deciding causes only. A game whose seat
// changed hands (handover.ts) is played again with each role on its days, and its counterfactuals begin
// where the role took the seat: the days before it are history.
import type { Scenario } from './scenario/load';
import { createGame, type GameState } from './state';
import { step, type Order } from './step';
import type { TurnEvent } from './feed';
import { linePoints, readOutcome, type RoleResult } from './score';
import { explainPair } from './explain';
import { watchedPart } from './stakes';
import { hottestPair } from './tension';
import { compile, meterSlot, resolveActor, resolvePairs, type Model } from './model';
import { roleOn, withRole, type EarlierRole, type RoleSchedule } from './handover';

export interface Factor {
  label: string;
  amount: number;
  /** The role's own move (an action it chose). */
  yours: boolean;
}

export interface Decided {
  /** "Legitimacy collapsed: 22 → 14", "Russia–Ukraine tension reached 86", "Your points: 8.2 VP". */
  text: string;
  factors: Factor[];
}

export interface WhatIf {
  /** "Had you held every day", "The AI in your seat". */
  label: string;
  outcome: string;
  name: string;
  turn: number;
  /** What it would have meant for the role. */
  reading: RoleResult | null;
  points: number;
}

export interface DebriefView {
  role: string;
  /** The role's points after each day (day 0 first); empty for an observer or a role without a track. */
  track: number[];
  win: number | null;
  loss: number | null;
  /** What each score line paid over the game, largest first. */
  lines: { label: string; total: number }[];
  decided: Decided | null;
  whatIfs: WhatIf[];
}

function actorName(m: Model, id: string | null): string {
  const i = id === null ? undefined : m.actorIndex.get(id);
  return i === undefined ? (id ?? '') : m.data.actors[i]!.name;
}

/** A short name for an event as a cause: "Belarus: Repress protests", or the start of a scripted event's text. */
function causeName(m: Model, e: TurnEvent): string {
  if (e.action && e.kind !== 'scripted') {
    const a = m.actionIndex.get(e.action);
    return `${actorName(m, e.actor)}: ${a === undefined ? e.action : m.actions[a]!.data.name}${e.kind === 'incident' ? ' (incident)' : ''}`;
  }
  return e.text.length > 60 ? `${e.text.slice(0, 58).replace(/\s+\S*$/, '')}…` : e.text;
}

/** Plays a game from its seed and orders (each role's on its days) to its end; returns every day's state and events. */
function replay(scenario: Scenario, seed: string, seat: RoleSchedule, orders: Record<string, Order>, upTo: number): { states: GameState[]; events: TurnEvent[][] } {
  let st = createGame(scenario, seed, { role: roleOn(seat, 1) });
  const states = [st];
  const events: TurnEvent[][] = [[]];
  while (!st.outcome && st.turn < upTo) {
    const order = orders[String(st.turn + 1)];
    const role = roleOn(seat, st.turn + 1);
    const r = step(scenario, withRole(st, scenario, role), role !== 'observer' && order ? { [role]: order } : {});
    st = r.state;
    states.push(st);
    events.push(r.events);
  }
  return { states, events };
}

function top(factors: Factor[], k: number): Factor[] {
  return factors.filter((f) => Math.abs(f.amount) >= 0.05).sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount)).slice(0, k);
}

/** What decided the ending: the causes of the number the outcome watched, or the role's points. */
function decide(scenario: Scenario, m: Model, states: GameState[], events: TurnEvent[][], role: string, lines: DebriefView['lines']): Decided | null {
  const end = states[states.length - 1]!;
  if (!end.outcome) return null;
  const oi = m.data.outcomes.findIndex((o) => o.id === end.outcome!.id);
  const o = m.outcomes[oi]!;
  const a = m.actorIndex.get(role) ?? -1;
  const reading = a >= 0 ? o.readings[a] : null;
  const part = watchedPart(o.when);
  if (a >= 0 && (reading === 'score' || !part)) {
    const pts = end.score[a]!;
    return {
      text: `Your points decided it: ${pts.toFixed(1)} VP (win at ${m.scoreWin[a]}, loss at ${m.scoreLoss[a]})`,
      factors: lines.filter((l) => Math.abs(l.total) >= 0.05).map((l) => ({ label: l.label, amount: l.total, yours: false })),
    };
  }
  if (part?.kind === 'meter') {
    const who = resolveActor(part.of, -1, -1);
    if (who < 0) return null;
    const key = `${m.actorIds[who]}/${m.meterIds[part.meter]}`;
    const slot = meterSlot(m, who, part.meter);
    const from = states[0]!.meters[slot]!;
    const to = end.meters[slot]!;
    const by = new Map<string, Factor>();
    let booked = 0;
    for (const day of events) {
      for (const e of day) {
        const d = e.meters[key];
        if (!d) continue;
        booked += d;
        const label = causeName(m, e);
        const f = by.get(label) ?? { label, amount: 0, yours: e.kind === 'action' && e.actor === role };
        f.amount += d;
        by.set(label, f);
      }
    }
    const factors = top([...by.values()], 4);
    const rest = to - from - booked;
    if (Math.abs(rest) >= 0.5) factors.push({ label: 'drift and day-to-day pressures', amount: rest, yours: false });
    const name = m.data.meters[part.meter]!.name;
    const who2 = who === a ? name : `${m.data.actors[who]!.name}'s ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
    const verb = to < from ? (part.hi < Infinity ? 'collapsed' : 'fell') : 'rose';
    return { text: `${who2} ${verb}: ${Math.round(from)} → ${Math.round(to)}`, factors };
  }
  const pair = part?.kind === 'tension' ? resolvePairs(m, part.a, part.b, -1, -1)[0] : undefined;
  const p = pair ?? (o.blame >= 0 ? o.blame : hottestPair(m, end));
  if (p === undefined || p < 0) return null;
  const label = `${m.data.actors[m.pairA[p]!]!.name}–${m.data.actors[m.pairB[p]!]!.name}`;
  const causes = explainPair(scenario, end, m.actorIds[m.pairA[p]!]!, m.actorIds[m.pairB[p]!]!, 12)
    .filter((c) => c.kind !== 'init')
    .map((c) => ({ label: c.label, amount: c.amount, yours: c.kind === 'act' && c.actor === role }));
  const text = part ? `${label} tension reached ${Math.round(end.tension[p]!)}` : `Tension ended at ${Math.round(end.tension[p]!)}, highest between ${label}; what put it there`;
  return { text, factors: top(causes, 5) };
}

function whatIf(scenario: Scenario, m: Model, seed: string, role: string, seat: RoleSchedule, orders: Record<string, Order>, label: string): WhatIf | null {
  const { states } = replay(scenario, seed, seat, orders, m.data.meta.turnLimit);
  const end = states[states.length - 1]!;
  if (!end.outcome) return null;
  const oi = m.data.outcomes.findIndex((o) => o.id === end.outcome!.id);
  const a = m.actorIndex.get(role)!;
  return { label, outcome: end.outcome.id, name: m.data.outcomes[oi]!.name, turn: end.outcome.turn, reading: readOutcome(m, oi, a, end.score[a]!), points: end.score[a]! };
}

/**
 * The debrief of a game: played again from `seed` with the role's `orders` (by day, as the replay keeps
 * them) up to `upTo` days (the game's length); `earlierRoles`, the roles that held the seat before `role`.
 */
export function debriefOf(scenario: Scenario, seed: string, role: string, orders: Record<string, Order>, upTo: number, earlierRoles: readonly EarlierRole[] = []): DebriefView {
  const m = compile(scenario);
  const { states, events } = replay(scenario, seed, { role, earlierRoles }, orders, upTo);
  const a = m.actorIndex.get(role) ?? -1;
  const scored = a >= 0 && m.scoreTerms[a]!.length > 0;
  const totals = scored ? m.scoreTerms[a]!.map(() => 0) : [];
  if (scored) for (let t = 1; t < states.length; t++) m.scoreTerms[a]!.forEach((l, k) => (totals[k]! += linePoints(m, states[t]!, l)));
  const lines = scored ? m.scoreTerms[a]!.map((l, k) => ({ label: l.label, total: totals[k]! })).sort((x, y) => Math.abs(y.total) - Math.abs(x.total)) : [];
  const whatIfs: WhatIf[] = [];
  if (a >= 0) {
    // After a handover the days before it stay as they were played; the what-ifs change the role's own days.
    const took = earlierRoles.length ? earlierRoles[earlierRoles.length - 1]!.until : 0;
    const before = Object.fromEntries(Object.entries(orders).filter(([d]) => Number(d) <= took));
    const from = took ? ` from day ${took + 1}` : ' every day';
    const held = whatIf(scenario, m, seed, role, { role, earlierRoles }, before, `Had you held${from} (same seed)`);
    const ai = whatIf(scenario, m, seed, role, { role: 'observer', earlierRoles }, before, `The AI in your seat${took ? ` from day ${took + 1}` : ''} (same seed)`);
    if (held) whatIfs.push(held);
    if (ai) whatIfs.push(ai);
  }
  return {
    role,
    track: scored ? states.map((s) => s.score[a]!) : [],
    win: scored ? m.scoreWin[a]! : null,
    loss: scored ? m.scoreLoss[a]! : null,
    lines,
    decided: decide(scenario, m, states, events, role, lines),
    whatIfs,
  };
}
