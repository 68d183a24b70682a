import type { SpeedProfile } from './kinematics.ts';
import type { LaneGraph } from './lane-graph.ts';
import type { PassageConflicts } from './passage-conflicts.ts';
import type { Stretch } from './stretch.ts';

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
    this.num = new Float64Array(LEG * legs + ZONE * zones);
    this.ids = new Int32Array(legs + ZONE_IDS * zones);
  }
}

/** The booking plan of `stretch` for `owner` (see `BookingPlan.owner`), with `gapM` metres kept between followers. */
export function bookingPlan(owner: object, stretch: Stretch, graph: LaneGraph, passages: PassageConflicts, gapM: number): BookingPlan {
  const legs = stretch.edges;
  const zones = stretch.zones;
  const plan = new BookingPlan(legs.length, zones.length, owner);
  const num = plan.num;
  const ids = plan.ids;
  const zoneAt = plan.zoneAt;
  // Distances along the stretch first, turned into times by one loop at the end (`toTimes`): one
  // call of `timeAt` for TurboFan to inline instead of eight.
  for (let j = 0; j < legs.length; j++) {
    const l = legs[j]!;
    const o = LEG * j;
    num[o + LEG_ENTER] = l.start;
    num[o + LEG_LEAVE] = l.start + l.length;
    num[o + LEG_START] = l.start;
    num[o + LEG_LENGTH] = l.length;
    num[o + LEG_BEHIND] = l.start - Math.min(gapM, l.start);
    num[o + LEG_CLEAR] = l.start + l.length + gapM;
    ids[j] = l.edge * 8 + l.lane;
  }
  for (let i = 0; i < zones.length; i++) {
    const z = zones[i]!;
    const o = zoneAt + ZONE * i;
    // The envelope of every stretch a conflicting pair keeps apart (see PassageConflicts.pairSpan).
    const id = passages.id(z.node, z.inLane, z.outLane);
    const reach = passages.reach(id);
    num[o + ZONE_ENTER] = z.at - reach[0];
    num[o + ZONE_LEAVE] = z.at + reach[1];
    num[o + ZONE_PAIR] = z.pair;
    num[o + ZONE_AT] = z.at;
    // Straight on in the opposite direction on the twin carriageway: side by side, no conflict.
    const ein = graph.edges[Math.floor(z.pair / 65536)]!;
    const eout = graph.edges[z.pair % 65536]!;
    num[o + ZONE_REVERSE] = ein.reverse >= 0 && eout.reverse >= 0 ? eout.reverse * 65536 + ein.reverse : -1;
    const q = legs.length + ZONE_IDS * i;
    ids[q + ZONE_NODE] = z.node;
    ids[q + ZONE_PASSAGE] = id;
    ids[q + ZONE_IN_LANE] = z.inLane;
    ids[q + ZONE_OUT_LANE] = z.outLane;
    ids[q + ZONE_STRAIGHT] = z.straight ? 1 : 0;
  }
  toTimes(stretch.profile, num, zoneAt);
  return plan;
}

/**
 * Turns the distances (m) a plan's time fields hold into times (ms from the stretch's start): the
 * legs' enter, leave, behind and clear, the zones' enter and leave.
 */
function toTimes(p: SpeedProfile, num: Float64Array, zoneAt: number): void {
  for (let k = 0; k < num.length; k++) {
    const f = k < zoneAt ? k % LEG : (k - zoneAt) % ZONE;
    const time = k < zoneAt ? f !== LEG_START && f !== LEG_LENGTH : f === ZONE_ENTER || f === ZONE_LEAVE;
    if (time) num[k] = 1000 * p.timeAt(num[k]!);
  }
}
