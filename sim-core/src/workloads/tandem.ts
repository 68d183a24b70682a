import { Environment } from '../kernel/environment.ts';
import type { ProcessBody } from '../kernel/sim-process.ts';
import { exponential } from '../random/basic-distributions.ts';
import type { Distribution } from '../random/distribution.ts';
import { RandomStreams } from '../random/random-streams.ts';
import type { Rng } from '../random/rng.ts';
import { Resource } from '../resources/resource.ts';

/**
 * The standard workload: customers arrive in a Poisson stream and pass through M/M/c stations in
 * tandem. It is the kernel's benchmark and its queueing-theory test bed, written twice: with
 * generator processes and with plain callbacks. Both draw the same samples in the same order, so
 * they produce the same waits.
 */
export interface TandemConfig {
  /** Run seed. */
  seed: number;
  /** Number of customers generated. */
  customers: number;
  /** Mean time between arrivals, ms. */
  meanInterarrivalMs: number;
  /** Stations in visiting order: servers and mean service time (ms), exponential. */
  stations: ReadonlyArray<{ servers: number; meanServiceMs: number }>;
}

/** Three stations, c = 2, 4, 3, each at load 0.8, one million customers. */
export const STANDARD_WORKLOAD: TandemConfig = {
  seed: 1,
  customers: 1_000_000,
  meanInterarrivalMs: 10_000,
  stations: [
    { servers: 2, meanServiceMs: 16_000 },
    { servers: 4, meanServiceMs: 32_000 },
    { servers: 3, meanServiceMs: 24_000 },
  ],
};

export interface TandemResult {
  api: 'process' | 'callback';
  customers: number;
  /** Customers that left the last station. */
  completed: number;
  /** Mean wait in queue per station, ms. */
  meanWaitMs: number[];
  /** Utilization per station (mean busy servers / servers). */
  utilization: number[];
  /** Mean time in system, ms. */
  meanSojournMs: number;
  /** Time-average number in system (for Little's law). */
  meanInSystem: number;
  /** Simulated time at the end, ms. */
  simulatedMs: number;
  events: number;
  traceHash: string;
}

/**
 * Draws a customer's samples: the interarrival time before it, then its service time at each
 * station, each from its own named stream ("arrivals", "service-1", ...). Drawing them all on
 * arrival keeps the assignment of samples to customers independent of event order, so any
 * engine that uses this sampler sees exactly the same customers.
 */
export class TandemSampler {
  readonly arrivals: Rng;
  readonly services: Rng[];
  private readonly interarrival: Distribution;
  private readonly service: Distribution[];

  constructor(config: TandemConfig) {
    const streams = new RandomStreams(config.seed);
    this.arrivals = streams.stream('arrivals');
    this.services = config.stations.map((_, i) => streams.stream(`service-${i + 1}`));
    this.interarrival = exponential(config.meanInterarrivalMs);
    this.service = config.stations.map((s) => exponential(s.meanServiceMs));
  }

  /** Next interarrival time, integer ms. */
  interarrivalMs(): number {
    return Math.round(this.interarrival.sample(this.arrivals));
  }

  /** Service time at station `k`, integer ms, for the next customer. */
  serviceMs(k: number): number {
    return Math.round(this.service[k]!.sample(this.services[k]!));
  }
}

/** Runs the workload with generator processes. */
export function runTandemProcesses(config: TandemConfig): TandemResult {
  const env = new Environment();
  const sampler = new TandemSampler(config);
  const stations = makeStations(env, config);
  const n = stations.length;
  const book = new SojournBook(env);

  function* customer(services: Float64Array): ProcessBody<void> {
    const start = env.now;
    book.enter();
    for (let k = 0; k < n; k++) {
      const station = stations[k]!;
      const req = station.request();
      yield req;
      yield services[k]!;
      station.release(req);
    }
    book.leave(start);
  }

  function* source(): ProcessBody<void> {
    for (let i = 0; i < config.customers; i++) {
      yield sampler.interarrivalMs();
      const services = new Float64Array(n);
      for (let k = 0; k < n; k++) services[k] = sampler.serviceMs(k);
      env.process(customer(services), 'customer');
    }
  }

  env.process(source(), 'source');
  env.run();
  return result('process', env, config, stations, book);
}

/**
 * A customer of the callback version: plain data, moved along by module-level callbacks. For
 * performance reasons a customer who leaves is recycled for a later arrival (with its service
 * array), so the run allocates only as many customers as are ever in the system at once.
 */
class CallbackCustomer {
  station = 0;
  start = 0;
  readonly services: Float64Array;

  constructor(
    readonly run: CallbackRun,
    stations: number,
  ) {
    this.services = new Float64Array(stations);
  }
}

interface CallbackRun {
  env: Environment;
  stations: Resource[];
  book: SojournBook;
  /** Customers who left, ready for reuse. */
  spare: CallbackCustomer[];
}

function startService(c: CallbackCustomer): void {
  c.run.env.call(c.services[c.station]!, serviceDone, c);
}

function serviceDone(c: CallbackCustomer): void {
  const stations = c.run.stations;
  stations[c.station]!.releaseUnit();
  c.station++;
  if (c.station < stations.length) stations[c.station]!.acquire(startService, c);
  else {
    c.run.book.leave(c.start);
    c.run.spare.push(c);
  }
}

/**
 * Runs the workload with plain callbacks: `env.call` for the clock and the resources' hot-path
 * `acquire`/`releaseUnit`, so a customer costs four events (arrival and three service ends).
 */
export function runTandemCallbacks(config: TandemConfig): TandemResult {
  const env = new Environment();
  const sampler = new TandemSampler(config);
  const stations = makeStations(env, config);
  const run: CallbackRun = { env, stations, book: new SojournBook(env), spare: [] };
  const n = stations.length;
  let generated = 0;

  function arrive(): void {
    const c = run.spare.pop() ?? new CallbackCustomer(run, n);
    const services = c.services;
    for (let k = 0; k < n; k++) services[k] = sampler.serviceMs(k);
    c.station = 0;
    c.start = env.now;
    run.book.enter();
    stations[0]!.acquire(startService, c);
    if (++generated < config.customers) env.call(sampler.interarrivalMs(), arrive);
  }

  if (config.customers > 0) env.call(sampler.interarrivalMs(), arrive);
  env.run();
  return result('callback', env, config, stations, run.book);
}

/** Counts customers in the system over time and their sojourn times. */
class SojournBook {
  inSystem = 0;
  completed = 0;
  totalSojournMs = 0;
  private area = 0;
  private last = 0;

  constructor(private readonly env: Environment) {}

  enter(): void {
    this.accumulate();
    this.inSystem++;
  }

  leave(start: number): void {
    this.accumulate();
    this.inSystem--;
    this.completed++;
    this.totalSojournMs += this.env.now - start;
  }

  meanInSystem(): number {
    this.accumulate();
    return this.env.now > 0 ? this.area / this.env.now : 0;
  }

  private accumulate(): void {
    const now = this.env.now;
    this.area += this.inSystem * (now - this.last);
    this.last = now;
  }
}

function makeStations(env: Environment, config: TandemConfig): Resource[] {
  return config.stations.map((s, i) => new Resource(env, s.servers, { name: `station-${i + 1}` }));
}

function result(api: TandemResult['api'], env: Environment, config: TandemConfig, stations: Resource[], book: SojournBook): TandemResult {
  return {
    api,
    customers: config.customers,
    completed: book.completed,
    meanWaitMs: stations.map((s) => s.waits.mean ?? 0),
    utilization: stations.map((s) => s.busy.mean(env.now) / s.capacity),
    meanSojournMs: book.completed > 0 ? book.totalSojournMs / book.completed : 0,
    meanInSystem: book.meanInSystem(),
    simulatedMs: env.now,
    events: env.processed,
    traceHash: env.traceHash,
  };
}
