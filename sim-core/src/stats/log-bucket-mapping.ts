/**
 * The DDSketch bucket index ⌈log_γ x⌉ of a positive sample, computed exactly as
 * `Math.ceil(Math.log(x) / Math.log(γ))` computes it, but without a logarithm for the samples
 * the kernel tallies most: whole milliseconds.
 *
 * For performance reasons (a waiting time is tallied for every resource grant, and Math.log is a
 * call out of optimised code) an integer x in [1, 2^31) is mapped with two tables, in the spirit
 * of DataDog's sketches-java mappings that read the exponent and mantissa bits instead of taking
 * a logarithm:
 * 1. `first[key(x)]`: the bucket of the smallest integer that shares x's key, where the key is x
 *    itself below 512 and otherwise its exponent e = ⌊log2 x⌋ (Math.clz32) with the 8 mantissa
 *    bits after the leading one. A key spans a relative width under 1/256, less than one bucket
 *    (ln γ ≈ 0.01 at α = 0.005), so x's bucket is that one or the next;
 * 2. `lower[i]`: the smallest integer whose bucket is ≥ i, found with the defining formula. On
 *    whole numbers the formula is nondecreasing (the logarithms of neighbouring integers below
 *    2^31 differ by more than 2^-31, far beyond the formula's rounding), so lower[i] ≤ x <
 *    lower[i + 1] holds exactly when the formula gives i: stepping up from the first table's
 *    answer while x ≥ lower[i + 1] gives the formula's answer, to the last bucket.
 * Everything else (fractions, values ≥ 2^31, accuracies too fine for a small table) takes the
 * logarithm itself. So a sketch's buckets, and every percentile reported from them, are the same
 * as with the plain formula.
 */

/** Integers below this take the table path. */
const LIMIT = 2 ** 31;
/** Keys: x below 512, then 256 per octave up to 2^31 (shift 1..22). */
const KEYS = (22 << 8) + 512;
/** Largest boundary table (entries) worth building: α = 0.005 needs 2,151, α = 0.0002 53,700. */
const MAX_TABLE = 1 << 16;

/** The key of an integer x in [1, 2^31): x below 512, else (shift, top 9 bits). */
function key(x: number): number {
  if (x < 512) return x;
  const shift = 23 - Math.clz32(x);
  return (shift << 8) + (x >>> shift);
}

interface Tables {
  first: Int32Array;
  lower: Float64Array;
}

/**
 * The tables are the same for every sketch of the same accuracy: built once per γ, for a few γ
 * (a run uses one or two accuracies; beyond the cap a mapping keeps its own tables).
 */
const cache = new Map<number, Tables>();
const CACHED_ACCURACIES = 8;

export class LogBucketMapping {
  /** See the file comment; null when the table would be too large (every sample takes the log). */
  private readonly first: Int32Array | null = null;
  /** lower[i]: smallest integer with bucket ≥ i, i in 0..top; lower[top + 1] = 2^31. */
  private readonly lower: Float64Array | null = null;

  /** @param logGamma ln γ of the sketch, > 0. */
  constructor(readonly logGamma: number) {
    if (!(logGamma > 0 && Number.isFinite(logGamma))) throw new RangeError(`logGamma must be a positive number, got ${logGamma}`);
    let t = cache.get(logGamma);
    if (t === undefined && this.byLog(LIMIT - 1) + 2 <= MAX_TABLE) {
      t = this.tables();
      if (cache.size < CACHED_ACCURACIES) cache.set(logGamma, t);
    }
    if (t !== undefined) {
      this.first = t.first;
      this.lower = t.lower;
    }
  }

  /** Bucket index of `x` (finite, > 0): ⌈ln x / ln γ⌉, bucket i covering (γ^(i-1), γ^i]. */
  index(x: number): number {
    const first = this.first;
    if ((x | 0) === x && x > 0 && first !== null) {
      const lower = this.lower!;
      let i = first[key(x)]!;
      // lower[top + 1] = 2^31 > x ends the walk; at α = 0.005 it takes at most one step.
      while (x >= lower[i + 1]!) i++;
      return i;
    }
    return this.byLog(x);
  }

  /** The defining formula. */
  private byLog(x: number): number {
    return Math.ceil(Math.log(x) / this.logGamma);
  }

  private tables(): Tables {
    const top = this.byLog(LIMIT - 1);
    const lower = new Float64Array(top + 2);
    lower[top + 1] = LIMIT;
    let m = 1;
    for (let i = 0; i <= top; i++) {
      // Start near γ^(i-1), never below the previous boundary, then settle on the exact one.
      m = Math.max(m, Math.min(LIMIT - 1, Math.floor(Math.exp((i - 1) * this.logGamma))));
      while (m > 1 && this.byLog(m - 1) >= i) m--;
      while (this.byLog(m) < i) m++;
      lower[i] = m;
    }
    const first = new Int32Array(KEYS);
    for (let x = 1; x < 512; x++) first[x] = this.byLog(x);
    for (let shift = 1; shift <= 22; shift++) {
      // The smallest integer with this key is top << shift.
      for (let t = 256; t < 512; t++) first[(shift << 8) + t] = this.byLog(t * 2 ** shift);
    }
    return { first, lower };
  }
}
