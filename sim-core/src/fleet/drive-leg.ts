import type { Environment } from '../kernel/environment.ts';
import { NORMAL, TAG, type Event } from '../kernel/event.ts';
import type { VisualSink } from '../stream/visual-events.ts';
import type { FleetStats, VehicleState } from './fleet-stats.ts';
import type { FleetTopology } from './fleet-topology.ts';
import type { LaneGraph } from './lane-graph.ts';
import { round3 } from './polyline.ts';
import type { Route, Router } from './router.ts';
import type { StretchCache } from './stretch-cache.ts';
import type { Stretch } from './stretch.ts';
import { TrafficController } from './traffic-controller.ts';
import type { VehicleDriver, VehicleTelemetry } from './vehicle-driver.ts';

/** What a leg needs of the vehicle it moves (the fleet manager's `Vehicle`). */
export interface LegVehicle {
  readonly n: number;
  readonly id: string;
  readonly driver: VehicleDriver;
  /** The stop node it stands at or drives to: a leg sets it to its target when it books. */
  node: number;
}

/** The fleet manager's services a leg books and reports through. */
export interface LegServices {
  readonly env: Environment;
  readonly graph: LaneGraph;
  readonly router: Router;
  readonly stretches: StretchCache;
  readonly traffic: TrafficController;
  readonly topology: FleetTopology;
  readonly stats: FleetStats;
  /** Vehicles driving each edge now, for the congestion-aware router; null when no router reads it. */
  readonly edgeLoad: Int32Array | null;
  readonly visual: VisualSink | null;
  setState(vehicle: number, state: VehicleState): void;
}

/**
 * One vehicle's drive from its node to a stop node: book a stretch, wait for its start, command the
 * driver, account for it on arrival. It runs as kernel calls and returns one event, which the
 * vehicle's process yields, instead of being a generator the process delegates to: for performance
 * reasons, as each resume of a delegated generator passes through every generator above it (life,
 * serve, cross), and the drive's waits no longer resume the process at all, only its end does. The
 * waits are scheduled as the process would have yielded them (same delay, priority and trace tag,
 * at the same moment), so the traceHash is that of the generator version. One per vehicle, reused
 * for each of its legs (a vehicle drives one leg at a time).
 */
export class DriveLeg {
  private route: Route = [];
  private stretch: Stretch | null = null;
  private loaded = false;
  private t0 = 0;
  private done: Event<void> | null = null;
  /** Added once: the driver's completion calls back into this leg. */
  private readonly onArrived = (ev: Event<VehicleTelemetry>): void => this.arrived(ev.value);
  /** What `start` returns when there is nothing to drive: processed, so a process yielding it goes on at once. */
  private readonly noDrive: Event<void>;
  /** `startOn`'s drive, until its node is granted. */
  private nextLoaded = false;
  private nextDone: Event<void> | null = null;
  private readonly onGranted = (ev: Event<number>): void => this.granted(ev.value);

  constructor(
    private readonly s: LegServices,
    private readonly v: LegVehicle,
  ) {
    this.noDrive = s.env.event<void>();
    this.noDrive.fireNow();
  }

  /**
   * Books a stretch from the vehicle's node to `target` (through `via` if ≥ 0) and drives it,
   * releasing the node it leaves; the event (`done` if given) fires on arrival, at once, in the
   * call that ends the drive. Throws if there is no route.
   */
  start(target: number, loaded: boolean, via = -1, done: Event<void> | null = null): Event<void> {
    const { s, v } = this;
    const from = v.node;
    if (from === target) {
      if (done === null) return this.noDrive;
      done.fireNow();
      return done;
    }
    if (this.done !== null) throw new Error(`${v.id}: a drive was commanded while it drives`);
    let route: Route | null;
    if (via >= 0) {
      const a = s.router.route(from, via, loaded);
      const b = s.router.route(via, target, loaded);
      route = a === null || b === null ? null : [...a, ...b];
    } else route = s.router.route(from, target, loaded);
    if (route === null || route.length === 0) throw new Error(`${v.id}: no route from ${s.graph.nodes[from]!.id} to ${s.graph.nodes[target]!.id}`);
    const stretch = s.stretches.get(route, s.traffic.chooseLanes(route), loaded);
    const now = s.env.now;
    // The previous holder of the target may still be leaving it: enter the last junction before
    // the target (or arrive, when there is none) only once it is clear.
    const targetPool = s.topology.poolOf(target);
    let earliest = now;
    if (targetPool !== null) {
      const clear = targetPool.clearAt(target);
      earliest = Math.max(now, Math.ceil(clear - stretch.reachMs) + 1);
    }
    const t0 = s.traffic.book(v.n, stretch, earliest, now);
    s.stats.bookings++;
    s.stats.reservationWaitMs += t0 - now;
    const pool = s.topology.poolOf(from);
    if (pool !== null) pool.release(from, TrafficController.clearedAt(stretch, t0));
    v.node = target;
    const arrival = done ?? s.env.event<void>();
    this.done = arrival;
    this.route = route;
    this.stretch = stretch;
    this.loaded = loaded;
    this.t0 = t0;
    if (t0 > now) {
      s.setState(v.n, 'blocked');
      s.env.call(t0 - now, DriveLeg.go, this, NORMAL, TAG.WAKE);
    } else this.go();
    return arrival;
  }

  /**
   * Drives (as `start`) to the node `granted` succeeds with, as soon as it does: one event for the
   * process to yield where it would yield `granted` and then the drive, so that it resumes once,
   * not twice. The drive starts in the callback that hands over the node, as it started when the
   * process resumed with it: same bookings, same order. `granted`'s earlier callbacks run first.
   */
  startOn(granted: Event<number>, loaded: boolean): Event<void> {
    if (this.nextDone !== null) throw new Error(`${this.v.id}: a drive was commanded while one waits for its node`);
    const done = this.s.env.event<void>();
    if (granted.processed) return this.start(granted.value, loaded, -1, done);
    this.nextLoaded = loaded;
    this.nextDone = done;
    granted.addCallback(this.onGranted);
    return done;
  }

  private granted(node: number): void {
    const done = this.nextDone!;
    this.nextDone = null;
    this.start(node, this.nextLoaded, -1, done);
  }

  /** At the booked start: on the road. */
  private go(): void {
    const { s, v, route } = this;
    s.setState(v.n, this.loaded ? 'loaded' : 'empty');
    const load = s.edgeLoad;
    if (load !== null) for (let i = 0; i < route.length; i++) load[route[i]!]!++;
    const ev = v.driver.drive(this.stretch!, this.t0, this.loaded);
    if (ev.processed) this.arrived(ev.value);
    else ev.addCallback(this.onArrived);
  }

  /** The driver reports arrival (after a repair, if it broke down on the way). */
  private arrived(report: VehicleTelemetry): void {
    const { s, v, route } = this;
    const load = s.edgeLoad;
    if (load !== null) for (let i = 0; i < route.length; i++) load[route[i]!]!--;
    s.stats.distanceM[this.loaded ? 'loaded' : 'empty'] += report.distanceM;
    if (s.visual !== null) s.visual.emit({ type: 'state', t: s.env.now, id: v.id, key: 'battery', value: round3(report.soc) });
    const done = this.done!;
    this.done = null;
    this.stretch = null;
    done.fireNow();
  }

  /** The kernel call action at the booked start (static: no closure per leg). */
  private static go(leg: DriveLeg): void {
    leg.go();
  }
}
