/**
 * The live benchmark: `crossing-twin serve` (its own process) running one `huu-nghi-smart-2030`
 * session, N viewers in another process, the
 * session jumped to 08:00 (busy hours), then measured at 600× and at 60×. Prints one JSON line of
 * bench rows. Run by `npm run bench -- --only live` (bench/run.ts), or alone:
 *   tsx bench/live-bench.ts [--viewers 50] [--seconds 20]
 */

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { io } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../sim-core/src/stream/protocol.ts';
import { sig, type BenchRow } from './results.ts';

const { values } = parseArgs({ options: { viewers: { type: 'string', default: '50' }, seconds: { type: 'string', default: '20' } } });
const viewers = Number(values.viewers);
const seconds = Number(values.seconds);

interface PhaseResult {
  bytes: number;
  events: number;
  batches: number;
  lagMs: number[];
  sendLagMs: number[];
  seconds: number;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
// The product as users start it, in its own process; it prints its port on its first line.
const serve = spawn(process.execPath, [fileURLToPath(new URL('../server/cli/bin.js', import.meta.url)), 'serve', '--port', '0', '--host', '127.0.0.1', '--scenario', 'huu-nghi-smart-2030', '--speed', '600', '--paused'], { stdio: ['ignore', 'pipe', 'inherit'] });
const firstLine = await new Promise<string>((resolve) => createInterface({ input: serve.stdout }).once('line', resolve));
const port = /localhost:(\d+)/.exec(firstLine)?.[1];
if (port === undefined) throw new Error(`serve did not say its port: ${firstLine}`);
const server = { url: `http://127.0.0.1:${port}` };
const operator = io(server.url, { transports: ['websocket'] }) as unknown as import('socket.io-client').Socket<ServerToClientEvents, ClientToServerEvents>;
await new Promise<void>((r) => operator.once('session:joined', () => r()));
const ack = (name: keyof ClientToServerEvents, payload: unknown): Promise<unknown> => new Promise((r) => (operator.emit as (n: string, p: unknown, a: (x: unknown) => void) => void)(name, payload, r));
await ack('clock:jump', { t: 8 * 3_600_000 });

const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
const child = spawn(process.execPath, [tsx, fileURLToPath(new URL('./live-clients.ts', import.meta.url)), server.url, String(viewers)], { stdio: ['pipe', 'pipe', 'inherit'] });
const out = createInterface({ input: child.stdout });
const lines: string[] = [];
let waiter: ((l: string) => void) | null = null;
out.on('line', (l) => (waiter !== null ? (waiter(l), (waiter = null)) : lines.push(l)));
const nextLine = (): Promise<string> => (lines.length > 0 ? Promise.resolve(lines.shift()!) : new Promise((r) => (waiter = r)));
if ((await nextLine()) !== 'joined') throw new Error('viewers did not join');

async function phase(speed: number): Promise<PhaseResult> {
  await ack('clock:speed', { speed });
  await ack('clock:play', {});
  await sleep(1500);
  child.stdin.write('start\n');
  await sleep(seconds * 1000);
  child.stdin.write('stop\n');
  return JSON.parse(await nextLine()) as PhaseResult;
}

const fast = await phase(600);
const slow = await phase(60);
child.stdin.write('quit\n');
operator.close();
serve.kill('SIGTERM');

const perViewer = (p: PhaseResult): number => p.bytes / viewers / p.seconds / 1024;
const rows: BenchRow[] = [
  { name: 'live.smart2030.600x.viewers', value: viewers, unit: 'viewers' },
  { name: 'live.smart2030.600x.lagP95', value: sig(quantile(fast.lagMs, 0.95), 3), unit: 'ms sim→client (incl. batching)' },
  { name: 'live.smart2030.600x.lagP50', value: sig(quantile(fast.lagMs, 0.5), 3), unit: 'ms sim→client (incl. batching)' },
  { name: 'live.smart2030.600x.sendLagP95', value: sig(quantile(fast.sendLagMs, 0.95), 3), unit: 'ms batch sent→client' },
  { name: 'live.smart2030.600x.eventsPerSec', value: sig(fast.events / viewers / fast.seconds, 3), unit: 'events/s per viewer' },
  { name: 'live.smart2030.600x.bytesPerViewer', value: sig(perViewer(fast), 3), unit: 'KB/s per viewer' },
  { name: 'live.smart2030.60x.bytesPerViewer', value: sig(perViewer(slow), 3), unit: 'KB/s per viewer' },
  { name: 'live.smart2030.60x.eventsPerSec', value: sig(slow.events / viewers / slow.seconds, 3), unit: 'events/s per viewer' },
  { name: 'live.smart2030.60x.lagP95', value: sig(quantile(slow.lagMs, 0.95), 3), unit: 'ms sim→client (incl. batching)' },
];
console.log(JSON.stringify(rows));
process.exit(0);
