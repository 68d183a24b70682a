import type { LaneGraph } from './lane-graph.ts';
import { buildStretch, loadChangesCaps, type CruiseSpeeds, type Stretch } from './stretch.ts';
import { grown } from './typed-grow.ts';
import { PerGraph, speedsKey } from './shared-graphs.ts';

/** Most stretches kept; past it the cache starts over (a day of smart 2030 drives about 4,100 distinct ones: at 4,096 it started over once a day and rebuilt 400). */
const DEFAULT_CAPACITY = 8192;

/**
 * Stretches by (edges, lanes, loaded): a stretch is a pure function of them (for one graph and one
 * set of cruise speeds; of the first two alone where the load changes no edge's speed cap), and the fleet drives the same few thousand between its stop nodes all day,
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
    const store = this.store;
    // Where loaded and empty vehicles cruise alike, a stretch is the same either way: one for both.
    if (!store.loadMatters) loaded = false;
    // FNV-1a over the lane keys (edge · 8 + lane) and the load, in 32 bits.
    let h = loaded ? 0x811c9dc5 : 0x01000193;
    for (let i = 0; i < edges.length; i++) h = Math.imul(h ^ (edges[i]! * 8 + lanes[i]!), 0x01000193);
    // 30 bits: a small integer to V8 (a 32-bit one is a heap number where it is not inlined).
    h &= 0x3fffffff;
    const slots = store.slots;
    const mask = slots.length - 1;
    const meta = store.meta;
    const n = edges.length;
    const tag = 2 * n + (loaded ? 1 : 0);
    let i = h & mask;
    for (let e = slots[i]! - 1; e >= 0; e = slots[(i = (i + 1) & mask)]! - 1) {
      const m = M * e;
      if (meta[m + M_HASH] === h && meta[m + M_TAG] === tag && sameLegs(store.keys, meta[m + M_FROM]!, edges, lanes)) {
        this.hits++;
        return store.stretches[e]!;
      }
    }
    // A miss: build, and insert at the empty slot the probe ended on (after starting over when full).
    const stretch = buildStretch(this.graph, edges, lanes, loaded, this.speeds);
    if (store.count >= this.capacity) {
      slots.fill(0);
      store.count = 0;
      store.used = 0;
      store.stretches.length = 0;
      for (i = h & mask; slots[i] !== 0; i = (i + 1) & mask);
    }
    const e = store.count++;
    if (store.used + n > store.keys.length) store.keys = grown(store.keys, 2 * (store.used + n));
    const keys = store.keys;
    for (let k = 0; k < n; k++) keys[store.used + k] = edges[k]! * 8 + lanes[k]!;
    const m = M * e;
    meta[m + M_HASH] = h;
    meta[m + M_TAG] = tag;
    meta[m + M_FROM] = store.used;
    store.used += n;
    store.stretches[e] = stretch;
    slots[i] = e + 1;
    this.built++;
    return stretch;
  }

  /** Stretches held (by every cache sharing this one's store). */
  get size(): number {
    return this.store.count;
  }
}

/**
 * Stretches in one open-addressing table of typed arrays rather than a Map of buckets of entry
 * objects: a look-up reads a slot, the entry's three numbers and its lane keys, a few cache lines
 * where the map read about seven (each cold: the fleet books a given stretch again only minutes
 * later). Entry e (slot value e + 1, 0 for an empty slot; linear probing) holds at `M · e` in
 * `meta` its hash, its length and load as `2 · edges + loaded`, and where its lane keys (edge · 8
 * + lane) start in `keys`; `stretches[e]` is the stretch.
 */
interface StretchStore {
  /** False when the load changes no edge's speed cap (`loadChangesCaps`): then it changes no stretch. */
  readonly loadMatters: boolean;
  slots: Int32Array;
  meta: Int32Array;
  keys: Int32Array;
  /** Lane keys written to `keys`. */
  used: number;
  readonly stretches: Stretch[];
  count: number;
}

/** Entry layout in `StretchStore.meta` (stride `M`; the fourth number is padding). */
const M = 4;
const M_HASH = 0;
const M_TAG = 1;
const M_FROM = 2;
const EMPTY_KEYS = new Int32Array(0);

/** Stores by graph, then by speeds and capacity. */
const STORES = new PerGraph<StretchStore>();

function storeOf(graph: LaneGraph, speeds: CruiseSpeeds, capacity: number): StretchStore {
  return STORES.get(graph, `${speedsKey(speeds)}/${capacity}`, () => {
    // At most half full (it starts over at `capacity`), so probes stay short and always end.
    let size = 16;
    while (size < 2 * capacity) size *= 2;
    const s: StretchStore = { loadMatters: loadChangesCaps(graph, speeds), slots: new Int32Array(size), meta: new Int32Array(M * capacity), keys: EMPTY_KEYS, used: 0, stretches: [], count: 0 };
    // Written twice on purpose: V8 takes a field written once for a constant and throws away the
    // code optimized on that assumption when `keys` first grows (see TrafficController's constructor).
    s.keys = new Int32Array(1024);
    return s;
  });
}

/** Whether the lane keys from `from` in `keys` are exactly `edges` on `lanes` (lengths checked by the caller). */
function sameLegs(keys: Int32Array, from: number, edges: readonly number[], lanes: readonly number[]): boolean {
  for (let i = 0; i < edges.length; i++) if (keys[from + i] !== edges[i]! * 8 + lanes[i]!) return false;
  return true;
}
