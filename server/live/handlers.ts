/**
 * Socket handlers of the live protocol, as factories over their dependencies (the session manager,
 * the control token, the limits): each command is rate-limited, validated (zod; a bad one gets an
 * error acknowledgement naming the field and changes nothing), authorised, acted on, acknowledged,
 * and its effect broadcast to the session's room.
 */

import type { Server, Socket } from 'socket.io';
import type { Ack, ClientAuth, ClientToServerEvents, ControllerRole, Hello, ProtocolError, ServerToClientEvents } from '../../sim-core/src/stream/protocol.ts';
import { badRequest, decisionSchemas, parseCommand, type CommandName } from './command-schemas.ts';
import type { Session } from './session.ts';
import type { SessionManager } from './session-manager.ts';
import { applyWhatIf, whatIfEffect } from './what-if.ts';
import { startSessionWorker } from './worker-loader.ts';

interface SocketData {
  canControl: boolean;
  sessionId: string | null;
}

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type Io = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface HandlerDeps {
  manager: SessionManager;
  /** Control needs this token in the handshake; null: every client may control. */
  controlToken: string | null;
  log: (line: string) => void;
}

const CONTROL: ReadonlySet<CommandName> = new Set(['session:create', 'clock:play', 'clock:pause', 'clock:speed', 'clock:jump', 'sim:restart', 'scenario:set', 'controller:register', 'controller:unregister', 'controller:decide']);

/** A token bucket per connection: `perSecond` messages a second, bursts of twice that. */
class RateLimit {
  private tokens: number;
  private last = performance.now();
  constructor(private readonly perSecond: number) {
    this.tokens = perSecond * 2;
  }
  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.perSecond * 2, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

function err(code: ProtocolError['code'], message: string, field?: string): { ok: false; error: ProtocolError } {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}

/** Wires the protocol onto every connection of `io`. */
export function attachHandlers(io: Io, deps: HandlerDeps): void {
  const { manager } = deps;

  async function join(socket: LiveSocket, session: Session): Promise<Ack<{ hello: Hello }>> {
    if (session.viewers.size >= manager.options.limits.maxViewersPerSession && !session.viewers.has(socket.id)) {
      return err('limit', `session ${session.id} has ${session.viewers.size} viewers, its limit (maxViewersPerSession = ${manager.options.limits.maxViewersPerSession})`);
    }
    const previous = manager.get(socket.data.sessionId ?? '');
    if (previous !== undefined && previous !== session) {
      previous.dropSocket(socket.id);
      await socket.leave(previous.room);
    }
    const hello = await session.hello(socket.data.canControl);
    // Joined after the snapshot was taken: every batch after it reaches this socket.
    await socket.join(session.room);
    session.viewers.add(socket.id);
    socket.data.sessionId = session.id;
    return { ok: true, hello };
  }

  /** The session of a socket for a command, or the error to acknowledge. */
  function sessionOf(socket: LiveSocket): Session | ProtocolError {
    const s = manager.get(socket.data.sessionId ?? '');
    if (s === undefined || socket.data.sessionId === null) return { code: 'not-found', message: 'join a session first (session:join)' };
    if (s.ended !== null && s.ended.reason !== 'horizon') return { code: 'ended', message: `session ${s.id} has ended: ${s.ended.message}` };
    return s;
  }

  io.on('connection', (socket: LiveSocket) => {
    const auth = (socket.handshake.auth ?? {}) as ClientAuth;
    socket.data.canControl = deps.controlToken === null || auth.token === deps.controlToken;
    socket.data.sessionId = null;
    const limit = new RateLimit(manager.options.limits.maxMessagesPerSecond);

    // Every connection, first or reconnect, starts with a hello of its session: a resync.
    const wanted = typeof auth.sessionId === 'string' ? manager.get(auth.sessionId) : undefined;
    const first = wanted ?? manager.get(undefined);
    if (first !== undefined) {
      void join(socket, first).then((r) => {
        if (r.ok) socket.emit('session:joined', r.hello);
        else socket.emit('session:refused', r.error);
      });
    }

    function answersPending(name: CommandName, payload: unknown): boolean {
      if (name !== 'controller:decide' || typeof payload !== 'object' || payload === null) return false;
      const w = manager.get(socket.data.sessionId ?? '')?.waitingFor;
      return w !== undefined && w !== null && (payload as { requestId?: unknown }).requestId === w.seq;
    }

    /** Registers one command: rate limit → validate → authorise → act (which acks and broadcasts). */
    function on<N extends CommandName>(name: N, act: (value: Extract<ReturnType<typeof parseCommand<N>>, { ok: true }>['value'], ack: Parameters<ClientToServerEvents[N]>[1]) => void | Promise<void>): void {
      (socket as unknown as { on(ev: string, fn: (payload: unknown, ack: unknown) => void): void }).on(name, (payload: unknown, ackArg: unknown) => {
        const ack = typeof ackArg === 'function' ? (ackArg as (r: Ack<object>) => void) : typeof payload === 'function' ? (payload as (r: Ack<object>) => void) : () => {};
        if (typeof payload === 'function') payload = undefined;
        // A controller's answer to the decision the simulation waits for is paced by the server's
        // own requests (one at a time), so it never counts against the rate limit.
        if (!answersPending(name, payload) && !limit.take()) return ack(err('limit', `more than ${manager.options.limits.maxMessagesPerSecond} messages a second from this connection (maxMessagesPerSecond); slow down`));
        const parsed = parseCommand(name, payload);
        if (!parsed.ok) return ack({ ok: false, error: parsed.error });
        if (CONTROL.has(name) && !socket.data.canControl) return ack(err('unauthorized', `${name} needs control: connect with auth.token set to the server's CONTROL_TOKEN`));
        Promise.resolve(act(parsed.value, ack as Parameters<ClientToServerEvents[N]>[1])).catch((e: unknown) => {
          deps.log(`${name} failed: ${e instanceof Error ? e.stack : String(e)}`);
          ack(err('internal', `${name} failed on the server: ${e instanceof Error ? e.message : String(e)}`));
        });
      });
    }

    on('session:join', async (cmd, ack) => {
      const s = manager.get(cmd.sessionId);
      if (s === undefined) return ack(err('not-found', `no session '${cmd.sessionId}' (session:list lists them)`, 'sessionId'));
      ack(await join(socket, s));
    });

    on('session:leave', async (_cmd, ack) => {
      const s = manager.get(socket.data.sessionId ?? '');
      if (s !== undefined) {
        s.dropSocket(socket.id);
        await socket.leave(s.room);
      }
      socket.data.sessionId = null;
      ack({ ok: true });
    });

    on('session:list', (_cmd, ack) => ack({ ok: true, sessions: manager.list() }));

    on('session:create', async (cmd, ack) => {
      const spec: Parameters<SessionManager['create']>[0] = { scenario: cmd.scenario };
      if (cmd.seed !== undefined) spec.seed = cmd.seed;
      if (cmd.speed !== undefined) spec.speed = cmd.speed;
      if (cmd.days !== undefined) spec.days = cmd.days;
      if (cmd.paused !== undefined) spec.paused = cmd.paused;
      const r = await manager.create(spec);
      ack(r.ok ? { ok: true, sessionId: r.session.id } : r);
    });

    on('clock:play', (_cmd, ack) => {
      const s = sessionOf(socket);
      if (!('id' in s)) return ack({ ok: false, error: s });
      s.play();
      ack({ ok: true, clock: s.clock });
      io.to(s.room).emit('clock:changed', s.clock);
    });

    on('clock:pause', (_cmd, ack) => {
      const s = sessionOf(socket);
      if (!('id' in s)) return ack({ ok: false, error: s });
      s.pause();
      ack({ ok: true, clock: s.clock });
      io.to(s.room).emit('clock:changed', s.clock);
    });

    on('clock:speed', (cmd, ack) => {
      const s = sessionOf(socket);
      if (!('id' in s)) return ack({ ok: false, error: s });
      s.setSpeed(cmd.speed);
      ack({ ok: true, clock: s.clock });
      io.to(s.room).emit('clock:changed', s.clock);
    });

    on('clock:jump', (cmd, ack) => {
      const s = sessionOf(socket);
      if (!('id' in s)) return ack({ ok: false, error: s });
      if (cmd.t < s.clock.t) return ack(err('conflict', `t: ${cmd.t} ms is before the session's time ${s.clock.t} ms; a jump goes ahead only (restart to go back)`, 't'));
      if (cmd.t > s.clock.horizonMs) return ack(err('bad-request', `t: ${cmd.t} ms is past the horizon ${s.clock.horizonMs} ms`, 't'));
      if (s.waitingFor !== null) return ack(err('conflict', `the simulation waits for a ${s.waitingFor.role} decision; answer it first`));
      s.jump(cmd.t);
      ack({ ok: true, clock: { ...s.clock, t: cmd.t } });
    });

    on('sim:restart', async (cmd, ack) => {
      const crashed = manager.get(socket.data.sessionId ?? '');
      if (crashed !== undefined && socket.data.sessionId !== null && crashed.ended?.reason === 'error') {
        // A session whose simulation failed starts again on a new worker thread.
        crashed.revive(await startSessionWorker(), cmd.seed ?? crashed.seed);
        return ack({ ok: true, clock: crashed.clock, seed: crashed.seed });
      }
      const s = sessionOf(socket);
      if (!('id' in s)) return ack({ ok: false, error: s });
      s.ended = null;
      s.restart('restart', cmd.seed ?? s.seed);
      ack({ ok: true, clock: { ...s.clock, t: 0 }, seed: s.seed });
    });

    on('scenario:set', (cmd, ack) => {
      const s = sessionOf(socket);
      if (!('id' in s)) return ack({ ok: false, error: s });
      const r = applyWhatIf(s.source, s.assignments, cmd.path, cmd.value);
      if (!r.ok) return ack({ ok: false, error: r.error });
      const effect = whatIfEffect(cmd.path);
      const change = { path: cmd.path, value: cmd.value, effect, t: effect === 'now' ? s.clock.t : 0 };
      s.assignments.push(r.assignment);
      s.whatIf.push(change);
      if (effect === 'now') {
        s.scenario = r.scenario;
        s.setCraneStrategy(r.scenario.control.craneScheduler.strategy);
      } else {
        s.ended = null;
        s.restart('what-if', s.seed, r.scenario);
      }
      ack({ ok: true, change });
    });

    on('controller:register', (cmd, ack) => {
      const s = sessionOf(socket);
      if (!('id' in s)) return ack({ ok: false, error: s });
      const held = s.controllers.get(cmd.role);
      if (held !== undefined && held.socketId !== socket.id) return ack(err('conflict', `role ${cmd.role} is held by another controller`, 'role'));
      ack({ ok: true, status: s.register(cmd.role, socket.id, cmd.timeoutMs ?? manager.options.decisionTimeoutMs) });
    });

    on('controller:unregister', (cmd, ack) => {
      const s = sessionOf(socket);
      if (!('id' in s)) return ack({ ok: false, error: s });
      if (s.controllers.get(cmd.role)?.socketId !== socket.id) return ack(err('conflict', `this connection does not hold role ${cmd.role}`, 'role'));
      s.unregister(cmd.role);
      ack({ ok: true });
    });

    on('controller:decide', (cmd, ack) => {
      const s = sessionOf(socket);
      if (!('id' in s)) return ack({ ok: false, error: s });
      const w = s.waitingFor;
      if (w === null || w.seq !== cmd.requestId) return ack(err('not-found', `no decision ${cmd.requestId} is waiting (it may have timed out)`, 'requestId'));
      if (s.controllers.get(w.role)?.socketId !== socket.id) return ack(err('unauthorized', `decision ${cmd.requestId} is for the ${w.role} controller`));
      const parsed = decisionSchemas[w.role as ControllerRole].safeParse(cmd.decision);
      if (!parsed.success) return ack({ ok: false, error: badRequest(parsed.error, 'decision') });
      s.answer(cmd.requestId, parsed.data);
      ack({ ok: true });
    });

    on('controller:log', async (_cmd, ack) => {
      const s = manager.get(socket.data.sessionId ?? '');
      if (s === undefined) return ack(err('not-found', 'join a session first (session:join)'));
      ack({ ok: true, log: await s.decisionLog(), seed: s.seed, scenario: s.source });
    });

    socket.on('disconnect', () => {
      const s = manager.get(socket.data.sessionId ?? '');
      s?.dropSocket(socket.id);
    });
  });
}
