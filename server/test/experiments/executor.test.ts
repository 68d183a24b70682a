import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../scenarios/index.ts';
import type { ReplicationJob } from '../../experiments/executor.ts';
import { LocalPoolExecutor } from '../../experiments/local-pool-executor.ts';
import { replicationSeed, replicationSeeds } from '../../experiments/seeds.ts';
import { cli } from './helpers.ts';

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

  it('names the replication that failed', async () => {
    const ex = new LocalPoolExecutor(1);
    try {
      const bad = { ...jobs()[0]!, seed: -1 };
      await expect(ex.run([bad])).rejects.toThrow(/replication 1 \(seed -1\) failed: .*seed/);
    } finally {
      await ex.close();
    }
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
