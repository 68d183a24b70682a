import { describe, expect, it } from 'vitest';
import { CapacitySearch, type SearchStep } from '../src/stats/capacity-search.ts';
import { meanSeries, mser } from '../src/stats/mser.ts';
import { comparePaired } from '../src/stats/paired-verdict.ts';
import { targetVerdict, type TargetVerdict } from '../src/stats/target-verdict.ts';
import { lcg } from './support/lcg.ts';

describe('MSER-5 warm-up detection', () => {
  it('truncates a transient that decays into noise at the end of the transient', () => {
    const u = lcg(7);
    // 60 observations starting 50 above the steady level, settling over the first 30.
    const series = Array.from({ length: 200 }, (_, i) => 10 + (i < 30 ? 50 * (1 - i / 30) : 0) + (u() - 0.5));
    const r = mser(series);
    expect(r.batchSize).toBe(5);
    expect(r.batches).toBe(40);
    expect(r.reliable).toBe(true);
    expect(r.truncation).toBeGreaterThanOrEqual(25);
    expect(r.truncation).toBeLessThanOrEqual(35);
    expect(r.truncation % 5).toBe(0);
  });

  it('keeps everything of a stationary series and flags series too short or never settling', () => {
    const u = lcg(3);
    expect(mser(Array.from({ length: 100 }, () => u())).truncation).toBeLessThanOrEqual(10);
    expect(mser([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toMatchObject({ reliable: false, truncation: 0, statistic: null });
    // A ramp never settles: the minimum sits late and the answer is flagged.
    expect(mser(Array.from({ length: 100 }, (_, i) => i)).reliable).toBe(false);
    expect(() => mser([1, NaN, 3])).toThrow(RangeError);
    expect(() => mser([1, 2], 0)).toThrow(RangeError);
  });

  it('averages replications element-wise over their common length', () => {
    expect(meanSeries([[1, 2, 3], [3, 4]])).toEqual([2, 3]);
    expect(meanSeries([])).toEqual([]);
  });
});

describe('target verdict on a confidence interval', () => {
  it('is met, missed or undecided by where the interval lies', () => {
    expect(targetVerdict([80, 81, 82, 83], { op: '<=', threshold: 90 }).verdict).toBe('met');
    expect(targetVerdict([95, 96, 97], { op: '<=', threshold: 90 }).verdict).toBe('missed');
    expect(targetVerdict([85, 95, 88, 92], { op: '<=', threshold: 90 }).verdict).toBe('undecided');
    expect(targetVerdict([3000, 3010], { op: '>=', threshold: 2000 }).verdict).toBe('met');
    expect(targetVerdict([42], { op: '<', threshold: 90 }).verdict).toBe('undecided');
  });
});

describe('CI-aware capacity search', () => {
  /** Drives the search against a noiseless "truth": met below the knee, undecided near it. */
  function drive(knee: number, band: number, opts: { low: number; high: number }): { steps: number; result: Extract<SearchStep, { kind: 'done' }>['result'] } {
    const s = new CapacitySearch({ ...opts, resolution: 10, initialReps: 3, maxReps: 9, repStep: 3 });
    for (let steps = 0; ; steps++) {
      const n = s.next();
      if (n.kind === 'done') return { steps, result: n.result };
      const v: TargetVerdict = Math.abs(n.level - knee) < band ? 'undecided' : n.level < knee ? 'met' : 'missed';
      s.observe(n.level, v);
    }
  }

  it('brackets the knee within the resolution', () => {
    const { result } = drive(1234, 0, { low: 100, high: 5000 });
    expect(result.bounded).toBe(true);
    expect(result.capacity).not.toBeNull();
    expect(result.capacity!).toBeLessThan(1234);
    expect(result.bracket[1]! - result.bracket[0]!).toBeLessThanOrEqual(10);
    expect(result.probes.every((p) => p.reps === 3)).toBe(true);
  });

  it('gives an undecided level more replications, then counts it as the knee', () => {
    const { result } = drive(1234, 40, { low: 100, high: 5000 });
    const knee = result.probes.filter((p) => p.verdict === 'undecided');
    expect(knee.length).toBeGreaterThan(0);
    expect(knee.every((p) => p.reps === 9)).toBe(true);
    expect(result.kneeUndecided.every((l) => Math.abs(l - 1234) < 40)).toBe(true);
    expect(result.capacity!).toBeLessThanOrEqual(1234 - 40 + 10);
  });

  it('says so when even the lowest level misses or the highest meets the target', () => {
    expect(drive(50, 0, { low: 100, high: 500 }).result).toMatchObject({ capacity: null, bracket: [null, 100] });
    expect(drive(9000, 0, { low: 100, high: 500 }).result).toMatchObject({ capacity: 500, bounded: false });
    expect(() => new CapacitySearch({ low: 5, high: 5, resolution: 1, initialReps: 2, maxReps: 2, repStep: 1 })).toThrow(RangeError);
  });
});

describe('paired comparison verdict', () => {
  it('judges the difference candidate − baseline by the KPI direction, leaving out missing pairs', () => {
    const base = [10, 12, 11, 13, 12];
    const cand = [8, 10.2, 9, 11.1, 9.9];
    expect(comparePaired(base, cand, 'lower').verdict).toBe('better');
    expect(comparePaired(base, cand, 'higher').verdict).toBe('worse');
    expect(comparePaired(base, cand, 'none').verdict).toBe('no-difference');
    expect(comparePaired(base, [10.5, 11.5, 11.2, 12.6, 12.4], 'lower').verdict).toBe('no-difference');
    const r = comparePaired([1, null, 3], [2, 5, null], 'lower');
    expect(r).toMatchObject({ verdict: 'undecided', diff: { n: 1, mean: 1 } });
  });
});

describe('CI-aware capacity search at the top of the range', () => {
  it('bisects below an undecided top instead of reporting the top as met', () => {
    const s = new CapacitySearch({ low: 2000, high: 5000, resolution: 100, initialReps: 3, maxReps: 6, repStep: 3 });
    for (;;) {
      const n = s.next();
      if (n.kind === 'done') {
        expect(n.result.bounded).toBe(true);
        expect(n.result.capacity).toBeGreaterThan(3000);
        expect(n.result.capacity).toBeLessThan(3700);
        expect(n.result.bracket[1]).not.toBeNull();
        return;
      }
      s.observe(n.level, n.level === 5000 ? 'undecided' : n.level < 3600 ? 'met' : 'missed');
    }
  });
});
