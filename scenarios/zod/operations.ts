/**
 * Operations around the plant: failures and data-exchange outages, the strategy of each
 * controller, and the KPI targets a run is checked against.
 */

import { z } from 'zod';
import type { Control, Failures, OutageWindow, Targets } from '../../sim-core/src/model/scenario.ts';
import {
  CHARGING_STRATEGIES,
  CRANE_SCHEDULER_STRATEGIES,
  DISPATCH_STRATEGIES,
  GATE_STRATEGIES,
  SELECTIVITY_STRATEGIES,
  ROUTING_STRATEGIES,
  TRAFFIC_STRATEGIES,
  TRANSPORT_STRATEGIES,
  TRIAGE_STRATEGIES,
  YARD_PLANNER_STRATEGIES,
} from '../../sim-core/src/model/scenario.ts';
import { controlSpec, count, failureSpec, nonNegative, positive, share } from './common.ts';
import type { Agree, Expect } from './type-agreement.ts';

const outageWindow = z
  .strictObject({
    startHour: nonNegative('start, hours since the scenario start'),
    durationHours: positive('length of the outage, hours'),
  })
  .describe('a scheduled outage');

export const failures = z
  .strictObject({
    enabled: z.boolean().default(true).describe('false switches every failure and outage off'),
    gates: failureSpec.describe('each gate lane').exactOptional(),
    scanners: failureSpec.describe('each scanner lane').exactOptional(),
    cranes: failureSpec.describe('each crane or reach stacker').exactOptional(),
    igvs: failureSpec.describe('each IGV').exactOptional(),
    dataExchange: z
      .strictObject({
        scheduled: z.array(outageWindow).describe('planned outages'),
        random: failureSpec.describe('random outages (MTBF/MTTR of the link)').exactOptional(),
      })
      .describe('outages of the real-time data exchange with China: no advance data, so no pre-clearance'),
  })
  .describe('equipment failures (thiết bị hỏng) and data-exchange outages');

export const control = z
  .strictObject({
    gate: controlSpec('gate', GATE_STRATEGIES, 'gate controller: read results → declaration lookup → barrier or divert'),
    selectivity: controlSpec('selectivity', SELECTIVITY_STRATEGIES, 'customs selectivity: green / yellow / red'),
    triage: controlSpec('triage', TRIAGE_STRATEGIES, 'scanner image triage: AI pre-clearance and operator review'),
    craneScheduler: controlSpec('craneScheduler', CRANE_SCHEDULER_STRATEGIES, 'which waiting job a crane takes next'),
    yardPlanner: controlSpec('yardPlanner', YARD_PLANNER_STRATEGIES, 'where a container is stored'),
    transport: controlSpec('transport', TRANSPORT_STRATEGIES, 'transport service: "pool" (abstract fleet, a trip time per crossing) or "network" (IGVs on layout.network)'),
    routing: controlSpec('routing', ROUTING_STRATEGIES, 'IGV routing on the lane network: shortest free-flow time, or congestion-aware').exactOptional(),
    traffic: z
      .strictObject({
        // A default here too, so `--set control.traffic.params.…` alone keeps the default strategy.
        strategy: z.enum(TRAFFIC_STRATEGIES).default(TRAFFIC_STRATEGIES[0]).describe(`strategy of the traffic controller: ${TRAFFIC_STRATEGIES.join(', ')}`),
        params: z
          .strictObject({
            frontBaySeconds: positive('estimated driving time from a holding bay to an exit lane, seconds, beyond which a row of bays is long and only its front bays may claim an exit lane (default 75)').exactOptional(),
            extraFrontBays: count('front bays of a long row beyond one per exit lane (default 1)').exactOptional(),
            admittedPerStop: positive('vehicles the smaller yard admits at once per working stop of its own (transfer points, holding bays, chargers), rounded down; buffered traffic only (default 1.5)').exactOptional(),
            admissionMinStops: count('the fewest working stops a yard needs to be capped at all; a large value turns the cap off (default 10)').exactOptional(),
          })
          .describe('how the holding bays before each exit gate work as a queue, and how many vehicles the smaller yard admits')
          .exactOptional(),
      })
      .default({ strategy: TRAFFIC_STRATEGIES[0] })
      .describe('traffic control: "buffered" (deadlock-free by construction) or "direct" (deadlocks detected and resolved)')
      .exactOptional(),
    dispatch: controlSpec('dispatch', DISPATCH_STRATEGIES, 'IGV dispatching: which idle IGV takes which container').exactOptional(),
    charging: controlSpec('charging', CHARGING_STRATEGIES, 'charging policy: when an IGV goes to a charger or swap station').exactOptional(),
  })
  .describe('strategy of each controller');

export const targets = z
  .strictObject({
    vehiclesPerDayMin: positive('at least this many vehicles per day').exactOptional(),
    truckTurnP50MaxMin: positive('median truck turn time at most, minutes').exactOptional(),
    truckTurnP95MaxMin: positive('95th percentile truck turn time at most, minutes').exactOptional(),
    igvUtilization: z
      .strictObject({ min: share('lowest acceptable IGV utilization'), max: share('highest acceptable IGV utilization') })
      .superRefine((u, ctx) => {
        if (u.min > u.max) ctx.addIssue({ code: 'custom', path: ['max'], message: `max (${u.max}) must not be less than min (${u.min})` });
      })
      .describe('acceptable IGV utilization range')
      .exactOptional(),
    craneUtilizationMax: share('highest acceptable crane utilization').exactOptional(),
    gateScannerRhoMax: share('highest acceptable utilization ρ of any gate lane group or scanner').exactOptional(),
  })
  .describe('KPI thresholds a run is checked against (exit code 1 when missed)');

export type OperationsTypesAgree = [
  Expect<Agree<z.output<typeof outageWindow>, OutageWindow>>,
  Expect<Agree<z.output<typeof failures>, Failures>>,
  Expect<Agree<z.output<typeof control>, Control>>,
  Expect<Agree<z.output<typeof targets>, Targets>>,
];
