/**
 * The holding-bay queues of the generated networks: which bays may claim an exit gate lane
 * (`FleetTopology.isFrontBay`). The Chinese row of 24 bays reaches 300 s back from the gate, so
 * only its nearest bays (one more than the exit lanes) are front bays; the Vietnamese row of 5 is
 * short, and every bay in it is one.
 */
import { describe, expect, it } from 'vitest';
import { presetTransport } from './support/preset-transport.ts';

describe('front holding bays on huu-nghi-smart-2030', () => {
  const t = presetTransport('huu-nghi-smart-2030');
  const topo = t.manager.topology;
  const byGate = (side: 'VN' | 'CN'): number[] => [...topo.bays[side].nodes].sort((a, b) => topo.gateDistance(a, side) - topo.gateDistance(b, side));

  it('in the long Chinese row only the nearest bays, one more than the exit lanes, are front bays', () => {
    const bays = byGate('CN');
    expect(bays.length).toBe(24);
    expect(topo.gateDistance(bays[bays.length - 1]!, 'CN')).toBeGreaterThan(75);
    const front = bays.filter((b) => topo.isFrontBay(b, 'CN'));
    expect(topo.exitLanes.CN.size).toBe(3);
    expect(front).toEqual(bays.slice(0, 4));
    expect(front.map((b) => t.graph.nodes[b]!.id)).toEqual(['cn-bay-24', 'cn-bay-23', 'cn-bay-22', 'cn-bay-21']);
  });

  it('in the short Vietnamese row every bay is a front bay', () => {
    const bays = byGate('VN');
    expect(bays.length).toBe(5);
    expect(bays.every((b) => topo.gateDistance(b, 'VN') <= 75)).toBe(true);
    expect(bays.every((b) => topo.isFrontBay(b, 'VN'))).toBe(true);
  });

  it('nodes that are not holding bays are never front bays', () => {
    for (const side of ['VN', 'CN'] as const) {
      for (const n of [...topo.tp[side].nodes, ...topo.stalls[side].nodes.slice(0, 5), ...topo.exitLanes[side].nodes]) expect(topo.isFrontBay(n, side)).toBe(false);
    }
  });
});
