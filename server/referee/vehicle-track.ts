/**
 * One IGV as the referee follows it: its footprint, the motion it is driving (if any) or the pose it
 * stands in, and the instants where its footprint changes abruptly (speed-profile phase changes and
 * path vertices, where the heading jumps). Poses come from the shared motion interpolation, so the
 * referee sees exactly what the viewer draws.
 */

import type { Point } from '../../sim-core/src/model/scenario.ts';
import {
  cumulativeLengths,
  distanceWithin,
  motionStart,
  phaseBoundaries,
  pointAlongCumulative,
  sampleMotion,
  speedAt,
  timeAtDistance,
} from '../../sim-core/src/stream/motion.ts';
import type { MotionEvent } from '../../sim-core/src/stream/visual-events.ts';

/** Position (m) and heading (degrees clockwise from north) of a footprint's centre. */
export interface Pose {
  x: number;
  y: number;
  headingDeg: number;
}

/** Axis-aligned box, metres. */
export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export type TimedMotion = MotionEvent & { t: number };

/** What the referee remembers about a pair of vehicles between samples. */
export interface PairState {
  /** Motion versions the bound below was computed for. */
  versionP: number;
  versionQ: number;
  /** No overlap is possible before this time (ms) while those motions last. */
  safeUntil: number;
  /** Overlapping at the last sample (one collision is reported once, not per sample). */
  overlapping: boolean;
}

export class VehicleTrack {
  /** The motion being driven; null while standing. */
  motion: TimedMotion | null = null;
  /** Where it stands when not moving (and before its motion starts). */
  standing: Pose;
  /** Counts motions driven, so bounds computed for an earlier motion are recognised as stale. */
  version = 0;
  /** Pair states with tracks of larger id. */
  readonly pairs = new Map<VehicleTrack, PairState>();
  /** Sorted instants (ms) of the current motion where the footprint changes abruptly. */
  private boundaries: number[] = [];
  /** The current motion's cumulative lengths and total length (m), looked up once per motion. */
  private cum: Float64Array = new Float64Array(0);
  private length = 0;
  /** Highest speed of the current motion, m/s. */
  private speedCap = 0;
  private accelCap = 0;
  /** Set by {@link prepareChunk}: the chunk's swept box, and whether the footprint moves in it. */
  readonly box: Box = { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  moving = false;
  /** Half the footprint's diagonal, m: the radius of a circle that always contains it. */
  readonly radius: number;

  constructor(
    readonly id: string,
    readonly lengthM: number,
    readonly widthM: number,
    at: Point,
    headingDeg: number,
  ) {
    this.standing = { x: at[0], y: at[1], headingDeg };
    this.radius = Math.hypot(lengthM, widthM) / 2;
  }

  /** Pose at time t (ms); t must not be earlier than the current motion's emission time. */
  poseAt(t: number): Pose {
    const m = this.motion;
    if (m === null) return this.standing;
    return pointAlongCumulative(m.path, this.cum, distanceWithin(m, t, this.length));
  }

  /** Starts driving `motion` (replacing any motion in progress) and precomputes its boundaries. */
  drive(motion: TimedMotion): void {
    this.motion = motion;
    this.version++;
    const times = phaseBoundaries(motion);
    const cum = cumulativeLengths(motion.path);
    this.cum = cum;
    this.length = cum.length === 0 ? 0 : cum[cum.length - 1]!;
    for (let k = 1; k < cum.length - 1; k++) times.push(timeAtDistance(motion, cum[k]!));
    times.sort((a, b) => a - b);
    this.boundaries = times;
    this.speedCap = VehicleTrack.profileMaxSpeed(motion);
    let acc = 0;
    for (let i = 3; i < motion.profile.length; i += 4) acc = Math.max(acc, Math.abs(motion.profile[i]!));
    this.accelCap = acc;
  }

  /** Drops a motion that has ended by time t, keeping its end pose as the standing pose. */
  settle(t: number): void {
    const m = this.motion;
    if (m === null || t < m.end) return;
    const end = sampleMotion(m, m.end);
    this.standing = { x: end.x, y: end.y, headingDeg: end.headingDeg };
    this.motion = null;
    this.boundaries = [];
    this.speedCap = 0;
    this.accelCap = 0;
  }

  /** True when the footprint may move during (a, b]. */
  movesDuring(a: number, b: number): boolean {
    const m = this.motion;
    return m !== null && m.end > a && motionStart(m) < b;
  }

  /** Boundary instants strictly inside (a, b), appended to `out`. */
  boundariesIn(a: number, b: number, out: number[]): void {
    for (const t of this.boundaries) {
      if (t > a && t < b) out.push(t);
      else if (t >= b) break;
    }
  }

  /**
   * Prepares the track for the chunk [a, b]: whether it moves, and `box`, a box containing every
   * footprint position during the chunk (the swept circle's bounds). Updated in place: this runs
   * for every vehicle in every chunk.
   */
  prepareChunk(a: number, b: number): void {
    const r = this.radius;
    const m = this.motion;
    const box = this.box;
    this.moving = m !== null && this.movesDuring(a, b);
    if (m === null || !this.moving) {
      const p = this.poseAt(a);
      box.minX = p.x - r;
      box.minY = p.y - r;
      box.maxX = p.x + r;
      box.maxY = p.y + r;
      return;
    }
    const s0 = distanceWithin(m, Math.max(a, m.t), this.length);
    const s1 = distanceWithin(m, b, this.length);
    const p0 = pointAlongCumulative(m.path, this.cum, s0);
    const p1 = pointAlongCumulative(m.path, this.cum, s1);
    let minX = Math.min(p0.x, p1.x);
    let maxX = Math.max(p0.x, p1.x);
    let minY = Math.min(p0.y, p1.y);
    let maxY = Math.max(p0.y, p1.y);
    // Vertices strictly between s0 and s1, found from the first one past s0.
    const cum = this.cum;
    let lo = 1;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! <= s0) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < cum.length - 1 && cum[k]! < s1; k++) {
      const v = m.path[k]!;
      if (v[0] < minX) minX = v[0];
      if (v[0] > maxX) maxX = v[0];
      if (v[1] < minY) minY = v[1];
      if (v[1] > maxY) maxY = v[1];
    }
    box.minX = minX - r;
    box.minY = minY - r;
    box.maxX = maxX + r;
    box.maxY = maxY + r;
  }

  /** Highest speed (m/s) the current motion's profile reaches; 0 while standing. */
  maxSpeed(): number {
    return this.speedCap;
  }

  /** Largest |acceleration| (m/s²) in the current motion's profile; 0 while standing. */
  maxAccel(): number {
    return this.accelCap;
  }

  /** Speed (m/s) at time t; 0 while standing. */
  speedAt(t: number): number {
    return this.motion === null ? 0 : speedAt(this.motion, t);
  }

  private static profileMaxSpeed(m: TimedMotion): number {
    let v = 0;
    const p = m.profile;
    for (let i = 0; i + 3 < p.length; i += 4) {
      const next = i + 4 < p.length ? p[i + 4]! : m.end;
      v = Math.max(v, Math.abs(p[i + 2]!), Math.abs(p[i + 2]! + (p[i + 3]! * (next - p[i]!)) / 1000));
    }
    return v;
  }
}
