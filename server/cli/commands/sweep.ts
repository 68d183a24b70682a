// The command line of `sweep` (replications over a grid of scenario values); what it does is in sweep-action.ts,
// loaded only when the command runs, so that other commands and --help do not pay for its imports.
import type { Command } from 'commander';
import type { CommandIo } from '../../experiments/command-io.ts';
import { withCommonOptions } from '../../experiments/experiment-options.ts';
import { collect } from '../repeatable.ts';
import type { SweepFlags } from './sweep-action.ts';

/** Registers `sweep`. */
export function registerSweep(program: Command, io: CommandIo): void {
  withCommonOptions(
    program
      .command('sweep')
      .description('replications at every point of a grid of scenario values: KPI means with 95 % intervals; JSON, CSV')
      .argument('<scenario>', 'preset name or path to a scenario JSON file')
      .option('--vary <path=a:b:step|path=v1,v2>', 'a scenario path and its values, e.g. demand.vehiclesPerDay=2000:4000:500 or control.craneScheduler.strategy=fifo,import-first (repeatable: the grid is every combination)', collect, [] as string[]),
    5,
  ).action((target: string, flags: SweepFlags) => import('./sweep-action.ts').then((m) => m.sweepAction(io, target, flags)));
}
