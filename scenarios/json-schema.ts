/**
 * The published JSON Schema of scenario files, generated from the zod schema so that it never
 * disagrees with validation. Editors use it through each file's `$schema`; it describes what
 * people write (defaults may be omitted), while `validateScenario` adds the rules a JSON Schema
 * cannot express (shares adding up to 1, geometry, distribution parameters).
 */

import { z } from 'zod';
import { acceptDurationSpec, acceptLengthSpec, distSpecJsonSchema } from './zod/dist-spec.ts';
import { scenarioSchema } from './zod/scenario.ts';

/** Where the committed schema lives, relative to the repository root. */
export const JSON_SCHEMA_FILE = 'scenarios/schema/scenario.schema.json';

/** The JSON Schema (draft-07) of a scenario file. */
export function buildJsonSchema(): Record<string, unknown> {
  const duration = distSpecJsonSchema('duration');
  const length = distSpecJsonSchema('length');
  const schema = z.toJSONSchema(scenarioSchema, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: (ctx) => {
      const fn = (ctx.zodSchema._zod.def as { fn?: unknown }).fn;
      if (fn === acceptDurationSpec) return structuredClone(duration);
      if (fn === acceptLengthSpec) return structuredClone(length);
      return undefined;
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return { $schema, title: 'Crossing Twin scenario', ...rest };
}

/** The file's text: two-space JSON with a final newline. */
export function jsonSchemaText(): string {
  return `${JSON.stringify(buildJsonSchema(), null, 2)}\n`;
}
