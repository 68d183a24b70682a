import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { wrap, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { dispatchOrder } from './dispatch-order.ts';
import type { Executor, ProgressListener, ReplicationJob, ReplicationResult } from './executor.ts';
import type { WorkerApi } from './replication-worker.ts';
import { timings } from './timings.ts';
import { workerScript, type WorkerLoader } from './worker-script.ts';


/**
 * Young-generation size of each worker's heap, MB (without it a worker gets V8's default). A
 * simulated day of the lane-network fleet allocates bookings and motions that live a few simulated
 * minutes; a larger young generation lets more of them die young instead of being promoted and
 * collected again by the old generation. Measured on the issue-5 sweep (50 one-day runs, same results):
 * 2 workers 31.4-34.2 s → 28.5-30.3 s, worker CPU 0.9×; 1 worker 56.7 → 51.4 s; 128 MB no better.
 */
const WORKER_YOUNG_GENERATION_MB = 64;

/** A failed replication: which job, and why. */
export class JobFailed extends Error {
  constructor(
    readonly index: number,
    readonly job: ReplicationJob,
    cause: unknown,
  ) {
    super(`replication ${index + 1} (seed ${job.seed}${job.overrides.length > 0 ? `, ${job.overrides.join(' ')}` : ''}) failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'JobFailed';
  }
}

/** Rejects when the thread reports an error or exits. */
function died(thread: Worker): Promise<never> {
  return new Promise<never>((_, reject) => {
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`worker thread exited with code ${code}`)));
  });
}

interface PoolWorker {
  thread: Worker;
  api: Remote<WorkerApi>;
  /** Rejects when the thread dies (also on close, where nobody waits for it). */
  dead: Promise<never>;
}

/**
 * Runs replications on a pool of worker threads on this machine, talking to each through comlink.
 * Workers pull the next job as soon as they are free, the dearest first (dispatch-order.ts);
 * results are stored by job index, so the answer is the same for any number of workers. Workers start lazily on the first batch and
 * stay up for the next ones until {@link close}.
 */
export class LocalPoolExecutor implements Executor {
  readonly parallelism: number;
  private workers: Promise<PoolWorker[]> | null = null;
  /** Every thread started, ready or not, so that close() can end them without waiting. */
  private threads: Worker[] = [];
  private closed = false;

  constructor(
    workers: number = availableParallelism(),
    private readonly options: { loader?: WorkerLoader; entry?: URL } = {},
  ) {
    if (!(Number.isInteger(workers) && workers >= 1)) throw new RangeError(`workers must be a whole number ≥ 1, got ${workers}`);
    this.parallelism = workers;
  }

  /** Starts the threads (also done by the first batch); resolves when each answers. */
  async start(): Promise<void> {
    await this.pool();
  }

  private pool(): Promise<PoolWorker[]> {
    if (this.closed) return Promise.reject(new Error('the executor is closed'));
    this.workers ??= (async () => {
      const script = await workerScript(this.options.loader, this.options.entry);
      timings?.mark('worker-script-ready');
      if (this.closed) throw new Error('the executor is closed');
      const started = Array.from({ length: this.parallelism }, async () => {
        const spawnMs = performance.now();
        const thread = new Worker(script.file, { eval: script.eval, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
        this.threads.push(thread);
        // A worker that runs no job must not keep the process alive.
        thread.unref();
        const api = wrap<WorkerApi>(nodeEndpoint(thread));
        // A worker that fails to load reports an 'error' instead of answering; one terminated
        // while loading (the pool closed) exits.
        const dead = died(thread);
        dead.catch(() => {});
        const tid = await Promise.race([api.ready(), dead]);
        timings?.worker(tid, spawnMs);
        return { thread, api, dead };
      });
      const all = await Promise.all(started);
      timings?.mark('pool-ready');
      return all;
    })();
    return this.workers;
  }

  async run(jobs: readonly ReplicationJob[], onProgress?: ProgressListener): Promise<ReplicationResult[]> {
    if (jobs.length === 0) return [];
    const workers = await this.pool();
    const results = new Array<ReplicationResult>(jobs.length);
    const order = dispatchOrder(jobs);
    let next = 0;
    let done = 0;
    let failure: JobFailed | null = null;
    const drain = async (w: PoolWorker, k: number): Promise<void> => {
      w.thread.ref();
      try {
        while (failure === null && next < jobs.length) {
          const i = order[next++]!;
          try {
            // A worker that dies (out of memory, a native crash) never answers: fail the job instead.
            const { result, clock } = await Promise.race([w.api.runTimedJob(jobs[i]!), w.dead]);
            results[i] = result;
            timings?.job(i, k, clock);
          } catch (e) {
            failure ??= new JobFailed(i, jobs[i]!, e);
            return;
          }
          onProgress?.(++done, jobs.length);
        }
      } finally {
        w.thread.unref();
      }
    };
    await Promise.all(workers.map(drain));
    timings?.mark('batch-done');
    if (failure !== null) throw failure;
    return results;
  }

  /**
   * Ends every thread now, ready or still loading: a pool warmed up for input that then proved bad
   * is closed while its threads load, and waiting for them to be ready cost 0.5-1 s before exit.
   */
  async close(): Promise<void> {
    this.closed = true;
    const workers = this.workers;
    this.workers = null;
    if (workers === null) return;
    // A pool closed while starting never gets ready; nobody waits for it.
    workers.catch(() => {});
    timings?.snapshotThreads();
    await Promise.all(this.threads.splice(0).map((t) => t.terminate()));
  }
}
