/**
 * Named random streams: one independent generator per consumer, derived from the run seed and
 * the stream's name alone.
 *
 * Because a stream's seed never depends on which other streams exist or in which order they were
 * requested, adding a new random consumer (say, a second X-ray lane) leaves every existing
 * stream's sequence unchanged. That keeps scenario comparisons honest: common random numbers.
 */

import { hashString32, mix32 } from './hash.ts';
import { Rng } from './rng.ts';
import type { RngState } from './rng.ts';

const TWO_32 = 4294967296;

function assertRunSeed(runSeed: number): void {
  if (!Number.isSafeInteger(runSeed) || runSeed < 0) {
    throw new RangeError(`run seed must be a non-negative safe integer, got ${runSeed}`);
  }
}

/**
 * The 32-bit seed of stream `name` in the run seeded with `runSeed`.
 *
 * Both 32-bit halves of the run seed are folded in through bijective mixers, and MurmurHash3
 * is a bijection of its seed for a fixed input, so for one stream name two run seeds that
 * differ only in their low 32 bits can never collide.
 *
 * @param runSeed non-negative safe integer (0 … 2^53 − 1)
 * @param name    stream name, e.g. "arrivals" or "customs.yellow.check"
 * @returns unsigned 32-bit seed for {@link Rng}
 */
export function streamSeed(runSeed: number, name: string): number {
  assertRunSeed(runSeed);
  const lo = runSeed >>> 0; // ToUint32 is exact modulo 2^32 for safe integers
  const hi = Math.floor(runSeed / TWO_32);
  // The constant separates this derivation from any other use of mix32 on the same seed.
  const seedWord = mix32(mix32(lo) ^ mix32(hi + 0x6a09e667));
  return hashString32(name, seedWord);
}

/** One stream's saved position, as produced by {@link RandomStreams.snapshot}. */
export interface StreamSnapshot {
  readonly name: string;
  readonly state: RngState;
}

/** Lazily created, cached named streams for one simulation run. */
export class RandomStreams {
  /** The run seed every stream is derived from (non-negative safe integer). */
  readonly runSeed: number;
  private readonly streams = new Map<string, Rng>();

  /** @param runSeed non-negative safe integer (0 … 2^53 − 1) */
  constructor(runSeed: number) {
    assertRunSeed(runSeed);
    this.runSeed = runSeed;
  }

  /**
   * The generator for `name`, created on first use. Repeated calls return the same object, so
   * a consumer may hold on to it instead of looking it up per event.
   */
  stream(name: string): Rng {
    let rng = this.streams.get(name);
    if (rng === undefined) {
      if (name.length === 0) throw new RangeError('random stream name must not be empty');
      rng = new Rng(streamSeed(this.runSeed, name));
      this.streams.set(name, rng);
    }
    return rng;
  }

  /** Names of the streams created so far, sorted (for stable reports and checkpoints). */
  names(): string[] {
    return [...this.streams.keys()].sort();
  }

  /** Positions of every created stream, sorted by name, for checkpoints. */
  snapshot(): StreamSnapshot[] {
    return this.names().map((name) => ({ name, state: this.stream(name).state() }));
  }

  /**
   * Puts each listed stream back at its saved position (creating it if needed). Streams not in
   * the snapshot are left alone.
   */
  restore(snapshot: readonly StreamSnapshot[]): void {
    for (const { name, state } of snapshot) this.stream(name).restore(state);
  }
}
