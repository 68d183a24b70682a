/**
 * Entry of a pool worker thread: exposes {@link runJob} to the main thread through comlink's
 * Node adapter. Loaded either from an esbuild bundle of this file or as TypeScript through tsx.
 */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { runJob } from './run-job.ts';

/** What the worker offers the pool. */
export const workerApi = {
  runJob,
  /** Answers once the worker's modules are loaded: the pool's start-up is measured to here. */
  ready: (): true => true,
};
export type WorkerApi = typeof workerApi;

if (parentPort === null) throw new Error('replication-worker.ts must run in a worker thread');
expose(workerApi, nodeEndpoint(parentPort));
