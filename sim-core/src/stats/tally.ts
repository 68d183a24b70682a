import { F64_ZERO } from '../kernel/shapes.ts';
import { QuantileSketch } from './quantile-sketch.ts';
import type { QuantileSketchOptions } from './quantile-sketch.ts';

/** Construction options of a {@link Tally}. */
export interface TallyOptions {
  /** Track percentiles; false skips the sketch entirely for hot paths. Default true. */
  readonly quantiles?: boolean;
  /** Options for the percentile sketch (ignored when quantiles is false). */
  readonly sketch?: QuantileSketchOptions;
}

/** JSON-safe snapshot of a Tally; see the null policy on {@link Tally}. */
export interface TallySummary {
  readonly count: number;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
}

/**
 * Observation-based statistics (waiting times, dwell times, ...): count, mean, sample
 * variance, extremes and percentiles of a stream of samples, in O(1) time per sample and
 * bounded memory.
 *
 * Null policy: a statistic that is undefined for the data seen so far is `null`, never NaN
 * (NaN does not survive JSON and silently poisons downstream arithmetic). mean, min, max
 * and quantiles are null with 0 samples; variance and sd are null with fewer than 2
 * (sample variance divides by n-1); quantiles are also null when disabled. sum is 0 when
 * empty.
 */
export class Tally {
  private n = 0;
  // Welford's running mean and sum of squared deviations: no catastrophic cancellation
  // of Σx² - (Σx)²/n over month-long runs.
  private mu = F64_ZERO;
  private m2 = F64_ZERO;
  // Neumaier-compensated sum, so that sum stays accurate over 10^7+ samples.
  private s = F64_ZERO;
  private sc = F64_ZERO;
  private lowest = Infinity;
  private highest = -Infinity;
  private readonly sketchOptions: QuantileSketchOptions;
  private sketch: QuantileSketch | null;

  constructor(options: TallyOptions = {}) {
    this.sketchOptions = options.sketch ?? {};
    this.sketch = options.quantiles === false ? null : new QuantileSketch(this.sketchOptions);
  }

  /** Records one finite sample (unit of the caller's choosing, e.g. ms). */
  add(x: number): void {
    // The message is built out of line: for performance reasons, a smaller `add` is inlined
    // into more of the resources' hot paths.
    if (!Number.isFinite(x)) notFinite(x);
    const n = ++this.n;
    const delta = x - this.mu;
    this.mu += delta / n;
    this.m2 += delta * (x - this.mu);
    const t = this.s + x;
    this.sc += Math.abs(this.s) >= Math.abs(x) ? this.s - t + x : x - t + this.s;
    this.s = t;
    if (x < this.lowest) this.lowest = x;
    if (x > this.highest) this.highest = x;
    this.sketch?.addFinite(x);
  }

  /** Number of samples. */
  get count(): number {
    return this.n;
  }

  /** Sum of samples (0 when empty). */
  get sum(): number {
    return this.s + this.sc;
  }

  /** Arithmetic mean, or null when empty. */
  get mean(): number | null {
    return this.n === 0 ? null : this.mu;
  }

  /** Sample variance (divisor n-1) in unit², or null with fewer than 2 samples. */
  get variance(): number | null {
    // m2 can go a hair below 0 through rounding when all samples are equal.
    return this.n < 2 ? null : Math.max(0, this.m2) / (this.n - 1);
  }

  /** Sample standard deviation, or null with fewer than 2 samples. */
  get sd(): number | null {
    const v = this.variance;
    return v === null ? null : Math.sqrt(v);
  }

  /** Smallest sample, or null when empty. */
  get min(): number | null {
    return this.n === 0 ? null : this.lowest;
  }

  /** Largest sample, or null when empty. */
  get max(): number | null {
    return this.n === 0 ? null : this.highest;
  }

  /** True when percentiles are tracked. */
  get tracksQuantiles(): boolean {
    return this.sketch !== null;
  }

  /**
   * The p-quantile (p in [0, 1]): exact numpy-"linear" up to the sketch's exactThreshold
   * samples, within its relative accuracy beyond. Null when empty or quantiles disabled.
   */
  quantile(p: number): number | null {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
    return this.sketch === null ? null : this.sketch.quantile(p);
  }

  /** JSON-safe snapshot: count, mean, sd, min, max, p50, p95, p99 (nulls per policy). */
  summary(): TallySummary {
    return {
      count: this.n,
      mean: this.mean,
      sd: this.sd,
      min: this.min,
      max: this.max,
      p50: this.quantile(0.5),
      p95: this.quantile(0.95),
      p99: this.quantile(0.99),
    };
  }

  /**
   * Pools `other` into this tally (Chan et al.'s parallel update for mean and variance).
   * Throws if this tally tracks quantiles but `other` does not: the pooled percentiles
   * would silently miss samples.
   */
  merge(other: Tally): void {
    if (other.n === 0) return;
    if (this.sketch !== null && other.sketch === null) {
      throw new Error('cannot merge a Tally without quantiles into one with quantiles');
    }
    const na = this.n;
    const nb = other.n;
    const n = na + nb;
    const delta = other.mu - this.mu;
    const m2 = this.m2 + other.m2 + ((delta * delta * na) / n) * nb;
    this.mu = na === 0 ? other.mu : this.mu + (delta * nb) / n;
    this.m2 = m2;
    this.n = n;
    const sa = this.s;
    const sb = other.s;
    const t = sa + sb;
    this.sc = this.sc + other.sc + (Math.abs(sa) >= Math.abs(sb) ? sa - t + sb : sb - t + sa);
    this.s = t;
    if (other.lowest < this.lowest) this.lowest = other.lowest;
    if (other.highest > this.highest) this.highest = other.highest;
    if (this.sketch !== null && other.sketch !== null) this.sketch.merge(other.sketch);
  }

  /** Forgets all samples (warm-up truncation); options are kept. */
  reset(): void {
    this.n = 0;
    this.mu = 0;
    this.m2 = 0;
    this.s = 0;
    this.sc = 0;
    this.lowest = Infinity;
    this.highest = -Infinity;
    if (this.sketch !== null) this.sketch = new QuantileSketch(this.sketchOptions);
  }
}

function notFinite(x: number): never {
  throw new RangeError(`Tally sample must be finite, got ${x}`);
}
