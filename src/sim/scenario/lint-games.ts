// The games the scenario linter plays (scenario/lint.ts), and what it watches in them: which outcome ended
// each game and how long each outcome's condition held; the first day each actor's option was available,
// overall and before the crisis was public; which scripted events fired and which incidents happened. The
// games are observer games (the AI in every seat) and the card check's games (a role played by the bot
// always-ai:<card>), all through the model's public moves: createGame, step, makeBot and isAvailable.
import { compile, type Model } from '../model';
import type { Scenario } from './load';
import { createGame, type GameState } from '../state';
import { step } from '../step';
import { isAvailable } from '../policy';
import { makeBot } from '../bots';
import { roleResult } from '../score';

/** What the linter saw over all the games it played. */
export interface Watch {
  /** Games played: as observer, and for the card check. */
  observerGames: number;
  cardGames: number;
  /** Per outcome (file order): the games it ended, and the most days in a row its condition held. */
  ended: number[];
  longestHeld: number[];
  /** Per actor, per candidate (the model's candidates[actor]): the first day it was available (Infinity: never). */
  firstDay: number[][];
  /** The same, counting only days whose moves came before the public event fired (Infinity: never; 0 for
   * the options not watched: incidents, private moves, or every option when there is no public event). */
  earlyDay: number[][];
  /** The scripted event that makes the crisis public (−1: none). */
  publicEvent: number;
  /** Per actor: the observer games it lost (as a role: its reading of the outcome, or its points). */
  observerLosses: number[];
  /** Per scripted event: the games it fired in. */
  fired: number[];
  /** Per incident action (by action index) and scripted event: the games in which both happened ("action/event"). */
  together: Map<string, number>;
}

/** An empty record; `publicEvent` is the index of the event that makes the crisis public (−1: none). */
export function newWatch(m: Model, publicEvent: number): Watch {
  return {
    observerGames: 0,
    cardGames: 0,
    ended: m.outcomes.map(() => 0),
    longestHeld: m.outcomes.map(() => 0),
    firstDay: m.candidates.map((list) => list.map(() => Infinity)),
    earlyDay: m.candidates.map((list) => list.map((c) => (publicEvent >= 0 && m.actions[c.action]!.data.visibility === 'public' ? Infinity : 0))),
    publicEvent,
    observerLosses: m.actorIds.map(() => 0),
    fired: m.events.map(() => 0),
    together: new Map(),
  };
}

/** The options available on the day after `st`, as a role sees them (legalOrders' probe), not yet seen that early. */
function availableToday(m: Model, w: Watch, st: GameState, out: [number, number][]): void {
  out.length = 0;
  const day = st.turn + 1;
  const probe = { ...st, turn: day };
  const earlyOpen = w.publicEvent >= 0 && st.fired[w.publicEvent] !== 2;
  for (let a = 0; a < m.nA; a++) {
    const list = m.candidates[a]!;
    const first = w.firstDay[a]!;
    const early = w.earlyDay[a]!;
    for (let k = 0; k < list.length; k++) {
      if (first[k]! <= day && (!earlyOpen || early[k]! <= day)) continue;
      if (isAvailable(m, probe, list[k]!)) out.push([a, k]);
    }
  }
}

/** Plays one game to its end and records it: the bot `botId` plays `role` when given, else the AI plays every actor. */
function playGame(scenario: Scenario, m: Model, w: Watch, seed: string, role?: string, botId?: string): GameState {
  let st = createGame(scenario, seed, role ? { role } : {});
  const bot = role && botId ? makeBot(botId, scenario, role, seed) : undefined;
  const incidents = new Set<number>();
  const today: [number, number][] = [];
  while (!st.outcome) {
    availableToday(m, w, st, today);
    const orders = bot && role ? { [role]: bot.choose(st) } : {};
    const r = step(scenario, st, orders);
    st = r.state;
    // Moves are made after the day's scripted events: a day counts as early when the public event had not fired by then.
    const early = w.publicEvent >= 0 && st.fired[w.publicEvent] !== 2;
    for (const [a, k] of today) {
      if (w.firstDay[a]![k]! > st.turn) w.firstDay[a]![k] = st.turn;
      if (early && w.earlyDay[a]![k]! > st.turn) w.earlyDay[a]![k] = st.turn;
    }
    for (const e of r.events) if (e.kind === 'incident') incidents.add(m.actionIndex.get(e.id)!);
    for (let o = 0; o < m.outcomes.length; o++) if (st.sustain[o]! > w.longestHeld[o]!) w.longestHeld[o] = st.sustain[o]!;
  }
  const o = m.data.outcomes.findIndex((x) => x.id === st.outcome!.id);
  if (o >= 0) w.ended[o]!++;
  for (let e = 0; e < m.events.length; e++) {
    if (st.fired[e] !== 2) continue;
    w.fired[e]!++;
    for (const i of incidents) w.together.set(`${i}/${e}`, (w.together.get(`${i}/${e}`) ?? 0) + 1);
  }
  return st;
}

/** Observer games on the seeds "1" … "n". */
export function observerGames(scenario: Scenario, w: Watch, n: number): void {
  const m = compile(scenario);
  for (let s = 1; s <= n; s++) {
    const st = playGame(scenario, m, w, String(s));
    m.actorIds.forEach((id, a) => {
      if (roleResult(scenario, st, id) === 'loss') w.observerLosses[a]!++;
    });
  }
  w.observerGames += n;
}

/** A card's record: the games played and lost by its role. */
export interface CardRecord {
  games: number;
  losses: number;
}

/**
 * The role played by `botId` on the seeds "1" … "n", stopping as soon as the share of losses can no
 * longer reach `share` (so a card that does not lose its role the game costs a few games, not n).
 */
export function roleLosses(scenario: Scenario, w: Watch, role: string, botId: string, n: number, share: number): CardRecord {
  const m = compile(scenario);
  const spare = n - Math.ceil(share * n - 1e-9);
  let games = 0;
  let losses = 0;
  for (let s = 1; s <= n; s++) {
    const st = playGame(scenario, m, w, String(s), role, botId);
    games++;
    if (roleResult(scenario, st, role) === 'loss') losses++;
    if (games - losses > spare) break;
  }
  w.cardGames += games;
  return { games, losses };
}
