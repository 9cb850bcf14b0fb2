// Replays: the versioned record of one game — scenario id and content hash, seed, role, the player's
// orders by day, a checkpoint hash per day, and a teacher's notes on days — and the means to make one,
// read one (with clear errors for files that are not replays, or come from a newer Brink; version 1
// files, from before notes, are read as version 2 with no notes), and verify it, naming the first day
// that diverged. Notes never change the run and verification ignores them. A replay is also what saves
// and share links carry. A game whose seat changed hands (handover.ts) lists the roles held before its
// `role` with their last days; the order of a day is the role's that held the seat that day.
import { z } from 'zod';
import type { Scenario } from './scenario/load';
import { createGame, type GameState } from './state';
import { step, type Order } from './step';
import { hashState } from './snapshot';
import type { TurnEvent } from './feed';
import { roleOn, withRole, type EarlierRole } from './handover';

export const REPLAY_FORMAT = 'brink-replay';
export const REPLAY_VERSION = 2;
/** The longest note, in characters (a note is a short caption for a day, like a post). */
export const NOTE_MAX = 280;
/** The most notes one replay carries. */
export const NOTES_MAX = 100;
/** The engine's rules version: bump when the same inputs would give different runs. */
export const ENGINE_VERSION = '0.2';
/** Replays longer than this are refused (far beyond any scenario's limit). */
const MAX_TURNS = 100_000;
/** The most times one game's seat may change hands. */
const MAX_HANDOVERS = 100;

const OrderSchema = z.strictObject({ action: z.string().min(1).max(64), target: z.string().min(1).max(64).optional() });

/** A note on a day (0 is the eve of the crisis): shown in the viewer on that day and marked on its timeline. */
const NoteSchema = z.strictObject({
  day: z.number().int().min(0).max(MAX_TURNS),
  text: z.string().trim().min(1, 'a note needs some text').max(NOTE_MAX, `a note is at most ${NOTE_MAX} characters`),
});

export type Note = z.output<typeof NoteSchema>;

export const ReplaySchema = z.strictObject({
  format: z.literal(REPLAY_FORMAT),
  /** 1: before notes; 2: notes. Both are read, as version 2. */
  version: z.union([z.literal(1), z.literal(REPLAY_VERSION)]).transform((): typeof REPLAY_VERSION => REPLAY_VERSION),
  engine: z.string().max(20),
  scenario: z.strictObject({ id: z.string().min(1).max(64), hash: z.string().regex(/^[0-9a-f]{16}$/) }),
  seed: z.string().max(200),
  role: z.string().min(1).max(64),
  /** The player's orders, keyed by day ("12"); days without an order held. */
  orders: z.record(z.string().regex(/^\d+$/), OrderSchema),
  /** The state hash after each day, day 1 first; a prefix of at least 6 hex digits is enough. */
  checkpoints: z.array(z.string().regex(/^[0-9a-f]{6,16}$/)).max(MAX_TURNS),
  outcome: z.strictObject({ id: z.string(), turn: z.number().int().min(1) }).nullable(),
  /** Notes on days, in day order; several may share a day. Absent in version 1. */
  notes: z.array(NoteSchema).max(NOTES_MAX).default([]),
  /** The roles the player held before `role` ("play on from day 10 as Ukraine"), each with its last day,
   * in day order; absent when the seat never changed hands. */
  earlierRoles: z
    .array(z.strictObject({ role: z.string().min(1).max(64), until: z.number().int().min(1).max(MAX_TURNS) }))
    .max(MAX_HANDOVERS)
    .refine((list) => list.every((e, i) => i === 0 || e.until > list[i - 1]!.until), 'each earlier role must end on a later day than the one before it')
    .optional(),
});

export type Replay = z.output<typeof ReplaySchema>;

export type ReplayRead = { ok: true; replay: Replay } | { ok: false; error: string };

/** What a replay file is and where one comes from, for the errors about files that are not one. */
const NOT_A_REPLAY = 'not a Brink replay — a replay is the .json file that "Save replay" downloads in the game, or that npm run sim writes with --record FILE';

/** Reads a replay from JSON text; a clear error for anything that is not a replay this build can play. */
export function parseReplay(text: string): ReplayRead {
  if (text.length > 20 * 1024 * 1024) return { ok: false, error: 'the file is too large to be a replay' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // A replay cut short still names its format near the start; anything else is some other file.
    if (text.includes(`"${REPLAY_FORMAT}"`)) return { ok: false, error: 'not a replay: the file is cut short or damaged — save or download the replay again' };
    return { ok: false, error: NOT_A_REPLAY };
  }
  const head = (data && typeof data === 'object' && !Array.isArray(data) ? data : {}) as { format?: unknown; version?: unknown };
  // Said plainly, with no field names: a package.json or a scenario picked by mistake is simply not a replay.
  if (head.format !== REPLAY_FORMAT) return { ok: false, error: NOT_A_REPLAY };
  if (typeof head.version === 'number' && head.version > REPLAY_VERSION) {
    return { ok: false, error: `this replay is format version ${head.version}, made by a newer Brink; this build reads version ${REPLAY_VERSION}` };
  }
  const r = ReplaySchema.safeParse(data);
  if (!r.success) {
    const i = r.error.issues[0]!;
    return { ok: false, error: `not a valid replay: ${i.path.join('.') || '(top)'}: ${i.message}` };
  }
  return { ok: true, replay: r.data };
}

/** The replay of a game played so far: its orders by day and the hash after each day. */
export function makeReplay(scenario: Scenario, seed: string, role: string, orders: Record<string, Order>, checkpoints: string[], outcome: GameState['outcome'], notes: readonly Note[] = [], earlierRoles: readonly EarlierRole[] = []): Replay {
  const replay: Replay = {
    format: REPLAY_FORMAT,
    version: REPLAY_VERSION,
    engine: ENGINE_VERSION,
    scenario: { id: scenario.data.meta.id, hash: scenario.hash },
    seed,
    role,
    orders,
    checkpoints,
    outcome: outcome ? { id: outcome.id, turn: outcome.turn } : null,
    notes: sortNotes(notes),
  };
  // Only a game that changed hands carries the field: every other replay stays as it was.
  if (earlierRoles.length) replay.earlierRoles = earlierRoles.map((e) => ({ role: e.role, until: e.until }));
  return replay;
}

/** Notes in day order (a stable sort: notes of one day keep the order they were written in). */
export function sortNotes(notes: readonly Note[]): Note[] {
  return notes.map((n, i) => ({ n, i })).sort((a, b) => a.n.day - b.n.day || a.i - b.i).map(({ n }) => ({ day: n.day, text: n.text }));
}

/**
 * Checks a note before it is added: an error in words (empty, too long, a day the replay does not have,
 * too many notes), or null when it can be added.
 */
export function noteError(replay: Pick<Replay, 'checkpoints' | 'notes'>, day: number, text: string): string | null {
  const t = text.trim();
  if (!t) return 'the note is empty — write something to show on this day';
  if (t.length > NOTE_MAX) return `the note is ${t.length} characters; a note is at most ${NOTE_MAX} — shorten it`;
  if (!Number.isInteger(day) || day < 0 || day > replay.checkpoints.length) return `day ${day} is not in this replay (days 0–${replay.checkpoints.length})`;
  if (replay.notes.length >= NOTES_MAX) return `a replay carries at most ${NOTES_MAX} notes — delete one first`;
  return null;
}

export interface PlayedDay {
  state: GameState;
  events: TurnEvent[];
  hash: string;
}

export interface Verdict {
  ok: boolean;
  /** Days replayed (up to the first divergence, or all). */
  days: PlayedDay[];
  /** The first day whose state differs from the record, or null. */
  divergedAt: number | null;
  /** Why it does not hold (or, when it holds, a warning), in words; null when all is well. */
  reason: string | null;
  /** The scenario's content differs from the one the replay was recorded with. */
  scenarioChanged: boolean;
}

/**
 * Plays a replay on a scenario and compares every day with its checkpoint. Keeps the states of every day
 * (snapshots), so a viewer can jump to any day at once.
 */
export function verifyReplay(scenario: Scenario, replay: Replay): Verdict {
  const scenarioChanged = scenario.hash !== replay.scenario.hash;
  const fail = (days: PlayedDay[], day: number | null, reason: string): Verdict => ({ ok: false, days, divergedAt: day, reason, scenarioChanged });
  if (scenario.data.meta.id !== replay.scenario.id) return fail([], null, `this replay is for scenario '${replay.scenario.id}', not '${scenario.data.meta.id}'`);
  let state: GameState;
  try {
    state = createGame(scenario, replay.seed, { role: roleOn(replay, 1) });
  } catch (e) {
    return fail([], null, (e as Error).message);
  }
  const days: PlayedDay[] = [{ state, events: [], hash: hashState(state) }];
  const lastOrder = Math.max(0, ...Object.keys(replay.orders).map(Number));
  const total = Math.max(replay.checkpoints.length, lastOrder);
  for (let day = 1; day <= total; day++) {
    if (state.outcome) return fail(days, day, `the game ended on day ${state.outcome.turn}, but the replay goes on to day ${total}`);
    const order = replay.orders[String(day)];
    const role = roleOn(replay, day);
    let r;
    try {
      // The seat changes hands before the first day of its new role (the recorded state of the day before stays as it was).
      state = withRole(state, scenario, role);
      r = step(scenario, state, order && role !== 'observer' ? { [role]: order } : {});
    } catch (e) {
      return fail(days, day, `day ${day}: ${(e as Error).message}`);
    }
    state = r.state;
    const hash = hashState(state);
    days.push({ state, events: r.events, hash });
    const cp = replay.checkpoints[day - 1];
    if (cp !== undefined && !hash.startsWith(cp)) {
      const why = replay.engine !== ENGINE_VERSION ? ` (it was recorded by Brink's engine ${replay.engine}; this build plays by the rules of ${ENGINE_VERSION})` : scenarioChanged ? ' (the scenario has changed since it was recorded)' : '';
      return fail(days, day, `day ${day} differs from the recording${why}`);
    }
  }
  if (replay.checkpoints.length < total) return fail(days, replay.checkpoints.length + 1, `the replay has no checkpoint after day ${replay.checkpoints.length}`);
  const out = state.outcome;
  const rec = replay.outcome;
  if ((out?.id ?? null) !== (rec?.id ?? null) || (out?.turn ?? null) !== (rec?.turn ?? null)) {
    return fail(days, total, `the recorded outcome (${rec ? `${rec.id} on day ${rec.turn}` : 'none'}) differs from the replayed one (${out ? `${out.id} on day ${out.turn}` : 'none'})`);
  }
  // An edited scenario whose changes never touched this run still holds: say so, but it is not a failure.
  return { ok: true, days, divergedAt: null, reason: scenarioChanged ? 'the scenario has changed since the replay was recorded, but every day still matches' : null, scenarioChanged };
}
