/**
 * Lockstep decisions: a controller outside the simulation (another process, another language)
 * decides for a role (IGV dispatch, yard planning) while simulated time waits for it.
 *
 * Every decision, live or replayed, reaches the model the same way: when the model asks, a delivery
 * callback is scheduled at the current time (`env.call(0, …)`), and that callback hands the decision
 * over. Live, the lockstep also stops the running `advanceTo` right after the current event, and the
 * host (the server) does not advance again until it has put a decision in place (the controller's
 * answer, or the built-in strategy's after a timeout); replayed, the decision comes from the log at
 * once. The scheduled events are the same either way, so a replay gives the live run's `traceHash`.
 *
 * The log also records when a role was taken over and given back (between two `advanceTo` calls of
 * the host), so the replay switches at the same simulated instants. Times are simulation ms.
 */

import type { Environment } from '../kernel/environment.ts';

/** How a logged decision was made. */
export type DecisionSource = 'controller' | 'fallback';

export type DecisionLogEntry =
  /** From `t` on (after every event at or before `t`), `role` is decided outside (`on`) or built in. */
  | { kind: 'control'; role: string; t: number; on: boolean }
  | { kind: 'decision'; seq: number; role: string; t: number; decision: unknown; source: DecisionSource };

/** A decision the simulation is waiting for (live). */
export interface PendingDecision {
  seq: number;
  role: string;
  t: number;
  request: unknown;
}

interface Slot {
  seq: number;
  role: string;
  decision: unknown;
  ready: boolean;
  done: (decision: never) => void;
  fallback: () => unknown;
}

/** Thrown when a replay reaches a decision the log does not hold or holds for another role. */
export class ReplayDivergedError extends Error {}

export class Lockstep {
  /** Every control change and decision, in order. */
  readonly log: DecisionLogEntry[] = [];
  private readonly controlled = new Set<string>();
  private seq = 0;
  /** Decisions asked and not yet made, oldest first (two may be asked within one event). */
  private readonly pending: Array<{ slot: Slot; info: PendingDecision }> = [];
  /** Replay: the log's decisions in order, and the next control change to apply. */
  private readonly replayDecisions: Array<Extract<DecisionLogEntry, { kind: 'decision' }>> = [];
  private readonly replayControls: Array<Extract<DecisionLogEntry, { kind: 'control' }>> = [];
  private replayNext = 0;

  private constructor(
    private readonly env: Environment,
    private readonly replaying: boolean,
  ) {}

  /** A live lockstep: decisions come from {@link answer} (or {@link fallBack}). */
  static live(env: Environment): Lockstep {
    return new Lockstep(env, false);
  }

  /**
   * A replay of `log`: decisions come from it in order; control changes apply as the host passes
   * their times (call {@link applyControlsUpTo} after each `advanceTo`, or use {@link nextControlTime}).
   */
  static replay(env: Environment, log: readonly DecisionLogEntry[]): Lockstep {
    const l = new Lockstep(env, true);
    for (const e of log) {
      if (e.kind === 'decision') l.replayDecisions.push(e);
      else l.replayControls.push(e);
    }
    l.applyControlsUpTo(env.now);
    return l;
  }

  /** Whether `role` is decided outside now. */
  controls(role: string): boolean {
    return this.controlled.has(role);
  }

  /** Live: the host takes `role` over (`on`) or gives it back, between two `advanceTo` calls. */
  setControl(role: string, on: boolean): void {
    if (this.replaying) throw new Error('a replay takes its control changes from the log');
    if (on === this.controlled.has(role)) return;
    if (on) this.controlled.add(role);
    else this.controlled.delete(role);
    this.log.push({ kind: 'control', role, t: this.env.now, on });
  }

  /** Replay: time (ms) of the next control change, Infinity when none is left. */
  nextControlTime(): number {
    return this.replayControls[0]?.t ?? Infinity;
  }

  /** Replay: applies every control change of the log at or before `t`. */
  applyControlsUpTo(t: number): void {
    while (this.replayControls.length > 0 && this.replayControls[0]!.t <= t) {
      const c = this.replayControls.shift()!;
      if (c.on) this.controlled.add(c.role);
      else this.controlled.delete(c.role);
      this.log.push(c);
    }
  }

  /**
   * The model asks for a decision of `role`. `done` receives it in a callback scheduled now
   * (before any later event). `fallback` computes the built-in strategy's decision, used when the
   * controller does not answer in time or answers nonsense.
   */
  ask<D>(role: string, request: unknown, fallback: () => D, done: (decision: D) => void): void {
    const seq = ++this.seq;
    const slot: Slot = { seq, role, decision: undefined, ready: false, done: done as (d: never) => void, fallback };
    if (this.replaying) {
      const entry = this.replayDecisions[this.replayNext++];
      if (entry === undefined || entry.role !== role || entry.seq !== seq) {
        throw new ReplayDivergedError(`replay diverged at decision ${seq} (${role}, t = ${this.env.now} ms): the log has ${entry === undefined ? 'no more decisions' : `decision ${entry.seq} for ${entry.role} at ${entry.t} ms`}`);
      }
      slot.decision = entry.decision;
      slot.ready = true;
      this.log.push(entry);
      this.env.call(0, deliver, slot);
      return;
    }
    this.env.call(0, deliver, slot);
    this.pending.push({ slot, info: { seq, role, t: this.env.now, request } });
    // Freeze simulated time: the running advanceTo returns after the current event.
    this.env.stop();
  }

  /** The (oldest) decision the simulation waits for, or null. */
  get waiting(): PendingDecision | null {
    return this.pending[0]?.info ?? null;
  }

  /** Live: the controller's answer to the pending decision `seq` (validated by the caller). */
  answer(seq: number, decision: unknown): void {
    this.settle(seq, decision, 'controller');
  }

  /** Live: no usable answer: the built-in strategy decides. Returns its decision. */
  fallBack(seq: number): unknown {
    const slot = this.pending[0]?.slot;
    if (slot === undefined || slot.seq !== seq) throw new Error(`no pending decision ${seq}`);
    const d = slot.fallback();
    this.settle(seq, d, 'fallback');
    return d;
  }

  private settle(seq: number, decision: unknown, source: DecisionSource): void {
    const slot = this.pending[0]?.slot;
    if (slot === undefined || slot.seq !== seq) throw new Error(`no pending decision ${seq}`);
    slot.decision = decision;
    slot.ready = true;
    this.log.push({ kind: 'decision', seq, role: slot.role, t: this.env.now, decision, source });
    this.pending.shift();
  }
}

function deliver(slot: Slot): void {
  // The host never advances while a decision is pending, so the slot is always filled here.
  if (!slot.ready) throw new Error(`decision ${slot.seq} (${slot.role}) delivered before it was made`);
  slot.done(slot.decision as never);
}
