/**
 * Time frame and traffic: horizon, demand (volume, direction split, hourly profile, arrival
 * process), opening hours and the regulating parking.
 */

import { z } from 'zod';
import type { ArrivalProcess, Demand, DirectionDemand, Horizon, Hours, OpeningHours, Parking } from '../../sim-core/src/model/scenario.ts';
import { count, nonNegative, positive, share } from './common.ts';
import type { Agree, Expect } from './type-agreement.ts';
import { durationSpec } from './dist-spec.ts';

const MINUTES_PER_DAY = 1440;

export const horizon = z
  .strictObject({
    days: positive('simulated days (may be fractional: 0.25 = 6 h)'),
    warmupHours: nonNegative('hours at the start excluded from statistics'),
  })
  .superRefine((h, ctx) => {
    if (h.days > 0 && h.warmupHours >= h.days * 24) {
      ctx.addIssue({
        code: 'custom',
        path: ['warmupHours'],
        message: `the warm-up (${h.warmupHours} h) must be shorter than the horizon (${h.days} days = ${h.days * 24} h), or nothing is left to measure`,
      });
    }
  })
  .describe('how long to simulate');

const hourlyProfile = z
  .array(z.number().min(0))
  .length(24, { error: 'hourlyProfile needs exactly 24 weights, one per hour from 00:00 to 23:00' })
  .superRefine((w, ctx) => {
    if (w.length === 24 && w.every((x) => x === 0)) {
      ctx.addIssue({ code: 'custom', message: 'hourlyProfile weights are all 0; at least one hour needs a positive weight' });
    }
  })
  .describe('24 relative arrival weights by hour of day (Hanoi time), 00:00 first; they need not sum to 1');

const arrivals = z
  .discriminatedUnion('process', [
    z.strictObject({ process: z.literal('poisson').describe('non-homogeneous Poisson arrivals following the hourly profile') }),
    z
      .strictObject({
        process: z.literal('slots').describe('appointment slots'),
        slotMinutes: count('length of one slot, minutes; divides a day evenly', 1),
        perSlot: count('most vehicles booked into one slot', 1),
        lateness: durationSpec.describe('arrival after the slot start'),
      })
      .superRefine((s, ctx) => {
        if (MINUTES_PER_DAY % s.slotMinutes !== 0) {
          ctx.addIssue({ code: 'custom', path: ['slotMinutes'], message: `slotMinutes (${s.slotMinutes}) must divide a day (1440 min) evenly, e.g. 15, 30 or 60` });
        }
      }),
  ])
  .describe('arrival process: { "process": "poisson" } or appointment slots');

const directionDemand = {
  hourlyProfile,
  arrivals,
};

export const demand = z
  .strictObject({
    vehiclesPerDay: positive('loaded cross-border movements per day, both directions, before the seasonal factor'),
    importShare: share('share of movements that are imports (CN → VN)'),
    seasonalFactor: positive('multiplies vehiclesPerDay (1 = base season; fruit season higher)'),
    export: z
      .strictObject(directionDemand)
      .describe('export trucks arriving at the regulating parking; they build up overnight while the crossing is closed'),
    import: z
      .strictObject({
        ...directionDemand,
        truckPickupDelay: durationSpec.describe('from an import release until the Vietnamese truck that collects it arrives'),
      })
      .describe('import containers becoming ready to cross in the Chinese yard'),
    twoWayShare: share('share of export trucks that take an import container back (two-way pilot)'),
    cargo: z
      .strictObject({ fruitShareOfExports: share('share of export containers carrying fruit (quarantine in China)') })
      .describe('cargo mix'),
  })
  .describe('traffic offered to the crossing');

const CLOCK = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Minutes since midnight of "HH:MM" (24:00 allowed), or undefined. */
export function clockMinutes(text: string): number | undefined {
  const m = CLOCK.exec(text);
  if (m === null) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= MINUTES_PER_DAY ? minutes : undefined;
}

const CLOCK_MESSAGE = 'must be a time of day "HH:MM" from "00:00" to "24:00", such as "07:00"';
// The pattern lands in the JSON Schema for editors; the refinement rules out "24:30".
const clock = z
  .string()
  .regex(CLOCK, { error: CLOCK_MESSAGE })
  .refine((s) => !CLOCK.test(s) || clockMinutes(s) !== undefined, { error: CLOCK_MESSAGE });

const openingHours = z
  .union(
    [
      z.literal('24h'),
      z
        .strictObject({ open: clock.describe('opening time "HH:MM", Hanoi time'), close: clock.describe('closing time "HH:MM", Hanoi time ("24:00" = midnight)') })
        .superRefine((h, ctx) => {
          const open = clockMinutes(h.open);
          const close = clockMinutes(h.close);
          if (open !== undefined && close !== undefined && close <= open) {
            ctx.addIssue({ code: 'custom', path: ['close'], message: `closing time ${h.close} must be later than opening time ${h.open} (write "24:00" for midnight)` });
          }
        }),
    ],
    { error: 'opening hours must be "24h" or { "open": "HH:MM", "close": "HH:MM" }' },
  )
  .describe('"24h", or { "open": "HH:MM", "close": "HH:MM" } in Hanoi time');

/** [open, close) in minutes of a day, or undefined when the hours are themselves invalid. */
function window(h: OpeningHours): [number, number] | undefined {
  if (h === '24h') return [0, MINUTES_PER_DAY];
  const open = clockMinutes(h.open);
  const close = clockMinutes(h.close);
  return open !== undefined && close !== undefined && open < close ? [open, close] : undefined;
}

export const hours = z
  .strictObject({
    VN: openingHours.describe('opening hours of the Vietnamese side'),
    CN: openingHours.describe('opening hours of the Chinese side, in Hanoi time (Beijing − 1 h)'),
    closedDays: z.array(count('day index from the start (0 = first day)')).describe('whole days on which both sides are closed, e.g. Tet'),
  })
  .superRefine((h, ctx) => {
    const vn = window(h.VN);
    const cn = window(h.CN);
    if (vn !== undefined && cn !== undefined && Math.min(vn[1], cn[1]) <= Math.max(vn[0], cn[0])) {
      ctx.addIssue({ code: 'custom', path: ['CN'], message: 'the Vietnamese and Chinese opening hours never overlap, so nothing could cross' });
    }
    const seen = new Set<number>();
    h.closedDays.forEach((d, i) => {
      if (seen.has(d)) ctx.addIssue({ code: 'custom', path: ['closedDays', i], message: `day ${d} is listed twice` });
      seen.add(d);
    });
  })
  .describe('opening hours per country and closed days');

export const parking = z
  .strictObject({ capacity: count('trucks the regulating parking holds; beyond it they queue on the road', 1) })
  .describe('regulating parking (bãi đỗ xe điều tiết) where export trucks wait');

export type DemandTypesAgree = [
  Expect<Agree<z.output<typeof horizon>, Horizon>>,
  Expect<Agree<z.output<typeof arrivals>, ArrivalProcess>>,
  Expect<Agree<z.output<typeof demand>['export'], DirectionDemand>>,
  Expect<Agree<z.output<typeof demand>, Demand>>,
  Expect<Agree<z.output<typeof openingHours>, OpeningHours>>,
  Expect<Agree<z.output<typeof hours>, Hours>>,
  Expect<Agree<z.output<typeof parking>, Parking>>,
];
