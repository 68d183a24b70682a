/**
 * The live protocol between the server (server/live) and the viewer: the ONE types-only file both
 * ends import (socket.io's typed events, STYLE.md §9). Nothing here runs; the server validates every
 * client message with zod against these shapes.
 *
 * Naming: client commands are `domain:verb` and take an acknowledgement callback whose argument is
 * an {@link Ack} (a discriminated result); server notifications are `domain:verbed`.
 *
 * Units: simulation times are integer milliseconds since the scenario start (as everywhere in
 * sim-core); wall times are milliseconds since the Unix epoch; positions metres on the layout grid.
 *
 * Session flow:
 * 1. connect with handshake `auth: ClientAuth` (`{ token?, sessionId? }`). A token equal to the
 *    server's CONTROL_TOKEN grants control; without it the client is a read-only viewer. When the
 *    server has no CONTROL_TOKEN set, every client may control.
 * 2. On every connection (the first and each automatic reconnect) the server joins the client to
 *    `auth.sessionId` (default: the main session) and sends `session:joined` with a {@link Hello}:
 *    layout, clock and a snapshot. A Hello replaces the client's whole state, so a reconnect
 *    resyncs without a page reload. `session:join` switches sessions explicitly (ack with a Hello);
 *    a client should then set `socket.auth.sessionId` so a reconnect returns to it.
 * 3. `events:batched` (visual events, in time order, ~10-20 per second of wall time),
 *    `kpi:updated` (about once a second), `clock:changed` (on every control and every second).
 * 4. After a restart, a jump or a what-if that restarts, `world:reset` carries a fresh snapshot
 *    that replaces everything the client holds; batches after it continue from its time.
 * 5. `session:ended` when the horizon is reached, the simulation failed, or the server closed it.
 */

import type { LaneNetwork, LocalizedText, Mode, Point, Route, SiteId, Equipment, Zone } from '../model/scenario.ts';
import type { Snapshot, VisualEvent } from './visual-events.ts';
import type { DecisionLogEntry } from './lockstep.ts';

export type { DecisionLogEntry } from './lockstep.ts';

/** Bumped on every incompatible change of a message below. */
export const PROTOCOL_VERSION = 1;

// ---------------------------------------------------------------------------------------------
// Acknowledgements and errors
// ---------------------------------------------------------------------------------------------

/**
 * Why a command was refused. `bad-request`: a field is missing or wrong (`field` names it, a dotted
 * path like `value` or `speed`); `unauthorized`: a control command without the control token;
 * `not-found`: no such session, scenario, request or role; `limit`: a server limit (sessions,
 * viewers, message rate, horizon) — the message says which and its value; `conflict`: the command
 * does not fit the state (e.g. jumping backwards, answering a decision twice, a role already taken);
 * `ended`: the session has ended; `internal`: a server fault (the session may go on).
 */
export type ErrorCode = 'bad-request' | 'unauthorized' | 'not-found' | 'limit' | 'conflict' | 'ended' | 'internal';

export interface ProtocolError {
  code: ErrorCode;
  /** A sentence for a person: what was wrong and where. */
  message: string;
  /** The offending field of the command's payload, as a dotted path (`value`, `decision.igv`). */
  field?: string;
}

/** The argument of every acknowledgement: success with a payload, or an error; a refused command changes nothing. */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ProtocolError };

/** The acknowledgement callback of a command. */
export type AckFn<T extends object = object> = (result: Ack<T>) => void;

// ---------------------------------------------------------------------------------------------
// Hello: scenario summary, layout, clock, snapshot
// ---------------------------------------------------------------------------------------------

/** What a viewer shows about the running scenario. */
export interface ScenarioSummary {
  /** Preset name or scenario id. */
  name: string;
  title: LocalizedText;
  description: LocalizedText;
  site: SiteId;
  mode: Mode;
  seed: number;
  /** Simulated horizon and warm-up. */
  horizon: { days: number; warmupHours: number };
  /** The horizon in simulation ms (where the session ends). */
  horizonMs: number;
  /** Demand as configured (before any what-if), loaded movements per day. */
  vehiclesPerDay: number;
  /** IGV fleet size in smart mode, null in baseline. */
  igvFleet: number | null;
}

/** Geometry the viewer draws: the scenario's layout plus the border line. */
export interface LayoutPayload {
  /** Geographic position of the grid origin (WGS84 degrees). */
  origin: { lat: number; lon: number };
  /** The border line, metres on the grid. */
  zeroLine: Point[];
  zones: Zone[];
  equipment: Equipment[];
  routes: Route[];
  /** The IGV lane network when the layout has one. */
  network?: LaneNetwork;
}

/** How fast simulated time runs: a multiple of wall time, or `'max'` (as fast as the machine allows). */
export type Speed = number | 'max';

/** Highest numeric speed accepted (simulated seconds per wall second); beyond it use `'max'`. */
export const MAX_NUMERIC_SPEED = 100_000;

export interface ClockState {
  /** Simulation time the server has reached, ms. */
  t: number;
  speed: Speed;
  paused: boolean;
  /** The session's horizon, ms; the simulation stops there. */
  horizonMs: number;
  /** True once the horizon is reached or the session ended. */
  ended: boolean;
  /** Server wall time when `t` was reached (ms since epoch): lets a client extrapolate between frames. */
  wallMs: number;
}

/** Roles an external controller can take (lockstep decisions). */
export type ControllerRole = 'igv-dispatch' | 'yard-plan';

/** Who holds which role in a session. */
export interface ControllerStatus {
  role: ControllerRole;
  /** Socket id of the controlling client; null when the built-in strategy decides. */
  holder: string | null;
  /** Decisions answered by the external controller so far. */
  answered: number;
  /** Requests that fell back to the built-in strategy (timeout, bad answer, disconnect). */
  fallbacks: number;
}

/** The first message of a session for a client, and the resync after a reconnect. */
export interface Hello {
  protocolVersion: typeof PROTOCOL_VERSION;
  sessionId: string;
  /** True when this client may use control commands. */
  canControl: boolean;
  scenario: ScenarioSummary;
  layout: LayoutPayload;
  clock: ClockState;
  /** Every entity at `snapshot.t`; batches that follow hold events with `t ≥ snapshot.t`. */
  snapshot: Snapshot;
  /** The latest KPI frame, if one exists yet. */
  kpi: KpiFrame | null;
  controllers: ControllerStatus[];
  /** What-if changes applied so far in this session, in order. */
  whatIf: WhatIfChange[];
}

// ---------------------------------------------------------------------------------------------
// Stream: visual events, KPI frames, resets
// ---------------------------------------------------------------------------------------------

/** Visual events with `from ≤ t ≤ to`, in emission (= simulation) order. */
export interface EventBatch {
  /** Simulation time covered: every event in (previous batch's `to`, `to`] is in this batch. */
  from: number;
  to: number;
  events: VisualEvent[];
  /** Server wall time (ms since the Unix epoch) when the first event of the batch was simulated. */
  simulatedAt: number;
  /** Server wall time (ms since the Unix epoch) when the batch was sent. */
  sentAt: number;
}

/** Kinds of alert a KPI frame raises. */
export type AlertKind = 'queue' | 'equipment-down' | 'data-exchange';

export interface Alert {
  kind: AlertKind;
  /** Station name (queue), equipment group (equipment-down), or `data-exchange`. */
  subject: string;
  /** Queue length, units down, or 1 for an outage. */
  value: number;
  /** The threshold exceeded (queue alerts), else 0. */
  threshold: number;
  /** Simulation time the condition began, ms. */
  since: number;
}

export interface StationFrame {
  /** Units in the group (lanes, cranes, bays). */
  units: number;
  /** Units busy now (failed units count as busy). */
  busy: number;
  /** Requests waiting now. */
  queue: number;
  /** Time-average busy share since the warm-up (or since the start during it), 0..1. */
  utilization: number;
}

/** The headline numbers, about once a second of wall time. */
export interface KpiFrame {
  t: number;
  /** Loaded cross-border movements per simulated day so far (after the warm-up; 0 before). */
  vehiclesPerDay: number;
  /** Containers crossed so far, per direction (after the warm-up). */
  crossed: { export: number; import: number };
  /** Crossings in the last simulated hour, per direction. */
  crossingsPerHour: { export: number; import: number };
  stations: Record<string, StationFrame>;
  /** Truck turn time so far, minutes (null until a truck has left). */
  turnTimeMin: { count: number; p50: number | null; p95: number | null };
  /** Containers in storage per block, and trucks and containers in the system. */
  storage: Record<string, { level: number; capacity: number }>;
  inSystem: { vnTrucks: number; cnTrucks: number; containers: number };
  alerts: Alert[];
}

/** Why the world was replaced. */
export type ResetReason = 'restart' | 'jump' | 'what-if';

/** Replaces everything a client holds: a new snapshot, clock and (after a restart) scenario. */
export interface WorldReset {
  reason: ResetReason;
  scenario: ScenarioSummary;
  clock: ClockState;
  snapshot: Snapshot;
  whatIf: WhatIfChange[];
}

export interface SessionEnded {
  sessionId: string;
  /** `horizon`: ran to its end; `error`: the simulation threw; `closed`: the server closed it. */
  reason: 'horizon' | 'error' | 'closed';
  message: string;
  /** Simulation time reached, ms. */
  t: number;
  /** Run fingerprint at the end (horizon reached), else null. */
  traceHash: string | null;
  /** Every lockstep decision of the run (empty when no controller took part). */
  decisions: DecisionLogEntry[];
}

// ---------------------------------------------------------------------------------------------
// What-if
// ---------------------------------------------------------------------------------------------

/**
 * How a what-if change takes effect: `now` — from the current simulation time on, the run goes on;
 * `restart` — the session restarts from time 0 with the changed scenario and the same seed.
 */
export type WhatIfEffect = 'now' | 'restart';

export interface WhatIfChange {
  /** Dotted scenario path, as `--set` takes it: `demand.vehiclesPerDay`, `transport.igv.fleet`. */
  path: string;
  value: unknown;
  effect: WhatIfEffect;
  /** Simulation time it was applied, ms. */
  t: number;
}

// ---------------------------------------------------------------------------------------------
// Lockstep controllers
// ---------------------------------------------------------------------------------------------

/**
 * Yard planning at the Vietnamese transfer yard: an export container came off its truck; set it down
 * for direct transfer to a waiting IGV, put it in storage, or hold it.
 */
export interface YardPlanRequest {
  yard: 'vn-yard';
  /** An IGV is waiting right now to take the container. */
  carrierWaiting: boolean;
  /** Free slots in the export storage block. */
  freeSlots: number;
}

export interface YardPlanDecision {
  plan: 'direct' | 'storage' | 'hold';
}

/**
 * Request and decision payloads per role (plain JSON). `igv-dispatch` carries the fleet's
 * DispatchRequest / DispatchDecision (sim-core/src/fleet/dispatch/dispatch-types.ts): which idle IGV
 * takes which waiting container (`{ assignments: [{ vehicle, job }], repositions?: [{ vehicle, to }] }`).
 */
export interface DecisionPayloads {
  'yard-plan': { request: YardPlanRequest; decision: YardPlanDecision };
  'igv-dispatch': { request: Record<string, unknown>; decision: { assignments: Array<{ vehicle: string; job: string }>; repositions?: Array<{ vehicle: string; to: 'VN' | 'CN' }> } };
}

/** A decision the simulation waits for; simulated time does not advance until it is answered or times out. */
export type DecisionRequest = {
  [R in ControllerRole]: {
    requestId: number;
    role: R;
    /** Simulation time of the decision, ms. */
    t: number;
    /** Wall ms the server waits before falling back to the built-in strategy. */
    timeoutMs: number;
    request: DecisionPayloads[R]['request'];
  };
}[ControllerRole];

export interface DecisionFallback {
  role: ControllerRole;
  requestId: number;
  t: number;
  reason: 'timeout' | 'invalid' | 'disconnected';
}

// ---------------------------------------------------------------------------------------------
// Command payloads
// ---------------------------------------------------------------------------------------------

/** Join a session (default: the server's main session). */
export interface JoinCommand {
  sessionId?: string;
}

/** Start a new session running a preset (needs control). */
export interface CreateSessionCommand {
  scenario: string;
  seed?: number;
  speed?: Speed;
  /** Simulated days (default the preset's horizon; limited by the server). */
  days?: number;
  /** Start paused (default false). */
  paused?: boolean;
}

export interface SessionInfo {
  sessionId: string;
  scenario: string;
  seed: number;
  viewers: number;
  clock: ClockState;
}

export interface SpeedCommand { speed: Speed }
export interface RestartCommand { seed?: number }
/** Jump ahead to simulation time `t` (ms; not before the current time, not past the horizon). */
export interface JumpCommand { t: number }
export interface SetParameterCommand { path: string; value: unknown }
export interface RegisterControllerCommand {
  role: ControllerRole;
  /** Wall ms to wait for each answer before falling back (default 5,000; 10..60,000). */
  timeoutMs?: number;
}
export interface UnregisterControllerCommand { role: ControllerRole }
export interface DecideCommand { requestId: number; decision: unknown }

// ---------------------------------------------------------------------------------------------
// Event maps (socket.io typed events)
// ---------------------------------------------------------------------------------------------

export interface ClientToServerEvents {
  'session:join': (cmd: JoinCommand, ack: AckFn<{ hello: Hello }>) => void;
  'session:leave': (cmd: Record<string, never>, ack: AckFn) => void;
  'session:create': (cmd: CreateSessionCommand, ack: AckFn<{ sessionId: string }>) => void;
  'session:list': (cmd: Record<string, never>, ack: AckFn<{ sessions: SessionInfo[] }>) => void;
  'clock:play': (cmd: Record<string, never>, ack: AckFn<{ clock: ClockState }>) => void;
  'clock:pause': (cmd: Record<string, never>, ack: AckFn<{ clock: ClockState }>) => void;
  'clock:speed': (cmd: SpeedCommand, ack: AckFn<{ clock: ClockState }>) => void;
  'clock:jump': (cmd: JumpCommand, ack: AckFn<{ clock: ClockState }>) => void;
  'sim:restart': (cmd: RestartCommand, ack: AckFn<{ clock: ClockState; seed: number }>) => void;
  'scenario:set': (cmd: SetParameterCommand, ack: AckFn<{ change: WhatIfChange }>) => void;
  'controller:register': (cmd: RegisterControllerCommand, ack: AckFn<{ status: ControllerStatus }>) => void;
  'controller:unregister': (cmd: UnregisterControllerCommand, ack: AckFn) => void;
  'controller:decide': (cmd: DecideCommand, ack: AckFn) => void;
  /** The session's decision log so far: replaying it without the controller gives the same traceHash. */
  'controller:log': (cmd: Record<string, never>, ack: AckFn<{ log: DecisionLogEntry[]; seed: number; scenario: string }>) => void;
}

export interface ServerToClientEvents {
  /** Re-sent after a reconnect (or a re-join): replaces the client's whole state. */
  'session:joined': (hello: Hello) => void;
  /** The join on connect was refused (e.g. the session's viewer limit); the client may `session:join` another. */
  'session:refused': (error: ProtocolError) => void;
  'session:ended': (ended: SessionEnded) => void;
  'events:batched': (batch: EventBatch) => void;
  'kpi:updated': (frame: KpiFrame) => void;
  'clock:changed': (clock: ClockState) => void;
  'world:reset': (reset: WorldReset) => void;
  'controller:changed': (controllers: ControllerStatus[]) => void;
  /** To the registered controller only. Answer with `controller:decide`. */
  'decision:requested': (request: DecisionRequest) => void;
  'decision:fellBack': (fallback: DecisionFallback) => void;
}

/** Handshake `auth` object of a client. */
export interface ClientAuth {
  /** The server's CONTROL_TOKEN, for control commands. */
  token?: string;
  /** Session to join on connect (default: the main session). */
  sessionId?: string;
}
