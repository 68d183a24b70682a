/**
 * A 64-bit running hash over a stream of numbers, the basis of a run's `traceHash`.
 *
 * Two independent 32-bit lanes (different multipliers and seeds) are combined into 64 bits; each
 * number is fed as two 32-bit words (high, low) so every integer up to 2^53 is encoded exactly.
 * Only 32-bit integer operations are used (Math.imul), so the result is the same in every engine.
 * Non-integers are fed by their IEEE-754 bits so that 0.1 and 0.1000000001 differ.
 */
const TWO32 = 4294967296;
/**
 * Math.imul under a short name, for performance reasons: in bytecode each `Math.imul(...)` is a
 * global load plus a property load, and with sixteen of them `word4` was over V8's limit for
 * inlining a function (460 bytes of bytecode), so the kernel made a call for every event. With
 * the alias it is 456 bytes and inlined into the event loop (a change that adds bytecode here
 * needs checking with --trace-turbo-inlining); V8 still compiles each call to one multiply.
 */
const imul = Math.imul;
const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);

export class TraceHash {
  // For performance reasons the lanes live in a typed array: as object fields, 32-bit values
  // outside the small-integer range would be boxed on every store.
  private readonly lanes = new Int32Array([0x9e3779b9 | 0, 0x85ebca6b | 0]);
  private readonly count = new Float64Array(1);

  /** How many words were mixed in. */
  get words(): number {
    return this.count[0]!;
  }

  /** Mixes one 32-bit word into both lanes. */
  word(w: number): void {
    const lanes = this.lanes;
    lanes[0] = mixA(lanes[0]!, w);
    lanes[1] = mixB(lanes[1]!, w);
    this.count[0]! += 1;
  }

  /**
   * Mixes four words at once (the kernel's per-event record), with the state in registers. For
   * performance reasons the eight mixes are written out: the kernel's event loop is large enough
   * that V8's inlining budget left some of them as calls. Same arithmetic as mixA / mixB (see
   * `imul` for the size this function must keep).
   */
  word4(w0: number, w1: number, w2: number, w3: number): void {
    const lanes = this.lanes;
    let a = lanes[0]!;
    a = imul(a ^ w0, 0x01000193);
    a = imul(a ^ (a >>> 15), 0x2c1b3c6d);
    a = imul(a ^ w1, 0x01000193);
    a = imul(a ^ (a >>> 15), 0x2c1b3c6d);
    a = imul(a ^ w2, 0x01000193);
    a = imul(a ^ (a >>> 15), 0x2c1b3c6d);
    a = imul(a ^ w3, 0x01000193);
    a = imul(a ^ (a >>> 15), 0x2c1b3c6d);
    lanes[0] = a;
    let b = lanes[1]!;
    b ^= imul(w0, 0xcc9e2d51);
    b = (imul((b << 13) | (b >>> 19), 5) + 0xe6546b64) | 0;
    b ^= imul(w1, 0xcc9e2d51);
    b = (imul((b << 13) | (b >>> 19), 5) + 0xe6546b64) | 0;
    b ^= imul(w2, 0xcc9e2d51);
    b = (imul((b << 13) | (b >>> 19), 5) + 0xe6546b64) | 0;
    b ^= imul(w3, 0xcc9e2d51);
    b = (imul((b << 13) | (b >>> 19), 5) + 0xe6546b64) | 0;
    lanes[1] = b;
    this.count[0]! += 4;
  }

  /** Mixes a number: an integer in ±2^53 as (high, low) words, anything else by its float bits. */
  number(x: number): void {
    if (Number.isSafeInteger(x)) {
      const neg = x < 0;
      const m = neg ? -x : x;
      const hi = Math.floor(m / TWO32);
      this.word(neg ? hi | 0x80000000 : hi);
      this.word(m >>> 0);
    } else {
      scratch[0] = x;
      this.word(scratchWords[1]! ^ 0x7ff00001);
      this.word(scratchWords[0]!);
    }
  }

  /** The hash as 16 lowercase hex digits. */
  hex(): string {
    // Final avalanche of each lane, cross-fed so a difference in either lane spreads to both.
    const fa = fmix(this.lanes[0]! ^ this.count[0]!);
    const fb = fmix(this.lanes[1]! ^ fa);
    return (fa >>> 0).toString(16).padStart(8, '0') + (fb >>> 0).toString(16).padStart(8, '0');
  }
}

function mixA(a: number, w: number): number {
  a = Math.imul(a ^ w, 0x01000193);
  a ^= a >>> 15;
  return Math.imul(a, 0x2c1b3c6d);
}

function mixB(b: number, w: number): number {
  b ^= Math.imul(w, 0xcc9e2d51);
  b = (b << 13) | (b >>> 19);
  return (Math.imul(b, 5) + 0xe6546b64) | 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
