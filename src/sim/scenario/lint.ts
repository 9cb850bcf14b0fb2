// The scenario linter (`npm run -s validate -- --lint FILE`): behaviour that validates but is likely
// wrong, reported as warnings in the form of errors (file:line:col path: message — hint). It reads the
// scenario and plays it: 200 observer games and the card check's games (lint-games.ts). The rules
// (LINT_RULES; docs/scenario-format.md, part 4, says each one and how to fix it):
//   early-public-move    a public move possible before the scripted event that makes the crisis public
//   duplicate-incident   a random incident that repeats a scripted event
//   unreachable-action   an action no actor can ever take (or an incident that can never happen)
//   outcome-never-fires  an outcome that ends none of the games
//   losing-card          a card that makes its role lose ≥ 95% of games when played whenever it can be
//   idle-actor           an actor with nothing to do
// A scenario acknowledges a warning it means in `lint.allow` ({ rule, path, reason }); an acknowledgement
// of the file's own that matches no warning is itself reported (stale-allow). Pure and deterministic: the
// games use fixed seeds, so the same file gives the same warnings.
import { compile, type Model } from '../model';
import { loadScenario, parseFile, type Scenario, type ScenarioReader } from './load';
import { formatPath, locate, type ParsedFile, type PathSegment } from './source-map';
import type { ScenarioError } from './errors';
import { LINT_RULES, LintAllow, type ActionData, type EventData, type ScenarioData } from './schema';
import { newWatch, observerGames, roleLosses, type Watch } from './lint-games';
import { playableRoles } from '../roles';
import { turnDate } from '../calendar';

export type LintRule = (typeof LINT_RULES)[number] | 'stale-allow';

/** A warning: where (as an error is), which rule, what and how to fix it. */
export interface LintWarning extends ScenarioError {
  rule: LintRule;
  hint: string;
}

/** A warning the scenario acknowledges in lint.allow, with its reason. */
export interface Acknowledged {
  warning: LintWarning;
  reason: string;
}

export interface LintOptions {
  /** Observer games (seeds "1" … "n"). Default LINT_SEEDS. */
  seeds?: number;
  /** Games per card in the card check, at most (it stops once a card cannot reach the loss share). Default CARD_SEEDS. */
  cardSeeds?: number;
}

export interface LintReport {
  /** The warnings not acknowledged, in file order. */
  warnings: LintWarning[];
  acknowledged: Acknowledged[];
  observerGames: number;
  cardGames: number;
  cardSeeds: number;
  /** Roles whose cards were not checked: with the AI in the seat they lose this share (≥ LOSING_SHARE) of games already. */
  cardsSkipped: { role: string; share: number }[];
  /** The event taken to make the crisis public, and why (null: public from the start). */
  publicEvent: { id: string; named: boolean } | null;
}

export type LintResult = { ok: false; errors: ScenarioError[] } | { ok: true; scenario: Scenario; report: LintReport };

export const LINT_SEEDS = 200;
export const CARD_SEEDS = 40;
/** The loss share at which a card is reported. */
export const LOSING_SHARE = 0.95;

interface Finding {
  rule: LintRule;
  path: PathSegment[];
  message: string;
  hint: string;
}

const isPublic = (a: ActionData): boolean => a.visibility === 'public';

/** "day 3 (2030-03-03)". */
function dayText(m: Model, day: number): string {
  return `day ${day} (${turnDate(m.data.meta.start, day)})`;
}

function actorName(m: Model, a: number): string {
  return m.data.actors[a]!.name;
}

function list(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** A public scripted event: it performs a public action, or, performing none, it changes a tension. */
function publicEvent(data: ScenarioData, e: EventData): boolean {
  const act = e.action === undefined ? undefined : data.actions.find((a) => a.id === e.action);
  return act ? isPublic(act) : e.effects.some((x) => 'tension' in x);
}

/**
 * The scripted event that makes the crisis public: `lint.publicFrom` when the scenario names one; else the
 * first certain dated public event (a date, no `when`, chance 1, not a plan), provided the script opens
 * with a secret phase: an earlier dated event that is not public. Null: the crisis is public from the
 * start (the script opens with a public event, or has none).
 */
export function publicEventOf(data: ScenarioData): { index: number; named: boolean } | null {
  const named = data.lint?.publicFrom;
  if (named !== undefined) {
    const index = data.events.findIndex((e) => e.id === named);
    return index >= 0 ? { index, named: true } : null;
  }
  let best = -1;
  data.events.forEach((e, i) => {
    if (e.date === undefined || e.when !== undefined || e.chance < 1 || e.plan || !publicEvent(data, e)) return;
    if (best < 0 || e.date < data.events[best]!.date!) best = i;
  });
  const date = data.events[best]?.date;
  if (date === undefined) return null;
  const secretPhase = data.events.some((e) => e.date !== undefined && e.date < date && !publicEvent(data, e));
  return secretPhase ? { index: best, named: false } : null;
}

function earlyPublicMoves(m: Model, w: Watch, pub: { index: number; named: boolean } | null, out: Finding[]): void {
  if (!pub) return;
  const ev = m.data.events[pub.index]!;
  const evTurn = m.events[pub.index]!.turn;
  const when = evTurn > 0 ? ` on ${dayText(m, evTurn)}` : '';
  const chosen = pub.named ? 'named in lint.publicFrom' : 'the first certain, dated public event after the secret ones';
  m.actions.forEach((act, i) => {
    if (act.incident || !isPublic(act.data)) return;
    let day = Infinity;
    let who = -1;
    for (let a = 0; a < m.nA; a++) {
      m.candidates[a]!.forEach((c, k) => {
        if (c.action === i && w.earlyDay[a]![k]! < day) {
          day = w.earlyDay[a]![k]!;
          who = a;
        }
      });
    }
    if (who < 0) return;
    const from = evTurn > 0 ? `from: ${turnDate(m.data.meta.start, evTurn)}, or ` : '';
    out.push({
      rule: 'early-public-move',
      path: ['actions', i],
      message: `'${act.data.name}' is a public move that ${actorName(m, who)} can make on ${dayText(m, day)}, before the event '${ev.id}' makes the crisis public${when}`,
      hint: `gate it: ${from}requires: { fired: ${ev.id} }; a secret move takes visibility: private. ('${ev.id}' is ${chosen}; lint.publicFrom names another)`,
    });
  });
}

const STOP = new Set(['about', 'after', 'again', 'also', 'been', 'before', 'from', 'have', 'into', 'more', 'nothing', 'only', 'over', 'says', 'said', 'some', 'than', 'that', 'their', 'them', 'then', 'there', 'they', 'this', 'under', 'were', 'what', 'when', 'which', 'while', 'will', 'with', 'would', 'week', 'weeks', 'days']);

/** The content words of a feed text (placeholders, short and common words left out), crudely stemmed. */
function contentWords(text: string): Set<string> {
  const words = text.replace(/\{[a-z]+\}/g, ' ').toLowerCase().match(/[a-z]+/g) ?? [];
  return new Set(words.filter((x) => x.length >= 4 && !STOP.has(x)).map((x) => x.replace(/(ing|ed|es|s)$/, '')));
}

/** The words an incident and a scripted event share, when they say the same thing (3 words, or 2 that are half the shorter text). */
function sameHappening(incident: ActionData, eventText: string): string[] {
  const a = contentWords(`${incident.name} ${incident.text}`);
  const b = contentWords(eventText);
  const common = [...a].filter((x) => b.has(x));
  return common.length >= 3 || (common.length >= 2 && common.length * 2 >= Math.min(a.size, b.size)) ? common : [];
}

function duplicateIncidents(m: Model, w: Watch, out: Finding[]): void {
  const games = w.observerGames + w.cardGames;
  m.actions.forEach((act, i) => {
    if (!act.incident) return;
    const twins: string[] = [];
    let both = 0;
    m.data.events.forEach((e, j) => {
      const words = e.action === act.data.id ? [] : sameHappening(act.data, e.text);
      if (e.action !== act.data.id && words.length === 0) return;
      const together = w.together.get(`${i}/${j}`) ?? 0;
      twins.push(`'${e.id}' (${e.action === act.data.id ? 'it performs the incident' : `both say ${words.map((x) => `“${x}…”`).join(' ')}`})`);
      both = Math.max(both, together);
    });
    if (!twins.length) return;
    out.push({
      rule: 'duplicate-incident',
      path: ['actions', i],
      message: `the incident '${act.data.id}' can happen at random as well as in the scripted event ${list(twins)}: both happened in ${both} of ${games} games`,
      hint: `an incident takes no requires, from or until: if it is the same happening, give the event its own action (or effects) rather than the incident, and word the incident as another kind of happening; if repeats are meant, say why in lint.allow`,
    });
  });
}

function unreachableActions(m: Model, w: Watch, out: Finding[]): void {
  const games = w.observerGames + w.cardGames;
  const byEvent = new Set(m.data.events.map((e) => e.action).filter((x) => x !== undefined));
  m.actions.forEach((act, i) => {
    const d = act.data;
    if (act.incident) {
      if (m.incidents.some((l) => l.some(([x]) => x === i))) return;
      out.push({
        rule: 'unreachable-action',
        path: ['actions', i],
        message: `the incident '${d.id}' can never happen: no pair joins its actors (${d.actors.join(', ')}) to its targets (${(d.targets ?? []).join(', ')})`,
        hint: 'an incident happens on a pair (actor, target): add the pair to pairs, or change its actors or targets',
      });
      return;
    }
    let any = false;
    let seen = false;
    for (let a = 0; a < m.nA; a++) {
      m.candidates[a]!.forEach((c, k) => {
        if (c.action !== i) return;
        any = true;
        if (w.firstDay[a]![k]! < Infinity) seen = true;
      });
    }
    if (!any) {
      out.push({ rule: 'unreachable-action', path: ['actions', i], message: `no actor can take '${d.id}': its only target is the actor itself`, hint: 'give it targets other than its actors, or leave targets out' });
    } else if (!seen && !byEvent.has(d.id)) {
      out.push({
        rule: 'unreachable-action',
        path: ['actions', i],
        message: `no actor can take '${d.id}': it was available to none of its actors (${d.actors.join(', ')}) on any day of ${games} games`,
        hint: 'its requires (or from/until, or limit) never allow it: check its thresholds, and the events, forces and moves it waits for',
      });
    }
  });
}

function silentOutcomes(m: Model, w: Watch, out: Finding[]): void {
  const games = w.observerGames + w.cardGames;
  m.data.outcomes.forEach((o, i) => {
    if (w.ended[i]! > 0) return;
    const held = w.longestHeld[i]!;
    const why = !o.when
      ? 'every game ended in another outcome on or before the last day'
      : held === 0
        ? 'its condition never held'
        : held < o.sustained
          ? `its condition held at most ${held} day${held === 1 ? '' : 's'} in a row, and it needs ${o.sustained}`
          : 'its condition held, but an outcome listed before it ended the game first';
    out.push({
      rule: 'outcome-never-fires',
      path: ['outcomes', i],
      message: `the outcome '${o.id}' ended none of ${games} games (${w.observerGames} observer seeds and ${w.cardGames} of the card check): ${why}`,
      hint: 'check the thresholds of its when and its sustained, and the outcomes listed before it; npm run -s sim -- FILE --runs 1000 shows the odds',
    });
  });
}

/** The card check: each playable role's cards, played whenever they can be. Returns the roles it skipped, with the AI's loss share. */
function losingCards(scenario: Scenario, m: Model, w: Watch, seeds: number, out: Finding[]): { role: string; share: number }[] {
  const skipped: { role: string; share: number }[] = [];
  for (const role of playableRoles(scenario)) {
    const a = m.actorIndex.get(role)!;
    // The yardstick: the AI in the seat (the observer games). A role that loses as often that way is not lost by any one card.
    const baseline = w.observerLosses[a]! / w.observerGames;
    if (baseline >= LOSING_SHARE) {
      skipped.push({ role, share: baseline });
      continue;
    }
    for (const i of new Set(m.candidates[a]!.map((c) => c.action))) {
      const rec = roleLosses(scenario, w, role, `always-ai:${m.actions[i]!.data.id}`, seeds, LOSING_SHARE);
      if (rec.games < seeds || rec.losses < LOSING_SHARE * seeds) continue;
      const d = m.actions[i]!.data;
      out.push({
        rule: 'losing-card',
        path: ['actions', i],
        message: `${actorName(m, a)} loses ${pct(rec.losses / rec.games)} of ${rec.games} games when it plays '${d.name}' whenever it can (and as the AI would on other days); with the AI in its seat it loses ${pct(baseline)} of ${w.observerGames} observer games`,
        hint: 'a card that always loses is a trap, not a choice: give it a cost the role can weigh (a cooldown, a limit, a requires) or soften its effects; npm run balance shows what each card does',
      });
    }
  }
  return skipped;
}

function idleActors(m: Model, w: Watch, out: Finding[]): void {
  const games = w.observerGames + w.cardGames;
  m.data.actors.forEach((actor, a) => {
    const moves = m.candidates[a]!;
    const scripted = m.data.events.filter((e) => e.actor === actor.id && e.action !== undefined).length;
    const also = scripted ? ` (it acts only in ${scripted} scripted event${scripted === 1 ? '' : 's'})` : '';
    if (moves.length === 0) {
      out.push({
        rule: 'idle-actor',
        path: ['actors', a],
        message: `'${actor.name}' has nothing to do: no action lists it among its actors${also}`,
        hint: `give it moves (add ${actor.id} to actions[].actors), or remove it; an actor that is only acted upon can say so in lint.allow`,
      });
    } else if (w.firstDay[a]!.every((d) => d === Infinity)) {
      out.push({
        rule: 'idle-actor',
        path: ['actors', a],
        message: `'${actor.name}' has nothing to do: none of its ${new Set(moves.map((c) => c.action)).size} actions was available on any day of ${games} games${also}`,
        hint: 'check the requires (and from/until) of its actions: a move it can make in some games gives it something to do',
      });
    }
  });
}

/** An entry of lint.allow, with whether the linted file itself wrote it (and where in its list). */
interface Ack {
  rule: LintRule;
  path?: string;
  reason: string;
  own: boolean;
  index: number;
}

/** Every file's own lint.allow (the file's, then its bases'), so that a variant's list adds to its base's. */
function acknowledgements(data: ScenarioData, files: readonly ParsedFile[]): Ack[] {
  if (files.length === 0) return (data.lint?.allow ?? []).map((x, index) => ({ ...x, own: true, index }));
  return files.flatMap((f, i) => {
    const raw = (f.data as { lint?: { allow?: unknown } }).lint?.allow;
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((x: unknown, index) => {
      const r = LintAllow.safeParse(x);
      return r.success ? [{ ...r.data, own: i === 0, index }] : [];
    });
  });
}

/** Lints a loaded scenario; `files` are its parsed files (the file first, then its bases), for locations. */
export function lintScenario(scenario: Scenario, files: readonly ParsedFile[], options: LintOptions = {}): LintReport {
  const m = compile(scenario);
  const data = scenario.data;
  const seeds = options.seeds ?? LINT_SEEDS;
  const cardSeeds = options.cardSeeds ?? CARD_SEEDS;
  const pub = publicEventOf(data);
  const w = newWatch(m, pub?.index ?? -1);
  observerGames(scenario, w, seeds);
  const findings: Finding[] = [];
  const cardsSkipped = losingCards(scenario, m, w, cardSeeds, findings);
  earlyPublicMoves(m, w, pub, findings);
  duplicateIncidents(m, w, findings);
  unreachableActions(m, w, findings);
  silentOutcomes(m, w, findings);
  idleActors(m, w, findings);

  const allow = acknowledgements(data, files);
  const used = allow.map(() => false);
  const place = (f: Finding, where: readonly ParsedFile[] = files, d: unknown = data): LintWarning => ({ ...locate(where, d, f.path), path: formatPath(d, f.path), rule: f.rule, message: `${f.message} [${f.rule}]`, hint: f.hint });
  const warnings: LintWarning[] = [];
  const acknowledged: Acknowledged[] = [];
  for (const f of findings) {
    const warning = place(f);
    const k = allow.findIndex((x) => x.rule === f.rule && (x.path === undefined || x.path === warning.path));
    if (k < 0) warnings.push(warning);
    else {
      used[k] = true;
      acknowledged.push({ warning, reason: allow[k]!.reason });
    }
  }
  // The file's own acknowledgements that match no warning (a base's are the base's business).
  allow.forEach((x, k) => {
    if (used[k] || !x.own) return;
    const own = files.slice(0, 1);
    const stale = { rule: 'stale-allow' as const, path: ['lint', 'allow', x.index], message: `lint.allow acknowledges '${x.rule}'${x.path ? ` at ${x.path}` : ''}, but the linter gives no such warning`, hint: 'remove the entry, or fix its rule or path (written as the warning prints it)' };
    warnings.push(place(stale, own, own[0]?.data ?? data));
  });
  const order = (x: LintWarning, y: LintWarning): number => (x.file === y.file ? x.line - y.line || x.column - y.column : files.findIndex((f) => f.file === x.file) - files.findIndex((f) => f.file === y.file));
  warnings.sort(order);
  acknowledged.sort((x, y) => order(x.warning, y.warning));
  const pubEvent = pub ? { id: data.events[pub.index]!.id, named: pub.named } : null;
  return { warnings, acknowledged, observerGames: w.observerGames, cardGames: w.cardGames, cardSeeds, cardsSkipped, publicEvent: pubEvent };
}

/** Loads a scenario file through `reader` and lints it: its errors if it is invalid, else the report. */
export function lintFile(file: string, reader: ScenarioReader, options: LintOptions = {}): LintResult {
  const r = loadScenario(file, reader);
  if (!r.ok) return r;
  const files: ParsedFile[] = [];
  for (const f of r.scenario.files) {
    const text = reader.read(f);
    const parsed = typeof text === 'string' ? parseFile(f, text).parsed : undefined;
    if (parsed) files.push(parsed);
  }
  return { ok: true, scenario: r.scenario, report: lintScenario(r.scenario, files, options) };
}
