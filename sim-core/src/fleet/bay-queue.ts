import type { Environment } from '../kernel/environment.ts';
import type { Event } from '../kernel/event.ts';
import type { Country } from '../model/control/types.ts';
import type { DriveLeg } from './drive-leg.ts';
import type { FleetTopology } from './fleet-topology.ts';
import type { Router } from './router.ts';
import { StopPool } from './stop-pool.ts';

/** What the walk through the holding bays needs of a vehicle (the fleet manager's `Vehicle`). */
export interface BayVehicle {
  readonly n: number;
  readonly node: number;
  readonly leg: DriveLeg;
}

/** The fleet manager's services for it. */
export interface BayHost<V extends BayVehicle> {
  readonly env: Environment;
  readonly topology: FleetTopology;
  /** Static shortest-time estimates, for ranking bays. */
  readonly estimator: Router;
  /** The manager's wait for a node of `pool` (blocked state, deadlock check, wait statistics); `rank` never changes for `key` (see `StopPool.rankKey`). */
  acquire(v: V, pool: StopPool, key: number, rank: (node: number) => number): Event<number>;
}

/**
 * Moves a vehicle leaving the yard of `from` into its holding bays and up to a front bay; the event
 * fires (at once, in the call that ends the last move) when it stands on one.
 *
 * Holding bays form a queue before the exit gate: take the free bay nearest the gate (or wait for
 * the first freed one no vehicle nearer to it wants); from a bay farther back than the front bays,
 * move up to the free bay nearest the gate ahead, so an exit lane is claimed only from the front
 * and held only for the last metres. Freed bays go to the nearest waiter (the bays' grant rule), so
 * vehicles already queueing move up before newcomers join. Into a long row, a vehicle leaving the
 * yard takes the free bay nearest to itself instead: a drive to the front of the row was booked in
 * one piece past every bay junction, and the vehicle waited for it on its transfer point, holding
 * it from the crane; it moves up from there (Huu Nghi 2030 with side-first dispatch, 5 seeds × 2
 * days: waits for a Chinese bay 45 → 14 h, vehicles a day +0.5 %, higher at 4 seeds of 5).
 *
 * The moves chain as callbacks rather than a loop in the vehicle's process: for performance
 * reasons (a day has about 1.6 moves up per crossing, each of which resumed the process through
 * its generators). Each next move is decided in the callback that ends the previous one, where
 * the process resumed to decide it: same decisions, same bookings, same order.
 */
/** Kinds of `StopPool.rankKey` of the ranks below: bays nearer the gate by distance to it; every bay by that distance; bays nearer the gate by driving time. */
const AHEAD = 1;
const TO_GATE = 2;
const AHEAD_NEAR = 3;

export function throughBays<V extends BayVehicle>(host: BayHost<V>, v: V, from: Country, loaded: boolean): Event<void> {
  const { topology: topo, estimator } = host;
  const bays = topo.bays[from];
  const done = host.env.event<void>();
  const toGate = (n: number): number => topo.gateDistance(n, from);
  const moveUp = (): void => {
    for (;;) {
      if (topo.isFrontBay(v.node, from)) {
        done.fireNow();
        return;
      }
      const at = v.node;
      const here = toGate(at);
      const ahead = (n: number): boolean => toGate(n) < here && estimator.estimate(at, n, loaded) < Infinity;
      // A rank that depends only on where it stands and its load (`here` is `at`'s): see `tryAcquireRanked`.
      const bay = bays.tryAcquireRanked(v.n, StopPool.rankKey(at, loaded, AHEAD), (n) => (ahead(n) ? toGate(n) : Infinity));
      const moved = bay < 0 ? v.leg.startOn(host.acquire(v, bays, StopPool.rankKey(at, loaded, AHEAD_NEAR), (n) => (ahead(n) ? estimator.estimate(at, n, loaded) : Infinity)), loaded) : v.leg.start(bay, loaded);
      if (!moved.processed) {
        moved.addCallback(moveUp);
        return;
      }
    }
  };
  if (!bays.has(v.node)) {
    const at = v.node;
    const near = (n: number): number => estimator.estimate(at, n, loaded);
    const bay = topo.hasLongBayRow(from) ? bays.tryAcquireNearest(v.n, at, loaded, estimator) : bays.tryAcquireRanked(v.n, StopPool.rankKey(0, false, TO_GATE), toGate);
    const entered = bay < 0 ? v.leg.startOn(host.acquire(v, bays, StopPool.rankKey(at, loaded, 0), near), loaded) : v.leg.start(bay, loaded);
    if (!entered.processed) {
      entered.addCallback(moveUp);
      return done;
    }
  }
  moveUp();
  return done;
}
