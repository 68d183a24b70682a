import type { CommandIo } from '../../experiments/command-io.ts';
import { parseCommon, type CommonFlags } from '../../experiments/experiment-options.ts';
import { DEFAULT_KPIS, checkKpiPaths } from '../../experiments/kpi-paths.ts';
import { writeOutputs } from '../../experiments/outputs.ts';
import { receiptFor } from '../../experiments/receipt.ts';
import { checkDays, resolveScenario, sampleKpis, scenarioHash } from '../../experiments/scenario-setup.ts';
import { Session, withWarmPool, yieldToPool, type Configuration } from '../../experiments/session.ts';
import { sweep, sweepCsv, sweepRows, type SweepResult } from '../../experiments/sweep.ts';
import { assignment, grid, parseVary } from '../../experiments/vary.ts';
import type { ReportChart } from '../../experiments/html-report.ts';
import { formatTable } from '../table.ts';
import { UsageError } from '../usage-error.ts';

export interface SweepFlags extends CommonFlags {
  vary: string[];
}

/** Line charts of each KPI against the first swept path, one line per combination of the others. */
function sweepCharts(r: SweepResult): ReportChart[] {
  const [xPath, ...rest] = r.paths;
  if (xPath === undefined) return [];
  const numericX = r.points.every((p) => typeof p.values[xPath] === 'number');
  const xs = [...new Set(r.points.map((p) => p.values[xPath]!))];
  const groups = new Map<string, typeof r.points>();
  for (const p of r.points) {
    const key = rest.map((path) => `${path}=${p.values[path]}`).join(', ') || 'mean with 95 % interval';
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return (r.points[0]?.kpis ?? []).map((k, ki) => ({
    title: `${k.path} against ${xPath}`,
    xLabel: xPath,
    yLabel: k.unit === '' ? k.path : `${k.path} (${k.unit})`,
    x: numericX ? (xs as number[]) : xs.map((_, i) => i),
    ...(numericX ? {} : { xNames: xs.map(String) }),
    series: [...groups].map(([name, pts]) => {
      const at = (x: number | string) => pts.find((p) => p.values[xPath] === x)?.kpis[ki]?.ci;
      return { name, y: xs.map((x) => at(x)?.mean ?? null), lower: xs.map((x) => at(x)?.lower ?? null), upper: xs.map((x) => at(x)?.upper ?? null) };
    }),
  }));
}

/** `crossing-twin sweep` (registered in sweep.ts); a pool warmed up for it and left unused is closed. */
export const sweepAction = withWarmPool(async (io: CommandIo, target: string, flags: SweepFlags): Promise<void> => {
  const o = parseCommon(flags, 5);
  Session.warmUp(o.workers);
  if (flags.vary.length === 0) throw new UsageError('--vary: give at least one, e.g. --vary demand.vehiclesPerDay=2000:4000:500');
  const variations = flags.vary.map((v) => parseVary(v));
  const dup = variations.find((v, i) => variations.findIndex((w) => w.path === v.path) !== i);
  if (dup !== undefined) throw new UsageError(`--vary: ${dup.path} is varied twice`);
  const base = resolveScenario(target, o.sets);
  // Every point is checked before anything runs: a bad value names the --vary that made it.
  const combos = grid(variations);
  const configs: Configuration[] = [];
  for (const combo of combos) {
    await yieldToPool();
    const overrides = combo.map((c) => assignment(c.path, c.value));
    const scenario = resolveScenario(target, o.sets, overrides, '--vary');
    checkDays(scenario, o.days);
    configs.push({ label: overrides.join(' '), scenario, overrides: [...o.sets, ...overrides] });
  }
  await yieldToPool();
  const metrics = checkKpiPaths('--kpi', o.kpis.length > 0 ? o.kpis : [...DEFAULT_KPIS], sampleKpis(base));
  const baseSeed = o.seed ?? base.seed;
  const session = Session.local(o.workers, baseSeed, o.days, 'sweep');
  let result: SweepResult;
  try {
    result = await sweep(session, configs, combos.map((combo) => Object.fromEntries(combo.map((c) => [c.path, c.value]))), o.n, metrics);
  } finally {
    await session.close();
  }
  const receipt = receiptFor(io.argv, target, scenarioHash(base), baseSeed, result.seeds, o.days, o.workers, Object.fromEntries(configs.map((c, i) => [c.label, result.points[i]!.traceHashes])));
  const full = { ...result, receipt };
  io.out(o.json ? `${JSON.stringify(full, null, 2)}\n` : `${result.scenario}: ${result.points.length} points × ${result.n} replications (mean ± 95 % half-width)\n\n${formatTable(sweepRows(result), new Set(result.points[0]?.kpis.map((_, i) => i + result.paths.length) ?? []))}\n`);
  writeOutputs(full, o, { 'sweep.csv': sweepCsv(result) }, () => ({
    title: `Sweep of ${base.meta.title.en} (${base.meta.id})`,
    summary: [`${result.points.length} points × ${result.n} replications, common random numbers across points; varied: ${flags.vary.join('; ')}.`],
    charts: sweepCharts(result),
    tables: [{ title: 'Grid (mean ± 95 % half-width)', head: sweepRows(result)[0]!, rows: sweepRows(result).slice(1) }],
    parameters: base,
    receipt,
  }));
});
