import { describe, expect, it } from 'vitest';
import { TimeWeighted } from '../src/stats/time-weighted.ts';

describe('TimeWeighted', () => {
  it('integrates a hand-computed step function', () => {
    // 0 on [0,10), 2 on [10,30), a 0 ms spike to 5 at 30, then 1 on [30,50).
    const tw = new TimeWeighted(0);
    tw.update(10, 2);
    tw.update(30, 5);
    tw.update(30, 1);
    expect(tw.integral(50)).toBe(0 * 10 + 2 * 20 + 5 * 0 + 1 * 20);
    expect(tw.mean(50)).toBe(60 / 50);
    expect(tw.integral(30)).toBe(40);
    expect(tw.current).toBe(1);
    expect(tw.min).toBe(0);
    expect(tw.max).toBe(5); // the momentary spike still counts
    expect(tw.lastTime).toBe(30);
  });

  it('starts from a non-zero initial value and a non-zero start time', () => {
    const tw = new TimeWeighted(1_000, 3);
    expect(tw.mean(1_000)).toBe(3); // empty window: the current value
    tw.update(1_500, 7);
    expect(tw.integral(2_000)).toBe(3 * 500 + 7 * 500);
    expect(tw.mean(2_000)).toBe(5);
    expect(tw.startTime).toBe(1_000);
  });

  it('reset keeps the current value and drops the past (warm-up truncation)', () => {
    const tw = new TimeWeighted(0, 10);
    tw.update(100, 4);
    tw.update(200, 2);
    tw.reset(250);
    expect(tw.current).toBe(2);
    expect(tw.min).toBe(2);
    expect(tw.max).toBe(2);
    expect(tw.integral(250)).toBe(0);
    tw.update(300, 6);
    expect(tw.integral(400)).toBe(2 * 50 + 6 * 100);
    expect(tw.mean(400)).toBe(700 / 150);
    expect(tw.max).toBe(6);
  });

  it('matches an exact integer integral over a month of 10^6 updates', () => {
    const tw = new TimeWeighted(0);
    let t = 0;
    let exact = 0n;
    let value = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const dt = 1 + ((i * 7919) % 5_000); // up to 5 s between changes
      exact += BigInt(value) * BigInt(dt);
      t += dt;
      value = (i * 31) % 97; // queue length 0..96
      tw.update(t, value);
    }
    expect(t).toBeGreaterThan(2.4e9); // ≈ a month in ms
    expect(tw.integral(t)).toBe(Number(exact));
  });

  it('rejects time going backwards and non-finite values', () => {
    const tw = new TimeWeighted(100);
    expect(() => tw.update(99, 1)).toThrow(RangeError);
    expect(() => tw.update(NaN, 1)).toThrow(RangeError);
    expect(() => tw.update(101, NaN)).toThrow(RangeError);
    tw.update(200, 1);
    expect(() => tw.integral(150)).toThrow(RangeError);
    expect(() => tw.reset(150)).toThrow(RangeError);
  });
});
