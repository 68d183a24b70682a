/**
 * Benchmark cases of the experiment runner (bench/cases.ts dispatches here):
 * - `experiments-1w` / `experiments-2w`: 10 demand levels × 5 replications × 1 simulated day of
 *   huu-nghi-smart-2030 on a local pool of 1 or 2 worker threads. The wall time is everything the
 *   user waits for: loading and checking the 10 scenarios, building the worker bundle, starting
 *   the workers, the 50 runs.
 * - `worker-start-bundle` / `worker-start-tsx`: a pool of 2 workers until both answer, with the
 *   esbuild bundle or with tsx transforming the sources in each worker.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadScenario } from '../scenarios/index.ts';
import type { ReplicationJob } from '../server/experiments/executor.ts';
import { LocalPoolExecutor } from '../server/experiments/local-pool-executor.ts';
import { replicationSeed } from '../server/experiments/seeds.ts';

// This file runs bundled from bench/.build, so the worker's source is found from the working
// directory (npm run bench runs in the repository root), not from import.meta.url.
const entry = pathToFileURL(resolve(process.cwd(), 'server/experiments/replication-worker.ts'));

export const LEVELS = Array.from({ length: 10 }, (_, i) => 2000 + 250 * i);
export const REPS = 5;

export interface ExperimentCaseResult {
  events: number;
  customers: number;
  meanWaitMs: number[];
  traceHash?: string;
  setupMs?: number;
}

export async function runExperimentCase(name: string): Promise<ExperimentCaseResult> {
  if (name === 'worker-start-bundle' || name === 'worker-start-tsx') {
    const pool = new LocalPoolExecutor(2, { loader: name === 'worker-start-bundle' ? 'bundle' : 'tsx', entry });
    await pool.start();
    await pool.close();
    return { events: 0, customers: 0, meanWaitMs: [] };
  }
  const workers = name === 'experiments-1w' ? 1 : name === 'experiments-2w' ? 2 : 0;
  if (workers === 0) throw new Error(`unknown experiments case '${name}'`);
  const jobs: ReplicationJob[] = [];
  for (const level of LEVELS) {
    // One simulated day with a 2 h warm-up (the preset's own is a whole day).
    const overrides = [`demand.vehiclesPerDay=${level}`, 'horizon.warmupHours=2'];
    const r = loadScenario('scenarios/presets/huu-nghi-smart-2030.json', { set: overrides });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    for (let i = 0; i < REPS; i++) jobs.push({ scenario: r.scenario, overrides, seed: replicationSeed(1, i), days: 1 });
  }
  const pool = new LocalPoolExecutor(workers, { entry });
  try {
    const runs = await pool.run(jobs);
    // The combined hash shows that 1 and 2 workers computed the same bits.
    let h = 0;
    for (const r of runs) for (const c of r.traceHash) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
    return { events: runs.reduce((n, r) => n + r.engine.events, 0), customers: runs.length, meanWaitMs: [], traceHash: h.toString(16) };
  } finally {
    await pool.close();
  }
}
