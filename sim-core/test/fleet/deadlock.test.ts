/**
 * The deadlock-prone layout (one transfer point per yard, one gate lane each way, eight IGVs):
 * waiting for a transfer point while standing on an entry gate lane closes a cycle of six
 * vehicles. `direct` traffic control gets into it and must detect and resolve it (logged in the
 * trace); `buffered` control never waits there, so the detector, which runs on every wait, never
 * fires (it would throw).
 */
import { describe, expect, it } from 'vitest';
import { fromScenario } from '../../src/model/from-scenario.ts';
import { runCrossing } from '../../src/model/run-summary.ts';
import { TRACE } from '../../src/model/trace-codes.ts';
import { ladderScenario } from './support/ladder-network.ts';

function run(traffic: 'buffered' | 'direct', seed: number): { run: ReturnType<typeof runCrossing>; deadlockRecords: number } {
  let deadlockRecords = 0;
  const s = ladderScenario({ tps: 1, stalls: 10, igvs: 8, traffic, vehiclesPerDay: 800, days: 0.5 });
  const r = runCrossing(fromScenario(s, { seed }), {
    record(_time, code) {
      if (code === TRACE.DEADLOCK) deadlockRecords++;
    },
  });
  return { run: r, deadlockRecords };
}

describe('deadlock on the deadlock-prone layout', () => {
  it('direct traffic control runs into deadlocks and resolves each one, with a trace record', () => {
    for (const seed of [1, 2]) {
      const { run: r, deadlockRecords } = run('direct', seed);
      const d = r.kpis.fleet!.deadlocks;
      expect(d.detected, `seed ${seed}`).toBeGreaterThan(0);
      expect(d.resolved).toBe(d.detected);
      expect(deadlockRecords).toBeGreaterThanOrEqual(d.detected);
      expect(r.kpis.conservation.ok).toBe(true);
      expect(r.kpis.fleet!.crossings.loaded).toBeGreaterThan(50);
    }
  });

  it('buffered traffic control never deadlocks there and carries more', () => {
    for (const seed of [1, 2]) {
      const buffered = run('buffered', seed).run;
      const direct = run('direct', seed).run;
      expect(buffered.kpis.fleet!.deadlocks.detected).toBe(0);
      expect(buffered.kpis.conservation.ok).toBe(true);
      expect(buffered.kpis.fleet!.crossings.loaded).toBeGreaterThan(direct.kpis.fleet!.crossings.loaded);
    }
  });
});
