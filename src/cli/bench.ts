// `npm run bench [-- --json] [-- --no-browser] [-- --scenario FILE] [-- --heap-days N] [-- --only sensitivity|live-odds]`: measures what
// players and modders feel, on this machine, and checks each figure against its budget (issue 7; see
// docs/performance.md). Model, in Node: median µs per turn in observer mode over ≥ 100,000 turns; the odds
// (10,000 runs of 60 days on 1 and 2 worker threads); a 120-day replay's open and seek times. Browser, the
// real built game in headless Chromium: the first screen's JavaScript (gzip) against a bare Phaser build,
// the time to the menu's first interactive frame, frame times while autoplaying at top speed, and heap
// growth over 1,000 days of play. Table mode prints each figure as it is measured; --json prints one object.
import { performance } from 'node:perf_hooks';
import { availableParallelism } from 'node:os';
import { runSummary, batchSeeds } from '../sim/index';
import { loadFromDisk } from './files';
import { parseArgs, intOption, UsageError } from './args';
import { reportLoadErrors } from './report';
import { Report, r2 } from './bench/measures';
import { turnMicros, seekStoreMillis, dayRecordBytes } from './bench/model';
import { oddsSeconds } from './bench/odds';
import { browserBench } from './bench/browser';
import { sensitivityBench } from './bench/sensitivity';
import { liveOddsBench } from './bench/live-odds';
import { exitQuietlyOnClosedPipe } from './pipe';

exitQuietlyOnClosedPipe();

export const DEFAULT_SCENARIO = 'scenarios/allied-resolve-2022.yaml';

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {
    scenario: 'string', turns: 'string', runs: 'string', 'frames-seconds': 'string', 'odds-runs': 'string', 'odds-days': 'string', 'heap-days': 'string', json: 'boolean', 'no-browser': 'boolean', only: 'string',
  });
  const file = args.values.scenario ?? DEFAULT_SCENARIO;
  const loaded = loadFromDisk(file);
  if (!loaded.ok) return reportLoadErrors(loaded.errors);
  const scenario = loaded.scenario;
  const minTurns = intOption(args, 'turns', 100_000, 1000, 100_000_000);
  const nRuns = intOption(args, 'runs', 1000, 10, 1_000_000);
  const oddsRuns = intOption(args, 'odds-runs', 10_000, 10, 10_000_000);
  const oddsDays = intOption(args, 'odds-days', 60, 1, 100_000);
  const json = args.values.json === true;
  const report = new Report(json);
  if (!json) process.stdout.write(`Brink bench · ${file} · node ${process.version}\n\n`);
  // One measure alone: the tornado chart's run in the browser (sensitivitySeconds), or the live odds (liveOddsMillis).
  if (args.values.only !== undefined) {
    const alone: Record<string, (r: Report) => Promise<void>> = { sensitivity: sensitivityBench, 'live-odds': liveOddsBench };
    const run = alone[args.values.only];
    if (!run) throw new UsageError(`--only ${args.values.only}: the measures that run alone are ${Object.keys(alone).map((k) => `'${k}'`).join(' and ')}`);
    await run(report);
    if (json) process.stdout.write(`${JSON.stringify(report.doc({ scenario: DEFAULT_SCENARIO, node: process.version }))}\n`);
    return report.failed() ? 1 : 0;
  }

  // Warm up the JIT before measuring.
  turnMicros(scenario, 5000);
  const t = turnMicros(scenario, minTurns);
  report.add(
    { key: 'turnMicros', label: 'model: median µs per turn (observer)', value: r2(t.median), unit: 'µs', target: '≤ 10', ok: t.median <= 10 },
    { key: 'turnsPerSecond', label: 'model: turns per second, single thread', value: t.perSecond, unit: 'turns/s', target: '≥ 100,000', ok: t.perSecond >= 100_000 },
    { key: 'turnsMeasured', label: 'turns measured', value: t.turns, unit: 'turns' },
  );
  const r0 = performance.now();
  for (const s of batchSeeds(nRuns)) runSummary(scenario, s);
  const runsSeconds = (performance.now() - r0) / 1000;
  report.add({ key: 'runsSeconds', label: `${nRuns} observer runs (sim --runs ${nRuns})`, value: r2(runsSeconds), unit: 's', target: '< 10 for 1,000', ok: runsSeconds < (10 * nRuns) / 1000 });

  const odds1 = await oddsSeconds(file, oddsRuns, oddsDays, 1);
  report.add({ key: 'oddsSeconds1', label: `odds: ${oddsRuns} runs of ≤ ${oddsDays} days, 1 worker (${odds1.turns} turns)`, value: odds1.seconds, unit: 's' });
  report.note(`odds, 1 worker: ${odds1.runSeconds} s of ${odds1.seconds} s spent playing (the rest is start-up)`);
  const odds2 = await oddsSeconds(file, oddsRuns, oddsDays, 2);
  report.add({ key: 'oddsSeconds2', label: `odds: ${oddsRuns} runs of ≤ ${oddsDays} days, 2 workers`, value: odds2.seconds, unit: 's', target: '≤ 4', ok: odds2.seconds <= 4 });
  report.note(`odds, 2 workers: ${odds2.workerSeconds.join(' and ')} s of ${odds2.seconds} s spent playing`);
  const cores = availableParallelism();
  const speedup = r2(odds1.seconds / odds2.seconds);
  // The target holds where there are 2 cores to use; on one core it is reported without one.
  report.add(cores >= 2
    ? { key: 'oddsSpeedup2', label: `odds: 1 worker / 2 workers (${cores} cores)`, value: speedup, unit: '×', target: '≥ 1.8', ok: speedup >= 1.8 }
    : { key: 'oddsSpeedup2', label: `odds: 1 worker / 2 workers (1 core: no target)`, value: speedup, unit: '×' });
  // The same ratio for the playing alone (start-up and waiting left out): what the machine allows these games
  // on two threads. Where it is well under 2, each game plays slower while both cores play (shared caches
  // and memory), and no pool can reach 2.
  const playSpeedup = r2(odds1.runSeconds / odds2.runSeconds);
  const slower = (odds2.workerSeconds.reduce((a, b) => a + b, 0) / odds1.runSeconds - 1) * 100;
  report.add({ key: 'oddsPlaySpeedup2', label: 'odds: playing alone, 1 worker / 2 workers (oddsSpeedup2\'s ceiling)', value: playSpeedup, unit: '×' });
  report.note(`odds: a game plays ${slower >= 0 ? `${Math.round(slower)}% slower` : `${Math.round(-slower)}% faster`} while both workers play than while one plays alone`);

  const seek = seekStoreMillis(scenario);
  report.add(
    { key: 'replayOpenMillis', label: `replay: open a ${seek.days}-day replay (verify every day, keep snapshots)`, value: seek.open, unit: 'ms' },
    { key: 'seekStoreMillis', label: 'replay: jump to a day in the store, no screen (worst of 20)', value: seek.worst, unit: 'ms' },
  );
  if (!args.values['no-browser']) {
    await browserBench(report, {
      scenario,
      framesSeconds: intOption(args, 'frames-seconds', 30, 5, 600),
      heapDays: intOption(args, 'heap-days', 1000, 20, 100_000),
      dayRecordBytes: dayRecordBytes(file),
    });
  }
  if (json) process.stdout.write(`${JSON.stringify(report.doc({ scenario: file, node: process.version }))}\n`);
  return report.failed() ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`bench: ${e instanceof UsageError ? e.message : ((e as Error).stack ?? (e as Error).message)}\n`);
    process.exitCode = 2;
  },
);
