/**
 * Constant, uniform, exponential and triangular distributions: the everyday inputs of a
 * process model (fixed durations, "between 15 and 20 minutes", Poisson arrivals, and the
 * planner's min / most-likely / max estimate).
 *
 * Each draws a fixed number of uniforms per sample so that stream positions stay predictable.
 */

import type { Distribution } from './distribution.ts';
import { requireFinite, requirePositive } from './distribution.ts';
import type { Rng } from './rng.ts';

/** Always the same value; consumes no random numbers. */
export class Constant implements Distribution {
  readonly kind = 'constant';
  constructor(readonly value: number) {
    requireFinite('value', value);
  }
  sample(_rng: Rng): number {
    return this.value;
  }
  mean(): number {
    return this.value;
  }
}

/** Continuous uniform on (min, max); one uniform per sample. */
export class Uniform implements Distribution {
  readonly kind = 'uniform';
  constructor(
    readonly min: number,
    readonly max: number,
  ) {
    requireFinite('min', min);
    requireFinite('max', max);
    if (min > max) throw new RangeError(`uniform min (${min}) must not exceed max (${max})`);
  }
  sample(rng: Rng): number {
    return this.min + (this.max - this.min) * rng.next();
  }
  mean(): number {
    return 0.5 * (this.min + this.max);
  }
}

/** Exponential with the given mean (= 1 / rate); one uniform per sample, by inversion. */
export class Exponential implements Distribution {
  readonly kind = 'exponential';
  // Hot path of arrival generation: a plain field and a single log, no allocation.
  private readonly negMean: number;
  constructor(readonly meanValue: number) {
    requirePositive('mean', meanValue);
    this.negMean = -meanValue;
  }
  sample(rng: Rng): number {
    // rng.next() is never 0, so the log is always finite.
    return this.negMean * Math.log(rng.next());
  }
  mean(): number {
    return this.meanValue;
  }

  /** P(a < X < b); infinite bounds allowed. */
  probabilityBetween(a: number, b: number): number {
    const lo = a > 0 ? a : 0;
    const hi = b > 0 ? b : 0;
    return lo < hi ? Math.exp(-lo / this.meanValue) - Math.exp(-hi / this.meanValue) : 0;
  }

  /**
   * E[X | a < X < b]. Memorylessness gives lo + mean − w·e^(−w/mean) / (1 − e^(−w/mean)) for
   * an interval of width w starting at lo; undefined for an empty interval.
   */
  truncatedMean(a: number, b: number): number | undefined {
    const m = this.meanValue;
    const lo = a > 0 ? a : 0;
    const hi = b > 0 ? b : 0;
    if (!(lo < hi)) return undefined;
    const w = hi - lo;
    if (w === Infinity) return lo + m;
    const r = w / m;
    // For very wide windows the correction term underflows to 0, which is the right limit.
    const correction = r > 700 ? 0 : (w * Math.exp(-r)) / -Math.expm1(-r);
    return lo + m - correction;
  }
}

/**
 * Triangular on [min, max] with peak at mode; one uniform per sample, by inverse CDF (so a
 * larger uniform always gives a larger sample, which keeps common random numbers monotone).
 */
export class Triangular implements Distribution {
  readonly kind = 'triangular';
  private readonly range: number;
  private readonly modeFraction: number; // CDF value at the mode
  private readonly leftArea: number; // (max − min)(mode − min)
  private readonly rightArea: number; // (max − min)(max − mode)

  constructor(
    readonly min: number,
    readonly mode: number,
    readonly max: number,
  ) {
    requireFinite('min', min);
    requireFinite('mode', mode);
    requireFinite('max', max);
    if (!(min <= mode && mode <= max)) {
      throw new RangeError(`triangular mode (${mode}) must lie between min (${min}) and max (${max})`);
    }
    this.range = max - min;
    this.modeFraction = this.range > 0 ? (mode - min) / this.range : 0;
    this.leftArea = this.range * (mode - min);
    this.rightArea = this.range * (max - mode);
  }

  sample(rng: Rng): number {
    return this.quantile(rng.next());
  }

  /** Inverse CDF at probability p in [0, 1]. */
  quantile(p: number): number {
    const x =
      p < this.modeFraction
        ? this.min + Math.sqrt(p * this.leftArea)
        : this.max - Math.sqrt((1 - p) * this.rightArea);
    // Rounding (or underflow of the areas for tiny ranges) can overshoot an end by an ulp.
    return x < this.min ? this.min : x > this.max ? this.max : x;
  }

  /** CDF at x. */
  cdf(x: number): number {
    if (x <= this.min) return 0;
    if (x >= this.max) return 1;
    if (x <= this.mode) return ((x - this.min) * (x - this.min)) / this.leftArea;
    return 1 - ((this.max - x) * (this.max - x)) / this.rightArea;
  }

  mean(): number {
    return (this.min + this.mode + this.max) / 3;
  }
}

/** Constant distribution with the given value. */
export function constant(value: number): Constant {
  return new Constant(value);
}

/** Uniform on (min, max), same unit as the bounds. */
export function uniform(min: number, max: number): Uniform {
  return new Uniform(min, max);
}

/** Exponential with the given mean (> 0), in the mean's unit. */
export function exponential(mean: number): Exponential {
  return new Exponential(mean);
}

/** Triangular with min ≤ mode ≤ max, all in the same unit. */
export function triangular(min: number, mode: number, max: number): Triangular {
  return new Triangular(min, mode, max);
}
