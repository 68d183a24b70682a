/**
 * Distribution specs inside the scenario schema.
 *
 * Validation is sim-core's `parseDistSpec`, the parser the model itself uses, so a spec that
 * validates here is a spec the model can build, and its messages (with sub-paths such as
 * `.mode`) are the ones a planner sees. zod only carries the TypeScript type; the JSON Schema
 * for editors comes from the family shapes below (see `distSpecJsonSchema`).
 */

import { z } from 'zod';
import type { Agree, Expect } from './type-agreement.ts';
import type { DurationSpec, LengthSpec } from '../../sim-core/src/model/scenario.ts';
import { parseDistSpec } from '../../sim-core/src/random/dist-spec.ts';

/** Issue params of a distribution problem: the JSON-path suffix inside the spec (e.g. `.mode`). */
export interface DistIssueParams {
  distSubPath: string;
}

type RefineCtx = z.core.$RefinementCtx<unknown>;

/** A spec that is absent altogether is "missing", like any other required field. */
function missing(value: unknown, ctx: RefineCtx): boolean {
  if (value !== undefined) return false;
  ctx.addIssue({ code: 'invalid_type', expected: 'object', input: value });
  return true;
}

function report(ctx: RefineCtx, errors: ReadonlyArray<{ path: string; message: string }>): void {
  for (const e of errors) {
    // parseDistSpec was given the base path '$'; what follows it is the path inside the spec.
    const params: DistIssueParams = { distSubPath: e.path.slice(1) };
    ctx.addIssue({ code: 'custom', message: e.message, params });
  }
}

// Distinct accept-all functions: the JSON Schema generator recognises each kind by its function.
export const acceptDurationSpec = (_value: unknown): boolean => true;
export const acceptLengthSpec = (_value: unknown): boolean => true;

/** A random duration with a time unit, checked by parseDistSpec. */
export const durationSpec = z
  .custom<DurationSpec>(acceptDurationSpec)
  .superRefine((value, ctx) => {
    if (missing(value, ctx)) return;
    const r = parseDistSpec(value, '$', { requireUnit: true });
    if (!r.ok) report(ctx, r.errors);
  })
  .meta({ id: 'DurationSpec', description: 'a random duration, e.g. { "dist": "tri", "min": 6, "mode": 15, "max": 30, "unit": "s" }' });

/** A random distance in metres (no unit), checked by parseDistSpec. */
export const lengthSpec = z
  .custom<LengthSpec>(acceptLengthSpec)
  .superRefine((value, ctx) => {
    if (missing(value, ctx)) return;
    const errors: Array<{ path: string; message: string }> = [];
    const r = parseDistSpec(value, '$');
    if (!r.ok) errors.push(...r.errors.filter((e) => e.path !== '$.unit'));
    if (value !== null && typeof value === 'object' && Object.hasOwn(value, 'unit')) {
      errors.push({ path: '$.unit', message: 'a distance is in metres and takes no unit; remove "unit"' });
    }
    report(ctx, errors);
  })
  .meta({ id: 'LengthSpec', description: 'a random distance in metres, e.g. { "dist": "uniform", "min": 0, "max": 120 }' });

/** Mean of a valid spec in its own unit, or undefined when it does not parse. */
export function meanOf(spec: DurationSpec | LengthSpec): number | undefined {
  const r = parseDistSpec(spec, '$');
  return r.ok ? r.value.mean() : undefined;
}

// ---------------------------------------------------------------------------------------------
// Family shapes: the JSON Schema editors see, and a compile-time check of the sim-core types.
// ---------------------------------------------------------------------------------------------

const num = (d: string): z.ZodNumber => z.number().describe(d);
const bounds = {
  min: num('truncate below this value').exactOptional(),
  max: num('truncate above this value').exactOptional(),
};

const families = [
  z.strictObject({ dist: z.enum(['const', 'constant']), value: num('the constant value') }),
  z.strictObject({ dist: z.enum(['uniform', 'unif']), min: num('lowest value'), max: num('highest value') }),
  z.strictObject({ dist: z.enum(['tri', 'triangular']), min: num('lowest value'), mode: num('most likely value'), max: num('highest value') }),
  z.strictObject({ dist: z.enum(['exp', 'exponential']), mean: num('mean'), ...bounds }),
  z.strictObject({ dist: z.enum(['normal', 'lognormal']), mean: num('mean'), sd: num('standard deviation'), ...bounds }),
  z.strictObject({ dist: z.enum(['erlang']), k: num('number of phases'), mean: num('mean'), ...bounds }),
  z.strictObject({ dist: z.enum(['gamma', 'weibull']), shape: num('shape'), scale: num('scale'), ...bounds }),
  z.strictObject({ dist: z.enum(['empirical']), values: z.array(z.number()).describe('possible values'), weights: z.array(z.number()).describe('relative weight of each value').exactOptional() }),
  z.strictObject({ dist: z.enum(['table']), points: z.array(z.tuple([z.number(), z.number()])).describe('[value, cumulative probability] pairs') }),
] as const;

const unit = z.enum(['ms', 's', 'min', 'h', 'd']).describe('time unit of every parameter');

const lengthFamilies = z.union(families);
const durationFamilies = z.union(families.map((f) => f.extend({ unit })));

/** JSON Schema (draft-07) of a duration or a length spec, for the generator. */
export function distSpecJsonSchema(kind: 'duration' | 'length'): Record<string, unknown> {
  const schema = kind === 'duration' ? durationFamilies : lengthFamilies;
  const { $schema: _drop, ...json } = z.toJSONSchema(schema, { target: 'draft-07' }) as Record<string, unknown>;
  return json;
}

export type DistSpecTypesAgree = [
  Expect<Agree<z.output<typeof lengthFamilies>, LengthSpec>>,
  Expect<Agree<z.output<typeof durationFamilies>, DurationSpec>>,
  Expect<Agree<z.output<typeof durationSpec>, DurationSpec>>,
];
