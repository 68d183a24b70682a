import { estimate, type KpiEstimate } from './kpi-estimates.ts';
import type { KpiMetric } from './kpi-paths.ts';
import { num } from './kpi-table.ts';
import type { Configuration, Session } from './session.ts';

/** One point of the grid with its KPI estimates. */
export interface SweepPoint {
  values: Record<string, number | string>;
  kpis: KpiEstimate[];
  traceHashes: string[];
}

export interface SweepResult {
  kind: 'sweep';
  scenario: string;
  n: number;
  seeds: number[];
  paths: string[];
  points: SweepPoint[];
}

/** `sweep`: n replications at every grid point, common random numbers across points. */
export async function sweep(session: Session, configs: readonly Configuration[], values: ReadonlyArray<Record<string, number | string>>, n: number, metrics: readonly KpiMetric[]): Promise<SweepResult> {
  const runs = await session.replicate(configs, 0, n);
  const first = runs[0] ?? [];
  return {
    kind: 'sweep',
    scenario: configs[0]?.scenario.meta.id ?? '',
    n,
    seeds: first.map((r) => r.seed),
    paths: Object.keys(values[0] ?? {}),
    points: runs.map((rs, i) => ({ values: values[i]!, kpis: estimate(rs, metrics), traceHashes: rs.map((r) => r.traceHash) })),
  };
}

/** The grid as CSV: the swept values, then mean, lower and upper of each KPI. */
export function sweepCsv(r: SweepResult): string {
  const kpis = r.points[0]?.kpis.map((k) => k.path) ?? [];
  const head = [...r.paths, ...kpis.flatMap((k) => [`${k}.mean`, `${k}.lower`, `${k}.upper`]), 'n'];
  const cell = (v: number | string | null): string => (v === null ? '' : typeof v === 'number' ? String(v) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const rows = r.points.map((p) => [...r.paths.map((path) => cell(p.values[path] ?? null)), ...p.kpis.flatMap((k) => [cell(k.ci.mean), cell(k.ci.lower), cell(k.ci.upper)]), String(r.n)].join(','));
  return `${[head.map(cell).join(','), ...rows].join('\n')}\n`;
}

/** Rows of the text table: swept values and each KPI's mean ± half-width. */
export function sweepRows(r: SweepResult): string[][] {
  const kpis = r.points[0]?.kpis ?? [];
  return [
    [...r.paths, ...kpis.map((k) => (k.unit === '' ? k.path : `${k.path} (${k.unit})`))],
    ...r.points.map((p) => [...r.paths.map((path) => String(p.values[path])), ...p.kpis.map((k) => (k.ci.mean === null ? '–' : k.ci.halfWidth === null ? num(k.ci.mean) : `${num(k.ci.mean)} ± ${num(k.ci.halfWidth)}`))]),
  ];
}
