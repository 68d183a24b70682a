import type { CrossingKpis } from '../../../sim-core/src/model/run-summary.ts';
import type { Targets } from '../../../sim-core/src/model/scenario.ts';

/** One target of the scenario against the run's value. */
export interface TargetResult {
  target: string;
  /** The threshold as written, e.g. "≥ 3000". */
  threshold: string;
  value: number | null;
  met: boolean;
}

const GATE_OR_SCANNER = /^(vn|cn)(Truck|Border)(In|Out)$|^scanners$/;

/** Checks every target the scenario sets (none: an empty list). */
export function checkTargets(targets: Targets | undefined, k: CrossingKpis): TargetResult[] {
  if (targets === undefined) return [];
  const out: TargetResult[] = [];
  const atLeast = (target: string, min: number, value: number | null): void => void out.push({ target, threshold: `≥ ${min}`, value, met: value !== null && value >= min });
  const atMost = (target: string, max: number, value: number | null): void => void out.push({ target, threshold: `≤ ${max}`, value, met: value !== null && value <= max });
  if (targets.vehiclesPerDayMin !== undefined) atLeast('vehiclesPerDay', targets.vehiclesPerDayMin, k.vehiclesPerDay);
  if (targets.truckTurnP50MaxMin !== undefined) atMost('truckTurnTimeMin.p50', targets.truckTurnP50MaxMin, k.truckTurnTimeMin.p50);
  if (targets.truckTurnP95MaxMin !== undefined) atMost('truckTurnTimeMin.p95', targets.truckTurnP95MaxMin, k.truckTurnTimeMin.p95);
  if (targets.igvUtilization !== undefined) {
    const u = k.utilization['igvs'] ?? null;
    out.push({ target: 'utilization.igvs', threshold: `${targets.igvUtilization.min}..${targets.igvUtilization.max}`, value: u, met: u !== null && u >= targets.igvUtilization.min && u <= targets.igvUtilization.max });
  }
  if (targets.craneUtilizationMax !== undefined) {
    const u = Math.max(k.utilization['vnCranes'] ?? 0, k.utilization['cnCranes'] ?? 0);
    atMost('utilization.cranes (highest yard)', targets.craneUtilizationMax, u);
  }
  if (targets.gateScannerRhoMax !== undefined) {
    let rho = 0;
    for (const [name, u] of Object.entries(k.utilization)) if (GATE_OR_SCANNER.test(name)) rho = Math.max(rho, u);
    atMost('utilization.gates/scanners (highest)', targets.gateScannerRhoMax, rho);
  }
  return out;
}
