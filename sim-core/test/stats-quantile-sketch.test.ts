import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BucketStore } from '../src/stats/bucket-store.ts';
import { QuantileSketch } from '../src/stats/quantile-sketch.ts';
import { lcg, normals } from './support/lcg.ts';

/** numpy.quantile(x, p) with the default method="linear", written independently. */
function numpyLinear(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (h - lo) * (b - a);
}

const PS = [0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];
const ALPHA = 0.005;
const SLACK = 1e-12; // float rounding at bucket boundaries

function relErr(est: number, truth: number): number {
  return truth === 0 ? Math.abs(est) : Math.abs(est - truth) / Math.abs(truth);
}

describe('QuantileSketch exact mode', () => {
  it('matches numpy linear interpolation on hand-checked arrays', () => {
    const q = (xs: number[], p: number): number | null => {
      const s = new QuantileSketch();
      for (const x of xs) s.add(x);
      return s.quantile(p);
    };
    expect(q([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBeCloseTo(9.55, 12);
    expect(q([15, 20, 35, 40, 50], 0.4)).toBe(29);
    expect(q([3, 1, 2], 0)).toBe(1);
    expect(q([3, 1, 2], 0.5)).toBe(2);
    expect(q([3, 1, 2], 1)).toBe(3);
    expect(q([-5, 0, 0, 7], 0.25)).toBe(-1.25);
    expect(q([42], 0.7)).toBe(42);
    expect(q([], 0.5)).toBeNull();
  });

  it('equals the numpy definition on arbitrary small arrays (property)', () => {
    const value = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, p) => {
        const s = new QuantileSketch();
        for (const x of xs) s.add(x);
        const sorted = [...xs].sort((a, b) => a - b);
        const got = s.quantile(p) as number;
        const ref = numpyLinear(sorted, p);
        const scale = Math.max(1, Math.abs(ref), Math.abs(sorted[0] as number), Math.abs(sorted.at(-1) as number));
        expect(Math.abs(got - ref)).toBeLessThanOrEqual(1e-12 * scale);
        expect(s.isExact).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('switches to the sketch exactly after exactThreshold samples', () => {
    const s = new QuantileSketch({ exactThreshold: 10 });
    for (let i = 1; i <= 10; i++) s.add(i);
    expect(s.isExact).toBe(true);
    expect(s.bucketCount).toBe(0);
    s.add(11);
    expect(s.isExact).toBe(false);
    expect(s.count).toBe(11);
    expect(s.quantile(0)).toBe(1);
    expect(s.quantile(1)).toBe(11);
    expect(relErr(s.quantile(0.5) as number, 6)).toBeLessThanOrEqual(ALPHA + SLACK);
  });

  it('after the switch answers exactly as a sketch that never kept samples verbatim', () => {
    // The buckets are filled from the first sample on; the switch only drops the verbatim copy.
    // Negative, zero, fractional, whole and huge samples, in an order that widens the range both ways.
    const xs: number[] = [];
    for (let i = 0; i < 3000; i++) xs.push(i % 7 === 0 ? 0 : (i % 5 === 0 ? -1 : 1) * ((i * 7919) % 100_003) * (i % 3 === 0 ? 1.37 : 1) + (i === 2999 ? 2 ** 40 : 0));
    for (const threshold of [1, 16, 1000, 2999]) {
      const s = new QuantileSketch({ exactThreshold: threshold });
      const ref = new QuantileSketch({ exactThreshold: 0 });
      for (const x of xs) {
        s.add(x);
        ref.add(x);
      }
      expect(s.isExact).toBe(false);
      expect(s.bucketCount).toBe(ref.bucketCount);
      for (const p of [0, 0.001, 0.1, 0.25, 0.5, 0.9, 0.99, 1]) expect(s.quantile(p)).toBe(ref.quantile(p));
    }
  });

  it('rejects bad input', () => {
    const s = new QuantileSketch();
    expect(() => s.add(NaN)).toThrow(RangeError);
    expect(() => s.add(Infinity)).toThrow(RangeError);
    expect(() => s.quantile(1.5)).toThrow(RangeError);
    expect(() => new QuantileSketch({ relativeAccuracy: 0 })).toThrow(RangeError);
    expect(() => new QuantileSketch({ exactThreshold: -1 })).toThrow(RangeError);
  });
});

describe('QuantileSketch sketch mode', () => {
  it('keeps relative error ≤ α on 200k lognormal samples', () => {
    const z = normals(12345);
    const s = new QuantileSketch();
    const xs: number[] = [];
    for (let i = 0; i < 200_000; i++) {
      const x = Math.exp(8 + 1.5 * z()); // a dwell time in ms, median ~50 min
      xs.push(x);
      s.add(x);
    }
    expect(s.isExact).toBe(false);
    xs.sort((a, b) => a - b);
    for (const p of PS) {
      const est = s.quantile(p) as number;
      const h = (xs.length - 1) * p;
      const lo = xs[Math.floor(h)] as number;
      const hi = xs[Math.ceil(h)] as number;
      // DDSketch guarantee on the order statistic it targets, x[⌊h⌋] ...
      expect(relErr(est, lo)).toBeLessThanOrEqual(ALPHA + SLACK);
      // ... and so within α of the numpy interval [x[⌊h⌋], x[⌈h⌉]].
      expect(est).toBeGreaterThanOrEqual(lo * (1 - ALPHA) - SLACK);
      expect(est).toBeLessThanOrEqual(hi * (1 + ALPHA) + SLACK);
      expect(relErr(est, numpyLinear(xs, p))).toBeLessThanOrEqual(ALPHA + 1e-3);
    }
    expect(s.quantile(0)).toBe(xs[0]);
    expect(s.quantile(1)).toBe(xs.at(-1));
  });

  it('handles negative values and zeros in their own stores', () => {
    const u = lcg(7);
    const s = new QuantileSketch({ exactThreshold: 0 });
    const xs: number[] = [];
    for (let i = 0; i < 50_000; i++) {
      const r = u();
      const x = r < 0.1 ? 0 : r < 0.4 ? -Math.exp(10 * u() - 3) : Math.exp(12 * u() - 4);
      xs.push(x);
      s.add(x);
    }
    xs.sort((a, b) => a - b);
    for (const p of [0, 0.05, 0.2, 0.3, 0.35, 0.45, 0.6, 0.9, 0.99, 1]) {
      const truth = xs[Math.floor((xs.length - 1) * p)] as number;
      expect(relErr(s.quantile(p) as number, truth)).toBeLessThanOrEqual(ALPHA + SLACK);
    }
  });

  it('bounds memory by value range, not by count', () => {
    const u = lcg(99);
    const s = new QuantileSketch();
    const logSpan = Math.log(1e6 / 1e-3);
    let after1e5 = 0;
    for (let i = 1; i <= 1_000_000; i++) {
      s.add(1e-3 * Math.exp(logSpan * u())); // log-uniform over 1e-3..1e6
      if (i === 100_000) after1e5 = s.bucketCount;
    }
    const gamma = (1 + ALPHA) / (1 - ALPHA);
    const theoretical = Math.ceil(logSpan / Math.log(gamma)) + 1; // 2,073 buckets
    expect(s.bucketCount).toBeLessThanOrEqual(theoretical);
    expect(s.bucketCount).toBeLessThan(2_100);
    expect(s.bucketCount - after1e5).toBeLessThanOrEqual(2);
    expect(s.count).toBe(1_000_000);
  });

  it('caps buckets by collapsing the smallest magnitudes, keeping upper percentiles', () => {
    const u = lcg(3);
    const s = new QuantileSketch({ exactThreshold: 0, maxBuckets: 1_000 });
    const xs: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const x = Math.exp(40 * u() - 20);
      xs.push(x);
      s.add(x);
    }
    xs.sort((a, b) => a - b);
    // 1,000 buckets of width ln γ ≈ 0.01 keep the top ~e^10 of the e^40 range: p ≥ 0.75.
    expect(s.bucketCount).toBeLessThanOrEqual(1_000);
    for (const p of [0.9, 0.95, 0.99]) {
      const truth = xs[Math.floor((xs.length - 1) * p)] as number;
      expect(relErr(s.quantile(p) as number, truth)).toBeLessThanOrEqual(ALPHA + SLACK);
    }
  });
});

describe('QuantileSketch merge', () => {
  function build(xs: readonly number[], threshold: number): QuantileSketch {
    const s = new QuantileSketch({ exactThreshold: threshold });
    for (const x of xs) s.add(x);
    return s;
  }

  it('equals adding every sample to one sketch, in every mode combination', () => {
    const z = normals(2024);
    const xs = Array.from({ length: 6_000 }, () => Math.exp(z()) * (z() < -1.5 ? -1 : 1));
    const whole = build(xs, 4_096);
    // Splits: exact+exact staying exact, exact+exact overflowing, sketch+exact, exact+sketch, sketch+sketch.
    for (const [cut, end] of [
      [1_000, 3_000],
      [3_000, 6_000],
      [5_000, 6_000],
      [1_000, 6_000],
      [1_000, 6_000],
    ] as const) {
      const ref = build(xs.slice(0, end), 4_096);
      const a = build(xs.slice(0, cut), 4_096);
      a.merge(build(xs.slice(cut, end), 4_096));
      expect(a.count).toBe(ref.count);
      expect(a.isExact).toBe(ref.isExact);
      expect(a.min).toBe(ref.min);
      expect(a.max).toBe(ref.max);
      for (const p of PS) expect(a.quantile(p)).toBe(ref.quantile(p));
    }
    const left = build(xs.slice(0, 5_000), 100);
    left.merge(build(xs.slice(5_000), 100));
    const one = build(xs, 100);
    for (const p of PS) expect(left.quantile(p)).toBe(one.quantile(p));
    expect(whole.count).toBe(6_000);
  });

  it('merges a sketch into itself as a doubling', () => {
    const xs = Array.from({ length: 5_000 }, (_, i) => i + 1);
    const s = build(xs, 4_096);
    s.merge(s);
    const doubled = build([...xs, ...xs], 4_096);
    for (const p of PS) expect(s.quantile(p)).toBe(doubled.quantile(p));
    const e = build([1, 2, 3], 4_096);
    e.merge(e);
    expect(e.count).toBe(6);
    expect(e.quantile(0.5)).toBe(2);
  });

  it('refuses sketches of different accuracy', () => {
    const a = new QuantileSketch({ relativeAccuracy: 0.01 });
    const b = new QuantileSketch({ relativeAccuracy: 0.02 });
    b.add(1);
    expect(() => a.merge(b)).toThrow(RangeError);
  });
});

describe('BucketStore', () => {
  it('keeps totals and folds everything below the final floor into it, in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -500, max: 500 }), { minLength: 1, maxLength: 400 }), fc.integer({ min: 1, max: 300 }), (indices, cap) => {
        const store = new BucketStore(cap);
        for (const i of indices) store.add(i);
        const top = Math.max(...indices);
        const floor = Math.max(Math.min(...indices), top - cap + 1);
        expect(store.total).toBe(indices.length);
        expect(store.span).toBeLessThanOrEqual(cap);
        expect(store.maxIndex).toBe(top);
        expect(store.minIndex).toBe(floor);
        for (let i = floor; i <= top; i++) {
          const expected = indices.filter((j) => (i === floor ? j <= floor : j === i)).length;
          expect(store.countAt(i)).toBe(expected);
        }
        // Ascending and descending rank lookups agree on the same item.
        const n = indices.length;
        for (let r = 0; r < n; r += Math.max(1, Math.floor(n / 7))) {
          expect(store.indexAtRank(r, false)).toBe(store.indexAtRank(n - 1 - r, true));
        }
      }),
      { numRuns: 200 },
    );
  });
});
