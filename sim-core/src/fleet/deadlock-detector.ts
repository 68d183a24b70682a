import type { Vehicle } from './fleet-manager.ts';
import type { FleetTopology } from './fleet-topology.ts';
import type { StopPool } from './stop-pool.ts';

/**
 * Finds a deadlock among vehicles waiting for stop nodes: a set of pools whose every holder is
 * itself waiting for a pool of the set (a knot in the wait-for graph), so nobody can ever release
 * a node. Run when a vehicle starts to wait. Returns the vehicle to divert (the lowest-numbered one
 * in the knot that waits for a transfer point while standing on a gate lane: sent to park, it frees
 * its lane; null inside when there is none), or null when some holder can still move.
 */
export class DeadlockDetector<J> {
  constructor(
    private readonly vehicles: readonly Vehicle<J>[],
    private readonly topology: FleetTopology,
  ) {}

  check(start: Vehicle<J>): { victim: Vehicle<J> | null } | null {
    const visited = new Set<StopPool>();
    const knot: Vehicle<J>[] = [start];
    const blocked = (pool: StopPool): boolean => {
      if (visited.has(pool)) return true;
      visited.add(pool);
      if (pool.free > 0) return false;
      for (const h of pool.holders()) {
        const hv = this.vehicles[h]!;
        if (hv.waitingFor === null) return false;
        knot.push(hv);
        if (!blocked(hv.waitingFor)) return false;
      }
      return true;
    };
    if (start.waitingFor === null || !blocked(start.waitingFor)) return null;
    const topo = this.topology;
    let victim: Vehicle<J> | null = null;
    for (const v of knot) {
      const atGate = topo.entryLanes.VN.has(v.node) || topo.entryLanes.CN.has(v.node);
      const forTp = v.waitingFor === topo.tp.VN || v.waitingFor === topo.tp.CN;
      if (atGate && forTp && (victim === null || v.n < victim.n)) victim = v;
    }
    return { victim };
  }
}
