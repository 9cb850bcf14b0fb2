// `npm run schema`: writes scenarios/scenario.schema.json from the zod schema, for editors
// (`# yaml-language-server: $schema=./scenario.schema.json`). `--check` exits 1 if the file is stale.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { scenarioJsonSchema } from '../sim/scenario/json-schema';

export const SCHEMA_PATH = 'scenarios/scenario.schema.json';

export function schemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

const check = process.argv.includes('--check');
const text = schemaText();
if (check) {
  const current = existsSync(SCHEMA_PATH) ? readFileSync(SCHEMA_PATH, 'utf8') : '';
  if (current !== text) {
    process.stderr.write(`${SCHEMA_PATH} is stale: run npm run schema\n`);
    process.exitCode = 1;
  } else process.stdout.write(`${SCHEMA_PATH} is up to date\n`);
} else {
  writeFileSync(SCHEMA_PATH, text);
  process.stdout.write(`wrote ${SCHEMA_PATH} (${text.length} bytes)\n`);
}
