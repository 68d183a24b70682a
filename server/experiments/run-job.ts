import { fromScenario } from '../../sim-core/src/model/from-scenario.ts';
import { runCrossing } from '../../sim-core/src/model/run-summary.ts';
import type { ReplicationJob, ReplicationResult } from './executor.ts';

/**
 * Runs one replication job to its summary: the same pure function in a worker thread, in the main
 * thread or on another machine, so the bits depend only on the job.
 */
export function runJob(job: ReplicationJob): ReplicationResult {
  const options: { seed: number; days?: number } = { seed: job.seed };
  if (job.days !== undefined) options.days = job.days;
  return runCrossing(fromScenario(job.scenario, options));
}
