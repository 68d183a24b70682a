/**
 * Where vehicles wait for a transfer point on the generated Huu Nghi network: a waiting stall across
 * the yard aisle from every transfer point (but the one where the parking link leaves and those
 * beside the road) in both yards, clear of the parking rows; and a freed transfer point goes to the
 * waiter nearest to it, so the one in the stall across takes it.
 */
import { describe, expect, it } from 'vitest';
import { presetTransport } from './support/preset-transport.ts';

describe('waiting stalls and transfer points on huu-nghi-smart-2030', () => {
  const t = presetTransport('huu-nghi-smart-2030');
  const nodes = t.graph.nodes;
  const topo = t.manager.topology;

  for (const side of ['VN', 'CN'] as const) {
    it(`${side}: 12 of the 15 transfer points have a waiting stall 25 m across the aisle, each 40 m or more from every parking-row stall`, () => {
      const pre = side.toLowerCase();
      const stalls = nodes.filter((n) => n.kind === 'parking' && n.country === side);
      const aisle = stalls.filter((n) => n.id.startsWith(`${pre}-aisle-stall-`));
      const rows = stalls.filter((n) => n.id.startsWith(`${pre}-stall-`));
      expect(topo.tp[side].size).toBe(15);
      expect(aisle.length).toBe(12);
      for (const s of aisle) {
        const tp = nodes.find((n) => n.id === `${pre}-tp-${s.id.slice(`${pre}-aisle-stall-`.length).padStart(2, '0')}`)!;
        expect(s.position[0]).toBe(tp.position[0]);
        expect(Math.abs(s.position[1] - tp.position[1])).toBe(50);
        // Every aisle stall is a stall of the yard's parking pool (a dead end), not a holding bay.
        expect(topo.stalls[side].has(s.index)).toBe(true);
        const nearest = Math.min(...rows.map((r) => Math.hypot(r.position[0] - s.position[0], r.position[1] - s.position[1])));
        expect(nearest, s.id).toBeGreaterThanOrEqual(40);
      }
    });
  }

  it('a freed transfer point goes to the waiter nearest to it, not to the one waiting longest', () => {
    const pool = topo.tp.VN;
    pool.nodes.forEach((n, i) => pool.occupy(n, 900 + i));
    const freed = pool.nodes[3]!;
    const far = pool.acquire(1000, (n) => (n === freed ? 300 : 400));
    const near = pool.acquire(1001, (n) => (n === freed ? 20 : 400));
    pool.release(freed);
    expect(near.triggered).toBe(true);
    expect(far.triggered).toBe(false);
    expect(pool.holders()).toContain(1001);
  });

  it('only the Chinese holding bays form a long row (a vehicle leaving the yard takes the bay nearest to itself there)', () => {
    expect(topo.hasLongBayRow('CN')).toBe(true);
    expect(topo.hasLongBayRow('VN')).toBe(false);
  });
});
