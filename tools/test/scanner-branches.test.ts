/**
 * The scanner portals' branches in the generated networks. Every loaded import leaves the
 * southbound carriageway for a portal and joins it again, so the split and join junctions are
 * passed by nearly the whole southbound flow, one vehicle at a time where passages cross. Driven at
 * yard speed (10 km/h) with branches 40 m and 25 m long, their zones were 35 m and 28 m in radius
 * and each held a vehicle about 20 s; as road branches at the gate fans' 18 km/h, steeper and
 * shorter, both zones stay under 26 m (huu-nghi-smart-2030 then clears about 5 % more a day).
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenarios/index.ts';
import { LaneGraph } from '../../sim-core/src/fleet/lane-graph.ts';

function graph(name: string): LaneGraph {
  const r = loadScenario(name);
  if (!r.ok) throw new Error(`${name} does not load`);
  const s = r.scenario;
  if (s.layout.network === undefined || s.transport.igv?.vehicle === undefined) throw new Error(`${name} has no lane network`);
  return new LaneGraph(s.layout.network, s.transport.igv.vehicle);
}

describe.each(['huu-nghi-smart-2030', 'huu-nghi-peak-2030', 'tan-thanh-smart-2030'])('scanner branches of %s', (name) => {
  const g = graph(name);
  const node = (id: string) => {
    const n = g.nodes.find((x) => x.id === id);
    if (n === undefined) throw new Error(`${name}: no node ${id}`);
    return n;
  };

  it('are road edges at 18 km/h into and out of every portal', () => {
    const portals = g.nodes.filter((n) => n.kind === 'scanner-entry');
    expect(portals.length).toBe(2);
    for (const p of portals) {
      const into = p.in.map((e) => g.edges[e]!);
      const out = g.nodes.find((n) => n.kind === 'scanner-exit' && n.equipment === p.equipment)!.out.map((e) => g.edges[e]!);
      for (const e of [...into, ...out]) {
        expect(e.kind, e.id).toBe('road');
        expect(e.limitMps * 3.6, e.id).toBeCloseTo(18, 9);
      }
    }
  });

  it('keep the split and join junction zones under 26 m', () => {
    expect(node('sb-scan-split').zoneRadiusM).toBeLessThan(26);
    expect(node('sb-scan-join').zoneRadiusM).toBeLessThan(26);
    // Still junctions that reserve their crossing passages (not pass-through points).
    expect(node('sb-scan-split').zoneRadiusM).toBeGreaterThan(15);
    expect(node('sb-scan-join').zoneRadiusM).toBeGreaterThan(15);
  });
});
