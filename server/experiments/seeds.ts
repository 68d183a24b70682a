import { fmix32 } from '../../sim-core/src/random/hash.ts';

/**
 * The seed of replication `index` (0-based) of an experiment whose base seed is `base`. A fixed
 * mixer (MurmurHash3's 32-bit finaliser over both words) spreads neighbouring bases and indices
 * apart; the result is a 31-bit whole number, so `crossing-twin run --seed S` reproduces any one
 * replication. The same (base, index) gives the same seed for every policy and demand level of an
 * experiment: that is what makes its random numbers common.
 */
export function replicationSeed(base: number, index: number): number {
  if (!(Number.isSafeInteger(base) && base >= 0)) throw new RangeError(`base seed must be a non-negative whole number, got ${base}`);
  if (!(Number.isInteger(index) && index >= 0)) throw new RangeError(`replication index must be a whole number ≥ 0, got ${index}`);
  let h = fmix32((base >>> 0) ^ 0x5bd1e995);
  h = fmix32(h ^ Math.floor(base / 2 ** 32));
  h = fmix32(h ^ Math.imul(index + 1, 0x9e3779b1));
  return h >>> 1;
}

/** Seeds of replications 0..n-1. */
export function replicationSeeds(base: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => replicationSeed(base, i));
}
