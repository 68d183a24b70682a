import type { Environment } from '../kernel/environment.ts';
import type { Event } from '../kernel/event.ts';
import type { ProcessBody } from '../kernel/sim-process.ts';
import type { Duration, FailureConfig } from '../model/config.ts';
import type { Country } from '../model/control/types.ts';
import type { Rng } from '../random/rng.ts';
import { TRACE } from '../model/trace-codes.ts';
import { Resource } from '../resources/resource.ts';
import type { VisualSink } from '../stream/visual-events.ts';
import type { ChargingPolicy } from './charging-policy.ts';
import { throughBays, type BayHost } from './bay-queue.ts';
import { DeadlockDetector } from './deadlock-detector.ts';
import { DispatchRounds } from './dispatch-rounds.ts';
import { DriveLeg, type LegServices } from './drive-leg.ts';
import type { DispatchPort } from './dispatch/dispatch-types.ts';
import { FleetStats, type VehicleState } from './fleet-stats.ts';
import { FleetTopology, type FrontBayRule } from './fleet-topology.ts';
import type { LaneGraph } from './lane-graph.ts';
import { round3 } from './polyline.ts';
import type { Router } from './router.ts';
import { SimulatedDriver } from './simulated-driver.ts';
import { SideAdmission, type AdmissionRule } from './side-admission.ts';
import { type SharedRankTables, StopPool } from './stop-pool.ts';
import type { CruiseSpeeds } from './stretch.ts';
import { StretchCache } from './stretch-cache.ts';
import { runTasks, type Task } from './task-stack.ts';
import { TrafficController } from './traffic-controller.ts';
import type { VehicleListener } from './vehicle-driver.ts';

/** A container to move from the yard of `from` to the yard of `to`, with the plant's handling steps. */
export interface FleetJob {
  /** The container id. */
  id: string;
  n: number;
  from: Country;
  to: Country;
  submittedAt: number;
}

/** What the fleet needs from the plant around it (cranes, gates, KPIs). */
export interface FleetPlant<J extends FleetJob> {
  /** The crane loads the container onto IGV `v` at its transfer point. */
  load(v: number, job: J): ProcessBody<void>;
  /** The IGV has reached the destination transfer point: unloading (and checks on arrival). */
  unload(v: number, job: J): ProcessBody<void>;
  /** Pass a border gate lane: `exit` of the side `from`, or `entry` into the other side (an event to yield). */
  gate(from: Country, which: 'exit' | 'entry'): Event<number>;
  /** A crossing finished, loaded or empty. */
  onTrip(v: number, loaded: boolean, from: Country): void;
  /** A loaded crossing reached the destination yard. */
  onCrossed(job: J): void;
  /** A domain record for the trace (code and numbers). */
  record(code: number, a: number, b: number): void;
}

/** An order from dispatch: carry a job, or drive empty to the other yard. */
export type Order<J> = { kind: 'job'; job: J } | { kind: 'reposition'; to: Country } | { kind: 'park' };

/** One IGV as the fleet manager sees it. */
export interface Vehicle<J> {
  n: number;
  id: string;
  driver: SimulatedDriver;
  /** Its drives (one at a time). */
  leg: DriveLeg;
  /** The stop node it stands at (or drives to). */
  node: number;
  side: Country;
  /** Waiting for an order (idle) — the event dispatch succeeds. */
  pending: Event<Order<J>> | null;
  /** The pool it waits for a node of, if any (for deadlock detection). */
  waitingFor: StopPool | null;
  /** The state before a breakdown, restored on repair. */
  beforeBreakdown: VehicleState;
}

export interface FleetOptions {
  fleet: number;
  initialShareVn: number;
  speeds: CruiseSpeeds;
  /** `buffered` (deadlock-free by construction) or `direct` (detect and resolve). */
  traffic: 'buffered' | 'direct';
  /** The holding bays' queue rule: see `FleetTopology.isFrontBay`. */
  frontBays: FrontBayRule;
  /** How many vehicles the smaller yard admits: see `SideAdmission.capsFor`. */
  admission: AdmissionRule;
  recharge: Duration;
  failures: FailureConfig | null;
  /** Ask the dispatch port even when no job waits (for strategies that reposition empty IGVs). */
  askWithoutJobs: boolean;
  /**
   * The stop pools' rank tables kept across runs, for an `estimator` whose estimates are the same
   * in every run that passes these (see `SharedRankTables`); null: each run works out its own.
   */
  rankTables: SharedRankTables | null;
}


/**
 * The fleet manager: holds the jobs, asks the dispatch port which idle IGV takes which job, and
 * commands each IGV (drive a booked stretch, stand for loading, charge) through its driver.
 * Vehicles only ever stop at stop nodes they hold: transfer points, gate lanes, chargers and
 * parking stalls. A vehicle waits for a node only where nobody waits for the node it stands on, or
 * where its wait ends at a node that never blocks (see `buffered`), which is why the fleet cannot
 * deadlock; the detector checks that claim on every wait. Under buffered traffic the smaller yard
 * admits only so many vehicles at once (`SideAdmission`); the others wait in the yard they leave.
 */
export class FleetManager<J extends FleetJob> implements VehicleListener {
  readonly vehicles: Vehicle<J>[] = [];
  readonly stats: FleetStats;
  readonly traffic: TrafficController;
  readonly topology: FleetTopology;
  readonly busy: Resource;
  readonly rounds: DispatchRounds<J>;
  /** How many vehicles each side admits at once (see `SideAdmission`). */
  readonly admission: SideAdmission;
  private readonly detector: DeadlockDetector<J>;
  private readonly emptyCost = new Map<number, number>();
  readonly stretches: StretchCache;
  private readonly bayHost: BayHost<Vehicle<J>>;

  constructor(
    private readonly env: Environment,
    readonly graph: LaneGraph,
    private readonly options: FleetOptions,
    readonly router: Router,
    /** Static shortest-time estimates, for ranking nodes and dispatch costs. */
    private readonly estimator: Router,
    port: DispatchPort,
    private readonly charging: ChargingPolicy,
    private readonly plant: FleetPlant<J>,
    private readonly rng: Rng,
    private readonly visual: VisualSink | null,
    initialSocs: number[],
    /** Vehicles booked on each edge now, kept for the congestion-aware router (null: not kept). */
    edgeLoad: Int32Array | null = null,
  ) {
    this.stats = new FleetStats(env, options.fleet);
    this.traffic = new TrafficController(graph);
    this.stretches = new StretchCache(graph, options.speeds);
    this.topology = new FleetTopology(env, graph, estimator, options.fleet, options.frontBays, options.rankTables);
    this.busy = new Resource(env, Math.max(1, options.fleet), { name: 'igvs' });
    this.detector = new DeadlockDetector(this.vehicles, this.topology);
    this.rounds = new DispatchRounds(env, graph, port, this.vehicles, estimator, this.topology, this.stats, plant, options.askWithoutJobs);
    const onVn = Math.round(options.fleet * options.initialShareVn);
    const topo = this.topology;
    const stops = (side: Country): number => topo.tp[side].size + topo.bays[side].size + topo.chargers[side].size;
    // Only buffered traffic caps a yard: its arrivals never wait at an entry lane, so a vehicle
    // waiting to be admitted holds nothing that the vehicles leaving the small yard wait for. Under
    // direct traffic they could (an entry lane waiting for a transfer point held by a vehicle
    // waiting to be admitted), and the detector, which follows waits for stop nodes, would not see it.
    const caps = options.traffic === 'buffered' ? SideAdmission.capsFor({ VN: stops('VN'), CN: stops('CN') }, options.admission) : { VN: Infinity, CN: Infinity };
    this.admission = new SideAdmission(env, caps, { VN: onVn, CN: options.fleet - onVn });
    // One object of a class, not literals of closures: built once per run, a literal's template and
    // a closure are new in the next run, and the code optimized on the last run's would be thrown
    // away (sim-core/README.md, "Shapes that never change").
    const links = new ManagerLinks<J>(this, env, graph, router, estimator, this.stretches, this.traffic, this.topology, this.stats, edgeLoad, visual);
    this.bayHost = links;
    const used = { VN: 0, CN: 0 };
    for (let i = 0; i < options.fleet; i++) {
      const side: Country = i < onVn ? 'VN' : 'CN';
      const stall = this.topology.stalls[side].nodes[used[side]++]!;
      this.topology.stalls[side].occupy(stall, i);
      const driver = new SimulatedDriver(env, i, initialSocs[i]!, charging, options.failures, rng, visual, this);
      const v: Vehicle<J> = { n: i, id: `igv:${i}`, driver, leg: null!, node: stall, side, pending: null, waitingFor: null, beforeBreakdown: 'idle' };
      v.leg = new DriveLeg(links, v);
      this.vehicles.push(v);
      if (visual !== null) {
        const at = graph.nodes[stall]!.position;
        visual.emit({ type: 'spawn', t: env.now, id: v.id, kind: 'igv', at, country: side });
        visual.emit({ type: 'state', t: env.now, id: v.id, key: 'battery', value: round3(driver.soc) });
      }
      runTasks(env, this.life(v), `igv:${i}`);
    }
  }

  get now(): number {
    return this.env.now;
  }

  /** Hands a job to the fleet. */
  submit(job: J): void {
    this.rounds.submit(job);
  }

  /** Idle IGVs standing at a side now. */
  idleAt(side: Country): number {
    let k = 0;
    for (const v of this.vehicles) if (v.pending !== null && v.side === side) k++;
    return k;
  }

  /** @internal The state of vehicle `n` changed (its drive legs report it). */
  setVehicleState(n: number, s: VehicleState): void {
    this.setState(this.vehicles[n]!, s);
  }

  private setState(v: Vehicle<J>, s: VehicleState): void {
    if (this.stats.current(v.n) === s) return;
    this.stats.set(v.n, s);
    if (this.visual !== null) this.visual.emit({ type: 'state', t: this.env.now, id: v.id, key: 'state', value: s });
  }

  /** @internal Vehicle `n` broke down (`down`) or was repaired (the manager is its drivers' listener). */
  onBreakdown(n: number, down: boolean): void {
    const v = this.vehicles[n]!;
    if (down) {
      this.stats.breakdowns++;
      v.beforeBreakdown = this.stats.current(n);
      this.setState(v, 'broken');
    } else this.setState(v, v.beforeBreakdown);
    if (this.visual !== null) this.visual.emit({ type: 'state', t: this.env.now, id: v.id, key: 'down', value: down ? 1 : 0 });
  }

  // ---- a vehicle's life -------------------------------------------------------------------------

  /**
   * A vehicle's process (run by `runTasks`: a yielded generator is a sub-task). Drives, waits for
   * stop nodes and orders are events, not generators: see `DriveLeg`.
   */
  private *life(v: Vehicle<J>): Task<void> {
    for (;;) {
      const order: Order<J> = yield this.awaitOrder(v);
      if (order.kind === 'job') yield this.serve(v, order.job);
      else if (order.kind === 'park') yield this.park(v);
      else {
        this.stats.repositions++;
        yield this.cross(v, order.to, false, 'stall', false);
      }
      if (this.charging.needsCharge(v.driver.soc)) yield this.recharge(v);
    }
  }

  /** Carries one job: to the pickup (over empty if needed), load, cross, unload. */
  private *serve(v: Vehicle<J>, job: J): Task<void> {
    const unit = this.busy.request();
    yield unit;
    if (v.side !== job.from) yield this.cross(v, job.from, false, 'tp', false);
    if (!this.topology.tp[job.from].has(v.node)) yield v.leg.startOn(this.acquireNearest(v, this.topology.tp[job.from], false), false);
    this.setState(v, 'handling');
    // The container's pick onto the IGV and its drop into storage are emitted by the model's ledger.
    yield this.plant.load(v.n, job);
    yield this.cross(v, job.to, true, 'tp', job.to === 'VN');
    this.plant.onCrossed(job);
    this.setState(v, 'handling');
    yield this.plant.unload(v.n, job);
    this.busy.release(unit);
  }

  /**
   * The order to wait for where it stands. A vehicle idle on a transfer point or charger keeps it
   * until someone needs it (see `acquire`), then it is told to park.
   */
  private awaitOrder(v: Vehicle<J>): Event<Order<J>> {
    const ev = this.env.event<Order<J>>();
    v.pending = ev;
    this.setState(v, 'idle');
    this.rounds.vehicleIdle();
    const pool = this.topology.poolOf(v.node);
    if (pool !== null && pool.waitingCount > 0 && !this.topology.isStall(v.node)) this.moveAside(pool);
    return ev;
  }

  /** An idle vehicle standing on a node of `pool` (not a stall) is sent to park, freeing the node. */
  private moveAside(pool: StopPool): void {
    for (let i = 0; i < pool.distinct; i++) {
      const h = pool.holderAt(i);
      if (h < 0) continue;
      const idle = this.vehicles[h]!;
      if (idle.pending === null || idle.node < 0 || this.topology.isStall(idle.node) || this.topology.poolOf(idle.node) !== pool) continue;
      const ev = idle.pending;
      idle.pending = null;
      ev.succeed({ kind: 'park' });
      return;
    }
  }

  /**
   * Crosses the border to `to`: exit gate lane, entry gate lane, then a transfer point (or a
   * parking stall). Buffered traffic takes a transfer point only if one is free on arrival and
   * otherwise parks and waits there; direct traffic waits at the gate lane (deadlock-prone).
   */
  private *cross(v: Vehicle<J>, to: Country, loaded: boolean, dest: 'tp' | 'stall', scan: boolean): Task<void> {
    const from = v.side;
    const topo = this.topology;
    // Into the holding bays before the exit gate and up to a front one (see bay-queue.ts).
    if (topo.bays[from].size > 0) yield throughBays(this.bayHost, v, from, loaded);
    // Admitted to the other side before claiming an exit lane: a vehicle the small yard cannot take
    // waits here, in the yard it is leaving, not in a queue inside the small one.
    const admitted = this.admission.request(to);
    if (admitted !== null) {
      const before = this.stats.current(v.n);
      const since = this.env.now;
      this.setState(v, 'blocked');
      yield admitted;
      this.setState(v, before);
      this.stats.admissionWaitMs[to] += this.env.now - since;
      this.stats.admissionWaits[to]++;
    }
    yield v.leg.startOn(this.acquireNearest(v, topo.exitLanes[from], loaded), loaded);
    yield this.plant.gate(from, 'exit');
    yield v.leg.startOn(this.acquireNearest(v, topo.entryLanes[to], false), loaded);
    yield this.plant.gate(from, 'entry');
    v.side = to;
    this.admission.leave(from);
    this.stats[loaded ? 'loadedCrossings' : 'emptyCrossings']++;
    this.stats[from === 'VN' ? 'northbound' : 'southbound']++;
    this.plant.onTrip(v.n, loaded, from);
    const via = scan ? topo.scannerFor(v.n) : -1;
    if (dest === 'stall') {
      yield this.park(v);
      return;
    }
    let tp = topo.tp[to].tryAcquireNearest(v.n, v.node, loaded, this.estimator);
    if (tp < 0 && this.options.traffic === 'direct') {
      tp = yield this.acquireNearest(v, topo.tp[to], false);
      if (tp < 0) {
        // Diverted by the deadlock resolution: park, then wait there.
        this.stats.deadlocksResolved++;
        yield this.park(v, via);
        yield v.leg.startOn(this.acquireNearest(v, topo.tp[to], false), loaded);
        return;
      }
    }
    if (tp >= 0) {
      yield v.leg.start(tp, loaded, via);
      return;
    }
    yield this.park(v, via);
    yield v.leg.startOn(this.acquireNearest(v, topo.tp[to], false), loaded);
  }

  /** Recharge: to a side with chargers if needed, then a charger (waiting at a stall if none is free). */
  private *recharge(v: Vehicle<J>): Task<void> {
    const topo = this.topology;
    if (topo.chargers[v.side].size === 0) yield this.cross(v, v.side === 'VN' ? 'CN' : 'VN', false, 'stall', false);
    const c = topo.chargers[v.side].tryAcquireNearest(v.n, v.node, false, this.estimator);
    if (c < 0) {
      if (!topo.isStall(v.node)) yield this.park(v);
      yield v.leg.startOn(this.acquireNearest(v, topo.chargers[v.side], false), false);
    } else yield v.leg.start(c, false);
    this.setState(v, 'charging');
    yield v.driver.charge(this.options.recharge.sampleMs(this.rng));
    this.stats.charges++;
    this.plant.record(TRACE.CHARGED, v.n, 0);
    if (this.visual !== null) this.visual.emit({ type: 'state', t: this.env.now, id: v.id, key: 'battery', value: 1 });
  }

  /** Drives to a free parking stall of its side (there is always one: stalls ≥ fleet, checked at start). */
  private park(v: Vehicle<J>, via = -1): Event<void> {
    const stall = this.topology.stalls[v.side].tryAcquireNearest(v.n, v.node, false, this.estimator);
    if (stall < 0) throw new Error(`no free parking stall in ${v.side} for ${v.id}`);
    return v.leg.start(stall, false, via);
  }

  /**
   * A node of `pool` for the vehicle to yield for; -1 when its wait was cancelled to resolve a
   * deadlock. An event, not a generator to delegate to (see `DriveLeg`): when the vehicle has to
   * wait, a callback added before the process's own books the wait when it ends.
   */
  /** @internal (public for the bay walk, see ManagerLinks). `rank` never changes for `key` (see `StopPool.rankKey`). */
  acquire(v: Vehicle<J>, pool: StopPool, key: number, rank: (node: number) => number): Event<number> {
    const ev = pool.acquire(v.n, rank, key);
    if (ev.triggered) return ev;
    const t0 = this.env.now;
    this.setState(v, 'blocked');
    v.waitingFor = pool;
    this.moveAside(pool);
    const found = this.detector.check(v);
    if (found !== null) {
      this.stats.deadlocksDetected++;
      const victim = found.victim;
      if (this.options.traffic === 'buffered' || victim === null) throw new Error(`unresolvable deadlock among IGVs around ${v.id} (${this.options.traffic} traffic control)`);
      this.plant.record(TRACE.DEADLOCK, victim.n, v.n);
      victim.waitingFor!.cancel(victim.n);
    }
    ev.addCallback(() => {
      v.waitingFor = null;
      this.stats.stopWaitMs += this.env.now - t0;
      this.stats.stopWaitByPool.set(pool.name, (this.stats.stopWaitByPool.get(pool.name) ?? 0) + this.env.now - t0);
    });
    return ev;
  }

  /** `acquire` nearest first: by estimated driving time from where the vehicle stands, loaded or not. */
  private acquireNearest(v: Vehicle<J>, pool: StopPool, loaded: boolean): Event<number> {
    return this.acquire(v, pool, StopPool.rankKey(v.node, loaded, 0), this.rank(v, loaded));
  }

  /** Ranks nodes by estimated driving time from where the vehicle stands. */
  private rank(v: Vehicle<J>, loaded: boolean): (node: number) => number {
    const from = v.node;
    return (node) => this.estimator.estimate(from, node, loaded);
  }
}


/**
 * What a manager's drive legs and bay walks call back into (`LegServices`, `BayHost`): one per
 * manager, of a class, so the next run's has the same shape (see the constructor).
 */
class ManagerLinks<J extends FleetJob> implements LegServices, BayHost<Vehicle<J>> {
  constructor(
    private readonly manager: FleetManager<J>,
    readonly env: Environment,
    readonly graph: LaneGraph,
    readonly router: Router,
    readonly estimator: Router,
    readonly stretches: StretchCache,
    readonly traffic: TrafficController,
    readonly topology: FleetTopology,
    readonly stats: FleetStats,
    readonly edgeLoad: Int32Array | null,
    readonly visual: VisualSink | null,
  ) {}

  setState(vehicle: number, state: VehicleState): void {
    this.manager.setVehicleState(vehicle, state);
  }

  acquire(v: Vehicle<J>, pool: StopPool, key: number, rank: (node: number) => number): Event<number> {
    return this.manager.acquire(v, pool, key, rank);
  }
}
