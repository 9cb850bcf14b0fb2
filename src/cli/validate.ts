// `npm run -s validate -- <file>...`: checks scenario files. Exit 0 when all are valid; otherwise every
// error as `file:line:col path: message — hint` on stderr and exit 1. Never a stack trace for a bad file.
import { loadFromDisk } from './files';
import { formatError } from '../sim/index';
import { exitQuietlyOnClosedPipe } from './pipe';

exitQuietlyOnClosedPipe();

function main(files: string[]): number {
  if (files.length === 0) {
    process.stderr.write('usage: npm run -s validate -- <scenario.yaml|json>...\n');
    return 2;
  }
  let bad = 0;
  for (const file of files) {
    const r = loadFromDisk(file);
    if (r.ok) {
      const d = r.scenario.data;
      process.stdout.write(`${file}: ok — ${d.meta.title}: ${d.actors.length} actors, ${d.actions.length} actions, ${d.events.length} events, ${d.outcomes.length} outcomes (hash ${r.scenario.hash})\n`);
    } else {
      bad++;
      for (const e of r.errors) process.stderr.write(`${formatError(e)}\n`);
    }
  }
  if (bad) process.stderr.write(`${bad} of ${files.length} file${files.length === 1 ? '' : 's'} invalid\n`);
  return bad ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
