import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { collect } from '../cli/repeatable.ts';
import { parseWholeNumber, UsageError } from '../cli/usage-error.ts';

/** Flags every experiment command takes, as commander hands them over (strings). */
export interface CommonFlags {
  n?: string;
  seed?: string;
  days?: string;
  set: string[];
  kpi: string[];
  workers?: string;
  json?: boolean;
  out?: string;
  report?: string;
}

/** The same flags, checked. */
export interface CommonOptions {
  n: number;
  /** Base seed of the replications; the scenario's seed when not given. */
  seed: number | undefined;
  days: number | undefined;
  sets: string[];
  kpis: string[];
  workers: number;
  json: boolean;
  out: string | undefined;
  report: string | undefined;
}

/** Adds the shared flags to an experiment command. */
export function withCommonOptions(cmd: Command, defaultN: number): Command {
  return cmd
    .option('-n, --n <reps>', `replications per configuration (default ${defaultN})`)
    .option('--seed <n>', "base seed; replication i runs with a seed derived from it and i (default: the scenario's seed)")
    .option('--days <d>', "simulated days per replication (default: the scenario's horizon)")
    .option('--set <path=value>', 'override a scenario value, e.g. demand.vehiclesPerDay=4000 (repeatable)', collect, [] as string[])
    .option('--kpi <path>', 'a KPI to report, e.g. truckTurnTimeMin.p95 or stations.scanners.queueWaitMin.mean (repeatable; default: the main KPIs)', collect, [] as string[])
    .option('--workers <n>', 'worker threads (default: all cores)')
    .option('--json', 'print the result as JSON on stdout')
    .option('--out <dir>', 'write result.json (and CSV, JUnit, Markdown where the command has them) into <dir>')
    .option('--report <file.html>', 'write a self-contained HTML report with charts, tables, parameters and a run receipt');
}

/** Checks the shared flags; `minN` is the fewest replications the command can work with. */
export function parseCommon(flags: CommonFlags, defaultN: number, minN = 2): CommonOptions {
  const n = flags.n === undefined ? defaultN : parseWholeNumber('-n', flags.n, 1, 10_000);
  if (n < minN) throw new UsageError(`-n: ${n} replication${n === 1 ? '' : 's'} cannot give a confidence interval; use at least ${minN}`);
  const workers = flags.workers === undefined ? availableParallelism() : parseWholeNumber('--workers', flags.workers, 0, 1024);
  if (workers < 1) throw new UsageError(`--workers: expected at least 1 worker thread, got ${workers}`);
  let days: number | undefined;
  if (flags.days !== undefined) {
    const d = Number(flags.days);
    if (!(flags.days.trim() !== '' && Number.isFinite(d) && d > 0 && d <= 366)) throw new UsageError(`--days: expected a number of days in (0, 366], got '${flags.days}'`);
    days = d;
  }
  if (flags.report !== undefined && !/\.html?$/i.test(flags.report)) throw new UsageError(`--report: expected a file name ending in .html, got '${flags.report}'`);
  return {
    n,
    seed: flags.seed === undefined ? undefined : parseWholeNumber('--seed', flags.seed, 0),
    days,
    sets: flags.set,
    kpis: flags.kpi,
    workers,
    json: flags.json === true,
    out: flags.out === undefined ? undefined : resolve(flags.out),
    report: flags.report === undefined ? undefined : resolve(flags.report),
  };
}
