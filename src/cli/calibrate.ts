// `npm run calibrate [-- FILE] [--runs N] [--check] [--write FILE.md]`: plays a scenario (default: the one in
// scenarios/ with meta.featured: true) and the variants its calibration: section lists over N seeds (default
// 2,000) in observer mode, prints the section's targets and writes docs/calibration.md: outcome shares, the
// median day of the end, peak tension, the followed pair's tension on the checkpoint dates and the ledger's top
// contributors, and how many runs follow the source's record. With --check it prints the targets and exits 1
// if one is missed, without writing the report. Exit 1 also for a file that does not load or has no
// calibration section; 2 for a usage error.
import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { compile, planCalibration, study, checks, pct, dayAndMonth, DEFAULT_RUNS, type Study, type CalibrationPlan } from '../sim/index';
import { diskReader, loadFromDisk } from './files';
import { parseArgs, intOption, UsageError } from './args';
import { reportLoadErrors } from './report';
import { exitQuietlyOnClosedPipe } from './pipe';

exitQuietlyOnClosedPipe();

const SCENARIOS = 'scenarios';
const REPORT = 'docs/calibration.md';

const USAGE = 'usage: npm run -s calibrate -- [FILE] [--runs N] [--check] [--write FILE.md]';

const HELP = `${USAGE}

Plays the scenario FILE (default: the one in ${SCENARIOS}/ with meta.featured: true) and the variants its
calibration: section lists, over the seeds "1" … "N" in observer mode, prints the section's targets and
writes the report (docs/scenario-format.md, part 6, describes the section).

  --runs N         seeds per scenario (default ${DEFAULT_RUNS})
  --check          only print the targets; exit 1 when one is missed
  --write FILE.md  where the report goes (default ${REPORT})`;

/** The scenario the menu opens on: the first file of scenarios/ that loads and says meta.featured: true. */
function featuredFile(): string {
  const files = readdirSync(SCENARIOS)
    .filter((f) => /\.(ya?ml|json)$/.test(f) && f !== 'scenario.schema.json')
    .sort()
    .map((f) => `${SCENARIOS}/${f}`);
  const found = files.find((f) => {
    const r = loadFromDisk(f);
    return r.ok && r.scenario.data.meta.featured === true;
  });
  if (!found) throw new UsageError(`no scenario in ${SCENARIOS}/ has meta.featured: true; name the one to calibrate: npm run calibrate -- FILE`);
  return found;
}

function section(s: Study, plan: CalibrationPlan): string {
  const m = compile(s.scenario);
  const { record } = plan.targets;
  const lines = [`## ${m.data.meta.title} (\`${s.file}\`)`, '', m.data.meta.summary.trim().split('\n')[0]!, ''];
  lines.push('| outcome | runs | share |', '|---|---:|---:|');
  for (const o of m.data.outcomes) lines.push(`| ${o.name} | ${s.odds.outcomes[o.id] ?? 0} | ${pct((s.odds.outcomes[o.id] ?? 0) / s.odds.runs)} |`);
  lines.push('');
  lines.push(`- Median day of the end: **${s.odds.endTurn.p50}** (p10 ${s.odds.endTurn.p10}, p90 ${s.odds.endTurn.p90}).`);
  lines.push(`- Peak overall tension: p10 **${s.odds.peakTension.p10}**, p50 **${s.odds.peakTension.p50}**, p90 **${s.odds.peakTension.p90}**.`);
  if (s.checkpoints.length) lines.push(`- ${s.pairLabel} tension, mean over runs: ${s.checkpoints.map((c) => `${c.date} ${c.mean.toFixed(1)}`).join(' → ')}.`);
  if (record && s.followsRecord !== undefined) {
    lines.push(`- Runs whose ${s.pairLabel} tension rose from the start to ${record.rises.map(dayAndMonth).join(' and on to ')}, with no outcome before it: **${pct(s.followsRecord)}**.`);
  }
  const blame = Object.entries(s.odds.blame).sort((a, b) => b[1] - a[1]);
  if (blame.length) lines.push(`- Blamed for the wars: ${blame.map(([a, n]) => `${a} ${n}`).join(', ')}.`);
  lines.push('', `What drives ${s.pairLabel} tension at the end (the ledger's causes, mean points per run):`, '');
  lines.push('| cause | mean points |', '|---|---:|');
  for (const c of s.causes) lines.push(`| ${c.label.replace(/\|/g, '\\|')} | ${c.mean.toFixed(1)} |`);
  lines.push('');
  return lines.join('\n');
}

function main(argv: string[]): number {
  const args = parseArgs(argv, { runs: 'string', check: 'boolean', write: 'string', help: 'boolean' });
  if (args.values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (args.positional.length > 1) throw new UsageError(USAGE);
  const runs = intOption(args, 'runs', DEFAULT_RUNS, 10, 1_000_000);
  const report = args.values.write ?? REPORT;
  if (!/\.md$/i.test(report)) throw new UsageError(`--write writes a Markdown report: give a .md file, got '${report}'`);
  const given = args.positional[0];
  const file = (given ?? featuredFile()).replace(/\\/g, '/');
  const planned = planCalibration(file, diskReader);
  if (!planned.ok) return reportLoadErrors(planned.errors);
  const { plan } = planned;
  const studies: Study[] = [study(plan.base, plan.targets, runs)];
  for (const v of plan.variants) {
    studies.push(study(v, plan.targets, runs));
    process.stderr.write(`${v.file} done\n`);
  }
  const results = checks(plan.targets, studies[0]!, studies.slice(1));
  for (const c of results) process.stdout.write(`${c.ok ? 'ok' : '!!'} ${c.what}\n`);
  if (args.values.check) return results.every((c) => c.ok) ? 0 : 1;
  const doc = [
    '# Calibration',
    '',
    `Generated by \`npm run calibrate${given ? ` -- ${given}` : ''}\` (${runs} seeds per scenario, "1" … "${runs}", observer mode: the AI plays every actor). Do not edit by hand.`,
    '',
    '## Targets',
    '',
    ...results.map((c) => `- ${c.ok ? '✅' : '❌'} ${c.what}`),
    '',
    ...studies.map((s) => section(s, plan)),
  ].join('\n');
  mkdirSync(dirname(report), { recursive: true });
  writeFileSync(report, `${doc}\n`);
  process.stdout.write(`wrote ${report}\n`);
  return results.every((c) => c.ok) ? 0 : 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`calibrate: ${e.message}\n`);
    process.exitCode = 2;
  } else throw e;
}
