import type { Environment } from './environment.ts';
import { Event, Interrupt, NORMAL, State, TAG, URGENT } from './event.ts';
import { objectArray } from './shapes.ts';

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
  /** The generator running: the body, or the innermost sub-task it yielded (see the constructor's `tasks`). */
  private running: Generator<unknown, unknown, any>;
  /**
   * With sub-tasks: the generators waiting for the one running to return, innermost last; null
   * for a plain process.
   */
  private readonly waiting: Generator<unknown, unknown, any>[] | null;

  constructor(
    env: Environment,
    body: ProcessBody<R>,
    /** A name for traces and error messages. */
    readonly name: string,
    /**
     * Whether a generator the body yields is a sub-task: `yield task` then means what `yield* task`
     * means (what reaches the kernel is what the task yields, the task's return value is what
     * `yield` returns, and its error is thrown there), but a resume runs the innermost task alone,
     * not every generator delegating to it. For performance reasons: with `yield*`, each resume
     * resumes (and suspends again, saving its registers) every generator of the chain.
     */
    tasks = false,
  ) {
    super(env);
    this.tag = TAG.PROCESS;
    this.running = body;
    this.waiting = tasks ? objectArray() : null;
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
    const waiting = this.waiting;
    for (;;) {
      let step: IteratorResult<unknown, unknown>;
      const gen = this.running;
      try {
        // A sub-task's methods are called directly, not looked up on it: see `GENERATOR_NEXT`.
        if (waiting === null) step = isError ? gen.throw(input) : gen.next(input);
        else step = isError ? GENERATOR_THROW.call(gen, input) : GENERATOR_NEXT.call(gen, input);
      } catch (error) {
        if (waiting === null || waiting.length === 0) {
          env.activeProcess = previous;
          this.fail(error);
          return;
        }
        // Into the task that yielded the one that threw.
        this.running = waiting.pop()!;
        input = error;
        isError = true;
        continue;
      }
      if (step.done === true) {
        if (waiting === null || waiting.length === 0) {
          env.activeProcess = previous;
          this.succeed(step.value as R);
          return;
        }
        this.running = waiting.pop()!;
        input = step.value;
        isError = false;
        continue;
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
      if (waiting !== null && isGenerator(y)) {
        waiting.push(gen);
        this.running = y;
        input = undefined;
        isError = false;
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

/**
 * What every generator object inherits from (through its function's `prototype`), and its methods.
 * A sub-task's are called directly, not looked up on it: for performance reasons, since every
 * generator function's objects have a map of their own, and the tasks of one process come from a
 * dozen generator functions (the fleet's, the yards'), so a look-up of `next` on a task missed V8's
 * caches often, at about 1 µs, as much as the rest of a resume.
 */
const GENERATOR_PROTOTYPE = Object.getPrototypeOf(Object.getPrototypeOf((function* () {})())) as Generator<unknown, unknown, any>;
const GENERATOR_NEXT = GENERATOR_PROTOTYPE.next;
const GENERATOR_THROW = GENERATOR_PROTOTYPE.throw;

/** Whether `y` is a generator object, by its prototype chain (no property look-up on `y`, as above). */
function isGenerator(y: unknown): y is Generator<unknown, unknown, any> {
  if (typeof y !== 'object' || y === null) return false;
  const own = Object.getPrototypeOf(y) as object | null;
  return own !== null && Object.getPrototypeOf(own) === GENERATOR_PROTOTYPE;
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
