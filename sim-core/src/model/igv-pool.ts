import type { Environment } from '../kernel/environment.ts';
import type { Event } from '../kernel/event.ts';
import type { ProcessBody } from '../kernel/sim-process.ts';
import type { Rng } from '../random/rng.ts';
import { Resource } from '../resources/resource.ts';
import { Store } from '../resources/store.ts';
import type { IgvConfig } from './config.ts';
import type { Country } from './control/types.ts';
import type { Box } from './plant.ts';
import type { FleetKpis } from '../fleet/fleet-kpis.ts';

/** A request to carry a container across: from which side, and what to do on arrival. */
export interface TransportJob {
  box: Box;
  from: Country;
  /** Load at the origin yard (a crane lifts the container onto the IGV). */
  load(igv: number): ProcessBody<void>;
  /** Unload at the destination yard (waits for a crane and a storage slot). */
  unload(igv: number): ProcessBody<void>;
}

/** What the transport service reports (telemetry) to KPIs and the ledger. */
export interface TransportObserver {
  onTrip(igv: number, loaded: boolean, from: Country): void;
  onCrossed(job: TransportJob): void;
  /** The border gates on the way (exit of `from`, entry of the other side), loaded or empty. */
  borderGates(from: Country): ProcessBody<void>;
  /** One of them: the `exit` gate of `from`, or the `entry` gate of the other side (network transport), as an event to yield. */
  gate(from: Country, which: 'exit' | 'entry'): Event<number>;
}

/**
 * The transport service between the two yards. This is the abstract fleet of the crossing-model
 * issue: a pool of IGVs with a travel time per trip; the IGV issue replaces it with the lane
 * network and fleet control behind the same `submit` interface.
 */
export interface TransportService {
  readonly name: string;
  /** Hands a container over for carriage. */
  submit(job: TransportJob): void;
  /** IGVs idle at a side now (for the yard planner's "carrier waiting"). */
  idleAt(side: Country): number;
  /** IGVs on a trip or loading/unloading (for utilization). */
  readonly busy: Resource;
  /** Fleet KPIs (time shares, empty travel, dispatch, traffic), when the transport has them. */
  fleetKpis?(): FleetKpis;
}

interface Igv {
  n: number;
  side: Country;
  /** Driving time left before this IGV's next failure (ms), Infinity without failures. */
  untilFailure: number;
}

/**
 * Default transport: nearest idle IGV, first come first served. Jobs are served in the order they
 * were submitted; each takes an idle IGV at its own side if there is one, else any idle IGV (which
 * first drives over empty), else waits for the first IGV to become idle.
 */
export class PoolTransport implements TransportService {
  readonly name = 'pool';
  readonly busy: Resource;
  private readonly jobs: Store<TransportJob>;
  private readonly idle: Store<Igv>;

  constructor(
    private readonly env: Environment,
    private readonly config: IgvConfig,
    private readonly rng: Rng,
    private readonly observer: TransportObserver,
  ) {
    const n = Math.max(1, config.fleet);
    this.busy = new Resource(env, n, { name: 'igvs' });
    this.jobs = new Store<TransportJob>(env, Infinity, { name: 'igv-jobs' });
    this.idle = new Store<Igv>(env, Infinity, { name: 'igv-idle' });
    // The fleet starts split between the two yards as the scenario says.
    const onVn = Math.round(config.fleet * config.initialShareVn);
    for (let i = 0; i < config.fleet; i++) this.idle.put({ n: i, side: i < onVn ? 'VN' : 'CN', untilFailure: this.timeToFailure() });
    env.process(this.dispatch(), 'igv-dispatcher');
  }

  submit(job: TransportJob): void {
    this.jobs.put(job);
  }

  idleAt(side: Country): number {
    let k = 0;
    for (const igv of this.idle.items) if (igv.side === side) k++;
    return k;
  }

  /** IGV breakdowns so far. */
  failures = 0;

  private timeToFailure(): number {
    return this.config.failures === null ? Infinity : Math.max(1, this.config.failures.mtbf.sampleMs(this.rng));
  }

  /**
   * The duration of a drive of `ms`: failures strike after a time to failure counted in driving
   * time, and each adds its repair time (the IGV blocks until cleared, then drives on).
   */
  private drive(igv: Igv, ms: number): number {
    let total = ms;
    let left = ms;
    while (igv.untilFailure <= left) {
      left -= igv.untilFailure;
      total += this.config.failures!.mttr.sampleMs(this.rng);
      this.failures++;
      igv.untilFailure = this.timeToFailure();
    }
    igv.untilFailure -= left;
    return total;
  }

  private *dispatch(): ProcessBody<void> {
    for (;;) {
      const job: TransportJob = yield this.jobs.get();
      const sameSide = this.idle.items.some((igv) => igv.side === job.from);
      const igv: Igv = yield (sameSide ? this.idle.get((v) => v.side === job.from) : this.idle.get()) as Event<Igv>;
      this.env.process(this.trip(igv, job), 'igv-trip');
    }
  }

  private *trip(igv: Igv, job: TransportJob): ProcessBody<void> {
    const unit = this.busy.request();
    yield unit;
    if (igv.side !== job.from) {
      yield* this.observer.borderGates(igv.side);
      yield this.drive(igv, this.config.emptyTripMs);
      this.observer.onTrip(igv.n, false, igv.side);
      igv.side = job.from;
    }
    yield* job.load(igv.n);
    yield* this.observer.borderGates(job.from);
    yield this.drive(igv, this.config.loadedTripMs);
    this.observer.onTrip(igv.n, true, job.from);
    igv.side = job.from === 'VN' ? 'CN' : 'VN';
    this.observer.onCrossed(job);
    yield* job.unload(igv.n);
    this.busy.release(unit);
    this.idle.put(igv);
  }
}
