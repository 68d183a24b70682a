/**
 * Spec builders for the data-driven families: `empirical` (weighted discrete values) and
 * `table` (piecewise-linear CDF points). Split from dist-spec-families.ts because list-shaped
 * fields need per-element paths such as `$.x.points[2][1]`.
 */

import type { Distribution } from './distribution.ts';
import type { BuildContext } from './dist-spec-families.ts';
import { EmpiricalDiscrete, EmpiricalTable } from './empirical-distributions.ts';
import { checkNumber, childPath, describeValue } from './spec-reader.ts';
import type { SpecReader } from './spec-reader.ts';

/** Reads a list of finite numbers at `field`; undefined (with errors recorded) if unusable. */
function numberList(r: SpecReader, field: string, required: boolean): number[] | undefined {
  if (!r.has(field)) {
    if (required) r.error(field, `${field} is missing; ${r.needs}`);
    return undefined;
  }
  const raw = r.get(field);
  if (!Array.isArray(raw) || raw.length === 0) {
    r.error(field, `${field} must be a non-empty list of numbers, got ${describeValue(raw)}`);
    return undefined;
  }
  const out: number[] = [];
  let ok = true;
  raw.forEach((item: unknown, i) => {
    const v = checkNumber(item, childPath(childPath(r.path, field), i), `${field}[${i}]`, r.errors);
    if (v === undefined) ok = false;
    else out.push(v);
  });
  return ok ? out : undefined;
}

/** Builds `empirical` from `values` and optional `weights` (equal when omitted; need not sum to 1). */
export function buildEmpirical(r: SpecReader, ctx: BuildContext): Distribution | undefined {
  const before = r.errors.length;
  const values = numberList(r, 'values', true);
  const weights = numberList(r, 'weights', false);
  const valuesPath = childPath(r.path, 'values');
  const weightsPath = childPath(r.path, 'weights');
  values?.forEach((v, i) => {
    if (ctx.timeUnit !== undefined && v < 0) {
      r.errors.push({ path: childPath(valuesPath, i), message: `values[${i}] (${v}) must not be negative: it is a duration in ${ctx.timeUnit}` });
    }
  });
  if (weights !== undefined) {
    weights.forEach((w, i) => {
      if (w < 0) r.errors.push({ path: childPath(weightsPath, i), message: `weights[${i}] (${w}) must not be negative` });
    });
    if (weights.every((w) => w === 0)) {
      r.error('weights', 'weights must not all be zero: at least one value needs a positive weight');
    }
    if (values !== undefined && values.length !== weights.length) {
      r.error('weights', `there are ${values.length} values but ${weights.length} weights; give exactly one weight per value`);
    }
  }
  if (values === undefined || r.errors.length > before) return undefined;
  return new EmpiricalDiscrete(values, weights ?? values.map(() => 1));
}

/** Tolerance for the end probabilities of a table, which planners often compute by hand. */
const TABLE_END_TOLERANCE = 1e-9;

/** Builds `table` from `points`: [x, cumulative probability] pairs, both non-decreasing, 0 to 1. */
export function buildTable(r: SpecReader, ctx: BuildContext): Distribution | undefined {
  if (!r.has('points')) {
    r.error('points', `points is missing; ${r.needs}`);
    return undefined;
  }
  const raw = r.get('points');
  const base = childPath(r.path, 'points');
  if (!Array.isArray(raw) || raw.length < 2) {
    r.error('points', `points must be a list of at least two [x, cumulative probability] pairs, got ${describeValue(raw)}`);
    return undefined;
  }
  const before = r.errors.length;
  const err = (path: string, message: string): void => void r.errors.push({ path, message });
  const points: Array<[number, number]> = [];
  let prevX: number | undefined;
  let prevP: number | undefined;
  raw.forEach((item: unknown, i) => {
    const at = childPath(base, i);
    if (!Array.isArray(item) || item.length !== 2) {
      err(at, `each point must be a pair [x, cumulative probability], got ${describeValue(item)}`);
      prevX = prevP = undefined;
      return;
    }
    const x = checkNumber(item[0], childPath(at, 0), 'x', r.errors);
    let p = checkNumber(item[1], childPath(at, 1), 'cumulative probability', r.errors);
    if (x !== undefined && ctx.timeUnit !== undefined && x < 0) {
      err(childPath(at, 0), `x (${x}) must not be negative: it is a duration in ${ctx.timeUnit}`);
    }
    if (x !== undefined && prevX !== undefined && x < prevX) {
      err(childPath(at, 0), `x (${x}) must not be smaller than the previous point's x (${prevX})`);
    }
    if (p !== undefined) {
      if (i === 0 && Math.abs(p) <= TABLE_END_TOLERANCE) p = 0;
      if (i === raw.length - 1 && Math.abs(p - 1) <= TABLE_END_TOLERANCE) p = 1;
      if (p < 0 || p > 1) {
        err(childPath(at, 1), `cumulative probability (${p}) must lie between 0 and 1`);
      } else if (prevP !== undefined && p < prevP) {
        err(childPath(at, 1), `cumulative probability (${p}) must not be smaller than the previous point's (${prevP})`);
      } else if (i === 0 && p !== 0) {
        err(childPath(at, 1), `the first point's cumulative probability must be 0, got ${p}`);
      } else if (i === raw.length - 1 && p !== 1) {
        err(childPath(at, 1), `the last point's cumulative probability must be 1, got ${p}`);
      }
    }
    prevX = x;
    prevP = p;
    if (x !== undefined && p !== undefined) points.push([x, p]);
  });
  return r.errors.length === before ? new EmpiricalTable(points) : undefined;
}
