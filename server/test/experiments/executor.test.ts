import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../scenarios/index.ts';
import type { ReplicationJob } from '../../experiments/executor.ts';
import { dispatchOrder } from '../../experiments/dispatch-order.ts';
import { LocalPoolExecutor } from '../../experiments/local-pool-executor.ts';
import { runJob } from '../../experiments/run-job.ts';
import { workerScript } from '../../experiments/worker-script.ts';
import { replicationSeed, replicationSeeds } from '../../experiments/seeds.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, cliWithEnv, tempDir } from './helpers.ts';

function jobs(): ReplicationJob[] {
  const r = loadScenario('tiny');
  if (!r.ok) throw new Error('tiny is not valid');
  return replicationSeeds(1, 5).map((seed) => ({ scenario: r.scenario, overrides: [], seed, days: 0.1 }));
}

describe('local worker pool', () => {
  it('returns bit-identical results in job order with 1 and with 2 workers', async () => {
    const one = new LocalPoolExecutor(1);
    const two = new LocalPoolExecutor(2);
    try {
      const seen: number[] = [];
      const a = await one.run(jobs());
      const b = await two.run(jobs(), (done) => seen.push(done));
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      expect(a.map((r) => r.seed)).toEqual(replicationSeeds(1, 5));
      expect(new Set(a.map((r) => r.traceHash)).size).toBe(5);
      expect(seen).toEqual([1, 2, 3, 4, 5]);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('runs the dearest jobs first and still returns every result in job order, as run in-thread', async () => {
    const r = loadScenario('tiny');
    if (!r.ok) throw new Error('tiny is not valid');
    const demand = [300, 900, 600, 900, 300];
    const mixed: ReplicationJob[] = demand.map((vehiclesPerDay, i) => ({ scenario: { ...r.scenario, demand: { ...r.scenario.demand, vehiclesPerDay } }, overrides: [`demand.vehiclesPerDay=${vehiclesPerDay}`], seed: replicationSeed(3, i), days: 0.1 }));
    // Highest demand first, ties in job order: the dispatch order differs from the job order.
    expect(dispatchOrder(mixed)).toEqual([1, 3, 2, 0, 4]);
    const inThread = mixed.map((j) => runJob(j));
    const one = new LocalPoolExecutor(1);
    const two = new LocalPoolExecutor(2);
    try {
      const [a, b] = [await one.run(mixed), await two.run(mixed)];
      expect(JSON.stringify(a)).toBe(JSON.stringify(inThread));
      expect(JSON.stringify(b)).toBe(JSON.stringify(inThread));
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('writes its timings to CROSSING_TWIN_TIMINGS when asked, and the output does not change', () => {
    const file = join(tempDir(), 'timings.json');
    const args = ['replicate', 'tiny', '-n', '3', '--days', '0.1', '--workers', '2', '--json'];
    const timed = cliWithEnv({ CROSSING_TWIN_TIMINGS: file }, ...args);
    const plain = cli(...args);
    expect(timed.code, timed.stderr).toBe(0);
    expect(timed.stdout).toBe(plain.stdout);
    expect(existsSync(file)).toBe(true);
    const t = JSON.parse(readFileSync(file, 'utf8')) as { summary: { wallMs: number; processCpuMs: number }; marks: Array<{ name: string }>; workers: unknown[]; jobs: Array<{ index: number; worker: number; startMs: number; endMs: number; cpuMs: number | null }> };
    expect(t.workers).toHaveLength(2);
    expect(t.jobs.map((j) => j.index).sort()).toEqual([0, 1, 2]);
    for (const j of t.jobs) {
      expect(j.endMs).toBeGreaterThan(j.startMs);
      expect(j.endMs).toBeLessThanOrEqual(t.summary.wallMs);
      // Linux reports each thread's CPU; a run of a tenth of a day costs some.
      if (process.platform === 'linux') expect(j.cpuMs).toBeGreaterThan(0);
    }
    expect(t.marks.map((m) => m.name)).toEqual(expect.arrayContaining(['batch-start', 'pool-ready', 'batch-done', 'exit']));
  });

  it('names the replication that failed', async () => {
    const ex = new LocalPoolExecutor(1);
    try {
      const bad = { ...jobs()[0]!, seed: -1 };
      await expect(ex.run([bad])).rejects.toThrow(/replication 1 \(seed -1\) failed: .*seed/);
    } finally {
      await ex.close();
    }
  });

  it('a pool closed while its workers load ends them instead of waiting for them to be ready', async () => {
    // Before any thread exists (the worker script is still being found)...
    const early = new LocalPoolExecutor(2);
    const earlyStart = early.start().then(() => 'ready', () => 'ended');
    await early.close();
    expect(await earlyStart).toBe('ended');
    // ...and once the threads are spawned but still loading their modules.
    const loading = new LocalPoolExecutor(2);
    const loadingStart = loading.start().then(() => 'ready', () => 'ended');
    await workerScript();
    await new Promise((resolve) => setImmediate(resolve));
    await loading.close();
    expect(await loadingStart).toBe('ended');
    await expect(loading.run(jobs())).rejects.toThrow(/closed/);
  });

  it('derives distinct, stable seeds from the base seed and the replication index', () => {
    expect(replicationSeeds(7, 3)).toEqual(replicationSeeds(7, 3));
    expect(new Set([...replicationSeeds(1, 50), ...replicationSeeds(2, 50)]).size).toBe(100);
    expect(replicationSeed(1, 0)).toBeLessThan(2 ** 31);
    expect(() => replicationSeed(-1, 0)).toThrow(RangeError);
  });

  it('the CLI prints the same JSON (receipt aside) with --workers 1 and --workers 2', () => {
    const run = (w: string): Record<string, unknown> => {
      const r = cli('compare', 'tiny', '--policies', 'craneScheduler=fifo,import-first', '-n', '3', '--days', '0.1', '--workers', w, '--json');
      expect(r.code, r.stderr).toBe(0);
      const { receipt, ...rest } = JSON.parse(r.stdout) as { receipt: { workers: number; traceHashes: unknown } } & Record<string, unknown>;
      expect(receipt.workers).toBe(Number(w));
      return { ...rest, traceHashes: receipt.traceHashes };
    };
    expect(run('2')).toEqual(run('1'));
  });
});
