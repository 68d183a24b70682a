import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalQuantile } from '../src/stats/normal-quantile.ts';
import { logGamma, regularizedIncompleteBeta } from '../src/stats/special-functions.ts';
import { tCdf, tQuantile } from '../src/stats/student-t.ts';

function rel(a: number, b: number): number {
  return Math.abs(a - b) / Math.abs(b);
}

describe('tQuantile', () => {
  it('matches the textbook table to 8 significant digits', () => {
    const table: [p: number, df: number, t: number][] = [
      [0.975, 1, 12.7062047],
      [0.975, 2, 4.30265273],
      [0.975, 4, 2.77644511],
      [0.975, 9, 2.26215716],
      [0.975, 29, 2.04522964],
      [0.975, 100, 1.98397152],
      [0.995, 9, 3.24983554],
    ];
    for (const [p, df, t] of table) {
      expect(tQuantile(p, df)).toBeCloseTo(t, 7);
      expect(tQuantile(1 - p, df)).toBeCloseTo(-t, 7);
    }
  });

  it('matches 40-digit mpmath references to ~1e-12', () => {
    const refs: [p: number, df: number, t: number][] = [
      [0.975, 3, 3.1824463052837084359],
      [0.975, 9, 2.2621571627982049992],
      [0.975, 100, 1.9839715185235518946],
      [0.995, 9, 3.2498355415921257205],
      [0.6, 0.3, 0.50230128205930502301],
      [0.5000001, 7, 2.5974602742784954875e-7],
      [0.9999999, 1.5, 24226.630997734752],
      [1e-12, 0.5, -1.0284911563163400532e23],
      [0.975, 1e4, 1.9602012398906258778],
      [0.975, 2e5, 1.959975845966768], // Cornish–Fisher branch (scipy)
    ];
    for (const [p, df, t] of refs) expect(rel(tQuantile(p, df), t)).toBeLessThan(1e-11);
  });

  it('inverts tCdf across df and p (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 2_000, noNaN: true }),
        fc.double({ min: 1e-10, max: 1 - 1e-10, noNaN: true }),
        (df, p) => {
          const t = tQuantile(p, df);
          expect(Math.abs(tCdf(t, df) - p)).toBeLessThanOrEqual(1e-9 * Math.min(p, 1 - p) + 1e-16);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('decreases towards the normal quantile as df grows', () => {
    let prev = Infinity;
    for (const df of [1, 2, 3, 5, 10, 30, 100, 1_000, 1e4, 1e5, 1e6]) {
      const t = tQuantile(0.975, df);
      expect(t).toBeLessThan(prev);
      prev = t;
    }
    expect(prev - normalQuantile(0.975)).toBeLessThan(1e-5);
    expect(tQuantile(0.975, Infinity)).toBe(normalQuantile(0.975));
  });

  it('handles the edges and rejects bad arguments', () => {
    expect(tQuantile(0, 5)).toBe(-Infinity);
    expect(tQuantile(1, 5)).toBe(Infinity);
    expect(tQuantile(0.5, 5)).toBe(0);
    expect(tCdf(0, 5)).toBe(0.5);
    expect(tCdf(Infinity, 5)).toBe(1);
    expect(() => tQuantile(1.1, 5)).toThrow(RangeError);
    expect(() => tQuantile(0.9, 0)).toThrow(RangeError);
    expect(() => tQuantile(0.9, NaN)).toThrow(RangeError);
  });
});

describe('normalQuantile (AS 241)', () => {
  it('matches reference values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.95996398, 8);
    const refs: [number, number][] = [
      [0.975, 1.959963984540054],
      [0.025, -1.9599639845400545],
      [0.999, 3.090232306167813],
      [0.8, 0.8416212335729143],
      [1e-10, -6.361340902404056],
      [1e-300, -37.0470962993612],
      [0.5 + 1e-12, 2.5065728237018607e-12],
    ];
    for (const [p, z] of refs) expect(rel(normalQuantile(p), z)).toBeLessThan(1e-14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
  });
});

describe('special functions', () => {
  it('logGamma matches known values', () => {
    expect(rel(logGamma(0.5), 0.5 * Math.log(Math.PI))).toBeLessThan(1e-14);
    expect(rel(logGamma(10), Math.log(362_880))).toBeLessThan(1e-14);
    expect(rel(logGamma(100.5), 361.43554046777757)).toBeLessThan(1e-14);
    expect(rel(logGamma(1e-3), 6.907178885383853)).toBeLessThan(1e-13);
  });

  it('regularizedIncompleteBeta matches identities and references', () => {
    expect(rel(regularizedIncompleteBeta(0.3, 2.5, 0.5), 0.018927124071945658)).toBeLessThan(1e-13);
    expect(rel(regularizedIncompleteBeta(0.01, 0.5, 3.5), 0.20202830476514894)).toBeLessThan(1e-13);
    expect(rel(regularizedIncompleteBeta(0.4, 10, 20), 0.7853183897628262)).toBeLessThan(1e-13);
    expect(rel(regularizedIncompleteBeta(0.3, 4, 1), 0.3 ** 4)).toBeLessThan(1e-13);
    expect(rel(regularizedIncompleteBeta(0.3, 1, 3), 1 - 0.7 ** 3)).toBeLessThan(1e-13);
    expect(regularizedIncompleteBeta(0.5, 7, 7)).toBeCloseTo(0.5, 14);
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });
});
