import type { Environment } from '../kernel/environment.ts';
import type { ProcessBody } from '../kernel/sim-process.ts';
import type { ControlConfig, CrossingConfig, IgvConfig, NetworkFleetConfig } from '../model/config.ts';
import type { Country } from '../model/control/types.ts';
import type { TransportJob, TransportObserver, TransportService } from '../model/igv-pool.ts';
import type { RandomStreams } from '../random/random-streams.ts';
import type { Resource } from '../resources/resource.ts';
import type { VisualSink } from '../stream/visual-events.ts';
import type { Event } from '../kernel/event.ts';
import { createChargingPolicy } from './charging-policy.ts';
import type { DispatchPort } from './dispatch/dispatch-types.ts';
import { portOf } from './dispatch/dispatch-types.ts';
import { createDispatcher } from './dispatch/registry.ts';
import { fleetKpis, type FleetKpis } from './fleet-kpis.ts';
import { FleetManager, type FleetJob, type FleetOptions, type FleetPlant } from './fleet-manager.ts';
import type { LaneGraph } from './lane-graph.ts';
import { CongestionAwareRouter, ShortestTimeRouter, type Router } from './router.ts';
import { PerGraph, sharedLaneGraph, speedsKey } from './shared-graphs.ts';
import { SharedRankTables } from './stop-pool.ts';
import { doubleArray } from '../kernel/shapes.ts';

/** A fleet job carrying the crossing model's transport job. */
interface NetworkJob extends FleetJob {
  payload: TransportJob;
}

export interface NetworkTransportOptions {
  visual?: VisualSink | null;
  /** Replaces the built-in dispatch strategy (an external controller in lockstep). */
  dispatchPort?: DispatchPort;
}

/**
 * The `network` transport: IGVs on the lane network under fleet control (routing, traffic control
 * by reservation, dispatch through a port, charging, failures), behind the same `TransportService`
 * as the abstract pool, so the crossing model does not know which one it drives.
 */
export class NetworkTransport implements TransportService {
  readonly name = 'network';
  readonly graph: LaneGraph;
  readonly manager: FleetManager<NetworkJob>;
  readonly router: Router;
  private readonly edgeLoad: Int32Array;

  constructor(
    private readonly env: Environment,
    private readonly config: CrossingConfig,
    streams: RandomStreams,
    observer: TransportObserver,
    options: NetworkTransportOptions = {},
  ) {
    const igv = config.igv;
    if (igv === null || igv.network === null) throw new Error('the network transport needs an IGV fleet and a lane network (layout.network, transport.igv.vehicle)');
    const net: NetworkFleetConfig = igv.network;
    // Shared with earlier runs on an equal network: their trees, stretches, plans and passage conflicts too.
    this.graph = sharedLaneGraph(net.network, net.vehicle);
    const speeds = net.speedsMps;
    const estimator = new ShortestTimeRouter(this.graph, speeds);
    this.edgeLoad = new Int32Array(this.graph.edges.length);
    const c = config.control;
    if (c.routing === 'shortest-time') this.router = estimator;
    else if (c.routing === 'congestion-aware') this.router = new CongestionAwareRouter(this.graph, speeds, (e) => this.edgeLoad[e]!);
    else throw new Error(`unknown routing strategy '${c.routing}' (known: shortest-time, congestion-aware)`);
    if (c.traffic !== 'buffered' && c.traffic !== 'direct') throw new Error(`unknown traffic strategy '${c.traffic}' (known: buffered, direct)`);
    const port = options.dispatchPort ?? portOf(createDispatcher(c.dispatch));
    const charging = createChargingPolicy(c.charging, net.battery);
    const socRng = streams.stream('igv-soc');
    const floor = net.battery.rechargeBelowShare;
    // Batteries start between the threshold and full, so the fleet does not all charge at once.
    const socs = doubleArray();
    for (let i = 0; i < igv.fleet; i++) socs.push(floor + 0.05 + (0.95 - floor) * socRng.next());
    // The plant and the manager's options are classes, not literals: built once per run, literals
    // would reshape in the next run and throw away the code optimized on them (sim-core/README.md,
    // "Shapes that never change").
    const plant = new TransportPlant(env, observer);
    const askWithoutJobs = options.dispatchPort !== undefined || c.dispatch === 'balancing';
    this.manager = new FleetManager<NetworkJob>(
      env,
      this.graph,
      new ManagerOptions(igv, net, c, askWithoutJobs, RANK_TABLES.get(this.graph, speedsKey(speeds), () => new SharedRankTables())),
      this.router,
      estimator,
      port,
      charging,
      plant,
      streams.stream('igvs'),
      options.visual ?? null,
      socs,
      // Kept only for the router that reads it: otherwise two passes over every drive's route for nothing.
      c.routing === 'congestion-aware' ? this.edgeLoad : null,
    );
    if (config.warmupMs > 0) {
      env.call(config.warmupMs, () => {
        this.manager.stats.reset();
        for (const pool of this.manager.topology.allPools) pool.resetHeld();
      });
    }
  }

  get busy(): Resource {
    return this.manager.busy;
  }

  submit(job: TransportJob): void {
    const to: Country = job.from === 'VN' ? 'CN' : 'VN';
    this.manager.submit({ id: job.box.id, n: job.box.n, from: job.from, to, submittedAt: this.env.now, payload: job });
  }

  idleAt(side: Country): number {
    return this.manager.idleAt(side);
  }

  /** The fleet KPIs of the measured period. */
  fleetKpis(): FleetKpis {
    return fleetKpis(this.manager, this.router, this.config);
  }
}

/** The crossing model's side of the fleet (cranes, gates, trip records) as the fleet manager sees it. */
class TransportPlant implements FleetPlant<NetworkJob> {
  constructor(
    private readonly env: Environment,
    private readonly observer: TransportObserver,
  ) {}

  load(v: number, job: NetworkJob): ProcessBody<void> {
    return job.payload.load(v);
  }

  unload(v: number, job: NetworkJob): ProcessBody<void> {
    return job.payload.unload(v);
  }

  gate(from: Country, which: 'exit' | 'entry'): Event<number> {
    return this.observer.gate(from, which);
  }

  onTrip(v: number, loaded: boolean, from: Country): void {
    this.observer.onTrip(v, loaded, from);
  }

  onCrossed(job: NetworkJob): void {
    this.observer.onCrossed(job.payload);
  }

  record(code: number, a: number, b: number): void {
    this.env.record(code, a, b);
  }
}

/** The fleet manager's options from the run's configuration (a class: see where the constructor builds it). */
class ManagerOptions implements FleetOptions {
  readonly fleet: number;
  readonly initialShareVn: number;
  readonly speeds: FleetOptions['speeds'];
  readonly traffic: FleetOptions['traffic'];
  readonly frontBays: FleetOptions['frontBays'];
  readonly admission: FleetOptions['admission'];
  readonly recharge: FleetOptions['recharge'];
  readonly failures: FleetOptions['failures'];

  constructor(
    igv: IgvConfig,
    net: NetworkFleetConfig,
    c: ControlConfig,
    readonly askWithoutJobs: boolean,
    readonly rankTables: SharedRankTables,
  ) {
    this.fleet = igv.fleet;
    this.initialShareVn = igv.initialShareVn;
    this.speeds = net.speedsMps;
    this.traffic = c.traffic as FleetOptions['traffic'];
    this.frontBays = c.frontBays;
    this.admission = c.admission;
    this.recharge = net.battery.recharge;
    this.failures = igv.failures;
  }
}

/**
 * The stop pools' rank tables by graph and cruise speeds: the manager's estimator is a
 * `ShortestTimeRouter` of those two (static estimates), so every run on them ranks alike.
 */
const RANK_TABLES = new PerGraph<SharedRankTables>();
