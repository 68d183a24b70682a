// The command line of `capacity` (the largest demand that meets a KPI target); what it does is in capacity-action.ts,
// loaded only when the command runs, so that other commands and --help do not pay for its imports.
import type { Command } from 'commander';
import type { CommandIo } from '../../experiments/command-io.ts';
import { withCommonOptions } from '../../experiments/experiment-options.ts';
import type { CapacityFlags } from './capacity-action.ts';

/** Registers `capacity`. */
export function registerCapacity(program: Command, io: CommandIo): void {
  withCommonOptions(
    program
      .command('capacity')
      .description('the largest demand that meets a KPI target, by a CI-aware bisection, and the bottleneck at the knee')
      .argument('<scenario>', 'preset name or path to a scenario JSON file')
      .option('--target <kpi<=value>', "the target, e.g. 'truckTurnTimeMin.p95<=90' (operators <=, <, >=, >)")
      .option('--vary <path[=low:high]>', 'the searched scenario path and range (default demand.vehiclesPerDay from 10 % to 200 % of its value)')
      .option('--resolution <x>', 'stop when the knee is bracketed this tightly (default 1 % of the range)')
      .option('--max-reps <n>', 'replications an undecided level may get (default 4 × n)'),
    5,
  ).action((target: string, flags: CapacityFlags) => import('./capacity-action.ts').then((m) => m.capacityAction(io, target, flags)));
}
