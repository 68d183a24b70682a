/**
 * Motion interpolation: where an entity driving a {@link MotionEvent} is at a given time. Pure
 * functions over the event, shared by the viewer (drawing between events), the fleet (checking the
 * profiles it emits) and the geometric referee (footprints at sampled instants).
 *
 * Units: times are simulation milliseconds (as on every visual event); distances metres along the
 * path; speeds m/s; accelerations m/s²; headings degrees clockwise from north (y up, x east), the
 * same convention as `SpawnEvent.headingDeg`.
 *
 * Clamping: before the first phase starts the entity stands at the profile's first distance with
 * speed 0; from `end` on it stands at the path's end with speed 0. Distance never leaves
 * [0, path length] and never decreases inside a braking phase (a phase whose speed would turn
 * negative holds at the point where it reaches 0), so a slightly inexact profile never draws a
 * vehicle beyond its path or driving backwards.
 */

import type { Point } from '../model/scenario.ts';
import type { MotionEvent } from './visual-events.ts';

/** Numbers per phase in `MotionEvent.profile`: t (ms), s (m), v (m/s), a (m/s²). */
export const PROFILE_STRIDE = 4;

/** Where an entity is and how it moves at one instant. */
export interface MotionSample {
  /** Position, metres. */
  x: number;
  y: number;
  /** Driving direction, degrees clockwise from north, in [0, 360). */
  headingDeg: number;
  /** Distance driven along the path, metres. */
  distance: number;
  /** Speed, m/s (0 before the start and from the end on). */
  speed: number;
}

/** The motion only needs its path, profile and end time; the event's `type`/`id`/`t` are not read. */
export type MotionLike = Pick<MotionEvent, 'path' | 'profile' | 'end'>;

// Cumulative lengths per path array, so sampling a long polyline many times is a binary search,
// not a walk; keyed weakly on the array so events dropped by the caller free their entry.
const cumulativeCache = new WeakMap<readonly Point[], Float64Array>();
// The last path looked up (one strong reference, replaced on the next lookup).
let lastPath: readonly Point[] | null = null;
let lastCum: Float64Array = new Float64Array(0);

/**
 * Cumulative distance (m) at each vertex of a polyline: element k is the length from point 0 to
 * point k. Cached per path array; do not mutate a path after sampling it.
 */
export function cumulativeLengths(path: readonly Point[]): Float64Array {
  // The same path is usually asked for several times in a row (distance, then point): skip the map.
  if (path === lastPath) return lastCum;
  let cum = cumulativeCache.get(path);
  if (cum !== undefined) {
    lastPath = path;
    lastCum = cum;
    return cum;
  }
  cum = new Float64Array(path.length);
  for (let k = 1; k < path.length; k++) {
    const a = path[k - 1]!;
    const b = path[k]!;
    cum[k] = cum[k - 1]! + Math.hypot(b[0] - a[0], b[1] - a[1]);
  }
  cumulativeCache.set(path, cum);
  lastPath = path;
  lastCum = cum;
  return cum;
}

/** Total length of a polyline, metres. */
export function pathLength(path: readonly Point[]): number {
  const cum = cumulativeLengths(path);
  return cum.length === 0 ? 0 : cum[cum.length - 1]!;
}

/** Number of constant-acceleration phases in a motion's profile. */
export function phaseCount(motion: MotionLike): number {
  return Math.floor(motion.profile.length / PROFILE_STRIDE);
}

/** Time the motion starts (first phase start), ms; `end` when the profile is empty. */
export function motionStart(motion: MotionLike): number {
  return motion.profile.length >= PROFILE_STRIDE ? motion.profile[0]! : motion.end;
}

/**
 * Times (ms) where the speed profile changes: every phase start, then `end`, in order. These are
 * the instants where acceleration jumps; between two of them the motion is one smooth parabola.
 */
export function phaseBoundaries(motion: MotionLike): number[] {
  const n = phaseCount(motion);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(motion.profile[i * PROFILE_STRIDE]!);
  out.push(motion.end);
  return out;
}

/** Index of the phase in force at time t (ms): the last phase starting at or before t; -1 before. */
function phaseAt(profile: readonly number[], n: number, t: number): number {
  let lo = 0;
  let hi = n - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (profile[mid * PROFILE_STRIDE]! <= t) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Seconds into phase i at time t, cut where a braking phase reaches standstill. */
function effectiveDt(v: number, a: number, dtS: number): number {
  if (a < 0 && v + a * dtS < 0) return Math.max(0, -v / a);
  return dtS;
}

/** Distance driven (m) at time t (ms), within [0, path length]. */
export function distanceAt(motion: MotionLike, t: number): number {
  return distanceWithin(motion, t, pathLength(motion.path));
}

/**
 * {@link distanceAt} for a caller that already knows the path's length (m), e.g. one sampling the
 * same motion thousands of times: it skips the length lookup.
 */
export function distanceWithin(motion: MotionLike, t: number, length: number): number {
  if (t >= motion.end) return length;
  const p = motion.profile;
  const i = phaseAt(p, phaseCount(motion), t);
  if (i < 0) return clamp(p.length >= PROFILE_STRIDE ? p[1]! : 0, 0, length);
  const b = i * PROFILE_STRIDE;
  const s = p[b + 1]!;
  const v = p[b + 2]!;
  const a = p[b + 3]!;
  const dt = effectiveDt(v, a, (t - p[b]!) / 1000);
  return clamp(s + v * dt + (a * dt * dt) / 2, 0, length);
}

/** Speed (m/s) at time t (ms): 0 before the start and from the end on, never negative. */
export function speedAt(motion: MotionLike, t: number): number {
  if (t >= motion.end) return 0;
  const p = motion.profile;
  const i = phaseAt(p, phaseCount(motion), t);
  if (i < 0) return 0;
  const b = i * PROFILE_STRIDE;
  return Math.max(0, p[b + 2]! + (p[b + 3]! * (t - p[b]!)) / 1000);
}

/**
 * The first time (ms) the motion reaches distance s (m) along its path: the inverse of
 * {@link distanceAt}. s at or below the profile's first distance gives the start; s the motion never
 * reaches before `end` (or beyond the path) gives `end`. Not rounded: a fractional millisecond.
 */
export function timeAtDistance(motion: MotionLike, s: number): number {
  const p = motion.profile;
  const n = phaseCount(motion);
  if (n === 0) return motion.end;
  if (s <= p[1]!) return p[0]!;
  // The last phase that starts at or before distance s (phase start distances never decrease).
  let i = 0;
  while (i + 1 < n && p[(i + 1) * PROFILE_STRIDE + 1]! <= s) i++;
  const b = i * PROFILE_STRIDE;
  const ds = s - p[b + 1]!;
  const v = p[b + 2]!;
  const a = p[b + 3]!;
  let dt: number; // seconds into phase i
  if (a === 0) {
    dt = v > 0 ? ds / v : Number.POSITIVE_INFINITY;
  } else {
    const disc = v * v + 2 * a * ds;
    dt = disc < 0 ? Number.POSITIVE_INFINITY : (-v + Math.sqrt(disc)) / a;
  }
  return Math.min(p[b]! + dt * 1000, motion.end);
}

/**
 * The point at distance s (m) along a polyline and the heading there (degrees clockwise from
 * north). At a vertex the heading is that of the segment leaving it (the last segment at the path's
 * end); zero-length segments are skipped. s is clamped to [0, length].
 */
export function pointAlong(path: readonly Point[], s: number): { x: number; y: number; headingDeg: number } {
  return pointAlongCumulative(path, cumulativeLengths(path), s);
}

/** {@link pointAlong} with the path's {@link cumulativeLengths} given (for repeated sampling). */
export function pointAlongCumulative(path: readonly Point[], cum: Float64Array, s: number): { x: number; y: number; headingDeg: number } {
  const n = path.length;
  if (n === 0) return { x: 0, y: 0, headingDeg: 0 };
  const length = cum[n - 1]!;
  if (n === 1 || length === 0) return { x: path[0]![0], y: path[0]![1], headingDeg: 0 };
  const d = clamp(s, 0, length);
  // Segment k runs from vertex k to k+1; find the last k with cum[k] <= d and a positive length.
  let lo = 0;
  let hi = n - 2;
  let k = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! <= d) {
      k = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  while (k < n - 2 && cum[k + 1]! - cum[k]! === 0) k++; // leave a zero-length segment forwards
  while (k > 0 && cum[k + 1]! - cum[k]! === 0) k--; // ...or backwards at the very end
  const a = path[k]!;
  const b = path[k + 1]!;
  const segLen = cum[k + 1]! - cum[k]!;
  const f = segLen > 0 ? (d - cum[k]!) / segLen : 0;
  return {
    x: a[0] + (b[0] - a[0]) * f,
    y: a[1] + (b[1] - a[1]) * f,
    headingDeg: headingDeg(b[0] - a[0], b[1] - a[1]),
  };
}

/** Position and motion state at time t (ms); one pass, for callers that need several values. */
export function sampleMotion(motion: MotionLike, t: number): MotionSample {
  const distance = distanceAt(motion, t);
  const at = pointAlong(motion.path, distance);
  return { x: at.x, y: at.y, headingDeg: at.headingDeg, distance, speed: speedAt(motion, t) };
}

/** Position [x, y] (m) at time t (ms). */
export function positionAt(motion: MotionLike, t: number): Point {
  const at = pointAlong(motion.path, distanceAt(motion, t));
  return [at.x, at.y];
}

/** Heading (degrees clockwise from north) at time t (ms). */
export function headingAt(motion: MotionLike, t: number): number {
  return pointAlong(motion.path, distanceAt(motion, t)).headingDeg;
}

/**
 * What is wrong with a motion, as sentences naming the field (empty when it is well formed): fewer
 * than 2 points, a profile that is not whole phases, phase times going backwards, a phase starting
 * after `end`, non-finite numbers, or a final distance that misses the path's end by more than
 * `toleranceM` metres (default 0.05 m).
 */
export function motionProblems(motion: MotionLike, toleranceM = 0.05): string[] {
  const problems: string[] = [];
  if (motion.path.length < 2) problems.push(`path has ${motion.path.length} point(s); a motion needs at least 2`);
  motion.path.forEach((p, k) => {
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) problems.push(`path[${k}] is not a finite point`);
  });
  const p = motion.profile;
  if (p.length === 0 || p.length % PROFILE_STRIDE !== 0) {
    problems.push(`profile has ${p.length} numbers; it must be 4 per phase (t, s, v, a) and at least one phase`);
    return problems;
  }
  p.forEach((x, k) => {
    if (!Number.isFinite(x)) problems.push(`profile[${k}] is not a finite number`);
  });
  if (!Number.isFinite(motion.end)) problems.push('end is not a finite number');
  const n = phaseCount(motion);
  for (let i = 1; i < n; i++) {
    if (p[i * PROFILE_STRIDE]! < p[(i - 1) * PROFILE_STRIDE]!) {
      problems.push(`profile phase ${i} starts at ${p[i * PROFILE_STRIDE]} ms, before phase ${i - 1}`);
    }
  }
  const lastStart = p[(n - 1) * PROFILE_STRIDE]!;
  if (lastStart > motion.end) problems.push(`profile phase ${n - 1} starts at ${lastStart} ms, after end ${motion.end} ms`);
  if (problems.length > 0) return problems;
  // Unclamped distance reached at `end` by the last phase, against the path length.
  const b = (n - 1) * PROFILE_STRIDE;
  const dt = effectiveDt(p[b + 2]!, p[b + 3]!, (motion.end - lastStart) / 1000);
  const reached = p[b + 1]! + p[b + 2]! * dt + (p[b + 3]! * dt * dt) / 2;
  const length = pathLength(motion.path);
  if (Math.abs(reached - length) > toleranceM) {
    problems.push(`profile reaches ${reached.toFixed(3)} m at end, path is ${length.toFixed(3)} m long`);
  }
  return problems;
}

/** Heading of a direction vector, degrees clockwise from north in [0, 360). */
export function headingDeg(dx: number, dy: number): number {
  const deg = (Math.atan2(dx, dy) * 180) / Math.PI;
  return deg < 0 ? deg + 360 : deg + 0; // + 0 turns -0 into 0
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
