/**
 * One benchmark case per process, so each gets a cold, clean heap and its own peak-memory figure.
 * Usage (after bench/run.ts has bundled it): node bench/.build/cases.mjs <case> <customers> <seed>
 * Prints one JSON line: { wallMs, events, customers, meanWaitMs, traceHash?, maxRssMB }.
 */
import { EventQueue, RandomStreams, exponential, runTandemCallbacks, runTandemProcesses, STANDARD_WORKLOAD, type TandemConfig } from '../sim-core/src/index.ts';
import { loadScenario } from '../scenarios/index.ts';
import { fromScenario } from '../sim-core/src/model/from-scenario.ts';
import { runCrossing } from '../sim-core/src/model/run-summary.ts';
import { runTandemSimJs } from './peers/simjs-tandem.ts';
import { runExperimentCase, type ExperimentTimings } from './experiments-case.ts';
import { runFleetCase } from './fleet-case.ts';

export interface CaseResult {
  wallMs: number;
  /** CPU time (user + system) of the same span, ms: steadier than wallMs on a shared machine. */
  cpuMs?: number;
  /** Loading and validating the scenario, when the case has one (not in wallMs), ms. */
  setupMs?: number;
  events: number;
  customers: number;
  meanWaitMs: number[];
  traceHash?: string;
  maxRssMB: number;
  /** Fleet cases: routing queries answered and stretches booked. */
  routingQueries?: number;
  bookings?: number;
  /** `fleet-1d-warm`: each warm day's wall and CPU time, ms, and traceHash (bench/fleet-case.ts). */
  warmDays?: { wallMs: number; cpuMs: number; traceHash: string }[];
  /** Experiment cases: where the sweep's time went (bench/experiments-case.ts). */
  experiment?: ExperimentTimings;
}

/**
 * The V8 ceiling of the reference figures: a bare event list (our heap) with one random draw per
 * event and nothing else, the hold model with as many pending events as the workload has.
 */
function ceiling(events: number, seed: number): { events: number } {
  const q = new EventQueue();
  const rng = new RandomStreams(seed).stream('ceiling');
  const d = exponential(10_000);
  const noop = (): void => {};
  for (let i = 0; i < 16; i++) q.push(Math.round(d.sample(rng)), 1, 0, noop, null);
  for (let i = 0; i < events; i++) {
    q.pop();
    q.push(q.poppedTime + Math.round(d.sample(rng)), 1, 0, noop, null);
  }
  return { events };
}

function run(name: string, config: TandemConfig): Omit<CaseResult, 'wallMs' | 'maxRssMB'> & { setupMs?: number } {
  switch (name) {
    case 'callback':
    case 'process': {
      const r = name === 'callback' ? runTandemCallbacks(config) : runTandemProcesses(config);
      return { events: r.events, customers: r.completed, meanWaitMs: r.meanWaitMs, traceHash: r.traceHash };
    }
    case 'simjs': {
      const r = runTandemSimJs(config);
      return { events: r.events, customers: r.completed, meanWaitMs: r.meanWaitMs };
    }
    case 'ceiling':
      return { ...ceiling(config.customers * 7, config.seed), customers: config.customers, meanWaitMs: [] };
    case 'crossing-1d':
    case 'crossing-30d': {
      // One (or 30) simulated days of the smart 2030 preset at 1119-1120; "customers" = vehicles/day.
      const s0 = performance.now();
      const loaded = loadScenario('scenarios/presets/huu-nghi-smart-2030.json');
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
      const crossing = fromScenario(loaded.scenario, { seed: config.seed, days: name === 'crossing-1d' ? 1 : 30 });
      const setupMs = performance.now() - s0;
      const r = runCrossing(crossing);
      return { events: r.engine.events, customers: Math.round(r.kpis.vehiclesPerDay), meanWaitMs: [], traceHash: r.traceHash, setupMs };
    }
    case 'fleet-1d':
    case 'fleet-1d-warm':
    case 'fleet-stress-200':
      return runFleetCase(name, config.seed);
    default:
      throw new Error(`unknown case '${name}' (callback, process, simjs, ceiling, crossing-1d, crossing-30d, fleet-1d, fleet-1d-warm, fleet-stress-200)`);
  }
}

const [name = '', customers = '1000000', seed = '1'] = process.argv.slice(2);
const config: TandemConfig = { ...STANDARD_WORKLOAD, customers: Number(customers), seed: Number(seed) };
const t0 = performance.now();
const c0 = process.cpuUsage();
const r = name.startsWith('experiments-') || name.startsWith('worker-start-') ? runExperimentCase(name) : run(name, config);
// The simulation's own time: a case's setup (loading a scenario) is reported apart.
const wallMs = performance.now() - t0 - (r.setupMs ?? 0);
const c1 = process.cpuUsage(c0);
// The setup span is not subtracted from cpuMs (it was not measured in CPU time); only the kernel cases read it.
const result: CaseResult = { ...r, wallMs, cpuMs: (c1.user + c1.system) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024 };
process.stdout.write(`${JSON.stringify(result)}\n`);
