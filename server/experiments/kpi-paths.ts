import type { CrossingKpis } from '../../sim-core/src/model/run-summary.ts';
import type { Better } from '../../sim-core/src/stats/paired-verdict.ts';
import { didYouMean, listWords } from '../../sim-core/src/random/spec-reader.ts';
import { UsageError } from '../cli/usage-error.ts';

/** A KPI an experiment reports: a dotted path into the run's `kpis`, its unit and good direction. */
export interface KpiMetric {
  path: string;
  unit: string;
  better: Better;
}

/** Reported when the user names none: what planners and dispatch developers look at first. */
export const DEFAULT_KPIS = ['vehiclesPerDay', 'truckTurnTimeMin.mean', 'truckTurnTimeMin.p50', 'truckTurnTimeMin.p95', 'clearanceTimeMin.export.p50', 'clearanceTimeMin.import.p50', 'inSystemAtEnd.containers'] as const;

/** The value at `path` in `kpis` (null when absent or not a number, e.g. the p95 of no trucks). */
export function readKpi(kpis: CrossingKpis, path: string): number | null {
  let v: unknown = kpis;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return null;
    v = (v as Record<string, unknown>)[key];
  }
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Every numeric path of `kpis` except the hourly series (sorted), for checks and messages. */
export function numericPaths(kpis: CrossingKpis): string[] {
  const out: string[] = [];
  const walk = (v: unknown, prefix: string): void => {
    if (typeof v === 'number' || v === null) {
      out.push(prefix);
      return;
    }
    if (typeof v !== 'object' || Array.isArray(v)) return;
    for (const [k, child] of Object.entries(v as Record<string, unknown>)) if (!(prefix === '' && k === 'hourly')) walk(child, prefix === '' ? k : `${prefix}.${k}`);
  };
  walk(kpis, '');
  return out.sort();
}

/** Unit and direction of a KPI from its name (the contract's naming: *Min in minutes...). */
export function metricOf(path: string): KpiMetric {
  const parts = path.split('.');
  const head = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  if (head === 'vehiclesPerDay') return { path, unit: 'veh/day', better: 'higher' };
  if (head === 'containersCrossed') return { path, unit: 'containers', better: 'higher' };
  if (head === 'utilization' || last === 'utilization') return { path, unit: '0..1', better: 'none' };
  if (path.includes('Min')) return { path, unit: 'min', better: last === 'count' ? 'none' : 'lower' };
  if (head === 'inSystemAtEnd' || last === 'meanQueue' || last === 'maxQueue' || last === 'documentCheckOverLimit' || last === 'inspectionOverLimit' || head === 'manualGateChecks') return { path, unit: '', better: 'lower' };
  return { path, unit: '', better: 'none' };
}

/**
 * Checks KPI paths named by a flag against the KPIs a scenario actually produces (a short probe
 * run gives them: which stations exist depends on the stages switched on); an unknown path is a
 * UsageError naming the flag, with the closest known paths.
 */
export function checkKpiPaths(flag: string, paths: readonly string[], sample: CrossingKpis): KpiMetric[] {
  const known = numericPaths(sample);
  return paths.map((p) => {
    if (!known.includes(p)) {
      const near = didYouMean(p, known);
      const family = known.filter((k) => k.startsWith(`${p.split('.')[0]}.`) || k === p.split('.')[0]);
      throw new UsageError(`${flag}: unknown KPI path '${p}'${near}; ${family.length > 0 ? `paths under '${p.split('.')[0]}' are ${listWords(family.slice(0, 12))}${family.length > 12 ? ', ...' : ''}` : `top-level KPIs are ${listWords([...new Set(known.map((k) => k.split('.')[0]!))])}`}`);
    }
    return metricOf(p);
  });
}
