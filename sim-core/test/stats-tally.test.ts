import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Tally } from '../src/stats/tally.ts';
import { lcg } from './support/lcg.ts';

function twoPass(xs: readonly number[]): { mean: number; variance: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}

function close(a: number | null, b: number, rel: number, abs = 0): void {
  expect(a).not.toBeNull();
  expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(rel * Math.abs(b) + abs);
}

// Squares of |x| < 1e-154 are subnormal, where no variance algorithm keeps relative
// precision; flushing such inputs to 0 keeps the property about the algorithm.
const value = fc
  .double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
  .map((x) => (Math.abs(x) < 1e-100 ? 0 : x));

describe('Tally', () => {
  it('matches a two-pass mean and sample variance (property)', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 2, maxLength: 200 }), (xs) => {
        const t = new Tally({ quantiles: false });
        for (const x of xs) t.add(x);
        const ref = twoPass(xs);
        const scale = Math.max(...xs.map(Math.abs));
        expect(t.count).toBe(xs.length);
        close(t.mean, ref.mean, 1e-12, 1e-12 * scale);
        close(t.variance, ref.variance, 1e-9, 1e-9 * scale * scale);
        close(t.sd, Math.sqrt(ref.variance), 1e-9, 1e-9 * scale);
        close(t.sum, xs.reduce((a, b) => a + b, 0), 1e-12, 1e-9 * scale);
        expect(t.min).toBe(Math.min(...xs));
        expect(t.max).toBe(Math.max(...xs));
      }),
      { numRuns: 300 },
    );
  });

  it('stays accurate on a large offset where Σx² - (Σx)²/n would cancel', () => {
    const u = lcg(11);
    const t = new Tally({ quantiles: false });
    const xs: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      const x = 2.6e9 + u(); // month-scale timestamps in ms plus a uniform(0, 1) jitter
      xs.push(x);
      t.add(x);
    }
    const ref = twoPass(xs);
    close(t.variance, ref.variance, 1e-6);
    close(t.variance, 1 / 12, 0.02);
  });

  it('uses null, never NaN, for undefined statistics', () => {
    const t = new Tally();
    expect(t.summary()).toEqual({ count: 0, mean: null, sd: null, min: null, max: null, p50: null, p95: null, p99: null });
    expect(t.sum).toBe(0);
    expect(t.variance).toBeNull();
    expect(t.quantile(0.5)).toBeNull();
    t.add(7);
    expect(t.summary()).toEqual({ count: 1, mean: 7, sd: null, min: 7, max: 7, p50: 7, p95: 7, p99: 7 });
    t.add(7);
    expect(t.variance).toBe(0);
    expect(JSON.parse(JSON.stringify(t.summary()))).toEqual(t.summary());
  });

  it('reports numpy-linear percentiles in its summary', () => {
    const t = new Tally();
    for (let i = 1; i <= 100; i++) t.add(i);
    const s = t.summary();
    expect(s.p50).toBeCloseTo(50.5, 12);
    expect(s.p95).toBeCloseTo(95.05, 12);
    expect(s.p99).toBeCloseTo(99.01, 12);
    close(s.sd, Math.sqrt((100 * 101) / 12), 1e-12);
  });

  it('can skip quantiles for hot paths', () => {
    const t = new Tally({ quantiles: false });
    t.add(1);
    t.add(3);
    expect(t.tracksQuantiles).toBe(false);
    expect(t.quantile(0.5)).toBeNull();
    expect(t.summary()).toEqual({ count: 2, mean: 2, sd: Math.SQRT2, min: 1, max: 3, p50: null, p95: null, p99: null });
  });

  it('passes sketch options through to the quantiles', () => {
    const t = new Tally({ sketch: { exactThreshold: 5 } });
    for (let i = 1; i <= 6; i++) t.add(i);
    const p50 = t.quantile(0.5) as number;
    expect(Math.abs(p50 - 3) / 3).toBeLessThanOrEqual(0.005 + 1e-12); // sketch: x[⌊h⌋] = 3
  });

  it('merges like one tally over the concatenation (property)', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 100 }), fc.array(value, { maxLength: 100 }), (xs, ys) => {
        const a = new Tally();
        const b = new Tally();
        const all = new Tally();
        for (const x of xs) a.add(x);
        for (const y of ys) b.add(y);
        for (const x of [...xs, ...ys]) all.add(x);
        a.merge(b);
        expect(a.count).toBe(all.count);
        expect(a.min).toBe(all.min);
        expect(a.max).toBe(all.max);
        const scale = Math.max(1, ...xs.map(Math.abs), ...ys.map(Math.abs));
        if (all.count > 0) close(a.mean, all.mean as number, 1e-12, 1e-12 * scale);
        if (all.count > 1) close(a.variance, all.variance as number, 1e-9, 1e-9 * scale * scale);
        close(a.sum, all.sum, 1e-12, 1e-9 * scale);
        for (const p of [0, 0.5, 0.95, 1]) expect(a.quantile(p)).toBe(all.quantile(p));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses to pool a quantile-less tally into one with quantiles', () => {
    const a = new Tally();
    const b = new Tally({ quantiles: false });
    b.add(1);
    expect(() => a.merge(b)).toThrow();
    expect(() => b.merge(a)).not.toThrow();
  });

  it('resets for warm-up truncation and rejects non-finite samples', () => {
    const t = new Tally();
    t.add(100);
    t.add(200);
    t.reset();
    expect(t.count).toBe(0);
    expect(t.mean).toBeNull();
    t.add(5);
    expect(t.summary()).toEqual({ count: 1, mean: 5, sd: null, min: 5, max: 5, p50: 5, p95: 5, p99: 5 });
    expect(() => t.add(NaN)).toThrow(RangeError);
    expect(() => t.add(-Infinity)).toThrow(RangeError);
    expect(() => t.quantile(-0.1)).toThrow(RangeError);
  });
});
