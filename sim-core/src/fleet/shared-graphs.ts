import type { LaneNetwork, VehicleDimensions } from '../model/scenario.ts';
import { LaneGraph } from './lane-graph.ts';
import type { CruiseSpeeds } from './stretch.ts';

/**
 * Lane graphs kept for reuse (most recently used last). A graph with a day's caches holds about
 * 30 MB (huu-nghi-smart-2030: 4,100 stretches with their plans, trees, passage conflicts); a
 * process seldom alternates between more networks than this.
 */
const KEPT = 2;
const graphs: KeptGraph[] = [];

/** A kept graph and a copy of the network and vehicle it was built from (the caller's objects may change). */
class KeptGraph {
  constructor(
    readonly network: unknown,
    readonly vehicle: unknown,
    readonly graph: LaneGraph,
  ) {}
}

/**
 * The lane graph of `network` driven by `vehicle`, shared by every run on an equal network and
 * vehicle in this process (replications, sweeps, a regression suite: each run builds its model
 * anew, and a day's shortest-path trees, stretches, booking plans and passage conflicts all hang
 * off the graph, about a tenth of a warm day to recompute). A graph is read-only after it is
 * built, and everything cached per graph is a pure function of it, so sharing changes no result.
 * Found by content (-0 apart from 0), not identity: a caller may change its scenario between runs
 * (and the graph holds none of its objects). Compared value by value with a copy kept beside the
 * graph, not through a JSON key: the key of the Huu Nghi network (160 KB of text, a replacer call
 * per value to tell -0 apart) cost about a fifth of building a model in a warm process, the
 * comparison a tenth of that. Invalid networks throw as `new LaneGraph` does and are not kept.
 */
export function sharedLaneGraph(network: LaneNetwork, vehicle: VehicleDimensions): LaneGraph {
  for (let i = graphs.length - 1; i >= 0; i--) {
    const k = graphs[i]!;
    if (sameContent(k.vehicle, vehicle) && sameContent(k.network, network)) {
      graphs.splice(i, 1);
      graphs.push(k);
      return k.graph;
    }
  }
  const g = new LaneGraph(network, vehicle);
  if (graphs.length >= KEPT) graphs.shift();
  graphs.push(new KeptGraph(contentCopy(network), contentCopy(vehicle), g));
  return g;
}

/**
 * True when `a` and `b` hold the same data: numbers equal as `Object.is` has it (-0 is not 0, NaN
 * is NaN), other primitives equal, arrays of the same length with the same elements, other objects
 * (whatever their prototype: a configuration's are `shapedCopy`'s) with the same own keys in the
 * same order and the same values under them. On data read from JSON (what a scenario holds) that
 * is equality of their JSON texts but for -0, and never looser (a key holding undefined is not a
 * missing one: at worst a graph built again).
 */
function sameContent(a: unknown, b: unknown): boolean {
  if (typeof a === 'number') return typeof b === 'number' && Object.is(a, b);
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a === b;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameContent(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i] || !sameContent((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** A copy of `value`'s data in plain objects and arrays, equal to it as `sameContent` has it. */
function contentCopy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(contentCopy);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) out[k] = contentCopy((value as Record<string, unknown>)[k]);
  return out;
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
