/**
 * An external controller in lockstep with a live Crossing Twin session: it takes a decision role
 * over socket.io, answers every decision request, and the simulation's clock waits for it.
 *
 *   npx tsx examples/dispatch-controller.ts [--url http://localhost:8080] [--role igv-dispatch|yard-plan]
 *                                           [--session main] [--timeout-ms 5000]
 *   (CONTROL_TOKEN in the environment when the server requires one)
 *
 * The messages (sim-core/src/stream/protocol.ts):
 *   → controller:register { role, timeoutMs? }          ack { ok, status } | { ok: false, error }
 *   ← decision:requested { requestId, role, t, timeoutMs, request }
 *   → controller:decide { requestId, decision }          ack { ok } | { ok: false, error: { field } }
 *   ← decision:fellBack { role, requestId, t, reason }   (no valid answer in time: built-in decided)
 *   → controller:log {}                                  ack { ok, log, seed, scenario }: the decision log
 * Decisions per role:
 *   yard-plan     request { yard, carrierWaiting, freeSlots }   decision { plan: 'direct' | 'storage' | 'hold' }
 *   igv-dispatch  request DispatchRequest (vehicles, jobs, etaS[v][j] seconds, ...)
 *                 decision { assignments: [{ vehicle, job }], repositions?: [{ vehicle, to }] }
 */

import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import type { DispatchDecision, DispatchRequest } from '../sim-core/src/fleet/dispatch/dispatch-types.ts';
import type { ClientToServerEvents, ControllerRole, DecisionRequest, SessionEnded, ServerToClientEvents, YardPlanDecision, YardPlanRequest } from '../sim-core/src/stream/protocol.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Yard planning: hand over directly when an IGV waits, else store while there is room. */
export function planYard(r: YardPlanRequest): YardPlanDecision {
  if (r.carrierWaiting) return { plan: 'direct' };
  return { plan: r.freeSlots > 0 ? 'storage' : 'hold' };
}

/** IGV dispatch, greedy: oldest job first, each to the idle vehicle with the shortest ETA to it. */
export function dispatchGreedy(r: DispatchRequest): DispatchDecision {
  const free = new Set(r.vehicles.map((_, i) => i));
  const assignments: DispatchDecision['assignments'] = [];
  r.jobs.forEach((job, j) => {
    let best = -1;
    for (const v of free) if (best < 0 || r.etaS[v]![j]! < r.etaS[best]![j]!) best = v;
    if (best < 0) return;
    free.delete(best);
    assignments.push({ vehicle: r.vehicles[best]!.id, job: job.id });
  });
  return { assignments };
}

export interface ControllerOptions {
  url: string;
  role: ControllerRole;
  sessionId?: string;
  token?: string;
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface ControllerRun {
  socket: Client;
  answered: number;
  fellBack: number;
  /** Resolves when the session ends (horizon or error). */
  ended: Promise<SessionEnded>;
}

/** Connects, takes the role, and answers every request until the session ends. */
export async function runController(o: ControllerOptions): Promise<ControllerRun> {
  const log = o.log ?? ((l: string) => console.log(l));
  const auth: Record<string, string> = {};
  if (o.token !== undefined) auth['token'] = o.token;
  if (o.sessionId !== undefined) auth['sessionId'] = o.sessionId;
  const socket: Client = io(o.url, { transports: ['websocket'], auth });
  const run: ControllerRun = { socket, answered: 0, fellBack: 0, ended: new Promise((resolve) => socket.on('session:ended', resolve)) };
  await new Promise<void>((resolve) => socket.once('session:joined', () => resolve()));
  socket.on('decision:requested', (req: DecisionRequest) => {
    const decision = req.role === 'yard-plan' ? planYard(req.request) : dispatchGreedy(req.request as unknown as DispatchRequest);
    socket.emit('controller:decide', { requestId: req.requestId, decision }, (ack) => {
      if (ack.ok) run.answered++;
      else log(`decision ${req.requestId} refused: ${ack.error.message}`);
    });
  });
  socket.on('decision:fellBack', (f) => {
    run.fellBack++;
    log(`decision ${f.requestId} (${f.role}) at t = ${f.t} ms fell back to the built-in strategy: ${f.reason}`);
  });
  const registration: Parameters<ClientToServerEvents['controller:register']>[0] = { role: o.role };
  if (o.timeoutMs !== undefined) registration.timeoutMs = o.timeoutMs;
  const ack = await new Promise<Parameters<Parameters<ClientToServerEvents['controller:register']>[1]>[0]>((resolve) => socket.emit('controller:register', registration, resolve));
  if (!ack.ok) {
    socket.close();
    throw new Error(`controller:register refused: ${ack.error.message}`);
  }
  log(`controlling ${o.role} in session ${o.sessionId ?? 'main'} at ${o.url}`);
  return run;
}

// Run as a script: control until the session ends, then print the decision count.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { url: { type: 'string', default: 'http://localhost:8080' }, role: { type: 'string', default: 'igv-dispatch' }, session: { type: 'string' }, 'timeout-ms': { type: 'string' } } });
  if (values.role !== 'igv-dispatch' && values.role !== 'yard-plan') throw new Error(`--role: expected igv-dispatch or yard-plan, got '${values.role}'`);
  const opts: ControllerOptions = { url: values.url, role: values.role };
  if (values.session !== undefined) opts.sessionId = values.session;
  if (process.env['CONTROL_TOKEN'] !== undefined) opts.token = process.env['CONTROL_TOKEN'];
  if (values['timeout-ms'] !== undefined) opts.timeoutMs = Number(values['timeout-ms']);
  const run = await runController(opts);
  const end = await run.ended;
  console.log(`session ended (${end.reason}): ${run.answered} decisions answered, ${run.fellBack} fell back; traceHash ${end.traceHash ?? '-'}`);
  run.socket.close();
}
