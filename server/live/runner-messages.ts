/**
 * Messages between a session (main thread) and its simulation worker, as discriminated unions
 * (comlink's protocol.ts style). Plain JSON-compatible data: they cross `postMessage`.
 */

import type { Scenario } from '../../sim-core/src/model/scenario.ts';
import type { DecisionLogEntry, PendingDecision } from '../../sim-core/src/stream/lockstep.ts';
import type { ClockState, EventBatch, KpiFrame, ResetReason, Speed } from '../../sim-core/src/stream/protocol.ts';
import type { Snapshot } from '../../sim-core/src/stream/visual-events.ts';

/** What a worker needs to start a run. */
export interface RunSpec {
  scenario: Scenario;
  seed: number;
  /** Simulated days (the scenario's horizon when absent). */
  days?: number;
  speed: Speed;
  paused: boolean;
  /** Wall ms between event batches (send rate). */
  batchMs: number;
  /** Wall ms between KPI frames. */
  kpiMs: number;
  /** Roles an external controller holds from the start (a restart keeps them). */
  controlled: string[];
  /** Test hook: throw inside the simulation when it reaches this time (ms). */
  failAtMs?: number;
}

export type ToRunner =
  | { type: 'start'; spec: RunSpec }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'speed'; speed: Speed }
  | { type: 'jump'; t: number }
  | { type: 'restart'; spec: RunSpec; reason: ResetReason }
  | { type: 'snapshot'; requestId: number }
  | { type: 'control'; role: string; on: boolean }
  | { type: 'answer'; seq: number; decision: unknown }
  | { type: 'fallback'; seq: number; reason: 'timeout' | 'invalid' | 'disconnected' }
  | { type: 'set-strategy'; controller: 'craneScheduler'; strategy: string }
  | { type: 'log'; requestId: number }
  | { type: 'stop' };

export type FromRunner =
  | { type: 'batch'; batch: EventBatch }
  | { type: 'kpi'; frame: KpiFrame }
  | { type: 'clock'; clock: ClockState }
  | { type: 'snapshot'; requestId: number; snapshot: Snapshot; clock: ClockState }
  | { type: 'reset'; reason: ResetReason; seed: number; snapshot: Snapshot; clock: ClockState }
  | { type: 'decision'; pending: PendingDecision }
  | { type: 'fellBack'; seq: number; role: string; t: number; reason: 'timeout' | 'invalid' | 'disconnected' }
  | { type: 'log'; requestId: number; log: DecisionLogEntry[] }
  | { type: 'ended'; reason: 'horizon' | 'error'; message: string; t: number; traceHash: string | null; log: DecisionLogEntry[] };
