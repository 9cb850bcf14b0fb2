// Extra read-only views for the DOM overlay (menu briefing, top bar, charts, debrief): plain data out of
// the session and the scenario, computed here so the UI never imports the model directly.
import { compile, loadScenario, longDate, roleResult, scoreTrack, type ScenarioReader, type Scenario, type ScoreTrack } from '../sim/index';
import type { DayRecord, SessionData } from './session';

export interface SourceView {
  id: string;
  publication: string;
  author: string | null;
  title: string | null;
  date: string;
  url: string | null;
}

export interface BriefingView {
  id: string;
  title: string;
  summary: string;
  start: string;
  turnLimit: number;
  sources: SourceView[];
  legend: string | null;
  roles: { id: string; name: string; leader: string | null; colour: string; goal: string }[];
}

function briefingOf(scenario: Scenario): BriefingView {
  const d = scenario.data;
  return {
    id: d.meta.id,
    title: d.meta.title,
    summary: d.meta.summary,
    start: d.meta.start,
    turnLimit: d.meta.turnLimit,
    sources: d.meta.sources.map((s) => ({ id: s.id, publication: s.publication, author: s.author ?? null, title: s.title ?? null, date: s.date, url: s.url ?? null })),
    legend: d.meta.legend ?? null,
    roles: d.actors.filter((a) => a.playable).map((a) => ({ id: a.id, name: a.name, leader: a.leader ?? null, colour: a.colour ?? '#888', goal: a.role?.goal ?? '' })),
  };
}

const briefCache = new Map<string, BriefingView | null>();

/** The briefing of a scenario file (for the menu, before any game starts); null if it does not load. */
export function briefing(file: string, reader: ScenarioReader): BriefingView | null {
  if (!briefCache.has(file)) {
    const r = loadScenario(file, reader);
    briefCache.set(file, r.ok ? briefingOf(r.scenario) : null);
  }
  return briefCache.get(file) ?? null;
}

/** The running scenario's briefing. */
export function currentBriefing(s: SessionData): BriefingView | null {
  return s.scenario ? briefingOf(s.scenario) : null;
}

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

export interface ActorView {
  id: string;
  name: string;
  leader: string | null;
  colour: string;
  playable: boolean;
}

export function actors(s: SessionData): ActorView[] {
  if (!s.scenario) return [];
  return s.scenario.data.actors.map((a) => ({ id: a.id, name: a.name, leader: a.leader ?? null, colour: a.colour ?? '#888', playable: a.playable }));
}

export function actorName(s: SessionData, id: string | null): string {
  if (!id) return '';
  if (id === 'observer') return 'Observer';
  return s.scenario?.data.actors.find((a) => a.id === id)?.name ?? id;
}

export interface PairMeta {
  id: string;
  index: number;
  label: string;
  counts: boolean;
}

/** Every pair with its index into DayRecord.tensions and its label. */
export function pairMeta(s: SessionData): PairMeta[] {
  if (!s.scenario) return [];
  const m = compile(s.scenario);
  return m.pairIds.map((id, p) => ({
    id,
    index: p,
    label: `${m.data.actors[m.pairA[p]!]!.name}–${m.data.actors[m.pairB[p]!]!.name}`,
    counts: m.counts[p]!,
  }));
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
    // The headline: the public event that pushed tension most in the direction the day went.
    const dir = b.overall >= a.overall ? 1 : -1;
    let best: { text: string; size: number } | null = null;
    for (const e of b.events) {
      if (e.visibility !== 'public' || e.kind === 'band') continue;
      const size = dir * Object.values(e.deltas).reduce((x, v) => x + v, 0);
      if (!best || size > best.size) best = { text: e.text, size };
    }
    out.push({ turn: b.turn, date: b.date, swing, overallDelta: b.overall - a.overall, headline: best?.text ?? null });
  }
  return out
    .sort((x, y) => y.swing - x.swing)
    .slice(0, k)
    .sort((x, y) => x.turn - y.turn);
}

export type Reading = 'win' | 'draw' | 'loss';

export interface OutcomeView {
  id: string;
  name: string;
  description: string;
  turn: number;
  date: string;
  blame: string | null;
  /** The player's reading (null for an observer or a role the outcome does not name). */
  mine: Reading | null;
  /** Every playable role's reading. */
  readings: { id: string; name: string; colour: string; reading: Reading | null; track: ScoreTrack | null }[];
}

export function outcome(s: SessionData): OutcomeView | null {
  const o = s.game?.outcome;
  if (!o || !s.scenario) return null;
  const d = s.scenario.data;
  const def = d.outcomes.find((x) => x.id === o.id);
  const game = s.game!;
  // The model reads each role's result: win, draw or loss, or by its victory points where the outcome says "score".
  const result = (id: string): Reading | null => roleResult(s.scenario!, game, id);
  const day = s.days.find((r) => r.turn === o.turn);
  return {
    id: o.id,
    name: def?.name ?? o.id,
    description: def?.description ?? '',
    turn: o.turn,
    date: day ? longDate(day.date) : '',
    blame: o.blame ? actorName(s, o.blame) : null,
    mine: s.role === 'observer' ? null : result(s.role),
    readings: d.actors.filter((a) => a.playable).map((a) => ({ id: a.id, name: a.name, colour: a.colour ?? '#888', reading: result(a.id), track: scoreTrack(s.scenario!, game, a.id) })),
  };
}

/** Where a quote comes from, resolved against meta.sources. */
export function sourceOf(s: SessionData, ref: string | undefined): SourceView | null {
  const src = s.scenario?.data.meta.sources.find((x) => x.id === ref) ?? s.scenario?.data.meta.sources[0];
  return src ? { id: src.id, publication: src.publication, author: src.author ?? null, title: src.title ?? null, date: src.date, url: src.url ?? null } : null;
}

/** The bands as [from, to] spans for shading charts. */
export function bandSpans(s: SessionData): { id: string; name: string; from: number; to: number }[] {
  if (!s.scenario) return [];
  const bands = compile(s.scenario).bands;
  return bands.map((b, i) => ({ id: b.id, name: b.name, from: b.from, to: bands[i + 1]?.from ?? 100 }));
}
