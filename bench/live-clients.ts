/**
 * The viewers of the live benchmark, in their own process (so they do not share the server's event
 * loop): N socket.io clients join the main session and count what they receive. Usage:
 *   tsx bench/live-clients.ts <url> <clients> <phase seconds>...
 * It waits for "phase" lines on stdin (the server side changes the speed), measures each phase, and
 * prints one JSON line per phase: { bytes, events, batches, seconds, lagMs: number[] } summed over clients.
 */

import { createInterface } from 'node:readline';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../sim-core/src/stream/protocol.ts';

const [url, countText] = process.argv.slice(2);
const count = Number(countText);
if (url === undefined || !(count >= 1)) throw new Error('usage: live-clients.ts <url> <clients>');

interface Phase {
  bytes: number;
  events: number;
  batches: number;
  /** Per batch: client receive time − when the server simulated its first event, ms. */
  lagMs: number[];
  /** Per batch: client receive time − when the server sent it, ms. */
  sendLagMs: number[];
}
let phase: Phase | null = null;
const clients: Array<Socket<ServerToClientEvents, ClientToServerEvents>> = [];
let joined = 0;
const epochMs = (): number => performance.timeOrigin + performance.now();

for (let i = 0; i < count; i++) {
  const c: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, { transports: ['websocket'] });
  // Bytes of every message as it arrives on the websocket (engine.io 'data': one text frame each).
  c.on('connect', () => {
    c.io.engine.on('data', (d: unknown) => {
      if (phase !== null) phase.bytes += typeof d === 'string' ? Buffer.byteLength(d) : (d as ArrayBuffer).byteLength;
    });
  });
  c.on('session:joined', () => {
    joined++;
    if (joined === count) process.stdout.write('joined\n');
  });
  c.on('events:batched', (b) => {
    if (phase === null) return;
    const now = epochMs();
    phase.batches++;
    phase.events += b.events.length;
    phase.lagMs.push(now - b.simulatedAt);
    phase.sendLagMs.push(now - b.sentAt);
  });
  clients.push(c);
}

const lines = createInterface({ input: process.stdin });
let started = 0;
lines.on('line', (line) => {
  if (line === 'start') {
    phase = { bytes: 0, events: 0, batches: 0, lagMs: [], sendLagMs: [] };
    started = performance.now();
  } else if (line === 'stop' && phase !== null) {
    process.stdout.write(`${JSON.stringify({ ...phase, seconds: (performance.now() - started) / 1000 })}\n`);
    phase = null;
  } else if (line === 'quit') {
    for (const c of clients) c.close();
    process.exit(0);
  }
});
