/**
 * The live server: one HTTP server that serves the built viewer, `/healthz` and the scenario API,
 * with socket.io on the same port for the live protocol, and a main session running a preset from
 * the start. `startLiveServer` returns once it listens; `close()` ends every session and stops.
 */

import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, Speed } from '../../sim-core/src/stream/protocol.ts';
import { attachHandlers } from './handlers.ts';
import { httpHandler } from './http-app.ts';
import { DEFAULT_LIMITS, SessionManager, type LiveLimits } from './session-manager.ts';

export const VIEWER_DIST = fileURLToPath(new URL('../../viewer/dist', import.meta.url));
const VITE_CONFIG = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));

export interface LiveServerOptions {
  /** TCP port; 0 picks a free one. */
  port: number;
  host?: string;
  /** Preset name or file of the main session; null starts none. */
  scenario: string | null;
  speed?: Speed;
  seed?: number;
  days?: number;
  paused?: boolean;
  /** Control commands need this token in the handshake; null lets every client control. */
  controlToken?: string | null;
  limits?: Partial<LiveLimits>;
  /** Wall ms between event batches (default 50: 20 batches a second). */
  batchMs?: number;
  /** Wall ms between KPI frames (default 1000). */
  kpiMs?: number;
  /** Default wall ms a controller has to answer a decision (default 5000). */
  decisionTimeoutMs?: number;
  /** `build`: build viewer/dist with Vite when missing; `skip`: serve what exists (tests). */
  viewer?: 'build' | 'skip';
  /** Test hook: the main session's simulation throws at this simulated time (ms). */
  failAtMs?: number;
  log?: (line: string) => void;
}

export interface LiveServer {
  port: number;
  url: string;
  manager: SessionManager;
  io: Server<ClientToServerEvents, ServerToClientEvents>;
  close(): Promise<void>;
}

/** Builds the viewer with Vite's `build()` API and the top-level vite.config.ts. */
export async function buildViewer(log: (line: string) => void): Promise<void> {
  log('viewer/dist is missing: building the viewer with Vite…');
  const { build } = await import('vite');
  await build({ configFile: VITE_CONFIG, logLevel: 'warn' });
}

export async function startLiveServer(options: LiveServerOptions): Promise<LiveServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (options.viewer === 'build' && !existsSync(VIEWER_DIST)) await buildViewer(log);
  const http = createServer();
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(http, { serveClient: false, cors: { origin: true } });
  const manager = new SessionManager(io, {
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    batchMs: options.batchMs ?? 50,
    kpiMs: options.kpiMs ?? 1000,
    decisionTimeoutMs: options.decisionTimeoutMs ?? 5000,
    log,
  });
  attachHandlers(io as never, { manager, controlToken: options.controlToken ?? null, log });
  http.on('request', httpHandler({ manager, viewerDir: existsSync(VIEWER_DIST) ? VIEWER_DIST : null, startedAt: Date.now() }));
  if (options.scenario !== null) {
    const spec: Parameters<SessionManager['create']>[0] = { scenario: options.scenario };
    if (options.seed !== undefined) spec.seed = options.seed;
    if (options.speed !== undefined) spec.speed = options.speed;
    if (options.days !== undefined) spec.days = options.days;
    if (options.paused !== undefined) spec.paused = options.paused;
    if (options.failAtMs !== undefined) spec.failAtMs = options.failAtMs;
    const r = await manager.create(spec);
    if (!r.ok) throw new Error(r.error.message);
  }
  await new Promise<void>((resolveListen, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host ?? '0.0.0.0', () => resolveListen());
  });
  const port = (http.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    manager,
    io,
    close: async () => {
      manager.closeAll();
      await new Promise<void>((r) => {
        void io.close(() => r());
      });
    },
  };
}
