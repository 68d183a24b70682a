import type { Environment } from './environment.ts';
import { Event, Interrupt, NORMAL, State, TAG, URGENT } from './event.ts';

/**
 * What a process generator may yield:
 * - a number: wait that many milliseconds (a non-negative integer); the fast path, no allocation;
 * - an Event (a timeout, a resource request, another process, a condition...): wait until it is
 *   processed; `yield` then returns its value, or throws its error if it failed.
 */
export type Yieldable = number | Event<any>;

/** A process body: a generator that yields what it waits for and returns the process's value. */
export type ProcessBody<R> = Generator<Yieldable, R, any>;

/**
 * A process, SimPy-style: drives a generator through simulated time. It is itself an event that
 * succeeds with the generator's return value (or fails with what it threw), so other processes can
 * wait for it. `interrupt` throws an `Interrupt` into it at the current time.
 */
export class Process<R = unknown> extends Event<R> {
  /** The event it waits for, if it waits for an event (null while sleeping on a number). */
  target: Event<any> | null = null;
  /** @internal Sequence number of the pending wake-up of a numeric sleep; -1 if none. */
  waitSeq = -1;
  /** @internal */ readonly resumeCb = (ev: Event<any>): void => this.resume(ev);
  private started = false;

  constructor(
    env: Environment,
    private readonly body: ProcessBody<R>,
    /** A name for traces and error messages. */
    readonly name: string,
  ) {
    super(env);
    this.tag = TAG.PROCESS;
    env.call(0, startProcess, this, URGENT, TAG.INIT);
  }

  /** True until the generator has returned or thrown. */
  get isAlive(): boolean {
    return this.state === State.Pending;
  }

  /**
   * Throws `new Interrupt(cause)` into the process at the current simulated time (before the other
   * events due now). What it waited for is abandoned: a resource request stays queued until the
   * process releases or cancels it, which is what `try … finally` in the body is for.
   */
  interrupt(cause?: unknown): void {
    if (!this.isAlive) throw new Error(`process '${this.name}' has ended and cannot be interrupted`);
    if (this.env.activeProcess === this) throw new Error(`process '${this.name}' cannot interrupt itself`);
    this.env.call(0, deliverInterrupt, { process: this, cause }, URGENT, TAG.INTERRUPT);
  }

  /** @internal Resumes after the awaited event was processed. */
  resume(ev: Event<any>): void {
    this.target = null;
    if (ev.ok) this.advance(ev.payload, false);
    else {
      ev.defused = true;
      this.advance(ev.payload, true);
    }
  }

  /** @internal Runs the generator until it yields something to wait for, returns or throws. */
  advance(input: unknown, isError: boolean): void {
    const env = this.env;
    const previous = env.activeProcess;
    env.activeProcess = this;
    this.started = true;
    for (;;) {
      let step: IteratorResult<Yieldable, R>;
      try {
        step = isError ? this.body.throw(input) : this.body.next(input);
      } catch (error) {
        env.activeProcess = previous;
        this.fail(error);
        return;
      }
      if (step.done) {
        env.activeProcess = previous;
        this.succeed(step.value);
        return;
      }
      const y = step.value;
      if (typeof y === 'number') {
        // For performance reasons a numeric sleep is a plain callback, not a Timeout object.
        if (!(y >= 0 && y - Math.floor(y) === 0)) {
          input = new RangeError(`process '${this.name}' yielded ${y}: a delay must be a non-negative integer (ms)`);
          isError = true;
          continue;
        }
        this.waitSeq = env.enqueue(y, wakeProcess, this, NORMAL, TAG.WAKE);
        break;
      }
      if (y instanceof Event) {
        if (y.env !== env) {
          input = new Error(`process '${this.name}' yielded an event of another environment`);
          isError = true;
          continue;
        }
        if (!y.processed) {
          y.addCallback(this.resumeCb);
          this.target = y;
          break;
        }
        // Already processed: continue at once with its outcome.
        if (!y.ok) y.defused = true;
        input = y.payload;
        isError = !y.ok;
        continue;
      }
      input = new TypeError(`process '${this.name}' yielded ${String(y)}: yield a delay in ms or an Event`);
      isError = true;
    }
    env.activeProcess = previous;
  }

  /** @internal */
  get hasStarted(): boolean {
    return this.started;
  }
}

function startProcess(p: Process<any>): void {
  if (p.isAlive && !p.hasStarted) p.advance(undefined, false);
}

function wakeProcess(p: Process<any>, seq: number): void {
  // A stale wake-up (the process was interrupted while sleeping) is ignored.
  if (p.waitSeq !== seq) return;
  p.waitSeq = -1;
  p.advance(undefined, false);
}

function deliverInterrupt(x: { process: Process<any>; cause: unknown }): void {
  const p = x.process;
  if (!p.isAlive) return;
  if (p.target !== null) {
    p.target.removeCallback(p.resumeCb);
    p.target = null;
  }
  p.waitSeq = -1;
  p.advance(new Interrupt(x.cause), true);
}
