/**
 * Benchmark cases of the experiment runner, measured through the CLI as a user runs it (bench/
 * may not import server/), so the wall time is everything the user waits for: starting the CLI,
 * loading and checking the scenarios, building the worker bundle, starting the workers, the runs.
 * - `experiments-1w` / `experiments-2w`: 10 demand levels × 5 replications × 1 simulated day of
 *   huu-nghi-smart-2030 (`sweep`) on 1 or 2 worker threads.
 * - `worker-start-bundle` / `worker-start-tsx`: `replicate tiny` of 2 very short replications on 2
 *   workers, workers loading the esbuild bundle or (CROSSING_TWIN_WORKER_LOADER=tsx) the sources
 *   through tsx: the difference is the workers' start-up.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const SWEEP = ['sweep', 'huu-nghi-smart-2030', '--vary', 'demand.vehiclesPerDay=2000:4250:250', '-n', '5', '--days', '1', '--set', 'horizon.warmupHours=2', '--kpi', 'vehiclesPerDay', '--json'];

export interface ExperimentCaseResult {
  events: number;
  customers: number;
  meanWaitMs: number[];
  traceHash?: string;
  setupMs?: number;
}

function cli(args: string[], env: Record<string, string> = {}): { traceHashes: Record<string, string[]> } {
  // Run from the repository root (npm run bench does), as bench/.build holds this file bundled.
  const r = spawnSync(process.execPath, [resolve(process.cwd(), 'server/cli/bin.js'), ...args], { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`crossing-twin ${args.join(' ')} failed (exit ${r.status}):\n${r.stderr}`);
  return (JSON.parse(r.stdout) as { receipt: { traceHashes: Record<string, string[]> } }).receipt;
}

export function runExperimentCase(name: string): ExperimentCaseResult {
  if (name === 'worker-start-bundle' || name === 'worker-start-tsx') {
    cli(['replicate', 'tiny', '-n', '2', '--days', '0.01', '--workers', '2', '--json'], name === 'worker-start-tsx' ? { CROSSING_TWIN_WORKER_LOADER: 'tsx' } : {});
    return { events: 0, customers: 0, meanWaitMs: [] };
  }
  const workers = name === 'experiments-1w' ? '1' : name === 'experiments-2w' ? '2' : '';
  if (workers === '') throw new Error(`unknown experiments case '${name}'`);
  const receipt = cli([...SWEEP, '--workers', workers]);
  // One hash of every replication's traceHash: equal for 1 and 2 workers when the bits are.
  let h = 0;
  for (const c of JSON.stringify(receipt.traceHashes)) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  return { events: 0, customers: Object.values(receipt.traceHashes).flat().length, meanWaitMs: [], traceHash: h.toString(16) };
}
