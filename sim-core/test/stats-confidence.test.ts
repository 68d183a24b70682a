import { describe, expect, it } from 'vitest';
import { batchMeans, confidenceInterval, pairedDifferenceCI } from '../src/stats/confidence.ts';
import { normals } from './support/lcg.ts';

describe('confidenceInterval', () => {
  it('computes the Student t interval', () => {
    const ci = confidenceInterval([1, 2, 3, 4, 5]);
    expect(ci.n).toBe(5);
    expect(ci.mean).toBe(3);
    expect(ci.sd).toBeCloseTo(1.5811388300841898, 14);
    expect(ci.halfWidth).toBeCloseTo(1.9632431614775572, 12); // t_{0.975,4}·sd/√5
    expect(ci.lower).toBeCloseTo(3 - 1.9632431614775572, 12);
    expect(ci.upper).toBeCloseTo(3 + 1.9632431614775572, 12);
    expect(ci.level).toBe(0.95);
    const wider = confidenceInterval([1, 2, 3, 4, 5], 0.99);
    expect(wider.halfWidth as number).toBeGreaterThan(ci.halfWidth as number);
  });

  it('uses null for what n < 2 cannot tell', () => {
    expect(confidenceInterval([])).toEqual({ n: 0, mean: null, sd: null, halfWidth: null, lower: null, upper: null, level: 0.95 });
    const one = confidenceInterval([4.5]);
    expect(one).toEqual({ n: 1, mean: 4.5, sd: null, halfWidth: null, lower: null, upper: null, level: 0.95 });
    expect(JSON.parse(JSON.stringify(one))).toEqual(one);
    expect(confidenceInterval([2, 2, 2]).halfWidth).toBe(0);
    expect(() => confidenceInterval([1, 2], 1)).toThrow(RangeError);
    expect(() => confidenceInterval([1, NaN])).toThrow(RangeError);
  });

  it('covers the true mean ~95 % of the time (2,000 experiments of n = 10)', () => {
    const z = normals(42);
    const trueMean = 5;
    let covered = 0;
    const experiments = 2_000;
    for (let e = 0; e < experiments; e++) {
      const xs = Array.from({ length: 10 }, () => trueMean + 2 * z());
      const ci = confidenceInterval(xs);
      if ((ci.lower as number) <= trueMean && trueMean <= (ci.upper as number)) covered++;
    }
    const coverage = covered / experiments;
    expect(coverage).toBeGreaterThanOrEqual(0.93);
    expect(coverage).toBeLessThanOrEqual(0.97);
  });
});

describe('batchMeans', () => {
  function ar1(n: number, phi: number, seed: number): number[] {
    const z = normals(seed);
    // Start from the stationary law so that no warm-up is needed.
    let x = z() / Math.sqrt(1 - phi * phi);
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      out.push(x);
      x = phi * x + z();
    }
    return out;
  }

  it('gives a wider (honest) interval than the naive one on an AR(1) series', () => {
    const series = ar1(40_000, 0.9, 7);
    const naive = confidenceInterval(series);
    const bm = batchMeans(series, 20);
    expect(bm.n).toBe(20);
    expect(bm.batchSize).toBe(2_000);
    expect(bm.discarded).toBe(0);
    // Variance inflation (1+φ)/(1-φ) = 19, so the honest half-width is ~√19 ≈ 4.4× wider.
    expect(bm.halfWidth as number).toBeGreaterThan(2 * (naive.halfWidth as number));
    expect(bm.mean).toBeCloseTo(naive.mean as number, 12);
    expect(bm.lower as number).toBeLessThanOrEqual(0);
    expect(bm.upper as number).toBeGreaterThanOrEqual(0);
    expect(Math.abs(bm.lag1 as number)).toBeLessThan(0.5);
  });

  it('drops the remainder from the start of the series', () => {
    // 45 values, 4 batches of 11: the leading outlier is the one dropped.
    const series = [1e6, ...Array.from({ length: 44 }, (_, i) => i % 11)];
    const bm = batchMeans(series, 4);
    expect(bm.batchSize).toBe(11);
    expect(bm.discarded).toBe(1);
    expect(bm.mean).toBe(5);
    expect(bm.halfWidth).toBe(0);
    expect(bm.lag1).toBeNull(); // identical batch means: autocorrelation undefined
  });

  it('returns nulls when the series is shorter than the batch count, and validates', () => {
    const bm = batchMeans([1, 2, 3], 20);
    expect(bm).toMatchObject({ n: 0, mean: null, halfWidth: null, batchSize: 0, discarded: 3, lag1: null });
    expect(() => batchMeans([1, 2, 3], 1)).toThrow(RangeError);
    expect(() => batchMeans([1, 2, 3], 2.5)).toThrow(RangeError);
  });
});

describe('pairedDifferenceCI', () => {
  it('removes the noise shared through common random numbers', () => {
    const z = normals(5);
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < 30; i++) {
      const shared = 100 + 10 * z(); // the replication's common-random-number luck
      a.push(shared + 1 + 0.1 * z());
      b.push(shared + 0.1 * z());
    }
    const paired = pairedDifferenceCI(a, b);
    expect(paired.n).toBe(30);
    expect(paired.lower as number).toBeLessThan(1);
    expect(paired.upper as number).toBeGreaterThan(1);
    expect(paired.lower as number).toBeGreaterThan(0); // the difference is detected
    const unpairedA = confidenceInterval(a);
    expect(paired.halfWidth as number).toBeLessThan((unpairedA.halfWidth as number) / 10);
    expect(() => pairedDifferenceCI([1, 2], [1])).toThrow(RangeError);
  });
});
