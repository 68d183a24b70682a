import { TimeWeighted } from './time-weighted.ts';

/**
 * Time-persistent statistic of an integer count (busy units, queue length, items held), for the
 * resources' hot path. With integer values and integer ms every product and sum is an integer,
 * exact in a double while the integral stays below 2^53 (e.g. 10,000 units held for 28 years), so
 * the update skips TimeWeighted's compensated summation and its finiteness check.
 */
export class CountOverTime extends TimeWeighted {
  /**
   * @param startTime observation start, ms (an integer).
   * @param initial count held from startTime until the first update (an integer).
   */
  constructor(startTime: number, initial = 0) {
    if (!Number.isSafeInteger(startTime)) throw new RangeError(`startTime must be an integer number of ms, got ${startTime}`);
    if (!Number.isSafeInteger(initial)) throw new RangeError(`count must be an integer, got ${initial}`);
    super(startTime, initial);
  }

  /** The count becomes `value` (an integer) at `time` (integer ms, never decreasing). */
  override update(time: number, value: number): void {
    const dt = time - this.tLast;
    // The message is built out of line, for performance reasons: see Tally.add.
    if (!(dt >= 0)) backwards(time, this.tLast);
    this.area += this.value * dt;
    this.tLast = time;
    this.value = value;
    if (value < this.lowest) this.lowest = value;
    else if (value > this.highest) this.highest = value;
  }
}

function backwards(time: number, last: number): never {
  throw new RangeError(`time went backwards: ${time} < ${last}`);
}
