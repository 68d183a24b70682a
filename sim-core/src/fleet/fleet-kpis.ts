import type { CrossingConfig } from '../model/config.ts';
import type { FleetManager, FleetJob } from './fleet-manager.ts';
import { VEHICLE_STATES, type VehicleState } from './fleet-stats.ts';
import type { Router } from './router.ts';

/** Fleet KPIs of a run on the lane network (after the warm-up). */
export interface FleetKpis {
  /** Share of IGV time in each state (sums to 1 over the fleet and the measured period). */
  timeShares: Record<VehicleState, number>;
  /** Empty distance / all distance driven. */
  emptyTravelRatio: number;
  distanceKm: { loaded: number; empty: number };
  /** Loaded crossings per IGV per day, halved: one round trip is two loaded legs (or one loaded, one empty). */
  roundTripsPerIgvPerDay: number;
  crossings: { loaded: number; empty: number };
  /** Crossings of the zero line per hour, per direction (loaded and empty), averaged over the measured hours. */
  crossingsPerHour: { northbound: number; southbound: number };
  /** Delay imposed on starts by lane and junction reservations, and waiting for stop nodes. */
  reservationWaiting: { bookings: number; meanDelayS: number; totalHours: number; stopWaitHours: number };
  dispatch: { requests: number; assignments: number; rejected: number; repositions: number };
  routingQueries: number;
  charges: number;
  breakdowns: number;
  deadlocks: { detected: number; resolved: number };
  /**
   * Each pool of stop nodes by name (e.g. `CN:exit-lanes`, `VN:transfer-points`, `CN:holding-bays`):
   * its node count, the share of node time held by a vehicle (from grant to release: the drive
   * there and the time taken to leave included) and the hours vehicles spent waiting for one of
   * its nodes. A pool held near 1 with waiting is where the fleet queues.
   */
  stopPools: Record<string, { nodes: number; heldShare: number; waitHours: number }>;
  /**
   * The yard admission of each side (see `SideAdmission`): its cap (null: none), how many vehicles
   * waited to be admitted and the hours they waited, in the yard they were leaving.
   */
  admission: Record<'VN' | 'CN', { cap: number | null; waits: number; waitHours: number }>;
}

function r(x: number, d = 4): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

function admission(cap: number, waits: number, waitMs: number): FleetKpis['admission']['VN'] {
  return { cap: Number.isFinite(cap) ? cap : null, waits, waitHours: r(waitMs / 3_600_000, 2) };
}

/** Summarizes the fleet statistics of `manager` up to now. */
export function fleetKpis<J extends FleetJob>(manager: FleetManager<J>, router: Router, config: CrossingConfig): FleetKpis {
  const s = manager.stats;
  const totals = s.totals();
  let all = 0;
  for (const k of VEHICLE_STATES) all += totals[k];
  const timeShares = {} as Record<VehicleState, number>;
  for (const k of VEHICLE_STATES) timeShares[k] = all > 0 ? r(totals[k] / all) : 0;
  const km = { loaded: r(s.distanceM.loaded / 1000, 1), empty: r(s.distanceM.empty / 1000, 1) };
  const measuredMs = Math.max(1, manager.now - s.measuredFrom);
  const days = measuredMs / 86_400_000;
  const fleet = config.igv?.fleet ?? 1;
  return {
    timeShares,
    emptyTravelRatio: km.loaded + km.empty > 0 ? r(km.empty / (km.loaded + km.empty)) : 0,
    distanceKm: km,
    roundTripsPerIgvPerDay: r((s.loadedCrossings + s.emptyCrossings) / 2 / fleet / days, 2),
    crossings: { loaded: s.loadedCrossings, empty: s.emptyCrossings },
    crossingsPerHour: { northbound: r(s.northbound / (measuredMs / 3_600_000), 2), southbound: r(s.southbound / (measuredMs / 3_600_000), 2) },
    reservationWaiting: {
      bookings: s.bookings,
      meanDelayS: s.bookings > 0 ? r(s.reservationWaitMs / s.bookings / 1000, 2) : 0,
      totalHours: r(s.reservationWaitMs / 3_600_000, 2),
      stopWaitHours: r(s.stopWaitMs / 3_600_000, 2),
    },
    dispatch: { requests: s.dispatchRequests, assignments: s.assignments, rejected: s.rejectedAssignments, repositions: s.repositions },
    routingQueries: router.queries,
    charges: s.charges,
    breakdowns: s.breakdowns,
    deadlocks: { detected: s.deadlocksDetected, resolved: s.deadlocksResolved },
    stopPools: Object.fromEntries(
      manager.topology.allPools
        .filter((p) => p.size > 0)
        .map((p) => [p.name, { nodes: p.size, heldShare: r(p.heldShare()), waitHours: r((s.stopWaitByPool.get(p.name) ?? 0) / 3_600_000, 2) }]),
    ),
    admission: {
      VN: admission(manager.admission.cap.VN, s.admissionWaits.VN, s.admissionWaitMs.VN),
      CN: admission(manager.admission.cap.CN, s.admissionWaits.CN, s.admissionWaitMs.CN),
    },
  };
}
