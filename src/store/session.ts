// The session store (zustand, vanilla): the one seam between the model and the screens. It holds plain
// data only — the scenario, seed, role, the model's state, the log of every day's events and the tension
// history — plus the UI state. Screens read it and send orders; only this file calls step().
import { createStore } from 'zustand/vanilla';
import {
  createGame,
  step,
  hashState,
  loadScenario,
  formatError,
  compile,
  overallTension,
  type GameState,
  type Order,
  type Scenario,
  type ScenarioReader,
  type TurnEvent,
} from '../sim/index';

export type Screen = 'boot' | 'menu' | 'play' | 'debrief';

/** Milliseconds per day of autoplay at each speed: the autoplay cadence, and the budget map animations fit in. */
export const DAY_MS: Record<1 | 2 | 3, number> = { 1: 1800, 2: 900, 3: 350 };

export interface CatalogueEntry {
  file: string;
  id: string;
  title: string;
  summary: string;
  roles: { id: string; name: string; goal: string }[];
  /** Present when the file does not load: the errors, one per line. */
  error?: string;
}

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
}

export interface SessionActions {
  /** Reads every bundled scenario's header for the menu. */
  loadCatalogue(reader: ScenarioReader, files: string[]): void;
  /** Starts a game; returns an error text when the scenario or role is not valid. */
  newGame(options: { file: string; seed: string; role: string }, reader: ScenarioReader): string | null;
  /** Plays one day with the player's order (if any). */
  nextDay(): void;
  setOrder(order: Order | null): void;
  setAutoplay(on: boolean): void;
  setSpeed(speed: 1 | 2 | 3): void;
  setScreen(screen: Screen): void;
  setNotice(notice: string | null): void;
}

export type Session = SessionData & SessionActions;

function record(scenario: Scenario, state: GameState, events: TurnEvent[]): DayRecord {
  const m = compile(scenario);
  return {
    turn: state.turn,
    date: state.turn === 0 ? m.data.meta.start : m.dates[state.turn] ?? '',
    hash: hashState(state),
    overall: overallTension(m, state),
    band: state.band,
    tensions: state.tension.slice(),
    events,
  };
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
};

/** A new, independent session store (the app makes one; tests may make many). */
export function createSession() {
  return createStore<Session>()((set, get) => ({
    ...initialData,

    loadCatalogue(reader, files) {
      const catalogue: CatalogueEntry[] = files.map((file) => {
        const r = loadScenario(file, reader);
        if (!r.ok) return { file, id: file, title: file, summary: '', roles: [], error: r.errors.map(formatError).join('\n') };
        const d = r.scenario.data;
        return {
          file,
          id: d.meta.id,
          title: d.meta.title,
          summary: d.meta.summary,
          roles: d.actors.filter((a) => a.playable).map((a) => ({ id: a.id, name: a.name, goal: a.role?.goal ?? '' })),
        };
      });
      set({ catalogue });
    },

    newGame({ file, seed, role }, reader) {
      const r = loadScenario(file, reader);
      if (!r.ok) return r.errors.map(formatError).join('\n');
      const actor = r.scenario.data.actors.find((a) => a.id === role);
      if (role !== 'observer' && !actor?.playable) return `'${role}' is not a playable role in ${r.scenario.data.meta.title}`;
      const game = createGame(r.scenario, seed, { role });
      set({ file, scenario: r.scenario, seed, role, game, days: [record(r.scenario, game, [])], order: null, screen: 'play', notice: null, autoplay: false });
      return null;
    },

    nextDay() {
      const { scenario, game, role, order, days } = get();
      if (!scenario || !game || game.outcome) return;
      const orders = role !== 'observer' && order ? { [role]: order } : {};
      let r;
      try {
        r = step(scenario, game, orders);
      } catch (e) {
        // An order the rules refuse (the screens offer only valid ones): say so and keep the day.
        set({ order: null, notice: (e as Error).message, autoplay: false });
        return;
      }
      set({ game: r.state, days: [...days, record(scenario, r.state, r.events)], order: null, ...(r.state.outcome ? { autoplay: false } : {}) });
    },

    setOrder(order) {
      set({ order });
    },
    setAutoplay(autoplay) {
      set({ autoplay });
    },
    setSpeed(speed) {
      set({ speed });
    },
    setScreen(screen) {
      set({ screen });
    },
    setNotice(notice) {
      set({ notice });
    },
  }));
}

export type SessionStore = ReturnType<typeof createSession>;
