import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  constant,
  empirical,
  erlang,
  exponential,
  gamma,
  lognormal,
  normal,
  table,
  triangular,
  truncate,
  uniform,
  weibull,
  MAX_TRUNCATION_TRIES,
} from '../src/random/index.ts';
import type { Distribution } from '../src/random/index.ts';
import { erfc, normalCdf, normalPdf } from '../src/random/special-functions.ts';
import { logGamma as lnGamma } from '../src/stats/special-functions.ts';
import { Rng } from '../src/random/rng.ts';

/**
 * Moment checks. For n i.i.d. samples the sample mean has standard error σ/√n and the sample
 * variance has standard error √((μ4 − σ⁴)/n) (μ4 estimated from the sample). A bound of Z = 5
 * standard errors has a two-sided false-alarm probability below 6e-7 per check, and the seed is
 * fixed, so the test is both sound and deterministic; with n = 200,000 the bound is about
 * 0.011σ, so a formula off by a few per cent of σ fails (asserted below via `wrongMean`).
 */
const N = 200_000;
const Z = 5;

interface Moments {
  mean: number;
  variance: number;
  meanBound: number;
  varianceBound: number;
  min: number;
  max: number;
}

function moments(dist: Distribution, seed: number, n = N): Moments {
  const rng = new Rng(seed);
  const xs = new Float64Array(n);
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = dist.sample(rng);
    xs[i] = x;
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const mean = sum / n;
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i]! - mean;
    const d2 = d * d;
    m2 += d2;
    m4 += d2 * d2;
  }
  const variance = m2 / (n - 1);
  m4 /= n;
  return {
    mean,
    variance,
    meanBound: Z * Math.sqrt(variance / n),
    varianceBound: Z * Math.sqrt(Math.max(m4 - variance * variance, 0) / n),
    min,
    max,
  };
}

function normalTruncatedMoments(mu: number, sd: number, a: number, b: number): { mean: number; variance: number } {
  const alpha = (a - mu) / sd;
  const beta = (b - mu) / sd;
  const za = Number.isFinite(alpha) ? normalPdf(alpha) : 0;
  const zb = Number.isFinite(beta) ? normalPdf(beta) : 0;
  const Zm = normalCdf(beta) - normalCdf(alpha);
  const aTerm = Number.isFinite(alpha) ? alpha * za : 0;
  const bTerm = Number.isFinite(beta) ? beta * zb : 0;
  const ratio = (za - zb) / Zm;
  return { mean: mu + sd * ratio, variance: sd * sd * (1 + (aTerm - bTerm) / Zm - ratio * ratio) };
}

/** ∫ f over [a, b] by composite Simpson with n (even) panels. */
function simpson(f: (x: number) => number, a: number, b: number, n = 20000): number {
  const h = (b - a) / n;
  let s = f(a) + f(b);
  for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

const G = (x: number): number => Math.exp(lnGamma(x));

interface Case {
  name: string;
  dist: Distribution;
  mean: number;
  variance: number;
  /** The value a plausible formula mistake would give; the sample must reject it. */
  wrongMean: number;
}

const triVar = (a: number, c: number, b: number): number => (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
const weibullMean = (k: number, l: number): number => l * G(1 + 1 / k);
const weibullVar = (k: number, l: number): number => l * l * (G(1 + 2 / k) - G(1 + 1 / k) ** 2);
const truncNormal = normalTruncatedMoments(10, 2, 9, Infinity);
const truncNormal2 = normalTruncatedMoments(10, 4, 0, 12);
const lnSigma2 = Math.log1p((40 / 90) ** 2);
const lnMu = Math.log(90) - lnSigma2 / 2;
const lnPdf = (x: number): number =>
  x <= 0 ? 0 : Math.exp(-((Math.log(x) - lnMu) ** 2) / (2 * lnSigma2)) / (x * Math.sqrt(2 * Math.PI * lnSigma2));
const lnMass = simpson(lnPdf, 1e-9, 180);
const lnTruncMean = simpson((x) => x * lnPdf(x), 1e-9, 180) / lnMass;
const lnTruncVar = simpson((x) => x * x * lnPdf(x), 1e-9, 180) / lnMass - lnTruncMean ** 2;
// exp(mean 4) on [1, 6]: density e^(−x/4)/4 / (e^(−1/4) − e^(−6/4)).
const expMass = Math.exp(-1 / 4) - Math.exp(-6 / 4);
const expPdf = (x: number): number => Math.exp(-x / 4) / 4 / expMass;
const expTruncMean = simpson((x) => x * expPdf(x), 1, 6);
const expTruncVar = simpson((x) => x * x * expPdf(x), 1, 6) - expTruncMean ** 2;

const CASES: Case[] = [
  { name: 'uniform(15, 20)', dist: uniform(15, 20), mean: 17.5, variance: 25 / 12, wrongMean: 17.55 },
  { name: 'exponential(4)', dist: exponential(4), mean: 4, variance: 16, wrongMean: 4.2 },
  { name: 'triangular(6, 15, 30)', dist: triangular(6, 15, 30), mean: 17, variance: triVar(6, 15, 30), wrongMean: 16.6 },
  { name: 'triangular(0, 0, 1)', dist: triangular(0, 0, 1), mean: 1 / 3, variance: triVar(0, 0, 1), wrongMean: 0.34 },
  { name: 'normal(10, 2)', dist: normal(10, 2), mean: 10, variance: 4, wrongMean: 10.05 },
  { name: 'lognormal(90, 40)', dist: lognormal(90, 40), mean: 90, variance: 1600, wrongMean: 90 * Math.sqrt(1 + (40 / 90) ** 2) },
  { name: 'erlang(3, 12)', dist: erlang(3, 12), mean: 12, variance: 48, wrongMean: 12.2 },
  { name: 'gamma(2, 3)', dist: gamma(2, 3), mean: 6, variance: 18, wrongMean: 6.15 },
  // shape < 1 exercises the boost; without it the mean would be (shape + 1)·scale = 3.
  { name: 'gamma(0.5, 2)', dist: gamma(0.5, 2), mean: 1, variance: 2, wrongMean: 1.04 },
  { name: 'weibull(1.5, 100)', dist: weibull(1.5, 100), mean: weibullMean(1.5, 100), variance: weibullVar(1.5, 100), wrongMean: 100 * G(1 + 1.5) },
  { name: 'weibull(0.7, 2)', dist: weibull(0.7, 2), mean: weibullMean(0.7, 2), variance: weibullVar(0.7, 2), wrongMean: 2 },
  { name: 'empirical([1,2,3],[.2,.5,.3])', dist: empirical([1, 2, 3], [0.2, 0.5, 0.3]), mean: 2.1, variance: 0.49, wrongMean: 2 },
  {
    name: 'table([[0,0],[5,0.4],[20,1]])',
    dist: table([[0, 0], [5, 0.4], [20, 1]]),
    mean: 8.5,
    variance: (0.4 * 25) / 3 + (0.6 * (25 + 100 + 400)) / 3 - 72.25,
    wrongMean: 8.65,
  },
  { name: 'normal(10, 2) ≥ 9', dist: truncate(normal(10, 2), 9), ...truncNormal, wrongMean: 10 },
  { name: 'normal(10, 4) in [0, 12]', dist: truncate(normal(10, 4), 0, 12), ...truncNormal2, wrongMean: truncNormal2.mean + 0.06 },
  { name: 'lognormal(90, 40) ≤ 180', dist: truncate(lognormal(90, 40), 0, 180), mean: lnTruncMean, variance: lnTruncVar, wrongMean: 90 },
  { name: 'exponential(4) in [1, 6]', dist: truncate(exponential(4), 1, 6), mean: expTruncMean, variance: expTruncVar, wrongMean: expTruncMean + 0.05 },
];

describe('sample moments match the analytic mean and variance', () => {
  CASES.forEach((c, i) => {
    it(c.name, () => {
      const m = moments(c.dist, 1000 + i);
      // mean() is analytic; erfc's 1.2e-7 relative error bounds the truncated cases.
      expect(Math.abs(c.dist.mean() - c.mean)).toBeLessThan(2e-6 * (Math.abs(c.mean) + Math.sqrt(c.variance)));
      expect(Math.abs(m.mean - c.mean)).toBeLessThan(m.meanBound);
      expect(Math.abs(m.variance - c.variance)).toBeLessThan(m.varianceBound);
      // Power check: the same bound rejects a plausibly wrong formula.
      expect(Math.abs(m.mean - c.wrongMean)).toBeGreaterThan(m.meanBound);
    });
  });

  it('constant has no spread and draws nothing', () => {
    const rng = new Rng(1);
    const before = rng.state();
    expect(constant(20).sample(rng)).toBe(20);
    expect(constant(20).mean()).toBe(20);
    expect(rng.state()).toEqual(before);
  });

  it('truncated gamma (no closed-form mean): numerical mean() agrees with sampling', () => {
    const d = truncate(gamma(2, 3), 2, 10);
    const m = moments(d, 77);
    // mean() is itself a 65,536-sample estimate, so both standard errors count.
    const bound = Z * Math.sqrt(m.variance / N + m.variance / 65536);
    expect(Math.abs(d.mean() - m.mean)).toBeLessThan(bound);
    expect(d.mean()).toBe(truncate(gamma(2, 3), 2, 10).mean()); // deterministic
  });

  it('erlang with many phases stays finite (product underflow is folded into logs)', () => {
    const m = moments(erlang(1000, 50), 5, 2000);
    expect(Number.isFinite(m.mean)).toBe(true);
    expect(Math.abs(m.mean - 50)).toBeLessThan(m.meanBound);
  });
});

/** Kolmogorov–Smirnov statistic D = sup |F_n − F|. */
function ksStatistic(dist: Distribution, cdf: (x: number) => number, seed: number, n: number): number {
  const rng = new Rng(seed);
  const xs = Float64Array.from({ length: n }, () => dist.sample(rng)).sort();
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(xs[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

describe('Kolmogorov–Smirnov goodness of fit', () => {
  const n = 20_000;
  // Asymptotic critical value at α = 0.001 is 1.949/√n.
  const critical = 1.949 / Math.sqrt(n);
  const expCdf = (mean: number) => (x: number) => (x <= 0 ? 0 : 1 - Math.exp(-x / mean));
  const triCdf = (a: number, c: number, b: number) => (x: number) =>
    x <= a ? 0 : x >= b ? 1 : x <= c ? (x - a) ** 2 / ((b - a) * (c - a)) : 1 - (b - x) ** 2 / ((b - a) * (b - c));

  it('exponential(4)', () => {
    expect(ksStatistic(exponential(4), expCdf(4), 1, n)).toBeLessThan(critical);
    // A 5% error in the mean is detected.
    expect(ksStatistic(exponential(4), expCdf(4.2), 1, n)).toBeGreaterThan(critical);
  });

  it('triangular(6, 15, 30)', () => {
    expect(ksStatistic(triangular(6, 15, 30), triCdf(6, 15, 30), 2, n)).toBeLessThan(critical);
    expect(ksStatistic(triangular(6, 15, 30), triCdf(6, 16, 30), 2, n)).toBeGreaterThan(critical);
  });

  it('normal(10, 2), weibull(1.5, 100) and the CDF table', () => {
    expect(ksStatistic(normal(10, 2), (x) => normalCdf((x - 10) / 2), 3, n)).toBeLessThan(critical);
    const w = weibull(1.5, 100);
    expect(ksStatistic(w, (x) => w.cdf(x), 4, n)).toBeLessThan(critical);
    const t = table([[0, 0], [5, 0.4], [8, 0.4], [9, 0.5], [20, 1]]);
    expect(ksStatistic(t, (x) => t.cdf(x), 5, n)).toBeLessThan(critical);
  });
});

describe('bounds', () => {
  const seed = fc.nat({ max: 2 ** 32 - 1 });
  const num = fc.double({ min: -1e4, max: 1e4, noNaN: true });

  it('triangular stays within [min, max]', () => {
    fc.assert(
      fc.property(seed, fc.tuple(num, num, num), (s, abc) => {
        const [a, c, b] = [...abc].sort((x, y) => x - y) as [number, number, number];
        const d = triangular(a, c, b);
        const rng = new Rng(s);
        for (let i = 0; i < 50; i++) {
          const x = d.sample(rng);
          if (!(x >= a && x <= b)) return false;
        }
        return true;
      }),
    );
  });

  it('uniform stays within [min, max]', () => {
    fc.assert(
      fc.property(seed, num, num, (s, p, q) => {
        const d = uniform(Math.min(p, q), Math.max(p, q));
        const rng = new Rng(s);
        for (let i = 0; i < 50; i++) {
          const x = d.sample(rng);
          if (!(x >= d.min && x <= d.max)) return false;
        }
        return true;
      }),
    );
  });

  it('truncation stays within [min, max], even for windows far in the tail', () => {
    fc.assert(
      fc.property(seed, fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }), (s, lo, w) => {
        const d = truncate(normal(0, 1), lo, lo + w);
        const rng = new Rng(s);
        for (let i = 0; i < 5; i++) {
          const x = d.sample(rng);
          if (!(x >= lo && x <= lo + w)) return false;
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('an unreachable window clamps after exactly MAX_TRUNCATION_TRIES draws', () => {
    const rng = new Rng(9);
    const reference = rng.clone();
    expect(truncate(normal(0, 1), 50, 60).sample(rng)).toBe(50);
    for (let i = 0; i < 2 * MAX_TRUNCATION_TRIES; i++) reference.nextU32();
    expect(rng.state()).toEqual(reference.state());
  });
});

describe('stream consumption is predictable', () => {
  const perSample: Array<[string, Distribution, number]> = [
    ['constant', constant(1), 0],
    ['uniform', uniform(0, 1), 1],
    ['exponential', exponential(1), 1],
    ['triangular', triangular(0, 1, 2), 1],
    ['normal', normal(0, 1), 2],
    ['lognormal', lognormal(1, 1), 2],
    ['erlang(4)', erlang(4, 1), 4],
    ['weibull', weibull(2, 1), 1],
    ['empirical', empirical([1, 2], [1, 1]), 1],
    ['table', table([[0, 0], [1, 1]]), 1],
  ];
  it.each(perSample)('%s uses a fixed number of uniforms per sample', (_name, dist, k) => {
    const rng = new Rng(3);
    const reference = rng.clone();
    for (let i = 0; i < 10; i++) dist.sample(rng);
    for (let i = 0; i < 10 * k; i++) reference.nextU32();
    expect(rng.state()).toEqual(reference.state());
  });
});

describe('discrete and table edge cases', () => {
  it('empirical never picks zero-weight values', () => {
    const d = empirical([1, 2, 3, 4], [0, 1, 0, 1]);
    const rng = new Rng(8);
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) seen.add(d.sample(rng));
    expect([...seen].sort()).toEqual([2, 4]);
  });

  it('table with an atom and a gap samples only inside its support', () => {
    const t = table([[0, 0], [2, 0.5], [2, 0.7], [5, 0.7], [6, 1]]);
    const rng = new Rng(12);
    let outside = 0;
    let atoms = 0;
    for (let i = 0; i < 5000; i++) {
      const x = t.sample(rng);
      if (!(x >= 0 && x <= 6 && !(x > 2 && x < 5))) outside++;
      if (x === 2) atoms++;
    }
    expect(outside).toBe(0);
    // The atom at 2 carries probability 0.2.
    expect(Math.abs(atoms - 1000)).toBeLessThan(5 * Math.sqrt(5000 * 0.2 * 0.8));
  });

  it('constructors reject invalid parameters', () => {
    expect(() => exponential(0)).toThrow(RangeError);
    expect(() => triangular(3, 1, 2)).toThrow(RangeError);
    expect(() => normal(0, -1)).toThrow(RangeError);
    expect(() => lognormal(0, 1)).toThrow(RangeError);
    expect(() => erlang(1.5, 1)).toThrow(RangeError);
    expect(() => empirical([1], [0])).toThrow(RangeError);
    expect(() => table([[0, 0.1], [1, 1]])).toThrow(RangeError);
    expect(() => truncate(normal(0, 1), 2, 1)).toThrow(RangeError);
  });
});

describe('special functions', () => {
  it('erfc is accurate to 1.2e-7 relative', () => {
    const known: Array<[number, number]> = [
      [0, 1],
      [0.5, 0.4795001221869535],
      [1, 0.15729920705028513],
      [2, 0.004677734981047266],
      [3, 2.209049699858544e-5],
      [-1, 1.8427007929497148],
    ];
    for (const [x, v] of known) expect(Math.abs(erfc(x) - v) / v).toBeLessThan(1.2e-7);
  });

  it('lnGamma matches known values', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 13);
    expect(lnGamma(0.5)).toBeCloseTo(0.5723649429247001, 13);
    expect(lnGamma(10)).toBeCloseTo(12.801827480081469, 12);
    expect(lnGamma(0.1)).toBeCloseTo(2.252712651734206, 12);
  });
});
