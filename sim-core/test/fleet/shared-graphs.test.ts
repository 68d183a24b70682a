/**
 * Runs on an equal lane network share one lane graph (and the trees, stretches, plans and passage
 * conflicts cached on it): found by content, never stale when the caller changes its scenario,
 * and invisible in the results — a run repeated after others filled the caches gives the same bits.
 */
import { describe, expect, it } from 'vitest';
import { fromScenario, ScenarioError } from '../../src/model/from-scenario.ts';
import { runCrossing } from '../../src/model/run-summary.ts';
import { sharedLaneGraph } from '../../src/fleet/shared-graphs.ts';
import { shapedCopy } from '../../src/kernel/shapes.ts';
import { ladderNetwork, ladderScenario } from './support/ladder-network.ts';

const VEHICLE = { lengthM: 8, widthM: 3, minTurnRadiusM: 6, accelerationMps2: 0.5, decelerationMps2: 0.8 };

describe('shared lane graphs', () => {
  it('an equal network gets the same graph; a changed one (even -0 for 0) another, and the caller\'s objects are never held', () => {
    const net = ladderNetwork({ tps: 2, stalls: 2, lanes: 2 });
    const g = sharedLaneGraph(net, VEHICLE);
    expect(sharedLaneGraph(structuredClone(net), { ...VEHICLE })).toBe(g);
    // A run's configuration holds the network as `shapedCopy` objects (another prototype): the same content.
    expect(sharedLaneGraph(shapedCopy(net), shapedCopy(VEHICLE))).toBe(g);
    // A key added (even with the default's value) is another network.
    expect(sharedLaneGraph({ ...net, laneWidthM: 3.75 }, VEHICLE)).not.toBe(g);
    expect(sharedLaneGraph(net, VEHICLE)).toBe(g);
    expect(sharedLaneGraph(net, { ...VEHICLE, lengthM: 9 })).not.toBe(g);
    // A millimetre moves a node: another graph, and the first one kept its own copy of the geometry.
    const x0 = net.nodes[0]!.position[0];
    net.nodes[0]!.position[0] = x0 + 0.001;
    const moved = sharedLaneGraph(net, VEHICLE);
    expect(moved).not.toBe(g);
    expect(g.nodes[0]!.position[0]).toBe(x0);
    expect(moved.nodes[0]!.position[0]).toBe(x0 + 0.001);
    // The aisle lies on y = 0; the same network with y = -0 there is another key (atan2 tells them apart).
    const signed = structuredClone(net);
    expect(signed.nodes[0]!.position[1]).toBe(0);
    for (const n of signed.nodes) if (n.position[1] === 0) n.position[1] = -0;
    const gs = sharedLaneGraph(signed, VEHICLE);
    expect(gs).not.toBe(moved);
    expect(sharedLaneGraph(structuredClone(signed), VEHICLE)).toBe(gs);
    expect(Object.is(gs.nodes[0]!.position[1], -0)).toBe(true);
  });

  it('keeps the two networks used last: a third pushes out the one used longest ago', () => {
    const nets = [2, 3, 4].map((tps) => ladderNetwork({ tps, stalls: 2, lanes: 1 }));
    const [a, b] = [sharedLaneGraph(nets[0]!, VEHICLE), sharedLaneGraph(nets[1]!, VEHICLE)];
    expect(sharedLaneGraph(nets[0]!, VEHICLE)).toBe(a); // a is now the most recent
    sharedLaneGraph(nets[2]!, VEHICLE); // pushes out b
    expect(sharedLaneGraph(nets[0]!, VEHICLE)).toBe(a);
    expect(sharedLaneGraph(nets[1]!, VEHICLE)).not.toBe(b);
  });

  it('an invalid network throws with its path each time and is not kept', () => {
    const net = ladderNetwork({ tps: 2, stalls: 2, lanes: 2 });
    net.edges[0]!.from = 'nowhere';
    for (let i = 0; i < 2; i++) {
      expect(() => sharedLaneGraph(net, VEHICLE)).toThrow(ScenarioError);
      expect(() => sharedLaneGraph(net, VEHICLE)).toThrow(/edges\[0\]\.from.*unknown node "nowhere"/);
    }
  });

  it('a run repeated after other runs on the same graph filled its caches gives the same trace and KPIs', () => {
    const base = { tps: 3, stalls: 14, igvs: 12, vehiclesPerDay: 900, days: 0.25, lanes: 2 } as const;
    const first = runCrossing(fromScenario(ladderScenario(base), { seed: 11 }));
    // Other seeds and more demand drive other routes and stretches on the same (shared) graph.
    const others = [12, 13].map((seed) => runCrossing(fromScenario(ladderScenario({ ...base, vehiclesPerDay: 1400 }), { seed })));
    const again = runCrossing(fromScenario(ladderScenario(base), { seed: 11 }));
    expect(new Set(others.map((r) => r.traceHash)).size).toBe(2);
    expect(others[0]!.traceHash).not.toBe(first.traceHash);
    expect(again.traceHash).toBe(first.traceHash);
    expect(again.kpis).toEqual(first.kpis);
  });
});
