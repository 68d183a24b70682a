/**
 * Container handling and movement: the Vietnamese transfer yard, the IGV fleet or the truck
 * channel, and the Chinese side (inspection, handling, Chinese trucks).
 */

import { z } from 'zod';
import type { Battery, ChinaSide, Handling, HandlingCycle, IgvFleet, Transport, TruckChannel, Yard } from '../../sim-core/src/model/scenario.ts';
import { BATTERY_METHODS, HANDLING_EQUIPMENT } from '../../sim-core/src/model/scenario.ts';
import { count, positive, share } from './common.ts';
import type { Agree, Expect } from './type-agreement.ts';
import { durationSpec, lengthSpec } from './dist-spec.ts';

const handlingCycle = z
  .discriminatedUnion('model', [
    z.strictObject({
      model: z.literal('distribution').describe('cycle time drawn from a distribution'),
      time: durationSpec.describe('one container move'),
    }),
    z.strictObject({
      model: z.literal('kinematic').describe('cycle time from speeds and distances: 2 × (gantry + trolley + hoist) travel + fixed'),
      gantryMps: positive('gantry speed, m/s (ECT ASC: 4)'),
      trolleyMps: positive('trolley speed, m/s (ECT ASC: 0.8)'),
      hoistMps: positive('hoist speed, m/s (ECT ASC: 0.6-1.0)'),
      gantryDistanceM: lengthSpec.describe('gantry travel per move, metres'),
      trolleyDistanceM: lengthSpec.describe('trolley travel per move, metres'),
      hoistDistanceM: lengthSpec.describe('hoist travel per move, metres'),
      fixed: durationSpec.describe('locking, unlocking and fine positioning per move'),
    }),
  ])
  .describe('one container move: { "model": "distribution", time } or { "model": "kinematic", ... }');

export const handling = z
  .strictObject({
    equipment: z.enum(HANDLING_EQUIPMENT).describe('automated-crane (smart) or reach-stacker (baseline)'),
    units: count('cranes or reach stackers', 1),
    cycle: handlingCycle,
  })
  .describe('container handling equipment');

const enabled = z.boolean().default(true).describe('false switches the stage off (it then takes no time)');

export const yard = z
  .strictObject({
    enabled,
    handling: handling.describe('handling in the Vietnamese transfer yard'),
    handover: durationSpec.describe('IGV or truck dwell at the transfer point for one handover with the crane'),
    exportSlots: count('export storage capacity, containers'),
    importSlots: count('import storage capacity, containers'),
  })
  .describe('Vietnamese transfer yard with import and export storage');

const battery = z
  .strictObject({
    method: z.enum(BATTERY_METHODS).describe('"swap" (robotic, about 5 min) or "plug-in" (about 1.5 h)'),
    capacityKwh: positive('usable battery capacity, kWh'),
    consumptionKwhPerKm: z
      .strictObject({ loaded: positive('kWh per km loaded'), empty: positive('kWh per km empty') })
      .describe('energy use per km'),
    rechargeBelowShare: share('recharge or swap when the charge falls below this share'),
    swapTime: durationSpec.describe('one battery swap'),
    chargeTime: durationSpec.describe('one plug-in charge from the threshold to full'),
    stations: count('swap stations or chargers', 1),
  })
  .describe('IGV batteries and charging');

const vehicle = z
  .strictObject({
    lengthM: positive('vehicle length, metres'),
    widthM: positive('vehicle width, metres'),
    minTurnRadiusM: positive('tightest turn radius the vehicle can drive, metres'),
    accelerationMps2: positive('acceleration, m/s²'),
    decelerationMps2: positive('braking deceleration, m/s²'),
  })
  .describe('IGV footprint and driving dynamics');

const igvFleet = z
  .strictObject({
    routeId: z.string().describe('id of a layout route of kind "igv"'),
    vehicle: vehicle.exactOptional(),
    fleet: count('IGVs in the fleet', 1),
    initialShareVn: share('share of the fleet that starts on the Vietnamese side'),
    speeds: z
      .strictObject({
        loadedKmh: positive('cruise speed loaded on road sections, km/h'),
        emptyKmh: positive('cruise speed empty on road sections, km/h'),
        yardKmh: positive('speed on yard sections, km/h'),
        scannerKmh: positive('speed on scanner sections, km/h'),
      })
      .describe('speeds by section kind'),
    battery,
  })
  .describe('the IGV fleet (xe tự hành) shuttling containers across the zero line');

const truckChannel = z
  .strictObject({
    routeId: z.string().describe('id of a layout route of kind "truck"'),
    speedKmh: positive('truck speed on road sections, km/h'),
    yardKmh: positive('truck speed on yard and scanner sections, km/h'),
  })
  .describe('baseline: trucks drive the channel to the other side themselves');

export const transport = z
  .strictObject({
    igv: igvFleet.exactOptional(),
    truck: truckChannel.exactOptional(),
  })
  .describe('cross-border movement: the IGV fleet (smart mode) or trucks on the channel (baseline)');

export const chinaSide = z
  .strictObject({
    enabled,
    inspection: z
      .strictObject({
        share: share('share of non-fruit containers entering China that are inspected'),
        fruitShare: share('share of fruit containers inspected (quarantine)'),
        bays: count('Chinese inspection bays', 1),
        time: durationSpec.describe('inspection of one container'),
      })
      .describe('Chinese inspection of containers entering China'),
    handling: handling.describe('handling in the Chinese yard'),
    handover: durationSpec.describe('IGV or truck dwell at the Chinese transfer point for one handover'),
    truckPickupDelay: durationSpec.describe('from an export release in China until the Chinese truck that collects it arrives'),
    exportSlots: count('storage for exports waiting for a Chinese truck, containers'),
    importSlots: count('storage for imports waiting to cross, containers'),
  })
  .describe('the Chinese side: inspection, yard handling, Chinese trucks');

export type YardTypesAgree = [
  Expect<Agree<z.output<typeof handlingCycle>, HandlingCycle>>,
  Expect<Agree<z.output<typeof handling>, Handling>>,
  Expect<Agree<z.output<typeof yard>, Yard>>,
  Expect<Agree<z.output<typeof battery>, Battery>>,
  Expect<Agree<z.output<typeof igvFleet>, IgvFleet>>,
  Expect<Agree<z.output<typeof truckChannel>, TruckChannel>>,
  Expect<Agree<z.output<typeof transport>, Transport>>,
  Expect<Agree<z.output<typeof chinaSide>, ChinaSide>>,
];
