import { grown } from './typed-grow.ts';

/**
 * The junction windows booked at one node: when a vehicle's centre is inside the node's zone (ms)
 * and on which passage. Kept as parallel typed arrays in booking order rather than one object per
 * window, because every booking scans the windows of each junction it passes and of the junctions
 * whose zones overlap it (about a thousand windows a booking on the busiest preset).
 */
export class ZoneWindows {
  /** Windows held; entries [0, count) of each array are valid, oldest booking first. */
  count = 0;
  start: Float64Array;
  end: Float64Array;
  vehicle: Int32Array;
  /** Edges in and out (in · 65536 + out, see StretchZone.pair). */
  pair: Float64Array;
  /** 1 when the passage goes straight on and keeps its lane. */
  straight: Uint8Array;
  /** Lanes in and out (edge · 8 + lane). */
  inLane: Int32Array;
  outLane: Int32Array;
  /** Passage id (see PassageConflicts.id). */
  passage: Int32Array;
  /** The earliest `end` held (Infinity when empty). */
  private minEnd = Infinity;
  /** The latest `end` held (-Infinity when empty): a booking entering after it can skip the node. */
  maxEnd = -Infinity;

  constructor(capacity = 8) {
    if (!(Number.isInteger(capacity) && capacity >= 1)) throw new Error(`ZoneWindows: capacity must be a whole number ≥ 1, got ${capacity}`);
    this.start = new Float64Array(capacity);
    this.end = new Float64Array(capacity);
    this.vehicle = new Int32Array(capacity);
    this.pair = new Float64Array(capacity);
    this.straight = new Uint8Array(capacity);
    this.inLane = new Int32Array(capacity);
    this.outLane = new Int32Array(capacity);
    this.passage = new Int32Array(capacity);
  }

  /** Drops the windows that end at or before `t` (ms), keeping the others in their order. */
  dropEndedBy(t: number): void {
    // Most calls drop nothing: known without a scan.
    if (this.minEnd > t) return;
    const n = this.count;
    const end = this.end;
    let keep = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const e = end[i]!;
      if (e > t) {
        if (e < min) min = e;
        if (e > max) max = e;
        if (i === keep) {
          keep++;
          continue;
        }
        this.start[keep] = this.start[i]!;
        end[keep] = end[i]!;
        this.vehicle[keep] = this.vehicle[i]!;
        this.pair[keep] = this.pair[i]!;
        this.straight[keep] = this.straight[i]!;
        this.inLane[keep] = this.inLane[i]!;
        this.outLane[keep] = this.outLane[i]!;
        this.passage[keep] = this.passage[i]!;
        keep++;
      }
    }
    this.count = keep;
    this.minEnd = min;
    this.maxEnd = max;
  }

  /** Appends a window (start and end in ms). */
  push(vehicle: number, start: number, end: number, pair: number, straight: boolean, inLane: number, outLane: number, passage: number): void {
    if (this.count === this.start.length) this.grow();
    const i = this.count++;
    this.start[i] = start;
    this.end[i] = end;
    this.vehicle[i] = vehicle;
    this.pair[i] = pair;
    this.straight[i] = straight ? 1 : 0;
    this.inLane[i] = inLane;
    this.outLane[i] = outLane;
    this.passage[i] = passage;
    if (end < this.minEnd) this.minEnd = end;
    if (end > this.maxEnd) this.maxEnd = end;
  }

  private grow(): void {
    const cap = 2 * this.start.length;
    this.start = grown(this.start, cap);
    this.end = grown(this.end, cap);
    this.pair = grown(this.pair, cap);
    this.vehicle = grown(this.vehicle, cap);
    this.inLane = grown(this.inLane, cap);
    this.outLane = grown(this.outLane, cap);
    this.passage = grown(this.passage, cap);
    this.straight = grown(this.straight, cap);
  }
}
