// Read-only views for the DOM overlay (menu briefing, top bar, charts, debrief): the model's scenario
// and role views (src/sim/view.ts) put in the words the screens show, plus what comparing the recorded
// days gives (turning points). The UI never imports the model.
import { canSee, longDate, shortDate, OBSERVER, roleOn, scheduleText, scenarioView, type ScenarioView, type SourceView, type ActorView, type PairMeta, type OutcomeView, type RoleResult, type TurnEvent } from '../sim/index';
import { roleView } from './selectors';
import type { DayRecord, SessionData } from './session';

export type { SourceView, ActorView, PairMeta, OutcomeView };

export { briefing, type BriefingView } from './catalogue';

/** The running scenario's briefing. */
export function currentBriefing(s: SessionData): ScenarioView | null {
  return s.scenario ? scenarioView(s.scenario) : null;
}

/** The role that held the player's seat on a day: the game may have been played on from a replay as another
 * role, and the days before were the role's that held the seat then. */
export function playerOn(s: Pick<SessionData, 'role' | 'earlierRoles'>, day: number): string {
  return roleOn({ role: s.role, earlierRoles: s.earlierRoles }, day);
}

/** Who held the player's seat, in words: "Ukraine", or "Belarus to day 10, then Ukraine". */
export function seatText(s: SessionData): string {
  return scheduleText({ role: s.role, earlierRoles: s.earlierRoles }, (r) => actorName(s, r));
}

/** "28 Jan" (chart axes). */
export const axisDate = shortDate;

/** "28 Jan 2022". */
export function displayDate(iso: string): string {
  return iso ? longDate(iso) : '';
}

/** The top bar's day line: "Day 12 — 28 Jan 2022" (day 0 is the eve of the start). */
export function dayLine(s: SessionData): { day: number; limit: number; date: string } | null {
  if (!s.scenario || !s.game) return null;
  const last = s.days[s.days.length - 1];
  return { day: s.game.turn, limit: s.scenario.data.meta.turnLimit, date: last ? longDate(last.date) : '' };
}

/** A meter as the player reads it: "Legitimacy" for the player's own, "Belarus's dependence on Russia" otherwise. */
export function meterLabel(s: SessionData, key: string): string {
  const [who = '', id = ''] = key.split('/');
  const name = (s.scenario ? scenarioView(s.scenario).meters.find((x) => x.id === id)?.name : undefined) ?? id;
  return who === s.role ? name : `${actorName(s, who)}'s ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
}

/** The meters an event moved, labelled for the player, largest first. */
export function meterMoves(s: SessionData, e: TurnEvent): [string, number][] {
  return Object.entries(e.meters ?? {})
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .map(([k, v]) => [meterLabel(s, k), v]);
}

/** A pair as the player reads it: "tension with NATO" when the player is one end, else "Russia–Ukraine". */
export function pairPhrase(s: SessionData, pairId: string): string {
  const p = pairMeta(s).find((x) => x.id === pairId);
  if (!p) return pairId;
  if (s.role === p.a) return `tension with ${actorName(s, p.b)}`;
  if (s.role === p.b) return `tension with ${actorName(s, p.a)}`;
  return `${p.label} tension`;
}

/** What the player's move of the latest day did: the tension and meter changes booked to it. */
export interface LastMove {
  day: number;
  /** No move that day (held). */
  held: boolean;
  /** The action's name and its target's, or null when held. */
  name: string | null;
  target: string | null;
  text: string;
  tension: [string, number][];
  meters: [string, number][];
}

export function lastMove(s: SessionData): LastMove | null {
  const rec = s.days[s.days.length - 1];
  // (A day before the player took this role's seat was not the player's move.)
  if (s.role === 'observer' || !rec || rec.turn === 0 || !s.scenario || playerOn(s, rec.turn) !== s.role) return null;
  const e = rec.events.find((x) => x.kind === 'action' && x.actor === s.role);
  if (!e) return { day: rec.turn, held: true, name: null, target: null, text: 'You held.', tension: [], meters: [] };
  const name = s.scenario.data.actions.find((a) => a.id === e.action)?.name ?? e.action;
  const tension = Object.entries(e.deltas)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .map(([p, v]): [string, number] => [pairPhrase(s, p), v]);
  return { day: rec.turn, held: false, name, target: e.target ? actorName(s, e.target) : null, text: e.text, tension, meters: meterMoves(s, e) };
}

export function actors(s: SessionData): ActorView[] {
  return s.scenario ? scenarioView(s.scenario).actors : [];
}

export function actorName(s: SessionData, id: string | null): string {
  if (!id) return '';
  if (id === 'observer') return 'Observer';
  return actors(s).find((a) => a.id === id)?.name ?? id;
}

/** Who sees a private move, in words, for the viewer: "private" (its actor only), or "seen by Russia" (as its
 * visibility names them; the viewer is "you"). */
export function seenByLabel(s: SessionData, seenBy: readonly string[] | undefined): string {
  if (!seenBy || seenBy.length === 0) return 'private';
  const names = seenBy.map((id) => (id === s.role ? 'you' : actorName(s, id)));
  return `seen by ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0]}`;
}

/** Every pair with its index into DayRecord.tensions and its label. */
export function pairMeta(s: SessionData): PairMeta[] {
  return s.scenario ? scenarioView(s.scenario).pairs : [];
}

/** Label of a pair id ("Russia–Ukraine"), or the id itself. */
export function pairLabels(s: SessionData): Map<string, string> {
  return new Map(pairMeta(s).map((p) => [p.id, p.label]));
}

/** The k counting pairs that stand highest on the latest day. */
export function topPairs(s: SessionData, k: number): PairMeta[] {
  const last = s.days[s.days.length - 1];
  if (!last) return [];
  return pairMeta(s)
    .filter((p) => p.counts)
    .sort((a, b) => last.tensions[b.index]! - last.tensions[a.index]!)
    .slice(0, k);
}

export interface TurningPoint {
  turn: number;
  date: string;
  /** Total absolute tension change across counting pairs that day. */
  swing: number;
  /** The overall change that day (signed). */
  overallDelta: number;
  /** The event that moved tension most that day, if any. */
  headline: string | null;
  /** The player's own move that day, when it pushed the way the day went: its text and push. */
  yours: { text: string; push: number } | null;
}

/** The days with the largest total tension change (turning points), in day order. */
export function turningPoints(s: SessionData, k = 4): TurningPoint[] {
  const meta = pairMeta(s).filter((p) => p.counts);
  const out: TurningPoint[] = [];
  for (let i = 1; i < s.days.length; i++) {
    const a: DayRecord = s.days[i - 1]!;
    const b: DayRecord = s.days[i]!;
    let swing = 0;
    for (const p of meta) swing += Math.abs(b.tensions[p.index]! - a.tensions[p.index]!);
    // The headline: the public event that pushed the counting pairs most in the direction the day went
    // (none when no public event moved them that way).
    const dir = b.overall >= a.overall ? 1 : -1;
    let best: { text: string; size: number } | null = null;
    for (const e of b.events) {
      if (!canSee(OBSERVER, e) || e.kind === 'band') continue;
      let size = 0;
      for (const p of meta) size += dir * (e.deltas[p.id] ?? 0);
      if (size > 0 && (!best || size > best.size)) best = { text: e.text, size };
    }
    // The player's move that day, when it pushed the counting pairs the way the day went (at least half a point).
    let yours: TurningPoint['yours'] = null;
    for (const e of b.events) {
      if (e.kind !== 'action' || e.actor !== playerOn(s, b.turn) || e.actor === OBSERVER) continue;
      let push = 0;
      for (const p of meta) push += dir * (e.deltas[p.id] ?? 0);
      if (push >= 0.5) yours = { text: e.text, push };
    }
    out.push({ turn: b.turn, date: b.date, swing, overallDelta: b.overall - a.overall, headline: best?.text ?? null, yours });
  }
  return out
    .sort((x, y) => y.swing - x.swing)
    .slice(0, k)
    .sort((x, y) => x.turn - y.turn);
}

export type Reading = RoleResult;

/** The ending as the viewer sees it, with the date shown in words and the blamed actor by name. */
export function outcome(s: SessionData): OutcomeView | null {
  const o = roleView(s)?.outcome;
  if (!o) return null;
  return { ...o, date: o.date ? longDate(o.date) : '', blame: o.blame ? actorName(s, o.blame) : null };
}

/** Where a quote comes from: the entry of meta.sources its ref names, or null when it names none. */
export function sourceOf(s: SessionData, ref: string | undefined): SourceView | null {
  if (!s.scenario || ref === undefined) return null;
  return scenarioView(s.scenario).sources.find((x) => x.id === ref) ?? null;
}

/** The bands as [from, to] spans for shading charts. */
export function bandSpans(s: SessionData): { id: string; name: string; from: number; to: number }[] {
  return s.scenario ? scenarioView(s.scenario).bandSpans : [];
}
