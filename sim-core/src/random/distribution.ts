/**
 * The contract every sampling distribution fulfils, plus argument guards shared by the
 * concrete distributions.
 *
 * Distributions are unit-agnostic: samples and means are in whatever unit the parameters were
 * given in. TimedDistribution attaches a time unit and converts to milliseconds.
 */

import type { Rng } from './rng.ts';

/** A probability distribution that can be sampled with an {@link Rng}. */
export interface Distribution {
  /** Short family name, e.g. "exponential" or "truncated". */
  readonly kind: string;
  /** One sample, in the distribution's own unit. Advances `rng`. */
  sample(rng: Rng): number;
  /** Expected value, in the distribution's own unit. */
  mean(): number;
}

/**
 * Constructor guards. These throw because a bad parameter here is a programming error; user
 * input is validated earlier, with readable messages, by parseDistSpec.
 */
export function requireFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${value}`);
}

export function requirePositive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new RangeError(`${name} must be a finite number greater than 0, got ${value}`);
  }
}

export function requireNonNegative(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new RangeError(`${name} must be a finite number of at least 0, got ${value}`);
  }
}
