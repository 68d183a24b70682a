/** The dispatch strategies as pure functions of a plain request: expected decisions by hand. */
import { describe, expect, it } from 'vitest';
import { BalancingDispatcher } from '../../src/fleet/dispatch/balancing-dispatcher.ts';
import type { DispatchRequest } from '../../src/fleet/dispatch/dispatch-types.ts';
import { HungarianDispatcher } from '../../src/fleet/dispatch/hungarian-dispatcher.ts';
import { NearestFcfsDispatcher } from '../../src/fleet/dispatch/nearest-fcfs.ts';
import { createDispatcher } from '../../src/fleet/dispatch/registry.ts';

const vehicle = (id: string, side: 'VN' | 'CN', soc = 0.8) => ({ id, side, node: `${id}-stall`, position: [0, 0] as [number, number], soc });
const job = (id: string, from: 'VN' | 'CN', t: number) => ({ id, from, to: from === 'VN' ? ('CN' as const) : ('VN' as const), submittedAt: t });

/** Two vehicles, two jobs: greedy first-come takes A for job 1 (60 s < 100 s), leaving B 500 s for job 2; optimal is B→1, A→2. */
const request: DispatchRequest = {
  time: 0,
  vehicles: [vehicle('igv:0', 'VN'), vehicle('igv:1', 'VN')],
  jobs: [job('container:1', 'VN', 0), job('container:2', 'VN', 10)],
  etaS: [
    [60, 80],
    [100, 500],
  ],
  crossingS: 900,
  recentJobsPerHour: { VN: 10, CN: 10 },
};

describe('dispatch strategies', () => {
  it('nearest-fcfs: the oldest job takes the nearest idle vehicle, then the next job the nearest left', () => {
    expect(new NearestFcfsDispatcher().decide(request).assignments).toEqual([
      { vehicle: 'igv:0', job: 'container:1' },
      { vehicle: 'igv:1', job: 'container:2' },
    ]);
  });

  it('hungarian: least total empty driving over the batch (180 s instead of 560 s)', () => {
    expect(new HungarianDispatcher().decide(request).assignments).toEqual([
      { vehicle: 'igv:0', job: 'container:2' },
      { vehicle: 'igv:1', job: 'container:1' },
    ]);
  });

  it('hungarian chooses among the oldest two jobs per idle vehicle, never a newer one', () => {
    const jobs = [job('container:1', 'VN', 0), job('container:2', 'VN', 10), job('container:3', 'VN', 20)];
    const r: DispatchRequest = { ...request, vehicles: [vehicle('igv:0', 'VN')], jobs, etaS: [[300, 100, 10]] };
    // container:3 is nearest but outside the window of 2: container:2 (100 s) beats container:1 (300 s).
    expect(new HungarianDispatcher().decide(r).assignments).toEqual([{ vehicle: 'igv:0', job: 'container:2' }]);
    expect(new NearestFcfsDispatcher().decide(r).assignments).toEqual([{ vehicle: 'igv:0', job: 'container:1' }]);
  });

  it('balancing: idle vehicles are shared between the yards by the recent job rates', () => {
    // Four idle in VN, none in CN, no job waiting; China sends three times as many jobs.
    const r: DispatchRequest = {
      time: 0,
      vehicles: [vehicle('igv:0', 'VN', 0.5), vehicle('igv:1', 'VN', 0.9), vehicle('igv:2', 'VN', 0.7), vehicle('igv:3', 'VN', 0.9)],
      jobs: [],
      etaS: [[], [], [], []],
      crossingS: 900,
      recentJobsPerHour: { VN: 10, CN: 30 },
    };
    const d = new BalancingDispatcher().decide(r);
    // VN's share is 1 (of 4), CN's 3: two move (surplus 4 - 1 - slack 1), the fullest batteries, ties by id.
    expect(d.assignments).toEqual([]);
    expect(d.repositions).toEqual([
      { vehicle: 'igv:1', to: 'CN' },
      { vehicle: 'igv:3', to: 'CN' },
    ]);
    // With a job waiting in VN nobody leaves VN.
    const busy = { ...r, jobs: [job('container:9', 'VN', 0)], etaS: [[10], [20], [30], [40]] };
    const d2 = new BalancingDispatcher().decide(busy);
    expect(d2.assignments).toEqual([{ vehicle: 'igv:0', job: 'container:9' }]);
    expect(d2.repositions).toBeUndefined();
  });

  it('an unknown strategy name is an error naming the known ones', () => {
    expect(() => createDispatcher('random')).toThrow(/nearest-fcfs, hungarian, balancing/);
  });
});
