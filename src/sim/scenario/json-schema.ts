// The editor's JSON Schema, generated from the zod schema: a full scenario, or (when the file has
// `extends`) a variant where every field is optional and list entries may carry `$remove: true`.
import { z } from 'zod';
import { ScenarioSchema } from './schema';

type JsonObject = { [k: string]: unknown };

/** A copy of a schema with no required fields, where entries with an id may be removed. */
function relax(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(relax);
  if (!node || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node as JsonObject)) {
    if (k === 'required') continue;
    out[k] = relax(v);
  }
  const props = out.properties as JsonObject | undefined;
  if (props && 'id' in props) {
    props.$remove = { type: 'boolean', const: true, description: 'In a variant: removes the base entry with this id.' };
  }
  return out;
}

export function scenarioJsonSchema(): JsonObject {
  const full = z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonObject;
  const { $schema, $defs, ...body } = full;
  const fullProps = { ...(body.properties as JsonObject) };
  const variantBody = relax(body) as JsonObject;
  (variantBody.properties as JsonObject).extends = {
    type: 'string',
    description: 'The base scenario file this variant changes, relative to this file (e.g. ./allied-resolve-2022.yaml).',
  };
  return {
    $schema,
    title: 'Brink scenario',
    description: 'A Brink scenario (see docs/scenario-format.md), or a variant of one that names its base in extends.',
    $defs: { ...(($defs as JsonObject) ?? {}), variant: relax({ ...variantBody, $defs: undefined }) },
    if: { required: ['extends'] },
    then: { $ref: '#/$defs/variant' },
    else: { ...body, properties: fullProps },
  };
}
