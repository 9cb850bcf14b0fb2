// `npm run -s replay -- <replay.json> [--notes]`: verifies a replay against its scenario (found in scenarios/
// by id unless --scenario gives one) and, with --notes, prints its notes by day. `… A.json B.json`,
// `… A.json --twin` and `… A.json --variant FILE` compare two runs (two replays; a replay and its no-orders
// twin; a replay and its orders on a variant): the first diverging day, the orders and the moves that
// differed. --json gives one JSON object. Exit codes (documented in --help and the README): verifying, 0
// holds, 1 diverges; comparing, 0 identical, 1 they diverge, 3 a replay does not hold; 2 bad input.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { compareRuns, daySummary, formatError, longDate, noOrdersTwin, parseReplay, replayOnVariant, turnDate, verifyReplay, type PlayedRun, type Replay, type Scenario, type Verdict } from '../sim/index';
import { loadFromDisk } from './files';
import { parseArgs, UsageError } from './args';
import { exitQuietlyOnClosedPipe } from './pipe';
import { columns, compareJson, compareText, identical, rounded, type Side, type Stop } from './compare-report';

exitQuietlyOnClosedPipe();

const USAGE = `usage: npm run -s replay -- <replay.json> [--notes] [--scenario FILE] [--json]
       npm run -s replay -- <A.json> <B.json> [--scenario FILE] [--json]
       npm run -s replay -- <A.json> --twin [--scenario FILE] [--json]
       npm run -s replay -- <A.json> --variant <variant.yaml> [--scenario FILE] [--json]`;

const HELP = `${USAGE}

Verify a replay, print its notes, or compare two runs.
  <replay.json>      verify it: play it again and check every day against its checkpoint
  --notes            then print its notes, one a line: day, date and text ("no notes" when it has none)
  <A.json> <B.json>  compare two replays of one scenario (both are verified first): the first day they
                     diverge, the player's orders that differed, and the moves that differed from that day
  --twin             compare A with its no-orders twin: the same seed and role, holding every day
  --variant FILE     compare A with the same seed, role and orders played on a variant scenario
  --scenario FILE    verify against this file (an edited copy of the replay's scenario, with its id)
                     instead of the one in scenarios/ with the replay's id
  --json             one JSON object on stdout (the comparison with both runs' curves and points by day)

exit status:
  verifying:  0 it holds; 1 it diverges from its recording (the day is named)
  comparing:  0 the two runs are identical; 1 they diverge, one is longer, or the variant cannot play an
              order; 3 a replay does not hold against its scenario, so nothing is compared
  both:       2 bad input: not a replay, a missing file, no such scenario, two scenarios to compare`;

/** A failure to report on stderr, with its exit status. */
class Fail extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readReplayFile(file: string): Replay {
  if (!existsSync(file) || !statSync(file).isFile()) throw new Fail(2, `${file}: file not found`);
  const read = parseReplay(readFileSync(file, 'utf8'));
  if (!read.ok) throw new Fail(2, `${file}: ${read.error}`);
  return read.replay;
}

function loadScenarioFile(file: string): Scenario {
  if (!existsSync(file)) throw new Fail(2, `${file}: file not found`);
  const r = loadFromDisk(file);
  if (!r.ok) throw new Fail(2, r.errors.map(formatError).join('\n'));
  return r.scenario;
}

/** The bundled scenarios read so far, by id, and the files not read yet (read in order until an id is found). */
const bundledById = new Map<string, { scenario: Scenario; file: string }>();
let unread: string[] | null = null;

/** The bundled scenario (in scenarios/) with this id, and its file; undefined when none has it. */
function bundled(id: string, dir = 'scenarios'): { scenario: Scenario; file: string } | undefined {
  unread ??= readdirSync(dir).filter((x) => /\.(ya?ml|json)$/.test(x) && x !== 'scenario.schema.json').sort().map((f) => `${dir}/${f}`);
  while (!bundledById.has(id) && unread.length) {
    const file = unread.shift()!;
    const r = loadFromDisk(file);
    if (r.ok && !bundledById.has(r.scenario.data.meta.id)) bundledById.set(r.scenario.data.meta.id, { scenario: r.scenario, file });
  }
  return bundledById.get(id);
}

/** A scenario given with --scenario, and its file. */
type Given = { scenario: Scenario; file: string } | null;

/** The scenario a replay plays on: the one given with --scenario (it must be the replay's), or the bundled one with its id. */
function scenarioOf(replay: Replay, file: string, given: Given): Scenario {
  if (given) {
    const id = given.scenario.data.meta.id;
    if (id !== replay.scenario.id) throw new Fail(2, `${file}: this replay is for scenario '${replay.scenario.id}', not '${id}' (${given.file}); to play its orders on that one, use --variant ${given.file}`);
    return given.scenario;
  }
  const found = bundled(replay.scenario.id);
  if (!found) throw new Fail(2, `${file}: no scenario with id '${replay.scenario.id}' in scenarios/ (give one with --scenario FILE)`);
  return found.scenario;
}

/** The in-game date of a day: the day's own when it was played, else the calendar's (day 0 is the start). */
function dateOfDay(scenario: Scenario, v: Verdict, day: number): string {
  const d = v.days[day];
  return longDate(d ? daySummary(scenario, d.state).date : turnDate(scenario.data.meta.start, Math.max(1, day)));
}

/** Verifies one replay, with its notes on request: exit 0 holds, 1 diverges. */
function verifyOne(file: string, given: Given, notes: boolean, json: boolean): number {
  const replay = readReplayFile(file);
  const scenario = scenarioOf(replay, file, given);
  const v = verifyReplay(scenario, replay);
  const orders = Object.keys(replay.orders).length;
  const noteRows = replay.notes.map((n) => ({ day: n.day, date: dateOfDay(scenario, v, n.day), text: n.text.replace(/\s*\n\s*/g, ' ') }));
  if (json) {
    const doc = {
      mode: 'verify',
      file,
      ok: v.ok,
      scenario: { id: scenario.data.meta.id, title: scenario.data.meta.title },
      seed: replay.seed,
      role: replay.role,
      days: replay.checkpoints.length,
      orders: replay.orders,
      outcome: replay.outcome,
      divergedAt: v.divergedAt,
      reason: v.reason,
      ...(notes ? { notes: noteRows } : {}),
    };
    process.stdout.write(`${JSON.stringify(doc, rounded)}\n`);
  } else if (v.ok) {
    const o = replay.outcome;
    process.stdout.write(
      `${file}: holds — ${scenario.data.meta.title}, seed ${replay.seed}, role ${replay.role}, ${replay.checkpoints.length} days, ${orders} order${orders === 1 ? '' : 's'}; ` +
        `${o ? `outcome ${o.id} on day ${o.turn}` : 'no outcome yet'}; every checkpoint matches${v.reason ? ` (note: ${v.reason})` : ''}\n`,
    );
  }
  if (!v.ok) process.stderr.write(`${file}: diverges${v.divergedAt !== null ? ` on day ${v.divergedAt}` : ''}: ${v.reason}\n`);
  // The notes are the teacher's, whatever the run does: they print even when it diverges.
  if (notes && !json) {
    if (noteRows.length === 0) process.stdout.write('no notes\n');
    else process.stdout.write(`${columns(noteRows.map((n) => [`day ${n.day}`, n.date, n.text]), []).join('\n')}\n`);
  }
  return v.ok ? 0 : 1;
}

/** A replay verified for a comparison: a run that does not hold is not compared (exit 3). */
function verifiedRun(scenario: Scenario, replay: Replay, label: string): PlayedRun {
  const v = verifyReplay(scenario, replay);
  if (!v.ok) {
    throw new Fail(3, `${label}: does not hold${v.divergedAt !== null ? ` (diverges on day ${v.divergedAt})` : ''}: ${v.reason} — nothing compared; npm run -s replay -- FILE verifies one replay alone`);
  }
  return { scenario, role: replay.role, orders: replay.orders, days: v.days, earlierRoles: replay.earlierRoles };
}

const sideOf = (label: string, file: string | null, kind: Side['kind'], scenario: Scenario, replay: Replay): Side => ({ label, file, kind, scenario: { id: scenario.data.meta.id, title: scenario.data.meta.title }, replay });

/** Compares A with B (a second replay, A's twin, or A's orders on a variant): exit 0 identical, 1 not. */
function compare(fileA: string, b: { file: string } | { twin: true } | { variant: string }, given: Given, json: boolean): number {
  const replayA = readReplayFile(fileA);
  let sideB: Side;
  let scenarioB: Scenario;
  let stop: Stop | null = null;
  // Read B's inputs first, so a missing or wrong file is told before any game is played.
  if ('file' in b) {
    const replayB = readReplayFile(b.file);
    if (replayA.scenario.id !== replayB.scenario.id) {
      const other = bundled(replayB.scenario.id)?.file ?? `<the ${replayB.scenario.id} scenario file>`;
      throw new Fail(
        2,
        `${fileA} is a replay of '${replayA.scenario.id}' and ${b.file} of '${replayB.scenario.id}': two replays compare only on one scenario. ` +
          `To play ${fileA}'s orders on the other, use: npm run -s replay -- ${fileA} --variant ${other}`,
      );
    }
    scenarioB = scenarioOf(replayB, b.file, given);
    sideB = sideOf(b.file, b.file, 'replay', scenarioB, replayB);
  } else if ('variant' in b) {
    scenarioB = loadScenarioFile(b.variant);
    sideB = sideOf('', null, 'variant', scenarioB, replayA); // the run is filled in below
  } else {
    scenarioB = scenarioOf(replayA, fileA, given);
    sideB = sideOf('', null, 'twin', scenarioB, replayA);
  }
  const scenarioA = scenarioOf(replayA, fileA, given);
  const runA = verifiedRun(scenarioA, replayA, fileA);
  const sideA = sideOf(fileA, fileA, 'replay', scenarioA, replayA);
  let runB: PlayedRun;
  if ('file' in b) runB = verifiedRun(scenarioB, sideB.replay, b.file);
  else if ('variant' in b) {
    const r = replayOnVariant(scenarioB, replayA);
    if (!r.ok) {
      stop = { day: r.day, order: r.order, error: r.error };
      if (!r.replay) throw new Fail(2, `${b.variant}: ${r.error}`);
    }
    sideB = sideOf(`${fileA}'s orders on ${scenarioB.data.meta.title}`, null, 'variant', scenarioB, r.replay!);
    runB = verifiedRun(scenarioB, r.replay!, sideB.label);
  } else {
    sideB = sideOf(`the no-orders twin of ${fileA}`, null, 'twin', scenarioB, noOrdersTwin(scenarioB, replayA));
    runB = verifiedRun(scenarioB, sideB.replay, sideB.label);
  }
  const c = compareRuns(runA, runB);
  process.stdout.write(json ? compareJson(sideA, sideB, c, stop) : compareText(sideA, sideB, c, stop));
  return identical(c, stop) ? 0 : 1;
}

function main(argv: string[]): number {
  const args = parseArgs(argv, { scenario: 'string', notes: 'boolean', twin: 'boolean', variant: 'string', json: 'boolean', help: 'boolean' });
  if (args.values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const [fileA, fileB, ...extra] = args.positional;
  const { twin, variant, notes } = args.values;
  if (!fileA || extra.length) throw new UsageError(`${USAGE}\n(--help explains each form and the exit codes)`);
  if (twin && variant !== undefined) throw new UsageError('--twin and --variant are two comparisons: give one of them');
  if (fileB && (twin || variant !== undefined)) throw new UsageError(`${fileB}: --${twin ? 'twin' : 'variant'} compares one replay; to compare two replays, give just the two files`);
  if (notes && (fileB || twin || variant !== undefined)) throw new UsageError('--notes goes with one replay: npm run -s replay -- FILE --notes');
  const given: Given = args.values.scenario !== undefined ? { scenario: loadScenarioFile(args.values.scenario), file: args.values.scenario } : null;
  const json = args.values.json === true;
  if (fileB) return compare(fileA, { file: fileB }, given, json);
  if (twin) return compare(fileA, { twin: true }, given, json);
  if (variant !== undefined) return compare(fileA, { variant }, given, json);
  return verifyOne(fileA, given, notes === true, json);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`replay: ${e.message}\n`);
    process.exitCode = 2;
  } else if (e instanceof Fail) {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = e.status;
  } else throw e;
}
