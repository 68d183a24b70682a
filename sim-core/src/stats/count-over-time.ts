/**
 * Time-persistent statistic of an integer count (busy units, queue length, items held): the
 * same interface as TimeWeighted, specialised for the resources' hot path. With integer values
 * and integer ms, every product and sum is an integer, exact in a double while the integral stays
 * below 2^53 (e.g. 10,000 units held for 28 years), so no compensated summation is needed.
 */
export class CountOverTime {
  private t0: number;
  private tLast: number;
  private value: number;
  private area = 0;
  private lowest: number;
  private highest: number;

  /**
   * @param startTime observation start, ms.
   * @param initial count held from startTime until the first update.
   */
  constructor(startTime: number, initial = 0) {
    if (!Number.isSafeInteger(startTime)) throw new RangeError(`startTime must be an integer number of ms, got ${startTime}`);
    if (!Number.isSafeInteger(initial)) throw new RangeError(`count must be an integer, got ${initial}`);
    this.t0 = startTime;
    this.tLast = startTime;
    this.value = initial;
    this.lowest = initial;
    this.highest = initial;
  }

  /** The count currently held. */
  get current(): number {
    return this.value;
  }

  /** Start of the observation window, ms (construction or last reset). */
  get startTime(): number {
    return this.t0;
  }

  /** Time of the last update (or of the start), ms. */
  get lastTime(): number {
    return this.tLast;
  }

  /** Smallest count held since the start of the window (including momentary ones). */
  get min(): number {
    return this.lowest;
  }

  /** Largest count held since the start of the window (including momentary ones). */
  get max(): number {
    return this.highest;
  }

  /** The count becomes `value` (an integer) at `time` (integer ms, never decreasing). */
  update(time: number, value: number): void {
    const dt = time - this.tLast;
    if (!(dt >= 0)) throw new RangeError(`time went backwards: ${time} < ${this.tLast}`);
    this.area += this.value * dt;
    this.tLast = time;
    this.value = value;
    if (value < this.lowest) this.lowest = value;
    else if (value > this.highest) this.highest = value;
  }

  /** ∫ count dt from the start of the window to `time` (ms ≥ lastTime), in count·ms. */
  integral(time: number): number {
    const dt = time - this.tLast;
    if (!(dt >= 0)) throw new RangeError(`time ${time} precedes last update ${this.tLast}`);
    return this.area + this.value * dt;
  }

  /** Time-average over [startTime, time]; the current count for an empty window. */
  mean(time: number): number {
    const elapsed = time - this.t0;
    return elapsed > 0 ? this.integral(time) / elapsed : this.value;
  }

  /** Restarts the window at `time` (e.g. after warm-up), keeping the current count. */
  reset(time: number): void {
    if (!(time >= this.tLast)) throw new RangeError(`time ${time} precedes last update ${this.tLast}`);
    this.t0 = time;
    this.tLast = time;
    this.area = 0;
    this.lowest = this.value;
    this.highest = this.value;
  }
}
