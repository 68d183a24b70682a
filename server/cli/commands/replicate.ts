// The command line of `replicate` (replications with confidence intervals and warm-up detection); what it does is in replicate-action.ts,
// loaded only when the command runs, so that other commands and --help do not pay for its imports.
import type { Command } from 'commander';
import type { CommandIo } from '../../experiments/command-io.ts';
import { withCommonOptions } from '../../experiments/experiment-options.ts';
import type { ReplicateFlags } from './replicate-action.ts';

/** Registers `replicate`. */
export function registerReplicate(program: Command, io: CommandIo): void {
  withCommonOptions(
    program
      .command('replicate')
      .description('n replications of a scenario: KPI means with 95 % confidence intervals, warm-up (MSER-5) detection')
      .argument('<scenario>', 'preset name or path to a scenario JSON file'),
    10,
  )
    .option('--warmup <hours|auto>', "warm-up hours discarded from every replication, or 'auto' for MSER-5 detection on pilot runs (default: the scenario's)")
    .action((target: string, flags: ReplicateFlags) => import('./replicate-action.ts').then((m) => m.replicateAction(io, target, flags)));
}
