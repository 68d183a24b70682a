/**
 * Building blocks of the scenario schema: ids, labels, points, shares, counts, failures.
 *
 * Every field gets a one-line `.describe()`: it lands in the JSON Schema (editor tooltips) and in
 * "is missing" messages. Objects are strict, so a misspelt field is an error, never ignored.
 */

import { z } from 'zod';
import type { ChannelShares, FailureSpec, LocalizedText, Point } from '../../sim-core/src/model/scenario.ts';
import { durationSpec, meanOf } from './dist-spec.ts';
import type { Agree, Expect } from './type-agreement.ts';

/** Tolerance for shares that must add up to 1. */
export const SUM_TOLERANCE = 1e-9;

/** Lower-case kebab-case id such as `vn-transfer-yard`. */
export const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'must be lower-case letters and digits joined by single hyphens, such as "vn-export-storage"' });

export const localizedText = z
  .strictObject({
    vi: z.string().min(1).describe('Vietnamese (tiếng Việt)'),
    en: z.string().min(1).describe('English'),
    zh: z.string().min(1).describe('Chinese (中文)'),
  })
  .describe('text in Vietnamese, English and Chinese');

export const point = z.tuple([z.number().describe('x east, metres'), z.number().describe('y north, metres')]).describe('a point [x, y]: metres east and north of the grid origin');

/** A fraction in [0, 1]. */
export function share(description: string): z.ZodNumber {
  return z.number().min(0).max(1).describe(description);
}

/** A whole number ≥ `min`. */
export function count(description: string, min = 0): z.ZodNumber {
  return z.number().int().min(min).describe(description);
}

/** A number > 0. */
export function positive(description: string): z.ZodNumber {
  return z.number().positive().describe(description);
}

/** A number ≥ 0. */
export function nonNegative(description: string): z.ZodNumber {
  return z.number().min(0).describe(description);
}

/** `green, yellow and red shares must add up to 1, but ...`; undefined when they do. */
export function sharesSumMessage(names: readonly string[], values: readonly number[]): string | undefined {
  const sum = values.reduce((s, v) => s + v, 0);
  if (Math.abs(sum - 1) <= SUM_TOLERANCE) return undefined;
  const list = names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
  return `${list} shares must add up to 1, but they add up to ${Number(sum.toPrecision(12))} (${values.join(' + ')})`;
}

export const channelShares = z
  .strictObject({
    green: share('share released without checks (luồng xanh)'),
    yellow: share('share with a document check (luồng vàng)'),
    red: share('share with documents and goods checked, by scanner or opening (luồng đỏ)'),
  })
  .superRefine((c, ctx) => {
    const message = sharesSumMessage(['green', 'yellow', 'red'], [c.green, c.yellow, c.red]);
    if (message !== undefined) ctx.addIssue({ code: 'custom', message });
  })
  .describe('selectivity channel shares; they add up to 1');

/** MTBF and MTTR of one unit; an MTBF with a mean of 0 (failing continuously) is an error. */
export const failureSpec = z
  .strictObject({
    mtbf: durationSpec.describe('operating time between failures of one unit'),
    mttr: durationSpec.describe('time to repair one unit; its work waits, nothing is lost'),
  })
  .superRefine((f, ctx) => {
    const mean = meanOf(f.mtbf);
    if (mean !== undefined && !(mean > 0)) {
      ctx.addIssue({ code: 'custom', path: ['mtbf'], message: `mtbf has a mean of ${mean} ${f.mtbf.unit}: the unit would fail again at once; give a positive mean time between failures` });
    }
  })
  .describe('failures of each unit on its own, as MTBF and MTTR distributions');

/** `{ strategy, params? }` of one controller, defaulting to its first known strategy. */
export function controlSpec<const S extends readonly [string, ...string[]]>(controller: string, names: S, description: string) {
  return z
    .strictObject({
      strategy: z.enum(names).describe(`strategy of the ${controller} controller: ${names.join(', ')}`),
      params: z.record(z.string(), z.unknown()).describe('parameters of the strategy (documented by the strategy)').exactOptional(),
    })
    .default({ strategy: names[0] })
    .describe(description);
}

// Compile-time agreement with the sim-core types (both directions).
export type CommonTypesAgree = [
  Expect<Agree<z.output<typeof localizedText>, LocalizedText>>,
  Expect<Agree<z.output<typeof point>, Point>>,
  Expect<Agree<z.output<typeof channelShares>, ChannelShares>>,
  Expect<Agree<z.output<typeof failureSpec>, FailureSpec>>,
];
