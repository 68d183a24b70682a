import { fromScenario } from '../../sim-core/src/model/from-scenario.ts';
import { runCrossing } from '../../sim-core/src/model/run-summary.ts';
import type { ReplicationJob, ReplicationResult } from './executor.ts';

/**
 * Runs one replication job to its summary: the same pure function in a worker thread, in the main
 * thread or on another machine, so the bits depend only on the job. `onSetup` hears how long
 * fromScenario took (ms), for the executor's timings.
 */
export function runJob(job: ReplicationJob, onSetup?: (ms: number) => void): ReplicationResult {
  const options: { seed: number; days?: number } = { seed: job.seed };
  if (job.days !== undefined) options.days = job.days;
  const t0 = performance.now();
  const config = fromScenario(job.scenario, options);
  onSetup?.(performance.now() - t0);
  return runCrossing(config);
}
