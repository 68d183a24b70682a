/**
 * `crossing-twin serve [--port P] [--scenario S] [--speed X]` (registered in serve.ts): the live
 * server with the viewer on one port (server/live). Runs until SIGINT or SIGTERM. `PORT` sets the
 * port when `--port` is not given; `CONTROL_TOKEN` makes control commands need that token (viewers
 * without it are read-only).
 */

import { loadScenario } from '../../../scenarios/index.ts';
import { MAX_NUMERIC_SPEED, type Speed } from '../../../sim-core/src/stream/protocol.ts';
import { startLiveServer, type LiveServerOptions } from '../../live/live-server.ts';
import { DEFAULT_LIMITS } from '../../live/session-manager.ts';
import { parseWholeNumber, UsageError } from '../usage-error.ts';

export interface ServeFlags {
  port?: string;
  host?: string;
  scenario: string;
  speed: string;
  seed?: string;
  days?: string;
  paused?: boolean;
}

/** `--speed`: a number of simulated seconds per wall second (1 … 100,000), or `max`. */
export function parseSpeed(raw: string): Speed {
  if (raw.trim() === 'max') return 'max';
  const text = raw.trim().replace(/x$/i, '');
  const n = Number(text);
  if (!(text !== '' && Number.isFinite(n) && n >= 1 && n <= MAX_NUMERIC_SPEED)) throw new UsageError(`--speed: expected a number from 1 to ${MAX_NUMERIC_SPEED} (e.g. 60 or 600x) or 'max', got '${raw}'`);
  return n;
}

/** The server options from the flags and the environment; throws UsageError on bad input. */
export function serveOptions(flags: ServeFlags, env: NodeJS.ProcessEnv): LiveServerOptions {
  const port = flags.port !== undefined ? parseWholeNumber('--port', flags.port, 0, 65535) : env['PORT'] !== undefined && env['PORT'] !== '' ? parseWholeNumber('PORT', env['PORT'], 0, 65535) : 8080;
  const r = loadScenario(flags.scenario);
  if (!r.ok) throw new UsageError(`--scenario ${flags.scenario}:\n${r.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
  const options: LiveServerOptions = { port, scenario: flags.scenario, speed: parseSpeed(flags.speed), viewer: 'build', controlToken: env['CONTROL_TOKEN'] === undefined || env['CONTROL_TOKEN'] === '' ? null : env['CONTROL_TOKEN'] };
  if (flags.host !== undefined) options.host = flags.host;
  if (flags.seed !== undefined) options.seed = parseWholeNumber('--seed', flags.seed, 0, 2 ** 32 - 1);
  if (flags.days !== undefined) {
    const d = Number(flags.days);
    if (!(Number.isFinite(d) && d > 0)) throw new UsageError(`--days: expected a positive number of days, got '${flags.days}'`);
    if (d > DEFAULT_LIMITS.maxHorizonDays) throw new UsageError(`--days: ${d} is over the live server's limit of ${DEFAULT_LIMITS.maxHorizonDays} simulated days`);
    options.days = d;
  }
  if (flags.paused === true) options.paused = true;
  return options;
}

/** Runs the live server until SIGINT or SIGTERM. */
export async function serveAction(io: { out: (s: string) => void }, flags: ServeFlags): Promise<void> {
  const options = serveOptions(flags, process.env);
  const server = await startLiveServer(options);
  io.out(`crossing-twin serve: ${flags.scenario} at ${options.speed}× on http://localhost:${server.port}/ (socket.io on the same port; ${options.controlToken === null ? 'every client may control' : 'control needs CONTROL_TOKEN'})\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      io.out('crossing-twin serve: shutting down\n');
      void server.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
