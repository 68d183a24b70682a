/**
 * One live simulation, paced against the wall clock: the body of a session's worker thread (and
 * usable in-thread by tests). The simulation rate and the send rate are apart (Colyseus' Room):
 * a tick every ~16 ms advances the model to wall time × speed with `env.advanceTo`, while visual
 * events collect and leave as one batch every `batchMs`, a KPI frame every `kpiMs`, a clock
 * state every second. The runner keeps the visual state of everything it sent, so a snapshot for a
 * joining client is consistent with the batches that follow it.
 *
 * Lockstep: when the model asks an external controller, the lockstep stops `advanceTo`; the runner
 * posts the request and advances no further until the session answers or falls back.
 */

import { CrossingModel } from '../../sim-core/src/model/crossing-model.ts';
import { fromScenario } from '../../sim-core/src/model/from-scenario.ts';
import { FifoCranes, ImportFirstCranes } from '../../sim-core/src/model/control/crane-scheduler.ts';
import { Lockstep } from '../../sim-core/src/stream/lockstep.ts';
import { lockstepDispatchPort } from '../../sim-core/src/stream/lockstep-dispatch.ts';
import { createDispatcher } from '../../sim-core/src/fleet/dispatch/registry.ts';
import { forWire } from '../../sim-core/src/stream/wire-rounding.ts';
import { Placement } from '../../sim-core/src/stream/placement.ts';
import type { ClockState, ResetReason, Speed } from '../../sim-core/src/stream/protocol.ts';
import type { VisualEvent } from '../../sim-core/src/stream/visual-events.ts';
import { applyVisualEvent, createVisualTable, snapshotAt, type VisualTable } from '../../sim-core/src/stream/visual-state.ts';
import { AlertTracker, kpiFrameOf } from '../../sim-core/src/stream/kpi-frame.ts';
import type { FromRunner, RunSpec, ToRunner } from './runner-messages.ts';

/** Wall ms between simulation steps. */
const TICK_MS = 16;
/** Wall ms of simulation work per tick before the runner yields to its message queue. */
const WORK_BUDGET_MS = 40;
/** Simulated ms per `advanceTo` call at 'max' speed, so the budget is checked often. */
const MAX_SPEED_CHUNK_MS = 5_000;
const CLOCK_MS = 1000;

/** Wall time in ms since the epoch with sub-ms resolution, the same clock in every thread. */
function epochMs(): number {
  return performance.timeOrigin + performance.now();
}

export class SimRunner {
  private model: CrossingModel | null = null;
  private lockstep: Lockstep | null = null;
  private table: VisualTable = createVisualTable();
  private events: VisualEvent[] = [];
  private batchFrom = 0;
  private spec: RunSpec | null = null;
  private horizonMs = 0;
  private speed: Speed = 60;
  private paused = false;
  private ended = false;
  private anchorWall = 0;
  private anchorSim = 0;
  private lastBatch = 0;
  private lastKpi = -Infinity;
  private lastClock = 0;
  private alerts = new AlertTracker();
  /** Sequence of the decision request last posted (posted once each). */
  private askedSeq = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Wall time (epoch ms) of the tick that produced the first event of the batch being collected. */
  private firstEventAt = -1;

  constructor(
    private readonly post: (message: FromRunner) => void,
    private readonly wall: () => number = () => performance.now(),
  ) {}

  handle(m: ToRunner): void {
    try {
      this.dispatch(m);
    } catch (e) {
      this.fail(e);
    }
  }

  private dispatch(m: ToRunner): void {
    switch (m.type) {
      case 'start':
        this.build(m.spec);
        this.schedule();
        return;
      case 'restart':
        this.flush();
        this.build(m.spec);
        this.post({ type: 'reset', reason: m.reason, seed: m.spec.seed, snapshot: snapshotAt(this.table, this.model!.env.now), clock: this.clock() });
        this.schedule();
        return;
      case 'play':
        this.paused = false;
        this.anchor();
        this.postClock();
        return;
      case 'pause':
        this.paused = true;
        this.postClock();
        return;
      case 'speed':
        this.speed = m.speed;
        this.anchor();
        this.postClock();
        return;
      case 'jump':
        this.jump(m.t);
        return;
      case 'snapshot':
        this.flush();
        this.post({ type: 'snapshot', requestId: m.requestId, snapshot: snapshotAt(this.table, this.model!.env.now), clock: this.clock() });
        return;
      case 'control':
        this.pendingControls.push(m);
        this.applyControls();
        return;
      case 'answer':
        if (this.lockstep!.waiting?.seq !== m.seq) return;
        this.lockstep!.answer(m.seq, m.decision);
        this.resumeAfterDecision();
        return;
      case 'fallback': {
        const w = this.lockstep!.waiting;
        if (w?.seq !== m.seq) return;
        this.lockstep!.fallBack(m.seq);
        this.post({ type: 'fellBack', seq: m.seq, role: w.role, t: w.t, reason: m.reason });
        this.resumeAfterDecision();
        return;
      }
      case 'set-strategy':
        this.model!.controllers.crane = m.strategy === 'import-first' ? new ImportFirstCranes() : new FifoCranes();
        return;
      case 'log':
        this.post({ type: 'log', requestId: m.requestId, log: [...this.lockstep!.log] });
        return;
      case 'stop':
        if (this.timer !== null) clearTimeout(this.timer);
        this.timer = null;
        this.ended = true;
        return;
    }
  }

  /**
   * Control changes wait until every event at the current time is processed (the last advanceTo
   * completed and no decision is pending), the instant a replay can find again: after advanceTo(t).
   */
  private pendingControls: Array<{ role: string; on: boolean }> = [];
  private settled = true;

  private applyControls(): void {
    if (!this.settled || this.lockstep!.waiting !== null) return;
    for (const c of this.pendingControls.splice(0)) this.lockstep!.setControl(c.role, c.on);
  }

  private build(spec: RunSpec): void {
    this.spec = spec;
    const opts: { seed: number; days?: number } = { seed: spec.seed };
    if (spec.days !== undefined) opts.days = spec.days;
    const config = fromScenario(spec.scenario, opts);
    this.table = createVisualTable();
    this.events = [];
    const table = this.table;
    const events = this.events;
    const sink = {
      emit(exact: VisualEvent): void {
        // Viewers get motions rounded to what they can show (about half the bytes); the snapshot
        // table gets the same, so a joining viewer and the batches agree.
        const e = forWire(exact);
        applyVisualEvent(table, e);
        events.push(e);
      },
    };
    let lockstep: Lockstep | null = null;
    const options: ConstructorParameters<typeof CrossingModel>[1] = { visual: sink, placement: new Placement(spec.scenario.layout, spec.scenario.site.zeroLine) };
    if (config.control.transport === 'network') options.dispatchPort = lockstepDispatchPort(() => lockstep, createDispatcher(config.control.dispatch));
    const model = new CrossingModel(config, options);
    lockstep = Lockstep.live(model.env);
    model.lockstep = lockstep;
    for (const role of spec.controlled) lockstep.setControl(role, true);
    if (spec.failAtMs !== undefined) {
      const at = spec.failAtMs;
      model.env.call(at, () => {
        throw new Error(`injected failure at ${at} ms`);
      });
    }
    this.model = model;
    this.lockstep = lockstep;
    this.horizonMs = config.horizonMs;
    this.batchFrom = 0;
    this.speed = spec.speed;
    this.paused = spec.paused;
    this.ended = false;
    this.askedSeq = 0;
    this.alerts = new AlertTracker();
    this.lastKpi = -Infinity;
    this.pendingControls = [];
    this.settled = true;
    this.anchor();
  }

  private anchor(): void {
    this.anchorWall = this.wall();
    this.anchorSim = this.model?.env.now ?? 0;
  }

  private schedule(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), this.speed === 'max' && !this.paused ? 0 : TICK_MS);
  }

  private tick(): void {
    this.timer = null;
    if (this.ended) return;
    try {
      const start = this.wall();
      if (!this.paused && this.lockstep!.waiting === null) {
        if (this.speed === 'max') {
          while (this.wall() - start < WORK_BUDGET_MS && this.step(this.model!.env.now + MAX_SPEED_CHUNK_MS));
        } else {
          const target = Math.floor(this.anchorSim + (start - this.anchorWall) * this.speed);
          this.step(target);
          // Compute-bound (the model cannot keep up with the speed): do not pile up a backlog.
          if (this.wall() - start > WORK_BUDGET_MS) this.anchor();
        }
      }
      this.emitPeriodic();
    } catch (e) {
      this.fail(e);
      return;
    }
    if (!this.ended) this.schedule();
  }

  /** Advances toward `target` (ms). False when it cannot go on (a decision is pending, or the end). */
  private step(target: number): boolean {
    const model = this.model!;
    const env = model.env;
    const until = Math.min(target, this.horizonMs - 1);
    if (until < env.now) return false;
    const before = this.events.length;
    const startedAt = epochMs();
    const complete = env.advanceTo(until);
    if (before === 0 && this.events.length > 0 && this.firstEventAt < 0) this.firstEventAt = startedAt;
    this.settled = complete;
    model.visuals?.drain(env.now);
    if (complete) this.applyControls();
    const waiting = this.lockstep!.waiting;
    if (!complete && waiting !== null) {
      if (waiting.seq !== this.askedSeq) {
        this.askedSeq = waiting.seq;
        this.flush();
        this.post({ type: 'decision', pending: waiting });
      }
      return false;
    }
    if (env.now >= this.horizonMs - 1) {
      this.finish();
      return false;
    }
    return true;
  }

  private resumeAfterDecision(): void {
    // Another decision asked in the same event waits next: the clock stays frozen for it too.
    const next = this.lockstep!.waiting;
    if (next !== null && next.seq !== this.askedSeq) {
      this.askedSeq = next.seq;
      this.post({ type: 'decision', pending: next });
      return;
    }
    // Simulated time stood still while waiting: go on from here at the set speed.
    this.anchor();
  }

  private jump(t: number): void {
    const env = this.model!.env;
    this.flush();
    const target = Math.min(t, this.horizonMs - 1);
    // Events of the skipped stretch update the visual state but are not streamed: the reset's
    // snapshot carries their outcome.
    while (env.now < target && this.lockstep!.waiting === null && !this.ended) {
      if (!this.step(target)) break;
    }
    this.events.length = 0;
    this.firstEventAt = -1;
    this.batchFrom = env.now;
    if (this.ended) return;
    this.anchor();
    this.post({ type: 'reset', reason: 'jump', seed: this.spec!.seed, snapshot: snapshotAt(this.table, env.now), clock: this.clock() });
    this.emitPeriodic(true);
  }

  private finish(): void {
    const model = this.model!;
    // The headless run is env.run(horizon): every event before the horizon, then the clock set to it.
    model.env.run(this.horizonMs);
    model.visuals?.drain(this.horizonMs);
    this.flush();
    this.ended = true;
    this.post({ type: 'kpi', frame: kpiFrameOf(model, this.alerts) });
    this.post({ type: 'clock', clock: this.clock() });
    this.post({ type: 'ended', reason: 'horizon', message: `the run reached its horizon (${this.horizonMs} ms)`, t: model.env.now, traceHash: model.env.traceHash, log: [...this.lockstep!.log] });
  }

  private fail(e: unknown): void {
    this.ended = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const message = e instanceof Error ? e.message : String(e);
    this.post({ type: 'ended', reason: 'error', message: `the simulation failed: ${message}`, t: this.model?.env.now ?? 0, traceHash: null, log: [...(this.lockstep?.log ?? [])] });
  }

  private emitPeriodic(force = false): void {
    const now = this.wall();
    if (force || now - this.lastBatch >= this.spec!.batchMs) {
      this.lastBatch = now;
      this.flush();
    }
    if (force || now - this.lastKpi >= this.spec!.kpiMs) {
      this.lastKpi = now;
      this.post({ type: 'kpi', frame: kpiFrameOf(this.model!, this.alerts) });
    }
    if (force || now - this.lastClock >= CLOCK_MS) this.postClock();
  }

  private postClock(): void {
    this.lastClock = this.wall();
    this.post({ type: 'clock', clock: this.clock() });
  }

  /** Sends the events collected since the last batch (if any). */
  private flush(): void {
    const env = this.model?.env;
    if (env === undefined) return;
    if (this.events.length > 0) {
      const sentAt = epochMs();
      this.post({ type: 'batch', batch: { from: this.batchFrom, to: env.now, events: this.events.splice(0), simulatedAt: this.firstEventAt < 0 ? sentAt : this.firstEventAt, sentAt } });
    }
    this.firstEventAt = -1;
    this.batchFrom = env.now;
  }

  private clock(): ClockState {
    return { t: this.model?.env.now ?? 0, speed: this.speed, paused: this.paused, horizonMs: this.horizonMs, ended: this.ended, wallMs: Date.now() };
  }
}
