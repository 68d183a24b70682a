/**
 * Per-family field validation for distribution specs. Each builder checks its own fields,
 * records every problem through the SpecReader, and constructs the distribution only when all of
 * its fields are valid (so the constructors' own guards never fire on user input).
 */

import { Constant, Exponential, Triangular, Uniform } from './basic-distributions.ts';
import type { Distribution } from './distribution.ts';
import { buildEmpirical, buildTable } from './dist-spec-data.ts';
import { Erlang, Gamma, Weibull } from './gamma-distributions.ts';
import { LogNormal, Normal } from './normal-distributions.ts';
import type { SpecReader } from './spec-reader.ts';
import { Truncated } from './truncated.ts';

/** Canonical family names (aliases are resolved in dist-spec.ts). */
export type FamilyName =
  | 'const' | 'uniform' | 'tri' | 'exp' | 'normal' | 'lognormal'
  | 'erlang' | 'gamma' | 'weibull' | 'empirical' | 'table';

/** Validation context shared by the builders. */
export interface BuildContext {
  /** Label of the time unit when the spec is a duration (e.g. "min"), else undefined. */
  readonly timeUnit: string | undefined;
}

export interface Family {
  /** Parameter fields besides `dist` and `unit`. */
  readonly fields: readonly string[];
  /** Human list of the required fields, e.g. "min, mode and max". */
  readonly needs: string;
  build(r: SpecReader, ctx: BuildContext): Distribution | undefined;
}

/** Below this probability inside [min, max], truncation by rejection is a configuration error. */
const MIN_TRUNCATION_MASS = 1e-3;
/** Erlang phases per sample are capped: each phase costs one random number. */
const MAX_ERLANG_K = 1000;
const TRUNCATION_FIELDS = ['min', 'max'] as const;

function nonNegativeTime(r: SpecReader, ctx: BuildContext, field: string, v: number | undefined): void {
  if (v !== undefined && ctx.timeUnit !== undefined && v < 0) {
    r.error(field, `${field} (${v}) must not be negative: it is a duration in ${ctx.timeUnit}`);
  }
}

function positive(r: SpecReader, field: string, v: number | undefined): void {
  if (v !== undefined && !(v > 0)) r.error(field, `${field} (${v}) must be greater than 0`);
}

function nonNegative(r: SpecReader, field: string, v: number | undefined): void {
  if (v !== undefined && v < 0) r.error(field, `${field} (${v}) must not be negative`);
}

interface HasMass {
  probabilityBetween(a: number, b: number): number;
}

function describeRange(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `between min (${min}) and max (${max})`;
  return min !== undefined ? `at or above min (${min})` : `at or below max (${max})`;
}

/**
 * Reads the optional truncation bounds and wraps `inner` when any is given. `positiveOnly`
 * marks families whose samples are always > 0, for which a max ≤ 0 can never be met.
 */
function withTruncation(
  r: SpecReader,
  ctx: BuildContext,
  name: string,
  inner: Distribution | undefined,
  positiveOnly: boolean,
): Distribution | undefined {
  const before = r.errors.length;
  const min = r.optionalNumber('min');
  const max = r.optionalNumber('max');
  nonNegativeTime(r, ctx, 'min', min);
  nonNegativeTime(r, ctx, 'max', max);
  if (min !== undefined && max !== undefined && !(min < max)) {
    r.error('max', `max (${max}) must be greater than min (${min})`);
  } else if (positiveOnly && max !== undefined && max <= 0) {
    r.error('max', `max (${max}) must be greater than 0: a ${name} distribution only produces positive values`);
  }
  if (inner === undefined || r.errors.length > before) return undefined;
  if (min === undefined && max === undefined) return inner;
  const lo = min ?? -Infinity;
  const hi = max ?? Infinity;
  if (typeof (inner as Partial<HasMass>).probabilityBetween === 'function') {
    const mass = (inner as Distribution & HasMass).probabilityBetween(lo, hi);
    if (!(mass >= MIN_TRUNCATION_MASS)) {
      const share = mass > 0 ? `only ${(mass * 100).toPrecision(2)}%` : 'none';
      r.error(
        undefined,
        `${share} of this ${name} distribution lies ${describeRange(min, max)}, so almost every sample ` +
          'would be rejected; widen the range or check the other parameters',
      );
      return undefined;
    }
  }
  return new Truncated(inner, lo, hi);
}

function buildConst(r: SpecReader, ctx: BuildContext): Distribution | undefined {
  const before = r.errors.length;
  const value = r.number('value');
  nonNegativeTime(r, ctx, 'value', value);
  return value !== undefined && r.errors.length === before ? new Constant(value) : undefined;
}

function buildUniform(r: SpecReader, ctx: BuildContext): Distribution | undefined {
  const before = r.errors.length;
  const min = r.number('min');
  const max = r.number('max');
  nonNegativeTime(r, ctx, 'min', min);
  nonNegativeTime(r, ctx, 'max', max);
  if (min !== undefined && max !== undefined && min > max) {
    r.error('max', `max (${max}) must not be less than min (${min})`);
  }
  return min !== undefined && max !== undefined && r.errors.length === before ? new Uniform(min, max) : undefined;
}

function buildTri(r: SpecReader, ctx: BuildContext): Distribution | undefined {
  const before = r.errors.length;
  const min = r.number('min');
  const mode = r.number('mode');
  const max = r.number('max');
  nonNegativeTime(r, ctx, 'min', min);
  nonNegativeTime(r, ctx, 'mode', mode);
  nonNegativeTime(r, ctx, 'max', max);
  if (min !== undefined && max !== undefined && min > max) {
    r.error('max', `max (${max}) must not be less than min (${min})`);
  } else if (min !== undefined && mode !== undefined && max !== undefined && (mode < min || mode > max)) {
    r.error('mode', `mode (${mode}) must lie between min (${min}) and max (${max})`);
  }
  if (min === undefined || mode === undefined || max === undefined || r.errors.length > before) return undefined;
  return new Triangular(min, mode, max);
}

function buildExp(r: SpecReader, ctx: BuildContext): Distribution | undefined {
  const before = r.errors.length;
  const mean = r.number('mean');
  positive(r, 'mean', mean);
  const inner = mean !== undefined && r.errors.length === before ? new Exponential(mean) : undefined;
  return withTruncation(r, ctx, 'exp', inner, true);
}

function buildNormal(r: SpecReader, ctx: BuildContext): Distribution | undefined {
  const before = r.errors.length;
  const mean = r.number('mean');
  const sd = r.number('sd');
  nonNegativeTime(r, ctx, 'mean', mean);
  nonNegative(r, 'sd', sd);
  const ok = mean !== undefined && sd !== undefined && r.errors.length === before;
  return withTruncation(r, ctx, 'normal', ok ? new Normal(mean, sd) : undefined, false);
}

function buildLognormal(r: SpecReader, ctx: BuildContext): Distribution | undefined {
  const before = r.errors.length;
  const mean = r.number('mean');
  const sd = r.number('sd');
  positive(r, 'mean', mean);
  nonNegative(r, 'sd', sd);
  const ok = mean !== undefined && sd !== undefined && r.errors.length === before;
  return withTruncation(r, ctx, 'lognormal', ok ? new LogNormal(mean, sd) : undefined, true);
}

function buildErlang(r: SpecReader, ctx: BuildContext): Distribution | undefined {
  const before = r.errors.length;
  const k = r.number('k');
  const mean = r.number('mean');
  if (k !== undefined && !(Number.isInteger(k) && k >= 1 && k <= MAX_ERLANG_K)) {
    r.error('k', `k (${k}) must be a whole number of phases from 1 to ${MAX_ERLANG_K}`);
  }
  positive(r, 'mean', mean);
  const ok = k !== undefined && mean !== undefined && r.errors.length === before;
  return withTruncation(r, ctx, 'erlang', ok ? new Erlang(k, mean) : undefined, true);
}

function shapeScale(
  make: (shape: number, scale: number) => Distribution,
  name: string,
): (r: SpecReader, ctx: BuildContext) => Distribution | undefined {
  return (r, ctx) => {
    const before = r.errors.length;
    const shape = r.number('shape');
    const scale = r.number('scale');
    positive(r, 'shape', shape);
    positive(r, 'scale', scale);
    const ok = shape !== undefined && scale !== undefined && r.errors.length === before;
    return withTruncation(r, ctx, name, ok ? make(shape, scale) : undefined, true);
  };
}

export const FAMILIES: ReadonlyMap<FamilyName, Family> = new Map<FamilyName, Family>([
  ['const', { fields: ['value'], needs: 'value', build: buildConst }],
  ['uniform', { fields: ['min', 'max'], needs: 'min and max', build: buildUniform }],
  ['tri', { fields: ['min', 'mode', 'max'], needs: 'min, mode and max', build: buildTri }],
  ['exp', { fields: ['mean', ...TRUNCATION_FIELDS], needs: 'mean', build: buildExp }],
  ['normal', { fields: ['mean', 'sd', ...TRUNCATION_FIELDS], needs: 'mean and sd', build: buildNormal }],
  ['lognormal', { fields: ['mean', 'sd', ...TRUNCATION_FIELDS], needs: 'mean and sd', build: buildLognormal }],
  ['erlang', { fields: ['k', 'mean', ...TRUNCATION_FIELDS], needs: 'k and mean', build: buildErlang }],
  ['gamma', { fields: ['shape', 'scale', ...TRUNCATION_FIELDS], needs: 'shape and scale', build: shapeScale((a, b) => new Gamma(a, b), 'gamma') }],
  ['weibull', { fields: ['shape', 'scale', ...TRUNCATION_FIELDS], needs: 'shape and scale', build: shapeScale((a, b) => new Weibull(a, b), 'weibull') }],
  ['empirical', { fields: ['values', 'weights'], needs: 'values (weights are optional)', build: buildEmpirical }],
  ['table', { fields: ['points'], needs: 'points', build: buildTable }],
]);
