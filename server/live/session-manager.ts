/**
 * The live sessions of a server: the main one (started with the server), the ones clients create,
 * and the limits that keep a 2-core machine responsive — sessions, viewers per session, simulated
 * horizon — each refused with a message that names the limit and its value.
 */

import type { Server } from 'socket.io';
import { loadScenario } from '../../scenarios/index.ts';
import type { ClientToServerEvents, ProtocolError, ServerToClientEvents, SessionInfo, Speed } from '../../sim-core/src/stream/protocol.ts';
import { Session } from './session.ts';
import { startSessionWorker } from './worker-loader.ts';

export interface LiveLimits {
  /** Live sessions at once (the main one included). */
  maxSessions: number;
  /** Clients watching one session. */
  maxViewersPerSession: number;
  /** Longest simulated horizon of a session, days. */
  maxHorizonDays: number;
  /** Client messages per second per connection (a burst of twice as many is allowed). */
  maxMessagesPerSecond: number;
}

export const DEFAULT_LIMITS: LiveLimits = { maxSessions: 4, maxViewersPerSession: 200, maxHorizonDays: 366, maxMessagesPerSecond: 50 };

export interface ManagerOptions {
  limits: LiveLimits;
  batchMs: number;
  kpiMs: number;
  decisionTimeoutMs: number;
  log: (line: string) => void;
}

export interface CreateSpec {
  scenario: string;
  seed?: number;
  speed?: Speed;
  days?: number;
  paused?: boolean;
  /** Test hook: the simulation throws when it reaches this time (ms). */
  failAtMs?: number;
}

type Io = Server<ClientToServerEvents, ServerToClientEvents>;

export class SessionManager {
  readonly sessions = new Map<string, Session>();
  mainId: string | null = null;
  private created = 0;

  constructor(
    private readonly io: Io,
    readonly options: ManagerOptions,
  ) {}

  /** Starts a session running `spec.scenario` (a preset name or file); refuses bad input and limits. */
  async create(spec: CreateSpec): Promise<{ ok: true; session: Session } | { ok: false; error: ProtocolError }> {
    const live = [...this.sessions.values()].filter((s) => s.ended === null || s.ended.reason === 'horizon').length;
    if (live >= this.options.limits.maxSessions) {
      return { ok: false, error: { code: 'limit', message: `the server runs ${live} sessions, its limit (maxSessions = ${this.options.limits.maxSessions}); join one of them (session:list) or try later` } };
    }
    const r = loadScenario(spec.scenario);
    if (!r.ok) return { ok: false, error: { code: 'not-found', message: `scenario '${spec.scenario}': ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, field: 'scenario' } };
    const days = spec.days ?? r.scenario.horizon.days;
    if (days > this.options.limits.maxHorizonDays) {
      return { ok: false, error: { code: 'limit', message: `days: ${days} simulated days is over this server's limit of ${this.options.limits.maxHorizonDays} (maxHorizonDays)`, field: 'days' } };
    }
    const id = this.created === 0 ? 'main' : `s${this.created}`;
    this.created++;
    const options = { id, source: spec.scenario, scenario: r.scenario, seed: spec.seed ?? r.scenario.seed, days, speed: spec.speed ?? 60, paused: spec.paused ?? false, batchMs: this.options.batchMs, kpiMs: this.options.kpiMs, decisionTimeoutMs: this.options.decisionTimeoutMs, log: this.options.log };
    const session = new Session(this.io, spec.failAtMs === undefined ? options : { ...options, failAtMs: spec.failAtMs });
    session.onError = (s) => this.options.log(`session ${s.id} ended with an error; ${this.sessions.size - 1} other session(s) go on`);
    this.sessions.set(id, session);
    this.mainId ??= id;
    session.start(await startSessionWorker());
    return { ok: true, session };
  }

  get(id: string | undefined): Session | undefined {
    return this.sessions.get(id ?? this.mainId ?? '');
  }

  list(): SessionInfo[] {
    return [...this.sessions.values()].map((s) => ({ sessionId: s.id, scenario: s.source, seed: s.seed, viewers: s.viewers.size, clock: s.clock }));
  }

  /** Ends every session (server shutdown). */
  closeAll(): void {
    for (const s of this.sessions.values()) s.close('closed', 'the server is shutting down');
  }
}
