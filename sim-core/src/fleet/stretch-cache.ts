import type { LaneGraph } from './lane-graph.ts';
import { buildStretch, type CruiseSpeeds, type Stretch } from './stretch.ts';

/** Most stretches kept; past it the cache starts over (a day of smart 2030 builds about 2,900 distinct ones, the 200-IGV stress day over 4,000). */
const DEFAULT_CAPACITY = 4096;

/**
 * Stretches by (edges, lanes, loaded): a stretch is a pure function of them (for one graph and one
 * set of cruise speeds), and the fleet drives the same few thousand between its stop nodes all day,
 * so each is built once (lane polylines, junction zones, speed profile) and then shared. Shared
 * stretches are read-only (but for the booking plan the traffic controller caches on them, which is a
 * function of the stretch too): nothing downstream (traffic controller, driver, motion events) changes
 * them. Bounded: when full it is emptied, which only costs rebuilding.
 */
export class StretchCache {
  /** Stretches by a hash of (edges, lanes, loaded); a bucket holds the few that share a hash. */
  private readonly byHash = new Map<number, CacheEntry[]>();
  private count = 0;
  /** Stretches built (misses) and served from the cache (hits). */
  built = 0;
  hits = 0;

  constructor(
    private readonly graph: LaneGraph,
    private readonly speeds: CruiseSpeeds,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {
    if (!(Number.isInteger(capacity) && capacity >= 1)) throw new Error(`StretchCache: capacity must be a whole number ≥ 1, got ${capacity}`);
  }

  /** The stretch over `edges` with `lanes[i]` on edge i (see `buildStretch`), built on first use. */
  get(edges: readonly number[], lanes: readonly number[], loaded: boolean): Stretch {
    // FNV-1a over the lane keys (edge · 8 + lane) and the load, in 32 bits.
    let h = loaded ? 0x811c9dc5 : 0x01000193;
    for (let i = 0; i < edges.length; i++) h = Math.imul(h ^ (edges[i]! * 8 + lanes[i]!), 0x01000193);
    let bucket = this.byHash.get(h);
    if (bucket !== undefined) {
      for (const c of bucket) if (c.loaded === loaded && sameLegs(c.keys, edges, lanes)) {
        this.hits++;
        return c.stretch;
      }
    }
    const stretch = buildStretch(this.graph, edges, lanes, loaded, this.speeds);
    if (this.count >= this.capacity) {
      this.byHash.clear();
      this.count = 0;
      bucket = undefined;
    }
    if (bucket === undefined) this.byHash.set(h, (bucket = []));
    const keys = new Int32Array(edges.length);
    for (let i = 0; i < edges.length; i++) keys[i] = edges[i]! * 8 + lanes[i]!;
    bucket.push({ loaded, keys, stretch });
    this.count++;
    this.built++;
    return stretch;
  }

  get size(): number {
    return this.count;
  }
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
