// The command line of `regress` (the regression gate against committed baselines); what it does is in regress-action.ts,
// loaded only when the command runs, so that other commands and --help do not pay for its imports.
import type { Command } from 'commander';
import type { CommandIo } from '../../experiments/command-io.ts';
import type { RegressFlags } from './regress-action.ts';

/** Registers `regress`. */
export function registerRegress(program: Command, io: CommandIo): void {
  program
    .command('regress')
    .description('run the regression suite (scenario × policy × seeds × KPI tolerances) against committed baselines; exit 1 on a regression')
    .option('--suite <file>', 'the suite (default scenarios/regression.json)')
    .option('--baselines <dir>', 'the baselines folder (default scenarios/regression-baselines)')
    .option('--update', 'run the suite and rewrite every baseline (after an intended change to the model; review the diff)')
    .option('--workers <n>', 'worker threads (default: all cores)')
    .option('--json', 'print the result as JSON on stdout')
    .option('--out <dir>', 'write result.json, junit.xml and summary.md into <dir>')
    .option('--report <file.html>', 'write a self-contained HTML report')
    .action((flags: RegressFlags) => import('./regress-action.ts').then((m) => m.regressAction(io, flags)));
}
