/**
 * The arenas hand out slices of shared chunks: each slice must be its own (writing one changes no
 * other), exactly as long as asked, and a builder writing in place must find what it wrote carried
 * over when the chunk runs out under it.
 */
import { describe, expect, it } from 'vitest';
import { F64Arena, I32Arena } from '../../src/fleet/typed-arena.ts';

describe('typed arenas', () => {
  it('hand out disjoint slices of the lengths asked (zeroed when nothing wrote there), across chunk boundaries', () => {
    const f = new F64Arena(10);
    const i = new I32Arena(10);
    const fs: Float64Array[] = [];
    const is: Int32Array[] = [];
    for (const n of [3, 4, 0, 5, 1, 12, 2]) {
      const a = f.take(n);
      const b = i.take(n);
      expect([a.length, b.length]).toEqual([n, n]);
      expect([...a, ...b].every((x) => x === 0)).toBe(true);
      fs.push(a.fill(fs.length + 0.5));
      is.push(b.fill(is.length + 1));
    }
    fs.forEach((a, k) => expect(a.every((x) => x === k + 0.5)).toBe(true));
    is.forEach((b, k) => expect(b.every((x) => x === k + 1)).toBe(true));
  });

  it('keeps what a builder wrote in place for its take, in a new chunk when the reservation does not fit', () => {
    const f = new F64Arena(8);
    f.take(5);
    let at = f.reserve(2);
    expect(at).toBe(5);
    // Four numbers do not fit after 5 of 8: a new chunk.
    at = f.reserve(4);
    expect(at).toBe(0);
    [1.25, 2.5, 3.75, 5].forEach((x, k) => (f.open()[at + k] = x));
    expect(Array.from(f.take(4))).toEqual([1.25, 2.5, 3.75, 5]);
    // The next slice starts after it.
    expect(f.reserve(1)).toBe(4);
    expect(() => new F64Arena(0)).toThrow(/F64Arena: chunkSize must be a whole number ≥ 1, got 0/);
    expect(() => new I32Arena(1.5)).toThrow(/I32Arena: chunkSize must be a whole number ≥ 1, got 1.5/);
  });
});
