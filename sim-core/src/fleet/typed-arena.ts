/**
 * Slices of a few large typed arrays handed out one after another: where the per-graph caches keep
 * their flat numbers (a stretch's speed profile, legs and zones; a booking plan's). A day of Huu
 * Nghi 2030 builds about 4,100 stretches and their plans; a typed array of their size (hundreds of
 * bytes) gets a store outside the heap of its own, which cost 0.7-2.5 µs to make (a `slice` the
 * most) while its code was still interpreted, and one backing store each for the collector to
 * track. A view (`subarray`) of a shared chunk costs a fifth of that and no store. Views are never
 * given back: a chunk lives as long as any view of it (a cache that starts over drops its views,
 * and the chunks go with them). Chunks start zeroed and no slice is handed out twice, but a
 * builder may have written past what it took (see `reserve`): whoever takes a slice writes every
 * number of it before reading it.
 */
export class F64Arena {
  private chunk: Float64Array;
  /** Where the next slice starts in `chunk`, and its length (a field: a typed array's length is a getter call while the code is interpreted). */
  private used = 0;
  private size = 0;

  constructor(private readonly chunkSize = CHUNK) {
    if (!(Number.isInteger(chunkSize) && chunkSize >= 1)) throw new Error(`F64Arena: chunkSize must be a whole number ≥ 1, got ${chunkSize}`);
    // Written twice on purpose: V8 takes a field written once for a constant (see TrafficController).
    this.chunk = new Float64Array(0);
    this.chunk = new Float64Array(chunkSize);
    this.size = chunkSize;
  }

  /**
   * Where the next slice starts in `open()`'s chunk, after making sure `n` numbers fit there (in a
   * new chunk when they do not): a builder that does not yet know its size reserves the most it can
   * need, writes there directly, then `take`s what it wrote (see `ProfileBuilder`).
   */
  reserve(n: number): number {
    if (this.used + n <= this.size) return this.used;
    this.size = Math.max(this.chunkSize, 2 * n);
    this.chunk = new Float64Array(this.size);
    this.used = 0;
    return 0;
  }

  /** The chunk slices are cut from now (see `reserve`). */
  open(): Float64Array {
    return this.chunk;
  }

  /** A fresh slice of `n` numbers (0 unless a builder wrote there without taking it: see the class). */
  take(n: number): Float64Array {
    const at = this.used + n <= this.size ? this.used : this.reserve(n);
    this.used = at + n;
    return this.chunk.subarray(at, at + n);
  }
}

/**
 * `F64Arena` for whole numbers (32 bits). A class of its own rather than one generic over the array
 * type: each `take` then sees a single kind of typed array, which V8 compiles to direct loads.
 */
export class I32Arena {
  private chunk: Int32Array;
  private used = 0;
  private size = 0;

  constructor(private readonly chunkSize = CHUNK) {
    if (!(Number.isInteger(chunkSize) && chunkSize >= 1)) throw new Error(`I32Arena: chunkSize must be a whole number ≥ 1, got ${chunkSize}`);
    this.chunk = new Int32Array(0);
    this.chunk = new Int32Array(chunkSize);
    this.size = chunkSize;
  }

  /** A fresh slice of `n` numbers (all 0: nothing writes in place here). */
  take(n: number): Int32Array {
    if (this.used + n > this.size) {
      this.size = Math.max(this.chunkSize, 2 * n);
      this.chunk = new Int32Array(this.size);
      this.used = 0;
    }
    const at = this.used;
    this.used = at + n;
    return this.chunk.subarray(at, at + n);
  }
}

/** Numbers per chunk: 64 kB of doubles, the slices of about 40 stretches. */
const CHUNK = 8192;
