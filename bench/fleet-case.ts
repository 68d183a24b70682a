/**
 * Benchmark cases of the IGV fleet on the lane network (run by bench/cases.ts in their own
 * process): one simulated day of huu-nghi-smart-2030 as the preset has it (80 IGVs), and a
 * stress variant with 200 IGVs (the network regenerated with parking for all of them).
 */
import { loadScenario } from '../scenarios/index.ts';
import { validateScenario } from '../scenarios/validate.ts';
import { fromScenario } from '../sim-core/src/model/from-scenario.ts';
import { runCrossing } from '../sim-core/src/model/run-summary.ts';
import { withNetwork } from '../tools/lane-networks.ts';

export interface FleetCaseResult {
  events: number;
  customers: number;
  meanWaitMs: number[];
  traceHash: string;
  setupMs: number;
  routingQueries: number;
  bookings: number;
}

/** `fleet-1d` or `fleet-stress-200`: one simulated day (the first: warm-up included). */
export function runFleetCase(name: string, seed: number): FleetCaseResult {
  const s0 = performance.now();
  const loaded = loadScenario('scenarios/presets/huu-nghi-smart-2030.json');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  let scenario = loaded.scenario;
  if (name === 'fleet-stress-200') {
    const igv = scenario.transport.igv!;
    const v = validateScenario(withNetwork({ ...scenario, transport: { ...scenario.transport, igv: { ...igv, fleet: 200 } } }, 210));
    if (!v.ok) throw new Error(JSON.stringify(v.errors.slice(0, 3)));
    scenario = v.scenario;
  } else if (name !== 'fleet-1d') throw new Error(`unknown fleet case '${name}' (fleet-1d, fleet-stress-200)`);
  const config = fromScenario(scenario, { seed, days: 1 });
  const setupMs = performance.now() - s0;
  const r = runCrossing({ ...config, warmupMs: 0 });
  const f = r.kpis.fleet!;
  return { events: r.engine.events, customers: Math.round(r.kpis.vehiclesPerDay), meanWaitMs: [], traceHash: r.traceHash, setupMs, routingQueries: f.routingQueries, bookings: f.reservationWaiting.bookings };
}
