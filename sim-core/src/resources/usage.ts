import type { Environment } from '../kernel/environment.ts';
import { Event, NORMAL, TAG, URGENT } from '../kernel/event.ts';
import { F64_ZERO, f64 } from '../kernel/shapes.ts';
import type { Preempted, Request, Resource } from './resource.ts';

/**
 * Holding one unit of a resource for an amount of work (a gate passage, a scan, a crane move),
 * as one event: it succeeds, with the time spent queueing (ms), when the work is done. When a
 * breakdown preempts the unit, the usage queues again and finishes its remaining work on a unit
 * that works: delayed, never lost, and the waiting process never sees the interruption.
 *
 * For performance reasons this is a small state machine driven by callbacks rather than a
 * generator the caller delegates to: the model's hot paths wait on it with a single `yield`.
 */
export class Usage extends Event<number> {
  /** Work left, ms. */
  private remaining: number;
  private queued = F64_ZERO;
  private asked = F64_ZERO;
  private started = F64_ZERO;
  private req: Request | null = null;
  /** Sequence number of the scheduled end of work; a stale end (after a preemption) is ignored. */
  private endSeq = -1;

  constructor(
    env: Environment,
    readonly resource: Resource,
    workMs: number,
    readonly priority: number,
    /** Checked when a unit is granted: false gives it back and ends the usage with -1 (a gate that closed). */
    private readonly admit: (() => boolean) | null,
  ) {
    super(env);
    this.tag = TAG.EVENT;
    // Written twice, with different values, on purpose: V8 takes a field written once for a
    // constant, and the first preemption of a run (a breakdown, hours in) would throw away the
    // optimized code that read it.
    this.remaining = NaN;
    this.remaining = f64(workMs);
    this.ask();
  }

  private ask(): void {
    const r = this.resource;
    this.asked = this.env.now;
    const req = r.discipline === 'priority' ? r.request(this.priority) : r.request();
    // The request knows its usage, and the grant's callback is a plain function: for performance
    // reasons, as two closures (for the grant and for a preemption) were made with every usage.
    req.usage = this;
    this.req = req;
    if (req.processed) this.granted();
    else req.addCallback(usageGranted);
  }

  /** @internal A unit was granted to the usage's request. */
  granted(): void {
    const now = this.env.now;
    this.queued += now - this.asked;
    if (this.admit !== null && !this.admit()) {
      this.resource.release(this.req!);
      this.req = null;
      this.settle(true, -1, NORMAL);
      return;
    }
    this.started = now;
    this.endSeq = this.env.enqueue(this.remaining, finishUsage, this, NORMAL, TAG.WAKE);
  }

  /** @internal The scheduled end of work. */
  finish(seq: number): void {
    if (seq !== this.endSeq) return;
    this.endSeq = -1;
    this.resource.release(this.req!);
    this.req = null;
    this.fireNow(this.queued);
  }

  /** @internal The usage's unit was taken by a request of higher priority (inside that request's `request()`). */
  preempted(_p: Preempted): void {
    // Called inside the preemptor's request(): queue again only after it has the unit.
    this.remaining -= this.env.now - this.started;
    this.endSeq = -1;
    this.req = null;
    this.env.enqueue(0, restartUsage, this, URGENT, TAG.INTERRUPT);
  }

  /** @internal Queues again for the remaining work after a preemption. */
  restart(): void {
    this.ask();
  }
}

/** The callback on a queued usage's request: its unit is granted. */
function usageGranted(req: Event<void>): void {
  (req as Request).usage!.granted();
}

function finishUsage(u: Usage, seq: number): void {
  u.finish(seq);
}

function restartUsage(u: Usage): void {
  u.restart();
}
