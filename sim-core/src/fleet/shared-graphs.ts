import type { LaneNetwork, VehicleDimensions } from '../model/scenario.ts';
import { LaneGraph } from './lane-graph.ts';
import type { CruiseSpeeds } from './stretch.ts';

/**
 * Lane graphs kept for reuse (most recently used last). A graph with a day's caches holds about
 * 30 MB (huu-nghi-smart-2030: 4,100 stretches with their plans, trees, passage conflicts); a
 * process seldom alternates between more networks than this.
 */
const KEPT = 2;
const graphs = new Map<string, LaneGraph>();

/**
 * The lane graph of `network` driven by `vehicle`, shared by every run on an equal network and
 * vehicle in this process (replications, sweeps, a regression suite: each run builds its model
 * anew, and a day's shortest-path trees, stretches, booking plans and passage conflicts all hang
 * off the graph, about a tenth of a warm day to recompute). A graph is read-only after it is
 * built, and everything cached per graph is a pure function of it, so sharing changes no result.
 * Keyed by content (-0 apart from 0, which JSON alone would merge), not identity: a caller may
 * change its scenario between runs (and the graph holds none of its objects). Invalid networks
 * throw as `new LaneGraph` does and are not kept.
 */
export function sharedLaneGraph(network: LaneNetwork, vehicle: VehicleDimensions): LaneGraph {
  const key = JSON.stringify([network, vehicle], signedZero);
  let g = graphs.get(key);
  if (g === undefined) {
    g = new LaneGraph(network, vehicle);
    if (graphs.size >= KEPT) graphs.delete(graphs.keys().next().value!);
  } else graphs.delete(key);
  graphs.set(key, g);
  return g;
}

function signedZero(_key: string, value: unknown): unknown {
  return Object.is(value, -0) ? '-0' : value;
}

/**
 * Values cached on a lane graph under a key (speeds, gap...): what the router, the stretch cache
 * and the traffic controller keep as pure functions of the graph, shared by every run on the same
 * graph (see `sharedLaneGraph`) and gone with it.
 */
export class PerGraph<V> {
  private readonly byGraph = new WeakMap<LaneGraph, Map<string | number, V>>();

  /** The value for (`graph`, `key`), made by `make` on first use. */
  get(graph: LaneGraph, key: string | number, make: () => V): V {
    let byKey = this.byGraph.get(graph);
    if (byKey === undefined) this.byGraph.set(graph, (byKey = new Map()));
    let v = byKey.get(key);
    if (v === undefined) byKey.set(key, (v = make()));
    return v;
  }
}

/** The key of a set of cruise speeds in a `PerGraph` cache. */
export function speedsKey(speeds: CruiseSpeeds): string {
  return `${speeds.loaded}/${speeds.empty}/${speeds.yard}/${speeds.scanner}`;
}
