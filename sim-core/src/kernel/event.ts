import type { Environment } from './environment.ts';
import { checkDelay } from './time.ts';

/** Priorities of scheduled events: lower runs first among events at the same time. */
export const URGENT = 0;
export const NORMAL = 1;

/**
 * Trace tags: what kind of event an entry of the event list is. They are part of the traced
 * record of every processed event (and so of `traceHash`). Models may use their own tags from
 * `TAG.USER` upwards for plain callbacks.
 */
export const TAG = {
  CALL: 0,
  EVENT: 1,
  TIMEOUT: 2,
  INIT: 3,
  WAKE: 4,
  INTERRUPT: 5,
  PROCESS: 6,
  CONDITION: 7,
  REQUEST: 8,
  STORE_PUT: 9,
  STORE_GET: 10,
  CONTAINER_PUT: 11,
  CONTAINER_GET: 12,
  USER: 16,
} as const;

/** Life cycle of an event: pending → triggered (scheduled) → processed (callbacks ran). */
export const State = { Pending: 0, Triggered: 1, Processed: 2 } as const;
type State = (typeof State)[keyof typeof State];

export type Callback<T> = (event: Event<T>) => void;

/**
 * Something that happens at a point of simulated time, SimPy-style. It is pending until triggered
 * with `succeed` or `fail`, which schedules it; when the kernel processes it, its callbacks run
 * in the order they were added. A failed event that nobody handles stops the run with its error.
 */
export class Event<T = unknown> {
  // Callbacks to run when processed. Most events have exactly one (the waiting process), so the
  // first lives in a field and only further ones allocate an array.
  private first: Callback<T> | null = null;
  private more: Array<Callback<T>> | null = null;
  /** True unless the event failed. */
  ok = true;
  /** Set by whoever handles a failure so that the kernel does not raise it. */
  defused = false;
  /** Trace tag used when the event is scheduled. */
  tag: number = TAG.EVENT;
  /** @internal */ state: State = State.Pending;
  /** @internal */ payload: unknown = undefined;

  constructor(readonly env: Environment) {}

  /** True once `succeed` or `fail` was called. */
  get triggered(): boolean {
    return this.state !== State.Pending;
  }

  /** True once the kernel has processed it and run its callbacks. */
  get processed(): boolean {
    return this.state === State.Processed;
  }

  /** The value it succeeded with (throws if it failed or is still pending). */
  get value(): T {
    if (this.state === State.Pending) throw new Error('value of an event that has not been triggered');
    if (!this.ok) throw this.payload;
    return this.payload as T;
  }

  /** The error it failed with, or undefined. */
  get error(): unknown {
    return this.ok ? undefined : this.payload;
  }

  /** Triggers the event as successful now; it is processed after the events already due now. */
  succeed(value?: T, priority: number = NORMAL): this {
    this.settle(true, value, priority);
    return this;
  }

  /** Triggers the event as failed now with `error`. */
  fail(error: unknown, priority: number = NORMAL): this {
    this.settle(false, error, priority);
    return this;
  }

  /** Runs `callback` when the event is processed. Throws if it has already been processed. */
  addCallback(callback: Callback<T>): this {
    if (this.state === State.Processed) throw new Error('callback added to an event that was already processed');
    if (this.first === null && this.more === null) this.first = callback;
    else (this.more ??= []).push(callback);
    return this;
  }

  /** Removes a callback added earlier (no-op if absent). */
  removeCallback(callback: Callback<T>): void {
    if (this.first === callback) {
      this.first = null;
      return;
    }
    const i = this.more?.indexOf(callback) ?? -1;
    if (i >= 0) this.more!.splice(i, 1);
  }

  /** @internal Runs the callbacks in the order they were added (first, then the others). */
  runCallbacks(): void {
    const first = this.first;
    const more = this.more;
    this.first = null;
    this.more = null;
    this.state = State.Processed;
    if (first !== null) first(this);
    if (more !== null) for (let i = 0; i < more.length; i++) more[i]!(this);
  }

  /**
   * @internal Completes a just-created event at once, without a trip through the event list: for
   * an outcome known when the event is made (a resource unit that is free), which nobody can be
   * waiting on yet. A process yielding it continues immediately.
   */
  completeNow(value?: T): void {
    if (this.state !== State.Pending || this.first !== null || this.more !== null) throw new Error('completeNow on an event that is triggered or awaited');
    this.payload = value;
    this.state = State.Processed;
  }

  /**
   * @internal Succeeds and processes the event at once: its callbacks run now, inside the action
   * the kernel is processing (for an event whose moment is that action's, e.g. the scheduled end
   * of a resource usage).
   */
  fireNow(value?: T): void {
    if (this.state !== State.Pending) throw new Error('fireNow on an event that is already triggered');
    this.payload = value;
    this.runCallbacks();
  }

  /** @internal Marks the event triggered with `payload` and schedules it after `delay` ms. */
  settle(ok: boolean, payload: unknown, priority: number, delay = 0): void {
    if (this.state !== State.Pending) throw new Error(`event already triggered (${ok ? 'succeed' : 'fail'} called twice)`);
    this.ok = ok;
    this.payload = payload;
    this.state = State.Triggered;
    this.env.schedule(this, priority, delay);
  }
}

/** @internal The kernel's action for a scheduled Event: run its callbacks. */
export function processEvent(event: Event<any>): void {
  event.runCallbacks();
  if (!event.ok && !event.defused) throw event.payload;
}

/** An event that succeeds `delay` ms after it is created. */
export class Timeout<T = undefined> extends Event<T> {
  constructor(env: Environment, readonly delay: number, value?: T) {
    super(env);
    this.tag = TAG.TIMEOUT;
    checkDelay(delay);
    this.settle(true, value, NORMAL, delay);
  }
}

/** Thrown into a process that another process interrupted; `cause` says why. */
export class Interrupt extends Error {
  constructor(override readonly cause: unknown) {
    super(`interrupted${cause === undefined ? '' : `: ${describe(cause)}`}`);
    this.name = 'Interrupt';
  }
}

function describe(x: unknown): string {
  if (typeof x === 'string') return x;
  if (x instanceof Error) return x.message;
  try {
    return JSON.stringify(x) ?? String(x);
  } catch {
    return String(x);
  }
}

/** Result of `anyOf`: which event (index in the list given) fired first, and its value. */
export interface FirstOf {
  index: number;
  value: unknown;
}

/**
 * Waits for all (or any) of a list of events. It fails as soon as one of them fails; for `all` it
 * succeeds with their values in list order, for `any` with the first processed one.
 */
export class Condition<T> extends Event<T> {
  private count = 0;
  private readonly check = (ev: Event<unknown>): void => this.onEvent(ev);

  constructor(env: Environment, private readonly events: ReadonlyArray<Event<any>>, private readonly all: boolean) {
    super(env);
    this.tag = TAG.CONDITION;
    for (const ev of events) {
      if (ev.env !== env) throw new Error('a condition cannot mix events of different environments');
    }
    if (events.length === 0) {
      this.succeed((all ? [] : { index: -1, value: undefined }) as T);
      return;
    }
    for (const ev of events) {
      if (ev.processed) this.onEvent(ev);
      else ev.addCallback(this.check);
    }
  }

  private onEvent(ev: Event<unknown>): void {
    if (this.triggered) return;
    if (!ev.ok) {
      ev.defused = true;
      this.fail(ev.error);
      return;
    }
    this.count++;
    if (!this.all) {
      this.succeed({ index: this.events.indexOf(ev), value: ev.value } as T);
    } else if (this.count === this.events.length) {
      this.succeed(this.events.map((e) => e.value) as T);
    }
  }
}
