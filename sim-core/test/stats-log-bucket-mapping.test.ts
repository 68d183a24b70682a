import { describe, expect, it } from 'vitest';
import { LogBucketMapping } from '../src/stats/log-bucket-mapping.ts';
import { QuantileSketch } from '../src/stats/quantile-sketch.ts';
import { lcgU32 } from './support/lcg.ts';

/** The formula the sketch has always used; the mapping must agree with it on every input. */
const byLog = (x: number, logGamma: number): number => Math.ceil(Math.log(x) / logGamma);
const logGammaOf = (alpha: number): number => Math.log((1 + alpha) / (1 - alpha));

describe('LogBucketMapping', () => {
  for (const alpha of [0.005, 0.02, 0.001, 0.3]) {
    it(`gives exactly the logarithm formula's bucket at α = ${alpha}`, () => {
      const lg = logGammaOf(alpha);
      const m = new LogBucketMapping(lg);
      const bad: number[] = [];
      const check = (x: number): void => {
        if (m.index(x) !== byLog(x, lg)) bad.push(x);
      };
      // Every integer up to 300,000 ms (5 minutes), where most waits fall.
      for (let x = 1; x <= 300_000; x++) check(x);
      // Both sides of every bucket boundary up to 2^31, where a wrong table would show.
      for (let i = 1; ; i++) {
        const b = Math.round(Math.exp(i * lg));
        if (b >= 2 ** 31 + 2) break;
        for (let d = -2; d <= 2; d++) if (b + d >= 1) check(b + d);
      }
      // Random integers over the whole table range, fractions, and values past it.
      const next = lcgU32(7);
      for (let k = 0; k < 100_000; k++) {
        check(1 + (next() % (2 ** 31 - 1)));
        check(next() / 1024 + 1e-3);
        check(2 ** 31 + next() * 3);
      }
      check(2 ** 31 - 1);
      check(1e-9);
      expect(bad).toEqual([]);
    });
  }

  it('falls back to the formula for accuracies too fine for a table', () => {
    const lg = logGammaOf(1e-6);
    const m = new LogBucketMapping(lg);
    for (const x of [1, 2, 3, 1000, 65_537, 2 ** 31 - 1, 0.5]) expect(m.index(x)).toBe(byLog(x, lg));
  });

  it('refuses a non-positive logGamma', () => {
    expect(() => new LogBucketMapping(0)).toThrow(/logGamma must be a positive number, got 0/);
    expect(() => new LogBucketMapping(Number.NaN)).toThrow(/logGamma/);
  });

  it('leaves sketch percentiles as the formula puts them: bucket by bucket', () => {
    // Integer waits with a long tail, through the sketch, against the formula's own buckets.
    const next = lcgU32(11);
    const sketch = new QuantileSketch({ exactThreshold: 0 });
    const lg = logGammaOf(0.005);
    const counts = new Map<number, number>();
    const n = 50_000;
    for (let k = 0; k < n; k++) {
      const x = 1 + Math.round(-30_000 * Math.log((next() + 0.5) / 2 ** 32));
      sketch.add(x);
      const i = byLog(x, lg);
      counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    const gamma = (1 + 0.005) / (1 - 0.005);
    const keys = [...counts.keys()].sort((a, b) => a - b);
    for (const p of [0.5, 0.9, 0.95, 0.99]) {
      const rank = p * (n - 1);
      let seen = 0;
      let bucket = keys[keys.length - 1]!;
      for (const k of keys) {
        seen += counts.get(k)!;
        if (seen > rank) {
          bucket = k;
          break;
        }
      }
      expect(sketch.quantile(p)).toBe((2 * Math.exp(bucket * lg)) / (gamma + 1));
    }
  });
});
