// `npm run schema`: writes scenarios/scenario.schema.json (for editors: `# yaml-language-server:
// $schema=./scenario.schema.json`) and docs/scenario-fields.md (the field reference) from the zod schema.
// `--check` exits 1 if either is stale.
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { scenarioJsonSchema, fieldReference } from '../sim/index';
import { exitQuietlyOnClosedPipe } from './pipe';

exitQuietlyOnClosedPipe();

export const SCHEMA_PATH = 'scenarios/scenario.schema.json';
export const FIELDS_PATH = 'docs/scenario-fields.md';

const outputs: [string, string][] = [
  [SCHEMA_PATH, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`],
  [FIELDS_PATH, fieldReference()],
];

const check = process.argv.includes('--check');
let stale = 0;
for (const [path, text] of outputs) {
  if (check) {
    const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (current !== text) {
      process.stderr.write(`${path} is stale: run npm run schema\n`);
      stale++;
    } else process.stdout.write(`${path} is up to date\n`);
  } else {
    mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true });
    writeFileSync(path, text);
    process.stdout.write(`wrote ${path} (${text.length} bytes)\n`);
  }
}
process.exitCode = stale ? 1 : 0;
