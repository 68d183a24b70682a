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
  /** `fleet-1d-warm` only: wall and CPU time of each warm day (days 2-4), ms. */
  warmDays?: { wallMs: number; cpuMs: number; traceHash: string }[];
}

/**
 * `fleet-1d-warm`: four one-day runs of the preset in one process (seeds seed..seed+3, as a sweep's
 * worker runs them one after another), the first cold and left out; the later three are timed
 * apart. They reuse the shared lane graph and its caches and V8's compiled code, so they show the
 * cost of a day once the process is warm, beside `fleet-1d`'s cold first day.
 */
export function runFleetWarmCase(seed: number): FleetCaseResult {
  const s0 = performance.now();
  const loaded = loadScenario('scenarios/presets/huu-nghi-smart-2030.json');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const scenario = loaded.scenario;
  const setupMs = performance.now() - s0;
  const warmDays: { wallMs: number; cpuMs: number; traceHash: string }[] = [];
  let last: FleetCaseResult | undefined;
  let events = 0;
  for (let day = 0; day < 4; day++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = runCrossing({ ...fromScenario(scenario, { seed: seed + day, days: 1 }), warmupMs: 0 });
    const c1 = process.cpuUsage(c0);
    const wallMs = performance.now() - t0;
    if (day > 0) warmDays.push({ wallMs, cpuMs: (c1.user + c1.system) / 1000, traceHash: r.traceHash });
    const f = r.kpis.fleet!;
    events += r.engine.events;
    last = { events: r.engine.events, customers: Math.round(r.kpis.vehiclesPerDay), meanWaitMs: [], traceHash: r.traceHash, setupMs, routingQueries: f.routingQueries, bookings: f.reservationWaiting.bookings };
  }
  // Events of all four days, as the case's wall time covers them (the other fields: the last day's).
  return { ...last!, events, warmDays };
}

/** `fleet-1d` or `fleet-stress-200`: one simulated day (the first: warm-up included). */
export function runFleetCase(name: string, seed: number): FleetCaseResult {
  if (name === 'fleet-1d-warm') return runFleetWarmCase(seed);
  const s0 = performance.now();
  const loaded = loadScenario('scenarios/presets/huu-nghi-smart-2030.json');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  let scenario = loaded.scenario;
  if (name === 'fleet-stress-200') {
    const igv = scenario.transport.igv!;
    const v = validateScenario(withNetwork({ ...scenario, transport: { ...scenario.transport, igv: { ...igv, fleet: 200 } } }, 210));
    if (!v.ok) throw new Error(JSON.stringify(v.errors.slice(0, 3)));
    scenario = v.scenario;
  } else if (name !== 'fleet-1d') throw new Error(`unknown fleet case '${name}' (fleet-1d, fleet-1d-warm, fleet-stress-200)`);
  const config = fromScenario(scenario, { seed, days: 1 });
  const setupMs = performance.now() - s0;
  const r = runCrossing({ ...config, warmupMs: 0 });
  const f = r.kpis.fleet!;
  return { events: r.engine.events, customers: Math.round(r.kpis.vehiclesPerDay), meanWaitMs: [], traceHash: r.traceHash, setupMs, routingQueries: f.routingQueries, bookings: f.reservationWaiting.bookings };
}
