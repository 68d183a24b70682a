/**
 * Standalone mode's engine room: sim-core's CrossingModel in a Web Worker, driven over comlink.
 * The page paces it (STYLE.md §3: only the viewer and the server know wall-clock time): each call
 * to `advance` runs the model up to a simulation time and returns the visual events emitted on the
 * way, in one batch, with a KPI frame. The model itself is the same deterministic code the CLI runs.
 */

import * as Comlink from 'comlink';
import { validateScenario } from '../../../scenarios/validate.ts';
import { CrossingModel } from '../../../sim-core/src/model/crossing-model.ts';
import { fromScenario } from '../../../sim-core/src/model/from-scenario.ts';
import type { VisualEvent } from '../../../sim-core/src/stream/visual-events.ts';
import type { KpiFrame } from '../../../sim-core/src/stream/protocol.ts';
import { AlertTracker, kpiFrameOf } from '../../../sim-core/src/stream/kpi-frame.ts';

export interface AdvanceResult {
  /** Simulation time reached, ms. */
  t: number;
  /** True once the scenario's horizon is reached. */
  finished: boolean;
  events: VisualEvent[];
  kpi: KpiFrame;
}

export type StartResult = { ok: true; horizonMs: number; traceHash: string } | { ok: false; errors: string[] };

/** Longest stretch of simulated time one call may run, so a jump never blocks the worker for long. */
const MAX_STEP_MS = 6 * 3_600_000;

export class SimWorkerApi {
  private model: CrossingModel | null = null;
  private events: VisualEvent[] = [];
  private horizonMs = 0;
  private readonly alerts = new AlertTracker();

  /** Validates the scenario JSON and builds a fresh model at time 0 with `seed`. */
  start(json: unknown, seed: number): StartResult {
    const valid = validateScenario(json);
    if (!valid.ok) return { ok: false, errors: valid.errors.map((e) => `${e.path}: ${e.message}`) };
    if (!(Number.isInteger(seed) && seed >= 0)) return { ok: false, errors: [`seed: expected a whole number ≥ 0, got ${seed}`] };
    const config = fromScenario(valid.scenario, { seed });
    this.events = [];
    const sink = { emit: (e: VisualEvent): void => void this.events.push(e) };
    this.model = new CrossingModel(config, { visual: sink });
    this.horizonMs = config.horizonMs;
    this.alerts.reset();
    return { ok: true, horizonMs: this.horizonMs, traceHash: this.model.env.traceHash };
  }

  /** Runs the model up to `toMs` (at most the horizon, at most MAX_STEP_MS at once). */
  advance(toMs: number): AdvanceResult {
    const model = this.model;
    if (model === null) throw new Error('advance: no model; call start first');
    if (!Number.isFinite(toMs)) throw new RangeError(`advance: expected a finite time in ms, got ${toMs}`);
    const now = model.env.now;
    const target = Math.min(Math.max(now, Math.floor(toMs)), this.horizonMs, now + MAX_STEP_MS);
    if (target > now) model.env.advanceTo(target);
    const events = this.events;
    this.events = [];
    return { t: model.env.now, finished: model.env.now >= this.horizonMs, events, kpi: kpiFrameOf(model, this.alerts) };
  }

  /** The trace hash so far (same scenario, seed and code ⇒ same hash as the CLI). */
  traceHash(): string {
    if (this.model === null) throw new Error('traceHash: no model; call start first');
    return this.model.env.traceHash;
  }
}

Comlink.expose(new SimWorkerApi());
