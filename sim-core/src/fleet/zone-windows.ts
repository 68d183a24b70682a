import { ZONE_AT, ZONE_ENTER, ZONE_IN_LANE, ZONE_LEAVE, ZONE_OUT_LANE, ZONE_PAIR, ZONE_PASSAGE, ZONE_STRAIGHT } from './booking-plan.ts';
import type { SpeedProfile } from './kinematics.ts';
import { grown } from './typed-grow.ts';
import { objectArray } from '../kernel/shapes.ts';

/** Numbers kept per window in `ZoneWindows.data`, in this order (stride `W`). */
export const W_START = 0;
export const W_END = 1;
export const W_VEHICLE = 2;
/** Edges in and out (in · 65536 + out, see StretchZone.pair). */
export const W_PAIR = 3;
/** 1 when the passage goes straight on and keeps its lane. */
export const W_STRAIGHT = 4;
/** Lanes in and out (edge · 8 + lane). */
export const W_IN_LANE = 5;
export const W_OUT_LANE = 6;
/** Passage id (see PassageConflicts.id). */
export const W_PASSAGE = 7;
/** The booking's start (ms) and where its centre passes the node (m along its stretch): with `profiles`, when it is where. */
export const W_T0 = 8;
export const W_AT = 9;
export const W = 10;

/** The placeholder each list's `data` holds for an instant (see the constructor). */
const EMPTY = new Float64Array(0);

/**
 * The junction windows booked at one node: when a vehicle's centre is inside the node's zone (ms;
 * the envelope of its passage's reach, see PassageConflicts.reach), on which passage, and with
 * its booking's start, where it passes the node and its speed profile, when it is where (for the
 * stretches a conflicting pair keeps apart). Kept in one typed array, a window's ten numbers side
 * by side (the profiles beside it), rather than one object per window or one array per field: every booking scans the windows
 * of each junction it passes and of the junctions whose zones overlap it, and reads most of a
 * window's fields when it reads one.
 */
export class ZoneWindows {
  /** Windows held; windows [0, count) of `data` are valid (window k from W · k), oldest booking first. */
  count = 0;
  data: Float64Array;
  /** The speed profile of window k's booking (null when pushed without one); null past `count` (dropped windows are not kept alive). */
  readonly profiles: (SpeedProfile | null)[] = objectArray();
  /** The earliest end held (Infinity when empty); changed only by this class. */
  minEnd = Infinity;
  /** The latest end held (-Infinity when empty): a booking entering after it can skip the node. */
  maxEnd = -Infinity;

  /**
   * A list with room for `capacity` windows: `room` when given (W · capacity numbers, a view of a
   * slab its reservations cut every list's room from), else half of it, grown to it through
   * `reserve` (see JunctionReservations' constructor for why some lists are built that way).
   */
  constructor(capacity = 8, room: Float64Array | null = null) {
    if (!(Number.isInteger(capacity) && capacity >= 1)) throw new Error(`ZoneWindows: capacity must be a whole number ≥ 1, got ${capacity}`);
    if (room !== null && room.length !== W * capacity) throw new Error(`ZoneWindows: room for ${capacity} windows must hold ${W * capacity} numbers, got ${room.length}`);
    // Written twice on purpose: V8 takes a field written once for a constant and throws away the
    // code optimized on that assumption when `grown` first replaces the array mid-run (see
    // TrafficController's constructor); the second write marks it mutable before anything is optimized.
    this.data = EMPTY;
    if (room !== null) this.data = room;
    else {
      this.data = new Float64Array(W * Math.max(1, capacity >> 1));
      // Half the room first, then grown to it through `reserve`, as a busy list grows mid-day: that
      // growth then has V8's type feedback before the booking code is optimized, and its first run
      // on a busy junction no longer throws that code away.
      this.reserve(Math.max(1, capacity >> 1) + 1);
    }
  }

  /** Room for `n` entries: the array doubles when it is full. */
  private reserve(n: number): void {
    if (W * n > this.data.length) this.data = grown(this.data, 2 * this.data.length);
  }

  /** Drops the windows that end at or before `t` (ms), keeping the others in their order. */
  dropEndedBy(t: number): void {
    // Most calls drop nothing: known without a scan.
    if (this.minEnd > t) return;
    const n = this.count;
    const d = this.data;
    let keep = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const e = d[W * i + W_END]!;
      if (e > t) {
        if (e < min) min = e;
        if (e > max) max = e;
        if (i !== keep) {
          // Field by field and written out: a builtin call (copyWithin) per window costs more than
          // ten moves, and a loop over the ten more than the moves themselves.
          const to = W * keep;
          const from = W * i;
          d[to] = d[from]!;
          d[to + 1] = d[from + 1]!;
          d[to + 2] = d[from + 2]!;
          d[to + 3] = d[from + 3]!;
          d[to + 4] = d[from + 4]!;
          d[to + 5] = d[from + 5]!;
          d[to + 6] = d[from + 6]!;
          d[to + 7] = d[from + 7]!;
          d[to + 8] = d[from + 8]!;
          d[to + 9] = d[from + 9]!;
          this.profiles[keep] = this.profiles[i]!;
        }
        keep++;
      }
    }
    // Cleared, not truncated: setting an array's length is a builtin call per drop.
    for (let i = keep; i < n; i++) this.profiles[i] = null;
    this.count = keep;
    this.minEnd = min;
    this.maxEnd = max;
  }

  /**
   * Appends the window of `vehicle` booked to start at `t0` (ms) through the zone whose numbers lie
   * in `num` from `o` and in `ids` from `q` (a booking plan's ZONE_* and ZONE_IDS layouts). Read
   * here, not passed: see `LaneBookings.insert`.
   */
  push(vehicle: number, t0: number, num: Float64Array, o: number, ids: Int32Array, q: number, profile: SpeedProfile | null = null): void {
    const start = t0 + num[o + ZONE_ENTER]!;
    const end = t0 + num[o + ZONE_LEAVE]!;
    this.reserve(this.count + 1);
    const d = this.data;
    const w = W * this.count++;
    d[w + W_START] = start;
    d[w + W_END] = end;
    d[w + W_VEHICLE] = vehicle;
    d[w + W_PAIR] = num[o + ZONE_PAIR]!;
    d[w + W_STRAIGHT] = ids[q + ZONE_STRAIGHT]!;
    d[w + W_IN_LANE] = ids[q + ZONE_IN_LANE]!;
    d[w + W_OUT_LANE] = ids[q + ZONE_OUT_LANE]!;
    d[w + W_PASSAGE] = ids[q + ZONE_PASSAGE]!;
    d[w + W_T0] = t0;
    d[w + W_AT] = num[o + ZONE_AT]!;
    this.profiles[this.count - 1] = profile;
    if (end < this.minEnd) this.minEnd = end;
    if (end > this.maxEnd) this.maxEnd = end;
  }
}
