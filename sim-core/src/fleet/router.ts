import type { LaneGraph } from './lane-graph.ts';
import { edgeCap, loadChangesCaps, type CruiseSpeeds } from './stretch.ts';
import { PerGraph, speedsKey } from './shared-graphs.ts';
import { intArray } from '../kernel/shapes.ts';
import { grown } from './typed-grow.ts';

/** A route: the edges to drive in order (empty when from = to). Shared: read it, never change it. */
export type Route = readonly number[];

/**
 * Router: which edges a vehicle drives from one node to another. Stop nodes are never passed
 * through (a vehicle only stops at them), so routes only enter a stop node as their destination.
 */
export interface Router {
  readonly name: string;
  /** Route from node `from` to node `to` (indices), or null when `to` cannot be reached. */
  route(from: number, to: number, loaded: boolean): Route | null;
  /** Estimated free-flow travel time from `from` to `to`, seconds (Infinity when unreachable). */
  estimate(from: number, to: number, loaded: boolean): number;
  /** Routing queries answered so far. */
  readonly queries: number;
}

/** Extra cost of an edge now, seconds (0 for the plain shortest-time router). */
export type EdgePenalty = (edge: number) => number;

/**
 * Dijkstra over free-flow edge times (length / cruise cap, plus the time lost to accelerate from
 * and brake to standstill at a stop), with deterministic tie-breaks: lower cost, then lower node
 * index, then lower edge index ("finally by id" — indices follow the scenario's order).
 */
export class ShortestTimeRouter implements Router {
  readonly name: string = 'shortest-time';
  queries = 0;
  private readonly cost: Float64Array[];
  /**
   * Shortest-path trees by (source, loaded), each entry the predecessor edge of every node, and
   * routes by (from, to, loaded) while the trees are static (the fleet asks for the same few
   * thousand all day). Static costs are a function of the graph and the speeds alone, so these are
   * shared by every static router on the same graph and speeds (see `sharedLaneGraph`).
   */
  private readonly trees: Map<number, Tree>;
  private readonly routes: Map<number, Route>;
  /** The tree asked for last (static costs only) and its key. */
  private lastKey = -1;
  private lastTree: Tree | null = null;

  constructor(
    protected readonly graph: LaneGraph,
    speeds: CruiseSpeeds,
  ) {
    this.cost = [false, true].map((loaded) => Float64Array.from(graph.edges, (e) => e.lengthM / edgeCap(graph, e.index, loaded, speeds)));
    this.loadMatters = loadChangesCaps(graph, speeds);
    ({ trees: this.trees, routes: this.routes } = staticCaches(graph, speeds));
  }

  /**
   * False when the load changes no edge's cruise cap, so no edge's cost (`loadChangesCaps`): then
   * loaded and empty vehicles ask for the same trees and routes, each computed once.
   */
  private readonly loadMatters: boolean;

  route(from: number, to: number, loaded: boolean): Route | null {
    this.queries++;
    const key = (from * this.graph.nodes.length + to) * 2 + (loaded && this.loadMatters ? 1 : 0);
    if (this.staticCosts) {
      const known = this.routes.get(key);
      if (known !== undefined) return known;
    }
    const tree = this.tree(from, loaded);
    if (tree.dist[to] === Infinity) return null;
    // From no literal: routes are cached (see `objectArray` in kernel/shapes.ts).
    const edges = intArray();
    for (let n = to; n !== from; ) {
      const e = tree.via[n]!;
      edges.push(e);
      n = this.graph.edges[e]!.from;
    }
    edges.reverse();
    if (this.staticCosts) this.routes.set(key, edges);
    return edges;
  }

  estimate(from: number, to: number, loaded: boolean): number {
    return this.tree(from, loaded).dist[to]!;
  }

  /** False when `penalty` changes the costs over time (then neither trees nor routes are cached). */
  protected readonly staticCosts: boolean = true;

  /** The penalty added to each edge; the static router caches its trees because it has none. */
  protected penalty(): EdgePenalty | null {
    return null;
  }

  private tree(from: number, loaded: boolean): Tree {
    const key = from * 2 + (loaded && this.loadMatters ? 1 : 0);
    if (this.staticCosts) {
      // Ranking a pool's nodes asks for one source's estimates many times in a row.
      if (key === this.lastKey) return this.lastTree!;
      const cached = this.trees.get(key);
      if (cached !== undefined) {
        this.lastKey = key;
        this.lastTree = cached;
        return cached;
      }
    }
    const penalty = this.penalty();
    const t = dijkstra(this.graph, from, this.cost[loaded ? 1 : 0]!, penalty);
    if (penalty === null) this.trees.set(key, t);
    return t;
  }
}

/**
 * A shortest-path tree: each node's cost from the source (s) and the edge it is reached by. A
 * class, not a literal, for performance reasons: trees are cached (see `objectArray` in
 * kernel/shapes.ts on long-lived literals).
 */
export class Tree {
  constructor(
    readonly dist: Float64Array,
    readonly via: Int32Array,
  ) {}
}

/** Trees and routes of static routers by graph, then by speeds (see `ShortestTimeRouter.trees`). */
const STATIC = new PerGraph<{ trees: Map<number, Tree>; routes: Map<number, Route> }>();

function staticCaches(graph: LaneGraph, speeds: CruiseSpeeds): { trees: Map<number, Tree>; routes: Map<number, Route> } {
  return STATIC.get(graph, speedsKey(speeds), () => ({ trees: new Map(), routes: new Map() }));
}

/**
 * Shortest time plus a congestion penalty per edge: each vehicle currently booked on the edge (or
 * standing at a node it leads to) adds `penaltyS` seconds, so vehicles spread over parallel
 * routes (the two gate lane fans, alternative yard aisles) when one is crowded.
 */
export class CongestionAwareRouter extends ShortestTimeRouter {
  override readonly name = 'congestion-aware';
  protected override readonly staticCosts = false;

  constructor(
    graph: LaneGraph,
    speeds: CruiseSpeeds,
    private readonly load: (edge: number) => number,
    private readonly penaltyS = 30,
  ) {
    super(graph, speeds);
  }

  protected override penalty(): EdgePenalty {
    return (edge) => this.penaltyS * this.load(edge);
  }
}

/**
 * Dijkstra with a binary heap of (cost, node), ordered by cost then node; stop nodes other than
 * the source are never expanded.
 */
export function dijkstra(graph: LaneGraph, from: number, cost: Float64Array, penalty: EdgePenalty | null): Tree {
  const n = graph.nodes.length;
  const dist = new Float64Array(n).fill(Infinity);
  const via = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  // The heap in typed scratch shared by every search, and no closures: most trees are grown in a
  // process's first hour, while this code is still interpreted, where a closure per search and an
  // array of numbers that turns from small integers to doubles cost more than the search.
  const heap = HEAP;
  heap.size = 0;
  dist[from] = 0;
  heap.push(0, from);
  while (heap.size > 0) {
    const c = heap.costs[0]!;
    const u = heap.pop();
    if (done[u] === 1 || c > dist[u]!) continue;
    done[u] = 1;
    if (u !== from && graph.nodes[u]!.isStop) continue;
    const out = graph.nodes[u]!.out;
    for (let k = 0; k < out.length; k++) {
      const ei = out[k]!;
      const e = graph.edges[ei]!;
      const nc = c + cost[ei]! + (penalty === null ? 0 : penalty(ei));
      const v = e.to;
      if (nc < dist[v]! - 1e-9 || (Math.abs(nc - dist[v]!) <= 1e-9 && ei < via[v]!)) {
        dist[v] = nc;
        via[v] = ei;
        heap.push(nc, v);
      }
    }
  }
  return new Tree(dist, via);
}

/** A binary min-heap of (cost, node) pairs, ordered by cost then node (`dijkstra`'s scratch). */
class SearchHeap {
  costs = new Float64Array(0);
  nodes = new Int32Array(0);
  size = 0;

  constructor() {
    // Written twice on purpose: V8 takes a field written once for a constant (see TrafficController).
    this.costs = new Float64Array(256);
    this.nodes = new Int32Array(256);
  }

  push(c: number, v: number): void {
    if (this.size === this.costs.length) {
      this.costs = grown(this.costs, 2 * this.size);
      this.nodes = grown(this.nodes, 2 * this.size);
    }
    const cs = this.costs;
    const ns = this.nodes;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pc = cs[p]!;
      if (c < pc || (c === pc && v < ns[p]!)) {
        cs[i] = pc;
        ns[i] = ns[p]!;
        i = p;
      } else break;
    }
    cs[i] = c;
    ns[i] = v;
  }

  /** Removes the least pair and returns its node. */
  pop(): number {
    const cs = this.costs;
    const ns = this.nodes;
    const top = ns[0]!;
    const m = --this.size;
    if (m > 0) {
      const c = cs[m]!;
      const v = ns[m]!;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let s = -1;
        let sc = c;
        let sv = v;
        if (l < m && (cs[l]! < sc || (cs[l] === sc && ns[l]! < sv))) {
          s = l;
          sc = cs[l]!;
          sv = ns[l]!;
        }
        if (r < m && (cs[r]! < sc || (cs[r] === sc && ns[r]! < sv))) {
          s = r;
          sc = cs[r]!;
          sv = ns[r]!;
        }
        if (s < 0) break;
        cs[i] = sc;
        ns[i] = sv;
        i = s;
      }
      cs[i] = c;
      ns[i] = v;
    }
    return top;
  }
}

const HEAP = new SearchHeap();
