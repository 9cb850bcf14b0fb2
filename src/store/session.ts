// The session store (zustand, vanilla): the one seam between the model and the screens. It holds plain
// data only — the scenario, seed, role, the model's state, the log of every day's events and the tension
// history — plus the UI state. Screens read it and send orders; only this file calls step().
import { createStore } from 'zustand/vanilla';
import { alarms, goals, ladder } from './selectors';
import { catalogue, type CatalogueEntry, type PrebuiltScenario } from './catalogue';
import {
  createGame,
  step,
  hashState,
  loadScenario,
  formatError,
  daySummary,
  makeReplay,
  verifyReplay,
  replayOnVariant,
  compareRuns,
  roleOn,
  rolesBefore,
  withRole,
  type EarlierRole,
  noteError,
  sortNotes,
  type Note,
  type Replay,
  type GameState,
  type Order,
  type Scenario,
  type ScenarioReader,
  type TurnEvent,
} from '../sim/index';

export type { CatalogueEntry, PrebuiltScenario };

export type Screen = 'boot' | 'menu' | 'play' | 'debrief';

/** Milliseconds per day of autoplay at each speed: the autoplay cadence, and the budget map animations fit in. */
export const DAY_MS: Record<1 | 2 | 3, number> = { 1: 1800, 2: 900, 3: 350 };

/** One day of the record: what the screens draw charts and the feed from. */
export interface DayRecord {
  turn: number;
  date: string;
  hash: string;
  overall: number;
  band: number;
  /** Per pair (model order). */
  tensions: number[];
  events: TurnEvent[];
}

export interface SessionData {
  screen: Screen;
  catalogue: CatalogueEntry[];
  file: string | null;
  scenario: Scenario | null;
  seed: string;
  /** An actor id, or "observer". */
  role: string;
  game: GameState | null;
  /** days[0] is the opening position (turn 0); days[t] is the record of turn t. */
  days: DayRecord[];
  autoplay: boolean;
  /** 1 slow, 2 normal, 3 fast. */
  speed: 1 | 2 | 3;
  /** The player's order for the coming day, if chosen. */
  order: Order | null;
  /** A message the screens show (e.g. a scenario that does not load). */
  notice: string | null;
  /** The player's orders so far, by day ("12"): with the days' hashes, the game's replay. */
  orders: Record<string, Order>;
  /** The roles that held the player's seat before `role`, each with its last day (the game was played on
   * from a replay's day as another role); empty when the seat never changed hands. */
  earlierRoles: EarlierRole[];
  /** Watching a replay: every recorded day's state (snapshots), the day shown, and where it diverged. */
  viewer: ReplayViewer | null;
  /** Alerts on: autoplay pauses when the overall band changes or a line that ends the game comes near. */
  alerts: boolean;
  /** Motion reduced: the map's tweens, pulses and drifting bubbles become instant changes, and CSS
   * transitions are off (from prefers-reduced-motion, or the player's own setting). */
  reducedMotion: boolean;
  /** What the latest day crossed, in words (null: nothing); autoplay paused for it when `paused`. */
  alert: { day: number; text: string[]; paused: boolean; /** A heading other than "Day N". */ title?: string } | null;
  /** Notes on days (of the replay watched, or of the game played), in day order: they travel in the
   * replay and never change the run. */
  notes: Note[];
}

export interface ReplayViewer {
  /** The replay as opened (its notes are the session's `notes`, which the viewer may edit). */
  replay: Replay;
  states: GameState[];
  records: DayRecord[];
  /** The day on screen (0 … states.length − 1). */
  cursor: number;
  divergedAt: number | null;
  /** Why the replay does not hold (or a warning), or null. */
  reason: string | null;
  playing: boolean;
}

export interface SessionActions {
  /** Lists the scenario files for the menu: each file's entry from `prebuilt` (read at build time) while
   * the reader still gives the texts it was built from, otherwise read with the model's loader. */
  loadCatalogue(reader: ScenarioReader, files: string[], prebuilt?: readonly PrebuiltScenario[]): void;
  /** Starts a game; returns an error text when the scenario or role is not valid. */
  newGame(options: { file: string; seed: string; role: string }, reader: ScenarioReader): string | null;
  /** Plays one day with the player's order (if any). */
  nextDay(): void;
  setOrder(order: Order | null): void;
  setAutoplay(on: boolean): void;
  setAlerts(on: boolean): void;
  setReducedMotion(on: boolean): void;
  dismissAlert(): void;
  setSpeed(speed: 1 | 2 | 3): void;
  /** Opens the debrief of the game shown when it has ended (the replay viewer's "Debrief" button). */
  showDebrief(): void;
  /** From a replay's debrief back to the viewer. */
  backToReplay(): void;
  /** Shows the menu, leaving the rest as it is (a game that could not start, a launch URL that failed). */
  showMenu(): void;
  /** Leaves the game for the menu: autoplay and a replay's playback stop, and the replay's notice goes. */
  backToMenu(): void;
  setNotice(notice: string | null): void;
  /** The replay shown: in the viewer, the replay opened (with the notes as they are now); otherwise the
   * game so far (null without a game). */
  replay(): Replay | null;
  /** Opens a replay in the viewer (on the scenario file given), on `day` if given (clamped to the days
   * it has), else on the last good day before a divergence, else on day 1; returns an error text when
   * it cannot. */
  openReplay(replay: Replay, file: string, reader: ScenarioReader, day?: number): string | null;
  /** Adds a note on a day; returns an error text (empty, too long, no such day, too many) when it cannot. */
  addNote(day: number, text: string): string | null;
  /** Rewrites the note at `index` (in `notes`); returns an error text when the new text cannot be used. */
  editNote(index: number, text: string): string | null;
  /** Deletes the note at `index`. */
  deleteNote(index: number): void;
  /** Moves the viewer to a day. */
  seek(day: number): void;
  setViewerPlaying(on: boolean): void;
  /**
   * Leaves the viewer and plays on from the day shown: as `role` when given (another playable role, or
   * "observer"; the recorded days stay as they were, and the AI plays the role held before), else as the
   * role that held the seat that day. Returns an error text when it cannot (then nothing changes).
   */
  playOn(role?: string): string | null;
  /** Resumes a saved game exactly where it was; returns an error text when the save cannot be used. */
  resume(replay: Replay, file: string, reader: ScenarioReader): string | null;
  /**
   * After a tweak: the game's orders played again on another scenario file (the tweaked one), with the
   * same seed and role, up to the day the game had reached, so the player keeps their place. Says on which
   * day the run first diverged, or which order is no longer available (stopping on the day before it).
   * Returns an error text when the game cannot be carried over (then nothing changes).
   */
  carryOver(file: string, reader: ScenarioReader): CarryOver | string;
}

export type Session = SessionData & SessionActions;

/** What carrying a game over to a tweaked scenario found. */
export interface CarryOver {
  /** The day the game had reached, and the day it is on now (earlier when an order stopped it, or the
   * tweaked game ended first). */
  wanted: number;
  reached: number;
  /** The first day whose state differs from the game before the tweak (null: none, up to `reached`). */
  divergedAt: number | null;
  /** The first move that differs: its day, the feed's text of it, and whether only the game before the
   * tweak had it ('before') or only the tweaked one ('now'); null when no move differs. */
  firstMove: { day: number; text: string; run: 'before' | 'now' } | null;
  /** The order that can no longer be played, with the reason (the day and the order in words). */
  stopped: { day: number; error: string } | null;
  /** The tweaked game ended (its outcome's day) before the day the game had reached. */
  endedOn: number | null;
}

function record(scenario: Scenario, state: GameState, events: TurnEvent[]): DayRecord {
  return { ...daySummary(scenario, state), hash: hashState(state), events };
}

export const initialData: SessionData = {
  screen: 'boot',
  catalogue: [],
  file: null,
  scenario: null,
  seed: '1',
  role: 'observer',
  game: null,
  days: [],
  autoplay: false,
  speed: 2,
  order: null,
  notice: null,
  orders: {},
  earlierRoles: [],
  viewer: null,
  alerts: true,
  alert: null,
  reducedMotion: false,
  notes: [],
};

/** What a day crossed: the overall band changing, and lines that end the game coming near or crossed. */
function crossings(before: SessionData, after: SessionData): string[] {
  const out: string[] = [];
  const a = before.game;
  const b = after.game;
  if (!a || !b || !after.scenario) return out;
  if (a.band !== b.band) {
    const l = ladder(after);
    if (l) out.push(`Tension ${b.band > a.band ? 'rose into' : 'fell back to'} ${l.band.name.toLowerCase()} (overall ${Math.round(l.overall)}).`);
  }
  const was = alarms(before);
  for (const t of goals(after)?.tracks ?? []) {
    for (const k of t.stakes) {
      if (k.level === 'far' || k.reading !== 'loss' || was.has(`${t.id}:${k.outcome}:${k.level}`)) continue;
      const who = after.role === 'observer' ? `${t.name}: ` : '';
      out.push(`${who}${k.text}${k.level === 'holding' ? ' — the line is crossed.' : ' — near the line.'}`);
    }
  }
  return out;
}

/**
 * The screen that goes with a change of the game shown: a game (not a replay's) that ends in play moves
 * to its debrief, and a replay's debrief moved to a day before the end goes back to the viewer. The
 * actions that change the game apply it, so the store changes screen itself and no view has to.
 */
function settle(screen: Screen, game: GameState | null, viewer: ReplayViewer | null): Screen {
  if (screen === 'play' && game?.outcome && !viewer) return 'debrief';
  if (screen === 'debrief' && viewer && !game?.outcome) return 'play';
  return screen;
}

/** What a carry-over found, in the alert banner's lines. */
export function carryOverText(c: CarryOver): string[] {
  const out: string[] = [];
  if (c.stopped) out.push(`Stopped on day ${c.reached}: ${c.stopped.error.replace(/^day \d+: /, '')} (an order of day ${c.stopped.day}).`);
  else if (c.endedOn !== null) out.push(`The tweaked game ended on day ${c.endedOn}, before day ${c.wanted}.`);
  else out.push(`Days 1–${c.wanted} were played again on the tweaked scenario, with the same seed and your orders.`);
  if (c.divergedAt === null) out.push(`The run is unchanged up to day ${c.reached}.`);
  else {
    out.push(`The run first diverged on day ${c.divergedAt}${c.firstMove ? '.' : ': the numbers differ, but every move is the same.'}`);
    const m = c.firstMove;
    if (m) out.push(`First different move, day ${m.day}: “${m.text.replace(/\.$/, '')}” ${m.run === 'before' ? 'happened before the tweak, and does not now' : 'happens now, and did not before the tweak'}.`);
  }
  return out;
}

/** A new, independent session store (the app makes one; tests may make many). */
export function createSession() {
  return createStore<Session>()((set, get) => ({
    ...initialData,

    loadCatalogue(reader, files, prebuilt) {
      set({ catalogue: catalogue(reader, files, prebuilt) });
    },

    newGame({ file, seed, role }, reader) {
      const r = loadScenario(file, reader);
      if (!r.ok) return r.errors.map(formatError).join('\n');
      const actor = r.scenario.data.actors.find((a) => a.id === role);
      if (role !== 'observer' && !actor?.playable) return `'${role}' is not a playable role in ${r.scenario.data.meta.title}`;
      const game = createGame(r.scenario, seed, { role });
      set({ file, scenario: r.scenario, seed, role, game, days: [record(r.scenario, game, [])], order: null, orders: {}, earlierRoles: [], viewer: null, screen: 'play', notice: null, autoplay: false, alert: null, notes: [] });
      return null;
    },

    nextDay() {
      const { scenario, game, role, order, days, viewer } = get();
      if (!scenario || !game || game.outcome || viewer) return;
      const orders = role !== 'observer' && order ? { [role]: order } : {};
      let r;
      try {
        r = step(scenario, game, orders);
      } catch (e) {
        // An order the rules refuse (the screens offer only valid ones): say so and keep the day.
        set({ order: null, notice: (e as Error).message, autoplay: false });
        return;
      }
      const given = role !== 'observer' && order ? { ...get().orders, [String(r.state.turn)]: order } : get().orders;
      const before = get();
      const crossed = r.state.outcome ? [] : crossings(before, { ...before, game: r.state });
      const pause = crossed.length > 0 && before.alerts && before.autoplay;
      set({
        game: r.state,
        days: [...days, record(scenario, r.state, r.events)],
        order: null,
        orders: given,
        screen: settle(get().screen, r.state, null),
        alert: crossed.length ? { day: r.state.turn, text: crossed, paused: pause } : null,
        ...(r.state.outcome || pause ? { autoplay: false } : {}),
      });
    },

    replay() {
      const { scenario, game, seed, role, orders, days, viewer, notes, earlierRoles } = get();
      if (viewer) return { ...viewer.replay, notes };
      if (!scenario || !game) return null;
      return makeReplay(scenario, seed, role, orders, days.slice(1).map((d) => d.hash), game.outcome, notes, earlierRoles);
    },

    addNote(day, text) {
      const replay = get().replay();
      if (!replay) return 'there is no game or replay to note';
      const err = noteError(replay, day, text);
      if (err) return err;
      set({ notes: sortNotes([...get().notes, { day, text: text.trim() }]) });
      return null;
    },

    editNote(index, text) {
      const notes = get().notes;
      const replay = get().replay();
      const note = notes[index];
      if (!note || !replay) return 'that note is gone';
      const err = noteError({ ...replay, notes: notes.filter((_, i) => i !== index) }, note.day, text);
      if (err) return err;
      set({ notes: notes.map((n, i) => (i === index ? { day: n.day, text: text.trim() } : n)) });
      return null;
    },

    deleteNote(index) {
      const notes = get().notes;
      if (index >= 0 && index < notes.length) set({ notes: notes.filter((_, i) => i !== index) });
    },

    openReplay(replay, file, reader, day) {
      const r = loadScenario(file, reader);
      if (!r.ok) return r.errors.map(formatError).join('\n');
      const v = verifyReplay(r.scenario, replay);
      if (v.days.length === 0) return v.reason ?? 'the replay cannot be played';
      const states = v.days.map((d) => d.state);
      const records = v.days.map((d) => record(r.scenario, d.state, d.events));
      const last = records.length - 1;
      const cursor = day !== undefined && Number.isFinite(day) ? Math.max(0, Math.min(last, Math.round(day))) : v.divergedAt !== null ? Math.max(0, v.divergedAt - 1) : Math.min(1, last);
      set({
        alert: null,
        file,
        scenario: r.scenario,
        seed: replay.seed,
        role: replay.role,
        orders: Object.fromEntries(Object.entries(replay.orders).filter(([d]) => Number(d) <= cursor)),
        earlierRoles: replay.earlierRoles ?? [],
        viewer: { replay, states, records, cursor, divergedAt: v.divergedAt, reason: v.reason, playing: false },
        notes: sortNotes(replay.notes),
        game: states[cursor]!,
        days: records.slice(0, cursor + 1),
        order: null,
        autoplay: false,
        screen: 'play',
        notice: v.reason,
      });
      return null;
    },

    seek(day) {
      const v = get().viewer;
      if (!v) return;
      const cursor = Math.max(0, Math.min(v.states.length - 1, Math.round(day)));
      set({ viewer: { ...v, cursor }, game: v.states[cursor]!, days: v.records.slice(0, cursor + 1), screen: settle(get().screen, v.states[cursor]!, v) });
    },

    setViewerPlaying(playing) {
      const v = get().viewer;
      if (v) set({ viewer: { ...v, playing } });
    },

    playOn(role) {
      const { viewer: v, scenario, game } = get();
      if (!v || !scenario || !game) return 'there is no replay to play on from';
      // The seat goes to `role`, or stays with the role that held it on the day shown.
      const next = role ?? roleOn(v.replay, v.cursor + 1);
      if (next !== 'observer' && !scenario.data.actors.find((a) => a.id === next)?.playable) return `'${next}' is not a playable role in ${scenario.data.meta.title}`;
      // The replay's own orders up to the day shown (the viewer may have opened on an earlier day): they
      // were given by the roles that held the seat then, and stay theirs.
      const orders = Object.fromEntries(Object.entries(v.replay.orders).filter(([d]) => Number(d) <= v.cursor));
      // Notes on later days described the recorded future, which playing on leaves behind.
      const notes = get().notes.filter((n) => n.day <= v.cursor);
      const earlierRoles = rolesBefore(v.replay, v.cursor, next);
      const played = withRole(game, scenario, next);
      set({ viewer: null, role: next, earlierRoles, orders, notes, game: played, notice: null, screen: settle('play', played, null) });
      return null;
    },

    resume(replay, file, reader) {
      const r = loadScenario(file, reader);
      if (!r.ok) return r.errors.map(formatError).join('\n');
      const v = verifyReplay(r.scenario, replay);
      if (!v.ok || v.days.length === 0) return `the saved game no longer matches its scenario${v.divergedAt !== null ? ` (day ${v.divergedAt})` : ''}: ${v.reason ?? 'it cannot be replayed'}`;
      const last = v.days[v.days.length - 1]!;
      set({
        alert: null,
        file,
        scenario: r.scenario,
        seed: replay.seed,
        role: replay.role,
        orders: replay.orders,
        earlierRoles: replay.earlierRoles ?? [],
        notes: sortNotes(replay.notes),
        // Saved right after the seat changed hands, the last day's state is still the role's before.
        game: withRole(last.state, r.scenario, replay.role),
        days: v.days.map((d) => record(r.scenario, d.state, d.events)),
        viewer: null,
        order: null,
        autoplay: false,
        screen: settle('play', last.state, null),
        notice: null,
      });
      return null;
    },

    carryOver(file, reader) {
      const before = get();
      const was = before.replay();
      if (!before.scenario || !before.game || !was || before.viewer) return 'there is no game in progress to carry over';
      const r = loadScenario(file, reader);
      if (!r.ok) return r.errors.map(formatError).join('\n');
      const old = verifyReplay(before.scenario, was);
      const run = replayOnVariant(r.scenario, was);
      if (!run.replay) return run.ok ? 'the game cannot be carried over' : run.error;
      const now = verifyReplay(r.scenario, run.replay);
      if (!now.ok || now.days.length === 0) return `the tweaked game could not be replayed: ${now.reason ?? 'no days'}`;
      const cmp = compareRuns({ scenario: before.scenario, role: was.role, orders: was.orders, days: old.days }, { scenario: r.scenario, role: was.role, orders: run.replay.orders, days: now.days });
      const last = now.days[now.days.length - 1]!;
      const reached = last.state.turn;
      const move = cmp.moves.find((m) => m.day <= reached) ?? null;
      const result: CarryOver = {
        wanted: before.game.turn,
        reached,
        divergedAt: cmp.divergedAt,
        firstMove: move ? { day: move.day, text: move.text, run: move.run === 'a' ? 'before' : 'now' } : null,
        stopped: run.ok ? null : { day: run.day, error: run.error },
        endedOn: last.state.outcome && reached < before.game.turn ? last.state.outcome.turn : null,
      };
      set({
        file,
        scenario: r.scenario,
        orders: run.replay.orders,
        earlierRoles: rolesBefore(was, reached, was.role),
        notes: before.notes.filter((n) => n.day <= reached),
        game: withRole(last.state, r.scenario, was.role),
        days: now.days.map((d) => record(r.scenario, d.state, d.events)),
        viewer: null,
        order: null,
        autoplay: false,
        screen: settle('play', last.state, null),
        notice: null,
        alert: { day: reached, title: `Tweak applied · back on day ${reached}`, text: carryOverText(result), paused: false },
      });
      return result;
    },

    setOrder(order) {
      set({ order });
    },
    setAutoplay(autoplay) {
      // Playing on clears the alert that paused it.
      set(autoplay ? { autoplay, alert: null } : { autoplay });
    },
    setAlerts(alerts) {
      set({ alerts });
    },
    setReducedMotion(reducedMotion) {
      set({ reducedMotion });
    },
    dismissAlert() {
      set({ alert: null });
    },
    setSpeed(speed) {
      set({ speed });
    },
    showDebrief() {
      if (get().game?.outcome) set({ screen: 'debrief' });
    },
    backToReplay() {
      if (get().viewer) set({ screen: 'play' });
    },
    showMenu() {
      if (get().screen !== 'menu') set({ screen: 'menu' });
    },
    backToMenu() {
      const viewer = get().viewer;
      set({ screen: 'menu', autoplay: false, alert: null, ...(viewer ? { viewer: { ...viewer, playing: false }, notice: null } : {}) });
    },
    setNotice(notice) {
      set({ notice });
    },
  }));
}

export type SessionStore = ReturnType<typeof createSession>;
