// What a turn reports: the feed's events (scripted, actions, incidents, band changes, the outcome),
// each with its text filled in, its source quote (or null: simulated) and the tension it moved.
import type { Model, TemplatePart } from './model';
import { actionLineSlot } from './slots';
import type { SourceData } from './scenario/schema';

export interface TurnEvent {
  turn: number;
  date: string;
  /** decision: the plan calls on a player's own actor, which acts only on the player's orders (private to that player). */
  kind: 'scripted' | 'action' | 'incident' | 'band' | 'outcome' | 'decision';
  /** The event's, action's, band's or outcome's id. */
  id: string;
  /** The catalogue action performed, if any. */
  action: string | null;
  actor: string | null;
  target: string | null;
  text: string;
  /** public: everyone sees it; private: only its actor, and the actors in seenBy. */
  visibility: 'public' | 'private';
  /** For a private move that names who sees it (visibility: { to: [...] }): those actors' ids, besides its actor. */
  seenBy?: string[];
  actionKind: string | null;
  goldstein: number | null;
  cameo: string | null;
  /** The quote it comes from, or null when the model made it up (simulated). */
  source: SourceData | null;
  /** A plan announced before the source was written (the model may change it). */
  plan: boolean;
  /** Net tension change it booked, per pair id (only pairs it moved). */
  deltas: Record<string, number>;
  /** Net meter change it made, per "actor/meter" (only meters it moved). */
  meters: Record<string, number>;
}

function formatValue(v: number | undefined): string {
  if (v === undefined) return '';
  const a = Math.abs(v);
  return a >= 1000 ? String(Math.round(v)).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : a >= 10 ? String(Math.round(v)) : String(Math.round(v * 10) / 10);
}

/** Fills {actor}, {leader}, {target} and {value} in a compiled feed template. */
export function fillText(m: Pick<Model, 'data'>, parts: readonly TemplatePart[], actor: number, target: number, value: number | undefined): string {
  const a = actor >= 0 ? m.data.actors[actor]! : undefined;
  const t = target >= 0 ? m.data.actors[target]! : undefined;
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (typeof p === 'string') out += p;
    else if (p.slot === 'actor') out += a?.name ?? '';
    else if (p.slot === 'leader') out += a?.leader ?? a?.name ?? '';
    else if (p.slot === 'target') out += t?.name ?? '';
    else out += formatValue(value);
  }
  return out;
}

/** Whether a template shows a drawn {value} (so its line is filled in the turn, not once). */
function showsValue(parts: readonly TemplatePart[]): boolean {
  return parts.some((p) => typeof p !== 'string' && p.slot === 'value');
}

/**
 * The feed lines that do not depend on the turn, filled once per scenario: each action's line for each actor
 * that may take it at each of its targets (by actionLineSlot), and each scripted event's. Undefined where
 * the template shows a {value}.
 */
export function feedLines(
  m: Pick<Model, 'data' | 'nA'>,
  actions: readonly { index: number; actors: readonly number[]; targets: readonly number[] }[],
  actionText: readonly TemplatePart[][],
  events: readonly { actor: number; target: number }[],
  eventText: readonly TemplatePart[][],
): { actionLines: (string | undefined)[]; eventLines: (string | undefined)[] } {
  const actionLines = new Array<string | undefined>(m.nA * actions.length * (m.nA + 1)).fill(undefined);
  for (const act of actions) {
    const parts = actionText[act.index]!;
    if (showsValue(parts)) continue;
    for (const actor of act.actors) {
      for (const target of [-1, ...act.targets]) actionLines[actionLineSlot(m, actions.length, actor, act.index, target)] = fillText(m, parts, actor, target, undefined);
    }
  }
  const eventLines = events.map((e, i) => (showsValue(eventText[i]!) ? undefined : fillText(m, eventText[i]!, e.actor, e.target, undefined)));
  return { actionLines, eventLines };
}

/** The tension each pair moved between two snapshots (rounded to 0.01; zero moves left out). */
export function tensionDeltas(m: Model, before: ArrayLike<number>, after: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (let p = 0; p < m.nP; p++) {
    if (after[p] === before[p]) continue; // most pairs: no move to round
    const d = Math.round((after[p]! - before[p]!) * 100) / 100;
    if (d !== 0) out[m.pairIds[p]!] = d;
  }
  return out;
}

