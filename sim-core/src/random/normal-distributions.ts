/**
 * Normal and lognormal distributions.
 *
 * Box–Muller here uses exactly two uniforms per normal sample and throws the second
 * (sine) variate away. Caching it would halve the cost but make a stream's position depend on
 * whether an odd or even number of samples was drawn before, which breaks checkpoint/restore
 * of a bare Rng state and common-random-number comparisons.
 */

import type { Distribution } from './distribution.ts';
import { requireFinite, requireNonNegative, requirePositive } from './distribution.ts';
import type { Rng } from './rng.ts';
import { normalMassBetween, normalPdf } from './special-functions.ts';

const TWO_PI = 2 * Math.PI;

/** One standard normal variate from exactly two uniforms (Box–Muller, cosine branch). */
export function standardNormal(rng: Rng): number {
  const u1 = rng.next(); // in (0, 1): the log is finite
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(TWO_PI * u2);
}

/** Normal with mean `mu` and standard deviation `sd` (both in the same unit). */
export class Normal implements Distribution {
  readonly kind = 'normal';
  constructor(
    readonly mu: number,
    readonly sd: number,
  ) {
    requireFinite('mean', mu);
    requireNonNegative('sd', sd);
  }

  sample(rng: Rng): number {
    return this.mu + this.sd * standardNormal(rng);
  }

  mean(): number {
    return this.mu;
  }

  /** P(a < X < b); infinite bounds allowed. */
  probabilityBetween(a: number, b: number): number {
    if (this.sd === 0) return a < this.mu && this.mu < b ? 1 : 0;
    return normalMassBetween((a - this.mu) / this.sd, (b - this.mu) / this.sd);
  }

  /**
   * E[X | a < X < b], or undefined when the interval holds too little probability for the
   * formula to be meaningful in double precision.
   */
  truncatedMean(a: number, b: number): number | undefined {
    if (this.sd === 0) return a < this.mu && this.mu < b ? this.mu : undefined;
    const alpha = (a - this.mu) / this.sd;
    const beta = (b - this.mu) / this.sd;
    const mass = normalMassBetween(alpha, beta);
    if (!(mass > 1e-300)) return undefined;
    const m = this.mu + (this.sd * (normalPdf(alpha) - normalPdf(beta))) / mass;
    return Number.isFinite(m) ? m : undefined;
  }
}

/**
 * Lognormal specified by the mean and standard deviation of the variable itself (what a
 * planner measures), not of its logarithm. Converted with
 * σ² = ln(1 + sd²/mean²) and μ = ln(mean) − σ²/2, so that E[X] = mean and SD[X] = sd exactly.
 */
export class LogNormal implements Distribution {
  readonly kind = 'lognormal';
  /** Mean of ln X. */
  readonly mu: number;
  /** Standard deviation of ln X. */
  readonly sigma: number;

  constructor(
    readonly meanValue: number,
    readonly sd: number,
  ) {
    requirePositive('mean', meanValue);
    requireNonNegative('sd', sd);
    const cv = sd / meanValue;
    const sigma2 = Math.log1p(cv * cv);
    this.sigma = Math.sqrt(sigma2);
    this.mu = Math.log(meanValue) - 0.5 * sigma2;
  }

  sample(rng: Rng): number {
    return Math.exp(this.mu + this.sigma * standardNormal(rng));
  }

  mean(): number {
    return this.meanValue;
  }

  /** P(a < X < b); bounds at or below 0 mean "no lower bound". */
  probabilityBetween(a: number, b: number): number {
    if (this.sigma === 0) return a < this.meanValue && this.meanValue < b ? 1 : 0;
    return normalMassBetween(this.z(a, 0), this.z(b, 0));
  }

  /**
   * E[X | a < X < b], or undefined when the interval's probability underflows. Uses
   * E[X; a < X < b] = e^(μ+σ²/2) · P(a' < Z < b') with bounds shifted by σ.
   */
  truncatedMean(a: number, b: number): number | undefined {
    if (this.sigma === 0) return a < this.meanValue && this.meanValue < b ? this.meanValue : undefined;
    const mass = normalMassBetween(this.z(a, 0), this.z(b, 0));
    if (!(mass > 1e-300)) return undefined;
    const partial = normalMassBetween(this.z(a, this.sigma), this.z(b, this.sigma));
    const m = (this.meanValue * partial) / mass;
    return Number.isFinite(m) ? m : undefined;
  }

  /** Standardised log of x, shifted down by `shift`; x ≤ 0 maps to −∞. */
  private z(x: number, shift: number): number {
    if (x <= 0) return -Infinity;
    return (Math.log(x) - this.mu) / this.sigma - shift;
  }
}

/** Normal with the given mean and standard deviation (sd ≥ 0), same unit. */
export function normal(mean: number, sd: number): Normal {
  return new Normal(mean, sd);
}

/** Lognormal with the given mean (> 0) and standard deviation (≥ 0) of the variable itself. */
export function lognormal(mean: number, sd: number): LogNormal {
  return new LogNormal(mean, sd);
}
