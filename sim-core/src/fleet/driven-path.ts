import type { Point } from '../model/scenario.ts';
import { hypot } from './polyline.ts';
import { F64_ZERO, f64 } from '../kernel/shapes.ts';

/**
 * A junction passage's driven path, walked a quarter metre at a time by the pair stretches
 * (`PassageGeometry.spanAgainst`): where on it the centre passes the node (m), and its segments'
 * lengths, measured once.
 */
export class Driven {
  constructor(
    readonly path: Point[],
    readonly at: number,
    /** Its segments' lengths (m; see `drivenPath`). */
    readonly lens: Float64Array,
  ) {}

  /**
   * The segment `left` metres (≥ 0) along the path lies on, and in `AT_SEGMENT.rest` how far along
   * it; past the path's end -1, or with `clamp` the last segment and its length (the end).
   */
  segmentAt(left: number, clamp: boolean): number {
    const lens = this.lens;
    const last = lens.length - 1;
    for (let k = 0; k <= last; k++) {
      const len = lens[k]!;
      if (left > len && !(clamp && k === last)) left -= len;
      else {
        AT_SEGMENT.rest = left > len ? len : left;
        return k;
      }
    }
    return -1;
  }
}

/** The second result of `Driven.segmentAt`, m (a scratch object rather than a pair per sample). */
class SegmentRest {
  rest = F64_ZERO;
}

export const AT_SEGMENT = new SegmentRest();

/**
 * A driven path with its segments' lengths (m): a pair stretch tests a footprint every quarter
 * metre, each found by walking the path from its start, and measuring every segment again on
 * every walk was most of the pair stretches' time. The same lengths, subtracted in the same order
 * as before, so the positions are the same to the last bit.
 */
export function drivenPath(path: Point[], at: number): Driven {
  const lens = new Float64Array(Math.max(0, path.length - 1));
  for (let k = 0; k + 1 < path.length; k++) lens[k] = hypot(path[k + 1]![0] - path[k]![0], path[k + 1]![1] - path[k]![1]);
  return new Driven(path, f64(at), lens);
}
