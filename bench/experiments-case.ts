/**
 * Benchmark cases of the experiment runner, measured through the CLI as a user runs it (bench/
 * may not import server/), so the wall time is everything the user waits for: starting the CLI,
 * loading and checking the scenarios, building the worker bundle, starting the workers, the runs.
 * - `experiments-1w` / `experiments-2w`: 10 demand levels × 5 replications × 1 simulated day of
 *   huu-nghi-smart-2030 (`sweep`) on 1 or 2 worker threads.
 * - `worker-start-bundle` / `worker-start-tsx`: `replicate tiny` of 2 very short replications on 2
 *   workers, workers loading the esbuild bundle or (CROSSING_TWIN_WORKER_LOADER=tsx) the sources
 *   through tsx: the difference is the workers' start-up.
 * The sweep cases also read the CLI's own timings (CROSSING_TWIN_TIMINGS, server/experiments/
 * timings.ts), so the table can say where the wall time went: the model's CPU per run, the CPU of
 * the main thread and of V8's helper threads, the time before the first job, the idle tail, and
 * how long the workers were ready to run but had no core (the machine's contention).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const SWEEP = ['sweep', 'huu-nghi-smart-2030', '--vary', 'demand.vehiclesPerDay=2000:4250:250', '-n', '5', '--days', '1', '--set', 'horizon.warmupHours=2', '--kpi', 'vehiclesPerDay', '--json'];

/** Where one sweep's time went, from the CLI's timings file; ms unless named otherwise. */
export interface ExperimentTimings {
  /** CPU of the whole process (every thread). */
  processCpuMs: number;
  /** The main thread: CLI start, loading and checking scenarios, dispatch, output. */
  mainCpuMs: number;
  /** The worker threads (the model runs, plus comlink and structured clone). */
  workersCpuMs: number;
  /** Every other thread: V8's garbage collector and compiler helpers, libuv, tsx's loader thread. */
  othersCpuMs: number;
  /** Sum over the model runs of the worker thread's CPU during the run. */
  jobsCpuMs: number;
  /** Median CPU of one run in its worker. */
  jobCpuMedianMs: number;
  /** Median of fromScenario (scenario JSON → model configuration) per run. */
  setupMedianMs: number;
  /** Time the workers were ready to run but had no core: other processes and our own threads. */
  workersWaitMs: number;
  /** From the process's start to the first job starting in a worker. */
  firstJobMs: number;
  /** Sum over workers of the time between their last job and the end of the batch. */
  tailIdleMs: number;
  /** From the end of the batch to the process's exit (statistics, JSON, output). */
  afterBatchMs: number;
  /** One-minute load average when the case started. */
  load1: number;
}

export interface ExperimentCaseResult {
  events: number;
  customers: number;
  meanWaitMs: number[];
  traceHash?: string;
  setupMs?: number;
  experiment?: ExperimentTimings;
}

interface TimingsFile {
  summary: { wallMs: number; processCpuMs: number; threads: { main: { cpuMs: number } | null; workers: { cpuMs: number; waitMs: number }; others: { cpuMs: number } } };
  marks: Array<{ name: string; atMs: number }>;
  jobs: Array<{ worker: number; startMs: number; endMs: number; setupMs: number; cpuMs: number | null; waitMs: number | null }>;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function summarize(t: TimingsFile, load1: number): ExperimentTimings {
  const batchEnd = t.marks.find((m) => m.name === 'batch-done')?.atMs ?? t.summary.wallMs;
  const lastEnd = new Map<number, number>();
  for (const j of t.jobs) lastEnd.set(j.worker, Math.max(lastEnd.get(j.worker) ?? 0, j.endMs));
  const cpus = t.jobs.map((j) => j.cpuMs ?? NaN);
  return {
    processCpuMs: t.summary.processCpuMs,
    mainCpuMs: t.summary.threads.main?.cpuMs ?? NaN,
    workersCpuMs: t.summary.threads.workers.cpuMs,
    othersCpuMs: t.summary.threads.others.cpuMs,
    jobsCpuMs: cpus.reduce((a, b) => a + b, 0),
    jobCpuMedianMs: median(cpus),
    setupMedianMs: median(t.jobs.map((j) => j.setupMs)),
    workersWaitMs: t.summary.threads.workers.waitMs,
    firstJobMs: Math.min(...t.jobs.map((j) => j.startMs)),
    tailIdleMs: [...lastEnd.values()].reduce((a, e) => a + (batchEnd - e), 0),
    afterBatchMs: t.summary.wallMs - batchEnd,
    load1,
  };
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
  const dir = mkdtempSync(join(tmpdir(), 'crossing-twin-bench-'));
  const file = join(dir, 'timings.json');
  const load1 = loadavg()[0]!;
  try {
    const receipt = cli([...SWEEP, '--workers', workers], { CROSSING_TWIN_TIMINGS: file });
    const experiment = summarize(JSON.parse(readFileSync(file, 'utf8')) as TimingsFile, load1);
    // One hash of every replication's traceHash: equal for 1 and 2 workers when the bits are.
    let h = 0;
    for (const c of JSON.stringify(receipt.traceHashes)) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
    return { events: 0, customers: Object.values(receipt.traceHashes).flat().length, meanWaitMs: [], traceHash: h.toString(16), experiment };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
