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

/** Pools started ahead of their session, by worker count ({@link Session.warmUp}). */
const warm = new Map<number, LocalPoolExecutor>();

/**
 * Wraps a command's action so that a pool warmed up for it ({@link Session.warmUp}) and never
 * taken by a session (bad input found before anything ran) is closed: its idle threads would
 * otherwise keep the process from exiting.
 */
export function withWarmPool<A extends unknown[]>(action: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args) => {
    try {
      await action(...args);
    } finally {
      const left = [...warm.values()];
      warm.clear();
      // A pool that failed to start has nothing to close, and the action's own error comes first.
      await Promise.all(left.map((pool) => pool.close().catch(() => {})));
    }
  };
}

/** Lets a warming pool make progress between long synchronous steps of the main thread. */
export function yieldToPool(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
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

  /**
   * Starts a local pool of `workers` threads now, for the next {@link local} session: building the
   * worker bundle and loading the workers' modules then overlap the checks of the scenarios on
   * the main thread (which must yield now and then for it: {@link yieldToPool}). A pool that
   * fails to start reports it on the first batch. On bad input the pool is never used; its
   * threads do not keep the process alive.
   */
  static warmUp(workers: number): void {
    if (warm.has(workers)) return;
    const pool = new LocalPoolExecutor(workers);
    pool.start().catch(() => {});
    warm.set(workers, pool);
  }

  /** Starts a session on a local worker pool (the warmed-up one, if any). */
  static local(workers: number, baseSeed: number, days: number | undefined, label: string): Session {
    const pool = warm.get(workers) ?? new LocalPoolExecutor(workers);
    warm.delete(workers);
    return new Session(pool, baseSeed, days, label);
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
