// `npm run -s sim -- <scenario> [--seed S] [--turns N] [--role ID] [--orders FILE] [--json] [--record OUT]`:
// one game, as a per-turn table or one JSON document; --record also writes its replay. `--runs N` plays
// N observer games and prints the odds instead (`--workers W` on W threads, `--days D` to cut games off at
// day D). `--sensitivity` ranks the tweakable parameters by what a step either side of each does to the
// outcomes (./sim-sensitivity.ts); `--sweep KEY=FROM..TO:STEP` (once or twice) gives the shares over a grid
// (./sim-sweep.ts). Each mode refuses the other's options (exit 2, naming the option to use) rather than ignore them.
import { readFileSync, writeFileSync } from 'node:fs';
import { runGame, runSummary, summarise, batchSeeds, compile, makeReplay, OPEN_OUTCOME, type Order, type Orders, type Trace, type Odds, type Scenario } from '../sim/index';
import { parseArgs, intOption, UsageError } from './args';
import { loadFromDisk } from './files';
import { reportLoadErrors } from './report';
import { runOddsParallel } from './odds-pool';
import { exitQuietlyOnClosedPipe } from './pipe';
import { progress } from './progress';
import { runSensitivity } from './sim-sensitivity';
import { runSweep } from './sim-sweep';

exitQuietlyOnClosedPipe();

const USAGE = `usage: npm run -s sim -- <scenario.yaml> [--seed S] [--turns N] [--role ID] [--orders FILE] [--json] [--record replay.json]
       npm run -s sim -- <scenario.yaml> --runs N [--seed S] [--workers W] [--days D] [--json]
       npm run -s sim -- <scenario.yaml> --sensitivity [--runs N] [--outcome ID | --role ID] [--workers W] [--top K] [--json]
       npm run -s sim -- <scenario.yaml> --sweep KEY=FROM..TO:STEP [--sweep …] [--runs N] [--workers W] [--csv | --json]`;

const HELP = `${USAGE}

one game:
  --seed S         the seed (default 1)
  --turns N        stop after day N, even without an outcome
  --role ID        play this actor with --orders (default observer: the AI plays every actor)
  --orders FILE    JSON orders by day, e.g. docs/examples/orders.json; days without an order hold
  --record FILE    also write the game as a replay file
the odds (--runs N):
  --runs N         play N observer games, seeds "1" … "N" (with --seed S: "S-1" … "S-N")
  --days D         cut each game off after day D; games still running count as "open"
  --workers W      play on W threads (the same results)
sensitivity (--sensitivity): every tweakable parameter ±10 % (at least one slider step), on the same seeds
  --runs N         seeds per side (default 300), "1" … "N" as for the odds (with --seed S: "S-1" … "S-N")
  --outcome ID     rank by the change in this outcome's share
  --role ID        rank by the change in this role's win share
                   (neither: by how far the outcome shares move, half the sum of their changes)
  --workers W      threads (default 2; the same results on any number)
  --top K          rows of the table (default 15; --json has them all)
sweeps (--sweep KEY=FROM..TO:STEP, once or twice for a grid): outcome and win shares at every point
  KEY              a parameter as a modder writes it, e.g. pairs.russia-ukraine.fear,
                   actors.russia.traits.aggression, rules.incidents.base, forces.ID.strength.low
  --runs N         seeds per point (default 300); --workers W as above
  --csv            CSV: a header row, then one row per grid point (shares 0–1)
all:
  --json           one JSON document instead of the table`;

/** Options of one game that mean nothing with --runs (all but `--role observer`), and what to use instead. */
const ONE_GAME_ONLY: Record<string, string> = {
  turns: 'to cut the games off with --runs, use --days D',
  role: 'the odds are observer games, with the AI playing every actor',
  orders: 'the odds are observer games, with the AI playing every actor',
  record: 'record one game without --runs',
};

/** The options --sensitivity and --sweep refuse, and why. */
function checkStudyOptions(study: string, has: (name: string) => boolean, role: string | undefined): void {
  if (study === '--sensitivity' && has('sweep')) throw new UsageError('--sensitivity and --sweep are two studies: run them one at a time');
  const refused: Record<string, string> = {
    turns: 'the games run to their end', days: 'the games run to their end', orders: 'the games are observer games, with the AI playing every actor', record: 'record one game without a study',
  };
  if (study === '--sweep') {
    refused.outcome = 'a sweep lists every outcome';
    refused.top = 'a sweep lists every grid point';
    if (role !== undefined) refused.role = 'a sweep lists every role\'s win share';
  } else refused.csv = '--csv is for a sweep; --json gives the full ranking';
  for (const [o, why] of Object.entries(refused)) if (has(o)) throw new UsageError(`--${o} is not for ${study}: ${why}`);
  if (has('csv') && has('json')) throw new UsageError('--csv and --json are two formats: give one');
}

/** Orders from a JSON file: { "<turn>": { "<actor>": { "action": "...", "target": "..." } } }. */
function readOrders(file: string | undefined): ((turn: number) => Orders) | undefined {
  if (!file) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read orders from ${file}: ${(e as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new UsageError(`${file}: orders are an object keyed by turn number`);
  const byTurn = data as Record<string, Orders>;
  return (turn) => byTurn[String(turn)] ?? {};
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function printTable(scenario: Scenario, trace: Trace): void {
  const m = compile(scenario);
  const out = process.stdout;
  out.write(`${m.data.meta.title} · seed ${trace.seed} · role ${trace.role} · scenario hash ${scenario.hash}\n`);
  out.write(`${pad('day', 4)} ${pad('date', 10)} ${pad('band', 12)} ${pad('overall', 7)} ${pad('hottest pairs', 44)} events\n`);
  for (const t of trace.turns) {
    const hot = Object.entries(t.tensions)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([id, v]) => `${id} ${v.toFixed(0)}`)
      .join(', ');
    const events = t.events.filter((e) => e.visibility === 'public' && e.kind !== 'band').map((e) => e.text);
    out.write(`${pad(String(t.turn), 4)} ${t.date} ${pad(t.band, 12)} ${pad(t.overall.toFixed(1), 7)} ${pad(hot, 44)} ${events.join(' · ')}\n`);
  }
  const o = trace.outcome;
  if (o) {
    const data = m.data.outcomes.find((x) => x.id === o.id)!;
    out.write(`\noutcome: ${data.name} on day ${o.turn}${o.blame ? ` (blame: ${o.blame})` : ''} — ${data.description}\n`);
  } else out.write(`\nno outcome after ${trace.turns.length} turns\n`);
}

function printOdds(scenario: Scenario, odds: Odds): void {
  const m = compile(scenario);
  const out = process.stdout;
  out.write(`${m.data.meta.title} · ${odds.runs} runs\n\n`);
  for (const o of m.data.outcomes) {
    const n = odds.outcomes[o.id] ?? 0;
    const share = odds.runs ? n / odds.runs : 0;
    out.write(`${pad(o.name, 28)} ${pad(String(n), 6)} ${(share * 100).toFixed(1).padStart(5)}%  ${'█'.repeat(Math.round(share * 40))}\n`);
  }
  const open = odds.outcomes[OPEN_OUTCOME] ?? 0;
  if (open > 0) out.write(`${pad('(still open at the day cap)', 28)} ${pad(String(open), 6)} ${((open / odds.runs) * 100).toFixed(1).padStart(5)}%  ${'█'.repeat(Math.round((open / odds.runs) * 40))}\n`);
  out.write(`\nday of the end   p10 ${odds.endTurn.p10}  p50 ${odds.endTurn.p50}  p90 ${odds.endTurn.p90}\n`);
  out.write(`peak tension     p10 ${odds.peakTension.p10}  p50 ${odds.peakTension.p50}  p90 ${odds.peakTension.p90}\n`);
  const blame = Object.entries(odds.blame).sort((a, b) => b[1] - a[1]);
  if (blame.length) out.write(`blamed           ${blame.map(([a, n]) => `${a} ${n}`).join(', ')}\n`);
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {
    seed: 'string', turns: 'string', role: 'string', orders: 'string', runs: 'string', record: 'string', workers: 'string', days: 'string', json: 'boolean', help: 'boolean',
    sensitivity: 'boolean', sweep: 'strings', outcome: 'string', top: 'string', csv: 'boolean',
  });
  const has = (name: string): boolean => args.values[name as keyof typeof args.values] !== undefined;
  if (args.values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const study = args.values.sensitivity ? '--sensitivity' : has('sweep') ? '--sweep' : null;
  if (study) checkStudyOptions(study, has, args.values.role);
  else {
    for (const o of ['outcome', 'top', 'csv']) if (has(o)) throw new UsageError(`--${o} goes with ${o === 'csv' ? '--sweep' : '--sensitivity'}`);
    if (has('runs')) {
      for (const [o, instead] of Object.entries(ONE_GAME_ONLY)) if (has(o) && !(o === 'role' && args.values.role === 'observer')) throw new UsageError(`--${o} is for one game, not with --runs N: ${instead}`);
    } else {
      for (const o of ['workers', 'days']) if (has(o)) throw new UsageError(`--${o} goes with --runs N${o === 'days' ? ' (to stop one game early, use --turns N)' : ''}`);
    }
  }
  const file = args.positional[0];
  if (!file || args.positional.length > 1) throw new UsageError(`${USAGE}\n(--help lists the options)`);
  const loaded = loadFromDisk(file);
  if (!loaded.ok) return reportLoadErrors(loaded.errors);
  const scenario = loaded.scenario;
  const json = args.values.json === true;
  const seed = args.values.seed;
  if (study) {
    const n = intOption(args, 'runs', 300, 1, 1_000_000);
    const seeds = seed === undefined ? batchSeeds(n) : batchSeeds(n).map((s) => `${seed}-${s}`);
    const workers = intOption(args, 'workers', 2, 1, 64);
    if (study === '--sensitivity') await runSensitivity(scenario, { seeds, workers, outcome: args.values.outcome, role: args.values.role, top: intOption(args, 'top', 15, 1, 100_000), json });
    else await runSweep(scenario, { sweeps: args.values.sweep!, seeds, workers, format: json ? 'json' : args.values.csv ? 'csv' : 'table' });
    return 0;
  }
  if (has('runs')) {
    const n = intOption(args, 'runs', 100, 1, 10_000_000);
    const seeds = seed === undefined ? batchSeeds(n) : batchSeeds(n).map((s) => `${seed}-${s}`);
    const workers = intOption(args, 'workers', 1, 1, 64);
    const days = has('days') ? intOption(args, 'days', 0, 1, 1_000_000) : undefined;
    // One worker plays here; more run on threads, with the same runs in the same order.
    const runs =
      workers === 1
        ? seeds.map((s, i) => {
            if (i % 50 === 0 || i === n - 1) progress(i + 1, n);
            return runSummary(scenario, s, days);
          })
        : (await runOddsParallel(scenario, seeds, { workers, maxTurns: days, progress })).runs;
    const odds = summarise(scenario, runs);
    if (json) process.stdout.write(`${JSON.stringify(odds)}\n`);
    else printOdds(scenario, odds);
    return 0;
  }
  const role = args.values.role;
  const m = compile(scenario);
  if (role !== undefined && role !== 'observer' && !m.data.actors.some((a) => a.id === role && a.playable)) {
    throw new UsageError(`unknown role '${role}': playable roles are ${m.data.actors.filter((a) => a.playable).map((a) => a.id).join(', ')}, or observer`);
  }
  const turns = has('turns') ? intOption(args, 'turns', 0, 1, 1_000_000) : undefined;
  const orders = readOrders(args.values.orders);
  const trace = runGame(scenario, seed ?? '1', { role, turns, orders });
  const record = args.values.record;
  if (record) {
    const given: Record<string, Order> = {};
    if (orders && role && role !== 'observer') {
      for (const t of trace.turns) {
        const o = orders(t.turn)[role];
        if (o) given[String(t.turn)] = o;
      }
    }
    const replay = makeReplay(scenario, trace.seed, trace.role, given, trace.turns.map((t) => t.hash), trace.outcome);
    writeFileSync(record, `${JSON.stringify(replay, null, 1)}\n`);
    process.stderr.write(`wrote ${record}: ${trace.turns.length} days, seed ${trace.seed}, role ${trace.role}\n`);
  }
  if (json) {
    const doc = {
      scenario: trace.scenario,
      seed: trace.seed,
      role: trace.role,
      turns: trace.turns.map((t) => ({ turn: t.turn, date: t.date, hash: t.hash, band: t.band, overall: t.overall, tensions: t.tensions, events: t.events })),
      outcome: trace.outcome,
    };
    process.stdout.write(`${JSON.stringify(doc)}\n`);
  } else printTable(scenario, trace);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    if (e instanceof UsageError || (e as Error).name === 'OrderError') {
      process.stderr.write(`sim: ${(e as Error).message}\n`);
      process.exitCode = 2;
    } else throw e;
  },
);
