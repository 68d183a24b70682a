/**
 * Dense, growable store of bucket counts keyed by integer bucket index, the memory behind
 * {@link QuantileSketch}. A contiguous Float64Array beats a Map in the hot path (no hashing,
 * no boxing) and log-bucketed data is contiguous anyway, so the span costs no more than a
 * Map would. Counts are float64 so that merged counts stay exact up to 2^53.
 *
 * Memory is bounded by the index span (value range), never by the number of samples; an
 * optional cap collapses the lowest indices (smallest magnitudes) into one bucket so that a
 * pathological range cannot grow the store without limit while upper percentiles, the ones
 * a border-crossing report cares about, stay accurate.
 */

const INITIAL_CAPACITY = 64;

export class BucketStore {
  private counts = new Float64Array(0);
  /** Bucket index stored at counts[0]. */
  private offset = 0;
  private lo = 0;
  private hi = -1;
  private totalCount = 0;

  /** @param maxBuckets cap on the index span (hi - lo + 1); integer ≥ 1. */
  constructor(readonly maxBuckets: number) {
    if (!Number.isInteger(maxBuckets) || maxBuckets < 1) {
      throw new RangeError(`maxBuckets must be an integer ≥ 1, got ${maxBuckets}`);
    }
  }

  /** Total count over all buckets. */
  get total(): number {
    return this.totalCount;
  }

  /** Width of the occupied index range, the store's memory footprint in buckets. */
  get span(): number {
    return this.totalCount === 0 ? 0 : this.hi - this.lo + 1;
  }

  /** Lowest occupied bucket index (meaningless when empty). */
  get minIndex(): number {
    return this.lo;
  }

  /** Highest occupied bucket index (meaningless when empty). */
  get maxIndex(): number {
    return this.hi;
  }

  /** Count held by bucket `index` (0 outside the occupied range). */
  countAt(index: number): number {
    if (this.totalCount === 0 || index < this.lo || index > this.hi) return 0;
    return this.counts[index - this.offset] ?? 0;
  }

  /** Adds `count` (> 0) observations to bucket `index` (an integer). */
  add(index: number, count = 1): void {
    if (index >= this.lo && index <= this.hi && this.totalCount > 0) {
      // The common case, a bucket inside the occupied range: no bounds to move.
      this.counts[index - this.offset]! += count;
      this.totalCount += count;
      return;
    }
    this.addOutside(index, count);
  }

  /**
   * `add` for a bucket outside the occupied range, or into an empty store. Kept out of `add` for
   * performance reasons: a small `add` is inlined into the sketch's and tallies' hot paths.
   */
  private addOutside(index: number, count: number): void {
    if (this.totalCount === 0) {
      this.ensureCapacity(index, index);
      this.lo = index;
      this.hi = index;
    } else if (index < this.lo || index > this.hi) {
      let newLo = Math.min(this.lo, index);
      const newHi = Math.max(this.hi, index);
      if (newHi - newLo + 1 > this.maxBuckets) {
        newLo = newHi - this.maxBuckets + 1;
        // Below the floor: fold into the floor bucket instead of widening the store.
        if (index < newLo) index = newLo;
        this.collapseBelow(newLo);
      }
      this.ensureCapacity(Math.min(newLo, this.lo), newHi);
      this.lo = Math.min(newLo, this.lo);
      this.hi = newHi;
    }
    this.counts[index - this.offset] = (this.counts[index - this.offset] ?? 0) + count;
    this.totalCount += count;
  }

  /** Adds every bucket of `other` into this store (the cap of this store applies). */
  merge(other: BucketStore): void {
    if (other.totalCount === 0) return;
    // Fixed bounds so that merging a store into itself doubles it instead of looping.
    const lo = other.lo;
    const hi = other.hi;
    // Highest first: with a cap, the floor is then settled once instead of per bucket.
    for (let i = hi; i >= lo; i--) {
      const c = other.countAt(i);
      if (c > 0) this.add(i, c);
    }
  }

  /**
   * Bucket index holding the item of 0-based `rank` when items are ordered by ascending
   * index (or descending when `descending`). `rank` must be in [0, total).
   */
  indexAtRank(rank: number, descending: boolean): number {
    let seen = 0;
    if (descending) {
      for (let i = this.hi; i > this.lo; i--) {
        seen += this.counts[i - this.offset] ?? 0;
        if (seen > rank) return i;
      }
      return this.lo;
    }
    for (let i = this.lo; i < this.hi; i++) {
      seen += this.counts[i - this.offset] ?? 0;
      if (seen > rank) return i;
    }
    return this.hi;
  }

  /** Folds every bucket below `floor` into bucket `floor` (which is within the new range). */
  private collapseBelow(floor: number): void {
    if (floor <= this.lo) return;
    this.ensureCapacity(this.lo, Math.max(this.hi, floor));
    let folded = 0;
    const end = Math.min(floor - 1, this.hi);
    for (let i = this.lo; i <= end; i++) {
      const k = i - this.offset;
      folded += this.counts[k] ?? 0;
      this.counts[k] = 0;
    }
    const f = floor - this.offset;
    this.counts[f] = (this.counts[f] ?? 0) + folded;
    this.lo = floor;
    if (this.hi < floor) this.hi = floor;
  }

  /** Makes [lo, hi] addressable, reallocating with geometric growth and centred slack. */
  private ensureCapacity(lo: number, hi: number): void {
    const cap = this.counts.length;
    if (cap > 0 && lo >= this.offset && hi < this.offset + cap) return;
    const curLo = this.totalCount === 0 ? lo : Math.min(lo, this.lo);
    const curHi = this.totalCount === 0 ? hi : Math.max(hi, this.hi);
    const needed = curHi - curLo + 1;
    // Slack on both sides: the range of a live stream can drift either way.
    const newCap = Math.max(INITIAL_CAPACITY, needed * 2, cap * 2);
    const next = new Float64Array(newCap);
    const newOffset = curLo - Math.floor((newCap - needed) / 2);
    if (this.totalCount > 0) {
      next.set(this.counts.subarray(this.lo - this.offset, this.hi - this.offset + 1), this.lo - newOffset);
    }
    this.counts = next;
    this.offset = newOffset;
  }
}
