import { LEG_BEHIND, LEG_CLEAR, LEG_ENTER, LEG_LEAVE, LEG_START } from './booking-plan.ts';
import type { SpeedProfile } from './kinematics.ts';
import { grown } from './typed-grow.ts';
import { objectArray } from '../kernel/shapes.ts';

/** Numbers kept per entry in `LaneBookings.data`, in this order (stride `L`). */
export const L_VEHICLE = 0;
/** The booking's start, ms. */
export const L_T0 = 1;
/** Where the lane begins on the booking's profile, m. */
export const L_OFFSET = 2;
/** When the vehicle enters and leaves the lane, ms. */
export const L_ENTERS = 3;
export const L_LEAVES = 4;
/** Ms from the booking's start until its centre is `min(gap, offset)` before the lane. */
export const L_BEHIND = 5;
/** Ms from the booking's start until its centre is `gap` past the lane's end. */
export const L_CLEAR = 6;
/** Stride: seven numbers and one slot of padding, so an entry is the size of a 64-byte cache line. */
export const L = 8;

/** The placeholder each list's `data` holds for an instant (see the constructor). */
const EMPTY = new Float64Array(0);

/**
 * The bookings on one lane of one edge, in the order the vehicles drive it (by entry time): who,
 * the booking's start and speed profile, where the lane begins on that profile, when the vehicle
 * enters and leaves the lane, and the two times the cheap bounds of the lane check read (`L_*`).
 * An entry's numbers lie side by side in one typed array (one cache line) rather than one object
 * per booking or one array per field: every booking reads the entries of each lane it takes, and
 * reads several fields of an entry once it reads one.
 */
export class LaneBookings {
  /** Entries held; entries [0, count) of `data` are valid (entry k from L · k), in driving order. */
  count = 0;
  data: Float64Array;
  /** Each entry's speed profile; null past `count` (dropped entries are not kept alive). */
  readonly profile: (SpeedProfile | null)[] = objectArray();
  /** The earliest leaving time held (Infinity when empty); changed only by this class. */
  minLeaves = Infinity;

  /**
   * A list with room for `capacity` entries: `room` when given (L · capacity numbers, a view of a
   * slab its controller cuts every list's room from), else half of it, grown to it through
   * `reserve` (see TrafficController's constructor for why some lists are built that way).
   */
  constructor(capacity = 8, room: Float64Array | null = null) {
    if (!(Number.isInteger(capacity) && capacity >= 1)) throw new Error(`LaneBookings: capacity must be a whole number ≥ 1, got ${capacity}`);
    if (room !== null && room.length !== L * capacity) throw new Error(`LaneBookings: room for ${capacity} entries must hold ${L * capacity} numbers, got ${room.length}`);
    // Written twice on purpose: V8 takes a field written once for a constant and throws away the
    // code optimized on that assumption when `grown` first replaces the array mid-run (see
    // TrafficController's constructor); the second write marks it mutable before anything is optimized.
    this.data = EMPTY;
    if (room !== null) this.data = room;
    else {
      this.data = new Float64Array(L * Math.max(1, capacity >> 1));
      // Half the room first, then grown to it through `reserve`, as a busy list grows mid-day: that
      // growth then has V8's type feedback before the booking code is optimized, and its first run
      // on a busy lane no longer throws that code away.
      this.reserve(Math.max(1, capacity >> 1) + 1);
    }
  }

  /** Room for `n` entries: the array doubles when it is full. */
  private reserve(n: number): void {
    if (L * n > this.data.length) this.data = grown(this.data, 2 * this.data.length);
  }

  /** Drops the entries that left the lane at or before `t` (ms), keeping the others in order. */
  dropLeftBy(t: number): void {
    // Most calls drop nothing: known without a scan.
    if (this.minLeaves > t) return;
    const n = this.count;
    const d = this.data;
    let keep = 0;
    let min = Infinity;
    for (let i = 0; i < n; i++) {
      const l = d[L * i + L_LEAVES]!;
      if (l > t) {
        if (i !== keep) {
          moveEntry(d, L * keep, L * i);
          this.profile[keep] = this.profile[i]!;
        }
        keep++;
        if (l < min) min = l;
      }
    }
    for (let i = keep; i < n; i++) this.profile[i] = null;
    this.count = keep;
    this.minLeaves = min;
  }

  /**
   * Inserts the booking of `vehicle` starting at `t0` (ms) over the leg whose numbers lie in `leg`
   * from `o` (a booking plan's LEG_* layout), after every entry that enters no later than it:
   * physical order on the lane. The numbers are read here rather than passed, because a number
   * with a fraction passed to a call V8 does not inline is boxed on the heap (with the windows'
   * numbers, about a hundred a booking).
   */
  insert(vehicle: number, t0: number, profile: SpeedProfile, leg: Float64Array, o: number): void {
    const enters = t0 + leg[o + LEG_ENTER]!;
    this.reserve(this.count + 1);
    const d = this.data;
    let i = this.count;
    while (i > 0 && d[L * (i - 1) + L_ENTERS]! > enters) i--;
    // Entries that enter later move one place back (about one booking in eight a day, two or three entries).
    for (let k = this.count; k > i; k--) {
      moveEntry(d, L * k, L * (k - 1));
      this.profile[k] = this.profile[k - 1]!;
    }
    const leaves = t0 + leg[o + LEG_LEAVE]!;
    const e = L * i;
    d[e + L_VEHICLE] = vehicle;
    d[e + L_T0] = t0;
    d[e + L_OFFSET] = leg[o + LEG_START]!;
    d[e + L_ENTERS] = enters;
    d[e + L_LEAVES] = leaves;
    d[e + L_BEHIND] = leg[o + LEG_BEHIND]!;
    d[e + L_CLEAR] = leg[o + LEG_CLEAR]!;
    this.profile[i] = profile;
    this.count++;
    if (leaves < this.minLeaves) this.minLeaves = leaves;
  }
}

/**
 * Copies the entry at `from` to `to` in `d`, field by field and written out: a builtin call
 * (copyWithin) per entry costs more than seven moves (the eighth slot is padding), and a loop over
 * the seven more than the moves. Small enough for V8 to inline into both callers.
 */
function moveEntry(d: Float64Array, to: number, from: number): void {
  d[to] = d[from]!;
  d[to + 1] = d[from + 1]!;
  d[to + 2] = d[from + 2]!;
  d[to + 3] = d[from + 3]!;
  d[to + 4] = d[from + 4]!;
  d[to + 5] = d[from + 5]!;
  d[to + 6] = d[from + 6]!;
}
