// `npm run -s validate -- <file>...`: checks scenario files. Exit 0 when all are valid; otherwise every
// error as `file:line:col path: message — hint` on stderr and exit 1. Never a stack trace for a bad file.
// With --lint, a valid file is also played (sim/scenario/lint.ts): each warning on stderr in the same form,
// the ones the file acknowledges (lint.allow) with their reasons on stdout. Warnings do not fail validation.
import { diskReader, loadFromDisk } from './files';
import { formatError, lintFile, type LintReport } from '../sim/index';
import { exitQuietlyOnClosedPipe } from './pipe';

exitQuietlyOnClosedPipe();

/** The linter's summary line: the warnings, and the games they come from. */
function lintSummary(file: string, r: LintReport): string {
  const n = r.warnings.length;
  const acks = r.acknowledged.length ? `, ${r.acknowledged.length} acknowledged in lint.allow` : '';
  const skipped = r.cardsSkipped.length ? `; cards not checked for ${r.cardsSkipped.map((s) => `${s.role} (the AI in its seat loses ${Math.round(s.share * 100)}% already)`).join(', ')}` : '';
  const pub = r.publicEvent ? `; the crisis is public from the event '${r.publicEvent.id}'` : '';
  return `${file}: lint — ${n} warning${n === 1 ? '' : 's'}${acks} (${r.observerGames} observer games on seeds 1–${r.observerGames}; the card check: ${r.cardGames} games, at most ${r.cardSeeds} seeds per card, fewer once a card cannot reach a 95% loss share${skipped}${pub})\n`;
}

function main(files: string[], lint: boolean): number {
  if (files.length === 0) {
    process.stderr.write('usage: npm run -s validate -- [--lint] <scenario.yaml|json>...\n');
    return 2;
  }
  let bad = 0;
  for (const file of files) {
    const linted = lint ? lintFile(file.replace(/\\/g, '/'), diskReader) : undefined;
    const r = linted ?? loadFromDisk(file);
    if (r.ok) {
      const d = r.scenario.data;
      process.stdout.write(`${file}: ok — ${d.meta.title}: ${d.actors.length} actors, ${d.actions.length} actions, ${d.events.length} events, ${d.outcomes.length} outcomes (hash ${r.scenario.hash})\n`);
      if (linted?.ok) {
        const report = linted.report;
        for (const w of report.warnings) process.stderr.write(`${formatError(w)}\n`);
        for (const a of report.acknowledged) process.stdout.write(`${a.warning.file}:${a.warning.line}:${a.warning.column} ${a.warning.path}: acknowledged [${a.warning.rule}] — ${a.reason}\n`);
        process.stdout.write(lintSummary(file, report));
      }
    } else {
      bad++;
      for (const e of r.errors) process.stderr.write(`${formatError(e)}\n`);
    }
  }
  if (bad) process.stderr.write(`${bad} of ${files.length} file${files.length === 1 ? '' : 's'} invalid\n`);
  return bad ? 1 : 0;
}

const argv = process.argv.slice(2);
process.exitCode = main(argv.filter((a) => a !== '--lint'), argv.includes('--lint'));
