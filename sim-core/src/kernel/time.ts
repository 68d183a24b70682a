/** Simulated time is an integer number of milliseconds; these guard the kernel's inputs. */

/** Throws unless `delay` is a non-negative integer number of ms. */
export function checkDelay(delay: number): void {
  if (!(delay >= 0 && delay - Math.floor(delay) === 0)) throw new RangeError(`delay ${delay} must be a non-negative integer number of ms`);
}

/** Throws unless `t` is a non-negative integer number of ms no larger than 2^53 − 1. */
export function checkTime(t: number, what: string): void {
  if (!(t >= 0 && t - Math.floor(t) === 0 && t <= Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`${what} (${t}) must be a non-negative integer number of ms`);
  }
}
