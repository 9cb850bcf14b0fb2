// Answers "why is this pair at 63?": the ledger's top contributors with readable labels.
// Also lists an actor's options with their expected effects, for the player's action cards.
import { compile, type Model } from './model';
import type { Scenario } from './scenario/load';
import type { GameState } from './state';
import { contributions, type Contribution } from './ledger';
import { isAvailable, scoreCandidate, scoreContext } from './policy';
import { pairBetween } from './tension';

export interface Contributor extends Contribution {
  label: string;
}

function actorName(m: Model, id: string): string {
  const i = m.actorIndex.get(id);
  return i === undefined ? id : m.data.actors[i]!.name;
}

/** A readable label for a ledger cause. */
export function causeLabel(m: Model, c: Contribution): string {
  const who = c.actor === '-' ? '' : actorName(m, c.actor);
  switch (c.kind) {
    case 'init':
      return 'tension at the start';
    case 'act':
    case 'incident': {
      const a = m.actionIndex.get(c.ref);
      const name = a === undefined ? c.ref : m.actions[a]!.data.name;
      return `${who}: ${name}${c.kind === 'incident' ? ' (incident)' : ''}`;
    }
    case 'event': {
      const e = m.data.events.find((x) => x.id === c.ref);
      return e ? `${e.date ? `${e.date}: ` : ''}${e.text}` : c.ref;
    }
    case 'force':
    case 'host': {
      const f = m.forceIds.indexOf(c.ref);
      const name = f < 0 ? c.ref : m.data.forces[f]!.name;
      return c.kind === 'force' ? `${name} near the border` : `${who} hosting ${name}`;
    }
    case 'grievance':
      return 'standing grievances';
    case 'dyn': {
      const d = m.data.dynamics.find((x) => x.id === c.ref);
      return d ? d.name : c.ref;
    }
    case 'ceiling':
      return 'capped at 100';
    case 'floor':
      return 'floored at 0';
    default:
      return 'earlier causes';
  }
}

/** The top contributors to the tension between two actors (largest first). */
export function explainPair(scenario: Scenario, state: GameState, a: string, b: string, top = 6): Contributor[] {
  const m = compile(scenario);
  const p = pairBetween(m, a, b);
  if (p < 0) return [];
  return contributions(state, p, m.data.rules.ledgerSize, m.causeNames)
    .slice(0, top)
    .map((c) => ({ ...c, label: causeLabel(m, c) }));
}

export interface OptionView {
  action: string;
  target: string | null;
  name: string;
  description: string;
  kind: string;
  goldstein: number;
  cameo: string | null;
  visibility: 'public' | 'private';
  /** Expected tension change per pair id. */
  tension: Record<string, number>;
  /** The AI's score of it for this actor (higher is better for the actor's goals). */
  score: number;
}

/** The options an actor has right now, with their expected effects (for action cards). */
export function optionsFor(scenario: Scenario, state: GameState, actor: string): OptionView[] {
  const m = compile(scenario);
  const a = m.actorIndex.get(actor);
  if (a === undefined) return [];
  const probe = { ...state, turn: state.turn + 1 };
  const ctx = scoreContext(m, state);
  return m.candidates[a]!.filter((c) => isAvailable(m, probe, c)).map((c) => {
    const d = m.actions[c.action]!.data;
    const tension: Record<string, number> = {};
    for (const [p, v] of c.tensionAdds) tension[m.pairIds[p]!] = (tension[m.pairIds[p]!] ?? 0) + v;
    for (const [p, f] of c.tensionMuls) tension[m.pairIds[p]!] = (tension[m.pairIds[p]!] ?? 0) + (f - 1) * state.tension[p]!;
    return {
      action: d.id,
      target: c.target >= 0 ? m.actorIds[c.target]! : null,
      name: d.name,
      description: d.description ?? '',
      kind: d.kind,
      goldstein: d.goldstein,
      cameo: d.cameo ?? null,
      visibility: d.visibility,
      tension,
      score: scoreCandidate(m, state, c, ctx),
    };
  });
}
