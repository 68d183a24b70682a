import type { Environment } from '../kernel/environment.ts';
import { Event, TAG } from '../kernel/event.ts';
import { f64, objectArray } from '../kernel/shapes.ts';
import type { Process } from '../kernel/sim-process.ts';
import { Tally } from '../stats/tally.ts';
import { CountOverTime } from '../stats/count-over-time.ts';
import { Deque } from '../kernel/deque.ts';
import { Usage } from './usage.ts';

export interface ResourceOptions {
  /** Name for statistics and error messages. */
  name?: string;
  /** Queue discipline: first come first served, or by priority (lower value first, then FIFO). */
  discipline?: 'fifo' | 'priority';
}

export type RequestStatus = 'queued' | 'granted' | 'released' | 'cancelled' | 'preempted';

/**
 * A request for one unit of a Resource. It is an event that succeeds when the unit is granted —
 * already complete when made if a unit is free — and is given back with
 * `resource.release(request)`, which also withdraws a request still queued.
 */
export class Request extends Event<void> {
  status: RequestStatus = 'queued';
  /** Time (ms) it was granted, or -1. */
  grantedAt = f64(-1);
  /** Time (ms) it was made. */
  readonly requestedAt: number;
  /** The process that made it (the one a preemption interrupts), if any. */
  readonly process: Process<any> | null;
  /** @internal Tie-break: order of creation. */
  readonly order: number;
  /**
   * @internal The usage this request was made for, if any: told when the unit is preempted,
   * instead of interrupting the process (it queues again for the rest of its work), and when the
   * unit is granted (see `usageGranted` in usage.ts).
   */
  usage: Usage | null = null;

  constructor(
    readonly resource: Resource,
    /** Lower values are served first (priority discipline only). */
    readonly priority: number,
    /** Whether it may preempt a user of lower priority (priority discipline only). */
    readonly preempt: boolean,
    order: number,
  ) {
    super(resource.env);
    this.tag = TAG.REQUEST;
    this.requestedAt = resource.env.now;
    // Null first, then the maker: the field holds either from the first request on (V8 types a field
    // by its first value, and the first request made outside a process, hours into a run, widened it
    // and threw away the code that made requests).
    this.process = null;
    this.process = resource.env.activeProcess;
    this.order = order;
  }
}

/** The cause given to a process whose unit was taken by a higher-priority request. */
export class Preempted {
  constructor(
    readonly by: Request,
    /** When (ms) the preempted request had been granted. */
    readonly usageSince: number,
    readonly resource: Resource,
  ) {}
}

/**
 * A waiting claim of the hot-path API: whom to call when a unit is granted. For performance
 * reasons claims are recycled through a per-resource free list once granted, so a busy resource
 * allocates nothing per waiting customer.
 */
class Claim {
  fn: ((arg: any) => void) | null = null;
  arg: unknown = undefined;
  priority = 0;
  order = 0;
  requestedAt = 0;
}

type Waiter = Request | Claim;

/** Serve order under the priority discipline: priority, then order of request. */
function before(a: Waiter, b: Waiter): boolean {
  if (a.priority !== b.priority) return a.priority < b.priority;
  return a.order < b.order;
}

/**
 * A counted resource (gate lanes, scanner lanes, cranes, chargers): `capacity` units, requests
 * served FIFO or by priority, optional preemption. It keeps, with no user code, time-weighted
 * statistics of queue length and busy units and a tally of waiting times (ms).
 */
export class Resource {
  readonly name: string;
  readonly discipline: 'fifo' | 'priority';
  /** Requests holding a unit (in no particular order). */
  readonly users: Request[] = objectArray();
  /** Units held through the hot-path API (`acquire`/`releaseUnit`), which have no Request. */
  private claimed = 0;
  private readonly fifo = new Deque<Waiter>();
  private readonly sorted: Waiter[] = objectArray();
  private readonly spareClaims: Claim[] = objectArray();
  private created = 0;
  /** Queue length over time. */
  readonly queueLength: CountOverTime;
  /** Busy units over time. */
  readonly busy: CountOverTime;
  /** Waiting time from request to grant, ms. */
  readonly waits = new Tally();

  constructor(
    readonly env: Environment,
    /** Number of units (a positive integer). */
    readonly capacity: number,
    options: ResourceOptions = {},
  ) {
    this.name = options.name ?? 'resource';
    if (!(Number.isInteger(capacity) && capacity > 0)) throw new RangeError(`${this.name}: capacity ${capacity} must be a positive integer`);
    this.discipline = options.discipline ?? 'fifo';
    this.queueLength = new CountOverTime(env.now, 0);
    this.busy = new CountOverTime(env.now, 0);
  }

  /** Units in use. */
  get count(): number {
    return this.users.length + this.claimed;
  }

  /** Requests waiting. */
  get queued(): number {
    return this.discipline === 'fifo' ? this.fifo.length : this.sorted.length;
  }

  /**
   * Requests a unit. `priority` (lower first) and `preempt` apply to the priority discipline; a
   * preempting request takes the unit of the lowest-priority, latest user if it ranks below it.
   */
  request(priority = 0, preempt = false): Request {
    if ((priority !== 0 || preempt) && this.discipline === 'fifo') priorityNeedsDiscipline(this.name, 'priority and preemption need');
    const req = new Request(this, priority, preempt, this.created++);
    if (this.count < this.capacity) {
      this.grant(req, true, true);
      return req;
    }
    if (preempt) {
      const victim = this.preemptionVictim();
      if (victim !== null && before(req, victim)) {
        this.removeUser(victim);
        this.busy.update(this.env.now, this.count);
        victim.status = 'preempted';
        const cause = new Preempted(req, victim.grantedAt, this);
        if (victim.usage !== null) victim.usage.preempted(cause);
        else victim.process?.interrupt(cause);
        this.grant(req, true, true);
        return req;
      }
    }
    this.enqueue(req);
    return req;
  }

  /**
   * The hot-path API: calls `onGrant(arg)` when a unit is granted — at once, inside this call, if
   * one is free, otherwise inside the `release`/`releaseUnit` that frees it (no event is scheduled
   * and no Request is made). Give the unit back with `releaseUnit()`. Such units are never
   * preempted. Waits are served in the same queue, in the same order, as `request`.
   */
  acquire<A>(onGrant: (arg: A) => void, arg: A, priority = 0): void {
    if (priority !== 0 && this.discipline === 'fifo') priorityNeedsDiscipline(this.name, 'priority needs');
    if (this.count < this.capacity) {
      this.claimed++;
      this.busy.update(this.env.now, this.count);
      this.waits.add(0);
      onGrant(arg);
      return;
    }
    this.queueClaim(onGrant, arg, priority);
  }

  /** `acquire` when no unit is free (out of line, for performance reasons: a smaller `acquire` is inlined into more callers). */
  private queueClaim<A>(onGrant: (arg: A) => void, arg: A, priority: number): void {
    const c = this.spareClaims.pop() ?? new Claim();
    c.fn = onGrant;
    c.arg = arg;
    c.priority = priority;
    c.order = this.created++;
    c.requestedAt = this.env.now;
    this.enqueue(c);
  }

  /**
   * Holds a unit for `workMs` of work as one event, which succeeds with the time spent queueing
   * (ms); a breakdown that preempts the unit only delays it (see Usage). With `admit`, a unit
   * granted while `admit()` is false is given back and the usage ends with -1.
   */
  use(workMs: number, priority = 0, admit: (() => boolean) | null = null): Usage {
    return new Usage(this.env, this, workMs, priority, admit);
  }

  /** Gives back a unit taken with `acquire`. */
  releaseUnit(): void {
    if (this.claimed === 0) noUnitHeld(this.name);
    this.claimed--;
    this.passOn();
  }

  private enqueue(w: Waiter): void {
    if (this.discipline === 'fifo') this.fifo.push(w);
    else this.sorted.splice(this.insertionIndex(w), 0, w);
    this.queueLength.update(this.env.now, this.queued);
  }

  /**
   * Gives back the unit held by `req`, or withdraws it if still queued. Releasing twice, or a
   * preempted request, does nothing, so `finally { resource.release(req) }` is always safe.
   */
  release(req: Request): void {
    if (req.resource !== this) throw new Error(`${this.name}: request belongs to ${req.resource.name}`);
    if (req.status === 'granted') {
      this.removeUser(req);
      req.status = 'released';
      this.passOn();
    } else if (req.status === 'queued') {
      const removed = this.discipline === 'fifo' ? this.fifo.remove(req) : this.removeSorted(req);
      if (removed) {
        req.status = 'cancelled';
        this.queueLength.update(this.env.now, this.queued);
      }
    }
  }

  /**
   * A unit was just given back (the count is lowered, `busy` not yet told): hands it to the first
   * waiter, or records it as free.
   *
   * For performance reasons a unit handed straight on skips `busy` altogether: its count dips by
   * one and comes back at the same instant, a dip held 0 ms that adds nothing to the time
   * integral (which, a sum of whole numbers, comes out the same to the last bit whether this
   * instant is recorded or not). The dip could only show in `busy.min`, so when it would lower
   * the minimum (after a reset) it is recorded as before.
   */
  private passOn(): void {
    const now = this.env.now;
    if (this.queued === 0 || this.count < this.busy.min) {
      this.busy.update(now, this.count);
      if (this.queued > 0) this.serveQueue();
      return;
    }
    const next = (this.discipline === 'fifo' ? this.fifo.shift() : this.sorted.shift())!;
    this.queueLength.update(now, this.queued);
    if (next instanceof Claim) this.grantClaim(next);
    else this.grant(next, false, false);
  }

  private serveQueue(): void {
    while (this.count < this.capacity) {
      const next = this.discipline === 'fifo' ? this.fifo.shift() : this.sorted.shift();
      if (next === undefined) break;
      this.queueLength.update(this.env.now, this.queued);
      // Tested as a Claim, the usual waiter of the hot path: its prototype is the first checked.
      if (!(next instanceof Claim)) this.grant(next, false, true);
      else {
        this.busy.update(this.env.now, this.count + 1);
        this.grantClaim(next);
      }
    }
  }

  /** Gives a unit to a waiting claim (`busy` is the caller's business) and calls it back. */
  private grantClaim(c: Claim): void {
    this.claimed++;
    this.waits.add(this.env.now - c.requestedAt);
    const fn = c.fn!;
    const arg = c.arg;
    c.fn = null;
    c.arg = undefined;
    this.spareClaims.push(c);
    fn(arg);
  }

  /**
   * Gives `req` a unit. A request granted as it is made (`immediate`) is complete when `request()`
   * returns, so `yield req` continues at once; one granted from the queue is an event scheduled
   * now, which resumes its waiting process after the events already due.
   */
  private grant(req: Request, immediate: boolean, recordBusy: boolean): void {
    req.status = 'granted';
    req.grantedAt = this.env.now;
    this.users.push(req);
    if (recordBusy) this.busy.update(this.env.now, this.count);
    this.waits.add(this.env.now - req.requestedAt);
    if (immediate) req.completeNow();
    else req.succeed();
  }

  private removeUser(req: Request): void {
    // Swap-remove: users are unordered (preemption ranks them explicitly), and splice is slow.
    const users = this.users;
    const i = users.indexOf(req);
    if (i >= 0) {
      const last = users.pop()!;
      if (i < users.length) users[i] = last;
    }
  }

  private preemptionVictim(): Request | null {
    let victim: Request | null = null;
    for (const u of this.users) if (victim === null || before(victim, u)) victim = u;
    return victim;
  }

  private insertionIndex(req: Waiter): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(this.sorted[mid]!, req)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private removeSorted(req: Request): boolean {
    const i = this.sorted.indexOf(req);
    if (i < 0) return false;
    this.sorted.splice(i, 1);
    return true;
  }

  /** Utilization (mean busy units / capacity), mean and max queue, and waits, up to now. */
  summary(): { utilization: number; meanQueue: number; maxQueue: number; meanWaitMs: number; served: number } {
    const now = this.env.now;
    return {
      utilization: this.busy.mean(now) / this.capacity,
      meanQueue: this.queueLength.mean(now),
      maxQueue: this.queueLength.max,
      meanWaitMs: this.waits.mean ?? 0,
      served: this.waits.count,
    };
  }
}

// The hot paths' errors, built out of line: for performance reasons, as message templates in
// `request`, `acquire` and `releaseUnit` would make them too large for V8 to inline into their callers.

function priorityNeedsDiscipline(name: string, what: string): never {
  throw new Error(`${name}: ${what} discipline 'priority'`);
}

function noUnitHeld(name: string): never {
  throw new Error(`${name}: releaseUnit() without a unit taken by acquire()`);
}
