import type { Rng } from '../random/rng.ts';
import { MS_PER_DAY, MS_PER_HOUR } from './calendar.ts';
import type { Duration } from './config.ts';
import type { HourlyArrivals } from './hourly-arrivals.ts';

/** Arrival times (ms, non-decreasing) of a non-homogeneous Poisson stream, until its rate is zero. */
export function* poissonTimes(arrivals: HourlyArrivals, rng: Rng): Generator<number, void, void> {
  let t = 0;
  for (;;) {
    t = arrivals.next(t, rng);
    if (t === Infinity) return;
    yield t;
  }
}

/**
 * Arrival times under appointment slots: each day's volume is booked into slots of `slotMs` in
 * proportion to the hourly profile, at most `perSlot` a slot (demand a full slot cannot take moves
 * on to the next one), and each booked vehicle arrives at its slot start plus a random lateness.
 * Returned day by day in time order.
 */
export function* slotTimes(perDay: number, profile: readonly number[], slotMs: number, perSlot: number, lateness: Duration, rng: Rng): Generator<number, void, void> {
  const sum = profile.reduce((s, w) => s + w, 0);
  const slotsPerDay = Math.round(MS_PER_DAY / slotMs);
  let carry = 0;
  for (let day = 0; ; day++) {
    const times: number[] = [];
    for (let k = 0; k < slotsPerDay; k++) {
      const start = day * MS_PER_DAY + k * slotMs;
      const hour = Math.floor((k * slotMs) / MS_PER_HOUR) % 24;
      carry += (perDay * (profile[hour] ?? 0)) / sum / (MS_PER_HOUR / slotMs);
      const booked = Math.min(perSlot, Math.floor(carry));
      carry -= booked;
      for (let i = 0; i < booked; i++) times.push(start + lateness.sampleMs(rng));
    }
    times.sort((a, b) => a - b);
    yield* times;
    if (perDay <= 0) return;
  }
}
