import { describe, expect, it } from 'vitest';
import type { Point } from '../../src/model/scenario.ts';
import {
  cumulativeLengths,
  distanceAt,
  distanceWithin,
  headingAt,
  headingDeg,
  motionProblems,
  motionStart,
  pathLength,
  phaseBoundaries,
  pointAlong,
  pointAlongCumulative,
  positionAt,
  sampleMotion,
  speedAt,
  timeAtDistance,
  type MotionLike,
} from '../../src/stream/motion.ts';

function expectPoint(actual: Point, expected: Point): void {
  expect(actual[0]).toBeCloseTo(expected[0], 9);
  expect(actual[1]).toBeCloseTo(expected[1], 9);
}

describe('constant speed on a straight lane', () => {
  // 100 m east at 10 m/s, starting at t = 1 s: arrives at 11 s.
  const m: MotionLike = { path: [[0, 0], [100, 0]], profile: [1000, 0, 10, 0], end: 11_000 };

  it('stands at the start, speed 0, before the motion begins', () => {
    expect(distanceAt(m, 0)).toBe(0);
    expect(speedAt(m, 0)).toBe(0);
    expectPoint(positionAt(m, -5_000), [0, 0]);
    expect(motionStart(m)).toBe(1000);
  });

  it('is halfway at 6 s, heading east (90°)', () => {
    expect(distanceAt(m, 6_000)).toBeCloseTo(50, 12);
    expect(speedAt(m, 6_000)).toBe(10);
    expectPoint(positionAt(m, 6_000), [50, 0]);
    expect(headingAt(m, 6_000)).toBeCloseTo(90, 12);
  });

  it('stands at the path end with speed 0 from `end` on', () => {
    expect(distanceAt(m, 11_000)).toBe(100);
    expect(speedAt(m, 11_000)).toBe(0);
    expectPoint(positionAt(m, 99_000), [100, 0]);
    expect(headingAt(m, 99_000)).toBeCloseTo(90, 12);
  });
});

describe('accelerate, cruise, brake (trapezoid)', () => {
  // 1 m/s² for 10 s → 10 m/s at 50 m; cruise 10 s → 150 m; brake at 2 m/s² for 5 s → 175 m.
  const m: MotionLike = {
    path: [[0, 0], [0, 175]],
    profile: [0, 0, 0, 1, 10_000, 50, 10, 0, 20_000, 150, 10, -2],
    end: 25_000,
  };

  it('follows s = a·t²/2 while accelerating', () => {
    expect(distanceAt(m, 5_000)).toBeCloseTo(12.5, 12);
    expect(speedAt(m, 5_000)).toBeCloseTo(5, 12);
    expect(distanceAt(m, 10_000)).toBeCloseTo(50, 12);
  });

  it('cruises at 10 m/s', () => {
    expect(distanceAt(m, 15_000)).toBeCloseTo(100, 12);
    expect(speedAt(m, 15_000)).toBeCloseTo(10, 12);
  });

  it('brakes: 2 s into the last phase it has covered 150 + 20 − 4 = 166 m at 6 m/s', () => {
    expect(distanceAt(m, 22_000)).toBeCloseTo(166, 12);
    expect(speedAt(m, 22_000)).toBeCloseTo(6, 12);
    expectPoint(positionAt(m, 22_000), [0, 166]);
    expect(headingAt(m, 22_000)).toBeCloseTo(0, 12);
  });

  it('one millisecond before the end it is within a micrometre of the end, almost stopped', () => {
    // s(4.999 s) = 150 + 49.99 − 24.990001 = 174.999999; v = 0.002 m/s
    expect(distanceAt(m, 24_999)).toBeCloseTo(174.999999, 9);
    expect(speedAt(m, 24_999)).toBeCloseTo(0.002, 9);
  });

  it('inverts distance to time in every phase', () => {
    expect(timeAtDistance(m, 0)).toBe(0);
    expect(timeAtDistance(m, 12.5)).toBeCloseTo(5_000, 9); // t = sqrt(2·12.5 / 1) s
    expect(timeAtDistance(m, 100)).toBeCloseTo(15_000, 9);
    expect(timeAtDistance(m, 166)).toBeCloseTo(22_000, 9); // 166 = 150 + 10t − t², t = 2 s
    expect(timeAtDistance(m, 175)).toBeCloseTo(25_000, 6);
    expect(timeAtDistance(m, 500)).toBe(25_000);
  });

  it('reports the phase boundaries in order, ending with `end`', () => {
    expect(phaseBoundaries(m)).toEqual([0, 10_000, 20_000, 25_000]);
  });

  it('is well formed', () => {
    expect(motionProblems(m)).toEqual([]);
  });
});

describe('a polyline with three heading changes', () => {
  // East 30 m, north 40 m, west 30 m: 100 m at 5 m/s = 20 s.
  const m: MotionLike = { path: [[0, 0], [30, 0], [30, 40], [0, 40]], profile: [0, 0, 5, 0], end: 20_000 };

  it('measures the path: cumulative 0, 30, 70, 100 m', () => {
    expect(Array.from(cumulativeLengths(m.path))).toEqual([0, 30, 70, 100]);
    expect(pathLength(m.path)).toBe(100);
  });

  it('is on the first leg heading east at 3 s', () => {
    expectPoint(positionAt(m, 3_000), [15, 0]);
    expect(headingAt(m, 3_000)).toBeCloseTo(90, 12);
  });

  it('takes the heading of the leg leaving a vertex when exactly on it', () => {
    expectPoint(positionAt(m, 6_000), [30, 0]);
    expect(headingAt(m, 6_000)).toBeCloseTo(0, 12);
  });

  it('heads north on the second leg and west on the third', () => {
    expectPoint(positionAt(m, 10_000), [30, 20]);
    expect(headingAt(m, 10_000)).toBeCloseTo(0, 12);
    const s = sampleMotion(m, 16_000);
    expect(s.x).toBeCloseTo(20, 12);
    expect(s.y).toBeCloseTo(40, 12);
    expect(s.headingDeg).toBeCloseTo(270, 12);
    expect(s.distance).toBeCloseTo(80, 12);
    expect(s.speed).toBe(5);
  });

  it('gives the same answers with the length and cumulative lengths passed in', () => {
    for (const t of [-1, 0, 3_000, 6_000, 16_000, 20_000, 30_000]) {
      const s = distanceWithin(m, t, 100);
      expect(s).toBe(distanceAt(m, t));
      expect(pointAlongCumulative(m.path, cumulativeLengths(m.path), s)).toEqual(pointAlong(m.path, s));
    }
  });

  it('ends at the last vertex facing west', () => {
    expectPoint(positionAt(m, 20_000), [0, 40]);
    expect(headingAt(m, 20_000)).toBeCloseTo(270, 12);
  });
});

describe('headings and degenerate geometry', () => {
  it('measures headings clockwise from north', () => {
    expect(headingDeg(0, 1)).toBe(0);
    expect(headingDeg(1, 0)).toBe(90);
    expect(headingDeg(0, -1)).toBe(180);
    expect(headingDeg(-1, 0)).toBe(270);
    expect(headingDeg(3, 4)).toBeCloseTo((Math.atan(3 / 4) * 180) / Math.PI, 12); // 36.87°
    expect(headingDeg(-1, -1)).toBeCloseTo(225, 12);
  });

  it('skips a zero-length segment for the heading', () => {
    const path: Point[] = [[0, 0], [10, 0], [10, 0], [10, 10]];
    expect(pointAlong(path, 10).headingDeg).toBeCloseTo(0, 12);
    expect(pointAlong(path, 5).headingDeg).toBeCloseTo(90, 12);
    const endPath: Point[] = [[0, 0], [10, 0], [10, 0]];
    expect(pointAlong(endPath, 10).headingDeg).toBeCloseTo(90, 12);
  });

  it('holds still where a braking phase reaches standstill instead of reversing', () => {
    // 10 m/s braking at 2 m/s² stops after 5 s and 25 m; the profile says nothing after that.
    const m: MotionLike = { path: [[0, 0], [25, 0]], profile: [0, 0, 10, -2], end: 10_000 };
    expect(distanceAt(m, 8_000)).toBeCloseTo(25, 12);
    expect(speedAt(m, 8_000)).toBe(0);
    expect(motionProblems(m)).toEqual([]);
  });

  it('never draws beyond the path end when the profile overshoots', () => {
    const m: MotionLike = { path: [[0, 0], [10, 0]], profile: [0, 0, 10, 0], end: 5_000 };
    expect(distanceAt(m, 4_000)).toBe(10);
    expect(motionProblems(m)).toEqual(['profile reaches 50.000 m at end, path is 10.000 m long']);
  });
});

describe('motionProblems names what is malformed', () => {
  it('refuses a one-point path, partial phases, times going backwards and a phase after end', () => {
    expect(motionProblems({ path: [[0, 0]], profile: [0, 0, 0, 0], end: 0 })[0]).toMatch(/path has 1 point/);
    expect(motionProblems({ path: [[0, 0], [1, 0]], profile: [0, 0, 1], end: 1000 })[0]).toMatch(/profile has 3 numbers/);
    expect(
      motionProblems({ path: [[0, 0], [1, 0]], profile: [1000, 0, 1, 0, 500, 0.5, 1, 0], end: 2000 })[0],
    ).toMatch(/phase 1 starts at 500 ms, before phase 0/);
    expect(motionProblems({ path: [[0, 0], [1, 0]], profile: [3000, 0, 1, 0], end: 2000 })[0]).toMatch(/after end 2000 ms/);
    expect(motionProblems({ path: [[0, Number.NaN], [1, 0]], profile: [0, 0, 1, 0], end: 1000 })[0]).toMatch(/path\[0\]/);
  });
});
