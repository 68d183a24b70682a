import type { SpeedProfile } from './kinematics.ts';

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
  readonly profile: (SpeedProfile | null)[] = [];
  /** The earliest leaving time held (Infinity when empty). */
  private minLeaves = Infinity;

  constructor(capacity = 8) {
    if (!(Number.isInteger(capacity) && capacity >= 1)) throw new Error(`LaneBookings: capacity must be a whole number ≥ 1, got ${capacity}`);
    this.data = new Float64Array(L * capacity);
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
          // Field by field: a builtin call (copyWithin) per entry costs more than seven moves (the eighth slot is padding).
          const to = L * keep;
          const from = L * i;
          for (let f = 0; f < L - 1; f++) d[to + f] = d[from + f]!;
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
   * Inserts an entry after every entry that enters no later than it (`enters`, ms): physical order
   * on the lane. `behind` and `clear`: see `L_BEHIND`, `L_CLEAR`.
   */
  insert(vehicle: number, t0: number, profile: SpeedProfile, offset: number, enters: number, leaves: number, behind: number, clear: number): void {
    if (L * (this.count + 1) > this.data.length) {
      const grown = new Float64Array(2 * this.data.length);
      grown.set(this.data);
      this.data = grown;
    }
    const d = this.data;
    let i = this.count;
    while (i > 0 && d[L * (i - 1) + L_ENTERS]! > enters) i--;
    if (i < this.count) {
      d.copyWithin(L * (i + 1), L * i, L * this.count);
      for (let k = this.count; k > i; k--) this.profile[k] = this.profile[k - 1]!;
    }
    const o = L * i;
    d[o + L_VEHICLE] = vehicle;
    d[o + L_T0] = t0;
    d[o + L_OFFSET] = offset;
    d[o + L_ENTERS] = enters;
    d[o + L_LEAVES] = leaves;
    d[o + L_BEHIND] = behind;
    d[o + L_CLEAR] = clear;
    this.profile[i] = profile;
    this.count++;
    if (leaves < this.minLeaves) this.minLeaves = leaves;
  }
}
