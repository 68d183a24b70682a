import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { CommandIo } from '../../experiments/command-io.ts';
import type { ReplicationJob } from '../../experiments/executor.ts';
import { checkKpiPaths } from '../../experiments/kpi-paths.ts';
import { writeOutputs } from '../../experiments/outputs.ts';
import { policyOverride } from '../../experiments/policies.ts';
import { codeVersion, receiptFor } from '../../experiments/receipt.ts';
import { checkCase, isFailure, junitXml, markdownSummary, toBaseline, type RegressResult } from '../../experiments/regress.ts';
import { readBaseline, writeBaseline } from '../../experiments/regression-baseline.ts';
import { readSuite } from '../../experiments/regression-suite.ts';
import { checkDays, resolveScenario, sampleKpis, scenarioHash } from '../../experiments/scenario-setup.ts';
import { Session } from '../../experiments/session.ts';
import { formatTable } from '../table.ts';
import { EXIT, parseWholeNumber, UsageError } from '../usage-error.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;

export interface RegressFlags {
  suite?: string;
  baselines?: string;
  update?: boolean;
  workers?: string;
  json?: boolean;
  out?: string;
  report?: string;
}

function table(r: RegressResult): string {
  const short = (s: string): string => (s.length > 24 ? `${s.slice(0, 21)}...` : s);
  return formatTable([['case', 'check', 'baseline', 'current', 'tolerance', 'status'], ...r.checks.map((c) => [c.case, c.check, short(c.baseline), short(c.current), c.tolerance, c.status])], new Set([2, 3]));
}

/** `crossing-twin regress` (registered in regress.ts). */
export async function regressAction(io: CommandIo, flags: RegressFlags): Promise<void> {
  const suiteFile = resolve(flags.suite ?? join(ROOT, 'scenarios/regression.json'));
  const dir = resolve(flags.baselines ?? join(ROOT, 'scenarios/regression-baselines'));
  const workers = flags.workers === undefined ? availableParallelism() : parseWholeNumber('--workers', flags.workers, 0, 1024);
  if (workers < 1) throw new UsageError(`--workers: expected at least 1 worker thread, got ${workers}`);
  if (flags.report !== undefined && !/\.html?$/i.test(flags.report)) throw new UsageError(`--report: expected a file name ending in .html, got '${flags.report}'`);
  const cases = readSuite(suiteFile);
  // Every case is resolved and its KPI paths checked before anything runs.
  const prepared = cases.map((c, i) => {
    const where = `--suite ${suiteFile}: $.cases[${i}] (${c.id})`;
    const overrides = [...c.set, ...(c.policy === undefined ? [] : [policyOverride(c.policy.split('=')[0]!, c.policy.split('=')[1]!, `${where}.policy`)])];
    const scenario = resolveScenario(c.scenario, [], overrides, where);
    checkDays(scenario, c.days, `${where}.days`);
    checkKpiPaths(`${where}.tolerances`, Object.keys(c.tolerances), sampleKpis(scenario));
    const jobs: ReplicationJob[] = c.seeds.map((seed) => ({ scenario, overrides, seed, ...(c.days === undefined ? {} : { days: c.days }) }));
    return { c, scenario, hash: scenarioHash(scenario), jobs, baseline: flags.update === true ? null : readBaseline(dir, c.id) };
  });
  const session = Session.local(workers, 0, undefined, 'regress');
  let flat;
  try {
    flat = await session.runJobs(prepared.flatMap((p) => p.jobs));
  } finally {
    await session.close();
  }
  let at = 0;
  const runsOf = prepared.map((p) => flat.slice(at, (at += p.jobs.length)));
  const result: RegressResult = { kind: 'regress', checks: [], failed: 0, passed: 0, notes: [] };
  prepared.forEach((p, i) => {
    const runs = runsOf[i]!;
    if (flags.update === true) {
      writeBaseline(dir, toBaseline(p.c, runs, p.hash, codeVersion()));
      result.notes.push(`${p.c.id}: baseline written to ${join(dir, `${p.c.id}.json`)}`);
    }
    const checked = checkCase(p.c, runs, flags.update === true ? toBaseline(p.c, runs, p.hash, codeVersion()) : p.baseline, p.hash);
    result.checks.push(...checked.checks);
    result.notes.push(...checked.notes);
  });
  result.failed = result.checks.filter((c) => isFailure(c.status)).length;
  result.passed = result.checks.length - result.failed;
  const receipt = receiptFor(io.argv, suiteFile, prepared.map((p) => p.hash).join(','), 0, [...new Set(cases.flatMap((c) => c.seeds))], undefined, workers, Object.fromEntries(prepared.map((p, i) => [p.c.id, runsOf[i]!.map((r) => r.traceHash)])));
  const full = { ...result, receipt };
  io.out(flags.json === true ? `${JSON.stringify(full, null, 2)}\n` : `${table(result)}\n\n${result.failed === 0 ? `regress: all ${result.checks.length} checks passed` : `regress: ${result.failed} of ${result.checks.length} checks failed:\n${result.checks.filter((c) => isFailure(c.status)).map((c) => `  ${c.message}`).join('\n')}`}${result.notes.length > 0 ? `\n${result.notes.map((n) => `note: ${n}`).join('\n')}` : ''}\n`);
  if (result.failed > 0) io.setExitCode(EXIT.FAILED);
  writeOutputs(full, { out: flags.out === undefined ? undefined : resolve(flags.out), report: flags.report === undefined ? undefined : resolve(flags.report) }, { 'junit.xml': junitXml(result), 'summary.md': markdownSummary(result) }, () => ({
    title: `Regression suite: ${result.failed === 0 ? 'passed' : `${result.failed} failed`}`,
    summary: [`${result.passed} of ${result.checks.length} checks passed.`, ...result.notes],
    charts: [],
    tables: [{ title: 'Checks', head: ['case', 'check', 'baseline', 'current', 'tolerance', 'status'], rows: result.checks.map((c) => [c.case, c.check, c.baseline, c.current, c.tolerance, c.status]) }],
    parameters: cases,
    receipt,
  }));
}
