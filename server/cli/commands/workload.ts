import { mmcMeanWait, runTandemCallbacks, runTandemProcesses, STANDARD_WORKLOAD, type TandemConfig, type TandemResult } from '../../../sim-core/src/index.ts';
import { fmt, formatTable } from '../table.ts';
import { parseWholeNumber, UsageError } from '../usage-error.ts';

export interface WorkloadOptions {
  customers?: string;
  seed?: string;
  api?: string;
  json?: boolean;
}

/** JSON summary of one workload run (a subset of the run summary contract: engine figures). */
export interface WorkloadSummary {
  workload: 'tandem-mmc';
  seed: number;
  api: TandemResult['api'];
  customers: number;
  completed: number;
  simulatedHours: number;
  traceHash: string;
  engine: { events: number; wallMs: number; eventsPerSec: number };
  stations: Array<{ servers: number; load: number; utilization: number; meanWaitS: number; theoryMeanWaitS: number }>;
  meanSojournS: number;
}

/**
 * `crossing-twin workload`: the kernel's standard workload (three M/M/c stations in tandem, c = 2,
 * 4, 3 at load 0.8), with simulated mean waits beside Erlang C. It is what `npm start` runs until
 * the crossing model exists.
 */
export function runWorkloadCommand(options: WorkloadOptions, now: () => number): WorkloadSummary {
  const api = options.api ?? 'callback';
  if (api !== 'callback' && api !== 'process') throw new UsageError(`--api: expected 'callback' or 'process', got '${api}'`);
  const config: TandemConfig = {
    ...STANDARD_WORKLOAD,
    customers: options.customers === undefined ? STANDARD_WORKLOAD.customers : parseWholeNumber('--customers', options.customers, 1, 100_000_000),
    seed: options.seed === undefined ? STANDARD_WORKLOAD.seed : parseWholeNumber('--seed', options.seed),
  };
  const t0 = now();
  const r = api === 'process' ? runTandemProcesses(config) : runTandemCallbacks(config);
  const wallMs = now() - t0;
  return {
    workload: 'tandem-mmc',
    seed: config.seed,
    api,
    customers: r.customers,
    completed: r.completed,
    simulatedHours: r.simulatedMs / 3_600_000,
    traceHash: r.traceHash,
    engine: { events: r.events, wallMs: Math.round(wallMs), eventsPerSec: Math.round(r.events / (wallMs / 1000)) },
    stations: config.stations.map((s, k) => ({
      servers: s.servers,
      load: s.meanServiceMs / (s.servers * config.meanInterarrivalMs),
      utilization: r.utilization[k]!,
      meanWaitS: r.meanWaitMs[k]! / 1000,
      theoryMeanWaitS: mmcMeanWait(s.servers, config.meanInterarrivalMs, s.meanServiceMs) / 1000,
    })),
    meanSojournS: r.meanSojournMs / 1000,
  };
}

/** The human summary: one row per station, then the engine's figures. */
export function formatWorkload(s: WorkloadSummary): string {
  const rows = [
    ['station', 'servers', 'load', 'utilization', 'mean wait (s)', 'Erlang C (s)'],
    ...s.stations.map((st, k) => [`${k + 1}`, `${st.servers}`, fmt(st.load, 2), fmt(st.utilization, 3), fmt(st.meanWaitS, 2), fmt(st.theoryMeanWaitS, 2)]),
  ];
  return [
    `Standard workload: ${fmt(s.customers)} customers through 3 M/M/c stations in tandem (seed ${s.seed}, ${s.api} API)`,
    formatTable(rows, new Set([1, 2, 3, 4, 5])),
    '',
    `simulated     ${fmt(s.simulatedHours, 1)} h, ${fmt(s.completed)} customers completed, mean time in system ${fmt(s.meanSojournS, 1)} s`,
    `engine        ${fmt(s.engine.events)} events in ${fmt(s.engine.wallMs)} ms = ${fmt(s.engine.eventsPerSec / 1e6, 2)} M events/s`,
    `traceHash     ${s.traceHash}`,
  ].join('\n');
}
