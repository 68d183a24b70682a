import type { ConfidenceInterval } from '../../sim-core/src/stats/confidence.ts';
import type { KpiEstimate } from './kpi-estimates.ts';

/** Significant figures that read well in a table: 3 decimals under 10, fewer above. */
export function num(x: number | null): string {
  if (x === null) return '–';
  const a = Math.abs(x);
  const d = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : 3;
  return x.toFixed(d);
}

/** `mean ± halfWidth` (or the mean alone when n < 2). */
export function meanPm(ci: ConfidenceInterval): string {
  if (ci.mean === null) return '–';
  return ci.halfWidth === null ? num(ci.mean) : `${num(ci.mean)} ± ${num(ci.halfWidth)}`;
}

/** Rows of a KPI table: KPI, unit, n, mean ± half-width, 95 % interval. */
export function estimateRows(kpis: readonly KpiEstimate[]): string[][] {
  return [['KPI', 'unit', 'n', 'mean ± 95 % half-width', 'interval'], ...kpis.map((k) => [k.path, k.unit, String(k.ci.n), meanPm(k.ci), k.ci.lower === null ? '–' : `[${num(k.ci.lower)}, ${num(k.ci.upper)}]`])];
}
