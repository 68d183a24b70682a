import { PHASE, PHASE_A, PHASE_S, PHASE_T, PHASE_V, type SpeedProfile } from './kinematics.ts';
import type { LaneGraph } from './lane-graph.ts';
import type { PassageConflicts } from './passage-conflicts.ts';
import { SLEG, SLEG_EDGE, SLEG_LANE, SLEG_LENGTH, SLEG_START, SZONE, SZONE_AT, SZONE_IN_LANE, SZONE_NODE, SZONE_OUT_LANE, SZONE_PAIR, SZONE_STRAIGHT, type Stretch } from './stretch.ts';
import { F64Arena, I32Arena } from './typed-arena.ts';

/** Numbers kept per leg in `BookingPlan.leg`, in this order (stride `LEG`). */
export const LEG_ENTER = 0;
export const LEG_LEAVE = 1;
export const LEG_START = 2;
export const LEG_LENGTH = 3;
export const LEG_BEHIND = 4;
export const LEG_CLEAR = 5;
export const LEG = 6;

/** Numbers kept per junction zone in `BookingPlan.num`, after the legs' (stride `ZONE`). */
export const ZONE_ENTER = 0;
export const ZONE_LEAVE = 1;
export const ZONE_PAIR = 2;
export const ZONE_REVERSE = 3;
/** Where the centre passes the node, metres along the stretch. */
export const ZONE_AT = 4;
export const ZONE = 5;

/** Whole numbers kept per junction zone in `BookingPlan.ids`, after the legs' lane keys (stride `ZONE_IDS`). */
export const ZONE_NODE = 0;
export const ZONE_PASSAGE = 1;
export const ZONE_IN_LANE = 2;
export const ZONE_OUT_LANE = 3;
export const ZONE_STRAIGHT = 4;
export const ZONE_IDS = 5;

/**
 * What the traffic controller reads of a stretch on every booking, computed once per stretch
 * (shared stretches are booked many times) and laid out flat: a booking then reads a few
 * contiguous numbers per leg and zone instead of chasing the stretch's leg and zone objects.
 * Times are ms from the stretch's start, distances metres along it. A class holding typed arrays,
 * not a literal holding arrays: plans live as long as their stretches, and V8 threw away the
 * compiled `bookingPlan` (and what inlined it) once or twice a cold day when it moved the
 * literals' allocation sites to old space ("code dependencies"); a class instance and typed arrays
 * have no such site.
 */
export class BookingPlan {
  /**
   * Per leg j from `LEG * j` (stride `LEG`): when the centre enters and leaves the lane, where the
   * lane starts on the stretch and its length, when the centre is `min(gap, start)` before the lane
   * (the earliest point the lane check looks at) and when it is `gap` past the lane's end. Then per
   * zone i from `zoneAt + ZONE * i`: when the centre enters and leaves the zone, the edge pair
   * (in · 65536 + out), the reverse pair on the twin carriageway (-1 when none) and where the centre
   * passes the node (metres along the stretch). Enter and leave span the passage's reach, not just
   * its zone (see PassageConflicts.reach).
   */
  readonly num: Float64Array;
  /**
   * Per leg j at j: the lane key (edge · 8 + lane). Then per zone i from `legs + ZONE_IDS * i`:
   * node, passage id, lane in, lane out (edge · 8 + lane) and 1 when straight on.
   */
  readonly ids: Int32Array;
  /** Where the zones' numbers start in `num` (LEG · legs). */
  readonly zoneAt: number;

  constructor(
    readonly legs: number,
    readonly zones: number,
    /** What it was computed for: the passage conflicts (ids) of one graph and gap (see `TrafficController.passages`). */
    readonly owner: object,
  ) {
    this.zoneAt = LEG * legs;
    // Views of shared chunks rather than typed arrays of their own (see F64Arena).
    this.num = NUMS.take(LEG * legs + ZONE * zones);
    this.ids = IDS.take(legs + ZONE_IDS * zones);
  }
}

/** Where plans keep their numbers. */
const NUMS = new F64Arena();
const IDS = new I32Arena();

/** The booking plan of `stretch` for `owner` (see `BookingPlan.owner`), with `gapM` metres kept between followers. */
export function bookingPlan(owner: object, stretch: Stretch, graph: LaneGraph, passages: PassageConflicts, gapM: number): BookingPlan {
  const legs = stretch.legCount;
  const zones = stretch.zoneCount;
  const sn = stretch.num;
  const plan = new BookingPlan(legs, zones, owner);
  const num = plan.num;
  const ids = plan.ids;
  const zoneAt = plan.zoneAt;
  // Distances along the stretch first, turned into times by `toTimes` at the end.
  for (let j = 0; j < legs; j++) {
    const l = SLEG * j;
    const start = sn[l + SLEG_START]!;
    const length = sn[l + SLEG_LENGTH]!;
    const o = LEG * j;
    num[o + LEG_ENTER] = start;
    num[o + LEG_LEAVE] = start + length;
    num[o + LEG_START] = start;
    num[o + LEG_LENGTH] = length;
    num[o + LEG_BEHIND] = start - Math.min(gapM, start);
    num[o + LEG_CLEAR] = start + length + gapM;
    ids[j] = sn[l + SLEG_EDGE]! * 8 + sn[l + SLEG_LANE]!;
  }
  const edges = graph.edges;
  for (let i = 0; i < zones; i++) {
    const z = stretch.zoneAt + SZONE * i;
    const o = zoneAt + ZONE * i;
    // Whole numbers as small integers (`| 0`): a Float64Array gives heap numbers, and the passages
    // keep these in fields that hold small integers.
    const node = sn[z + SZONE_NODE]! | 0;
    const inLane = sn[z + SZONE_IN_LANE]! | 0;
    const outLane = sn[z + SZONE_OUT_LANE]! | 0;
    const at = sn[z + SZONE_AT]!;
    const pair = sn[z + SZONE_PAIR]!;
    // The envelope of every stretch a conflicting pair keeps apart (see PassageConflicts.pairSpan).
    const id = passages.id(node, inLane, outLane);
    const reach = passages.reach(id);
    num[o + ZONE_ENTER] = at - reach[0];
    num[o + ZONE_LEAVE] = at + reach[1];
    num[o + ZONE_PAIR] = pair;
    num[o + ZONE_AT] = at;
    // Straight on in the opposite direction on the twin carriageway: side by side, no conflict.
    const ein = edges[Math.floor(pair / 65536)]!;
    const eout = edges[pair % 65536]!;
    num[o + ZONE_REVERSE] = ein.reverse >= 0 && eout.reverse >= 0 ? eout.reverse * 65536 + ein.reverse : -1;
    const q = legs + ZONE_IDS * i;
    ids[q + ZONE_NODE] = node;
    ids[q + ZONE_PASSAGE] = id;
    ids[q + ZONE_IN_LANE] = inLane;
    ids[q + ZONE_OUT_LANE] = outLane;
    ids[q + ZONE_STRAIGHT] = sn[z + SZONE_STRAIGHT]!;
  }
  toTimes(stretch.profile, num, legs, zones);
  return plan;
}

/**
 * Turns the distances (m) a plan's time fields hold into times (ms from the stretch's start): the
 * legs' enter, leave, behind and clear, the zones' enter and leave. Bit for bit `1000 ·
 * profile.timeAt(x)` for each; the phase containing x is found by walking from the one found for
 * the previous number of the same field (the legs' are in order along the stretch: a step or two
 * each), instead of a binary search per number.
 */
function toTimes(p: SpeedProfile, num: Float64Array, legs: number, zones: number): void {
  timesAt(p, num, LEG_ENTER, LEG, legs);
  timesAt(p, num, LEG_LEAVE, LEG, legs);
  timesAt(p, num, LEG_BEHIND, LEG, legs);
  timesAt(p, num, LEG_CLEAR, LEG, legs);
  timesAt(p, num, LEG * legs + ZONE_ENTER, ZONE, zones);
  timesAt(p, num, LEG * legs + ZONE_LEAVE, ZONE, zones);
}

/** `num[from + stride · k] = 1000 · p.timeAt(num[from + stride · k])` for k below `count` (see `toTimes`). */
function timesAt(p: SpeedProfile, num: Float64Array, from: number, stride: number, count: number): void {
  const ph = p.phases;
  const last = p.count - 1;
  const length = p.length;
  let i = 0; // the phase of the previous number: the last with start ≤ it, as `phaseAt` finds
  for (let k = 0, at = from; k < count; k++, at += stride) {
    const x = num[at]!;
    let t: number;
    if (x <= 0) t = 0;
    else if (x >= length) t = p.duration;
    else {
      while (i < last && ph[PHASE * (i + 1) + PHASE_S]! <= x) i++;
      while (i > 0 && ph[PHASE * i + PHASE_S]! > x) i--;
      const o = PHASE * i;
      const ds = x - ph[o + PHASE_S]!;
      const v = ph[o + PHASE_V]!;
      const acc = ph[o + PHASE_A]!;
      if (acc === 0) t = ph[o + PHASE_T]! + ds / v;
      else t = ph[o + PHASE_T]! + (Math.sqrt(Math.max(0, v * v + 2 * acc * ds)) - v) / acc;
    }
    num[at] = 1000 * t;
  }
}
