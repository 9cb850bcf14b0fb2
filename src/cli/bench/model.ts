// The model's figures, in Node: µs per turn; a long replay (also used by the browser's seek measure) and
// its open and seek times at the store level; and the size of one day of the store's history
// (DayRecord), the state's own growth per day played.
import { performance } from 'node:perf_hooks';
import { createGame, step, runGame, makeReplay, loadScenario, formatError, type Replay, type Scenario } from '../../sim/index';
import { createSession } from '../../store/session';
import { diskReader } from '../files';
import { r2 } from './measures';

/** Median µs per turn: whole games back to back, timed per game, until `minTurns` have run. */
export function turnMicros(scenario: Scenario, minTurns: number): { median: number; turns: number; perSecond: number } {
  const batch: number[] = [];
  let turns = 0;
  let seed = 1;
  let total = 0;
  while (turns < minTurns) {
    let state = createGame(scenario, `bench-${seed++}`);
    const t0 = performance.now();
    let n = 0;
    while (!state.outcome) {
      state = step(scenario, state).state;
      n++;
    }
    const dt = performance.now() - t0;
    total += dt;
    turns += n;
    batch.push((dt * 1000) / n);
  }
  batch.sort((a, b) => a - b);
  return { median: batch[Math.floor(batch.length / 2)]!, turns, perSecond: Math.round((turns / total) * 1000) };
}

/** The jumps of a seek measure: 20 days spread over 0..days, the same each run. */
export function seekDays(days: number): number[] {
  return Array.from({ length: 20 }, (_, i) => (i * 37 + 11) % (days + 1));
}

export interface LongReplay {
  /** The scenario with its turn limit raised to `days`, as a file the game can load ("your file"). */
  file: string;
  text: string;
  replay: Replay;
  days: number;
}

/** A replay of `days` days: the scenario with its turn limit raised (and its own id), a seed that lasts. */
export function longReplay(scenario: Scenario, days = 120): LongReplay {
  const meta = { ...scenario.data.meta, id: `${scenario.data.meta.id}-long`, title: `${scenario.data.meta.title} (${days} days)`, turnLimit: Math.max(days, scenario.data.meta.turnLimit) };
  const text = JSON.stringify({ ...scenario.data, meta });
  const file = 'bench-long.json';
  const loaded = loadScenario(file, { read: (p: string) => (p === file ? text : undefined) });
  if (!loaded.ok) throw new Error(loaded.errors.map(formatError).join('\n'));
  let seed = 1;
  let t = runGame(loaded.scenario, `seek-${seed}`, { turns: days });
  while (t.turns.length < days && seed < 200) t = runGame(loaded.scenario, `seek-${++seed}`, { turns: days });
  const replay = makeReplay(loaded.scenario, t.seed, 'observer', {}, t.turns.map((x) => x.hash), t.outcome);
  return { file, text, replay, days: t.turns.length };
}

/** A long replay opened in a session and sought at random, at the store level (no screen). */
export function seekStoreMillis(scenario: Scenario): { days: number; open: number; worst: number } {
  const long = longReplay(scenario);
  const reader = { read: (p: string) => (p === long.file ? long.text : undefined) };
  const store = createSession();
  const o0 = performance.now();
  const err = store.getState().openReplay(long.replay, long.file, reader);
  const open = performance.now() - o0;
  if (err) throw new Error(err);
  let worst = 0;
  for (const day of seekDays(long.days)) {
    const s0 = performance.now();
    store.getState().seek(day);
    if (store.getState().game?.turn !== day) throw new Error(`seek to ${day} landed on ${String(store.getState().game?.turn)}`);
    worst = Math.max(worst, performance.now() - s0);
  }
  return { days: long.days, open: r2(open), worst: r2(worst) };
}

/** Mean JSON bytes of one DayRecord in the store's days[], over a few observer games of `file`. */
export function dayRecordBytes(file: string, games = 5): number {
  const store = createSession();
  let bytes = 0;
  let records = 0;
  for (let g = 1; g <= games; g++) {
    const err = store.getState().newGame({ file, seed: `heap-${g}`, role: 'observer' }, diskReader);
    if (err) throw new Error(err);
    while (!store.getState().game?.outcome) store.getState().nextDay();
    for (const d of store.getState().days.slice(1)) {
      bytes += JSON.stringify(d).length;
      records++;
    }
  }
  return Math.round(bytes / Math.max(1, records));
}
