import type { Vehicle } from './fleet-manager.ts';
import type { FleetTopology } from './fleet-topology.ts';
import type { StopPool } from './stop-pool.ts';
import { objectArray } from '../kernel/shapes.ts';

/**
 * Finds a deadlock among vehicles waiting for stop nodes: a set of pools whose every holder is
 * itself waiting for a pool of the set (a knot in the wait-for graph), so nobody can ever release
 * a node. Run when a vehicle starts to wait. Returns the vehicle to divert (the lowest-numbered one
 * in the knot that waits for a transfer point while standing on a gate lane: sent to park, it frees
 * its lane; null inside when there is none), or null when some holder can still move.
 */
export class DeadlockDetector<J> {
  /**
   * The pools and vehicles of the check running, kept from one check to the next: for performance
   * reasons, as a check runs on every wait (about 10,000 a day at Huu Nghi 2030) and almost
   * always ends at the first holder that can move; a set, an array and a closure per check were
   * most of its cost.
   */
  private readonly visited: StopPool[] = objectArray();
  private readonly knot: Vehicle<J>[] = objectArray();

  constructor(
    private readonly vehicles: readonly Vehicle<J>[],
    private readonly topology: FleetTopology,
  ) {}

  check(start: Vehicle<J>): { victim: Vehicle<J> | null } | null {
    if (start.waitingFor === null) return null;
    const knot = this.knot;
    this.visited.length = 0;
    knot.length = 0;
    knot.push(start);
    const found = this.blocked(start.waitingFor);
    this.visited.length = 0;
    if (!found) {
      knot.length = 0;
      return null;
    }
    const topo = this.topology;
    let victim: Vehicle<J> | null = null;
    for (let i = 0; i < knot.length; i++) {
      const v = knot[i]!;
      const atGate = topo.entryLanes.VN.has(v.node) || topo.entryLanes.CN.has(v.node);
      const forTp = v.waitingFor === topo.tp.VN || v.waitingFor === topo.tp.CN;
      if (atGate && forTp && (victim === null || v.n < victim.n)) victim = v;
    }
    knot.length = 0;
    return { victim };
  }

  /** Whether every holder of `pool` waits, for pools whose every holder waits in turn (a pool seen before counts as blocked). */
  private blocked(pool: StopPool): boolean {
    if (this.visited.includes(pool)) return true;
    this.visited.push(pool);
    if (pool.free > 0) return false;
    for (let i = 0; i < pool.distinct; i++) {
      const h = pool.holderAt(i);
      if (h < 0) continue;
      const hv = this.vehicles[h]!;
      if (hv.waitingFor === null) return false;
      this.knot.push(hv);
      if (!this.blocked(hv.waitingFor)) return false;
    }
    return true;
  }
}
