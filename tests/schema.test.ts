// The editor schema: scenarios/scenario.schema.json matches the zod schema (run `npm run schema` when
// this fails), every field is described, and every bundled scenario validates.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../src/sim/scenario/json-schema';
import { fieldReference } from '../src/sim/scenario/field-docs';
import { loadScenario } from '../src/sim/index';
import { diskReader } from '../src/cli/files';

describe('scenario JSON Schema', () => {
  it('is up to date with the zod schema (run npm run schema)', () => {
    const onDisk = readFileSync('scenarios/scenario.schema.json', 'utf8');
    expect(onDisk).toBe(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  });

  it('has an up-to-date field reference in docs/scenario-fields.md (run npm run schema)', () => {
    expect(readFileSync('docs/scenario-fields.md', 'utf8')).toBe(fieldReference());
  });

  it('describes every property', () => {
    const missing: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${path}[${i}]`));
      const o = node as Record<string, unknown>;
      const props = o.properties as Record<string, Record<string, unknown>> | undefined;
      if (props) {
        for (const [k, v] of Object.entries(props)) {
          const described = typeof v.description === 'string' || (typeof v.$ref === 'string') || Array.isArray(v.anyOf) && (v.anyOf as Record<string, unknown>[]).some((x) => typeof x.description === 'string');
          if (!described) missing.push(`${path}.${k}`);
        }
      }
      for (const [k, v] of Object.entries(o)) visit(v, `${path}.${k}`);
    };
    visit(scenarioJsonSchema().else, 'scenario');
    expect(missing).toEqual([]);
  });
});

describe('bundled scenarios', () => {
  const files = readdirSync('scenarios').filter((f) => /\.(ya?ml|json)$/.test(f) && f !== 'scenario.schema.json');

  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('scenarios/%s validates and points editors at the schema', (f) => {
    const r = loadScenario(`scenarios/${f}`, diskReader);
    if (!r.ok) throw new Error(r.errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.path}: ${e.message}`).join('\n'));
    expect(readFileSync(`scenarios/${f}`, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./scenario.schema.json');
  });
});
