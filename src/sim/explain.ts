// Answers "why is this pair at 63?": the ledger's top contributors with readable labels (for a viewer,
// moves it did not see are merged under one label). Also lists an actor's options with their expected
// effects, for the player's action cards.
import { compile, type Model } from './model';
import type { Scenario } from './scenario/load';
import type { GameState } from './state';
import { contributions, type Contribution } from './ledger';
import { availableCandidates, orderOf } from './roles';
import { cardOutlook } from './outlook';
import { cardEffects, blockedFor, type EffectView, type BlockedView } from './card-effects';
import type { SourceData } from './scenario/schema';

export type { EffectView, BlockedView };
import type { Order } from './step';
import { pairBetween } from './tension';
import { feedVisibility } from './visibility';

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

/** The cause that stands for the moves a viewer did not see. */
const UNSEEN = 'unseen/-/-';

/** Whether a viewer (an actor id, or anything else for the observer) saw the move a cause books: public
 * moves, its own, and those whose visibility names it (or names the target, when the viewer is an end of the pair). */
function sawCause(m: Model, c: Contribution, viewer: string, a: string, b: string): boolean {
  if (c.kind !== 'act' && c.kind !== 'incident') return true;
  const act = m.actionIndex.get(c.ref);
  if (act === undefined) return true;
  const seers = m.actions[act]!.seers;
  if (seers.public) return true;
  const v = m.actorIndex.get(viewer);
  if (v === undefined) return false;
  return c.actor === viewer || seers.actors.includes(v) || (seers.target && (viewer === a || viewer === b));
}

/**
 * The top contributors to the tension between two actors (largest first). With a viewer (an actor id or
 * "observer"), the moves it did not see (visibility) are merged into one "moves you did not see".
 */
export function explainPair(scenario: Scenario, state: GameState, a: string, b: string, top = 6, viewer?: string): Contributor[] {
  const m = compile(scenario);
  const p = pairBetween(m, a, b);
  if (p < 0) return [];
  let list = contributions(state, p, m.data.rules.ledgerSize, m.causeNames);
  if (viewer !== undefined && m.secrets && list.some((c) => !sawCause(m, c, viewer, a, b))) {
    const unseen = list.filter((c) => !sawCause(m, c, viewer, a, b)).reduce((s, c) => s + c.amount, 0);
    list = [...list.filter((c) => sawCause(m, c, viewer, a, b)), { cause: UNSEEN, kind: 'unseen', actor: '-', ref: '-', amount: unseen }];
    list.sort((x, y) => Math.abs(y.amount) - Math.abs(x.amount) || (x.cause < y.cause ? -1 : 1));
  }
  return list.slice(0, top).map((c) => ({ ...c, label: c.kind === 'unseen' ? (m.actorIndex.has(viewer ?? '') ? 'moves you did not see' : 'moves kept secret') : causeLabel(m, c) }));
}

export interface OptionView {
  action: string;
  target: string | null;
  name: string;
  description: string;
  kind: string;
  goldstein: number;
  cameo: string | null;
  /** public, or private: seen only by the actor and the actors in seenBy. */
  visibility: 'public' | 'private';
  /** The other actors (ids) who would see the move, when it is private. */
  seenBy: string[];
  /** Expected tension change per pair id. */
  tension: Record<string, number>;
  /** The expected changes as the role reads them, marked good or bad for its goals (goal-relevant first). */
  effects: EffectView[];
  /** The near decisive losses (war, a collapse) the card pushes toward, by name. */
  toward: string[];
  /** The quote the action comes from, or null (the model's own). */
  source: SourceData | null;
  /** What the card is expected to do for the role: its lookahead's points at the end minus holding's
   * (see cardOutlook and rolePoints). */
  outlook: number;
  /** The share of the lookahead's worlds in which this card led to a decisive loss (war, a collapse). */
  loses: number;
  /** It led to a decisive loss in at least a third more of the worlds than holding did: the card says so. */
  warn: boolean;
}

/** What holding is expected to bring: the baseline the cards are measured against. */
export interface HoldView {
  /** The role's expected points at the end (a decisive loss counted below the loss line). */
  value: number;
  loses: number;
}

/** How much more often than holding a card must lead to a decisive loss before it warns. */
export const WARN_SHARE = 1 / 3;

/** A role's cards: its options, the value of holding, and what it cannot do now and why. */
export interface CardSet {
  list: OptionView[];
  hold: HoldView;
  blocked: BlockedView[];
}

const optionsMemo = new WeakMap<GameState, CardSet & { actor: string }>();

/** The options an actor has right now, with their expected effects and their outlook (for action cards).
 * The outlook runs a small lookahead (cardOutlook); the answer is kept per state, which never changes. */
export function optionsFor(scenario: Scenario, state: GameState, actor: string): OptionView[] {
  return cardsFor(scenario, state, actor).list;
}

/** The options and the value of holding, as the cards show them. */
export function cardsFor(scenario: Scenario, state: GameState, actor: string): CardSet {
  const hit = optionsMemo.get(state);
  if (hit && hit.actor === actor) return hit;
  const m = compile(scenario);
  const a = m.actorIndex.get(actor);
  if (a === undefined) return { list: [], hold: { value: 0, loses: 0 }, blocked: [] };
  const available = availableCandidates(m, state, a);
  const orders: Order[] = [{ action: 'hold' }, ...available.map((c) => orderOf(m, c))];
  const looks = state.outcome ? orders.map((order) => ({ order, value: 0, vsHold: 0, loses: 0 })) : cardOutlook(scenario, state, actor, orders);
  const list = available.map((c, i) => {
    const d = m.actions[c.action]!.data;
    const tension: Record<string, number> = {};
    for (const [p, v] of c.tensionAdds) tension[m.pairIds[p]!] = (tension[m.pairIds[p]!] ?? 0) + v;
    for (const [p, f] of c.tensionMuls) tension[m.pairIds[p]!] = (tension[m.pairIds[p]!] ?? 0) + (f - 1) * state.tension[p]!;
    const plain = cardEffects(m, state, c, a);
    const seen = feedVisibility(m.actorIds, m.actions[c.action]!.seers, a, c.target);
    return {
      action: d.id,
      target: c.target >= 0 ? m.actorIds[c.target]! : null,
      name: d.name,
      description: d.description ?? '',
      kind: d.kind,
      goldstein: d.goldstein,
      cameo: d.cameo ?? null,
      visibility: seen.visibility,
      seenBy: seen.seenBy,
      tension,
      effects: plain.effects,
      toward: plain.toward,
      source: d.source ?? null,
      outlook: looks[i + 1]!.vsHold,
      loses: looks[i + 1]!.loses,
      warn: looks[i + 1]!.loses - looks[0]!.loses >= WARN_SHARE - 1e-9,
    };
  });
  const out = { actor, list, hold: { value: looks[0]!.value, loses: looks[0]!.loses }, blocked: blockedFor(m, state, a) };
  optionsMemo.set(state, out);
  return out;
}
