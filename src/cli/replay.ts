// `npm run -s replay -- <replay.json> [--scenario FILE]`: verifies a replay against its scenario (found in
// scenarios/ by id unless given). Exit 0 with a summary when it holds; 1 naming the first day that
// diverged; 2 with a clear message when the file is not a replay (or its scenario cannot be found).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseReplay, verifyReplay, formatError, type Scenario } from '../sim/index';
import { loadFromDisk } from './files';
import { parseArgs, UsageError } from './args';
import { exitQuietlyOnClosedPipe } from './pipe';

exitQuietlyOnClosedPipe();

function findScenario(id: string, dir = 'scenarios'): Scenario | string {
  for (const f of readdirSync(dir).filter((x) => /\.(ya?ml|json)$/.test(x) && x !== 'scenario.schema.json')) {
    const r = loadFromDisk(`${dir}/${f}`);
    if (r.ok && r.scenario.data.meta.id === id) return r.scenario;
  }
  return `no scenario with id '${id}' in ${dir}/ (give one with --scenario FILE)`;
}

function main(argv: string[]): number {
  const args = parseArgs(argv, { scenario: 'string' });
  const file = args.positional[0];
  if (!file || args.positional.length > 1) throw new UsageError('usage: npm run -s replay -- <replay.json> [--scenario FILE]');
  if (!existsSync(file)) {
    process.stderr.write(`${file}: file not found\n`);
    return 2;
  }
  const read = parseReplay(readFileSync(file, 'utf8'));
  if (!read.ok) {
    process.stderr.write(`${file}: ${read.error}\n`);
    return 2;
  }
  const replay = read.replay;
  let scenario: Scenario;
  const given = args.values.scenario;
  if (given) {
    const r = loadFromDisk(given);
    if (!r.ok) {
      for (const e of r.errors) process.stderr.write(`${formatError(e)}\n`);
      return 2;
    }
    scenario = r.scenario;
  } else {
    const found = findScenario(replay.scenario.id);
    if (typeof found === 'string') {
      process.stderr.write(`${file}: ${found}\n`);
      return 2;
    }
    scenario = found;
  }
  const v = verifyReplay(scenario, replay);
  const orders = Object.keys(replay.orders).length;
  if (!v.ok) {
    process.stderr.write(`${file}: diverges${v.divergedAt !== null ? ` on day ${v.divergedAt}` : ''}: ${v.reason}\n`);
    return 1;
  }
  const o = replay.outcome;
  process.stdout.write(
    `${file}: holds — ${scenario.data.meta.title}, seed ${replay.seed}, role ${replay.role}, ${replay.checkpoints.length} days, ${orders} order${orders === 1 ? '' : 's'}; ` +
      `${o ? `outcome ${o.id} on day ${o.turn}` : 'no outcome yet'}; every checkpoint matches${v.reason ? ` (note: ${v.reason})` : ''}\n`,
  );
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`replay: ${e.message}\n`);
    process.exitCode = 2;
  } else throw e;
}
