/**
 * Distributions read straight off observed data: a discrete set of weighted values, and a
 * continuous piecewise-linear CDF table. Both use one uniform per sample and a binary search,
 * so sampling costs O(log n) regardless of table size.
 */

import type { Distribution } from './distribution.ts';
import { requireFinite } from './distribution.ts';
import type { Rng } from './rng.ts';

/** Discrete distribution over `values` with relative `weights` (need not sum to 1). */
export class EmpiricalDiscrete implements Distribution {
  readonly kind = 'empirical';
  readonly values: readonly number[];
  private readonly cumulative: Float64Array;
  private readonly total: number;
  private readonly lastPositive: number;
  private readonly meanValue: number;

  constructor(values: readonly number[], weights: readonly number[]) {
    if (values.length === 0) throw new RangeError('empirical distribution needs at least one value');
    if (values.length !== weights.length) {
      throw new RangeError(`empirical has ${values.length} values but ${weights.length} weights`);
    }
    const n = values.length;
    this.values = [...values];
    this.cumulative = new Float64Array(n);
    let sum = 0;
    let weighted = 0;
    let lastPositive = -1;
    for (let i = 0; i < n; i++) {
      const v = values[i] ?? Number.NaN;
      const w = weights[i] ?? Number.NaN;
      requireFinite(`values[${i}]`, v);
      if (!(Number.isFinite(w) && w >= 0)) throw new RangeError(`weights[${i}] must be finite and ≥ 0, got ${w}`);
      sum += w;
      weighted += w * v;
      this.cumulative[i] = sum;
      if (w > 0) lastPositive = i;
    }
    if (!(sum > 0)) throw new RangeError('empirical weights must not all be zero');
    this.total = sum;
    this.lastPositive = lastPositive;
    this.meanValue = weighted / sum;
  }

  sample(rng: Rng): number {
    const u = rng.next() * this.total;
    // First index whose cumulative weight exceeds u. Zero-weight entries share their
    // predecessor's cumulative value and therefore can never be the first to exceed u > 0.
    const cum = this.cumulative;
    let lo = 0;
    let hi = this.lastPositive;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cum[mid] ?? 0) > u) hi = mid;
      else lo = mid + 1;
    }
    // Searching only up to lastPositive also absorbs u rounding up to the total.
    return this.values[lo] ?? Number.NaN;
  }

  mean(): number {
    return this.meanValue;
  }
}

/**
 * Continuous distribution given by points [x, F(x)] of its CDF, linearly interpolated.
 * The first point must have F = 0 and the last F = 1; x and F must both be non-decreasing.
 * Equal x values with rising F make an atom; equal F values with rising x make a gap.
 */
export class EmpiricalTable implements Distribution {
  readonly kind = 'table';
  private readonly xs: Float64Array;
  private readonly ps: Float64Array;
  private readonly meanValue: number;

  constructor(points: ReadonlyArray<readonly [number, number]>) {
    const n = points.length;
    if (n < 2) throw new RangeError('table needs at least two points');
    this.xs = new Float64Array(n);
    this.ps = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const [x, p] = points[i] ?? [Number.NaN, Number.NaN];
      requireFinite(`points[${i}] x`, x);
      requireFinite(`points[${i}] probability`, p);
      if (i > 0 && (x < (this.xs[i - 1] ?? 0) || p < (this.ps[i - 1] ?? 0))) {
        throw new RangeError(`table points must be non-decreasing in x and probability (at index ${i})`);
      }
      this.xs[i] = x;
      this.ps[i] = p;
    }
    if (this.ps[0] !== 0 || this.ps[n - 1] !== 1) {
      throw new RangeError('table probabilities must start at 0 and end at 1');
    }
    let m = 0;
    for (let i = 1; i < n; i++) {
      const dp = (this.ps[i] ?? 0) - (this.ps[i - 1] ?? 0);
      m += dp * 0.5 * ((this.xs[i] ?? 0) + (this.xs[i - 1] ?? 0));
    }
    this.meanValue = m;
  }

  sample(rng: Rng): number {
    return this.quantile(rng.next());
  }

  /** Inverse CDF at probability u in (0, 1]. */
  quantile(u: number): number {
    const ps = this.ps;
    const xs = this.xs;
    // First index j ≥ 1 with F[j] ≥ u; then F[j−1] < u ≤ F[j], so the segment has positive height.
    let lo = 1;
    let hi = ps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((ps[mid] ?? 1) >= u) hi = mid;
      else lo = mid + 1;
    }
    const p0 = ps[lo - 1] ?? 0;
    const p1 = ps[lo] ?? 1;
    const x0 = xs[lo - 1] ?? 0;
    const x1 = xs[lo] ?? 0;
    return x0 + ((u - p0) / (p1 - p0)) * (x1 - x0);
  }

  /** CDF at x (right-continuous at atoms). */
  cdf(x: number): number {
    const xs = this.xs;
    const ps = this.ps;
    const n = xs.length;
    if (x < (xs[0] ?? 0)) return 0;
    if (x >= (xs[n - 1] ?? 0)) return 1;
    // Last index i with xs[i] ≤ x; x < xs[n−1] guarantees i + 1 exists.
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((xs[mid] ?? 0) <= x) lo = mid;
      else hi = mid - 1;
    }
    const x0 = xs[lo] ?? 0;
    const x1 = xs[lo + 1] ?? 0;
    const p0 = ps[lo] ?? 0;
    const p1 = ps[lo + 1] ?? 1;
    return p0 + ((x - x0) / (x1 - x0)) * (p1 - p0);
  }

  mean(): number {
    return this.meanValue;
  }
}

/** Discrete distribution: picks values[i] with probability weights[i] / Σ weights. */
export function empirical(values: readonly number[], weights: readonly number[]): EmpiricalDiscrete {
  return new EmpiricalDiscrete(values, weights);
}

/** Continuous piecewise-linear distribution from CDF points [x, F(x)], F from 0 to 1. */
export function table(points: ReadonlyArray<readonly [number, number]>): EmpiricalTable {
  return new EmpiricalTable(points);
}
