/**
 * One queueing station (c servers, optional limit K on the number in the system) driven through
 * the kernel, written twice — with generator processes and with the callback hot path — for the
 * queueing-theory validation tests. Both versions draw the same samples in the same order (each
 * customer's interarrival time from stream "arrivals", its service time from stream "service",
 * both drawn when it arrives), so for one seed they see exactly the same customers.
 *
 * Output analysis over one replication:
 * - warm-up: the system starts empty; when customer number `warmup` (0-based) arrives, the
 *   resource's statistics (waits, queue length, busy units) are reset and the measurement window
 *   opens at that instant, T0;
 * - the window closes when the last customer arrives, T1; time-averages (number in system) are
 *   read at T1, so the drain that follows, with no more arrivals, does not dilute them;
 * - the run then drains, so every customer admitted after T0 has its wait recorded.
 */
import { Environment, RandomStreams, Resource } from '../../src/index.ts';
import type { Distribution, ProcessBody, Rng } from '../../src/index.ts';

export interface StationConfig {
  /** Run seed (distinct per replication). */
  seed: number;
  /** Number of servers, c. */
  servers: number;
  /**
   * Most customers in the system (waiting + in service), K ≥ c: an arrival that finds K present
   * is lost. Omit for an unlimited waiting room.
   */
  places?: number;
  /** Interarrival time, ms (sampled, then rounded to whole ms). */
  interarrival: Distribution;
  /** Service time, ms (sampled, then rounded to whole ms). */
  service: Distribution;
  /** Customers (arrivals) generated in all, warm-up included. */
  customers: number;
  /** Leading arrivals before the statistics are reset (the warm-up). */
  warmup: number;
}

export interface StationResult {
  /** Mean wait in queue (ms) of the customers granted a server after T0 (kernel's Resource.waits). */
  meanWaitMs: number;
  /** Customers behind meanWaitMs. */
  waited: number;
  /** Length of the measurement window T1 − T0, ms. */
  windowMs: number;
  /** Time-average number in system over the window: mean queue length + mean busy servers (kernel's TimeWeighted). */
  meanInSystem: number;
  /** Departures inside the window. */
  departuresInWindow: number;
  /** Mean time in system (ms) of the departures inside the window. */
  meanSojournInWindowMs: number;
  /** Arrivals from customer `warmup` on (the ones the blocking fraction is over). */
  arrivalsCounted: number;
  /** Of those, the ones lost because `places` customers were present. */
  blocked: number;
}

/** What both versions share: samples, the warm-up reset, the window and its tallies. */
class Book {
  readonly arrivals: Rng;
  readonly services: Rng;
  arrived = 0;
  open = false;
  closed = false;
  t0 = 0;
  t1 = 0;
  meanInSystem = 0;
  departures = 0;
  sojournMs = 0;
  arrivalsCounted = 0;
  blocked = 0;

  constructor(
    readonly env: Environment,
    readonly res: Resource,
    readonly config: StationConfig,
  ) {
    const streams = new RandomStreams(config.seed);
    this.arrivals = streams.stream('arrivals');
    this.services = streams.stream('service');
    if (!(config.warmup >= 0 && config.warmup < config.customers)) throw new RangeError('need 0 ≤ warmup < customers');
  }

  interarrivalMs(): number {
    return Math.round(this.config.interarrival.sample(this.arrivals));
  }

  serviceMs(): number {
    return Math.round(this.config.service.sample(this.services));
  }

  /**
   * Called on each arrival, before the customer joins. Opens the window at arrival `warmup`,
   * closes it at the last arrival, and returns whether the customer is admitted.
   */
  arrive(): boolean {
    const env = this.env;
    const res = this.res;
    const index = this.arrived++;
    if (index === this.config.warmup) {
      res.waits.reset();
      res.queueLength.reset(env.now);
      res.busy.reset(env.now);
      this.t0 = env.now;
      this.open = true;
    }
    if (index === this.config.customers - 1) {
      this.t1 = env.now;
      this.meanInSystem = res.queueLength.mean(env.now) + res.busy.mean(env.now);
      this.closed = true;
    }
    const admitted = res.count + res.queued < (this.config.places ?? Infinity);
    if (index >= this.config.warmup) {
      this.arrivalsCounted++;
      if (!admitted) this.blocked++;
    }
    return admitted;
  }

  /** Called when a customer that arrived at `arrivedAt` leaves. */
  depart(arrivedAt: number): void {
    if (this.open && !this.closed) {
      this.departures++;
      this.sojournMs += this.env.now - arrivedAt;
    }
  }

  result(): StationResult {
    const waits = this.res.waits;
    return {
      meanWaitMs: waits.mean ?? Number.NaN,
      waited: waits.count,
      windowMs: this.t1 - this.t0,
      meanInSystem: this.meanInSystem,
      departuresInWindow: this.departures,
      meanSojournInWindowMs: this.departures > 0 ? this.sojournMs / this.departures : Number.NaN,
      arrivalsCounted: this.arrivalsCounted,
      blocked: this.blocked,
    };
  }
}

/** The station with generator processes: `yield res.request()`, `yield serviceMs`, `res.release(req)`. */
export function simulateWithProcesses(config: StationConfig): StationResult {
  const env = new Environment();
  const res = new Resource(env, config.servers, { name: 'station' });
  const book = new Book(env, res, config);

  function* customer(serviceMs: number): ProcessBody<void> {
    const arrivedAt = env.now;
    const req = res.request();
    yield req;
    yield serviceMs;
    res.release(req);
    book.depart(arrivedAt);
  }

  function* source(): ProcessBody<void> {
    for (let i = 0; i < config.customers; i++) {
      yield book.interarrivalMs();
      const serviceMs = book.serviceMs();
      if (book.arrive()) env.process(customer(serviceMs), 'customer');
    }
  }

  env.process(source(), 'source');
  env.run();
  return book.result();
}

/** A customer of the callback version. */
interface Job {
  readonly book: Book;
  readonly arrivedAt: number;
  readonly serviceMs: number;
}

function startService(job: Job): void {
  job.book.env.call(job.serviceMs, endService, job);
}

function endService(job: Job): void {
  job.book.res.releaseUnit();
  job.book.depart(job.arrivedAt);
}

/** The station with the hot path: `env.call(delayMs, fn, arg)`, `res.acquire(fn, arg)`, `res.releaseUnit()`. */
export function simulateWithCallbacks(config: StationConfig): StationResult {
  const env = new Environment();
  const res = new Resource(env, config.servers, { name: 'station' });
  const book = new Book(env, res, config);
  let generated = 0;

  function arrive(): void {
    const serviceMs = book.serviceMs();
    if (book.arrive()) res.acquire(startService, { book, arrivedAt: env.now, serviceMs });
    if (++generated < config.customers) env.call(book.interarrivalMs(), arrive);
  }

  env.call(book.interarrivalMs(), arrive);
  env.run();
  return book.result();
}
