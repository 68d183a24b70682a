import { F64Arena } from './typed-arena.ts';
import { F64_ZERO } from '../kernel/shapes.ts';

/**
 * Exact travel over a sequence of segments with speed caps, from standstill to standstill: the
 * fastest profile with constant acceleration `a` and braking `b` that never exceeds a segment's
 * cap (braking before a slower segment so as to enter it at its cap). Phases of constant
 * acceleration, in seconds and metres relative to the start of the motion.
 */
export class SpeedProfile {
  /**
   * The phases, `PHASE` numbers each: phase i starts at time `phases[PHASE·i + PHASE_T]` (s),
   * distance `+ PHASE_S` (m) and speed `+ PHASE_V` (m/s) and has acceleration `+ PHASE_A` (m/s²).
   * One typed array, a phase's numbers side by side: the lane check (`requiredStart`) reads two
   * profiles of which at least one was last read minutes ago, and finds all of a phase's numbers in
   * the cache line where its search ended (four arrays of small-integer-then-double elements cost
   * four look-ups and a transition each).
   */
  readonly phases: Float64Array;
  /** Phases held. */
  readonly count: number;
  /** Time to the end, seconds. */
  readonly duration: number;
  /** Length driven, metres. */
  readonly length: number;

  constructor(phases: Float64Array, duration: number, length: number) {
    if (phases.length % PHASE !== 0) throw new Error(`SpeedProfile: phases must hold ${PHASE} numbers a phase, got ${phases.length}`);
    this.phases = phases;
    this.count = phases.length / PHASE;
    this.duration = duration;
    this.length = length;
  }

  /** Start time (s), start distance (m), speed (m/s) and acceleration (m/s²) of phase i. */
  t(i: number): number {
    return this.phases[PHASE * i + PHASE_T]!;
  }
  s(i: number): number {
    return this.phases[PHASE * i + PHASE_S]!;
  }
  v(i: number): number {
    return this.phases[PHASE * i + PHASE_V]!;
  }
  a(i: number): number {
    return this.phases[PHASE * i + PHASE_A]!;
  }

  /** The first time (s) the motion reaches distance x (m); clamped to [0, duration]. */
  timeAt(x: number): number {
    if (x <= 0) return 0;
    if (x >= this.length) return this.duration;
    const ph = this.phases;
    const o = PHASE * this.phaseAt(x);
    const ds = x - ph[o + PHASE_S]!;
    const v = ph[o + PHASE_V]!;
    const acc = ph[o + PHASE_A]!;
    if (acc === 0) return ph[o + PHASE_T]! + ds / v;
    const disc = Math.max(0, v * v + 2 * acc * ds);
    return ph[o + PHASE_T]! + (Math.sqrt(disc) - v) / acc;
  }

  /** Speed squared as a linear function of distance in the phase containing x: v² = c0 + c1·x. */
  speedSquaredAt(phase: number): [number, number] {
    const v = this.v(phase);
    const acc = this.a(phase);
    return [v * v - 2 * acc * this.s(phase), 2 * acc];
  }

  /** Index of the phase containing distance x. */
  phaseAt(x: number): number {
    const ph = this.phases;
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ph[PHASE * mid + PHASE_S]! <= x) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * The profile as `MotionEvent.profile` numbers [t (ms), s (m), v (m/s), a (m/s²)]... starting at
   * simulated time t0 (ms).
   */
  toMotion(t0: number): number[] {
    const out: number[] = [];
    const ph = this.phases;
    for (let o = 0; o < ph.length; o += PHASE) out.push(t0 + ph[o + PHASE_T]! * 1000, ph[o + PHASE_S]!, ph[o + PHASE_V]!, ph[o + PHASE_A]!);
    return out;
  }
}

/** Numbers per phase in `SpeedProfile.phases`, and their order. */
export const PHASE = 4;
export const PHASE_T = 0;
export const PHASE_S = 1;
export const PHASE_V = 2;
export const PHASE_A = 3;

/**
 * Builds a profile phase by phase (`planProfile`), straight into the slice of `PROFILES` the
 * profile then keeps (a view of a shared chunk, see `F64Arena`): no scratch to copy from, and no
 * typed array of its own per profile.
 */
class ProfileBuilder {
  /** `PROFILES`' open chunk, and where this profile's phases start in it. */
  private buf: Float64Array;
  private base = 0;
  private bounds: Float64Array;
  private n = 0;
  private duration = F64_ZERO;
  private length = F64_ZERO;

  constructor() {
    // Written twice on purpose: V8 takes a field written once for a constant (see TrafficController).
    this.buf = new Float64Array(0);
    this.buf = PROFILES.open();
    this.bounds = new Float64Array(0);
    this.bounds = new Float64Array(64);
  }

  /** Scratch of at least `n` boundary speeds for `planProfile` (stale values: write before reading). */
  boundaries(n: number): Float64Array {
    if (this.bounds.length < n) this.bounds = new Float64Array(2 * n);
    return this.bounds;
  }

  /**
   * Starts a profile of at most `phases` phases, with room for all of them reserved: a chunk that
   * ran out mid-profile would take a branch that optimized code has never seen (it threw `push`
   * and `planProfile` away once a cold day).
   */
  reset(phases: number): void {
    this.base = PROFILES.reserve(PHASE * phases);
    this.buf = PROFILES.open();
    this.n = 0;
    this.duration = 0;
    this.length = 0;
  }

  /** Appends a phase of `dist` metres starting at speed v0 with acceleration acc (merging equal cruise phases). */
  push(v0: number, acc: number, dist: number): void {
    if (dist <= 1e-12) return;
    const n = this.n;
    let dt: number;
    if (acc === 0) dt = dist / v0;
    else {
      const v1 = Math.sqrt(Math.max(0, v0 * v0 + 2 * acc * dist));
      dt = (v1 - v0) / acc;
    }
    const b = this.buf;
    const last = this.base + PHASE * (n - 1);
    if (n > 0 && acc === 0 && b[last + PHASE_A] === 0 && Math.abs(b[last + PHASE_V]! - v0) < 1e-12) {
      this.duration += dt;
      this.length += dist;
      return;
    }
    const o = this.base + PHASE * n;
    this.buf[o + PHASE_T] = this.duration;
    this.buf[o + PHASE_S] = this.length;
    this.buf[o + PHASE_V] = v0;
    this.buf[o + PHASE_A] = acc;
    this.n = n + 1;
    this.duration += dt;
    this.length += dist;
  }

  build(): SpeedProfile {
    // The phases are already where `take` cuts (reserved by reset).
    return new SpeedProfile(PROFILES.take(PHASE * this.n), this.duration, this.length);
  }
}

/** Where profiles keep their phases. */
const PROFILES = new F64Arena();
const BUILDER = new ProfileBuilder();

/**
 * The fastest standstill-to-standstill profile over segments of `lengths` (m) with speed caps
 * `caps` (m/s), acceleration `acc` and braking `dec` (m/s², both > 0). Boundary speeds are the
 * lower of the two caps, cut by what acceleration from the start and braking to the end allow;
 * each segment is then accelerate – cruise – brake, or accelerate – brake when it is too short.
 * Reads the first `n` segments (all of `lengths` by default).
 */
export function planProfile(lengths: ArrayLike<number>, caps: ArrayLike<number>, acc: number, dec: number, n: number = lengths.length): SpeedProfile {
  if (!(Number.isInteger(n) && n >= 0 && n <= lengths.length && n <= caps.length)) throw new Error(`planProfile: n must be a whole number from 0 to the ${Math.min(lengths.length, caps.length)} segments given, got ${n}`);
  // Boundary speeds, m/s (a typed array: doubles from the start, see buildStretch), standstill at
  // both ends; in the builder's scratch (see buildStretch's on fresh typed arrays).
  const p = BUILDER;
  const b = p.boundaries(n + 1);
  b[0] = 0;
  b[n] = 0;
  for (let i = 1; i < n; i++) b[i] = Math.min(caps[i - 1]!, caps[i]!);
  for (let i = 1; i < n; i++) b[i] = Math.min(b[i]!, Math.sqrt(b[i - 1]! * b[i - 1]! + 2 * acc * lengths[i - 1]!));
  for (let i = n - 1; i >= 1; i--) b[i] = Math.min(b[i]!, Math.sqrt(b[i + 1]! * b[i + 1]! + 2 * dec * lengths[i]!));
  // At most three phases a segment (accelerate, cruise, brake).
  p.reset(3 * n);
  for (let i = 0; i < n; i++) {
    const L = lengths[i]!;
    const u = b[i]!;
    const w = b[i + 1]!;
    const V = caps[i]!;
    const dAcc = (V * V - u * u) / (2 * acc);
    const dDec = (V * V - w * w) / (2 * dec);
    if (dAcc + dDec <= L) {
      p.push(u, acc, dAcc);
      p.push(V, 0, L - dAcc - dDec);
      p.push(V, -dec, dDec);
    } else {
      const peak = Math.sqrt(Math.max(u * u, w * w, (2 * acc * dec * L + dec * u * u + acc * w * w) / (acc + dec)));
      const up = Math.max(0, Math.min(L, (peak * peak - u * u) / (2 * acc)));
      p.push(u, acc, up);
      p.push(Math.sqrt(u * u + 2 * acc * up), -dec, L - up);
    }
  }
  return p.build();
}
