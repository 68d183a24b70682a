/**
 * Numerical Recipes' linear congruential generator: seeded, tiny and independent of the kernel's
 * own PRNG, so the statistics tests get reproducible inputs without depending on what they test.
 */

/** Raw 32-bit outputs (unsigned integers) from `seed`. */
export function lcgU32(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
}

/** Uniform numbers in the open interval (0, 1) from `seed`. */
export function lcg(seed: number): () => number {
  const next = lcgU32(seed);
  return () => (next() + 0.5) / 4294967296;
}

/** Standard normal numbers (Box–Muller) from `seed`. */
export function normals(seed: number): () => number {
  const u = lcg(seed);
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}
