import { cachedBundle } from '../cli/bundle-cache.js';

/** How a worker thread gets our TypeScript: an esbuild bundle, or the sources through tsx. */
export type WorkerLoader = 'bundle' | 'tsx';

/** A worker's entry: a file, or (tsx) code evaluated in the worker that registers tsx first. */
export interface WorkerScript {
  file: string;
  eval: boolean;
  loader: WorkerLoader;
}

const ENTRY = new URL('./replication-worker.ts', import.meta.url);
const bundles = new Map<string, Promise<string>>();

/**
 * The worker entry (`entry`: the replication worker's TypeScript source, for callers that are
 * themselves bundled and so cannot locate it from their own URL). `bundle` (the default) is one
 * plain-JavaScript file built by esbuild and kept in the project's bundle cache
 * (server/cli/bundle-cache.js: rebuilt when a source changed, otherwise reused by every process): a
 * worker then starts by parsing one file instead of having tsx transform some 60 modules (bench:
 * `experiments.workerStart.*` in bench/results.json). Where it cannot be built (no esbuild, a
 * read-only project) it falls back to tsx.
 */
export async function workerScript(loader: WorkerLoader = defaultLoader(), entry: URL = ENTRY): Promise<WorkerScript> {
  if (loader === 'bundle') {
    const key = entry.href;
    try {
      if (!bundles.has(key)) bundles.set(key, cachedBundle({ name: 'replication-worker', entry }));
      return { file: await bundles.get(key)!, eval: false, loader };
    } catch {
      bundles.delete(key);
    }
  }
  // Node 20 does not apply `--import tsx` hooks to a worker's entry file, so the worker registers
  // tsx itself (as server/cli/bin.js does) before importing the TypeScript entry.
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  return { file: code, eval: true, loader: 'tsx' };
}

/** `bundle`, unless CROSSING_TWIN_WORKER_LOADER=tsx asks for tsx (the benchmark compares both). */
function defaultLoader(): WorkerLoader {
  return process.env.CROSSING_TWIN_WORKER_LOADER === 'tsx' ? 'tsx' : 'bundle';
}
