/**
 * One benchmark case per process, so each gets a cold, clean heap and its own peak-memory figure.
 * Usage (after bench/run.ts has bundled it): node bench/.build/cases.mjs <case> <customers> <seed>
 * Prints one JSON line: { wallMs, events, customers, meanWaitMs, traceHash?, maxRssMB }.
 */
import { EventQueue, RandomStreams, exponential, runTandemCallbacks, runTandemProcesses, STANDARD_WORKLOAD, type TandemConfig } from '../sim-core/src/index.ts';
import { runTandemSimJs } from './peers/simjs-tandem.ts';

export interface CaseResult {
  wallMs: number;
  events: number;
  customers: number;
  meanWaitMs: number[];
  traceHash?: string;
  maxRssMB: number;
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

function run(name: string, config: TandemConfig): Omit<CaseResult, 'wallMs' | 'maxRssMB'> {
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
    default:
      throw new Error(`unknown case '${name}' (callback, process, simjs, ceiling)`);
  }
}

const [name = '', customers = '1000000', seed = '1'] = process.argv.slice(2);
const config: TandemConfig = { ...STANDARD_WORKLOAD, customers: Number(customers), seed: Number(seed) };
const t0 = performance.now();
const r = run(name, config);
const wallMs = performance.now() - t0;
const result: CaseResult = { ...r, wallMs, maxRssMB: process.resourceUsage().maxRSS / 1024 };
process.stdout.write(`${JSON.stringify(result)}\n`);
