/**
 * Parser for the JSON distribution specs used in scenario files, e.g.
 * `{ "dist": "tri", "min": 6, "mode": 15, "max": 30, "unit": "s" }`.
 *
 * It never throws on bad input: it returns every problem at once, each with the JSON path of
 * the offending field and a sentence a planner can act on, so a scenario can be fixed in one
 * pass instead of one error per run.
 */

import { Constant } from './basic-distributions.ts';
import { FAMILIES } from './dist-spec-families.ts';
import type { FamilyName } from './dist-spec-families.ts';
import { childPath, describeValue, didYouMean, listWords, SpecReader } from './spec-reader.ts';
import type { SpecError } from './spec-reader.ts';
import { isTimeUnit, TIME_UNITS, TimedDistribution } from './timed-distribution.ts';
import type { TimeUnit } from './timed-distribution.ts';

/** Options for {@link parseDistSpec}. */
export interface DistSpecOptions {
  /**
   * Unit assumed when the spec has no `unit`. Also enables bare numbers, which then mean a
   * constant in this unit.
   */
  readonly defaultUnit?: TimeUnit;
  /** Reject specs that end up without a unit (a duration must say what it counts). */
  readonly requireUnit?: boolean;
}

/** Outcome of {@link parseDistSpec}: the distribution, or every problem found. */
export type DistSpecResult =
  | { readonly ok: true; readonly value: TimedDistribution }
  | { readonly ok: false; readonly errors: SpecError[] };

/** Accepted `dist` names, canonical first, each mapped to its family. */
const DIST_NAMES: ReadonlyMap<string, FamilyName> = new Map<string, FamilyName>([
  ['const', 'const'],
  ['constant', 'const'],
  ['uniform', 'uniform'],
  ['unif', 'uniform'],
  ['tri', 'tri'],
  ['triangular', 'tri'],
  ['exp', 'exp'],
  ['exponential', 'exp'],
  ['normal', 'normal'],
  ['lognormal', 'lognormal'],
  ['erlang', 'erlang'],
  ['gamma', 'gamma'],
  ['weibull', 'weibull'],
  ['empirical', 'empirical'],
  ['table', 'table'],
]);

const KNOWN_DISTS =
  'const (or constant), uniform (or unif), tri (or triangular), exp (or exponential), ' +
  'normal, lognormal, erlang, gamma, weibull, empirical and table';

const EXAMPLE = '{ "dist": "tri", "min": 6, "mode": 15, "max": 30, "unit": "s" }';

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/**
 * Resolves the spec's unit: its own `unit` field, else the default. `timeLabel` is set whenever
 * the spec is meant to be a duration, even if its unit is misspelt, so that negative-time checks
 * still run and all errors surface together.
 */
function readUnit(
  obj: Readonly<Record<string, unknown>>,
  path: string,
  opts: DistSpecOptions,
  errors: SpecError[],
): { unit: TimeUnit | undefined; timeLabel: string | undefined } {
  const unitPath = childPath(path, 'unit');
  const known = listWords([...TIME_UNITS]);
  if (!Object.hasOwn(obj, 'unit')) {
    if (opts.defaultUnit !== undefined) return { unit: opts.defaultUnit, timeLabel: opts.defaultUnit };
    if (opts.requireUnit === true) {
      errors.push({ path: unitPath, message: `unit is missing; a duration needs one of ${known}` });
      return { unit: undefined, timeLabel: 'time' };
    }
    return { unit: undefined, timeLabel: undefined };
  }
  const raw = obj['unit'];
  if (isTimeUnit(raw)) return { unit: raw, timeLabel: raw };
  if (typeof raw === 'string') {
    errors.push({ path: unitPath, message: `unknown unit ${JSON.stringify(raw)}; known units are ${known}${didYouMean(raw, TIME_UNITS)}` });
  } else {
    errors.push({ path: unitPath, message: `unit must be one of ${known}, got ${describeValue(raw)}` });
  }
  return { unit: undefined, timeLabel: 'time' };
}

/**
 * Parses one distribution spec.
 *
 * @param spec  the JSON value (object; or a bare number when `opts.defaultUnit` is given)
 * @param path  JSON path of `spec` itself, e.g. `$.customs.yellow.check`; error paths extend it
 * @param opts  default unit / unit requirement
 * @returns the {@link TimedDistribution}, or all problems found
 */
export function parseDistSpec(spec: unknown, path: string, opts: DistSpecOptions = {}): DistSpecResult {
  const errors: SpecError[] = [];

  if (typeof spec === 'number') {
    if (opts.defaultUnit === undefined) {
      errors.push({
        path,
        message: `a bare number (${spec}) is only allowed where a default unit applies; write { "dist": "const", "value": ${spec}, "unit": "…" }`,
      });
    } else if (!Number.isFinite(spec)) {
      errors.push({ path, message: `value must be a finite number, got ${spec}` });
    } else if (spec < 0) {
      errors.push({ path, message: `value (${spec}) must not be negative: it is a duration in ${opts.defaultUnit}` });
    } else {
      return { ok: true, value: new TimedDistribution(new Constant(spec), opts.defaultUnit) };
    }
    return { ok: false, errors };
  }

  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    errors.push({ path, message: `expected a distribution such as ${EXAMPLE}, got ${describeValue(spec)}` });
    return { ok: false, errors };
  }

  const obj = spec as Readonly<Record<string, unknown>>;

  const distPath = childPath(path, 'dist');
  const rawName = Object.hasOwn(obj, 'dist') ? obj['dist'] : undefined;
  const family = typeof rawName === 'string' ? DIST_NAMES.get(rawName) : undefined;
  if (rawName === undefined) {
    errors.push({ path: distPath, message: `dist is missing; choose one of ${KNOWN_DISTS}` });
  } else if (typeof rawName !== 'string') {
    errors.push({ path: distPath, message: `dist must be a distribution name such as "tri", got ${describeValue(rawName)}` });
  } else if (family === undefined) {
    const hint = didYouMean(rawName, [...DIST_NAMES.keys()]);
    errors.push({ path: distPath, message: `unknown distribution ${JSON.stringify(rawName)}; known distributions are ${KNOWN_DISTS}${hint}` });
  }

  const { unit, timeLabel } = readUnit(obj, path, opts, errors);

  let built: TimedDistribution | undefined;
  const def = family === undefined ? undefined : FAMILIES.get(family);
  if (def !== undefined && typeof rawName === 'string') {
    const needs = `${article(rawName)} ${rawName} distribution needs ${def.needs}`;
    const reader = new SpecReader(obj, path, errors, needs);
    const dist = def.build(reader, { timeUnit: timeLabel });

    const allowed = ['dist', ...def.fields, 'unit'];
    for (const key of Object.keys(obj)) {
      if (allowed.includes(key)) continue;
      errors.push({
        path: childPath(path, key),
        message: `unknown field ${JSON.stringify(key)} for ${article(rawName)} ${rawName} distribution; allowed fields are ${listWords(allowed)}${didYouMean(key, allowed)}`,
      });
    }
    if (dist !== undefined) built = new TimedDistribution(dist, unit);
  }

  if (built !== undefined && errors.length === 0) return { ok: true, value: built };
  // Unreachable in practice (builders only fail with an error recorded), but never report
  // failure without a reason.
  if (errors.length === 0) errors.push({ path, message: 'this distribution could not be built' });
  return { ok: false, errors };
}
