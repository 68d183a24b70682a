import type { CrossingRun } from '../../sim-core/src/model/run-summary.ts';
import type { Scenario } from '../../sim-core/src/model/scenario.ts';

/**
 * One replication to run: a scenario (overrides already applied and the whole validated), the
 * overrides that made it (for receipts and for an executor that re-applies them elsewhere), the
 * replication's seed and the simulated days. Plain JSON, so any executor can ship it anywhere.
 */
export interface ReplicationJob {
  scenario: Scenario;
  /** The `path=value` assignments applied to the base scenario, in order. */
  overrides: string[];
  seed: number;
  /** Simulated days; the scenario's horizon when absent. */
  days?: number;
}

/** What a replication returns: the model's run summary (KPIs, hourly series, traceHash). */
export type ReplicationResult = CrossingRun;

/** Called after each finished job: how many are done of how many. */
export type ProgressListener = (done: number, total: number) => void;

/**
 * Runs batches of replication jobs. Results come back in job order, whatever the order in which
 * the jobs finished, so a batch's answer never depends on how many workers (or machines) ran it.
 * Implementations: {@link LocalPoolExecutor} (worker_threads on this machine); a queue-backed one
 * (BullMQ on Redis) plugs in behind the same two methods (README, "Experiments").
 */
export interface Executor {
  /** How many jobs can run at once. */
  readonly parallelism: number;
  run(jobs: readonly ReplicationJob[], onProgress?: ProgressListener): Promise<ReplicationResult[]>;
  /** Frees workers or connections; the executor cannot run batches afterwards. */
  close(): Promise<void>;
}
