import { describe, expect, it } from 'vitest';
import { dispatchGreedy, planYard } from './dispatch-controller.ts';

// The example against a live server: server/test/live/live-example-controller.test.ts.

describe('example controller', () => {
  it('plans the yard: direct to a waiting IGV, else storage while there is room, else hold', () => {
    expect(planYard({ yard: 'vn-yard', carrierWaiting: true, freeSlots: 0 })).toEqual({ plan: 'direct' });
    expect(planYard({ yard: 'vn-yard', carrierWaiting: false, freeSlots: 3 })).toEqual({ plan: 'storage' });
    expect(planYard({ yard: 'vn-yard', carrierWaiting: false, freeSlots: 0 })).toEqual({ plan: 'hold' });
  });

  it('dispatches the oldest job to the nearest idle IGV, each IGV once', () => {
    const d = dispatchGreedy({
      time: 0,
      vehicles: [
        { id: 'igv:0', side: 'VN', node: 'a', position: [0, 0], soc: 1 },
        { id: 'igv:1', side: 'VN', node: 'b', position: [0, 0], soc: 1 },
      ],
      jobs: [
        { id: 'container:5', from: 'VN', to: 'CN', submittedAt: 0 },
        { id: 'container:6', from: 'VN', to: 'CN', submittedAt: 1 },
        { id: 'container:7', from: 'VN', to: 'CN', submittedAt: 2 },
      ],
      etaS: [
        [30, 10, 10],
        [20, 5, 5],
      ],
      crossingS: 300,
      recentJobsPerHour: { VN: 0, CN: 0 },
    });
    expect(d.assignments).toEqual([
      { vehicle: 'igv:1', job: 'container:5' },
      { vehicle: 'igv:0', job: 'container:6' },
    ]);
  });
});
