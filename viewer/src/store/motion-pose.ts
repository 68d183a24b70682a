/**
 * Where an entity is on its current motion at simulation time t. The distance along the path comes
 * from sim-core's motion interpolation (sim-core/src/stream/motion.ts, the one shared with the
 * fleet and the referee); the point and heading on the polyline are found here with a cursor,
 * because this runs for every moving entity on every frame: nothing allocates, the pose is written
 * into a caller-owned object, and the segment search starts where the last frame left it (display
 * time mostly moves forward by one frame, so the walk is O(1) amortized).
 */

import { distanceWithin, motionProblems, PROFILE_STRIDE } from '../../../sim-core/src/stream/motion.ts';
import type { MotionEvent } from '../../../sim-core/src/stream/visual-events.ts';

/**
 * A motion ready for per-frame evaluation. An entity's next motion is prepared into the same object
 * and array (hundreds of legs a second, each otherwise a new array and object for the collector).
 */
export interface PreparedMotion {
  event: MotionEvent & { t: number };
  /**
   * Path points as [x, y, distance from the start] triples, metres; only the first `count` triples
   * are this motion's (the array may be longer, left from an earlier motion).
   */
  readonly pts: number[];
  /** Number of path points. */
  count: number;
  /** Path length, metres. */
  length: number;
  /** Time the path's end is reached, ms. */
  end: number;
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
 * True when sim-core's `motionProblems` (with no length tolerance) finds nothing: the same checks
 * as plain loops, because hundreds of motions arrive every second and the common case is a good
 * one. Anything it refuses goes through `motionProblems` for the messages.
 */
function wellFormed(ev: MotionEvent): boolean {
  const path = ev.path;
  if (path.length < 2) return false;
  for (let k = 0; k < path.length; k++) {
    const p = path[k]!;
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) return false;
  }
  const pr = ev.profile;
  if (pr.length === 0 || pr.length % PROFILE_STRIDE !== 0) return false;
  for (let k = 0; k < pr.length; k++) if (!Number.isFinite(pr[k])) return false;
  if (!Number.isFinite(ev.end)) return false;
  for (let k = PROFILE_STRIDE; k < pr.length; k += PROFILE_STRIDE) if (pr[k]! < pr[k - PROFILE_STRIDE]!) return false;
  return pr[pr.length - PROFILE_STRIDE]! <= ev.end;
}

/**
 * Builds the per-frame form of a motion event, or throws an Error naming what is wrong with it
 * (the checks of sim-core's `motionProblems`) and leaves `reuse` untouched. With `reuse` (the
 * entity's previous motion, no longer needed) it is rewritten in place and returned.
 */
export function prepareMotion(ev: MotionEvent & { t: number }, reuse: PreparedMotion | null = null): PreparedMotion {
  if (!wellFormed(ev)) {
    const problems = motionProblems(ev, Number.POSITIVE_INFINITY);
    // wellFormed and motionProblems disagreeing would be a bug here, not bad input; say so.
    throw new Error(`motion of ${ev.id} at t=${ev.t} ms: ${problems.length > 0 ? problems.join('; ') : 'refused by the viewer\'s check but not by motionProblems'}`);
  }
  // One flat array per motion (x, y, distance per point), hundreds arrive a second: a plain array
  // of doubles lives on the JS heap, where a typed array this size would allocate a backing store
  // outside it that the garbage collector tracks separately.
  const path = ev.path;
  const m = reuse ?? { event: ev, pts: [], count: 0, length: 0, end: 0, seg: 0 };
  const pts = m.pts;
  let s = 0;
  let px = path[0]![0];
  let py = path[0]![1];
  for (let i = 0; i < path.length; i++) {
    const x = path[i]![0];
    const y = path[i]![1];
    const dx = x - px;
    const dy = y - py;
    // Math.hypot guards against overflow (metres never come near it) and is several times slower.
    s += Math.sqrt(dx * dx + dy * dy);
    pts[3 * i] = x; // in order: an append where the array is shorter
    pts[3 * i + 1] = y;
    pts[3 * i + 2] = s;
    px = x;
    py = y;
  }
  m.event = ev;
  m.count = path.length;
  m.length = s;
  m.end = ev.end;
  m.seg = 0;
  return m;
}

/** Writes the position and heading at time t (ms) into `out`; returns true while still driving. */
export function poseAt(m: PreparedMotion, t: number, out: Pose): boolean {
  const s = distanceWithin(m.event, t, m.length);
  const p = m.pts;
  const last = m.count - 1;
  let k = m.seg;
  if (k >= last || p[3 * k + 2]! > s) k = 0; // time went backwards (restart): search from the start
  while (k < last - 1 && p[3 * k + 5]! < s) k++;
  while (k < last - 1 && p[3 * k + 5]! - p[3 * k + 2]! < 1e-9) k++; // a zero-length segment has no heading
  m.seg = k;
  const o = 3 * k;
  const x0 = p[o]!;
  const y0 = p[o + 1]!;
  const dx = p[o + 3]! - x0;
  const dy = p[o + 4]! - y0;
  const segLen = p[o + 5]! - p[o + 2]!;
  const f = segLen > 0 ? Math.min(1, Math.max(0, (s - p[o + 2]!) / segLen)) : 1;
  out.x = x0 + dx * f;
  out.y = y0 + dy * f;
  if (segLen > 0) out.heading = Math.atan2(dx, dy);
  return t < m.end;
}

/** A constant-speed motion along `path` starting at `t` (ms), for the stress source and tests. */
export function constantSpeedMotion(id: string, path: [number, number][], t: number, speedMps: number): MotionEvent & { t: number } {
  let len = 0;
  for (let i = 1; i < path.length; i++) {
    const dx = path[i]![0] - path[i - 1]![0];
    const dy = path[i]![1] - path[i - 1]![1];
    len += Math.sqrt(dx * dx + dy * dy);
  }
  return { type: 'motion', id, path, profile: [t, 0, speedMps, 0], end: t + (len / speedMps) * 1000, t };
}
