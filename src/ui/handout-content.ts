// What the printable handout says, as plain data read from the store's selectors (no model logic, no
// drawing): for the debrief, the outcome with the role's reading, what decided it, the tension over the
// whole game with the turning points, and the notes; for the replay viewer at a day, "day N of M" with
// that day's tension, what the player did and what else happened, the same chart with the day marked,
// the notes of that day first, and how the run ends. src/ui/handout.ts draws it.
import type { SessionData } from '../store/session';
import { debrief, visibleEvents } from '../store/selectors';
import { actorName, bandSpans, currentBriefing, displayDate, outcome, turningPoints, type Reading } from '../store/ui-view';
import { TURNING_POINTS } from '../store/replay-marks';
import { chartData, chartLegend } from './chart-data';
import type { ChartData } from './chart';
import { signed } from './format';

/** The debrief as a page, or the replay viewer at the day it shows. */
export type HandoutMode = 'debrief' | 'day';

export const READING: Record<Reading, string> = { win: 'Victory', draw: 'Draw', loss: 'Defeat' };

export interface HandoutVerdict {
  /** "As Belarus", or a role's name for an observer. */
  label: string;
  /** "Victory", "Defeat", "Draw" or "—". */
  value: string;
  /** "−21.5 VP · win ≥ 12 · loss ≤ −10" (empty without a track). */
  detail: string;
  reading: Reading | null;
}

export interface HandoutStat {
  label: string;
  value: string;
  note: string;
  /** A tension value, to colour the figure on the ramp. */
  tension?: number;
}

export interface HandoutTurningPoint {
  n: number;
  day: number;
  date: string;
  headline: string;
  /** The player's move that day, in words, when it pushed the day's way. */
  yours: string | null;
  delta: number;
  /** The day the viewer shows. */
  shown: boolean;
}

export interface HandoutNote {
  day: number;
  /** "Day 23 · 18 Jan 2022". */
  when: string;
  text: string;
  /** On the day the viewer shows (listed first). */
  today: boolean;
}

export interface HandoutContent {
  mode: HandoutMode;
  /** brink-<scenario>-seed<S>-day<N>.png, or …-debrief.png. */
  fileName: string;
  scenario: string;
  seed: string;
  /** "Belarus", or "Observer". */
  role: string;
  /** "Allied Resolve 2022 · seed 7 · as Belarus". */
  kicker: string;
  /** The outcome's name, or "Day 23 of 90". */
  title: string;
  /** The outcome's description, or the day's date, tension and band. */
  subtitle: string;
  /** The role's reading (every role's for an observer), in the debrief; none in the viewer. */
  verdicts: HandoutVerdict[];
  /** In the viewer: how the run ends ("Ends on day 90: The brink pays · Belarus: Defeat"), when it does. */
  ending: string | null;
  /** Two figures beside the chart's heading (peak and final tension; in the viewer, that day's and the peak). */
  stats: HandoutStat[];
  /** In the debrief, one more beside "what decided it": who the ledger blames, or the player's moves. */
  aside: HandoutStat | null;
  chart: ChartData;
  /** Written in the chart's empty days when the game ended before the scenario's last day. */
  chartNote: string | null;
  legend: { label: string; colour: string; dashed: boolean }[];
  turning: HandoutTurningPoint[];
  /** The debrief's "what decided it": its line and the largest causes. */
  decided: { text: string; factors: { label: string; amount: number; yours: boolean }[] } | null;
  /** In the viewer: what the player did that day ("Belarus that day", or "That day" for an observer). */
  thatDay: { heading: string; text: string; also: string[] } | null;
  notes: HandoutNote[];
  /** "Brink · Allied Resolve 2022 · seed 7 · a replay link can reproduce it". */
  footer: string;
  /** The scenario's source, in a line ("Source: Igor Ilyash, “…”, openDemocracy / oDR, 9 Feb 2022"). */
  source: string | null;
}

/** A seed made safe for a file name (as replay files name it). */
function fileSeed(seed: string): string {
  return seed.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 40) || 'seed';
}

/** "Day 23 · 18 Jan 2022" (day 0: the eve). */
function when(day: number, iso: string): string {
  const date = displayDate(iso);
  return `Day ${day} · ${day === 0 ? `eve of ${date}` : date}`;
}

/**
 * What the handout of the session says, in `mode`; null when there is nothing to hand out (no game, a
 * debrief before the end, the viewer closed).
 */
export function handoutContent(s: SessionData, mode: HandoutMode): HandoutContent | null {
  if (!s.scenario || !s.game) return null;
  const v = s.viewer;
  if (mode === 'day' && !v) return null;
  // The whole recorded game: the chart and the turning points cover it, whatever day is shown.
  const records = v?.records ?? s.days;
  const whole: SessionData = { ...s, days: records, game: v ? v.states[v.states.length - 1]! : s.game };
  const end = outcome(whole);
  if (mode === 'debrief' && !end) return null;
  const meta = s.scenario.data.meta;
  const role = actorName(s, s.role);
  const last = records.length - 1;
  const day = mode === 'day' ? v!.cursor : last;
  const rec = records[day]!;
  const bands = bandSpans(s);
  const bandName = (t: number) => bands.find((b) => t >= b.from && t < b.to)?.name ?? bands[bands.length - 1]?.name ?? '';

  const points = turningPoints(whole, TURNING_POINTS);
  const markers = points.map((p, i) => ({ turn: p.turn, n: i + 1 }));
  const chart = chartData(whole, markers);
  if (mode === 'day') chart.shown = day;

  const readingOf = (id: string) => end?.readings.find((r) => r.id === id) ?? null;
  const trackText = (t: { points: number; win: number; loss: number } | null | undefined) => (t ? `${signed(t.points)} VP · win ≥ ${t.win} · loss ≤ ${t.loss}`.replace(/^\+/, '') : '');
  let verdicts: HandoutVerdict[] = [];
  let ending: string | null = null;
  if (mode === 'debrief' && end) {
    verdicts =
      s.role === 'observer'
        ? end.readings.map((r) => ({ label: r.name, value: r.reading ? READING[r.reading] : '—', detail: trackText(r.track), reading: r.reading }))
        : [{ label: `As ${role}`, value: end.mine ? READING[end.mine] : 'No reading', detail: trackText(readingOf(s.role)?.track), reading: end.mine }];
  } else if (end) {
    const mine = s.role === 'observer' ? '' : ` · ${role}: ${end.mine ? READING[end.mine] : 'no reading'}`;
    ending = `Ends on day ${end.turn}: ${end.name}${mine}`;
  }

  const peak = records.reduce((x, d) => (d.overall > x.overall ? d : x), records[0]!);
  const stats: HandoutStat[] =
    mode === 'day'
      ? [
          { label: 'Tension that day', value: rec.overall.toFixed(0), note: day > 0 ? `${signed(rec.overall - records[day - 1]!.overall)} on the day` : 'the eve', tension: rec.overall },
          { label: 'Peak of the run', value: peak.overall.toFixed(0), note: `day ${peak.turn}`, tension: peak.overall },
        ]
      : [
          { label: 'Peak tension', value: peak.overall.toFixed(0), note: `day ${peak.turn}`, tension: peak.overall },
          { label: 'Final tension', value: rec.overall.toFixed(0), note: `day ${rec.turn}`, tension: rec.overall },
        ];
  const aside: HandoutStat | null =
    mode === 'day'
      ? null
      : s.role === 'observer' || end?.blame
        ? { label: 'Blamed by the ledger', value: end?.blame ?? 'None', note: end?.blame ? 'pushed the deciding pair hardest' : 'no war, no one to blame' }
        : { label: `${role}'s moves`, value: String(Object.keys(s.orders).length), note: `of ${rec.turn} days; held on the rest` };

  const d = mode === 'debrief' ? debrief(whole) : null;
  const decided = d?.decided ? { text: d.decided.text, factors: d.decided.factors.slice(0, 3) } : null;

  let thatDay: HandoutContent['thatDay'] = null;
  if (mode === 'day') {
    const seen = visibleEvents(whole, day).filter((e) => e.kind !== 'band');
    const mine = seen.filter((e) => e.kind === 'action' && e.actor === s.role);
    const others = seen.filter((e) => !mine.includes(e)).map((e) => e.text);
    if (day === 0) thatDay = { heading: 'That day', text: 'The eve of the crisis: nothing has happened yet.', also: [] };
    else if (s.role === 'observer') thatDay = { heading: 'That day', text: others[0] ?? 'A quiet day.', also: others.slice(1, 4) };
    else thatDay = { heading: `${role} that day`, text: mine.length ? mine.map((e) => e.text).join(' ') : `${role} held.`, also: others.slice(0, 3) };
  }

  const notes: HandoutNote[] = s.notes
    .filter((n) => n.day >= 0 && n.day <= last)
    .map((n) => ({ day: n.day, when: when(n.day, records[n.day]!.date), text: n.text, today: mode === 'day' && n.day === day }));
  notes.sort((a, b) => Number(b.today) - Number(a.today) || a.day - b.day);

  const src = currentBriefing(s)?.sources[0];
  const source = src ? `Source: ${[src.author, src.title ? `“${src.title}”` : null, src.publication, src.date ? displayDate(src.date) : null].filter(Boolean).join(', ')}` : null;

  return {
    mode,
    fileName: `brink-${meta.id}-seed${fileSeed(s.seed)}-${mode === 'day' ? `day${day}` : 'debrief'}.png`,
    scenario: meta.title,
    seed: s.seed,
    role,
    kicker: `${meta.title} · seed ${s.seed} · ${s.role === 'observer' ? 'observer' : `as ${role}`}${mode === 'debrief' && end ? ` · ended on day ${end.turn}, ${end.date}` : ''}`,
    title: mode === 'day' ? `Day ${day} of ${last}` : end!.name,
    subtitle:
      mode === 'day'
        ? `${day === 0 ? `The eve of ${displayDate(rec.date)}` : displayDate(rec.date)} · tension ${rec.overall.toFixed(0)}, ${bandName(rec.overall)}`
        : end!.description,
    verdicts,
    ending,
    stats,
    aside,
    chart,
    chartNote: end && end.turn < meta.turnLimit ? `Ended on day ${end.turn}: ${end.name}` : null,
    legend: chartLegend(whole),
    turning: points.map((p, i) => ({
      n: i + 1,
      day: p.turn,
      date: displayDate(p.date),
      headline: p.headline ?? 'Tension shifted on its own',
      yours: p.yours ? (p.yours.text !== p.headline ? `Your move: ${p.yours.text} (${signed(p.yours.push)})` : 'Your move made this day') : null,
      delta: p.overallDelta,
      shown: mode === 'day' && p.turn === day,
    })),
    decided,
    thatDay,
    notes,
    footer: `Brink · ${meta.title} · seed ${s.seed} · a replay link can reproduce it`,
    source,
  };
}
