import type { LaneGraph } from './lane-graph.ts';
import { buildStretch, type CruiseSpeeds, type Stretch } from './stretch.ts';

/** Most stretches kept; past it the cache starts over (a day of smart 2030 drives about 4,100 distinct ones: at 4,096 it started over once a day and rebuilt 400). */
const DEFAULT_CAPACITY = 8192;

/**
 * Stretches by (edges, lanes, loaded): a stretch is a pure function of them (for one graph and one
 * set of cruise speeds), and the fleet drives the same few thousand between its stop nodes all day,
 * so each is built once (lane polylines, junction zones, speed profile) and then shared. Shared
 * stretches are read-only (but for the booking plan the traffic controller caches on them, which is a
 * function of the stretch too): nothing downstream (traffic controller, driver, motion events) changes
 * them. Bounded: when full it is emptied, which only costs rebuilding. The stretches themselves are
 * kept per (graph, speeds, capacity) and shared by every cache on them, so runs on one shared
 * graph (see `sharedLaneGraph`) build each stretch once.
 */
export class StretchCache {
  private readonly store: StretchStore;
  /** Stretches this cache built (misses) and served from the store (hits). */
  built = 0;
  hits = 0;

  constructor(
    private readonly graph: LaneGraph,
    private readonly speeds: CruiseSpeeds,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {
    if (!(Number.isInteger(capacity) && capacity >= 1)) throw new Error(`StretchCache: capacity must be a whole number ≥ 1, got ${capacity}`);
    this.store = storeOf(graph, speeds, capacity);
  }

  /** The stretch over `edges` with `lanes[i]` on edge i (see `buildStretch`), built on first use. */
  get(edges: readonly number[], lanes: readonly number[], loaded: boolean): Stretch {
    // FNV-1a over the lane keys (edge · 8 + lane) and the load, in 32 bits.
    let h = loaded ? 0x811c9dc5 : 0x01000193;
    for (let i = 0; i < edges.length; i++) h = Math.imul(h ^ (edges[i]! * 8 + lanes[i]!), 0x01000193);
    // 30 bits: a small integer to V8, where a 32-bit key is a boxed number (allocated per look-up, hashed slower).
    h &= 0x3fffffff;
    const store = this.store;
    let bucket = store.byHash.get(h);
    if (bucket !== undefined) {
      for (let i = 0; i < bucket.length; i++) {
        const c = bucket[i]!;
        if (c.loaded === loaded && sameLegs(c.keys, edges, lanes)) {
          this.hits++;
          return c.stretch;
        }
      }
    }
    const stretch = buildStretch(this.graph, edges, lanes, loaded, this.speeds);
    if (store.count >= this.capacity) {
      store.byHash.clear();
      store.count = 0;
      bucket = undefined;
    }
    if (bucket === undefined) store.byHash.set(h, (bucket = []));
    const keys = new Int32Array(edges.length);
    for (let i = 0; i < edges.length; i++) keys[i] = edges[i]! * 8 + lanes[i]!;
    bucket.push({ loaded, keys, stretch });
    store.count++;
    this.built++;
    return stretch;
  }

  /** Stretches held (by every cache sharing this one's store). */
  get size(): number {
    return this.store.count;
  }
}

/** Stretches by a hash of (edges, lanes, loaded), a bucket holding the few that share a hash, and how many. */
interface StretchStore {
  readonly byHash: Map<number, CacheEntry[]>;
  count: number;
}

/** Stores by graph, then by speeds and capacity. */
const STORES = new WeakMap<LaneGraph, Map<string, StretchStore>>();

function storeOf(graph: LaneGraph, speeds: CruiseSpeeds, capacity: number): StretchStore {
  let byKey = STORES.get(graph);
  if (byKey === undefined) STORES.set(graph, (byKey = new Map()));
  const key = `${speeds.loaded}/${speeds.empty}/${speeds.yard}/${speeds.scanner}/${capacity}`;
  let s = byKey.get(key);
  if (s === undefined) byKey.set(key, (s = { byHash: new Map(), count: 0 }));
  return s;
}

/**
 * A cached stretch with its lane keys (edge · 8 + lane, lanes < 8) in one array: comparing them
 * reads one block of memory, not the stretch's leg objects.
 */
interface CacheEntry {
  loaded: boolean;
  keys: Int32Array;
  stretch: Stretch;
}

/** Whether lane keys `keys` are exactly `edges` on `lanes`. */
function sameLegs(keys: Int32Array, edges: readonly number[], lanes: readonly number[]): boolean {
  if (keys.length !== edges.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== edges[i]! * 8 + lanes[i]!) return false;
  return true;
}
