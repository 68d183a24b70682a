/**
 * A live session on the main thread: its simulation worker, the clients watching it (one
 * socket.io room), the controllers holding lockstep roles, and the what-if changes so far. The
 * worker does the simulating; the session relays its batches, KPI frames and clock to the room,
 * answers joins with a snapshot taken by the worker (so it is consistent with the batches that
 * follow), and ends with an error to its clients if the worker fails, without touching any other
 * session.
 */

import type { Worker } from 'node:worker_threads';
import type { Server } from 'socket.io';
import type { Scenario } from '../../sim-core/src/model/scenario.ts';
import type { DecisionLogEntry } from '../../sim-core/src/stream/lockstep.ts';
import {
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type ClockState,
  type ControllerRole,
  type ControllerStatus,
  type Hello,
  type KpiFrame,
  type ScenarioSummary,
  type ServerToClientEvents,
  type SessionEnded,
  type Speed,
  type WhatIfChange,
} from '../../sim-core/src/stream/protocol.ts';
import type { Snapshot } from '../../sim-core/src/stream/visual-events.ts';
import type { FromRunner, RunSpec, ToRunner } from './runner-messages.ts';
import { layoutPayload, scenarioSummary } from './scenario-view.ts';

export interface SessionOptions {
  id: string;
  /** Preset name or file the scenario came from (what-if changes are re-applied to it). */
  source: string;
  scenario: Scenario;
  seed: number;
  days: number;
  speed: Speed;
  paused: boolean;
  batchMs: number;
  kpiMs: number;
  /** Default wall ms a controller has to answer a decision. */
  decisionTimeoutMs: number;
  failAtMs?: number;
  log: (line: string) => void;
}

interface Controller {
  socketId: string;
  timeoutMs: number;
  answered: number;
  fallbacks: number;
}

type Io = Server<ClientToServerEvents, ServerToClientEvents>;

export class Session {
  readonly id: string;
  readonly room: string;
  readonly source: string;
  scenario: Scenario;
  seed: number;
  readonly days: number;
  clock: ClockState;
  kpi: KpiFrame | null = null;
  ended: SessionEnded | null = null;
  /** Assignments (`path=value`) applied to the source so far, in order. */
  readonly assignments: string[] = [];
  readonly whatIf: WhatIfChange[] = [];
  readonly viewers = new Set<string>();
  readonly controllers = new Map<ControllerRole, Controller>();
  private worker: Worker | null = null;
  private nextRequest = 1;
  private readonly snapshotWaiters = new Map<number, (s: { snapshot: Snapshot; clock: ClockState }) => void>();
  private readonly logWaiters = new Map<number, (log: DecisionLogEntry[]) => void>();
  private readonly decisionTimers = new Map<number, ReturnType<typeof setTimeout>>();
  private pendingDecision: { seq: number; role: ControllerRole } | null = null;
  /** Called once when the session ends by an error (for the manager's books). */
  onError: ((s: Session) => void) | null = null;

  constructor(
    private readonly io: Io,
    private readonly options: SessionOptions,
  ) {
    this.id = options.id;
    this.room = `session:${options.id}`;
    this.source = options.source;
    this.scenario = options.scenario;
    this.seed = options.seed;
    this.days = options.days;
    this.clock = { t: 0, speed: options.speed, paused: options.paused, horizonMs: this.summary().horizonMs, ended: false, wallMs: Date.now() };
  }

  /** Starts the worker with the run. */
  start(worker: Worker): void {
    this.attach(worker);
    this.send({ type: 'start', spec: this.spec(this.options.speed, this.options.paused) });
  }

  /** After a crash: a new worker runs the session again from time 0 (`sim:restart`); clients get a world reset. */
  revive(worker: Worker, seed: number): void {
    this.ended = null;
    this.endLog = null;
    this.kpi = null;
    this.seed = seed;
    this.clock = { ...this.clock, t: 0, ended: false };
    this.attach(worker);
    this.send({ type: 'restart', reason: 'restart', spec: this.spec(this.clock.speed, this.clock.paused) });
  }

  private attach(worker: Worker): void {
    this.worker = worker;
    // Only the current worker speaks for the session: a crashed one's late events are ignored.
    worker.on('message', (m: FromRunner) => {
      if (this.worker === worker) this.onRunner(m);
    });
    worker.on('error', (e) => {
      if (this.worker === worker) this.crash(`the simulation worker failed: ${e.message}`);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker && this.ended === null) this.crash(`the simulation worker exited (code ${code})`);
    });
  }

  summary(): ScenarioSummary {
    return scenarioSummary(this.source, this.scenario, this.seed, this.days);
  }

  controllerStatus(): ControllerStatus[] {
    return (['igv-dispatch', 'yard-plan'] as const).map((role) => {
      const c = this.controllers.get(role);
      return { role, holder: c?.socketId ?? null, answered: c?.answered ?? 0, fallbacks: c?.fallbacks ?? 0 };
    });
  }

  /** A hello for a client joining now: the worker's snapshot, consistent with the batches after it. */
  async hello(canControl: boolean): Promise<Hello> {
    const { snapshot, clock } = await this.snapshot();
    return { protocolVersion: PROTOCOL_VERSION, sessionId: this.id, canControl, scenario: this.summary(), layout: layoutPayload(this.scenario), clock, snapshot, kpi: this.kpi, controllers: this.controllerStatus(), whatIf: [...this.whatIf] };
  }

  private snapshot(): Promise<{ snapshot: Snapshot; clock: ClockState }> {
    // A session that ran to its horizon still has its worker and its final state; a crashed one has neither.
    if (this.worker === null) return Promise.resolve({ snapshot: { t: this.clock.t, entities: [] }, clock: this.clock });
    const requestId = this.nextRequest++;
    return new Promise((resolve) => {
      this.snapshotWaiters.set(requestId, resolve);
      this.send({ type: 'snapshot', requestId });
    });
  }

  decisionLog(): Promise<DecisionLogEntry[]> {
    if (this.worker === null) return Promise.resolve([...(this.endLog ?? [])]);
    const requestId = this.nextRequest++;
    return new Promise((resolve) => {
      this.logWaiters.set(requestId, resolve);
      this.send({ type: 'log', requestId });
    });
  }

  private endLog: DecisionLogEntry[] | null = null;

  // ---- controls (validated by the handlers) ---------------------------------------------------

  play(): void {
    this.clock = { ...this.clock, paused: false };
    this.send({ type: 'play' });
  }

  pause(): void {
    this.clock = { ...this.clock, paused: true };
    this.send({ type: 'pause' });
  }

  setSpeed(speed: Speed): void {
    this.clock = { ...this.clock, speed };
    this.send({ type: 'speed', speed });
  }

  jump(t: number): void {
    this.send({ type: 'jump', t });
  }

  /** Restarts from time 0 (a new seed, or a changed scenario); the room gets a world reset. */
  restart(reason: 'restart' | 'what-if', seed: number, scenario: Scenario = this.scenario): void {
    this.clearDecision();
    this.seed = seed;
    this.scenario = scenario;
    this.kpi = null;
    this.send({ type: 'restart', reason, spec: this.spec(this.clock.speed, this.clock.paused) });
  }

  setCraneStrategy(strategy: string): void {
    this.send({ type: 'set-strategy', controller: 'craneScheduler', strategy });
  }

  register(role: ControllerRole, socketId: string, timeoutMs: number): ControllerStatus {
    this.controllers.set(role, { socketId, timeoutMs, answered: 0, fallbacks: 0 });
    this.send({ type: 'control', role, on: true });
    this.io.to(this.room).emit('controller:changed', this.controllerStatus());
    return this.controllerStatus().find((c) => c.role === role)!;
  }

  unregister(role: ControllerRole): void {
    if (!this.controllers.delete(role)) return;
    this.send({ type: 'control', role, on: false });
    if (this.pendingDecision?.role === role) this.fallBack('disconnected');
    this.io.to(this.room).emit('controller:changed', this.controllerStatus());
  }

  /** The decision the simulation waits for, if any. */
  get waitingFor(): { seq: number; role: ControllerRole } | null {
    return this.pendingDecision;
  }

  answer(seq: number, decision: unknown): void {
    const p = this.pendingDecision;
    if (p === null || p.seq !== seq) return;
    const c = this.controllers.get(p.role);
    if (c !== undefined) c.answered++;
    this.clearDecision();
    this.send({ type: 'answer', seq, decision });
  }

  /** A socket left: its roles go back to the built-in strategies, and it stops watching. */
  dropSocket(socketId: string): void {
    this.viewers.delete(socketId);
    for (const [role, c] of this.controllers) if (c.socketId === socketId) this.unregister(role);
  }

  /** Ends the session (server shutdown or a test killing it); its clients are told. */
  close(reason: 'closed' | 'error', message: string): void {
    if (this.ended !== null) return;
    this.clearDecision();
    this.ended = { sessionId: this.id, reason, message, t: this.clock.t, traceHash: null, decisions: [] };
    this.clock = { ...this.clock, ended: true };
    this.io.to(this.room).emit('session:ended', this.ended);
    const w = this.worker;
    this.worker = null;
    if (w !== null) {
      w.postMessage({ type: 'stop' } satisfies ToRunner);
      void w.terminate();
    }
  }

  // ---- from the worker ------------------------------------------------------------------------

  private onRunner(m: FromRunner): void {
    const room = this.io.to(this.room);
    switch (m.type) {
      case 'batch':
        room.emit('events:batched', m.batch);
        return;
      case 'kpi':
        this.kpi = m.frame;
        room.emit('kpi:updated', m.frame);
        return;
      case 'clock':
        this.clock = m.clock;
        room.emit('clock:changed', m.clock);
        return;
      case 'snapshot': {
        this.clock = m.clock;
        const w = this.snapshotWaiters.get(m.requestId);
        this.snapshotWaiters.delete(m.requestId);
        w?.({ snapshot: m.snapshot, clock: m.clock });
        return;
      }
      case 'reset':
        this.clock = m.clock;
        room.emit('world:reset', { reason: m.reason, scenario: this.summary(), clock: m.clock, snapshot: m.snapshot, whatIf: [...this.whatIf] });
        return;
      case 'decision':
        this.requestDecision(m.pending.seq, m.pending.role as ControllerRole, m.pending.t, m.pending.request);
        return;
      case 'fellBack':
        room.emit('decision:fellBack', { role: m.role as ControllerRole, requestId: m.seq, t: m.t, reason: m.reason });
        return;
      case 'log': {
        const w = this.logWaiters.get(m.requestId);
        this.logWaiters.delete(m.requestId);
        w?.(m.log);
        return;
      }
      case 'ended':
        this.endLog = m.log;
        this.clearDecision();
        this.ended = { sessionId: this.id, reason: m.reason, message: m.message, t: m.t, traceHash: m.traceHash, decisions: m.log };
        this.clock = { ...this.clock, t: m.t, ended: true };
        if (m.reason === 'error') {
          this.options.log(`session ${this.id}: ${m.message}`);
          this.stopWorker();
          this.onError?.(this);
        }
        room.emit('session:ended', this.ended);
        return;
    }
  }

  private requestDecision(seq: number, role: ControllerRole, t: number, request: unknown): void {
    const c = this.controllers.get(role);
    this.pendingDecision = { seq, role };
    if (c === undefined) {
      this.fallBack('disconnected');
      return;
    }
    this.io.to(c.socketId).emit('decision:requested', { requestId: seq, role, t, timeoutMs: c.timeoutMs, request } as never);
    this.decisionTimers.set(
      seq,
      setTimeout(() => {
        this.options.log(`session ${this.id}: no answer to ${role} decision ${seq} at t = ${t} ms within ${c.timeoutMs} ms; the built-in strategy decides`);
        this.fallBack('timeout');
      }, c.timeoutMs),
    );
  }

  private fallBack(reason: 'timeout' | 'invalid' | 'disconnected'): void {
    const p = this.pendingDecision;
    if (p === null) return;
    const c = this.controllers.get(p.role);
    if (c !== undefined) c.fallbacks++;
    this.clearDecision();
    this.send({ type: 'fallback', seq: p.seq, reason });
  }

  private clearDecision(): void {
    for (const t of this.decisionTimers.values()) clearTimeout(t);
    this.decisionTimers.clear();
    this.pendingDecision = null;
  }

  private crash(message: string): void {
    if (this.ended !== null) return;
    this.options.log(`session ${this.id}: ${message}`);
    this.worker = null;
    this.clearDecision();
    this.ended = { sessionId: this.id, reason: 'error', message, t: this.clock.t, traceHash: null, decisions: [] };
    this.clock = { ...this.clock, ended: true };
    for (const w of this.snapshotWaiters.values()) w({ snapshot: { t: this.clock.t, entities: [] }, clock: this.clock });
    this.snapshotWaiters.clear();
    this.io.to(this.room).emit('session:ended', this.ended);
    this.onError?.(this);
  }

  private stopWorker(): void {
    const w = this.worker;
    this.worker = null;
    if (w !== null) void w.terminate();
  }

  /** Test hook: kills the worker thread as a crash would. */
  kill(): void {
    const w = this.worker;
    if (w !== null) void w.terminate();
  }

  private send(m: ToRunner): void {
    this.worker?.postMessage(m);
  }

  private spec(speed: Speed, paused: boolean): RunSpec {
    const spec: RunSpec = { scenario: this.scenario, seed: this.seed, days: this.days, speed, paused, batchMs: this.options.batchMs, kpiMs: this.options.kpiMs, controlled: [...this.controllers.keys()] };
    if (this.options.failAtMs !== undefined) spec.failAtMs = this.options.failAtMs;
    return spec;
  }
}
