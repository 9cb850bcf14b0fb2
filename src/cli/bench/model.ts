// The model's figures, in Node: µs per turn, a replay's open and seek times at the store level, and the
// size of one day of the store's history (DayRecord), the state's own growth per day played.
import { performance } from 'node:perf_hooks';
import { createGame, step, runGame, makeReplay, loadScenario, formatError, type Scenario } from '../../sim/index';
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

/** A 120-day replay of the scenario (its turn limit raised to 120), opened in a session and sought at random. */
export function seekMillis(scenario: Scenario): { days: number; open: number; worst: number } {
  const days = 120;
  const data = { ...scenario.data, meta: { ...scenario.data.meta, turnLimit: Math.max(days, scenario.data.meta.turnLimit) } };
  const files: Record<string, string> = { 'bench/long.json': JSON.stringify(data) };
  const reader = { read: (p: string) => files[p] };
  const loaded = loadScenario('bench/long.json', reader);
  if (!loaded.ok) throw new Error(loaded.errors.map(formatError).join('\n'));
  let seed = 1;
  let t = runGame(loaded.scenario, `seek-${seed}`, { turns: days });
  while (t.turns.length < days && seed < 200) t = runGame(loaded.scenario, `seek-${++seed}`, { turns: days });
  const replay = makeReplay(loaded.scenario, t.seed, 'observer', {}, t.turns.map((x) => x.hash), t.outcome);
  const store = createSession();
  const o0 = performance.now();
  const err = store.getState().openReplay(replay, 'bench/long.json', reader);
  const open = performance.now() - o0;
  if (err) throw new Error(err);
  let worst = 0;
  for (let i = 0; i < 20; i++) {
    const day = (i * 37 + 11) % (t.turns.length + 1);
    const s0 = performance.now();
    store.getState().seek(day);
    if (store.getState().game?.turn !== day) throw new Error(`seek to ${day} landed on ${String(store.getState().game?.turn)}`);
    worst = Math.max(worst, performance.now() - s0);
  }
  return { days: t.turns.length, open: r2(open), worst: r2(worst) };
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
