import { F64_ZERO, f64 } from '../kernel/shapes.ts';

/**
 * Time-persistent statistic of a piecewise-constant signal (queue length, busy servers,
 * occupied lanes): its integral over time and time-average. Updated on every resource
 * change in the hot path, so it is allocation-free and O(1) per update.
 *
 * Times are simulation clock values in integer milliseconds and must never decrease; the
 * value holds from one update to the next. min and max cover every value that was set
 * since the start or the last reset, including values replaced at the same instant
 * (held for 0 ms), so a momentary spike is still visible in max.
 */
export class TimeWeighted {
  protected t0: number;
  protected tLast: number;
  protected value: number;
  // Neumaier-compensated integral: a month is 2.6·10^9 ms and millions of updates.
  protected area = F64_ZERO;
  protected areaComp = F64_ZERO;
  protected lowest: number;
  protected highest: number;

  /**
   * @param startTime observation start, ms.
   * @param initial value held from startTime until the first update.
   */
  constructor(startTime: number, initial = 0) {
    if (!Number.isFinite(startTime)) throw new RangeError(`startTime must be finite, got ${startTime}`);
    if (!Number.isFinite(initial)) throw new RangeError(`value must be finite, got ${initial}`);
    this.t0 = f64(startTime);
    this.tLast = f64(startTime);
    this.value = initial;
    this.lowest = initial;
    this.highest = initial;
  }

  /** The value currently held. */
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

  /** Smallest value set since the start of the window. */
  get min(): number {
    return this.lowest;
  }

  /** Largest value set since the start of the window. */
  get max(): number {
    return this.highest;
  }

  /** The signal takes `value` from `time` (ms, ≥ the previous update) on. */
  update(time: number, value: number): void {
    const dt = time - this.tLast;
    // Written as !(dt >= 0) so that a NaN time is rejected too.
    if (!(dt >= 0)) throw new RangeError(`time went backwards: ${time} < ${this.tLast}`);
    if (!Number.isFinite(value)) throw new RangeError(`value must be finite, got ${value}`);
    if (dt > 0) this.accumulate(this.value * dt);
    this.tLast = time;
    this.value = value;
    if (value < this.lowest) this.lowest = value;
    if (value > this.highest) this.highest = value;
  }

  /** ∫ value dt from the start of the window to `time` (ms ≥ lastTime), in value·ms. */
  integral(time: number): number {
    const dt = time - this.tLast;
    if (!(dt >= 0)) throw new RangeError(`time ${time} precedes last update ${this.tLast}`);
    return this.area + this.areaComp + this.value * dt;
  }

  /**
   * Time-average over [startTime, time] (time in ms ≥ lastTime), in the value's unit. For
   * an empty window it is the current value, the limit of the average as the window shrinks.
   */
  mean(time: number): number {
    const integral = this.integral(time);
    const elapsed = time - this.t0;
    return elapsed > 0 ? integral / elapsed : this.value;
  }

  /**
   * Restarts the window at `time` (ms ≥ lastTime), e.g. after warm-up: the integral is
   * dropped, the current value is kept and becomes the new min and max.
   */
  reset(time: number): void {
    if (!(time >= this.tLast)) throw new RangeError(`time ${time} precedes last update ${this.tLast}`);
    this.t0 = time;
    this.tLast = time;
    this.area = 0;
    this.areaComp = 0;
    this.lowest = this.value;
    this.highest = this.value;
  }

  private accumulate(x: number): void {
    const s = this.area;
    const t = s + x;
    this.areaComp += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    this.area = t;
  }
}
