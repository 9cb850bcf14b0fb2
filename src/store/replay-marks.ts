// The replay viewer's timeline marks: the days worth pointing a class at — the turning points (the same
// ones the debrief lists), the band changes, the incidents, the player's own moves and the notes — each
// in words, read from the whole recorded replay (the viewer's records, not only the days up to the one
// shown). Days with several marks list them all, the most telling kind first.
import { canSee, type TurnEvent } from '../sim/index';
import type { DayRecord, SessionData } from './session';
import { actorName, playerOn, turningPoints } from './ui-view';

/** The kinds of mark, most telling first: a day (or a group of days) is shown by the first kind it has. */
export const MARK_KINDS = ['note', 'turning', 'band', 'incident', 'move'] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

/** How many turning points the timeline marks: as many as the debrief lists. */
export const TURNING_POINTS = 4;

export interface Mark {
  kind: MarkKind;
  day: number;
  /** What kind of mark, in words: "Turning point 2", "Band change", "Incident", "Belarus's move", "Note". */
  title: string;
  /** What happened (or the note's text). */
  text: string;
  /** A turning point's number (1 … 4, in day order, as the debrief numbers them). */
  n?: number;
  /** A turning point: the overall tension's change that day. */
  delta?: number;
  /** A band change: true when tension rose into a higher band. */
  up?: boolean;
  /** A note: its index in the session's notes (to edit it). */
  note?: number;
}

export interface MarkedDay {
  day: number;
  /** The day's date (ISO). */
  date: string;
  /** Its marks, the most telling kind first. */
  marks: Mark[];
}

/** The legend's entries for a role: every kind, the moves named for the role (none for an observer). */
export function markLegend(s: SessionData): { kind: MarkKind; label: string }[] {
  const labels: Record<MarkKind, string> = {
    note: 'Note',
    turning: 'Turning point',
    band: 'Band change',
    incident: 'Incident',
    move: `${actorName(s, s.role)}'s move`,
  };
  return MARK_KINDS.filter((k) => k !== 'move' || s.role !== 'observer').map((kind) => ({ kind, label: labels[kind] }));
}

/**
 * The marked days of the replay in the viewer (or of the days recorded, without a viewer), in day order.
 * Notes on days the replay does not reach (past a divergence) are left out.
 */
export function timelineMarks(s: SessionData): MarkedDay[] {
  const records: DayRecord[] = s.viewer?.records ?? s.days;
  const byDay = new Map<number, Mark[]>();
  const add = (m: Mark) => {
    if (m.day < 0 || m.day >= records.length) return;
    const list = byDay.get(m.day);
    if (list) list.push(m);
    else byDay.set(m.day, [m]);
  };
  s.notes.forEach((n, i) => add({ kind: 'note', day: n.day, title: 'Note', text: n.text, note: i }));
  turningPoints({ ...s, days: records }, TURNING_POINTS).forEach((p, i) =>
    add({ kind: 'turning', day: p.turn, title: `Turning point ${i + 1}`, text: p.headline ?? 'Tension shifted on its own', n: i + 1, delta: p.overallDelta }),
  );

  const seen = (e: TurnEvent) => canSee(s.role, e);
  for (let d = 1; d < records.length; d++) {
    const rec = records[d]!;
    for (const e of rec.events) {
      if (e.kind === 'band') add({ kind: 'band', day: d, title: 'Band change', text: e.text, up: rec.band > records[d - 1]!.band });
      else if (e.kind === 'incident' && seen(e)) add({ kind: 'incident', day: d, title: 'Incident', text: e.text });
      else if (e.kind === 'action' && e.actor !== null && e.actor === playerOn(s, d)) add({ kind: 'move', day: d, title: `${actorName(s, e.actor)}'s move`, text: e.text });
    }
  }
  const rank = (k: MarkKind) => MARK_KINDS.indexOf(k);
  return [...byDay.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([day, marks]) => ({ day, date: records[day]!.date, marks: marks.map((m, i) => ({ m, i })).sort((a, b) => rank(a.m.kind) - rank(b.m.kind) || a.i - b.i).map(({ m }) => m) }));
}

/** The next marked day after `day` (dir 1) or before it (dir −1), or null when there is none. */
export function nextMarkedDay(days: readonly MarkedDay[], day: number, dir: 1 | -1): number | null {
  if (dir > 0) return days.find((d) => d.day > day)?.day ?? null;
  for (let i = days.length - 1; i >= 0; i--) if (days[i]!.day < day) return days[i]!.day;
  return null;
}
