// Comparing the replay in the viewer with another run (issue 18): its no-orders twin, its orders played on
// a variant, or another replay of the same scenario. A small vanilla store beside the session: it holds
// the comparison as plain data (the model's compareRuns does the arithmetic) with the rows and words the
// viewer shows — the first diverging day in the words the command line prints, the orders and the moves
// that differed, both runs' curves day by day — and drops it when the viewer shows another replay or
// closes. Every refusal is a sentence (what, and what to do instead).
import { createStore } from 'zustand/vanilla';
import { compareRuns, formatError, loadScenario, longDate, noOrdersTwin, replayOnVariant, roleOn, verifyReplay, type Comparison, type PlayedRun, type Replay, type ReplayRead, type RunDay, type Scenario, type ScenarioReader } from '../sim/index';
import type { ReplayViewer, SessionStore } from './session';

export type CompareKind = 'twin' | 'variant' | 'replay';

/** One row of what differed: an order one run's player gave and the other's did not, or a move one run had. */
export interface DiffRow {
  day: number;
  /** "29 Dec 2021". */
  date: string;
  kind: 'order' | 'move';
  /** Who: the role that gave the order, or the actor that moved. */
  who: string;
  /** A move: what it was, in the feed's words; an order: this run's order ("held" when it held). */
  text: string;
  /** An order: the other run's order that day. */
  other?: string;
  /** A move: the run that had it. */
  run?: 'a' | 'b';
  /** The player's own move in that run. */
  yours: boolean;
  incident: boolean;
}

export interface Comparing {
  /** The viewer's replay that is compared (run A); the comparison ends when the viewer shows another. */
  of: Replay;
  kind: CompareKind;
  /** Run B's name in the legend: "No orders", "Fast spiral", "other.json". */
  name: string;
  /** Run B in a phrase: "the same seed with no orders", "the same orders on Fast spiral", "other.json (seed 12, Ukraine)". */
  about: string;
  /** Run B as a replay (the twin and the variant run are made here). */
  other: Replay;
  comparison: Comparison;
  /** The first diverging day in words, as `npm run replay` prints it: "They diverge on day 3 (29 Dec 2021)." */
  headline: string;
  /** Further lines: one run goes on longer, different seeds or roles, where run B had to stop. */
  remarks: string[];
  /** Run B stopped at an order the variant does not allow: the day and the model's words. */
  stop: { day: number; error: string } | null;
  orders: DiffRow[];
  moves: DiffRow[];
  /** Moves beyond those listed. */
  movesLeftOff: number;
  /** The roles with a victory-point track, with their win and loss lines (null where the scenario sets none). */
  tracks: { id: string; name: string; win: number | null; loss: number | null }[];
}

/** Why a comparison was not made, with what to do instead: a replay of another scenario offers to play
 * this replay's orders on that scenario (when this build has it). */
export interface Refusal {
  error: string;
  variant?: { file: string; title: string };
}

export interface CompareState {
  comparing: Comparing | null;
  /** Compares with the same seed and role, holding every day. */
  withTwin(): Refusal | null;
  /** Compares with the same seed, role and orders played on another scenario file of the catalogue. */
  withVariant(file: string): Refusal | null;
  /** Compares with another replay (read from a file called `from`). */
  withReplay(read: ReplayRead, from: string): Refusal | null;
  stop(): void;
}

export type CompareStore = ReturnType<typeof createCompare>;

/** "They diverge on day 3 (29 Dec 2021)." — the words of `npm run -s replay -- A B` (src/cli/compare-report.ts). */
export function headlineOf(c: Comparison, stopped: boolean): string {
  const common = Math.min(c.length.a, c.length.b);
  if (c.divergedAt === 0) return `They differ from the start: day 0, the eve (${dateOf(c, 0)}), is already not the same.`;
  if (c.divergedAt !== null) return `They diverge on day ${c.divergedAt} (${dateOf(c, c.divergedAt)}).`;
  if (c.longer === null && !stopped) return `Identical: all ${plural(c.length.a, 'day')} match.`;
  return `They never diverge over the ${plural(common, 'day')} both have.`;
}

function dateOf(c: Comparison, day: number): string {
  const d = c.curves[day];
  const iso = d?.a?.date ?? d?.b?.date ?? '';
  return iso ? longDate(iso) : '';
}

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Run A: the viewer's replay, with its days as verified on opening. */
function runOf(scenario: Scenario, v: ReplayViewer): PlayedRun {
  const days = v.states.map((state, i) => ({ state, events: v.records[i]!.events, hash: v.records[i]!.hash }));
  return { scenario, role: v.replay.role, orders: v.replay.orders, days, earlierRoles: v.replay.earlierRoles };
}

function nameOf(scenario: Scenario, id: string): string {
  return id === 'observer' ? 'Observer' : (scenario.data.actors.find((a) => a.id === id)?.name ?? id);
}

/** The comparison's rows and words (plain data for the viewer). */
function build(scenario: Scenario, a: Replay, b: Replay, c: Comparison, stop: Comparing['stop'], parts: Pick<Comparing, 'kind' | 'name' | 'about' | 'other'>): Comparing {
  const remarks: string[] = [];
  const common = Math.min(c.length.a, c.length.b);
  if (stop) remarks.push(`${parts.name} stops on ${stop.error} — compared up to day ${stop.day - 1}.`);
  if (c.longer) {
    const [long, short, shortRun] = c.longer === 'a' ? (['This replay', parts.name, b] as const) : ([parts.name, 'This replay', a] as const);
    const ended = shortRun.outcome && shortRun.outcome.turn === common;
    remarks.push(`${long} goes on longer: ${short} ${ended ? `ended on day ${common}` : `stops after day ${common}`}, ${long.charAt(0).toLowerCase() + long.slice(1)} runs to day ${Math.max(c.length.a, c.length.b)}.`);
  }
  if (a.seed !== b.seed) remarks.push(`Different seeds (${a.seed} and ${b.seed}): the two crises differ from the start.`);
  if (a.role !== b.role) remarks.push(`Different roles (${nameOf(scenario, a.role)} and ${nameOf(scenario, b.role)}): the orders compared are each run’s player’s.`);
  const orders: DiffRow[] = c.orders.map((o) => ({ day: o.day, date: dateOf(c, o.day), kind: 'order', who: nameOf(scenario, roleOn(a, o.day)), text: o.aText, other: o.bText, yours: true, incident: false }));
  const moves: DiffRow[] = c.moves.map((m) => ({ day: m.day, date: dateOf(c, m.day), kind: 'move', who: m.actorName, text: m.text, run: m.run, yours: m.yours, incident: m.kind === 'incident' }));
  const tracks = c.roles.map((r) => {
    const score = scenario.data.actors.find((x) => x.id === r.id)?.role?.score;
    return { id: r.id, name: r.name, win: score?.win ?? null, loss: score?.loss ?? null };
  });
  return { of: a, ...parts, comparison: c, headline: headlineOf(c, stop !== null), remarks, stop, orders, moves, movesLeftOff: c.movesLeftOff, tracks };
}

/** The days of the overlay for one run: a number per day it has (a run that ended early stops there). */
export function curveOf(c: Comparison, run: 'a' | 'b', value: (d: RunDay) => number | undefined): number[] {
  const out: number[] = [];
  for (const d of c.curves) {
    const x = d[run];
    const v = x ? value(x) : undefined;
    if (v === undefined) break;
    out.push(v);
  }
  return out;
}

export function createCompare(session: SessionStore, reader: ScenarioReader) {
  const store = createStore<CompareState>()((set) => {
    /** What is compared against: the viewer's replay and its scenario, as verified on opening. */
    function current() {
      const s = session.getState();
      const v = s.viewer;
      if (!v || !s.scenario) return null;
      return { s, v, scenario: s.scenario, a: runOf(s.scenario, v) };
    }

    function against(scenarioB: Scenario, other: Replay, parts: Omit<Pick<Comparing, 'kind' | 'name' | 'about' | 'other'>, 'other'>, stop: Comparing['stop']): Refusal | null {
      const cur = current();
      if (!cur) return { error: 'there is no replay in the viewer to compare' };
      const v = verifyReplay(scenarioB, other);
      if (v.days.length === 0) return { error: `${parts.name} cannot be played: ${v.reason ?? 'it has no days'}` };
      if (!v.ok) return { error: `${parts.name} does not hold against ${scenarioB.data.meta.title}${v.divergedAt !== null ? ` (it diverges on day ${v.divergedAt})` : ''}: ${v.reason} — nothing compared` };
      const c = compareRuns(cur.a, { scenario: scenarioB, role: other.role, orders: other.orders, days: v.days, earlierRoles: other.earlierRoles });
      set({ comparing: build(cur.scenario, cur.v.replay, other, c, stop, { ...parts, other }) });
      return null;
    }

    return {
      comparing: null,

      withTwin() {
        const cur = current();
        if (!cur) return { error: 'there is no replay in the viewer to compare' };
        let twin: Replay;
        try {
          twin = noOrdersTwin(cur.scenario, cur.v.replay);
        } catch (e) {
          return { error: (e as Error).message };
        }
        return against(cur.scenario, twin, { kind: 'twin', name: 'No orders', about: 'the same seed with no orders' }, null);
      },

      withVariant(file) {
        const cur = current();
        if (!cur) return { error: 'there is no replay in the viewer to compare' };
        const r = loadScenario(file, reader);
        if (!r.ok) return { error: r.errors.map(formatError).join('\n') };
        const title = r.scenario.data.meta.title;
        if (r.scenario.data.meta.id === cur.scenario.data.meta.id) return { error: `${title} is this replay’s own scenario: pick a variant, or compare with the same seed with no orders` };
        const run = replayOnVariant(r.scenario, cur.v.replay);
        // The model's own words: the day, the order and why the variant does not allow it.
        if (!run.replay) return { error: run.ok ? `${title} cannot play this replay` : run.error };
        const stop = run.ok ? null : { day: run.day, error: run.error };
        return against(r.scenario, run.replay, { kind: 'variant', name: title, about: `the same orders on ${title}` }, stop);
      },

      withReplay(read, from) {
        const cur = current();
        if (!cur) return { error: 'there is no replay in the viewer to compare' };
        if (!read.ok) return { error: `${from}: ${read.error}` };
        const other = read.replay;
        const title = cur.scenario.data.meta.title;
        if (other.scenario.id !== cur.scenario.data.meta.id) {
          const entry = cur.s.catalogue.find((c) => c.id === other.scenario.id && !c.error);
          const theirs = entry?.title ?? `'${other.scenario.id}'`;
          return {
            error: `${from} is a replay of ${theirs}, and this one of ${title}: two scenarios are not compared day by day. ${entry ? `Compare this replay’s orders played on ${theirs} instead.` : `This build of Brink does not include ${theirs}.`}`,
            ...(entry ? { variant: { file: entry.file, title: entry.title } } : {}),
          };
        }
        return against(cur.scenario, other, { kind: 'replay', name: from, about: `${from} (seed ${other.seed}, ${nameOf(cur.scenario, other.role)})` }, null);
      },

      stop() {
        set({ comparing: null });
      },
    };
  });

  // A comparison belongs to the replay it was made for: another replay, or leaving the viewer, ends it.
  session.subscribe((s) => {
    const c = store.getState().comparing;
    if (c && s.viewer?.replay !== c.of) store.getState().stop();
  });
  return store;
}

/** The catalogue's scenarios a replay's orders can be played on: every one that loads, but its own. */
export function variantChoices(s: { catalogue: readonly { id: string; file: string; title: string; error?: string }[]; scenario: Scenario | null }): { file: string; title: string }[] {
  const own = s.scenario?.data.meta.id;
  return s.catalogue.filter((c) => !c.error && c.id !== own).map((c) => ({ file: c.file, title: c.title }));
}
