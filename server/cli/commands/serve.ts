// The command line of `serve` (the live server); what it does is in serve-action.ts, loaded only
// when the command runs, so that other commands and --help do not pay for socket.io and the model.
import type { Command } from 'commander';
import type { ServeFlags } from './serve-action.ts';

/** Registers `serve`. */
export function registerServe(program: Command, io: { out: (s: string) => void }): void {
  program
    .command('serve')
    .description('run the live server: a preset simulated live, streamed over socket.io, with the 3D viewer on the same port')
    .option('--port <p>', 'TCP port (default: $PORT or 8080; 0 picks a free one)')
    .option('--host <h>', 'address to listen on (default 0.0.0.0)')
    .option('--scenario <s>', 'preset name or scenario file of the main session', 'huu-nghi-smart-2030')
    .option('--speed <x>', "simulated seconds per wall second, 1 to 100000, or 'max'", '60')
    .option('--seed <n>', "run seed (default: the scenario's)")
    .option('--days <d>', "simulated days (default: the scenario's horizon)")
    .option('--paused', 'start paused')
    .action((flags: ServeFlags) => import('./serve-action.ts').then((m) => m.serveAction(io, flags)));
}
