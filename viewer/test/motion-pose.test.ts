import { describe, expect, it } from 'vitest';
import { constantSpeedMotion, poseAt, prepareMotion } from '../src/store/motion-pose.ts';
import { motionProblems } from '../../sim-core/src/stream/motion.ts';
import type { MotionEvent } from '../../sim-core/src/stream/visual-events.ts';

const pose = () => ({ x: 0, y: 0, heading: 0 });

describe('motion interpolation for the frame loop', () => {
  it('a constant-speed motion along an L-shaped path is where distance/speed says, heading along the segment', () => {
    const m = prepareMotion(constantSpeedMotion('igv:1', [[0, 0], [0, 100], [50, 100]], 1_000, 10));
    const p = pose();
    expect(poseAt(m, 1_000, p)).toBe(true);
    expect([p.x, p.y]).toEqual([0, 0]);
    poseAt(m, 6_000, p); // 50 m up the first leg, heading north
    expect(p.x).toBeCloseTo(0, 9);
    expect(p.y).toBeCloseTo(50, 9);
    expect(p.heading).toBeCloseTo(0, 9);
    poseAt(m, 13_500, p); // 125 m: 25 m along the eastward leg
    expect(p.x).toBeCloseTo(25, 9);
    expect(p.y).toBeCloseTo(100, 9);
    expect(p.heading).toBeCloseTo(Math.PI / 2, 9);
    expect(poseAt(m, 16_000, p)).toBe(false); // 150 m reached at 16 s: parked at the end
    expect([p.x, p.y]).toEqual([50, 100]);
  });

  it('follows an accelerate-cruise-brake profile exactly and never overshoots or reverses', () => {
    // 0 → 5 m/s at 1 m/s² (12.5 m in 5 s), cruise 10 s (50 m), brake at 1 m/s² (12.5 m): 75 m.
    const ev: MotionEvent & { t: number } = { type: 'motion', id: 'igv:2', t: 0, path: [[0, 0], [75, 0]], profile: [0, 0, 0, 1, 5_000, 12.5, 5, 0, 15_000, 62.5, 5, -1], end: 20_000 };
    const m = prepareMotion(ev);
    const p = pose();
    const at = (t: number): number => (poseAt(m, t, p), p.x);
    expect(at(2_000)).toBeCloseTo(2, 9);
    expect(at(10_000)).toBeCloseTo(37.5, 9);
    expect(at(17_000)).toBeCloseTo(62.5 + 10 - 2, 9);
    let last = -1;
    for (let t = 0; t <= 25_000; t += 250) {
      const x = at(t);
      expect(x).toBeGreaterThanOrEqual(last);
      expect(x).toBeLessThanOrEqual(75);
      last = x;
    }
    expect(last).toBe(75);
  });

  it('going back in time (a restart) finds the right segment again', () => {
    const m = prepareMotion(constantSpeedMotion('t', [[0, 0], [10, 0], [10, 10], [0, 10]], 0, 1));
    const p = pose();
    poseAt(m, 25_000, p);
    expect([p.x, p.y]).toEqual([5, 10]);
    poseAt(m, 5_000, p);
    expect([p.x, p.y]).toEqual([5, 0]);
  });

  it('rejects a motion with a one-point path or a broken profile, naming the entity and the problem', () => {
    expect(() => prepareMotion({ type: 'motion', id: 'igv:9', t: 0, path: [[0, 0]], profile: [0, 0, 1, 0], end: 1 })).toThrow(/igv:9.*path has 1 point/);
    expect(() => prepareMotion({ type: 'motion', id: 'igv:9', t: 0, path: [[0, 0], [1, 0]], profile: [0, 0, 1], end: 1 })).toThrow(/profile has 3 numbers/);
  });

  it('refuses exactly what sim-core\'s motionProblems refuses, with its messages', () => {
    const good: MotionEvent & { t: number } = { type: 'motion', id: 'igv:7', t: 0, path: [[0, 0], [10, 0], [10, 10]], profile: [0, 0, 1, 0, 5_000, 5, 1, 0], end: 20_000 };
    const variants: Array<MotionEvent & { t: number }> = [
      good,
      { ...good, path: [] },
      { ...good, path: [[0, 0], [Number.NaN, 1]] },
      { ...good, path: [[0, 0], [1, Number.POSITIVE_INFINITY]] },
      { ...good, profile: [] },
      { ...good, profile: [0, 0, 1, 0, 5] },
      { ...good, profile: [0, 0, Number.NaN, 0] },
      { ...good, end: Number.NaN },
      { ...good, profile: [5_000, 0, 1, 0, 0, 5, 1, 0] },
      { ...good, profile: [0, 0, 1, 0, 30_000, 5, 1, 0] },
      { ...good, profile: [0, 0, 1, 0, 20_000, 5, 1, 0] },
      { ...good, profile: [0, 0, 1, 0], end: 3 }, // reaches 0.003 m of 20 m: the viewer draws it, no length tolerance
      { ...good, path: [[0, 0], [0, 0]] },
    ];
    let refused = 0;
    for (const ev of variants) {
      const problems = motionProblems(ev, Number.POSITIVE_INFINITY);
      if (problems.length === 0) {
        expect(() => prepareMotion(ev)).not.toThrow();
      } else {
        refused++;
        expect(() => prepareMotion(ev)).toThrow(`motion of igv:7 at t=0 ms: ${problems.join('; ')}`);
      }
    }
    expect(refused).toBe(9);
  });

  it('a motion prepared into an entity\'s previous one (longer path) moves exactly as a fresh one; a refused one leaves it as it was', () => {
    const long = prepareMotion(constantSpeedMotion('t', [[0, 0], [10, 0], [10, 10], [0, 10], [0, 20]], 0, 1));
    const next = constantSpeedMotion('t', [[0, 20], [30, 20]], 50_000, 2);
    const fresh = prepareMotion(next);
    const reused = prepareMotion(next, long);
    expect(reused).toBe(long);
    expect([reused.count, reused.length, reused.end, reused.seg]).toEqual([2, 30, 65_000, 0]);
    const a = pose();
    const b = pose();
    for (const t of [50_000, 55_000, 60_000, 64_999, 65_000, 70_000]) {
      expect(poseAt(reused, t, a)).toBe(poseAt(fresh, t, b));
      expect(a).toEqual(b);
    }
    expect(a).toEqual({ x: 30, y: 20, heading: Math.PI / 2 }); // not walked on into the old path's points
    const before = { ...reused, pts: [...reused.pts] };
    expect(() => prepareMotion({ type: 'motion', id: 't', t: 0, path: [[0, 0]], profile: [0, 0, 1, 0], end: 1 }, reused)).toThrow(/path has 1 point/);
    expect({ ...reused, pts: [...reused.pts] }).toEqual(before);
  });
});
