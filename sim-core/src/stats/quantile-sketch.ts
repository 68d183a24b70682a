import { BucketStore } from './bucket-store.ts';
import { LogBucketMapping } from './log-bucket-mapping.ts';

/**
 * Bounded-memory percentiles for month-long runs.
 *
 * Up to `exactThreshold` samples are kept verbatim and quantiles are exact, using the
 * "linear interpolation between closest ranks" definition (numpy's default `method="linear"`,
 * Hyndman & Fan type 7): with the n samples sorted as x[0..n-1], h = (n-1)·p and
 * Q(p) = x[⌊h⌋] + (h-⌊h⌋)·(x[⌊h⌋+1] - x[⌊h⌋]).
 *
 * When one more sample arrives the sketch switches, once and for good, to a DDSketch
 * (Masson, Rim & Lee, VLDB 2019): |x| goes into bucket i = ⌈log_γ |x|⌉ with
 * γ = (1+α)/(1-α), so every bucket spans a relative width that the representative value
 * 2γ^i/(γ+1) approximates within relative error α. Positive and negative values have their
 * own stores and exact zeros a counter; memory is bounded by log(max/min)/log γ buckets
 * (~2,100 for 1 ms..12 days at α = 0.005), never by the sample count. Sketch quantiles
 * return the (approximate) order statistic x[⌊h⌋], clamped to the exact [min, max]; p = 0
 * and p = 1 return the exact min and max.
 *
 * Everything is plain float arithmetic on the inputs, so results are deterministic, and
 * merged sketches equal the sketch of the pooled samples (bucket counts just add).
 */
export interface QuantileSketchOptions {
  /** Samples kept verbatim (exact quantiles) before switching to the sketch; default 4096. */
  readonly exactThreshold?: number;
  /** Relative accuracy α of sketch quantiles, in (0, 1); default 0.005 (0.5 %). */
  readonly relativeAccuracy?: number;
  /**
   * Cap on buckets per sign; beyond it the smallest magnitudes collapse into one bucket
   * (default 4096, i.e. a dynamic range of γ^4096 ≈ 6·10^17 at α = 0.005 before any loss).
   */
  readonly maxBuckets?: number;
}

export const DEFAULT_EXACT_THRESHOLD = 4096;
export const DEFAULT_RELATIVE_ACCURACY = 0.005;
export const DEFAULT_MAX_BUCKETS = 4096;

export class QuantileSketch {
  readonly exactThreshold: number;
  readonly relativeAccuracy: number;
  private readonly gamma: number;
  private readonly logGamma: number;
  /** ⌈log_γ x⌉ without a logarithm for whole numbers. */
  private readonly mapping: LogBucketMapping;

  private n = 0;
  private lowest = Infinity;
  private highest = -Infinity;
  /**
   * Exact mode storage; null once switched to the sketch. Written null first, for performance
   * reasons: a field that will hold null and an object is then "any object" to V8 from the start,
   * whereas a field that held only Float64Arrays in one run and turns null in the next (a run with
   * more samples) throws away the optimized code that relied on it (see kernel/shapes.ts).
   */
  private exact: Float64Array | null = null;
  private sorted = true;
  /**
   * The sketch's buckets, filled from the first sample on, also while the samples are kept
   * verbatim: the switch to the sketch then only drops the verbatim copy. For performance
   * reasons, rather than converting the first samples at the switch: that conversion loop, run
   * once per tally thousands of samples into a run, had V8 compile it (and the sketch's first
   * use on the hot path) just when the model's hot code was waiting to be compiled. The buckets
   * are the same either way: the same samples, and bucket counts that just add.
   */
  private readonly positive: BucketStore;
  private readonly negative: BucketStore;
  private zeros = 0;

  constructor(options: QuantileSketchOptions = {}) {
    const threshold = options.exactThreshold ?? DEFAULT_EXACT_THRESHOLD;
    const alpha = options.relativeAccuracy ?? DEFAULT_RELATIVE_ACCURACY;
    const maxBuckets = options.maxBuckets ?? DEFAULT_MAX_BUCKETS;
    if (!Number.isInteger(threshold) || threshold < 0) {
      throw new RangeError(`exactThreshold must be an integer ≥ 0, got ${threshold}`);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new RangeError(`relativeAccuracy must be in (0, 1), got ${alpha}`);
    }
    if (!Number.isInteger(maxBuckets) || maxBuckets < 1) {
      throw new RangeError(`maxBuckets must be an integer ≥ 1, got ${maxBuckets}`);
    }
    this.exactThreshold = threshold;
    this.relativeAccuracy = alpha;
    this.gamma = (1 + alpha) / (1 - alpha);
    this.logGamma = Math.log(this.gamma);
    this.mapping = new LogBucketMapping(this.logGamma);
    this.positive = new BucketStore(maxBuckets);
    this.negative = new BucketStore(maxBuckets);
    if (threshold > 0) this.exact = new Float64Array(0);
  }

  /** Number of samples added (including merged ones). */
  get count(): number {
    return this.n;
  }

  /** True while quantiles are exact (count ≤ exactThreshold). */
  get isExact(): boolean {
    return this.exact !== null;
  }

  /** Buckets in use over both sign stores (0 in exact mode): the sketch's memory footprint. */
  get bucketCount(): number {
    return this.exact !== null ? 0 : this.positive.span + this.negative.span;
  }

  /** Smallest sample, or null when empty. */
  get min(): number | null {
    return this.n === 0 ? null : this.lowest;
  }

  /** Largest sample, or null when empty. */
  get max(): number | null {
    return this.n === 0 ? null : this.highest;
  }

  /** Adds one finite sample (any unit; quantiles come back in the same unit). */
  add(x: number): void {
    if (!Number.isFinite(x)) throw new RangeError(`sample must be finite, got ${x}`);
    this.addFinite(x);
  }

  /** @internal `add` for a caller that has checked the sample is finite (Tally). */
  addFinite(x: number): void {
    if (x < this.lowest) this.lowest = x;
    if (x > this.highest) this.highest = x;
    const exact = this.exact;
    // One more sample than the threshold: the buckets hold them all already. One store on every
    // sample, not a store in a branch of its own: that branch ran first at the switch, hours into a
    // run, where optimized code had no type feedback for it and was thrown away (every resource's
    // grant inlines this).
    if (exact !== null) this.exact = this.n < this.exactThreshold ? this.pushExact(exact, x) : null;
    this.n++;
    if (x > 0) this.positive.add(this.mapping.index(x), 1);
    else if (x < 0) this.negative.add(this.mapping.index(-x), 1);
    else this.zeros++;
  }

  /**
   * Pools `other` into this sketch (e.g. replications); `other` is unchanged. Both must use
   * the same relative accuracy, since buckets of different widths cannot be added.
   */
  merge(other: QuantileSketch): void {
    if (other.gamma !== this.gamma) {
      throw new RangeError('cannot merge sketches with different relativeAccuracy');
    }
    if (other.n === 0) return;
    const otherExact = other.exact;
    if (otherExact !== null) {
      // Bounded by the count before the loop so that a.merge(a) terminates.
      const m = other.n;
      for (let i = 0; i < m; i++) this.add(otherExact[i] ?? 0);
      return;
    }
    this.exact = null;
    if (other.lowest < this.lowest) this.lowest = other.lowest;
    if (other.highest > this.highest) this.highest = other.highest;
    this.n += other.n;
    this.zeros += other.zeros;
    this.positive.merge(other.positive);
    this.negative.merge(other.negative);
  }

  /**
   * The p-quantile (p in [0, 1]) in the samples' unit, or null when empty. Exact (numpy
   * "linear") up to exactThreshold samples, within relative error α afterwards.
   */
  quantile(p: number): number | null {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
    if (this.n === 0) return null;
    const exact = this.exact;
    if (exact !== null) return this.exactQuantile(exact, p);
    return this.sketchQuantile(p);
  }

  /** Appends `x` to the verbatim samples; returns their buffer (grown when full). */
  private pushExact(exact: Float64Array, x: number): Float64Array {
    let buf = exact;
    if (this.n === buf.length) {
      // Doubling up to the threshold: short-lived tallies never pay for 4096 slots.
      buf = new Float64Array(Math.min(this.exactThreshold, Math.max(16, buf.length * 2)));
      buf.set(exact);
    }
    buf[this.n] = x;
    this.sorted = false;
    return buf;
  }

  private exactQuantile(exact: Float64Array, p: number): number {
    const n = this.n;
    if (!this.sorted) {
      exact.subarray(0, n).sort();
      this.sorted = true;
    }
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const a = exact[lo] ?? 0;
    const t = h - lo;
    if (t === 0 || lo + 1 >= n) return a;
    const b = exact[lo + 1] ?? a;
    // numpy's _lerp: interpolating from the nearer end keeps the result symmetric in p.
    return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
  }

  private sketchQuantile(p: number): number {
    const rank = p * (this.n - 1);
    // The extremes are tracked exactly, so p = 0 and p = 1 cost nothing to get right.
    if (rank <= 0) return this.lowest;
    if (rank >= this.n - 1) return this.highest;
    const neg = this.negative.total;
    let value: number;
    if (rank < neg) {
      // Negative values ascend as their magnitudes descend.
      value = -this.representative(this.negative.indexAtRank(rank, true));
    } else if (rank < neg + this.zeros) {
      value = 0;
    } else {
      value = this.representative(this.positive.indexAtRank(rank - neg - this.zeros, false));
    }
    // A representative may overshoot the data; the true order statistic never does.
    return Math.min(this.highest, Math.max(this.lowest, value));
  }

  /** Value within relative error α of every magnitude in bucket i. */
  private representative(i: number): number {
    return (2 * Math.exp(i * this.logGamma)) / (this.gamma + 1);
  }
}
