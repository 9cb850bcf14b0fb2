// `npm run -s balance -- [FILE…] [--seeds N] [--first F] [--roles a,b] [--bots …] [--workers W]
// [--truth-seeds K] [--truth-every D] [--json] [--targets] [--check] [--write docs/balance.md]`: plays each
// playable role of each file with each bot over N seeds on worker threads, and reports per role the
// win/draw/loss and outcome shares per bot, the strongest bot, the decision days and card truth, and the
// targets of a real decision (src/sim/balance.ts). Exit 0, or with --check 1 when a target is missed;
// 1 for a file that does not load, 2 for a usage error.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { batchSeeds, compile, playableRoles, everyOrder, BOT_IDS, BOT_HELP, roleBalance, checkTargets, TRUTH_DEFAULTS, type Scenario, type GameRecord, type RoleBalance, type TruthOptions, type CardSample } from '../sim/index';
import { parseArgs, intOption, UsageError } from './args';
import { loadFromDisk } from './files';
import { reportLoadErrors } from './report';
import { exitQuietlyOnClosedPipe } from './pipe';
import { progress } from './progress';
import { planJobs, runBalanceJobs, type Plan } from './balance-pool';
import { textReport, targetText, markdownReport, type BalanceDoc, type RunSettings } from './balance-report';

exitQuietlyOnClosedPipe();

const DEFAULT_FILE = 'scenarios/allied-resolve-2022.yaml';

const USAGE = 'usage: npm run -s balance -- [FILE…] [--seeds N] [--first F] [--roles a,b] [--bots b1,b2] [--workers W] [--truth-seeds K] [--truth-every D] [--json] [--targets] [--check] [--write FILE.md]';

const HELP = `${USAGE}

Plays each playable role of each scenario FILE (default ${DEFAULT_FILE}) with each bot over the same
seeds, the AI in every other seat, and reports per role: the win, draw and loss shares and the outcome
shares per bot, the strongest bot, the decision days, card truth, and the targets of a real decision.

  --seeds N        how many seeds (default 400)
  --first F        the first seed: the seeds are "F" … "F+N-1" (default 1)
  --roles a,b      only these roles (default every playable role)
  --bots b1,b2     only these bots (default every bot, and always:X for every order X of the role);
                   "always" stands for every always:X of a role
  --workers W      threads (default 2; the same figures on any number)
  --truth-seeds K  card truth samples the search bot's games on the first K seeds (default ${TRUTH_DEFAULTS.seeds}; 0: none)
  --truth-every D  … every Dth day from day 1 (default ${TRUTH_DEFAULTS.every})
  --json           one JSON object per file (an array of them for several files)
  --targets        print only the targets
  --check          exit 1 when a target is missed
  --write FILE     also write the Markdown report over every file (docs/balance.md)

bots:
${Object.entries(BOT_HELP).map(([id, h]) => `  ${id.padEnd(15)}  ${h}`).join('\n')}`;

const listOption = (v: string | undefined): string[] | undefined => (v === undefined ? undefined : v.split(',').map((x) => x.trim()).filter(Boolean));

/** The bots that play a role: the requested ones it can play (always:X only for an order X of the role), or all. */
function botsFor(scenario: Scenario, role: string, requested: readonly string[] | undefined, used: Set<string>): string[] {
  const orders = [...new Set(everyOrder(scenario, role))];
  const always = orders.map((o) => `always:${o}`);
  if (!requested) return [...BOT_IDS, ...always];
  const out: string[] = [];
  for (const id of requested) {
    if (id === 'always' || id === 'always:*') {
      out.push(...always);
      used.add(id);
    } else if ((BOT_IDS as readonly string[]).includes(id)) {
      out.push(id);
      used.add(id);
    } else if (id.startsWith('always:')) {
      const key = id.slice('always:'.length);
      if (orders.some((o) => o === key || o.split('>')[0] === key)) {
        out.push(id);
        used.add(id);
      }
    } else throw new UsageError(`unknown bot '${id}': the bots are ${BOT_IDS.join(', ')}, always:<action>[><target>] and always`);
  }
  return [...new Set(out)];
}

interface Options {
  seeds: string[];
  roles: string[] | undefined;
  bots: string[] | undefined;
  workers: number;
  truth: TruthOptions;
  usedBots: Set<string>;
}

interface FilePlan {
  file: string;
  scenario: Scenario;
  doc: BalanceDoc;
  plan: Plan[];
}

/** What a file's report will cover: its roles and their bots (none when it has no playable role). */
function planFile(file: string, scenario: Scenario, o: Options): FilePlan {
  const m = compile(scenario);
  const doc: BalanceDoc = {
    scenario: { id: m.data.meta.id, title: m.data.meta.title, file, hash: scenario.hash },
    seeds: { count: o.seeds.length, first: o.seeds[0]!, last: o.seeds[o.seeds.length - 1]! },
    roles: {},
    targets: [],
  };
  const playable = playableRoles(scenario);
  if (playable.length === 0) return { file, scenario, doc: { ...doc, note: `${file}: no playable role, nothing to balance` }, plan: [] };
  for (const r of o.roles ?? []) if (!playable.includes(r)) throw new UsageError(`${file}: unknown role '${r}': playable roles are ${playable.join(', ')}`);
  return { file, scenario, doc, plan: (o.roles ?? playable).map((role) => ({ role, bots: botsFor(scenario, role, o.bots, o.usedBots) })) };
}

/** Plays a file's jobs on threads and turns the games into its report. */
async function playFile({ scenario, doc, plan }: FilePlan, o: Options): Promise<BalanceDoc> {
  if (plan.length === 0) return doc;
  const jobs = planJobs(plan, o.seeds, o.seeds.slice(0, o.truth.seeds), o.truth);
  let shown = -1;
  const bar = (done: number, total: number) => {
    const permille = Math.floor((done * 1000) / total);
    if (permille !== shown) progress(done, total);
    shown = permille;
  };
  const results = await runBalanceJobs(scenario, jobs, o.workers, bar);
  const roles: Record<string, RoleBalance> = {};
  for (const { role, bots } of plan) {
    const records: GameRecord[] = [];
    const cards: CardSample[] = [];
    jobs.forEach((j, i) => {
      if (j.role !== role) return;
      const r = results[i]!;
      for (const g of r.games) records.push({ role, bot: j.bot, ...g });
      cards.push(...r.cards);
    });
    roles[role] = roleBalance(records, role, bots, cards, o.truth.minDays);
  }
  return { ...doc, roles, targets: checkTargets(roles) };
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {
    seeds: 'string', first: 'string', roles: 'string', bots: 'string', workers: 'string', 'truth-seeds': 'string', 'truth-every': 'string', write: 'string',
    json: 'boolean', targets: 'boolean', check: 'boolean', help: 'boolean',
  });
  if (args.values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const files = args.positional.length ? args.positional : [DEFAULT_FILE];
  const n = intOption(args, 'seeds', 400, 1, 1_000_000);
  const first = intOption(args, 'first', 1, 0, 1_000_000_000);
  const truth: TruthOptions = { ...TRUTH_DEFAULTS, seeds: intOption(args, 'truth-seeds', TRUTH_DEFAULTS.seeds, 0, 1_000_000), every: intOption(args, 'truth-every', TRUTH_DEFAULTS.every, 1, 1_000_000) };
  const o: Options = { seeds: batchSeeds(n, first), roles: listOption(args.values.roles), bots: listOption(args.values.bots), workers: intOption(args, 'workers', 2, 1, 64), truth, usedBots: new Set() };
  const write = args.values.write;
  if (write !== undefined && !/\.md$/i.test(write)) throw new UsageError(`--write writes a Markdown report: give a .md file, got '${write}'`);

  const plans: FilePlan[] = [];
  let bad = false;
  for (const file of files) {
    const r = loadFromDisk(file);
    if (r.ok) plans.push(planFile(file, r.scenario, o));
    else bad = reportLoadErrors(r.errors) === 1 || bad;
  }
  if (bad) return 1;
  const unused = (o.bots ?? []).filter((b) => !o.usedBots.has(b));
  if (unused.length && plans.some((p) => p.plan.length)) throw new UsageError(`no role can play ${unused.map((b) => `'${b}'`).join(', ')}`);

  const t0 = performance.now();
  const docs: BalanceDoc[] = [];
  for (const p of plans) docs.push(await playFile(p, o));
  if (process.stderr.isTTY) process.stderr.write(`balanced in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

  const settings: RunSettings = { truth, truthSeeds: Math.min(truth.seeds, n) };
  const json = args.values.json === true;
  if (json) process.stdout.write(`${JSON.stringify(docs.length === 1 ? docs[0] : docs)}\n`);
  for (const d of docs) if (d.note && json) process.stderr.write(`${d.note}\n`);
  if (!json) {
    const onlyTargets = (d: BalanceDoc) => (d.note ? `${d.note}\n` : [`${d.scenario.title} (${d.scenario.file})`, ...targetText(d.targets), ''].join('\n'));
    const text = docs.map((d) => (args.values.targets ? onlyTargets(d) : textReport(d, settings)));
    process.stdout.write(text.join('\n'));
  }
  if (write !== undefined) {
    mkdirSync(dirname(write), { recursive: true });
    writeFileSync(write, `${markdownReport(docs, settings, `npm run balance -- ${argv.join(' ')}`)}\n`);
    process.stderr.write(`wrote ${write}\n`);
  }
  const failed = docs.some((d) => d.targets.some((t) => !t.ok));
  return args.values.check && failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`balance: ${e.message}\n`);
      process.exitCode = 2;
    } else throw e;
  },
);
