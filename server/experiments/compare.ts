import { comparePaired, type PairedComparison } from '../../sim-core/src/stats/paired-verdict.ts';
import { estimate, type KpiEstimate } from './kpi-estimates.ts';
import { readKpi, type KpiMetric } from './kpi-paths.ts';
import type { Configuration, Session } from './session.ts';

/** A candidate policy against the baseline: paired difference per KPI and an overall verdict. */
export interface PolicyComparison {
  policy: string;
  baseline: string;
  kpis: Array<KpiMetric & PairedComparison & { baselineMean: number | null; relative: number | null }>;
  /** better: better on some judged KPI and worse on none; worse: the reverse; mixed; no-difference. */
  verdict: 'better' | 'worse' | 'mixed' | 'no-difference';
}

export interface CompareResult {
  kind: 'compare';
  scenario: string;
  key: string;
  n: number;
  seeds: number[];
  policies: Array<{ name: string; kpis: KpiEstimate[]; traceHashes: string[] }>;
  comparisons: PolicyComparison[];
}

/**
 * `compare`: n replications of each policy with common random numbers (replication i of every
 * policy runs with the same seed, and named streams keep the arrivals and service draws apart
 * from the control logic's), then paired differences candidate − baseline per KPI.
 */
export async function compare(session: Session, key: string, configs: readonly Configuration[], n: number, metrics: readonly KpiMetric[]): Promise<CompareResult> {
  const runs = await session.replicate(configs, 0, n);
  const base = runs[0]!;
  const comparisons: PolicyComparison[] = configs.slice(1).map((c, k) => {
    const cand = runs[k + 1]!;
    const kpis = metrics.map((m) => {
      const a = base.map((r) => readKpi(r.kpis, m.path));
      const b = cand.map((r) => readKpi(r.kpis, m.path));
      const p = comparePaired(a, b, m.better);
      const baseMean = estimate(base, [m])[0]!.ci.mean;
      const relative = p.diff.mean === null || baseMean === null || baseMean === 0 ? null : p.diff.mean / Math.abs(baseMean);
      return { ...m, ...p, baselineMean: baseMean, relative };
    });
    const better = kpis.some((x) => x.verdict === 'better');
    const worse = kpis.some((x) => x.verdict === 'worse');
    return { policy: c.label, baseline: configs[0]!.label, kpis, verdict: better && worse ? 'mixed' : better ? 'better' : worse ? 'worse' : 'no-difference' };
  });
  return {
    kind: 'compare',
    scenario: configs[0]!.scenario.meta.id,
    key,
    n,
    seeds: base.map((r) => r.seed),
    policies: configs.map((c, i) => ({ name: c.label, kpis: estimate(runs[i]!, metrics), traceHashes: runs[i]!.map((r) => r.traceHash) })),
    comparisons,
  };
}
