import { tQuantile } from './student-t.ts';

/**
 * Student t confidence intervals for output analysis: across independent replications,
 * over batch means of one long serially correlated run, and over paired differences of
 * two scenarios driven by common random numbers.
 *
 * Null policy (JSON-safe, no NaN/Infinity): with n = 0 every statistic is null; with
 * n = 1 the mean is the single value and sd, halfWidth, lower and upper are null, because
 * one observation carries no information about variability.
 */
export interface ConfidenceInterval {
  /** Number of (independent) observations the interval is built on. */
  readonly n: number;
  readonly mean: number | null;
  /** Sample standard deviation of the observations (divisor n-1). */
  readonly sd: number | null;
  /** t_{(1+level)/2, n-1} · sd / √n, in the observations' unit. */
  readonly halfWidth: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Two-sided confidence level, e.g. 0.95. */
  readonly level: number;
}

/** Batch-means interval plus how the series was cut. */
export interface BatchMeansInterval extends ConfidenceInterval {
  /** Observations per batch (0 when the series is shorter than the number of batches). */
  readonly batchSize: number;
  /** Leading observations dropped so that the batches are equally long. */
  readonly discarded: number;
  /**
   * Lag-1 autocorrelation of the batch means (null with < 3 batches): a diagnostic, values
   * well above ~0.2 suggest batches too short to be treated as independent.
   */
  readonly lag1: number | null;
}

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
}

/** Mean and sample variance by the corrected two-pass algorithm (exact-ish for arrays). */
function meanAndVariance(values: ArrayLike<number>): { mean: number; variance: number } {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] ?? 0;
  const mean = sum / n;
  let ss = 0;
  let comp = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] ?? 0) - mean;
    ss += d * d;
    comp += d;
  }
  // The correction term removes the rounding error left in the mean.
  const variance = n > 1 ? Math.max(0, (ss - (comp * comp) / n) / (n - 1)) : 0;
  return { mean, variance };
}

function intervalOf(values: ArrayLike<number>, level: number): ConfidenceInterval {
  checkLevel(level);
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === undefined || !Number.isFinite(v)) throw new RangeError(`value ${i} is not finite: ${v}`);
  }
  if (n === 0) return { n, mean: null, sd: null, halfWidth: null, lower: null, upper: null, level };
  const { mean, variance } = meanAndVariance(values);
  if (n === 1) return { n, mean, sd: null, halfWidth: null, lower: null, upper: null, level };
  const sd = Math.sqrt(variance);
  const halfWidth = (tQuantile((1 + level) / 2, n - 1) * sd) / Math.sqrt(n);
  return { n, mean, sd, halfWidth, lower: mean - halfWidth, upper: mean + halfWidth, level };
}

/**
 * Student t interval for the mean of independent observations, typically one summary
 * statistic per replication (unit of the values). `level` in (0, 1), default 0.95.
 */
export function confidenceInterval(values: readonly number[], level = 0.95): ConfidenceInterval {
  return intervalOf(values, level);
}

/**
 * Non-overlapping batch means for one long, serially correlated, stationary series (e.g. a
 * post-warm-up queue-length trace): cut it into `batches` equal batches, average each, and
 * build the t interval over those means (df = batches - 1). When the length is not a
 * multiple of `batches`, the remainder is dropped from the start, the end nearest the
 * warm-up and so the most biased one. `batches` is an integer ≥ 2 (default 20).
 */
export function batchMeans(series: readonly number[], batches = 20, level = 0.95): BatchMeansInterval {
  if (!Number.isInteger(batches) || batches < 2) {
    throw new RangeError(`batches must be an integer ≥ 2, got ${batches}`);
  }
  checkLevel(level);
  const batchSize = Math.floor(series.length / batches);
  if (batchSize === 0) {
    return { ...intervalOf([], level), batchSize: 0, discarded: series.length, lag1: null };
  }
  const discarded = series.length - batchSize * batches;
  const means = new Float64Array(batches);
  for (let b = 0; b < batches; b++) {
    let sum = 0;
    const start = discarded + b * batchSize;
    for (let i = start; i < start + batchSize; i++) sum += series[i] ?? 0;
    means[b] = sum / batchSize;
  }
  const ci = intervalOf(means, level);
  return { ...ci, batchSize, discarded, lag1: lag1Autocorrelation(means) };
}

function lag1Autocorrelation(x: Float64Array): number | null {
  const n = x.length;
  if (n < 3) return null;
  const { mean, variance } = meanAndVariance(x);
  if (variance === 0) return null;
  let num = 0;
  for (let i = 1; i < n; i++) num += ((x[i] ?? 0) - mean) * ((x[i - 1] ?? 0) - mean);
  return num / (variance * (n - 1));
}

/**
 * Interval for the mean of a[i] - b[i], for two scenarios run with common random numbers
 * (replication i of both shares its streams, so pairing removes the shared noise). The
 * arrays must have equal length; the unit is the values' unit.
 */
export function pairedDifferenceCI(a: readonly number[], b: readonly number[], level = 0.95): ConfidenceInterval {
  if (a.length !== b.length) {
    throw new RangeError(`paired samples must have equal length, got ${a.length} and ${b.length}`);
  }
  const d = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) d[i] = (a[i] ?? 0) - (b[i] ?? 0);
  return intervalOf(d, level);
}
