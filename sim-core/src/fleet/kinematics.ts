/**
 * Exact travel over a sequence of segments with speed caps, from standstill to standstill: the
 * fastest profile with constant acceleration `a` and braking `b` that never exceeds a segment's
 * cap (braking before a slower segment so as to enter it at its cap). Phases of constant
 * acceleration, in seconds and metres relative to the start of the motion.
 */
export class SpeedProfile {
  /** Phase starts: time (s), distance (m), speed (m/s), acceleration (m/s²). */
  readonly t: number[] = [];
  readonly s: number[] = [];
  readonly v: number[] = [];
  readonly a: number[] = [];
  /** Time to the end, seconds. */
  duration = 0;
  /** Length driven, metres. */
  length = 0;

  /** Appends a phase of `dist` metres starting at speed v0 with acceleration acc (merging equal cruise phases). */
  push(v0: number, acc: number, dist: number): void {
    if (dist <= 1e-12) return;
    const n = this.t.length;
    let dt: number;
    if (acc === 0) dt = dist / v0;
    else {
      const v1 = Math.sqrt(Math.max(0, v0 * v0 + 2 * acc * dist));
      dt = (v1 - v0) / acc;
    }
    if (n > 0 && acc === 0 && this.a[n - 1] === 0 && Math.abs(this.v[n - 1]! - v0) < 1e-12) {
      this.duration += dt;
      this.length += dist;
      return;
    }
    this.t.push(this.duration);
    this.s.push(this.length);
    this.v.push(v0);
    this.a.push(acc);
    this.duration += dt;
    this.length += dist;
  }

  /** The first time (s) the motion reaches distance x (m); clamped to [0, duration]. */
  timeAt(x: number): number {
    if (x <= 0) return 0;
    if (x >= this.length) return this.duration;
    const lo = this.phaseAt(x);
    const ds = x - this.s[lo]!;
    const v = this.v[lo]!;
    const acc = this.a[lo]!;
    if (acc === 0) return this.t[lo]! + ds / v;
    const disc = Math.max(0, v * v + 2 * acc * ds);
    return this.t[lo]! + (Math.sqrt(disc) - v) / acc;
  }

  /** Speed squared as a linear function of distance in the phase containing x: v² = c0 + c1·x. */
  speedSquaredAt(phase: number): [number, number] {
    const v = this.v[phase]!;
    const acc = this.a[phase]!;
    return [v * v - 2 * acc * this.s[phase]!, 2 * acc];
  }

  /** Index of the phase containing distance x. */
  phaseAt(x: number): number {
    const s = this.s;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= x) lo = mid;
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
    for (let i = 0; i < this.t.length; i++) out.push(t0 + this.t[i]! * 1000, this.s[i]!, this.v[i]!, this.a[i]!);
    return out;
  }
}

/**
 * The fastest standstill-to-standstill profile over segments of `lengths` (m) with speed caps
 * `caps` (m/s), acceleration `acc` and braking `dec` (m/s², both > 0). Boundary speeds are the
 * lower of the two caps, cut by what acceleration from the start and braking to the end allow;
 * each segment is then accelerate – cruise – brake, or accelerate – brake when it is too short.
 * Reads the first `n` segments (all of `lengths` by default).
 */
export function planProfile(lengths: ArrayLike<number>, caps: ArrayLike<number>, acc: number, dec: number, n: number = lengths.length): SpeedProfile {
  if (!(Number.isInteger(n) && n >= 0 && n <= lengths.length && n <= caps.length)) throw new Error(`planProfile: n must be a whole number from 0 to the ${Math.min(lengths.length, caps.length)} segments given, got ${n}`);
  // Boundary speeds, m/s (a typed array: doubles from the start, see buildStretch).
  const b = new Float64Array(n + 1);
  for (let i = 1; i < n; i++) b[i] = Math.min(caps[i - 1]!, caps[i]!);
  for (let i = 1; i < n; i++) b[i] = Math.min(b[i]!, Math.sqrt(b[i - 1]! * b[i - 1]! + 2 * acc * lengths[i - 1]!));
  for (let i = n - 1; i >= 1; i--) b[i] = Math.min(b[i]!, Math.sqrt(b[i + 1]! * b[i + 1]! + 2 * dec * lengths[i]!));
  const p = new SpeedProfile();
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
  return p;
}
