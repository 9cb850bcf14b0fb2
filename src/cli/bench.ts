// `npm run bench [-- --json] [-- --scenario FILE] [-- --no-browser]`: measures what players and modders feel,
// on this machine. Model: median µs per turn on the default scenario in observer mode over ≥ 100,000 turns
// (target ≤ 10 µs), and the wall time of 1,000 observer runs (the odds a modder waits for). Browser: frame
// times of the built game in headless Chromium while autoplaying at top speed (target p95 ≤ 17 ms).
import { performance } from 'node:perf_hooks';
import { createGame, step, runSummary, batchSeeds, runGame, makeReplay, loadScenario, formatError, type Scenario } from '../sim/index';
import { createSession } from '../store/session';
import { loadFromDisk } from './files';
import { parseArgs, intOption } from './args';
import { reportLoadErrors } from './report';
import { measureFrames } from './browser/frames';

export const DEFAULT_SCENARIO = 'scenarios/allied-resolve-2022.yaml';

interface Measure {
  key: string;
  label: string;
  value: number;
  unit: string;
  target?: string;
  ok?: boolean;
}

/** Median µs per turn: whole games back to back, timed in batches of turns, until `minTurns` have run. */
function turnMicros(scenario: Scenario, minTurns: number): { median: number; turns: number; perSecond: number } {
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
function seekMillis(scenario: Scenario): { days: number; open: number; worst: number } {
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
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return { days: t.turns.length, open: r2(open), worst: r2(worst) };
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['scenario', 'turns', 'runs', 'frames-seconds'], ['json', 'no-browser']);
  const file = args.values.get('scenario') ?? DEFAULT_SCENARIO;
  const loaded = loadFromDisk(file);
  if (!loaded.ok) return reportLoadErrors(loaded.errors);
  const scenario = loaded.scenario;
  const minTurns = intOption(args, 'turns', 100_000, 1000, 100_000_000);
  const nRuns = intOption(args, 'runs', 1000, 10, 1_000_000);

  // Warm up the JIT before measuring.
  turnMicros(scenario, 5000);
  const t = turnMicros(scenario, minTurns);
  const r0 = performance.now();
  for (const s of batchSeeds(nRuns)) runSummary(scenario, s);
  const runsSeconds = (performance.now() - r0) / 1000;

  const measures: Measure[] = [
    { key: 'turnMicros', label: 'model: median µs per turn (observer)', value: Math.round(t.median * 100) / 100, unit: 'µs', target: '≤ 10', ok: t.median <= 10 },
    { key: 'turnsPerSecond', label: 'model: turns per second, single thread', value: t.perSecond, unit: 'turns/s', target: '≥ 100,000', ok: t.perSecond >= 100_000 },
    { key: 'turnsMeasured', label: 'turns measured', value: t.turns, unit: 'turns' },
    { key: 'runsSeconds', label: `${nRuns} observer runs (sim --runs ${nRuns})`, value: Math.round(runsSeconds * 100) / 100, unit: 's', target: '< 10 for 1,000', ok: runsSeconds < (10 * nRuns) / 1000 },
  ];
  const seek = seekMillis(scenario);
  measures.push(
    { key: 'replayOpenMillis', label: `replay: open a ${seek.days}-day replay (verify every day, keep snapshots)`, value: seek.open, unit: 'ms' },
    { key: 'seekMillis', label: 'replay: jump to a day (worst of 20 random jumps)', value: seek.worst, unit: 'ms', target: '≤ 50', ok: seek.worst <= 50 },
  );
  if (!args.flags.has('no-browser')) {
    const f = await measureFrames(intOption(args, 'frames-seconds', 30, 5, 600));
    measures.push(
      { key: 'frameP50Millis', label: `browser: frame time p50 (${f.frames} frames, ${f.days} days at top speed)`, value: f.p50, unit: 'ms' },
      { key: 'frameP95Millis', label: 'browser: frame time p95', value: f.p95, unit: 'ms', target: '≤ 17', ok: f.p95 <= 17 },
      { key: 'frameMaxMillis', label: 'browser: longest frame', value: f.max, unit: 'ms' },
    );
  }
  if (args.flags.has('json')) {
    const doc: Record<string, number | string> = { scenario: file, node: process.version };
    for (const m of measures) doc[m.key] = m.value;
    process.stdout.write(`${JSON.stringify(doc)}\n`);
  } else {
    process.stdout.write(`Brink bench · ${file} · node ${process.version}\n\n`);
    for (const m of measures) {
      const mark = m.ok === undefined ? '  ' : m.ok ? 'ok' : '!!';
      process.stdout.write(`${mark} ${m.label.padEnd(44)} ${String(m.value).padStart(10)} ${m.unit.padEnd(8)} ${m.target ? `target ${m.target}` : ''}\n`);
    }
  }
  return measures.some((m) => m.ok === false) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`bench: ${(e as Error).message}\n`);
    process.exitCode = 2;
  },
);
