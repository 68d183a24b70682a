import { meanSeries, mser } from '../../sim-core/src/stats/mser.ts';
import type { Scenario } from '../../sim-core/src/model/scenario.ts';
import { UsageError } from '../cli/usage-error.ts';
import type { ReplicationResult } from './executor.ts';
import { estimate, type KpiEstimate } from './kpi-estimates.ts';
import type { KpiMetric } from './kpi-paths.ts';
import type { Configuration, Session } from './session.ts';

/** MSER-5 on one hourly series averaged over the replications. */
export interface WarmupSeries {
  series: string;
  /** Hours MSER-5 would cut from the start. */
  truncationHours: number;
  reliable: boolean;
}

/** How the warm-up of the replications was set. */
export interface WarmupReport {
  /** Hours discarded from each replication's statistics. */
  hours: number;
  source: 'scenario' | 'user' | 'mser-5';
  /** MSER-5 on the hourly series of the runs (of the pilot runs when source is mser-5). */
  mser: WarmupSeries[];
  /** What MSER-5 recommends: the longest reliable truncation (all series when none is reliable). */
  recommendedHours: number;
}

export interface ReplicateResult {
  kind: 'replicate';
  scenario: string;
  n: number;
  seeds: number[];
  warmup: WarmupReport;
  kpis: KpiEstimate[];
  traceHashes: string[];
  /** Hourly series averaged over the replications (for charts): index = hour. */
  hourly: { crossings: number[]; parkingQueue: number[]; storage: number[] };
}

/** The hourly series MSER-5 looks at, per replication. */
function hourlySeries(runs: readonly ReplicationResult[]): Record<'crossings' | 'parkingQueue' | 'storage', number[][]> {
  return {
    crossings: runs.map((r) => r.kpis.hourly.crossings.export.map((x, i) => x + (r.kpis.hourly.crossings.import[i] ?? 0))),
    parkingQueue: runs.map((r) => r.kpis.hourly.parkingQueue),
    storage: runs.map((r) => r.kpis.hourly.storage),
  };
}

/** MSER-5 on the replication-averaged hourly series of `runs`. */
export function detectWarmup(runs: readonly ReplicationResult[]): { mser: WarmupSeries[]; recommendedHours: number } {
  const found = Object.entries(hourlySeries(runs)).map(([series, rs]) => {
    const r = mser(meanSeries(rs), 5);
    return { series, truncationHours: r.truncation, reliable: r.reliable };
  });
  const reliable = found.filter((f) => f.reliable);
  const recommendedHours = Math.max(0, ...(reliable.length > 0 ? reliable : found).map((f) => f.truncationHours));
  return { mser: found, recommendedHours };
}

/** With a warm-up of `hours` set in the scenario. */
export function withWarmup(c: Configuration, hours: number): Configuration {
  const scenario: Scenario = { ...c.scenario, horizon: { ...c.scenario.horizon, warmupHours: hours } };
  return { label: c.label, scenario, overrides: [...c.overrides, `horizon.warmupHours=${hours}`] };
}

/**
 * `replicate`: n replications of one configuration, the t interval of each KPI's mean, and the
 * warm-up: the scenario's or the user's, or (`auto`) MSER-5 on pilot runs without warm-up whose
 * truncation point then becomes the warm-up of the measured runs.
 */
export async function replicate(session: Session, base: Configuration, n: number, metrics: readonly KpiMetric[], warmup: number | 'auto' | undefined, horizonHours: number): Promise<ReplicateResult> {
  let config = base;
  let source: WarmupReport['source'] = 'scenario';
  let pilot: { mser: WarmupSeries[]; recommendedHours: number } | null = null;
  if (warmup === 'auto') {
    const [pilotRuns] = await session.replicate([withWarmup(base, 0)], 0, n);
    pilot = detectWarmup(pilotRuns!);
    if (pilot.recommendedHours >= horizonHours) throw new UsageError(`--warmup auto: MSER-5 found no steady state within the ${horizonHours} h run; run more --days`);
    config = withWarmup(base, pilot.recommendedHours);
    source = 'mser-5';
  } else if (warmup !== undefined) {
    config = withWarmup(base, warmup);
    source = 'user';
  }
  const [runs] = await session.replicate([config], 0, n);
  const detected = pilot ?? detectWarmup(runs!);
  const hourly = hourlySeries(runs!);
  return {
    kind: 'replicate',
    scenario: base.scenario.meta.id,
    n,
    seeds: runs!.map((r) => r.seed),
    warmup: { hours: config.scenario.horizon.warmupHours, source, mser: detected.mser, recommendedHours: detected.recommendedHours },
    kpis: estimate(runs!, metrics),
    traceHashes: runs!.map((r) => r.traceHash),
    hourly: { crossings: meanSeries(hourly.crossings), parkingQueue: meanSeries(hourly.parkingQueue), storage: meanSeries(hourly.storage) },
  };
}
