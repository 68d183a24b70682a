import type { ReplicationJob } from './executor.ts';

/**
 * A job's expected cost relative to the others: the vehicles it simulates (demand × seasonal
 * factor × days). The run time of a crossing grows with the traffic it moves (a smart 2030 day
 * at 4250 vehicles costs about 1.5× one at 2000), and nothing cheaper predicts it better.
 */
export function expectedCost(job: ReplicationJob): number {
  const d = job.scenario.demand;
  return d.vehiclesPerDay * d.seasonalFactor * (job.days ?? job.scenario.horizon.days);
}

/**
 * The order in which a pool hands out jobs: the most expensive first (longest-processing-time
 * first), ties in job order. A sweep lists its levels from low to high demand, so in job order the
 * dearest replications came last and one worker ran the final one or two alone while the other
 * idled; dearest first leaves the cheap jobs to fill the end. Results are stored by job index, so
 * the order changes when a job runs, never what it returns.
 */
export function dispatchOrder(jobs: readonly ReplicationJob[]): number[] {
  const cost = jobs.map(expectedCost);
  return jobs.map((_, i) => i).sort((a, b) => cost[b]! - cost[a]! || a - b);
}
