/** Routing on a hand-made graph: shortest time, tie-breaks by edge order, stop nodes never passed through. */
import { describe, expect, it } from 'vitest';
import { LaneGraph } from '../../src/fleet/lane-graph.ts';
import { CongestionAwareRouter, ShortestTimeRouter } from '../../src/fleet/router.ts';
import type { LaneNetwork, NetworkEdge } from '../../src/model/scenario.ts';
import { VEHICLE } from './support/ladder-network.ts';

const speeds = { loaded: 5, empty: 5, yard: 2.5, scanner: 1 };

function net(edges: Array<[string, string, NetworkEdge['kind']]>, stops: string[] = []): LaneNetwork {
  const pos: Record<string, [number, number]> = { a: [0, 0], b: [100, 0], c: [100, 100], d: [200, 0], e: [0, 100], s: [100, -100] };
  return {
    nodes: Object.entries(pos).map(([id, position]) => ({ id, kind: stops.includes(id) ? 'parking' : 'way', country: 'VN', position })),
    edges: edges.map(([from, to, kind]) => ({ id: `${from}-${to}`, from, to, lanes: 1, speedLimitKmh: 100, kind })),
  };
}

describe('shortest-time router', () => {
  it('takes the faster road over the shorter yard path, hand-computed', () => {
    // a→b→d: 100 m yard (40 s) + 100 m road (20 s) = 60 s; a→d direct yard 200 m = 80 s.
    const g = new LaneGraph(net([['a', 'b', 'yard'], ['b', 'd', 'road'], ['a', 'd', 'yard']]), VEHICLE);
    const r = new ShortestTimeRouter(g, speeds);
    expect(r.route(g.node('a'), g.node('d'), false)!.map((e) => g.edges[e]!.id)).toEqual(['a-b', 'b-d']);
    expect(r.estimate(g.node('a'), g.node('d'), false)).toBeCloseTo(60, 9);
    expect(r.route(g.node('d'), g.node('a'), false)).toBeNull();
  });

  it('answers repeated queries from its caches: one shared route per (from, to, load), one for both loads when they cruise alike, estimates right when the source alternates', () => {
    const g = new LaneGraph(net([['a', 'b', 'yard'], ['b', 'd', 'road'], ['a', 'd', 'yard'], ['b', 'c', 'road'], ['c', 'd', 'road']]), VEHICLE);
    const r = new ShortestTimeRouter(g, speeds);
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => g.node(id)) as [number, number, number, number];
    const first = r.route(a, d, false)!;
    expect(r.route(a, d, false)).toBe(first);
    // Loaded and empty at the same speed: the same costs, so the same route object.
    expect(r.route(a, d, true)).toBe(first);
    const slower = new ShortestTimeRouter(g, { ...speeds, loaded: 4 });
    const empty = slower.route(a, d, false)!;
    expect(slower.route(a, d, true)).not.toBe(empty);
    expect(slower.route(a, d, true)).toEqual(empty);
    expect(slower.estimate(a, d, true)).toBeGreaterThan(slower.estimate(a, d, false));
    expect(r.route(b, d, false)!.map((e) => g.edges[e]!.id)).toEqual(['b-d']);
    expect(r.queries).toBe(4);
    // Sources alternating (the last tree is kept): every answer equals a fresh router's.
    const asked: number[] = [];
    for (const [from, to] of [[a, d], [b, d], [b, c], [a, c], [a, b], [c, d], [a, d]] as const) asked.push(r.estimate(from, to, false));
    const fresh = [[a, d], [b, d], [b, c], [a, c], [a, b], [c, d], [a, d]].map(([from, to]) => new ShortestTimeRouter(g, speeds).estimate(from!, to!, false));
    expect(asked).toEqual(fresh);
    // a→b 40 s of yard, b→d 20 s of road (hand-computed as above).
    expect(asked[0]).toBeCloseTo(60, 9);
  });

  it('breaks ties by edge order, deterministically', () => {
    // a→b→d and a→c→... both 200 m of road via two equal routes: a-b-d (edges 0,1) vs a-s-d (2,3).
    const g = new LaneGraph(net([['a', 'b', 'road'], ['b', 'd', 'road'], ['a', 's', 'road'], ['s', 'd', 'road']]), VEHICLE);
    const r = new ShortestTimeRouter(g, speeds);
    const via = r.route(g.node('a'), g.node('d'), true)!.map((e) => g.edges[e]!.id);
    // a-s-d is 141.4 + 141.4 m, longer: the straight one wins; now make them equal in time.
    expect(via).toEqual(['a-b', 'b-d']);
    const g2 = new LaneGraph(net([['a', 'c', 'road'], ['c', 'd', 'road'], ['a', 's', 'road'], ['s', 'd', 'road']]), VEHICLE);
    const r2 = new ShortestTimeRouter(g2, speeds);
    // Both routes are 2·141.42 m: the one whose last edge comes first in the list wins.
    expect(r2.route(g2.node('a'), g2.node('d'), true)!.map((e) => g2.edges[e]!.id)).toEqual(['a-c', 'c-d']);
  });

  it('never drives through a stop node (a vehicle may only stop there)', () => {
    const g = new LaneGraph(net([['a', 'b', 'road'], ['b', 'd', 'road'], ['a', 'e', 'yard'], ['e', 'c', 'yard'], ['c', 'd', 'yard']], ['b']), VEHICLE);
    const r = new ShortestTimeRouter(g, speeds);
    expect(r.route(g.node('a'), g.node('d'), false)!.map((e) => g.edges[e]!.id)).toEqual(['a-e', 'e-c', 'c-d']);
    expect(r.route(g.node('a'), g.node('b'), false)!.map((e) => g.edges[e]!.id)).toEqual(['a-b']);
  });

  it('the congestion-aware router avoids a crowded edge when the detour costs less than the penalty', () => {
    const g = new LaneGraph(net([['a', 'b', 'road'], ['b', 'd', 'road'], ['a', 's', 'road'], ['s', 'd', 'road']]), VEHICLE);
    const load = new Int32Array(g.edges.length);
    const r = new CongestionAwareRouter(g, speeds, (e) => load[e]!, 30);
    expect(r.route(g.node('a'), g.node('d'), false)!.map((e) => g.edges[e]!.id)).toEqual(['a-b', 'b-d']);
    load[0] = 2; // 60 s penalty on a-b; the detour a-s-d costs 16.6 s more
    expect(r.route(g.node('a'), g.node('d'), false)!.map((e) => g.edges[e]!.id)).toEqual(['a-s', 's-d']);
    expect(r.queries).toBe(2);
  });
});
