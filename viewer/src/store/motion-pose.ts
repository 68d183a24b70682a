/**
 * Where an entity is on its current motion at simulation time t. The distance along the path comes
 * from sim-core's motion interpolation (sim-core/src/stream/motion.ts, the one shared with the
 * fleet and the referee); the point and heading on the polyline are found here with a cursor,
 * because this runs for every moving entity on every frame: nothing allocates, the pose is written
 * into a caller-owned object, and the segment search starts where the last frame left it (display
 * time mostly moves forward by one frame, so the walk is O(1) amortized).
 */

import { cumulativeLengths, distanceAt, motionProblems } from '../../../sim-core/src/stream/motion.ts';
import type { MotionEvent } from '../../../sim-core/src/stream/visual-events.ts';

/** A motion ready for per-frame evaluation. */
export interface PreparedMotion {
  readonly event: MotionEvent & { t: number };
  /** Path as flat [x0, y0, x1, y1, ...], metres. */
  readonly xy: Float64Array;
  /** Distance from the start to each path point, metres. */
  readonly cum: Float64Array;
  /** Time the path's end is reached, ms. */
  readonly end: number;
  /** Index of the segment used last. */
  seg: number;
}

/** A pose: position in metres, heading in radians clockwise from north. */
export interface Pose {
  x: number;
  y: number;
  heading: number;
}

/**
 * Builds the per-frame form of a motion event, or throws an Error naming what is wrong with it
 * (the checks of sim-core's `motionProblems`).
 */
export function prepareMotion(ev: MotionEvent & { t: number }): PreparedMotion {
  const problems = motionProblems(ev, Number.POSITIVE_INFINITY);
  if (problems.length > 0) throw new Error(`motion of ${ev.id} at t=${ev.t} ms: ${problems.join('; ')}`);
  const xy = new Float64Array(ev.path.length * 2);
  ev.path.forEach((p, i) => {
    xy[2 * i] = p[0];
    xy[2 * i + 1] = p[1];
  });
  return { event: ev, xy, cum: cumulativeLengths(ev.path), end: ev.end, seg: 0 };
}

/** Writes the position and heading at time t (ms) into `out`; returns true while still driving. */
export function poseAt(m: PreparedMotion, t: number, out: Pose): boolean {
  const s = distanceAt(m.event, t);
  const cum = m.cum;
  const last = cum.length - 1;
  let k = m.seg;
  if (k >= last || cum[k]! > s) k = 0; // time went backwards (restart): search from the start
  while (k < last - 1 && cum[k + 1]! < s) k++;
  while (k < last - 1 && cum[k + 1]! - cum[k]! < 1e-9) k++; // a zero-length segment has no heading
  m.seg = k;
  const x0 = m.xy[2 * k]!;
  const y0 = m.xy[2 * k + 1]!;
  const dx = m.xy[2 * k + 2]! - x0;
  const dy = m.xy[2 * k + 3]! - y0;
  const segLen = cum[k + 1]! - cum[k]!;
  const f = segLen > 0 ? Math.min(1, Math.max(0, (s - cum[k]!) / segLen)) : 1;
  out.x = x0 + dx * f;
  out.y = y0 + dy * f;
  if (segLen > 0) out.heading = Math.atan2(dx, dy);
  return t < m.end;
}

/** A constant-speed motion along `path` starting at `t` (ms), for the stress source and tests. */
export function constantSpeedMotion(id: string, path: [number, number][], t: number, speedMps: number): MotionEvent & { t: number } {
  let len = 0;
  for (let i = 1; i < path.length; i++) len += Math.hypot(path[i]![0] - path[i - 1]![0], path[i]![1] - path[i - 1]![1]);
  return { type: 'motion', id, path, profile: [t, 0, speedMps, 0], end: t + (len / speedMps) * 1000, t };
}
