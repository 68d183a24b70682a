/**
 * Portable 32-bit hashing used to derive random-stream seeds from names.
 *
 * Everything here uses Math.imul and `>>> 0`, so results are identical on every JavaScript
 * engine and match the C reference algorithms bit for bit.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/**
 * MurmurHash3 (x86_32) of the string's UTF-16LE encoding.
 *
 * Two UTF-16 code units form one 4-byte little-endian block, so the result equals the
 * reference C MurmurHash3_x86_32 run over the UTF-16LE bytes of `s`. Hashing code units
 * rather than UTF-8 avoids an encoder (TextEncoder is not guaranteed in the pure core) and
 * keeps lone surrogates well defined.
 *
 * @param s    any string (length in code units)
 * @param seed unsigned 32-bit seed; other numbers are reduced modulo 2^32
 * @returns unsigned 32-bit hash
 */
export function hashString32(s: string, seed = 0): number {
  const n = s.length;
  let h = seed >>> 0;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    let k = (s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16)) >>> 0;
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  if (i < n) {
    // Odd code-unit count: a 2-byte tail, mixed like the reference's `case 2`.
    let k = s.charCodeAt(i);
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
  }
  h ^= n * 2; // length in bytes, as the reference does
  return fmix32(h);
}

/**
 * MurmurHash3's 32-bit finalizer (fmix32). A bijection on 32-bit integers.
 *
 * @param x any number; reduced modulo 2^32
 * @returns unsigned 32-bit value
 */
export function fmix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A strong 32-bit integer finalizer ("lowbias32", C. Wellons). A bijection with better
 * avalanche than fmix32, used to combine seed words before hashing names.
 *
 * @param x any number; reduced modulo 2^32
 * @returns unsigned 32-bit value
 */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}
