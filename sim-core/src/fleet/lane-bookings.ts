import type { SpeedProfile } from './kinematics.ts';
import { grown } from './typed-grow.ts';

/**
 * The bookings on one lane of one edge, in the order the vehicles drive it (by entry time): who,
 * the booking's start (ms) and speed profile, where the lane begins on that profile (m), when the
 * vehicle enters and leaves the lane (ms), and two times from its start (ms) that the cheap bounds
 * of the lane check read: when its centre is `min(gap, offset)` before the lane (`behind`) and when
 * it is `gap` past the lane's end (`clear`). Parallel typed arrays rather than one object per
 * booking: every booking reads the entries of each lane it takes.
 */
export class LaneBookings {
  /** Entries held; [0, count) of each array are valid, in driving order. */
  count = 0;
  vehicle: Int32Array;
  t0: Float64Array;
  offset: Float64Array;
  enters: Float64Array;
  leaves: Float64Array;
  behind: Float64Array;
  clear: Float64Array;
  /** Null past `count` (dropped entries are not kept alive). */
  readonly profile: (SpeedProfile | null)[] = [];
  /** The earliest `leaves` held (Infinity when empty). */
  private minLeaves = Infinity;

  constructor(capacity = 8) {
    if (!(Number.isInteger(capacity) && capacity >= 1)) throw new Error(`LaneBookings: capacity must be a whole number ≥ 1, got ${capacity}`);
    this.vehicle = new Int32Array(capacity);
    this.t0 = new Float64Array(capacity);
    this.offset = new Float64Array(capacity);
    this.enters = new Float64Array(capacity);
    this.leaves = new Float64Array(capacity);
    this.behind = new Float64Array(capacity);
    this.clear = new Float64Array(capacity);
  }

  /** Drops the entries that left the lane at or before `t` (ms), keeping the others in order. */
  dropLeftBy(t: number): void {
    // Most calls drop nothing: known without a scan.
    if (this.minLeaves > t) return;
    const n = this.count;
    const leaves = this.leaves;
    let keep = 0;
    let min = Infinity;
    for (let i = 0; i < n; i++) {
      const l = leaves[i]!;
      if (l > t) {
        if (i !== keep) this.move(i, keep);
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
   * on the lane.
   */
  insert(vehicle: number, t0: number, profile: SpeedProfile, offset: number, enters: number, leaves: number, behind: number, clear: number): void {
    if (this.count === this.enters.length) this.grow();
    let i = this.count;
    while (i > 0 && this.enters[i - 1]! > enters) {
      this.move(i - 1, i);
      i--;
    }
    this.vehicle[i] = vehicle;
    this.t0[i] = t0;
    this.profile[i] = profile;
    this.offset[i] = offset;
    this.enters[i] = enters;
    this.leaves[i] = leaves;
    this.behind[i] = behind;
    this.clear[i] = clear;
    this.count++;
    if (leaves < this.minLeaves) this.minLeaves = leaves;
  }

  private move(from: number, to: number): void {
    this.vehicle[to] = this.vehicle[from]!;
    this.t0[to] = this.t0[from]!;
    this.profile[to] = this.profile[from]!;
    this.offset[to] = this.offset[from]!;
    this.enters[to] = this.enters[from]!;
    this.leaves[to] = this.leaves[from]!;
    this.behind[to] = this.behind[from]!;
    this.clear[to] = this.clear[from]!;
  }

  private grow(): void {
    const cap = 2 * this.enters.length;
    this.vehicle = grown(this.vehicle, cap);
    this.t0 = grown(this.t0, cap);
    this.offset = grown(this.offset, cap);
    this.enters = grown(this.enters, cap);
    this.leaves = grown(this.leaves, cap);
    this.behind = grown(this.behind, cap);
    this.clear = grown(this.clear, cap);
  }
}
