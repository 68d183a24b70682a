import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerCapacity } from '../../cli/commands/capacity.ts';
import { registerCompare } from '../../cli/commands/compare.ts';
import { registerRegress } from '../../cli/commands/regress.ts';
import { registerReplicate } from '../../cli/commands/replicate.ts';
import { registerSweep } from '../../cli/commands/sweep.ts';
import { UsageError } from '../../cli/usage-error.ts';
import { cli, tempDir } from './helpers.ts';

/**
 * The experiment commands as main.ts registers them, run in this process: every case is checked
 * to throw a UsageError (main.ts turns it into exit code 2) before anything runs or is written.
 * A few cases also go through the real CLI for the exit code and stderr.
 */
async function usageError(args: string[]): Promise<string> {
  const program = new Command('crossing-twin').exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
  const io = { out: (s: string) => void s, argv: args, setExitCode: () => {} };
  for (const register of [registerReplicate, registerSweep, registerCapacity, registerCompare, registerRegress]) register(program, io);
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (e) {
    if (e instanceof UsageError || e instanceof CommanderError) return e.message;
    throw e;
  }
  throw new Error(`no error for ${args.join(' ')}`);
}

describe('experiments refuse bad input with exit 2, naming the flag or path, and run nothing', () => {
  const dir = tempDir();
  const brokenSuite = join(dir, 'broken-suite.json');
  writeFileSync(brokenSuite, JSON.stringify({ cases: [{ id: 'x', scenario: 'tiny', seeds: [], tolerances: {} }] }));
  const badKpiSuite = join(dir, 'bad-kpi-suite.json');
  writeFileSync(badKpiSuite, JSON.stringify({ cases: [{ id: 'x', scenario: 'tiny', seeds: [1], tolerances: { truckTurnTime: { abs: 1 } } }] }));
  const cases: Array<[string[], RegExp]> = [
    // impossible n, workers, days, warm-up
    [['replicate', 'tiny', '-n', '1'], /-n: 1 replication cannot give a confidence interval; use at least 2/],
    [['replicate', 'tiny', '-n', 'ten'], /-n: expected a whole number, got 'ten'/],
    [['replicate', 'tiny', '--workers', '0'], /--workers: expected at least 1 worker thread, got 0/],
    [['replicate', 'tiny', '--days', '-1'], /--days: expected a number of days in \(0, 366\], got '-1'/],
    [['replicate', 'tiny', '--warmup', 'soon'], /--warmup: expected hours \(a number ≥ 0\) or 'auto', got 'soon'/],
    [['replicate', 'tiny', '--warmup', '6'], /--warmup: 6 h is not shorter than the run \(6 h\)/],
    [['replicate', 'tiny', '--report', 'r.pdf'], /--report: expected a file name ending in .html/],
    // unknown scenario, KPI and scenario paths
    [['replicate', 'nope'], /scenario 'nope' is not valid .*unknown preset "nope"/s],
    [['replicate', 'tiny', '--kpi', 'truckTurnTimeMin.p96'], /--kpi: unknown KPI path 'truckTurnTimeMin.p96' \(did you mean "truckTurnTimeMin.p95"\?\)/],
    [['replicate', 'tiny', '--set', 'demand.perDay=3'], /unknown field "perDay" in demand/],
    [['sweep', 'tiny', '--vary', 'demand.vehiclesPerDy=100,200'], /--vary demand.vehiclesPerDy=100: .*unknown field "vehiclesPerDy"/],
    // empty and malformed ranges
    [['sweep', 'tiny'], /--vary: give at least one/],
    [['sweep', 'tiny', '--vary', 'demand.vehiclesPerDay=300:100:50'], /--vary demand.vehiclesPerDay: empty range 300:100/],
    [['sweep', 'tiny', '--vary', 'demand.vehiclesPerDay=100:300:0'], /--vary demand.vehiclesPerDay: the step must be > 0/],
    [['sweep', 'tiny', '--vary', 'demand.vehiclesPerDay=100:300'], /--vary demand.vehiclesPerDay: a range is a:b:step/],
    [['sweep', 'tiny', '--vary', 'demand.vehiclesPerDay=100,,200'], /--vary demand.vehiclesPerDay: empty value/],
    [['sweep', 'tiny', '--vary', 'demand.vehiclesPerDay=-5,100'], /--vary demand.vehiclesPerDay=-5: /],
    [['sweep', 'tiny', '--vary', 'novalues'], /--vary: expected path=a:b:step or path=v1,v2/],
    // malformed targets
    [['capacity', 'tiny'], /--target: required/],
    [['capacity', 'tiny', '--target', 'truckTurnTimeMin.p95 ~ 90'], /--target: expected KPI<=value/],
    [['capacity', 'tiny', '--target', 'truckTurnTimeMin.p95<=ninety'], /--target: the threshold 'ninety' is not a number/],
    [['capacity', 'tiny', '--target', 'truckTurn.p95<=90'], /--target: unknown KPI path 'truckTurn.p95'/],
    [['capacity', 'tiny', '--target', 'truckTurnTimeMin.p95<=90', '--vary', 'demand.vehiclesPerDay=400:100'], /--vary demand.vehiclesPerDay: empty range 400:100/],
    [['capacity', 'tiny', '--target', 'truckTurnTimeMin.p95<=90', '--vary', 'meta.id'], /--vary: meta.id is not a positive number in the scenario/],
    [['capacity', 'tiny', '--target', 'truckTurnTimeMin.p95<=90', '--max-reps', '2'], /--max-reps: 2 is out of range \(5\.\./],
    // unknown policies and controllers
    [['compare', 'tiny'], /--policies: required/],
    [['compare', 'tiny', '--policies', 'craneScheduler=fifo,fastest'], /--policies craneScheduler: unknown policy 'fastest'; the strategies of craneScheduler are "?fifo"?,? and "?import-first"?/],
    [['compare', 'tiny', '--policies', 'craneSchedular=fifo,import-first'], /--policies: unknown controller 'craneSchedular' \(did you mean "craneScheduler"\?\)/],
    [['compare', 'tiny', '--policies', 'craneScheduler=fifo'], /give at least two policies/],
    [['compare', 'tiny', '--policies', 'transport.igv.fleet=6,-2'], /--policies transport.igv.fleet=-2/],
    // regress suites
    [['regress', '--suite', join(dir, 'missing.json')], /--suite: cannot read '.*missing.json': no such file/],
    [['regress', '--suite', brokenSuite], /--suite .*broken-suite.json: \$\.cases\[0\]\.seeds: .*; \$\.cases\[0\]\.tolerances: list at least one KPI/],
    [['regress', '--suite', badKpiSuite], /\$\.cases\[0\] \(x\)\.tolerances: unknown KPI path 'truckTurnTime'/],
    [['regress', '--workers', 'x'], /--workers: expected a whole number, got 'x'/],
  ];

  it.each(cases.map(([args, re]) => [args.join(' '), args, re] as const))('%s', async (_, args, re) => {
    const out = join(dir, `out-${args.join('_').replace(/\W/g, '')}`);
    expect(await usageError([...args, '--out', out])).toMatch(re);
    expect(existsSync(out)).toBe(false);
  });

  it.each([0, 8, 21, 26])('through the CLI: exit 2, the message on stderr, nothing on stdout (case %i)', (i) => {
    const [args, re] = cases[i]!;
    const out = join(dir, `cli-out-${i}`);
    const r = cli(...args, '--out', out);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(re);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});
