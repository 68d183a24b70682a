/** Test helpers: a real live server on an ephemeral port and real socket.io clients. */

import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../sim-core/src/stream/protocol.ts';
import { startLiveServer, type LiveServer, type LiveServerOptions } from '../../live/live-server.ts';

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

export const logs: string[] = [];

export function startServer(options: Partial<LiveServerOptions> = {}): Promise<LiveServer> {
  return startLiveServer({ port: 0, host: '127.0.0.1', scenario: 'tiny', speed: 600, viewer: 'skip', log: (l) => logs.push(l), ...options });
}

export function connect(server: LiveServer, auth: Record<string, string> = {}): Client {
  return io(server.url, { transports: ['websocket'], auth, reconnectionDelay: 50, reconnectionDelayMax: 200 });
}

/** The next `event` from `client` (optionally the first one satisfying `pred`), or a timeout error. */
export function next<E extends keyof ServerToClientEvents>(client: Client, event: E, pred: (...args: Parameters<ServerToClientEvents[E]>) => boolean = () => true, timeoutMs = 20_000): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off(event, handler as never);
      reject(new Error(`no ${String(event)} within ${timeoutMs} ms`));
    }, timeoutMs);
    const handler = (...args: Parameters<ServerToClientEvents[E]>): void => {
      if (!pred(...args)) return;
      clearTimeout(timer);
      client.off(event, handler as never);
      resolve(args[0]);
    };
    client.on(event, handler as never);
  });
}

/** Sends a command and resolves with its acknowledgement. */
export function command(client: Client, name: keyof ClientToServerEvents, payload: unknown): Promise<any> {
  return new Promise((resolve) => (client.emit as (n: string, p: unknown, ack: (r: unknown) => void) => void)(name, payload, resolve));
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
