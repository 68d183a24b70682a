import type { Environment } from '../kernel/environment.ts';
import type { Country } from '../model/control/types.ts';
import type { DispatchDecision, DispatchPort, DispatchRequest } from './dispatch/dispatch-types.ts';
import type { FleetJob, FleetPlant, Order, Vehicle } from './fleet-manager.ts';
import { TRACE } from '../model/trace-codes.ts';
import type { FleetStats } from './fleet-stats.ts';
import type { FleetTopology } from './fleet-topology.ts';
import type { LaneGraph } from './lane-graph.ts';
import { round3 } from './polyline.ts';
import type { Router } from './router.ts';
import { doubleArray, objectArray } from '../kernel/shapes.ts';

/** Estimated time at a border gate lane for one pass, seconds (for dispatch costs only). */
const GATE_ESTIMATE_S = 30;
/** Window of the demand forecast sent with each request, ms. */
const FORECAST_WINDOW_MS = 2 * 3_600_000;

/**
 * Dispatch rounds: whenever a job arrives or a vehicle becomes idle, one request (batched over
 * everything that happened at this instant) goes to the dispatch port with the idle vehicles, the
 * oldest waiting jobs and the estimated empty driving times. At most one request is in flight; the
 * answer may come at once or later at the same simulated time. Each assignment is checked against
 * the state when the answer arrives (vehicle still idle, job still waiting); others are rejected.
 */
export class DispatchRounds<J extends FleetJob> {
  readonly jobs: J[] = objectArray();
  private scheduled = false;
  private inFlight = false;
  private dirty = false;
  private readonly recent: Record<Country, number[]> = { VN: doubleArray(), CN: doubleArray() };
  private readonly etaCache = new Map<number, number>();
  private readonly crossS: Record<Country, number>;

  constructor(
    private readonly env: Environment,
    private readonly graph: LaneGraph,
    private readonly port: DispatchPort,
    private readonly vehicles: readonly Vehicle<J>[],
    private readonly estimator: Router,
    private readonly topology: FleetTopology,
    private readonly stats: FleetStats,
    private readonly plant: FleetPlant<J>,
    /** Whether to ask even when no job waits (strategies that reposition empty vehicles). */
    private readonly askWithoutJobs = true,
  ) {
    const t = topology;
    const cross = (side: Country): number => {
      const other: Country = side === 'VN' ? 'CN' : 'VN';
      const exit = t.exitLanes[side].nodes[0]!;
      const entry = t.entryLanes[other].nodes[0]!;
      return estimator.estimate(t.tp[side].nodes[0]!, exit, false) + estimator.estimate(exit, entry, false) + estimator.estimate(entry, t.tp[other].nodes[0]!, false) + 2 * GATE_ESTIMATE_S;
    };
    this.crossS = { VN: cross('VN'), CN: cross('CN') };
  }

  /** Questions sent to the port so far (the dispatch decision count). */
  get requests(): number {
    return this.stats.dispatchRequests;
  }

  submit(job: J): void {
    this.jobs.push(job);
    this.recent[job.from].push(this.env.now);
    this.changed();
  }

  vehicleIdle(): void {
    this.changed();
  }

  private changed(): void {
    this.dirty = true;
    if (!this.scheduled) {
      this.scheduled = true;
      this.env.call(0, DispatchRounds.round, this);
    }
  }

  /** The kernel call action of a round (static: no closure per round). */
  private static round<J extends FleetJob>(rounds: DispatchRounds<J>): void {
    rounds.round();
  }

  private round(): void {
    this.scheduled = false;
    if (this.inFlight || !this.dirty) return;
    this.dirty = false;
    // Nothing to ask when no job waits, before looking for idle vehicles: most rounds end here.
    if (this.jobs.length === 0 && !this.askWithoutJobs) return;
    const idle: Vehicle<J>[] = objectArray();
    for (let i = 0; i < this.vehicles.length; i++) if (this.vehicles[i]!.pending !== null) idle.push(this.vehicles[i]!);
    if (idle.length === 0) return;
    const request = this.request(idle);
    this.inFlight = true;
    this.stats.dispatchRequests++;
    this.port.decide(request, (d) => this.apply(d));
  }

  /** The plain-data request for the idle vehicles and the oldest jobs. */
  request(idle: readonly Vehicle<J>[]): DispatchRequest {
    const now = this.env.now;
    const jobs = this.jobs.slice(0, Math.max(2 * idle.length, 1));
    for (const side of ['VN', 'CN'] as const) {
      const list = this.recent[side];
      let drop = 0;
      while (drop < list.length && list[drop]! < now - FORECAST_WINDOW_MS) drop++;
      if (drop > 0) list.splice(0, drop);
    }
    const hours = Math.min(FORECAST_WINDOW_MS, Math.max(now, 1)) / 3_600_000;
    return {
      time: now,
      vehicles: idle.map((v) => {
        const node = this.graph.nodes[v.node]!;
        return { id: v.id, side: v.side, node: node.id, position: [node.position[0], node.position[1]], soc: round3(v.driver.soc) };
      }),
      jobs: jobs.map((j) => ({ id: j.id, from: j.from, to: j.to, submittedAt: j.submittedAt })),
      etaS: idle.map((v) => {
        // A vehicle's estimate depends only on the side of a job's pickup: one look-up per side
        // (when first needed, so the same estimates are computed in the same order), not per job.
        const bySide = { VN: NaN, CN: NaN };
        return jobs.map((j) => (Number.isNaN(bySide[j.from]) ? (bySide[j.from] = this.eta(v, j.from)) : bySide[j.from]));
      }),
      crossingS: Math.round(this.crossS.VN),
      recentJobsPerHour: { VN: this.recent.VN.length / hours, CN: this.recent.CN.length / hours },
    };
  }

  /** Estimated seconds from where `v` stands to the transfer points of `side` (crossing if needed). */
  private eta(v: Vehicle<J>, side: Country): number {
    const key = v.node * 2 + (side === 'VN' ? 0 : 1);
    let s = this.etaCache.get(key);
    if (s === undefined) {
      const t = this.topology;
      const tp = t.tp[side].nodes[0]!;
      if (v.side === side) s = this.estimator.estimate(v.node, tp, false);
      else {
        const exit = t.exitLanes[v.side].nodes[0]!;
        const entry = t.entryLanes[side].nodes[0]!;
        s = this.estimator.estimate(v.node, exit, false) + this.estimator.estimate(exit, entry, false) + this.estimator.estimate(entry, tp, false) + 2 * GATE_ESTIMATE_S;
      }
      s = Math.round(s * 10) / 10;
      this.etaCache.set(key, s);
    }
    return s;
  }

  /** Vehicles by id, built at the first decision (the fleet is complete by then and never changes). */
  private byIdMap: Map<string, Vehicle<J>> | null = null;

  private apply(d: DispatchDecision): void {
    this.inFlight = false;
    // One map for the run: building it per decision was about 6 % of a day's allocation.
    const byId = (this.byIdMap ??= new Map(this.vehicles.map((v) => [v.id, v])));
    for (const a of d.assignments) {
      const v = byId.get(a.vehicle);
      const i = this.jobs.findIndex((j) => j.id === a.job);
      if (v === undefined || v.pending === null || i < 0) {
        this.stats.rejectedAssignments++;
        continue;
      }
      const [job] = this.jobs.splice(i, 1);
      this.stats.assignments++;
      this.plant.record(TRACE.DISPATCHED, v.n, job!.n);
      this.order(v, { kind: 'job', job: job! });
    }
    for (const r of d.repositions ?? []) {
      const v = byId.get(r.vehicle);
      if (v === undefined || v.pending === null || v.side === r.to) {
        this.stats.rejectedAssignments++;
        continue;
      }
      this.order(v, { kind: 'reposition', to: r.to });
    }
    if (this.dirty && !this.scheduled) {
      this.scheduled = true;
      this.env.call(0, DispatchRounds.round, this);
    }
  }

  private order(v: Vehicle<J>, o: Order<J>): void {
    const ev = v.pending!;
    v.pending = null;
    ev.succeed(o);
  }
}
