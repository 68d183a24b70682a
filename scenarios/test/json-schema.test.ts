import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildJsonSchema, JSON_SCHEMA_FILE, jsonSchemaText } from '../json-schema.ts';

const committed = resolve(import.meta.dirname, '..', '..', JSON_SCHEMA_FILE);

type Node = { [key: string]: unknown };

/** Every object property of the schema, with its path, outside the distribution-spec definitions. */
function properties(node: unknown, path: string, out: Array<[string, Node]>): Array<[string, Node]> {
  if (node === null || typeof node !== 'object') return out;
  const n = node as Node;
  if (n['properties'] !== undefined && typeof n['properties'] === 'object') {
    for (const [k, v] of Object.entries(n['properties'] as Node)) {
      out.push([`${path}.${k}`, v as Node]);
      properties(v, `${path}.${k}`, out);
    }
  }
  for (const key of ['items', 'anyOf', 'oneOf', 'allOf', 'additionalProperties']) {
    const v = n[key];
    if (Array.isArray(v)) v.forEach((x, i) => properties(x, `${path}.${key}[${i}]`, out));
    else if (v !== undefined && typeof v === 'object') properties(v, `${path}.${key}`, out);
  }
  return out;
}

describe('JSON Schema', () => {
  it('the committed scenario.schema.json is what `npm run schema` generates now', () => {
    expect(readFileSync(committed, 'utf8'), 'run `npm run schema` and commit scenarios/schema/scenario.schema.json').toBe(jsonSchemaText());
  });

  it('every scenario field carries a description for editor tooltips', () => {
    const { definitions: _defs, ...scenario } = buildJsonSchema();
    const undocumented = properties(scenario, '$', [])
      .filter(([, v]) => typeof v['description'] !== 'string')
      .map(([p]) => p);
    expect(undocumented).toEqual([]);
  });

  it('distribution specs appear once, as shared definitions with every family and time unit', () => {
    const schema = buildJsonSchema() as { definitions: Record<string, { anyOf: Array<{ properties: Record<string, { enum?: string[] }> }> }> };
    const duration = schema.definitions['DurationSpec']!;
    const dists = duration.anyOf.flatMap((f) => f.properties['dist']?.enum ?? []);
    expect(dists).toEqual(expect.arrayContaining(['tri', 'uniform', 'exp', 'normal', 'lognormal', 'erlang', 'gamma', 'weibull', 'empirical', 'table', 'const']));
    expect(duration.anyOf[0]!.properties['unit']?.enum).toEqual(['ms', 's', 'min', 'h', 'd']);
    expect(schema.definitions['LengthSpec']!.anyOf[0]!.properties['unit']).toBeUndefined();
  });
});
