/**
 * Entry of a pool worker thread: exposes {@link runJob} to the main thread through comlink's
 * Node adapter. Loaded either from an esbuild bundle of this file or as TypeScript through tsx.
 */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { ReplicationJob, ReplicationResult } from './executor.ts';
import { runJob } from './run-job.ts';
import { elapsed, threadClock, threadId } from './thread-clock.ts';
import type { WorkerJobClock } from './timings.ts';

const now = (): number => performance.timeOrigin + performance.now();

/** What the worker offers the pool. */
export const workerApi = {
  runJob,
  /** {@link runJob} with what it cost this thread: wall, CPU and run-queue wait (timings.ts). */
  runTimedJob(job: ReplicationJob): { result: ReplicationResult; clock: WorkerJobClock } {
    const startEpochMs = now();
    const c0 = threadClock();
    let setupMs = 0;
    const result = runJob(job, (ms) => {
      setupMs = ms;
    });
    const clock = elapsed(c0, threadClock());
    return { result, clock: { startEpochMs, endEpochMs: now(), setupMs, clock } };
  },
  /** Answers once the worker's modules are loaded, with its kernel thread id (null off Linux). */
  ready: (): number | null => threadId(),
};
export type WorkerApi = typeof workerApi;

if (parentPort === null) throw new Error('replication-worker.ts must run in a worker thread');
expose(workerApi, nodeEndpoint(parentPort));
