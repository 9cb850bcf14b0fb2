// A role's own scoring: its victory-point track (role.score in the scenario), counted each day from its
// meters and tensions, and what the end of the game means for it. An outcome reads win, draw or loss for a
// role, or leaves it to the track ("score"): at or above the role's win line it wins, at or below its loss
// line it loses, in between it draws. The same reading values a game in progress, for bots and cards.
import { compile, type Model, type ScoreLine } from './model';
import type { Scenario } from './scenario/load';
import type { GameState } from './state';
import { overallTension } from './tension';

export type RoleResult = 'win' | 'draw' | 'loss';

/** The value a line reads now: its meter, its pair's tension, or the overall tension. */
function lineValue(m: Model, st: GameState, line: ScoreLine): number {
  if (line.meterSlot >= 0) return st.meters[line.meterSlot]!;
  return line.pair >= 0 ? st.tension[line.pair]! : overallTension(m, st);
}

/** The index of the outcome a finished game ended in (−1 while it runs). */
function outcomeIndex(m: Model, st: GameState): number {
  return st.outcome ? m.data.outcomes.findIndex((x) => x.id === st.outcome!.id) : -1;
}

/** The points one line pays for one day in this state. */
export function linePoints(m: Model, st: GameState, line: ScoreLine): number {
  const v = lineValue(m, st, line);
  return line.ideal === line.ideal ? line.weight * (line.width - Math.abs(v - line.ideal)) : line.weight * (v - line.pivot);
}

/** The points an actor's track pays for one day in this state. */
export function pointsToday(m: Model, st: GameState, actor: number): number {
  const lines = m.scoreTerms[actor]!;
  let sum = 0;
  for (let k = 0; k < lines.length; k++) sum += linePoints(m, st, lines[k]!);
  return sum;
}

/** Adds the day's points to every role's track (in step, after the day's dynamics and incidents). */
export function scoreDay(m: Model, st: GameState): void {
  for (let a = 0; a < m.nA; a++) if (m.scoreTerms[a]!.length) st.score[a]! += pointsToday(m, st, a);
}

/** A role's result from an outcome and its points (null: the outcome says nothing about this actor). */
export function readOutcome(m: Model, outcome: number, actor: number, points: number): RoleResult | null {
  const r = m.outcomes[outcome]!.readings[actor];
  if (r === null || r === undefined) return null;
  if (r !== 'score') return r;
  if (!(m.scoreWin[actor]! === m.scoreWin[actor]!)) return 'draw';
  return points >= m.scoreWin[actor]! ? 'win' : points <= m.scoreLoss[actor]! ? 'loss' : 'draw';
}

/** What the finished game means for a role; null while the game runs (or for an actor that is not a role). */
export function roleResult(scenario: Scenario, state: GameState, role: string): RoleResult | null {
  const m = compile(scenario);
  const a = m.actorIndex.get(role);
  if (a === undefined || !state.outcome) return null;
  const o = outcomeIndex(m, state);
  return o < 0 ? null : readOutcome(m, o, a, state.score[a]!);
}

/** A result as a number: win 1, draw ½, loss 0. */
export const RESULT_VALUE: Record<RoleResult, number> = { win: 1, draw: 0.5, loss: 0 };

/**
 * How good a state is for a role, from 0 (a sure loss) to 1 (a sure win): the result once the game is over;
 * before that, the points so far plus today's rate kept to the turn limit, placed on a logistic between the
 * role's loss and win lines. Bots use it at the end of their rollouts; it reads only the state.
 */
export function roleValue(m: Model, st: GameState, actor: number): number {
  if (st.outcome) {
    const o = outcomeIndex(m, st);
    const r = o < 0 ? null : readOutcome(m, o, actor, st.score[actor]!);
    return r === null ? 0.5 : RESULT_VALUE[r];
  }
  const win = m.scoreWin[actor]!;
  const loss = m.scoreLoss[actor]!;
  if (!(win === win)) return 0.5;
  const left = Math.max(0, m.data.meta.turnLimit - st.turn);
  const projected = st.score[actor]! + left * pointsToday(m, st, actor);
  // A logistic around the middle of the draw band: ½ there, about 0.73 at the win line and 0.27 at the loss
  // line. It is gentle on purpose, so a bot can still tell a bad position from a worse one.
  return 1 / (1 + Math.exp((-(projected - (win + loss) / 2) * 2) / (win - loss)));
}

/** Whether the game ended in an outcome that reads a plain loss for the role (war, a collapse): a
 * decisive loss, not one left to the points. */
export function decisiveLoss(m: Model, st: GameState, actor: number): boolean {
  if (!st.outcome) return false;
  const o = outcomeIndex(m, st);
  return o >= 0 && m.outcomes[o]!.readings[actor] === 'loss';
}

/**
 * A state's worth to a role in victory points, for the cards: the points at the end where the outcome
 * leaves the result to them; a decisive loss counts as falling a full band (win − loss) below the loss
 * line, a decisive win a full band above the win line, a decisive draw as the middle of the band. Unlike
 * roleValue it does not flatten out far from the lines, so a card can show what it does in any game.
 */
export function rolePoints(m: Model, st: GameState, actor: number): number {
  const pts = st.score[actor]!;
  const win = m.scoreWin[actor]!;
  const loss = m.scoreLoss[actor]!;
  if (!(win === win)) return pts;
  const band = win - loss;
  if (!st.outcome) return pts + Math.max(0, m.data.meta.turnLimit - st.turn) * pointsToday(m, st, actor);
  const o = outcomeIndex(m, st);
  const r = o < 0 ? null : m.outcomes[o]!.readings[actor];
  if (r === 'loss') return Math.min(pts, loss) - band;
  if (r === 'win') return Math.max(pts, win) + band;
  if (r === 'draw') return (win + loss) / 2;
  return pts;
}

/** A role's track now: its points, today's rate, each line's points today, and its win and loss lines. */
export interface ScoreTrack {
  points: number;
  today: number;
  /** Each line: its label, the value it reads now, and what it pays today. */
  lines: { label: string; value: number; today: number }[];
  win: number;
  loss: number;
}

/** The role's track, for the screens and the command line (null: the actor has no track). */
export function scoreTrack(scenario: Scenario, state: GameState, role: string): ScoreTrack | null {
  const m = compile(scenario);
  const a = m.actorIndex.get(role);
  if (a === undefined || m.scoreTerms[a]!.length === 0) return null;
  const lines = m.scoreTerms[a]!.map((l) => ({ label: l.label, value: lineValue(m, state, l), today: linePoints(m, state, l) }));
  return { points: state.score[a]!, today: lines.reduce((s, l) => s + l.today, 0), lines, win: m.scoreWin[a]!, loss: m.scoreLoss[a]! };
}
