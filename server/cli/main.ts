import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
// Only the command line itself is loaded up front: each command's action imports what it needs
// when it runs (--version and --help load no simulation, validate no model runs, serve no
// experiments). Keep heavy imports out of this file and out of the commands' registration modules.
import { registerCapacity } from './commands/capacity.ts';
import { registerCompare } from './commands/compare.ts';
import { registerRegress } from './commands/regress.ts';
import { registerReplicate } from './commands/replicate.ts';
import { registerSweep } from './commands/sweep.ts';
import { registerServe } from './commands/serve.ts';
import type { RunOptions } from './commands/run.ts';
import type { WorkloadOptions } from './commands/workload.ts';
import { collect } from './repeatable.ts';
import { EXIT, UsageError } from './usage-error.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string; description: string };

/** Set by a command that ran but failed its checks (exit 1). */
let exitCode: number = EXIT.OK;

/** Builds the `crossing-twin` command line. Each command validates its input before running. */
export function buildProgram(out: (s: string) => void = (s) => process.stdout.write(s)): Command {
  const program = new Command('crossing-twin')
    .description(pkg.description)
    .version(pkg.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: (s) => process.stderr.write(s) });

  program
    .command('run')
    .description('run a scenario (preset name or JSON file) and print its KPI summary')
    .argument('<scenario>', 'preset name (e.g. huu-nghi-smart-2030) or path to a scenario JSON file')
    .option('--seed <n>', "run seed (whole number; default: the scenario's)")
    .option('--days <d>', "simulated days (default: the scenario's horizon)")
    .option('--set <path=value>', 'override a scenario value, e.g. demand.vehiclesPerDay=4000 (repeatable)', collect, [] as string[])
    .option('--json', 'print the summary as JSON on stdout')
    .option('--trace <file>', 'write every event and domain record as NDJSON to <file>')
    .option('--check', "exit 1 when the scenario's targets are missed")
    .option('--referee', 'check IGV footprints for overlap during the run; exit 1 with time, vehicles and coordinates on any collision')
    .action(async (target: string, opts: RunOptions & { set: string[] }) => {
      const [{ runCommand }, { formatRun }, { formatRefereeReport }] = await Promise.all([import('./commands/run.ts'), import('./commands/run-format.ts'), import('../referee/referee-format.ts')]);
      const report = await runCommand(target, opts, () => performance.now());
      out(opts.json === true ? `${JSON.stringify(report, null, 2)}\n` : `${formatRun(report, report.title.en)}\n`);
      if (report.referee !== undefined) {
        // The verdict goes to stderr with --json so stdout stays one JSON document.
        const verdict = `${formatRefereeReport(report.referee)}\n`;
        if (opts.json === true) process.stderr.write(verdict);
        else out(verdict);
        if (!report.referee.ok) exitCode = EXIT.FAILED;
      }
      if (opts.check === true && report.targets.some((t) => !t.met)) {
        process.stderr.write(`crossing-twin: targets missed: ${report.targets.filter((t) => !t.met).map((t) => t.target).join(', ')}\n`);
        exitCode = EXIT.FAILED;
      }
    });

  program
    .command('validate')
    .description('check a scenario (preset name or JSON file) and list every problem with its JSON path')
    .argument('<scenario>', 'preset name (e.g. huu-nghi-smart-2030) or path to a scenario JSON file')
    .option('--set <path=value>', 'override a scenario value before checking, e.g. demand.vehiclesPerDay=4000 (repeatable)', collect, [] as string[])
    .option('--json', 'print the problems as a JSON array of { path, message } on stdout (layout findings add code, severity and at [x, y]; [] when there are none)')
    .action((scenario: string, opts: { set: string[]; json?: boolean }) => import('./commands/validate.ts').then((m) => m.runValidateCommand(scenario, opts, out)));

  program
    .command('workload')
    .description('run the kernel standard workload (3 M/M/c stations in tandem, 1,000,000 customers) and print its summary')
    .option('--customers <n>', 'number of customers', undefined)
    .option('--seed <n>', 'run seed (whole number)', undefined)
    .option('--api <api>', "kernel API: 'callback' (hot path) or 'process' (generators)", undefined)
    .option('--json', 'print the summary as JSON on stdout')
    .action(async (opts: WorkloadOptions) => {
      const { formatWorkload, runWorkloadCommand } = await import('./commands/workload.ts');
      const summary = runWorkloadCommand(opts, () => performance.now());
      out(opts.json === true ? `${JSON.stringify(summary, null, 2)}\n` : `${formatWorkload(summary)}\n`);
    });

  // Experiments (server/experiments): replications, sweeps, capacity, comparison, regression gate.
  const io = { out, argv: process.argv.slice(2), setExitCode: (code: number) => void (exitCode = code) };
  for (const register of [registerReplicate, registerSweep, registerCapacity, registerCompare, registerRegress, registerServe]) register(program, io);
  return program;
}

/** Runs the CLI and returns the exit code (0 ok, 1 failed, 2 bad input). */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are "errors" to commander; they succeeded for us. Parse errors are bad input.
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.OK;
      return EXIT.BAD_INPUT;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`crossing-twin: ${e.message}\n`);
      return EXIT.BAD_INPUT;
    }
    process.stderr.write(`crossing-twin: run failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.FAILED;
  }
}

process.exitCode = await main(process.argv.slice(2));
