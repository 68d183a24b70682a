/**
 * A distribution tagged with the time unit its parameters were written in, so scenario files
 * can speak minutes and hours while the engine schedules in integer milliseconds.
 */

import type { Distribution } from './distribution.ts';
import type { Rng } from './rng.ts';

/** Time units accepted in distribution specs. */
export type TimeUnit = 'ms' | 's' | 'min' | 'h' | 'd';

/** Every accepted unit, in increasing size (also the order used in error messages). */
export const TIME_UNITS: readonly TimeUnit[] = ['ms', 's', 'min', 'h', 'd'];

/** Milliseconds in one of each unit. */
export const MS_PER_UNIT: Readonly<Record<TimeUnit, number>> = {
  ms: 1,
  s: 1_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** True when `s` names a {@link TimeUnit}. */
export function isTimeUnit(s: unknown): s is TimeUnit {
  return s === 'ms' || s === 's' || s === 'min' || s === 'h' || s === 'd';
}

/**
 * A {@link Distribution} plus its unit. `unit` is undefined for dimensionless quantities
 * (counts, fractions); those can be sampled but not converted to milliseconds.
 */
export class TimedDistribution implements Distribution {
  readonly kind: string;
  private readonly msPerUnit: number;

  constructor(
    readonly dist: Distribution,
    readonly unit: TimeUnit | undefined,
  ) {
    this.kind = dist.kind;
    this.msPerUnit = unit === undefined ? 0 : MS_PER_UNIT[unit];
  }

  /** One sample in the spec's own unit (or dimensionless). */
  sample(rng: Rng): number {
    return this.dist.sample(rng);
  }

  /** Expected value in the spec's own unit (or dimensionless). */
  mean(): number {
    return this.dist.mean();
  }

  /**
   * One sample as a whole number of milliseconds (Math.round), never negative: a duration that
   * a distribution's tail would make negative becomes 0 instead of scheduling into the past.
   * Throws for a dimensionless distribution.
   */
  sampleMs(rng: Rng): number {
    if (this.msPerUnit === 0) throw this.noUnitError();
    const ms = Math.round(this.dist.sample(rng) * this.msPerUnit);
    return ms > 0 ? ms : 0;
  }

  /**
   * Expected value in milliseconds (not rounded; ignores the clamp at 0, which matters only
   * for specs with real probability of negative samples). Throws for a dimensionless one.
   */
  meanMs(): number {
    if (this.msPerUnit === 0) throw this.noUnitError();
    return this.dist.mean() * this.msPerUnit;
  }

  private noUnitError(): Error {
    return new Error(`a dimensionless ${this.kind} distribution has no duration in milliseconds`);
  }
}
