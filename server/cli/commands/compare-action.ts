import type { CommandIo } from '../../experiments/command-io.ts';
import { compare, type CompareResult } from '../../experiments/compare.ts';
import { parseCommon, type CommonFlags } from '../../experiments/experiment-options.ts';
import { DEFAULT_KPIS, checkKpiPaths } from '../../experiments/kpi-paths.ts';
import { meanPm, num } from '../../experiments/kpi-table.ts';
import { writeOutputs } from '../../experiments/outputs.ts';
import { parsePolicies } from '../../experiments/policies.ts';
import { receiptFor } from '../../experiments/receipt.ts';
import { checkDays, resolveScenario, sampleKpis, scenarioHash } from '../../experiments/scenario-setup.ts';
import { Session, withWarmPool, type Configuration } from '../../experiments/session.ts';
import { formatTable } from '../table.ts';
import { UsageError } from '../usage-error.ts';

export interface CompareFlags extends CommonFlags {
  policies?: string;
}

/** Rows of the paired-difference table of one candidate. */
function diffRows(r: CompareResult, k: number): string[][] {
  const c = r.comparisons[k]!;
  return c.kpis.map((x) => [x.path, x.unit, meanPm(r.policies[0]!.kpis.find((e) => e.path === x.path)!.ci), meanPm(r.policies[k + 1]!.kpis.find((e) => e.path === x.path)!.ci), x.diff.mean === null ? '–' : `${num(x.diff.mean)} ± ${num(x.diff.halfWidth)}`, x.relative === null ? '–' : `${(x.relative * 100).toFixed(1)} %`, x.verdict]);
}

function formatCompare(r: CompareResult): string {
  const parts = [`${r.scenario}: ${r.policies.map((p) => p.name).join(' vs ')}, ${r.n} paired replications (common random numbers), 95 % intervals of the difference`];
  r.comparisons.forEach((c, k) => {
    parts.push('', `${c.policy} against ${c.baseline}: ${c.verdict}`);
    parts.push(formatTable([['KPI', 'unit', c.baseline, c.policy, 'difference', 'relative', 'verdict'], ...diffRows(r, k)], new Set([2, 3, 4, 5])));
  });
  return parts.join('\n');
}

/** `crossing-twin compare` (registered in compare.ts); a pool warmed up for it and left unused is closed. */
export const compareAction = withWarmPool(async (io: CommandIo, target: string, flags: CompareFlags): Promise<void> => {
  const o = parseCommon(flags, 10);
  Session.warmUp(o.workers);
  if (flags.policies === undefined) throw new UsageError('--policies: required, e.g. --policies craneScheduler=fifo,import-first');
  const { key, policies } = parsePolicies(flags.policies);
  const base = resolveScenario(target, o.sets);
  const configs: Configuration[] = policies.map((p) => {
    const scenario = resolveScenario(target, o.sets, p.overrides, `--policies ${key}=${p.name}:`);
    checkDays(scenario, o.days);
    return { label: p.name, scenario, overrides: [...o.sets, ...p.overrides] };
  });
  const metrics = checkKpiPaths('--kpi', o.kpis.length > 0 ? o.kpis : [...DEFAULT_KPIS], sampleKpis(base));
  const baseSeed = o.seed ?? base.seed;
  const session = Session.local(o.workers, baseSeed, o.days, 'compare');
  let result: CompareResult;
  try {
    result = await compare(session, key, configs, o.n, metrics);
  } finally {
    await session.close();
  }
  const receipt = receiptFor(io.argv, target, scenarioHash(base), baseSeed, result.seeds, o.days, o.workers, Object.fromEntries(result.policies.map((p) => [`${key}=${p.name}`, p.traceHashes])));
  const full = { ...result, receipt };
  io.out(o.json ? `${JSON.stringify(full, null, 2)}\n` : `${formatCompare(result)}\n`);
  writeOutputs(full, o, {}, () => ({
    title: `Policy comparison on ${base.meta.title.en} (${base.meta.id}): ${key}`,
    summary: [`${result.n} paired replications with common random numbers; each candidate minus the baseline ${result.policies[0]!.name}.`, ...result.comparisons.map((c) => `${c.policy} against ${c.baseline}: ${c.verdict}.`)],
    charts: result.comparisons.map((c) => ({
      title: `${c.policy} − ${c.baseline}: paired difference as % of the baseline mean, with 95 % interval`,
      xLabel: 'KPI',
      yLabel: '% of baseline',
      x: c.kpis.map((_, i) => i),
      xNames: c.kpis.map((x) => x.path),
      series: [
        {
          name: `${c.policy} − ${c.baseline}`,
          points: true,
          y: c.kpis.map((x) => (x.relative === null ? null : x.relative * 100)),
          lower: c.kpis.map((x) => (x.relative === null || x.diff.lower === null ? null : (100 * x.diff.lower) / Math.abs(x.baselineMean!))),
          upper: c.kpis.map((x) => (x.relative === null || x.diff.upper === null ? null : (100 * x.diff.upper) / Math.abs(x.baselineMean!))),
        },
      ],
      hline: { y: 0, label: 'no difference' },
    })),
    tables: result.comparisons.map((c, k) => ({ title: `${c.policy} against ${c.baseline}: ${c.verdict}`, head: ['KPI', 'unit', c.baseline, c.policy, 'difference ± 95 %', 'relative', 'verdict'], rows: diffRows(result, k) })),
    parameters: base,
    receipt,
  }));
});
