import type { Environment } from '../kernel/environment.ts';
import type { Country } from '../model/control/types.ts';
import { ScenarioError } from '../model/from-scenario.ts';
import type { LaneGraph } from './lane-graph.ts';
import type { Router } from './router.ts';
import { type SharedRankTables, StopPool } from './stop-pool.ts';
import { holeyObjectArray } from '../kernel/shapes.ts';

const SIDES: readonly Country[] = ['VN', 'CN'];

/** Which holding bays may claim an exit lane (scenario `control.traffic.params`; see `FleetTopology.isFrontBay`). */
export interface FrontBayRule {
  /** Estimated driving time (s) from a bay to an exit lane beyond which a row of bays is long. */
  withinSeconds: number;
  /** Front bays of a long row beyond one per exit lane. */
  extra: number;
}

/**
 * The stop nodes of the network grouped by role and side, read from node kinds and from which
 * nodes can be reached from which (lanes are one-way): a side's exit gate lanes are the gate-lane
 * nodes reachable from its transfer points; the other side's entry lanes are those reachable from
 * the exit lanes. Checks what the fleet needs: both yards have transfer points and stalls for the
 * whole fleet, both directions have gate lanes.
 */
export class FleetTopology {
  readonly tp: Record<Country, StopPool>;
  readonly exitLanes: Record<Country, StopPool>;
  readonly entryLanes: Record<Country, StopPool>;
  readonly stalls: Record<Country, StopPool>;
  /** Holding bays before each side's exit gate (empty when the network has none). */
  readonly bays: Record<Country, StopPool>;
  readonly chargers: Record<Country, StopPool>;
  /** Scanner-entry nodes on the Vietnamese side (loaded imports drive through one). */
  readonly scanners: number[];
  /**
   * Per node index, the pool it belongs to (null for other nodes), and whether it is a parking
   * stall. Arrays, not a map and a set: every drive leg asks for the pools of both its ends, and a
   * map's or set's look-up is a builtin call each (about 52,000 `poolOf` a day at Huu Nghi 2030).
   */
  private readonly poolAt: Array<StopPool | null>;
  private readonly stall: Uint8Array;
  /** Every pool, in the order built (transfer points, bays, stalls, chargers by side; then gate lanes). */
  readonly allPools: StopPool[] = [];
  private scanTurn = 0;
  /** Front bays by side and whether the side's bays form a long row: see `isFrontBay`. */
  private readonly front: Record<Country, Set<number>>;
  private readonly longBayRow: Record<Country, boolean>;

  constructor(
    env: Environment,
    graph: LaneGraph,
    private readonly estimator: Router,
    fleet: number,
    private readonly frontBays: FrontBayRule,
    /** Rank tables kept from earlier runs whose estimator ranks the same (null: this run's own). */
    rankTables: SharedRankTables | null = null,
  ) {
    const poolAt = holeyObjectArray<StopPool | null>(graph.nodes.length).fill(null) as Array<StopPool | null>;
    this.poolAt = poolAt;
    this.stall = new Uint8Array(graph.nodes.length);
    this.gateDist = new Float64Array(2 * graph.nodes.length).fill(NaN);
    const pool = (name: string, nodes: number[], grant: 'fifo' | 'nearest' = 'fifo'): StopPool => {
      const p = new StopPool(env, name, nodes, grant, rankTables === null ? null : rankTables.of(name, nodes));
      for (const n of nodes) poolAt[n] = p;
      this.allPools.push(p);
      return p;
    };
    const need = (ok: boolean, what: string): void => {
      if (!ok) throw new ScenarioError('$.layout.network.nodes', what);
    };
    const tp = {} as Record<Country, StopPool>;
    const stalls = {} as Record<Country, StopPool>;
    const chargers = {} as Record<Country, StopPool>;
    const bays = {} as Record<Country, StopPool>;
    for (const side of SIDES) {
      // A freed transfer point goes to the waiter nearest to it (the one in the waiting stall across
      // the aisle, if any), not to the longest waiting: first come first served sent vehicles along
      // the aisle past the other spurs, and the transfer point stood held, idle, while they came
      // (Huu Nghi 2030, 5 seeds × 2 days: +1.7 % vehicles a day, the CN drive to a freed transfer
      // point 119 → 60 s of waiting for the road).
      tp[side] = pool(`${side}:transfer-points`, graph.stops('crane-transfer', side), 'nearest');
      need(tp[side].size > 0, `the lane network has no crane-transfer node in ${side}: the IGVs need transfer points in both yards`);
      // Drive-through parking nodes (entered from one node, left towards another) are holding bays
      // beside the road before the exit gate; dead-end ones (a spur driven in and backed out of) are stalls.
      const parking = graph.stops('parking', side);
      const isBay = (p: number): boolean => {
        const n = graph.nodes[p]!;
        return n.in.some((i) => n.out.some((o) => graph.edges[i]!.from !== graph.edges[o]!.to));
      };
      // A freed bay goes to the waiter nearest to it: the vehicle in the bay behind moves up
      // before one still in the yard claims it, so the bays fill from the gate back like a queue.
      bays[side] = pool(`${side}:holding-bays`, parking.filter(isBay), 'nearest');
      stalls[side] = pool(`${side}:parking`, parking.filter((p) => !isBay(p)));
      need(stalls[side].size >= fleet, `the lane network has ${stalls[side].size} parking stalls in ${side}, fewer than the ${fleet} IGVs: every IGV must be able to park in either yard`);
      chargers[side] = pool(`${side}:chargers`, graph.stops('charging', side));
      for (const n of stalls[side].nodes) this.stall[n] = 1;
    }
    need(chargers.VN.size + chargers.CN.size > 0, 'the lane network has no charging node: the IGVs need chargers or swap stations');
    const exitLanes = {} as Record<Country, StopPool>;
    const entryLanes = {} as Record<Country, StopPool>;
    for (const side of SIDES) {
      const other: Country = side === 'VN' ? 'CN' : 'VN';
      const starts = bays[side].size > 0 ? bays[side].nodes : [tp[side].nodes[0]!];
      const exits = graph.stops('gate-lane', side).filter((g) => starts.some((f) => estimator.estimate(f, g, false) < Infinity));
      need(exits.length > 0, `no gate-lane node in ${side} can be reached from its transfer points: the IGVs cannot leave ${side}`);
      const entries = graph.stops('gate-lane', other).filter((g) => estimator.estimate(exits[0]!, g, false) < Infinity);
      need(entries.length > 0, `no gate-lane node in ${other} can be reached from the exit lanes of ${side}`);
      exitLanes[side] = pool(`${side}:exit-lanes`, exits, 'nearest');
      entryLanes[other] = pool(`${other}:entry-lanes`, entries);
    }
    for (const side of SIDES) {
      for (const t of tp[side].nodes) need(estimator.estimate(entryLanes[side].nodes[0]!, t, true) < Infinity, `transfer point "${graph.nodes[t]!.id}" cannot be reached from the entry lanes of ${side}`);
    }
    this.tp = tp;
    this.bays = bays;
    this.stalls = stalls;
    this.chargers = chargers;
    this.exitLanes = exitLanes;
    this.entryLanes = entryLanes;
    this.scanners = graph.nodes.filter((n) => n.kind === 'scanner-entry' && n.country === 'VN').map((n) => n.index);
    // Built here rather than at first use, for performance reasons: a branch that runs once per run
    // runs in optimized code from the second run of a sweep worker on, which throws that code away.
    this.front = { VN: this.frontBaysOf('VN'), CN: this.frontBaysOf('CN') };
    this.longBayRow = { VN: this.bays.VN.nodes.some((b) => !this.front.VN.has(b)), CN: this.bays.CN.nodes.some((b) => !this.front.CN.has(b)) };
  }

  /**
   * `gateDistance` by node·2 + side, NaN until first asked: an array, not a map, since the walk
   * through the holding bays ranks every free bay by it on every try (a Chinese bay row: about
   * 330,000 bays looked at a day at Huu Nghi 2030).
   */
  private readonly gateDist: Float64Array;

  /** Shortest estimated time (s) from `node` straight to an exit lane of `side` (Infinity when only via another stop). */
  private directToGate(node: number, side: Country): number {
    let d = Infinity;
    for (const g of this.exitLanes[side].nodes) d = Math.min(d, this.estimator.estimate(node, g, false));
    return d;
  }

  /** Estimated time (s) from `node` to an exit lane of `side`, through a waiting slot if it must. */
  gateDistance(node: number, side: Country): number {
    const key = node * 2 + (side === 'VN' ? 0 : 1);
    let d = this.gateDist[key]!;
    if (d !== d) {
      d = this.directToGate(node, side);
      if (d === Infinity) {
        for (const b of this.bays[side].nodes) {
          const via = this.directToGate(b, side);
          if (via < Infinity) d = Math.min(d, this.estimator.estimate(node, b, false) + via);
        }
      }
      this.gateDist[key] = d;
    }
    return d;
  }


  /**
   * True for the holding bays of `side` from which a vehicle may claim an exit lane. In a long row
   * of bays (some farther than `withinSeconds` of estimated driving from an exit lane) these are the
   * nearest, as many as the exit lanes plus `extra`: a lane claimed from farther back stands empty
   * while its vehicle drives up, longer than three gate passes (about 25 s each), so from there a
   * vehicle moves up first. In a short row every bay is a front bay: moving up would cost a stop and
   * start and gain little (measured at Huu Nghi, 3 seeds × 2 days, with the defaults 75 s and 1: the
   * rule on the 5 Vietnamese bays too cleared 13 % fewer vehicles, on the 24 Chinese ones alone 5 %
   * more; 4 front bays beat 5 by 2.5 %).
   */
  isFrontBay(node: number, side: Country): boolean {
    return this.front[side].has(node);
  }

  /** True when the holding bays of `side` form a long row (some bays are not front bays). */
  hasLongBayRow(side: Country): boolean {
    return this.longBayRow[side];
  }

  private frontBaysOf(side: Country): Set<number> {
    const bays = this.bays[side].nodes.filter((b) => this.reachesExit(b, side));
    const near = [...bays].sort((a, b) => this.gateDistance(a, side) - this.gateDistance(b, side) || a - b);
    const long = near.some((b) => this.gateDistance(b, side) > this.frontBays.withinSeconds);
    return new Set(long ? near.slice(0, this.exitLanes[side].size + this.frontBays.extra) : near);
  }

  /** True when an exit lane of `side` can be reached from `node` without another stop. */
  reachesExit(node: number, side: Country): boolean {
    return this.directToGate(node, side) < Infinity;
  }

  /** The pool a stop node belongs to, or null for other nodes. */
  poolOf(node: number): StopPool | null {
    return node >= 0 && node < this.poolAt.length ? this.poolAt[node]! : null;
  }

  isStall(node: number): boolean {
    return this.stall[node] === 1;
  }

  /** The scanner portal a loaded import drives through (in turn), or -1 when there is none. */
  scannerFor(_vehicle: number): number {
    if (this.scanners.length === 0) return -1;
    return this.scanners[this.scanTurn++ % this.scanners.length]!;
  }
}
