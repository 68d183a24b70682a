import type { Point } from '../model/scenario.ts';
import { hypot } from './polyline.ts';

/**
 * The area a vehicle's footprint (length × width, centred on the path, long axis along the
 * heading) sweeps along a polyline path: per segment, one rectangle as wide as the vehicle and a
 * vehicle length longer than the segment. Exact for a drawn path, whose vehicles keep their heading
 * along a segment and turn at its vertices (where both segments' rectangles hold the footprint, as
 * the geometric referee sees it: before and after the heading jumps).
 */
export interface SweptFootprint {
  /** Per rectangle: centre x, y, unit heading ux, uy (the width axis is (-uy, ux)), half length, half width (m). */
  readonly rects: Float64Array;
}

const R = 6;

/**
 * Clearance kept between the footprints of two vehicles sharing a junction, metres: the 0.5 m of
 * ISO 3691-4 that `validate` keeps between lanes. (Huu Nghi 2030, seeds 1-3 × 2 days at 80 IGVs:
 * 0.5 m clears 2,923 vehicles a day, 1 m 2,873; the centre-line rule before, a diagonal plus 6 m
 * apart or side by side a width plus 3 m, 2,839.)
 */
export const FOOTPRINT_MARGIN_M = 0.5;

/**
 * The swept footprint along each polyline of `paths` (pieces driven one after another or
 * overlapping; each swept on its own, so a jump from one piece to the next sweeps nothing), and
 * wherever the vehicle's centre may be, at any heading, within the bounding box of each point set
 * of `anywhere` (a lane change whose exact chord is not known here).
 */
export function sweptFootprint(paths: readonly (readonly Point[])[], lengthM: number, widthM: number, anywhere: readonly (readonly Point[])[] = NOWHERE): SweptFootprint {
  // Straight into a typed array as long as the most rectangles there can be (cut when a segment
  // of no length gave none), with loops rather than for-of: most footprints are swept while this
  // code is still interpreted, where a list of numbers copied by Float64Array.from cost more.
  let most = 0;
  for (let i = 0; i < paths.length; i++) most += Math.max(0, paths[i]!.length - 1);
  for (let i = 0; i < anywhere.length; i++) if (anywhere[i]!.length > 0) most++;
  const out = new Float64Array(R * most);
  let o = 0;
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i]!;
    for (let k = 0; k + 1 < path.length; k++) {
      const a = path[k]!;
      const b = path[k + 1]!;
      const len = hypot(b[0] - a[0], b[1] - a[1]);
      if (len < 1e-9) continue;
      out[o] = (a[0] + b[0]) / 2;
      out[o + 1] = (a[1] + b[1]) / 2;
      out[o + 2] = (b[0] - a[0]) / len;
      out[o + 3] = (b[1] - a[1]) / len;
      out[o + 4] = (len + lengthM) / 2;
      out[o + 5] = widthM / 2;
      o += R;
    }
  }
  // At any heading the footprint stays within its circumscribed circle.
  const r = hypot(lengthM, widthM) / 2;
  for (let i = 0; i < anywhere.length; i++) {
    const pts = anywhere[i]!;
    if (pts.length === 0) continue;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let k = 0; k < pts.length; k++) {
      const p = pts[k]!;
      x0 = Math.min(x0, p[0]);
      x1 = Math.max(x1, p[0]);
      y0 = Math.min(y0, p[1]);
      y1 = Math.max(y1, p[1]);
    }
    out[o] = (x0 + x1) / 2;
    out[o + 1] = (y0 + y1) / 2;
    out[o + 2] = 1;
    out[o + 3] = 0;
    out[o + 4] = (x1 - x0) / 2 + r;
    out[o + 5] = (y1 - y0) / 2 + r;
    o += R;
  }
  return new Swept(o === out.length ? out : out.slice(0, o));
}

/** A swept footprint as `sweptFootprint` makes it (a class: footprints are cached, see `objectArray` in kernel/shapes.ts). */
class Swept implements SweptFootprint {
  constructor(readonly rects: Float64Array) {}
}

const NOWHERE: readonly (readonly Point[])[] = [];

/**
 * True when the swept footprints `a` and `b` come closer than `marginM` metres: some rectangle of
 * each, grown by half the margin on every side, overlap (separating axis test on the four axes).
 */
export function sweptFootprintsMeet(a: SweptFootprint, b: SweptFootprint, marginM: number): boolean {
  const ra = a.rects;
  for (let i = 0; i < ra.length; i += R) if (rectMeets(ra, i, b, marginM)) return true;
  return false;
}

/**
 * `sweptFootprintsMeet` for the one rectangle at `at` in `rects` (centre x, y, unit heading ux,
 * uy, half length and half width, metres, as in `SweptFootprint.rects`) against `b`. The pair
 * stretches test one standing footprint every quarter metre: written into a scratch array
 * (`STANDING`) rather than passed as six numbers, each of which a call not inlined passes boxed
 * (8 MB of heap numbers on a cold day), and without a footprint of its own (allocating each was a
 * third of their time).
 */
export function rectMeets(rects: Float64Array, at: number, b: SweptFootprint, marginM: number): boolean {
  const g = marginM / 2;
  const rb = b.rects;
  const ax = rects[at]!;
  const ay = rects[at + 1]!;
  const aux = rects[at + 2]!;
  const auy = rects[at + 3]!;
  const aL = rects[at + 4]! + g;
  const aW = rects[at + 5]! + g;
  for (let j = 0; j < rb.length; j += R) {
    const dx = rb[j]! - ax;
    const dy = rb[j + 1]! - ay;
    const bux = rb[j + 2]!;
    const buy = rb[j + 3]!;
    const bL = rb[j + 4]! + g;
    const bW = rb[j + 5]! + g;
    const cos = Math.abs(aux * bux + auy * buy);
    const sin = Math.abs(aux * buy - auy * bux);
    // Projected on each axis, the centres lie farther apart than the two half extents: separated.
    // (b's half extent on a's long axis is bL·|u_a·u_b| + bW·|u_a·w_b|, and so on.)
    if (Math.abs(dx * aux + dy * auy) >= aL + bL * cos + bW * sin) continue;
    if (Math.abs(-dx * auy + dy * aux) >= aW + bL * sin + bW * cos) continue;
    if (Math.abs(dx * bux + dy * buy) >= bL + aL * cos + aW * sin) continue;
    if (Math.abs(-dx * buy + dy * bux) >= bW + aL * sin + aW * cos) continue;
    return true;
  }
  return false;
}

/** One rectangle (`SweptFootprint.rects` layout) for `rectMeets`, written before each call. */
export const STANDING = new Float64Array(R);

/**
 * How far (m) the point (x, y) lies from `b` with every rectangle grown by `growM` on each side: 0
 * inside one. A footprint whose circumscribed circle around its centre is no larger than this
 * misses every grown rectangle, whatever its heading; the pair stretches use it to skip the
 * samples a footprint cannot reach from where it stands (see `PassageGeometry.spanAgainst`).
 */
export function pointClearance(x: number, y: number, b: SweptFootprint, growM: number): number {
  const rb = b.rects;
  let best = Infinity;
  for (let j = 0; j < rb.length; j += R) {
    const dx = x - rb[j]!;
    const dy = y - rb[j + 1]!;
    const ux = rb[j + 2]!;
    const uy = rb[j + 3]!;
    const qx = Math.max(0, Math.abs(dx * ux + dy * uy) - rb[j + 4]! - growM);
    const qy = Math.max(0, Math.abs(dy * ux - dx * uy) - rb[j + 5]! - growM);
    const d2 = qx * qx + qy * qy;
    if (d2 < best) best = d2;
  }
  return Math.sqrt(best);
}
