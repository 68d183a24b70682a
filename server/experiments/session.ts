import type { Scenario } from '../../sim-core/src/model/scenario.ts';
import type { Executor, ReplicationJob, ReplicationResult } from './executor.ts';
import { LocalPoolExecutor } from './local-pool-executor.ts';
import { progressBar, type Progress } from './progress.ts';
import { replicationSeed } from './seeds.ts';
import { timings } from './timings.ts';

/** One configuration of an experiment: a label, its scenario and the overrides that made it. */
export interface Configuration {
  label: string;
  scenario: Scenario;
  overrides: string[];
}

/**
 * An experiment's run-time: the executor, the progress bar and the seeding rule. Replication i of
 * every configuration gets the same seed (common random numbers across configurations).
 */
export class Session {
  readonly progress: Progress;

  constructor(
    readonly executor: Executor,
    readonly baseSeed: number,
    readonly days: number | undefined,
    label: string,
  ) {
    this.progress = progressBar(label);
  }

  /** Starts a session on a local worker pool. */
  static local(workers: number, baseSeed: number, days: number | undefined, label: string): Session {
    return new Session(new LocalPoolExecutor(workers), baseSeed, days, label);
  }

  /** The job of replication `index` of `c`. */
  job(c: Configuration, index: number): ReplicationJob {
    const job: ReplicationJob = { scenario: c.scenario, overrides: c.overrides, seed: replicationSeed(this.baseSeed, index) };
    if (this.days !== undefined) job.days = this.days;
    return job;
  }

  /** Replications [from, to) of each configuration; results grouped per configuration, in order. */
  async replicate(configs: readonly Configuration[], from: number, to: number): Promise<ReplicationResult[][]> {
    const jobs: ReplicationJob[] = [];
    for (const c of configs) for (let i = from; i < to; i++) jobs.push(this.job(c, i));
    this.progress.add(jobs.length);
    timings?.mark('batch-start');
    const flat = await this.executor.run(jobs, () => this.progress.tick());
    const per = to - from;
    return configs.map((_, k) => flat.slice(k * per, (k + 1) * per));
  }

  /** Jobs as given (explicit seeds, e.g. a regression suite's), results in job order. */
  async runJobs(jobs: readonly ReplicationJob[]): Promise<ReplicationResult[]> {
    this.progress.add(jobs.length);
    timings?.mark('batch-start');
    return this.executor.run(jobs, () => this.progress.tick());
  }

  async close(): Promise<void> {
    this.progress.stop();
    await this.executor.close();
  }
}
