import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatSpecError, parseDistSpec } from '../src/random/index.ts';
import type { DistSpecOptions, SpecError, TimedDistribution } from '../src/random/index.ts';
import { Rng } from '../src/random/rng.ts';

const BASE = '$.customs.yellow.check';

function ok(spec: unknown, opts?: DistSpecOptions): TimedDistribution {
  const r = parseDistSpec(spec, BASE, opts);
  if (!r.ok) throw new Error(`expected success, got:\n${r.errors.map(formatSpecError).join('\n')}`);
  return r.value;
}

function errors(spec: unknown, opts?: DistSpecOptions): SpecError[] {
  const r = parseDistSpec(spec, BASE, opts);
  if (r.ok) throw new Error(`expected errors for ${JSON.stringify(spec)}`);
  return r.errors;
}

function lines(spec: unknown, opts?: DistSpecOptions): string[] {
  return errors(spec, opts).map(formatSpecError);
}

describe('parseDistSpec: valid specs', () => {
  const examples: Array<[unknown, string, number, string | undefined]> = [
    [{ dist: 'tri', min: 6, mode: 15, max: 30, unit: 's' }, 'triangular', 17, 's'],
    [{ dist: 'exp', mean: 4, unit: 'min' }, 'exponential', 4, 'min'],
    [{ dist: 'const', value: 20, unit: 's' }, 'constant', 20, 's'],
    [{ dist: 'uniform', min: 15, max: 20, unit: 'min' }, 'uniform', 17.5, 'min'],
    [{ dist: 'erlang', k: 3, mean: 12, unit: 'min' }, 'erlang', 12, 'min'],
    [{ dist: 'gamma', shape: 2, scale: 3, unit: 'min' }, 'gamma', 6, 'min'],
    [{ dist: 'empirical', values: [1, 2, 3], weights: [0.2, 0.5, 0.3] }, 'empirical', 2.1, undefined],
    [{ dist: 'table', points: [[0, 0], [5, 0.4], [20, 1]], unit: 'min' }, 'table', 8.5, 'min'],
  ];
  it.each(examples)('%j', (spec, kind, mean, unit) => {
    const d = ok(spec);
    expect(d.kind).toBe(kind);
    expect(d.unit).toBe(unit);
    expect(d.mean()).toBeCloseTo(mean, 12);
  });

  it('truncated normal and lognormal, weibull', () => {
    const n = ok({ dist: 'normal', mean: 10, sd: 2, min: 0, unit: 'min' });
    expect(n.kind).toBe('truncated');
    // min 0 is 5 sd below the mean: the exact shift is sd·φ(5)/Φ(5) ≈ 3e-6.
    expect(n.mean()).toBeCloseTo(10 + (2 * 1.4867195147342977e-6) / (1 - 2.866515718791939e-7), 11);
    const ln = ok({ dist: 'lognormal', mean: 90, sd: 40, max: 480, unit: 'min' });
    expect(ln.kind).toBe('truncated');
    expect(ln.mean()).toBeLessThan(90);
    expect(ln.mean()).toBeGreaterThan(89.9);
    expect(ok({ dist: 'weibull', shape: 1.5, scale: 100, unit: 'h' }).mean()).toBeCloseTo(90.27452929509336, 9);
  });

  it('accepts the aliases', () => {
    expect(ok({ dist: 'triangular', min: 1, mode: 2, max: 3, unit: 's' }).kind).toBe('triangular');
    expect(ok({ dist: 'exponential', mean: 1, unit: 's' }).kind).toBe('exponential');
    expect(ok({ dist: 'constant', value: 1, unit: 's' }).kind).toBe('constant');
    expect(ok({ dist: 'unif', min: 1, max: 2, unit: 's' }).kind).toBe('uniform');
  });

  it('converts to milliseconds: sampleMs is a non-negative integer, meanMs scales the mean', () => {
    const tri = ok({ dist: 'tri', min: 6, mode: 15, max: 30, unit: 's' });
    expect(tri.meanMs()).toBe(17_000);
    expect(ok({ dist: 'exp', mean: 4, unit: 'min' }).meanMs()).toBe(240_000);
    expect(ok({ dist: 'const', value: 1.5, unit: 'h' }).sampleMs(new Rng(1))).toBe(5_400_000);
    expect(ok({ dist: 'const', value: 2, unit: 'd' }).meanMs()).toBe(172_800_000);
    // A wide normal with no lower bound yields negative draws; sampleMs clamps them to 0.
    const wide = ok({ dist: 'normal', mean: 0.001, sd: 1, unit: 's' });
    const rng = new Rng(4);
    let zeros = 0;
    let bad = 0;
    for (let i = 0; i < 2000; i++) {
      const ms = wide.sampleMs(rng);
      if (!(Number.isInteger(ms) && ms >= 0)) bad++;
      if (ms === 0) zeros++;
    }
    expect(bad).toBe(0);
    expect(zeros).toBeGreaterThan(800);
  });

  it('sample() stays in the spec unit and matches sampleMs() for the same draw', () => {
    const d = ok({ dist: 'uniform', min: 15, max: 20, unit: 'min' });
    const a = new Rng(6);
    const b = new Rng(6);
    const x = d.sample(a);
    expect(x).toBeGreaterThanOrEqual(15);
    expect(d.sampleMs(b)).toBe(Math.round(x * 60_000));
  });

  it('dimensionless specs sample but refuse to become milliseconds', () => {
    const d = ok({ dist: 'empirical', values: [1, 2, 3] });
    expect(d.unit).toBeUndefined();
    expect(d.mean()).toBe(2); // weights optional: equal
    expect(() => d.sampleMs(new Rng(1))).toThrow(/dimensionless/);
    expect(() => d.meanMs()).toThrow(/dimensionless/);
  });

  it('uses the default unit when the spec has none, and then allows bare numbers', () => {
    expect(ok({ dist: 'exp', mean: 4 }, { defaultUnit: 'min' }).unit).toBe('min');
    expect(ok({ dist: 'exp', mean: 4, unit: 's' }, { defaultUnit: 'min' }).unit).toBe('s');
    const bare = ok(20, { defaultUnit: 's' });
    expect(bare.kind).toBe('constant');
    expect(bare.meanMs()).toBe(20_000);
  });
});

describe('parseDistSpec: errors', () => {
  it('reports mode outside [min, max] in the planner-facing form', () => {
    expect(lines({ dist: 'tri', min: 10, mode: 150, max: 120, unit: 'min' })).toEqual([
      '$.customs.yellow.check.mode: mode (150) must lie between min (10) and max (120)',
    ]);
    expect(lines({ dist: 'tri', min: 10, mode: 5, max: 120, unit: 'min' })).toEqual([
      '$.customs.yellow.check.mode: mode (5) must lie between min (10) and max (120)',
    ]);
    expect(lines({ dist: 'tri', min: 50, mode: 40, max: 30, unit: 'min' })).toEqual([
      '$.customs.yellow.check.max: max (30) must not be less than min (50)',
    ]);
  });

  const cases: Array<[string, unknown, DistSpecOptions | undefined, string, RegExp]> = [
    ['unknown dist lists the known ones', { dist: 'trig', unit: 's' }, undefined, `${BASE}.dist`, /unknown distribution "trig"; known distributions are const .*weibull, empirical and table \(did you mean "tri"\?\)/],
    ['missing dist', { mean: 3, unit: 's' }, undefined, `${BASE}.dist`, /dist is missing; choose one of const/],
    ['dist not a string', { dist: 3 }, undefined, `${BASE}.dist`, /dist must be a distribution name such as "tri", got the number 3/],
    ['missing field', { dist: 'tri', min: 1, max: 3, unit: 's' }, undefined, `${BASE}.mode`, /mode is missing; a tri distribution needs min, mode and max/],
    ['wrong type', { dist: 'exp', mean: '4', unit: 's' }, undefined, `${BASE}.mean`, /mean must be a number, got the string "4"/],
    ['non-finite number', { dist: 'exp', mean: Infinity, unit: 's' }, undefined, `${BASE}.mean`, /mean must be a finite number, got Infinity/],
    ['NaN', { dist: 'const', value: Number.NaN, unit: 's' }, undefined, `${BASE}.value`, /value must be a finite number, got NaN/],
    ['negative time', { dist: 'const', value: -5, unit: 's' }, undefined, `${BASE}.value`, /value \(-5\) must not be negative: it is a duration in s/],
    ['negative uniform bound', { dist: 'uniform', min: -1, max: 3, unit: 'min' }, undefined, `${BASE}.min`, /min \(-1\) must not be negative/],
    ['uniform min > max', { dist: 'uniform', min: 20, max: 15, unit: 'min' }, undefined, `${BASE}.max`, /max \(15\) must not be less than min \(20\)/],
    ['non-positive exp mean', { dist: 'exp', mean: 0, unit: 'min' }, undefined, `${BASE}.mean`, /mean \(0\) must be greater than 0/],
    ['sd < 0', { dist: 'normal', mean: 10, sd: -2, unit: 'min' }, undefined, `${BASE}.sd`, /sd \(-2\) must not be negative/],
    ['lognormal mean 0', { dist: 'lognormal', mean: 0, sd: 1, unit: 'min' }, undefined, `${BASE}.mean`, /mean \(0\) must be greater than 0/],
    ['erlang k not whole', { dist: 'erlang', k: 2.5, mean: 12, unit: 'min' }, undefined, `${BASE}.k`, /k \(2\.5\) must be a whole number of phases from 1 to 1000/],
    ['gamma shape 0', { dist: 'gamma', shape: 0, scale: 3, unit: 'min' }, undefined, `${BASE}.shape`, /shape \(0\) must be greater than 0/],
    ['weibull scale < 0', { dist: 'weibull', shape: 1, scale: -3, unit: 'h' }, undefined, `${BASE}.scale`, /scale \(-3\) must be greater than 0/],
    ['truncation max <= min', { dist: 'normal', mean: 10, sd: 2, min: 5, max: 5, unit: 'min' }, undefined, `${BASE}.max`, /max \(5\) must be greater than min \(5\)/],
    ['truncation window with no mass', { dist: 'normal', mean: 10, sd: 2, min: 20, unit: 'min' }, undefined, BASE, /only 0\.000029% of this normal distribution lies at or above min \(20\)/],
    ['truncation of a positive dist below 0', { dist: 'gamma', shape: 2, scale: 1, max: 0 }, undefined, `${BASE}.max`, /max \(0\) must be greater than 0: a gamma distribution only produces positive values/],
    ['negative weight', { dist: 'empirical', values: [1, 2], weights: [1, -1] }, undefined, `${BASE}.weights[1]`, /weights\[1\] \(-1\) must not be negative/],
    ['weights all zero', { dist: 'empirical', values: [1, 2], weights: [0, 0] }, undefined, `${BASE}.weights`, /weights must not all be zero/],
    ['weights length', { dist: 'empirical', values: [1, 2, 3], weights: [1, 2] }, undefined, `${BASE}.weights`, /there are 3 values but 2 weights/],
    ['value not a number', { dist: 'empirical', values: [1, 'x'] }, undefined, `${BASE}.values[1]`, /values\[1\] must be a number, got the string "x"/],
    ['empty values', { dist: 'empirical', values: [] }, undefined, `${BASE}.values`, /values must be a non-empty list of numbers, got a list of 0 items/],
    ['table not monotone in x', { dist: 'table', points: [[0, 0], [5, 0.4], [3, 1]], unit: 'min' }, undefined, `${BASE}.points[2][0]`, /x \(3\) must not be smaller than the previous point's x \(5\)/],
    ['table not monotone in p', { dist: 'table', points: [[0, 0], [5, 0.6], [8, 0.4], [9, 1]] }, undefined, `${BASE}.points[2][1]`, /cumulative probability \(0\.4\) must not be smaller than the previous point's \(0\.6\)/],
    ['table not ending at 1', { dist: 'table', points: [[0, 0], [5, 0.4], [20, 0.9]] }, undefined, `${BASE}.points[2][1]`, /the last point's cumulative probability must be 1, got 0\.9/],
    ['table not starting at 0', { dist: 'table', points: [[0, 0.1], [20, 1]] }, undefined, `${BASE}.points[0][1]`, /the first point's cumulative probability must be 0, got 0\.1/],
    ['table probability above 1', { dist: 'table', points: [[0, 0], [5, 1.5], [20, 1]] }, undefined, `${BASE}.points[1][1]`, /cumulative probability \(1\.5\) must lie between 0 and 1/],
    ['table point not a pair', { dist: 'table', points: [[0, 0], [5], [20, 1]] }, undefined, `${BASE}.points[1]`, /each point must be a pair \[x, cumulative probability\], got a list of 1 item$/],
    ['table too short', { dist: 'table', points: [[0, 1]] }, undefined, `${BASE}.points`, /points must be a list of at least two/],
    ['unknown field with a hint', { dist: 'normal', mean: 10, sigma: 2, unit: 'min' }, undefined, `${BASE}.sigma`, /unknown field "sigma" for a normal distribution; allowed fields are dist, mean, sd, min, max and unit/],
    ['misspelt field gets a hint', { dist: 'tri', min: 1, mdoe: 2, max: 3, unit: 's' }, undefined, `${BASE}.mdoe`, /\(did you mean "mode"\?\)/],
    ['odd key names are bracketed', { dist: 'exp', mean: 1, 'my field': 1, unit: 's' }, undefined, `${BASE}["my field"]`, /unknown field "my field"/],
    ['unknown unit lists known units', { dist: 'exp', mean: 4, unit: 'sec' }, undefined, `${BASE}.unit`, /unknown unit "sec"; known units are ms, s, min, h and d/],
    ['unit of the wrong type', { dist: 'exp', mean: 4, unit: 60 }, undefined, `${BASE}.unit`, /unit must be one of ms, s, min, h and d, got the number 60/],
    ['required unit missing', { dist: 'exp', mean: 4 }, { requireUnit: true }, `${BASE}.unit`, /unit is missing; a duration needs one of ms, s, min, h and d/],
    ['bare number without default unit', 20, undefined, BASE, /a bare number \(20\) is only allowed where a default unit applies/],
    ['negative bare number', -3, { defaultUnit: 's' }, BASE, /value \(-3\) must not be negative: it is a duration in s/],
    ['string spec', 'tri', undefined, BASE, /expected a distribution such as \{ "dist": "tri".*got the string "tri"/],
    ['null spec', null, undefined, BASE, /got null/],
    ['array spec', [1, 2], undefined, BASE, /got a list of 2 items/],
  ];

  it.each(cases)('%s', (_name, spec, opts, path, message) => {
    const errs = errors(spec, opts);
    const hit = errs.find((e) => e.path === path && message.test(e.message));
    expect(hit, `no error at ${path} matching ${message}; got:\n${errs.map(formatSpecError).join('\n')}`).toBeDefined();
  });

  it('reports every problem at once', () => {
    const errs = errors({
      dist: 'tri',
      min: -1,
      mode: 'often',
      unit: 'minutes',
      colour: 'red',
    });
    expect(errs.map((e) => e.path).sort()).toEqual(
      [`${BASE}.colour`, `${BASE}.max`, `${BASE}.min`, `${BASE}.mode`, `${BASE}.unit`].sort(),
    );
    expect(errs.find((e) => e.path === `${BASE}.max`)?.message).toMatch(/max is missing/);
    expect(errs.find((e) => e.path === `${BASE}.min`)?.message).toMatch(/must not be negative/);
    expect(errs.find((e) => e.path === `${BASE}.mode`)?.message).toMatch(/must be a number/);
    expect(errs.find((e) => e.path === `${BASE}.unit`)?.message).toMatch(/unknown unit "minutes"/);
  });

  it('reports every bad list element, not just the first', () => {
    const errs = errors({ dist: 'empirical', values: [1, 'a', null, 4], weights: [-1, 1, 1, -2], unit: 's' });
    expect(errs.map((e) => e.path)).toEqual(
      expect.arrayContaining([`${BASE}.values[1]`, `${BASE}.values[2]`]),
    );
    const errs2 = errors({ dist: 'empirical', values: [1, 2, 3, 4], weights: [-1, 1, 1, -2], unit: 's' });
    expect(errs2.map((e) => e.path)).toEqual([`${BASE}.weights[0]`, `${BASE}.weights[3]`]);
  });
});

describe('parseDistSpec: robustness', () => {
  const names = ['const', 'constant', 'uniform', 'unif', 'tri', 'triangular', 'exp', 'exponential', 'normal', 'lognormal', 'erlang', 'gamma', 'weibull', 'empirical', 'table', 'bogus'];
  const value = fc.oneof(
    fc.double({ min: -100, max: 100, noNaN: true }),
    fc.integer({ min: -5, max: 50 }),
    fc.constantFrom(Infinity, Number.NaN, '3', null, true),
    fc.array(fc.double({ min: -1, max: 30, noNaN: true }), { maxLength: 4 }),
    fc.array(fc.tuple(fc.double({ min: 0, max: 30, noNaN: true }), fc.constantFrom(0, 0.3, 0.6, 1)), { maxLength: 4 }),
  );
  const spec = fc.record(
    {
      dist: fc.constantFrom(...names),
      min: value, max: value, mode: value, mean: value, sd: value, value, k: value,
      shape: value, scale: value, values: value, weights: value, points: value,
      unit: fc.constantFrom('ms', 's', 'min', 'h', 'd', 'sec'),
    },
    { requiredKeys: ['dist'] },
  );

  it('never throws; success yields finite samples, failure always explains itself under the base path', () => {
    fc.assert(
      fc.property(spec, fc.nat(), (s, seed) => {
        const r = parseDistSpec(s, BASE);
        if (r.ok) {
          const rng = new Rng(seed);
          for (let i = 0; i < 5; i++) if (!Number.isFinite(r.value.sample(rng))) return false;
          return Number.isFinite(r.value.mean());
        }
        return r.errors.length > 0 && r.errors.every((e) => e.path.startsWith(BASE) && e.message.length > 0);
      }),
      { numRuns: 600 },
    );
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = parseDistSpec(v, '$');
        return r.ok || r.errors.length > 0;
      }),
      { numRuns: 300 },
    );
  });
});
