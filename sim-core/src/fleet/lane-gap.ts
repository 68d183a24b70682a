import { PHASE, PHASE_A, PHASE_S, PHASE_V, type SpeedProfile } from './kinematics.ts';

/** Reused by `requiredStart`, which runs for every lane comparison (no allocation per call). */
let SCRATCH = new Float64Array(256);

/**
 * Earliest start (ms) of a follower profile F so that on one lane, for every distance x along it,
 * the follower reaches x no earlier than the predecessor P reaches x + gap, from `back` metres
 * before the lane. F's lane begins at fOff on F, P's at pOff on P, which started at pT0 (ms). Exact:
 * the difference of the two time functions has its minimum at a phase boundary or where the speeds
 * are equal.
 */
export function requiredStart(F: SpeedProfile, fOff: number, len: number, P: SpeedProfile, pOff: number, pT0: number, gap: number, back = 0): number {
  // From `back` metres before the lane (where two vehicles merging into it approach from different
  // edges) to its end.
  const lo = -back;
  const fp = F.phases;
  const pp = P.phases;
  const fn = F.count;
  const pn = P.count;
  // Room for both ends, every phase boundary of each, the end of P and a crossing point per interval.
  const room = 2 * (fn + pn + 3);
  if (SCRATCH.length < room) SCRATCH = new Float64Array(2 * room);
  const xs = SCRATCH;
  // The phase boundaries of F and of P (shifted onto the lane) inside (lo, len), both ascending,
  // merged in order with lo, len and the end of P: the breakpoints of the two time functions.
  // (Bisection for the first boundary inside: shifting keeps the boundaries in order.)
  let i = 0;
  for (let b = fn; i < b; ) {
    const mid = (i + b) >> 1;
    if (fp[PHASE * mid + PHASE_S]! - fOff > lo) b = mid;
    else i = mid + 1;
  }
  let j = 0;
  for (let b = pn; j < b; ) {
    const mid = (j + b) >> 1;
    if (pp[PHASE * mid + PHASE_S]! - pOff - gap > lo) b = mid;
    else j = mid + 1;
  }
  const pEnd = P.length - pOff - gap;
  let pendingEnd = pEnd > lo && pEnd < len;
  let n = 0;
  xs[n++] = lo;
  for (;;) {
    const f = i < fn && fp[PHASE * i + PHASE_S]! - fOff < len ? fp[PHASE * i + PHASE_S]! - fOff : Infinity;
    const q = j < pn && pp[PHASE * j + PHASE_S]! - pOff - gap < len ? pp[PHASE * j + PHASE_S]! - pOff - gap : Infinity;
    const e = pendingEnd ? pEnd : Infinity;
    if (f === Infinity && q === Infinity && e === Infinity) break;
    if (f <= q && f <= e) {
      xs[n++] = f;
      i++;
    } else if (q <= e) {
      xs[n++] = q;
      j++;
    } else {
      xs[n++] = e;
      pendingEnd = false;
    }
  }
  xs[n++] = len;
  let m = n;
  for (let k = 0; k + 1 < n; k++) {
    const lo = xs[k]!;
    const hi = xs[k + 1]!;
    if (hi - lo < 1e-9) continue;
    const mid = (lo + hi) / 2;
    if (pOff + mid + gap >= P.length) continue;
    // Speed squared is linear in distance within a phase: v² = c0 + c1·x.
    const fo = PHASE * F.phaseAt(fOff + mid);
    const po = PHASE * P.phaseAt(pOff + mid + gap);
    const fv = fp[fo + PHASE_V]!;
    const fa = fp[fo + PHASE_A]!;
    const pv = pp[po + PHASE_V]!;
    const pa = pp[po + PHASE_A]!;
    const f0 = fv * fv - 2 * fa * fp[fo + PHASE_S]!;
    const f1 = 2 * fa;
    const p0 = pv * pv - 2 * pa * pp[po + PHASE_S]!;
    const p1 = 2 * pa;
    if (f1 === p1) continue;
    const x = (p0 + p1 * (pOff + gap) - f0 - f1 * fOff) / (f1 - p1);
    if (x > lo && x < hi) xs[m++] = x;
  }
  let need = -Infinity;
  for (let k = 0; k < m; k++) {
    const x = xs[k]!;
    const t = pT0 + 1000 * P.timeAt(pOff + x + gap) - 1000 * F.timeAt(fOff + x);
    if (t > need) need = t;
  }
  return need;
}

/**
 * Slack added to the cheap bounds of the lane check, ms: the exact check evaluates the same time
 * functions at interior points, where rounding (a braking phase's last millimetres) can exceed the
 * value at the ends by far less than this.
 */
export const BOUND_MARGIN_MS = 1;

/**
 * An upper bound (ms) of `requiredStart(F, fOff, len, P, pOff, pT0, gap, min(gap, fOff))` from
 * times the booking structures keep: when P's centre leaves the lane (`pLeaves`, ms) and is a gap
 * past its end (`pClear`, ms), and when F's centre is `min(gap, fOff)` before the lane (`fBehind`,
 * ms from F's start) and at its start (`fEnter`). Both time functions only grow, so over each
 * piece of the lane the difference is at most P's time at the piece's end less F's at its start:
 * split where P's centre is a gap short of the lane's end (on a lane at least a gap long), else
 * the lane whole. Where this is no later than a start being tried, the exact check cannot bind.
 */
export function startBehindBound(pLeaves: number, pClear: number, fBehind: number, fEnter: number, len: number, gap: number): number {
  const whole = pClear - fBehind;
  return (len >= gap ? Math.min(whole, Math.max(pLeaves - fBehind, pClear - fEnter)) : whole) + BOUND_MARGIN_MS;
}

/**
 * An upper bound (ms) of the latest start of P that keeps F (started at fT0, ms) a gap behind it on
 * the lane, `fT0 - requiredStart(F, fOff, len, P, pOff, 0, gap, min(gap, fOff))`: the exact check's
 * value at the lane's end, from when F's centre leaves the lane (`fLeaves`, ms) and P's is a gap
 * past it (`pClear`, ms from P's start). A start after it can never keep F behind.
 */
export function latestAheadBound(fLeaves: number, pClear: number): number {
  return fLeaves - pClear + BOUND_MARGIN_MS;
}
