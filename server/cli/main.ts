import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { formatRun } from './commands/run-format.ts';
import { formatRefereeReport } from '../referee/referee-format.ts';
import { runCommand } from './commands/run.ts';
import { registerCapacity } from './commands/capacity.ts';
import { registerCompare } from './commands/compare.ts';
import { registerRegress } from './commands/regress.ts';
import { registerReplicate } from './commands/replicate.ts';
import { registerSweep } from './commands/sweep.ts';
import { registerServe } from './commands/serve.ts';
import { collect, runValidateCommand } from './commands/validate.ts';
import { formatWorkload, runWorkloadCommand } from './commands/workload.ts';
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
    .action(async (target: string, opts: { seed?: string; days?: string; set: string[]; json?: boolean; trace?: string; check?: boolean; referee?: boolean }) => {
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
    .action((scenario: string, opts: { set: string[]; json?: boolean }) => runValidateCommand(scenario, opts, out));

  program
    .command('workload')
    .description('run the kernel standard workload (3 M/M/c stations in tandem, 1,000,000 customers) and print its summary')
    .option('--customers <n>', 'number of customers', undefined)
    .option('--seed <n>', 'run seed (whole number)', undefined)
    .option('--api <api>', "kernel API: 'callback' (hot path) or 'process' (generators)", undefined)
    .option('--json', 'print the summary as JSON on stdout')
    .action((opts: { customers?: string; seed?: string; api?: string; json?: boolean }) => {
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
