/** Exact travel on edges: accelerate, cruise, brake, with the cap of each edge, standstill to standstill. */
import { describe, expect, it } from 'vitest';
import { planProfile, SpeedProfile } from '../../src/fleet/kinematics.ts';
import { distanceAt, motionProblems, speedAt } from '../../src/stream/motion.ts';

describe('speed profile', () => {
  it('a long edge is accelerate–cruise–brake with the hand-computed time', () => {
    // 1,000 m at 5 m/s, a = 0.5, b = 0.8: 25 m + 15.625 m of ramps, the rest at 5 m/s.
    const p = planProfile([1000], [5], 0.5, 0.8);
    const expected = 5 / 0.5 + 5 / 0.8 + (1000 - 25 - 15.625) / 5;
    expect(p.duration).toBeCloseTo(expected, 9);
    expect(p.length).toBeCloseTo(1000, 9);
    expect(p.count).toBe(3);
    expect([0, 1, 2].map((i) => p.a(i))).toEqual([0.5, 0, -0.8]);
  });

  it('a short edge never reaches the cap: accelerate then brake to the peak speed', () => {
    // 20 m: peak² = 2ab·L / (a + b) = 2·0.5·0.8·20 / 1.3
    const p = planProfile([20], [5], 0.5, 0.8);
    const peak = Math.sqrt((2 * 0.5 * 0.8 * 20) / 1.3);
    expect(p.v(1)).toBeCloseTo(peak, 9);
    expect(p.duration).toBeCloseTo(peak / 0.5 + peak / 0.8, 9);
  });

  it('brakes before a slower edge so as to enter it at its cap, and speeds up after it', () => {
    // Road 5 m/s, scanner 1 m/s for 80 m, road again.
    const p = planProfile([300, 80, 300], [5, 1, 5], 0.5, 0.8);
    const motion = { path: [[0, 0], [680, 0]] as [number, number][], profile: p.toMotion(0), end: Math.ceil(p.duration * 1000) };
    expect(motionProblems(motion)).toEqual([]);
    const tIn = p.timeAt(300) * 1000;
    const tOut = p.timeAt(380) * 1000;
    expect(speedAt(motion, tIn)).toBeCloseTo(1, 6);
    expect(speedAt(motion, (tIn + tOut) / 2)).toBeCloseTo(1, 6);
    expect(tOut - tIn).toBeCloseTo(80_000, 3);
    // Never above a cap anywhere.
    for (let t = 0; t < motion.end; t += 250) {
      const s = distanceAt(motion, t);
      const cap = s > 300 + 1e-6 && s < 380 - 1e-6 ? 1 : 5;
      expect(speedAt(motion, t)).toBeLessThanOrEqual(cap + 1e-9);
    }
  });

  it('timeAt is the inverse of the motion distance', () => {
    const p = planProfile([120, 40, 500], [2.8, 5, 5], 0.5, 0.8);
    const motion = { path: [[0, 0], [660, 0]] as [number, number][], profile: p.toMotion(1000), end: 1000 + Math.ceil(p.duration * 1000) };
    for (const x of [0, 10, 119.9, 160, 400, 659]) expect(distanceAt(motion, 1000 + 1000 * p.timeAt(x))).toBeCloseTo(x, 6);
  });

  it('reads only the first n segments of typed arrays (as buildStretch passes them), bit for bit as from plain arrays, and rejects a bad n', () => {
    const lengths = [120, 40.25, 500, 7.5];
    const caps = [2.8, 5, 1.1, 5];
    const plain = planProfile(lengths.slice(0, 3), caps.slice(0, 3), 0.5, 0.8);
    // Scratch longer than the segments used, its tail not zero: only n = 3 may be read.
    const typed = planProfile(Float64Array.from([...lengths, 999]), Float64Array.from([...caps, 0.1]), 0.5, 0.8, 3);
    expect(typed.phases).toEqual(plain.phases);
    expect(typed.duration).toBe(plain.duration);
    expect(typed.length).toBe(plain.length);
    expect(planProfile(lengths, caps, 0.5, 0.8).length).toBeCloseTo(667.75, 9);
    for (const n of [-1, 1.5, 5, Number.NaN]) expect(() => planProfile(lengths, caps, 0.5, 0.8, n)).toThrow(/planProfile: n must be a whole number from 0 to the 4 segments given, got/);
  });

  it('profiles built one after another share no numbers, however many phases (the builder grows its scratch and copies out)', () => {
    const short = (): ReturnType<typeof planProfile> => planProfile([50, 30], [3, 1.5], 0.5, 0.8);
    const before = short();
    // 60 segments alternating between two caps: three phases each, past the scratch's first 64 phases.
    const lengths = Array.from({ length: 60 }, (_, i) => 40 + (i % 7));
    const caps = Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? 5 : 2));
    const long = planProfile(lengths, caps, 0.5, 0.8);
    expect(long.count).toBeGreaterThan(64);
    expect(long.phases.length).toBe(4 * long.count);
    expect(long.length).toBeCloseTo(lengths.reduce((a, b) => a + b, 0), 9);
    for (let i = 1; i < long.count; i++) {
      expect(long.t(i)).toBeGreaterThan(long.t(i - 1));
      expect(long.s(i)).toBeGreaterThan(long.s(i - 1));
    }
    const after = short();
    expect(after.phases).toEqual(before.phases);
    expect(after.phases).not.toBe(before.phases);
    expect([after.duration, after.length]).toEqual([before.duration, before.length]);
    expect(() => new SpeedProfile(new Float64Array(5), 1, 1)).toThrow(/SpeedProfile: phases must hold 4 numbers a phase, got 5/);
  });
});
