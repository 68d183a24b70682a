// The command line of `compare` (control policies compared with common random numbers); what it does is in compare-action.ts,
// loaded only when the command runs, so that other commands and --help do not pay for its imports.
import type { Command } from 'commander';
import type { CommandIo } from '../../experiments/command-io.ts';
import { withCommonOptions } from '../../experiments/experiment-options.ts';
import type { CompareFlags } from './compare-action.ts';

/** Registers `compare`. */
export function registerCompare(program: Command, io: CommandIo): void {
  withCommonOptions(
    program
      .command('compare')
      .description('compare control policies with common random numbers: paired differences with 95 % intervals per KPI, and a verdict')
      .argument('<scenario>', 'preset name or path to a scenario JSON file')
      .option('--policies <controller=a,b[,c]>', 'a controller and its strategies (e.g. craneScheduler=fifo,import-first), or a scenario path and values (e.g. transport.igv.fleet=60,80); the first is the baseline'),
    10,
  ).action((target: string, flags: CompareFlags) => import('./compare-action.ts').then((m) => m.compareAction(io, target, flags)));
}
