import { describe, expect, it } from 'vitest';
import type { ReplicationResult } from '../../experiments/executor.ts';
import { findBottleneck } from '../../experiments/bottleneck.ts';

/** A run whose only figures are its stations' (utilization, mean queue wait in minutes). */
function run(stations: Record<string, [number, number | null]>): ReplicationResult {
  const s = Object.fromEntries(Object.entries(stations).map(([k, [u, w]]) => [k, { units: 1, utilization: u, meanQueue: 0, maxQueue: 0, queueWaitMin: { count: 1, mean: w, p50: w, p95: w, p99: w, max: w } }]));
  return { kpis: { stations: s } } as unknown as ReplicationResult;
}

describe('bottleneck at the knee', () => {
  it('is the most utilized station whose queue grows, not a busier one keeping up, never the parking', () => {
    const below = [run({ parking: [0.99, 50], cranes: [0.9, 0.5], scanners: [0.6, 1] })];
    const knee = [run({ parking: [0.99, 90], cranes: [0.9, 0.5], scanners: [0.75, 6] })];
    const b = findBottleneck(below, knee)!;
    expect(b.station).toBe('scanners');
    expect(b.reason).toContain('utilization 60.0 % → 75.0 %, mean queue wait 1.00 min → 6.00 min');
  });

  it('names a saturated station that got busier even when it keeps no queue of its own (the IGV fleet)', () => {
    const below = [run({ igvs: [0.8, 0], cnCranes: [0.58, 0.017] })];
    const knee = [run({ igvs: [0.95, 0], cnCranes: [0.59, 0.018] })];
    expect(findBottleneck(below, knee)!.station).toBe('igvs');
  });
});
