import { confidenceInterval, type ConfidenceInterval } from '../../sim-core/src/stats/confidence.ts';
import type { ReplicationResult } from './executor.ts';
import { readKpi, type KpiMetric } from './kpi-paths.ts';

/** A KPI over replications: each replication's value and the Student t interval of the mean. */
export interface KpiEstimate extends KpiMetric {
  /** One per replication, in order (null where the run had no value, e.g. no trucks). */
  values: Array<number | null>;
  /** 95 % interval over the non-null values. */
  ci: ConfidenceInterval;
}

/** Estimates of `metrics` over `runs` (replications of one configuration). */
export function estimate(runs: readonly ReplicationResult[], metrics: readonly KpiMetric[], level = 0.95): KpiEstimate[] {
  return metrics.map((m) => {
    const values = runs.map((r) => readKpi(r.kpis, m.path));
    return { ...m, values, ci: confidenceInterval(values.filter((v): v is number => v !== null), level) };
  });
}
