/**
 * How a session's worker thread gets our TypeScript: an esbuild bundle of session-worker.ts built
 * once per process (a worker then parses one plain-JavaScript file and starts in a few ms), or, where
 * esbuild is missing (a production install without dev dependencies), the sources through tsx.
 */

import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

const ENTRY = new URL('./session-worker.ts', import.meta.url);
let bundled: Promise<string> | null = null;

async function buildBundle(): Promise<string> {
  const { build } = await import('esbuild');
  const dir = join(tmpdir(), `crossing-twin-live-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const outfile = join(dir, 'session-worker.mjs');
  await build({ entryPoints: [ENTRY.pathname], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'silent' });
  return outfile;
}

/** Starts a session worker thread. */
export async function startSessionWorker(): Promise<Worker> {
  try {
    bundled ??= buildBundle();
    return new Worker(await bundled);
  } catch {
    bundled = null;
    // Node 20 does not apply tsx's hooks to a worker's entry, so the worker registers tsx itself.
    const api = import.meta.resolve('tsx/esm/api');
    return new Worker(`import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(ENTRY.href)}); });`, { eval: true });
  }
}
