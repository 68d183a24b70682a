/** The dispatch strategies as pure functions of a plain request: expected decisions by hand. */
import { describe, expect, it } from 'vitest';
import { BalancingDispatcher } from '../../src/fleet/dispatch/balancing-dispatcher.ts';
import type { DispatchRequest } from '../../src/fleet/dispatch/dispatch-types.ts';
import { HungarianDispatcher } from '../../src/fleet/dispatch/hungarian-dispatcher.ts';
import { NearestFcfsDispatcher } from '../../src/fleet/dispatch/nearest-fcfs.ts';
import { createDispatcher } from '../../src/fleet/dispatch/registry.ts';
import { SideFirstDispatcher } from '../../src/fleet/dispatch/side-first-dispatcher.ts';

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

  it('side-first: each vehicle takes the oldest job on its own side, crossing empty only where its side has none', () => {
    // Two idle in China, one in Vietnam; the oldest job is an export in Vietnam, then two imports.
    const r: DispatchRequest = {
      time: 100,
      vehicles: [vehicle('igv:0', 'CN'), vehicle('igv:1', 'VN'), vehicle('igv:2', 'CN')],
      jobs: [job('container:1', 'VN', 0), job('container:2', 'CN', 10), job('container:3', 'CN', 20)],
      etaS: [
        [900, 30, 40],
        [20, 950, 960],
        [910, 35, 45],
      ],
      crossingS: 900,
      recentJobsPerHour: { VN: 10, CN: 30 },
    };
    // In id order: igv:0 the oldest import, igv:1 the export, igv:2 the next import.
    expect(new SideFirstDispatcher().decide(r).assignments).toEqual([
      { vehicle: 'igv:0', job: 'container:2' },
      { vehicle: 'igv:1', job: 'container:1' },
      { vehicle: 'igv:2', job: 'container:3' },
    ]);
    // Without the Vietnamese vehicle the export waits: both Chinese vehicles have an import of their own.
    const noVn: DispatchRequest = { ...r, vehicles: [r.vehicles[0]!, r.vehicles[2]!], etaS: [r.etaS[0]!, r.etaS[2]!] };
    expect(new SideFirstDispatcher().decide(noVn).assignments).toEqual([
      { vehicle: 'igv:0', job: 'container:2' },
      { vehicle: 'igv:2', job: 'container:3' },
    ]);
    // A third Chinese vehicle, left without an import, crosses empty for the export.
    const three: DispatchRequest = { ...noVn, vehicles: [...noVn.vehicles, vehicle('igv:3', 'CN')], etaS: [...noVn.etaS, [920, 50, 60]] };
    expect(new SideFirstDispatcher().decide(three).assignments).toEqual([
      { vehicle: 'igv:0', job: 'container:2' },
      { vehicle: 'igv:2', job: 'container:3' },
      { vehicle: 'igv:3', job: 'container:1' },
    ]);
    // No job on its own side: the oldest on the other side.
    const onlyVn: DispatchRequest = { ...r, vehicles: [vehicle('igv:0', 'CN')], jobs: [job('container:5', 'VN', 50), job('container:4', 'VN', 60)], etaS: [[900, 900]] };
    expect(new SideFirstDispatcher().decide(onlyVn).assignments).toEqual([{ vehicle: 'igv:0', job: 'container:5' }]);
    expect(createDispatcher('side-first').name).toBe('side-first');
  });

  it('nearest-fcfs sends vehicles across both ways when the estimate favours it; side-first keeps each on its side', () => {
    // The export is oldest; the Chinese vehicle's estimate to it (a crossing) is shorter than the
    // Vietnamese vehicle's (a slow trip from a far stall): nearest-fcfs sends igv:0 south empty and
    // igv:1 north empty for the import; side-first keeps both on their own side.
    const r: DispatchRequest = {
      time: 0,
      vehicles: [vehicle('igv:0', 'CN'), vehicle('igv:1', 'VN')],
      jobs: [job('container:1', 'VN', 0), job('container:2', 'CN', 5)],
      etaS: [
        [800, 20],
        [850, 900],
      ],
      crossingS: 800,
      recentJobsPerHour: { VN: 10, CN: 30 },
    };
    expect(new NearestFcfsDispatcher().decide(r).assignments).toEqual([
      { vehicle: 'igv:0', job: 'container:1' },
      { vehicle: 'igv:1', job: 'container:2' },
    ]);
    expect(new SideFirstDispatcher().decide(r).assignments).toEqual([
      { vehicle: 'igv:0', job: 'container:2' },
      { vehicle: 'igv:1', job: 'container:1' },
    ]);
  });

  it('an unknown strategy name is an error naming the known ones', () => {
    expect(() => createDispatcher('random')).toThrow(/nearest-fcfs, hungarian, balancing, side-first/);
  });
});
