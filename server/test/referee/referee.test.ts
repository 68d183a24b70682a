import { describe, expect, it } from 'vitest';
import type { Point } from '../../../sim-core/src/model/scenario.ts';
import { pathLength, sampleMotion } from '../../../sim-core/src/stream/motion.ts';
import type { MotionEvent, VisualEvent } from '../../../sim-core/src/stream/visual-events.ts';
import { DETECT_DEPTH_M, Referee, type RefereeFinding } from '../../referee/referee.ts';
import { formatRefereeReport, overlapHotspots } from '../../referee/referee-format.ts';

// An IGV footprint of 12 m × 3 m, as a bare container carrier is roughly.
const L = 12;
const W = 3;

/** A constant-speed motion (m/s) along `path`, starting at t0 (ms). */
function drive(id: string, t0: number, path: Point[], speed: number): MotionEvent & { t: number } {
  return { type: 'motion', t: t0, id, path, profile: [t0, 0, speed, 0], end: t0 + (pathLength(path) / speed) * 1000 };
}

function spawn(id: string, at: Point, headingDeg: number, t = 0): VisualEvent {
  return { type: 'spawn', t, id, kind: 'igv', at, headingDeg };
}

/** Feeds events in time order (stable for equal times) and returns the report at `until`. */
function referee(events: VisualEvent[], until: number, stepMs?: number) {
  const r = new Referee(stepMs === undefined ? { lengthM: L, widthM: W } : { lengthM: L, widthM: W, stepMs });
  for (const e of [...events].sort((a, b) => a.t - b.t)) r.emit(e);
  return r.finish(until);
}

/**
 * Independent reference: the first millisecond at which the two rectangles overlap deeper than
 * 1 cm, by brute force with a hand-written separating-axis test (no matter-js).
 */
function firstOverlapMs(a: MotionEvent, b: MotionEvent, from: number, to: number): number | null {
  for (let t = from; t <= to; t++) {
    const pa = sampleMotion(a, t);
    const pb = sampleMotion(b, t);
    if (satDepth(corners(pa.x, pa.y, pa.headingDeg), corners(pb.x, pb.y, pb.headingDeg)) > 0.01) return t;
  }
  return null;
}

function corners(x: number, y: number, headingDeg: number): Point[] {
  const h = (headingDeg * Math.PI) / 180;
  const f: Point = [Math.sin(h), Math.cos(h)]; // forward
  const s: Point = [f[1], -f[0]]; // right
  return [[1, 1], [1, -1], [-1, -1], [-1, 1]].map(([u, v]) => [x + (f[0] * L * u!) / 2 + (s[0] * W * v!) / 2, y + (f[1] * L * u!) / 2 + (s[1] * W * v!) / 2]);
}

function satDepth(p: Point[], q: Point[]): number {
  let depth = Number.POSITIVE_INFINITY;
  for (const poly of [p, q]) {
    for (let i = 0; i < 4; i++) {
      const a = poly[i]!;
      const b = poly[(i + 1) % 4]!;
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      const n: Point = [-(b[1] - a[1]) / len, (b[0] - a[0]) / len];
      const proj = (pts: Point[]) => pts.map((c) => c[0] * n[0] + c[1] * n[1]);
      const pp = proj(p);
      const qq = proj(q);
      const overlap = Math.min(Math.max(...pp), Math.max(...qq)) - Math.max(Math.min(...pp), Math.min(...qq));
      depth = Math.min(depth, overlap);
    }
  }
  return depth;
}

function overlaps(findings: RefereeFinding[]) {
  return findings.filter((f) => f.kind === 'overlap');
}

describe('the referee detects collisions', () => {
  it('head-on on one lane: at 18.8 s, when the centres are 12 m apart, with both ids and positions', () => {
    const a = drive('igv-a', 0, [[0, 0], [200, 0]], 5);
    const b = drive('igv-b', 0, [[200, 0], [0, 0]], 5);
    const r = referee([spawn('igv-a', [0, 0], 90), spawn('igv-b', [200, 0], 270), a, b], 40_000);
    expect(r.ok).toBe(false);
    const hits = overlaps(r.findings);
    expect(hits).toHaveLength(1);
    const hit = hits[0]!;
    if (hit.kind !== 'overlap') throw new Error('unreachable');
    expect(hit.ids).toEqual(['igv-a', 'igv-b']);
    // Contact at 200 − 10 t = 12 m → t = 18.8 s; 1 cm deep at 18.801 s; sampled within one step.
    expect(hit.t).toBeGreaterThan(18_801);
    expect(hit.t).toBeLessThanOrEqual(18_801 + 100);
    expect(hit.poses[0].x).toBeCloseTo(hit.t / 200, 6);
    expect(hit.poses[1].x).toBeCloseTo(200 - hit.t / 200, 6);
    expect(firstOverlapMs(a, b, 0, 40_000)).toBe(18_802);
    expect(formatRefereeReport(r)).toMatch(/FAILED with 1 finding.*\n.*d0 00:00:18\.\d{3}.*igv-a at \(9\d\.\d\d, 0\.00\) heading 90° overlaps igv-b/);
  });

  it('at a merge: a vehicle joining from a slip road hits one on the main lane', () => {
    const a = drive('igv-main', 0, [[0, 0], [200, 0]], 5);
    // The slip road joins at (100, 0); the joining vehicle would reach it at 20 s like the other.
    const slip: Point[] = [[60, -40], [100, 0], [200, 0]];
    const b = drive('igv-join', 20_000 - (Math.hypot(40, 40) / 5) * 1000, slip, 5);
    const r = referee([spawn('igv-main', [0, 0], 90), spawn('igv-join', [60, -40], 45), a, b], 60_000);
    const hits = overlaps(r.findings);
    expect(hits).toHaveLength(1);
    const expected = firstOverlapMs(a, b, 0, 60_000);
    expect(expected).not.toBeNull();
    expect(hits[0]!.t).toBeGreaterThanOrEqual(expected! - 1);
    expect(hits[0]!.t).toBeLessThanOrEqual(expected! + 100);
    expect(hits[0]!.kind === 'overlap' && hits[0]!.ids).toEqual(['igv-join', 'igv-main']);
  });

  it('overtaking on one lane: the faster one runs into the slower one at 9 s', () => {
    const slow = drive('igv-slow', 0, [[30, 0], [300, 0]], 3);
    const fast = drive('igv-fast', 0, [[0, 0], [300, 0]], 5);
    const r = referee([spawn('igv-slow', [30, 0], 90), spawn('igv-fast', [0, 0], 90), slow, fast], 60_000);
    const hits = overlaps(r.findings);
    expect(hits).toHaveLength(1);
    // Centre gap 30 − 2 t reaches 12 m at 9 s; 1 cm deep at 9.005 s.
    expect(hits[0]!.t).toBeGreaterThan(9_005);
    expect(hits[0]!.t).toBeLessThanOrEqual(9_005 + 100);
    const reference = firstOverlapMs(slow, fast, 0, 60_000)!;
    expect(reference).toBeGreaterThanOrEqual(9_005);
    expect(reference).toBeLessThanOrEqual(9_006);
  });

  it('a vehicle driving into one standing at a transfer point, and a spawn on top of another', () => {
    const moving = drive('igv-1', 0, [[0, 0], [100, 0]], 5);
    const r = referee([spawn('igv-1', [0, 0], 90), spawn('igv-parked', [100, 0], 90), moving, spawn('igv-dropped', [100, 1], 0, 30_000)], 40_000);
    const hits = overlaps(r.findings);
    expect(hits.map((h) => h.kind === 'overlap' && [h.ids.join('+'), Math.round(h.t / 1000)])).toEqual([
      ['igv-1+igv-parked', 18], // 100 − 5 t = 12 → 17.6 s, within a step
      ['igv-1+igv-dropped', 30], // igv-1 now stands nose to nose with the parked one, and so is hit too
      ['igv-dropped+igv-parked', 30],
    ]);
  });

  it('a new, faster motion voids what was known about a pair: the re-planned vehicle is caught', () => {
    // At 1 m/s towards a vehicle standing 200 m away the pair is safe for about 188 s; at 10 s the
    // mover is re-planned to 10 m/s from where it is, and reaches 12 m from the other at 27.8 s.
    const slow = drive('igv-m', 0, [[0, 0], [300, 0]], 1);
    const fast = drive('igv-m', 10_000, [[10, 0], [300, 0]], 10);
    const r = referee([spawn('igv-m', [0, 0], 90), spawn('igv-s', [200, 0], 90), slow, fast], 60_000);
    const hits = overlaps(r.findings);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.t).toBeGreaterThan(27_800);
    expect(hits[0]!.t).toBeLessThanOrEqual(27_900);
  });

  it('reports a vehicle that jumps, an unspawned motion and events out of time order', () => {
    const r = new Referee({ lengthM: L, widthM: W });
    r.emit(spawn('igv-1', [0, 0], 90));
    r.emit(drive('igv-1', 1_000, [[50, 0], [100, 0]], 5));
    r.emit(drive('ghost', 2_000, [[0, 50], [100, 50]], 5));
    r.emit(spawn('igv-2', [0, 200], 90, 500));
    const report = r.finish(5_000);
    expect(report.findings.map((f) => f.kind)).toEqual(['jump', 'stream', 'stream']);
    expect(report.findings[1]).toMatchObject({ id: 'ghost', message: expect.stringMatching(/never spawned/) });
    expect(report.findings[2]).toMatchObject({ message: expect.stringMatching(/after time 2000 ms/) });
  });
});

describe('the referee against brute force on random traffic', () => {
  /** Numerical Recipes LCG: seeded, so every run draws the same cases. */
  function lcg(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return (s + 0.5) / 4294967296;
    };
  }

  /** Accelerate at `a` to `v`, then cruise to the end of the path. */
  function accelCruise(id: string, t0: number, path: Point[], v: number, a: number): MotionEvent & { t: number } {
    const len = pathLength(path);
    const sa = (v * v) / (2 * a);
    if (len <= sa) return { type: 'motion', t: t0, id, path, profile: [t0, 0, 0, a], end: t0 + Math.sqrt((2 * len) / a) * 1000 };
    const ta = (v / a) * 1000;
    return { type: 'motion', t: t0, id, path, profile: [t0, 0, 0, a, t0 + ta, sa, v, 0], end: t0 + ta + ((len - sa) / v) * 1000 };
  }

  it('finds every pair that overlaps deeper than 0.5 m, and reports none that never overlaps', () => {
    const rnd = lcg(20261123);
    let pairsCaught = 0;
    for (let c = 0; c < 12; c++) {
      const events: VisualEvent[] = [];
      const motions = new Map<string, Array<MotionEvent & { t: number }>>();
      const ids = ['v0', 'v1', 'v2', 'v3', 'v4'];
      for (const id of ids) {
        let at: Point = [rnd() * 120, rnd() * 120];
        let t = 0;
        events.push(spawn(id, at, 0));
        const list: Array<MotionEvent & { t: number }> = [];
        for (let k = 0; k < 3; k++) {
          t += Math.round(rnd() * 5_000);
          const path: Point[] = [at];
          for (let j = 0, n = 1 + Math.floor(rnd() * 3); j < n; j++) path.push([rnd() * 120, rnd() * 120]);
          const m = accelCruise(id, t, path, 1 + rnd() * 4, 0.5 + rnd());
          list.push(m);
          events.push(m);
          at = path[path.length - 1]!;
          t = Math.ceil(m.end);
        }
        motions.set(id, list);
      }
      const until = Math.max(...[...motions.values()].map((l) => l[l.length - 1]!.end)) + 1_000;
      const r = referee(events, until);
      const reported = new Set(r.findings.flatMap((f) => (f.kind === 'overlap' ? [f.ids.join('+')] : [])));
      // Brute force every 10 ms: the deepest overlap of each pair over the whole case.
      const poseAt = (id: string, t: number) => {
        const list = motions.get(id)!;
        const m = [...list].reverse().find((x) => x.t <= t);
        // Before its first motion a vehicle stands as spawned: at the path start, heading 0.
        if (m === undefined) return { ...sampleMotion(list[0]!, 0), headingDeg: 0 };
        return sampleMotion(m, t);
      };
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          let deepest = Number.NEGATIVE_INFINITY;
          for (let t = 0; t <= until; t += 10) {
            const a = poseAt(ids[i]!, t);
            const b = poseAt(ids[j]!, t);
            if (Math.hypot(a.x - b.x, a.y - b.y) > 13) continue;
            deepest = Math.max(deepest, satDepth(corners(a.x, a.y, a.headingDeg), corners(b.x, b.y, b.headingDeg)));
          }
          const key = `${ids[i]}+${ids[j]}`;
          if (deepest > DETECT_DEPTH_M) {
            expect(reported.has(key), `case ${c}: ${key} overlaps by ${deepest.toFixed(2)} m but was not reported`).toBe(true);
            pairsCaught++;
          }
          if (deepest <= 0) expect(reported.has(key), `case ${c}: ${key} never overlaps but was reported`).toBe(false);
        }
      }
    }
    expect(pairsCaught).toBeGreaterThan(5); // the cases do collide, so the comparison means something
  });
});

describe('the referee accepts safe traffic', () => {
  it('parallel lanes 4 m apart (1 m clear between 3 m-wide vehicles), passing and meeting', () => {
    const events: VisualEvent[] = [
      spawn('east-slow', [0, 0], 90),
      spawn('east-fast', [-40, 4], 90),
      spawn('west', [400, 8], 270),
      drive('east-slow', 0, [[0, 0], [400, 0]], 3),
      drive('east-fast', 0, [[-40, 4], [400, 4]], 5),
      drive('west', 0, [[400, 8], [0, 8]], 5),
    ];
    const r = referee(events, 200_000);
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.satChecks).toBeGreaterThan(0); // they did come close enough to need the exact test
    expect(formatRefereeReport(r)).toMatch(/^referee: no overlap: 3 motions of 3 IGVs/);
  });

  it('following at a 20 m headway through a right-angle turn, braking together', () => {
    // Same trapezoid (1 m/s² to 5 m/s, cruise, brake at 1 m/s²) on paths offset by 20 m.
    const profile = (len: number) => {
      const cruise = (len - 25) / 5; // 12.5 m accelerating + 12.5 m braking
      return { profile: [0, 0, 0, 1, 5_000, 12.5, 5, 0, 5_000 + cruise * 1000, len - 12.5, 5, -1], end: 10_000 + cruise * 1000 };
    };
    const leadPath: Point[] = [[20, 0], [100, 0], [100, 200]];
    const followPath: Point[] = [[0, 0], [100, 0], [100, 180]];
    const lead = { type: 'motion' as const, t: 0, id: 'lead', path: leadPath, ...profile(280) };
    const follow = { type: 'motion' as const, t: 0, id: 'follow', path: followPath, ...profile(280) };
    const r = referee([spawn('lead', [20, 0], 90), spawn('follow', [0, 0], 90), lead, follow], 120_000);
    expect(r.findings).toEqual([]);
    expect(firstOverlapMs(lead, follow, 0, 80_000)).toBeNull();
    // And the same pair 10 m apart (less than a length) is caught.
    const tooClose = { ...follow, path: [[10, 0], [100, 0], [100, 190]] as Point[], ...profile(280) };
    const r2 = referee([spawn('lead', [20, 0], 90), spawn('follow', [10, 0], 90), lead, tooClose], 120_000);
    // Overlapping from the start (spawn), apart for a moment while the leader turns, then again.
    expect(overlaps(r2.findings).map((f) => f.t)).toEqual([0, 19_100, 20_500]);
  });
});

describe('the failure report', () => {
  it('groups overlaps into 10 m cells, most first', () => {
    const pose = (x: number, y: number) => ({ x, y, headingDeg: 0 });
    const overlap = (x: number, y: number): RefereeFinding => ({ kind: 'overlap', t: 0, ids: ['a', 'b'], poses: [pose(x - 2, y), pose(x + 2, y)], depthM: 1 });
    const spots = overlapHotspots([overlap(101, 52), overlap(99, 48), overlap(-30, 7), overlap(104, 50)]);
    expect(spots).toEqual([
      { at: [100, 50], count: 3 },
      { at: [-30, 10], count: 1 },
    ]);
  });
});
