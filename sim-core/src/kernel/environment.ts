import { Condition, Event, NORMAL, TAG, Timeout, processEvent, type FirstOf } from './event.ts';
import type { Action } from './event-queue.ts';
import { EventQueue, MAX_PRIORITY } from './event-queue.ts';
import { f64 } from './shapes.ts';
import { Process, type ProcessBody } from './sim-process.ts';
import { checkDelay, checkTime } from './time.ts';
import { TraceHash } from './trace-hash.ts';

/** Largest trace tag: the canonical record holds it in the 20 bits above the sequence's high word. */
const MAX_TAG = 2 ** 20 - 1;
/** 2^-32: the high 32-bit word of an integer below 2^53 is ⌊x · 2^-32⌋. */
const INV_2_32 = 1 / 4294967296;

/** Listens to everything the kernel processes (trace files, streaming, debugging). */
export interface TraceSink {
  /** Called for every processed event, before its action runs. Time in ms. */
  event?(time: number, priority: number, seq: number, tag: number): void;
  /** Called for every domain record a model writes with `Environment.record`. */
  record?(time: number, code: number, values: readonly number[]): void;
}

export interface EnvironmentOptions {
  /** Start time in ms (default 0). */
  initialTime?: number;
}

/**
 * The simulation kernel: the clock, the event list, and the loop that processes events in the
 * documented total order (time, priority, sequence). Everything else (resources, models, control
 * logic, statistics) lives around it and talks to it through `call`, `schedule` and processes.
 */
export class Environment {
  /** Current simulated time, integer milliseconds since the scenario start. */
  now: number;
  /** The process whose generator is running right now, if any. */
  activeProcess: Process<any> | null = null;
  /** Number of events processed so far. */
  processed = 0;
  private readonly queue: EventQueue;
  private readonly hash = new TraceHash();
  private sinks: TraceSink[] = [];
  private stopRequested = false;

  constructor(options: EnvironmentOptions = {}) {
    const t0 = options.initialTime ?? 0;
    checkTime(t0, 'initialTime');
    this.now = f64(t0);
    this.queue = new EventQueue();
  }

  // ---- scheduling ---------------------------------------------------------------------------

  /**
   * Calls `action(arg, seq)` after `delay` ms: the hot-path API, no Event object is created.
   * Returns the entry's sequence number (a token the caller can keep to ignore a stale call).
   * `priority` is an integer 0..255 (lower first among calls due at the same ms); `tag` (an
   * integer 0..2^20-1, `TAG.USER` upwards for a model's own kinds) says in the trace what it was.
   */
  call<A>(delay: number, action: (arg: A, seq: number) => void, arg?: A, priority: number = NORMAL, tag: number = TAG.CALL): number {
    // One test for all three arguments, the messages out of line: for performance reasons, as
    // a smaller `call` is inlined into more of the hot paths that schedule. A masked integer
    // equals itself exactly when it is an integer in 0..mask (NaN and fractions fail).
    if (!(delay >= 0 && delay - Math.floor(delay) === 0 && (priority & MAX_PRIORITY) === priority && (tag & MAX_TAG) === tag)) badCall(delay, priority, tag);
    return this.queue.push(this.now + delay, priority, tag, action as Action, arg);
  }

  /** Calls `action(arg, seq)` at absolute time `time` (ms, not in the past). */
  callAt<A>(time: number, action: (arg: A, seq: number) => void, arg?: A, priority: number = NORMAL, tag: number = TAG.CALL): number {
    if (time < this.now) throw new RangeError(`time ${time} is in the past (now ${this.now})`);
    return this.call(time - this.now, action, arg, priority, tag);
  }

  /**
   * @internal Schedules a triggered event to be processed after `delay` ms. Callers have checked
   * delay and priority already (Timeout checks the delay it is given), so this skips `call`'s checks.
   */
  schedule(event: Event<any>, priority: number, delay: number): void {
    this.queue.push(this.now + delay, priority, event.tag, processEvent, event);
  }

  /** @internal `call` without the argument checks, for kernel code that has made them. */
  enqueue<A>(delay: number, action: (arg: A, seq: number) => void, arg: A, priority: number, tag: number): number {
    return this.queue.push(this.now + delay, priority, tag, action as Action, arg);
  }

  /** A new pending event, to be triggered with `succeed` or `fail`. */
  event<T = unknown>(): Event<T> {
    return new Event<T>(this);
  }

  /** An event that succeeds with `value` after `delay` ms (a non-negative integer). */
  timeout<T = undefined>(delay: number, value?: T): Timeout<T> {
    return new Timeout<T>(this, delay, value);
  }

  /** Starts a process from a generator; it begins at the current time, before normal events. */
  process<R>(body: ProcessBody<R>, name = 'process'): Process<R> {
    return new Process<R>(this, body, name);
  }

  /** An event that succeeds with all values (in list order) once every event has succeeded. */
  allOf(events: ReadonlyArray<Event<any>>): Event<unknown[]> {
    return new Condition<unknown[]>(this, events, true);
  }

  /** An event that succeeds with the first of `events` to be processed. */
  anyOf(events: ReadonlyArray<Event<any>>): Event<FirstOf> {
    return new Condition<FirstOf>(this, events, false);
  }

  // ---- running --------------------------------------------------------------------------------

  /** Time (ms) of the next event, or Infinity if none is scheduled. */
  peek(): number {
    return this.queue.peekTime();
  }

  /** Number of events waiting in the event list. */
  get pending(): number {
    return this.queue.size;
  }

  /** Processes the next event. Returns false if there was none. */
  step(): boolean {
    const e = this.queue.take();
    if (e === null) return false;
    const time = e.time;
    const seq = e.seq;
    const priority = e.priority;
    const tag = e.tag;
    const action = e.action!;
    const arg = e.arg;
    // The entry is recycled: it must keep nothing alive.
    e.action = undefined;
    e.arg = undefined;
    this.now = time;
    this.processed++;
    // Canonical trace record, 4 words: time low, time high | priority, seq low, seq high | tag.
    // time < 2^53 so its high word < 2^21; seq < 2^44 so its high word < 2^12.
    // Scaling by 2^-32 is exact, and a multiplication is cheaper than the division it replaces.
    // The words go in as signed 32-bit integers (`| 0`, the same bits as `>>> 0`, and the hash
    // only mixes bits): for performance reasons, since an unsigned word ≥ 2^31 is no small
    // integer, and handed to word4 (too large for V8 to inline here) it would be boxed in a
    // fresh heap number for half of all events once the clock passes 2^31 ms.
    this.hash.word4(time | 0, ((time * INV_2_32) >>> 0) | (priority << 21), seq | 0, ((seq * INV_2_32) >>> 0) | (tag << 12));
    if (this.sinks.length > 0) this.notifySinks(time, priority, seq, tag);
    action(arg, seq);
    return true;
  }

  /** Kept out of `step` (a loop over sinks is sizeable bytecode) so that `step` stays small enough to inline. */
  private notifySinks(time: number, priority: number, seq: number, tag: number): void {
    for (const s of this.sinks) s.event?.(time, priority, seq, tag);
  }

  /**
   * Runs the simulation.
   * - `run()`: until no event is left or `stop()` is called;
   * - `run(t)`: processes every event before time `t` (ms), then sets the clock to `t`;
   * - `run(event)`: until that event has been processed (its value is returned).
   */
  run(until?: number | Event<any>): unknown {
    this.stopRequested = false;
    const q = this.queue;
    if (until === undefined) {
      while (!this.stopRequested && this.step());
      return undefined;
    }
    if (typeof until === 'number') {
      checkTime(until, 'until');
      if (until < this.now) throw new RangeError(`until (${until} ms) is before now (${this.now} ms)`);
      while (!this.stopRequested && q.peekTime() < until) this.step();
      if (!this.stopRequested) this.now = until;
      return undefined;
    }
    while (!this.stopRequested && !until.processed) {
      if (!this.step()) throw new Error('no events left but the "until" event was never processed');
    }
    return until.processed ? until.value : undefined;
  }

  /**
   * Processes every event up to and including time `t` (ms), then sets the clock to `t`: how a
   * server paces the kernel against the wall clock. Returns false if `stop()` interrupted it.
   */
  advanceTo(t: number): boolean {
    checkTime(t, 't');
    if (t < this.now) throw new RangeError(`cannot advance to ${t} ms: now is ${this.now} ms`);
    this.stopRequested = false;
    const q = this.queue;
    while (!this.stopRequested && q.peekTime() <= t) this.step();
    if (this.stopRequested) return false;
    this.now = t;
    return true;
  }

  /** Makes the running `run`/`advanceTo` return after the event being processed. */
  stop(): void {
    this.stopRequested = true;
  }

  // ---- observation ----------------------------------------------------------------------------

  /** Attaches a trace sink; returns a function that detaches it. */
  addTraceSink(sink: TraceSink): () => void {
    this.sinks = [...this.sinks, sink];
    return () => {
      this.sinks = this.sinks.filter((s) => s !== sink);
    };
  }

  /**
   * Writes a domain record into the trace (and the trace hash): a code saying what happened and
   * up to two numbers saying to what, e.g. (TRUCK_ARRIVED, truckId). Models use it so that the
   * trace reflects decisions, not only event timing. (Fixed arity: no array per call.)
   */
  record(code: number, a?: number, b?: number): void {
    const n = a === undefined ? 0 : b === undefined ? 1 : 2;
    const h = this.hash;
    h.word(0xffff0000 | (code & 0xffff));
    h.word(n);
    if (n > 0) h.number(a!);
    if (n > 1) h.number(b!);
    if (this.sinks.length > 0) {
      const values = n === 0 ? [] : n === 1 ? [a!] : [a!, b!];
      for (const s of this.sinks) s.record?.(this.now, code, values);
    }
  }

  /** 64-bit hash (16 hex digits) of every event processed and every record written so far. */
  get traceHash(): string {
    return this.hash.hex();
  }
}

/** Throws the error naming which argument of `call` is wrong. */
function badCall(delay: number, priority: number, tag: number): never {
  checkDelay(delay);
  if (!(priority >= 0 && priority <= MAX_PRIORITY && (priority | 0) === priority)) throw new RangeError(`priority ${priority} must be an integer 0..${MAX_PRIORITY}`);
  throw new RangeError(`tag ${tag} must be an integer 0..${MAX_TAG}`);
}
