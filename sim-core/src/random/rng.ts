/**
 * xoshiro128** pseudo-random generator (Blackman & Vigna, 2018).
 *
 * Chosen because it needs only 32-bit integer operations (exact in JavaScript via Math.imul and
 * bit ops), has a 2^128 − 1 period, passes BigCrush, and its whole state is four integers, which
 * makes checkpoints trivial.
 */

/** The four 32-bit state words of a generator, each an unsigned 32-bit integer. */
export type RngState = [number, number, number, number];

/** 2^-32: scales a 32-bit integer into [0, 1). */
const INV_2_32 = 2.3283064365386963e-10;
const TWO_32 = 4294967296;

/**
 * One step of splitmix32 starting from `state`; returns the output and the advanced state.
 * Used only for seeding, so the small tuple allocation does not matter.
 */
export function splitmix32(state: number): { value: number; next: number } {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return { value: (z ^ (z >>> 16)) >>> 0, next };
}

function isU32(x: number): boolean {
  return Number.isInteger(x) && x >= 0 && x < TWO_32;
}

/**
 * A xoshiro128** generator. Plain numeric fields and no per-call allocation keep `next()` on
 * the fast path of the event loop.
 */
export class Rng {
  // State words are kept as signed int32 so every operation stays in small-integer arithmetic.
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;

  /**
   * Seeds the generator from a 32-bit seed through splitmix32.
   *
   * splitmix32's output function is a bijection and its four input states are distinct, so at
   * most one of the four state words can be zero: the forbidden all-zero state is impossible.
   *
   * @param seed unsigned 32-bit integer (0 … 2^32 − 1)
   */
  constructor(seed: number) {
    if (!isU32(seed)) {
      throw new RangeError(`Rng seed must be an integer in [0, 2^32), got ${seed}`);
    }
    let r = splitmix32(seed);
    this.s0 = r.value | 0;
    r = splitmix32(r.next);
    this.s1 = r.value | 0;
    r = splitmix32(r.next);
    this.s2 = r.value | 0;
    r = splitmix32(r.next);
    this.s3 = r.value | 0;
  }

  /**
   * Creates a generator positioned exactly at `state` (e.g. a checkpoint or a reference
   * test vector).
   */
  static fromState(state: Readonly<RngState>): Rng {
    const rng = new Rng(0);
    rng.restore(state);
    return rng;
  }

  /** Next raw output: an unsigned 32-bit integer, uniform over [0, 2^32). */
  nextU32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    this.s0 = s0 ^ s3;
    this.s1 = s1 ^ s2;
    this.s2 = s2 ^ (s1 << 9);
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  /**
   * Uniform number in the open interval (0, 1), from one 32-bit draw: (x + 0.5) / 2^32.
   *
   * The half-step offset keeps both ends out of reach (range [2^-33, 1 − 2^-33]), so
   * `Math.log(rng.next())` and `Math.log(1 - rng.next())` are always finite. Resolution is
   * 2^-32, ample for simulation inputs.
   */
  next(): number {
    return (this.nextU32() + 0.5) * INV_2_32;
  }

  /**
   * Uniform number in the open interval (a, b) (for a < b); uses one draw.
   *
   * @param a lower bound, any unit
   * @param b upper bound, same unit
   */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.next();
  }

  /**
   * Unbiased uniform integer in 0 … n − 1.
   *
   * Draws in the largest multiple of n below 2^32 are accepted; others are rejected and
   * redrawn, so every value has exactly the same probability. Expected draws < 2.
   *
   * @param n count of outcomes, an integer in [1, 2^32]
   */
  int(n: number): number {
    if (!(Number.isInteger(n) && n >= 1 && n <= TWO_32)) {
      throw new RangeError(`Rng.int(n) needs an integer n in [1, 2^32], got ${n}`);
    }
    // Exact in double precision: all values are integers below 2^53.
    const limit = TWO_32 - (TWO_32 % n);
    let x = this.nextU32();
    while (x >= limit) x = this.nextU32();
    return x % n;
  }

  /** Copy of the current state words (unsigned 32-bit), for checkpoints. */
  state(): RngState {
    return [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0];
  }

  /**
   * Restores a state captured by {@link state}. The generator then continues exactly as the
   * captured one would have.
   */
  restore(state: Readonly<RngState>): void {
    const [a, b, c, d] = state;
    if (!isU32(a) || !isU32(b) || !isU32(c) || !isU32(d)) {
      throw new RangeError(`Rng state words must be integers in [0, 2^32), got [${state.join(', ')}]`);
    }
    if ((a | b | c | d) === 0) {
      throw new RangeError('Rng state must not be all zero (xoshiro would output zeros forever)');
    }
    this.s0 = a | 0;
    this.s1 = b | 0;
    this.s2 = c | 0;
    this.s3 = d | 0;
  }

  /** Independent copy at the same position; drawing from one does not move the other. */
  clone(): Rng {
    return Rng.fromState(this.state());
  }
}
