import type { Environment } from '../kernel/environment.ts';
import type { Event } from '../kernel/event.ts';
import { F64_ZERO, intArray, objectArray } from '../kernel/shapes.ts';
import type { Router } from './router.ts';

/**
 * A vehicle waiting in a pool, and the event that hands it a node (or -1 when its wait is
 * cancelled); its rank of a node from its `RankTable` when it has one (`rankOf`).
 */
class Waiter {
  constructor(
    readonly vehicle: number,
    readonly event: Event<number>,
    readonly rank: (node: number) => number,
    readonly table: RankTable | null,
  ) {}

  rankOf(node: number): number {
    return this.table !== null ? this.table.rankOf(node) : this.rank(node);
  }
}

/**
 * A static rank of a pool's nodes (see `StopPool.tryAcquireRanked`), worked out once: the nodes
 * it can use, lowest rank first (ties in the pool's order, as `tryAcquire` breaks them), and each
 * node's rank by its place in the pool (`position`: the pool's, by node index). A class of typed
 * arrays, for performance reasons: kept for the run, or with `SharedRankTables` for later runs
 * too (sim-core/README.md, "Shapes that never change").
 */
class RankTable {
  readonly order: Int32Array;
  private readonly rankAt: Float64Array;

  constructor(
    nodes: readonly number[],
    private readonly position: Int32Array,
    rank: (node: number) => number,
  ) {
    const rankAt = new Float64Array(nodes.length);
    const order = new Int32Array(nodes.length);
    const sorted = new Float64Array(nodes.length);
    // An insertion sort into typed arrays: a pool has a few dozen nodes at most, and the builtin
    // sort with a comparator (and `Int32Array.from`'s callback) cost more than the sorting itself.
    let k = 0;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      const r = rank(n);
      rankAt[i] = r;
      if (r === Infinity) continue;
      let j = k++;
      for (; j > 0 && sorted[j - 1]! > r; j--) {
        sorted[j] = sorted[j - 1]!;
        order[j] = order[j - 1]!;
      }
      sorted[j] = r;
      order[j] = n;
    }
    this.order = order.subarray(0, k);
    this.rankAt = rankAt;
  }

  /** The rank of one of the pool's nodes. */
  rankOf(node: number): number {
    return this.rankAt[this.position[node]!]!;
  }
}

/**
 * Rank tables kept beyond a run, per pool (by name and nodes): for the pools of runs whose ranks
 * under every key are the same functions of the graph (a `FleetTopology`'s pools ranked by the
 * static shortest-time estimates of one graph and one set of cruise speeds: see
 * `NetworkTransport`). For performance reasons: each run worked out its own, about 340 tables a
 * day at Huu Nghi 2030, one estimate or two per node of the pool each; a table is read-only once
 * made, so sharing changes no result.
 */
export class SharedRankTables {
  private readonly byPool = new Map<string, Map<number, RankTable>>();

  /** The tables of the pool `name` of `nodes` (in this order), for `StopPool`'s constructor. */
  of(name: string, nodes: readonly number[]): Map<number, RankTable> {
    const key = `${name}|${nodes.join(',')}`;
    let t = this.byPool.get(key);
    if (t === undefined) this.byPool.set(key, (t = new Map<number, RankTable>()));
    return t;
  }
}

/**
 * Stop nodes of one role (the transfer points of a yard, the exit lanes of a border gate, the
 * parking stalls of a yard, the chargers): each holds one vehicle at a time. A vehicle acquires a
 * node before it drives there and releases it once it has cleared it, so two vehicles never stand
 * at one place. Free nodes go to the lowest rank the caller gives (nearest first), ties to the
 * lower node index; waiters are served first come first served.
 */
export class StopPool {
  /**
   * Per node index (up to the pool's largest): the holder of a node of the pool (vehicle number),
   * -1 while free, `NOT_IN_POOL` for the others. An array, not a map: `tryAcquire` reads it for
   * every node of the pool (a yard's parking stalls: dozens) on every try, and a map's look-up is
   * a builtin call each.
   */
  private readonly holder: Int32Array;
  /** Per node index (as `holder`), the node's first place in `nodes` (-1 for the others): `RankTable`'s index. */
  private readonly position: Int32Array;
  /** The pool's nodes once each, in the order given (the order `holders` lists them in). */
  private readonly unique: number[] = intArray();
  private readonly waiters: Waiter[] = objectArray();
  /** `tryAcquireRanked`'s rank tables by key (this run's, or kept across runs: see `SharedRankTables`). */
  private readonly tables: Map<number, RankTable>;
  /** Per node index, the time (ms) from which the node is clear of its previous holder (0 until first released). */
  private readonly clearFrom: Float64Array;
  /** Nodes held now, and their time integral (node·ms) since `heldFrom`, for `heldShare`. */
  private heldNow = 0;
  private heldArea = F64_ZERO;
  private heldSince = F64_ZERO;
  private heldFrom = F64_ZERO;

  constructor(
    private readonly env: Environment,
    readonly name: string,
    readonly nodes: readonly number[],
    /** `fifo`: a released node goes to the first waiter; `nearest`: to the waiter that ranks it best (gate lanes: whoever gets there first). */
    private readonly grant: 'fifo' | 'nearest' = 'fifo',
    /** Where its rank tables are kept: a pool's own unless given (`SharedRankTables.of`). */
    tables: Map<number, RankTable> | null = null,
  ) {
    this.tables = tables ?? new Map<number, RankTable>();
    let size = 0;
    for (const n of nodes) {
      if (!(Number.isInteger(n) && n >= 0)) throw new Error(`${name}: stop nodes must be node indices (whole numbers ≥ 0), got ${n}`);
      size = Math.max(size, n + 1);
    }
    this.holder = new Int32Array(size).fill(NOT_IN_POOL);
    this.position = new Int32Array(size).fill(-1);
    for (let i = nodes.length - 1; i >= 0; i--) this.position[nodes[i]!] = i;
    this.clearFrom = new Float64Array(size);
    for (const n of nodes) {
      if (this.holder[n] !== NOT_IN_POOL) continue;
      this.holder[n] = -1;
      this.unique.push(n);
    }
  }

  /** Time (ms) from which `node` is clear of its previous holder (its new holder must not get there earlier). */
  clearAt(node: number): number {
    return this.has(node) ? this.clearFrom[node]! : 0;
  }

  /** Integrates the held count up to now before it changes by `delta`. */
  private held(delta: number): void {
    const now = this.env.now;
    this.heldArea += this.heldNow * (now - this.heldSince);
    this.heldSince = now;
    this.heldNow += delta;
  }

  /**
   * Share of the pool's node time held by a vehicle since the last `resetHeld` (from grant to
   * release, the drive to a node and the time its holder takes to leave it included): where it
   * is near 1 the pool is what vehicles queue for.
   */
  heldShare(): number {
    const span = (this.env.now - this.heldFrom) * this.nodes.length;
    return span > 0 ? (this.heldArea + this.heldNow * (this.env.now - this.heldSince)) / span : 0;
  }

  /** Starts `heldShare` afresh now (the end of the warm-up). */
  resetHeld(): void {
    this.heldArea = 0;
    this.heldSince = this.heldFrom = this.env.now;
  }

  get size(): number {
    return this.nodes.length;
  }

  get free(): number {
    let k = 0;
    for (let i = 0; i < this.unique.length; i++) if (this.holderAt(i) < 0) k++;
    return k;
  }

  /** How many distinct nodes the pool has: the range of `holderAt`. */
  get distinct(): number {
    return this.unique.length;
  }

  /**
   * The vehicle holding the pool's `i`-th distinct node (in the order `holders` lists them), -1
   * while it is free: for the fleet manager's and the deadlock detector's walks over the holders,
   * which stop at the first that fits, without the array `holders` builds (about 20,000 walks a day).
   */
  holderAt(i: number): number {
    return this.holder[this.unique[i]!]!;
  }

  /** Vehicles holding a node of this pool. */
  holders(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.unique.length; i++) if (this.holderAt(i) >= 0) out.push(this.holderAt(i));
    return out;
  }

  /** Vehicles waiting for a node of this pool, first first. */
  waiting(): number[] {
    return this.waiters.map((w) => w.vehicle);
  }

  /** How many vehicles wait for a node of this pool (`waiting().length` without its array). */
  get waitingCount(): number {
    return this.waiters.length;
  }

  /** True when `node` is in this pool and nobody holds it. */
  isFree(node: number): boolean {
    return this.has(node) && this.holder[node] === -1;
  }

  has(node: number): boolean {
    return node >= 0 && node < this.holder.length && this.holder[node] !== NOT_IN_POOL;
  }

  /** Takes the best free node now, or returns -1 when none is free (never waits). */
  tryAcquire(vehicle: number, rank: (node: number) => number): number {
    let best = -1;
    let bestRank = Infinity;
    // Indexed, not for-of: a process's first hour runs this unoptimized, where for-of costs an
    // iterator call per node (a yard's parking stalls: dozens a try).
    const nodes = this.nodes;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      if (this.holder[n]! >= 0) continue;
      const r = rank(n);
      if (r === Infinity) continue; // a node this vehicle cannot use (unreachable, or not nearer)
      // First come first served: a free node someone already waits for is theirs, not a newcomer's.
      if (this.grant === 'fifo' && this.wanted(n)) continue;
      if (best < 0 || r < bestRank) {
        best = n;
        bestRank = r;
      }
    }
    if (best >= 0) {
      this.holder[best] = vehicle;
      this.held(1);
    }
    return best;
  }

  /**
   * `tryAcquire` with a rank that never changes for `key` (see `rankKey`): the same node, found by
   * walking the pool's nodes in rank order, worked out at the key's first try and kept, to the
   * first that is free; `rank` is called only then. For performance reasons: a try looked at every
   * node and ranked each free one, a closure call and an estimate or two each, and the parking
   * stalls (dozens a yard), the transfer points and a long row of holding bays made that about
   * 766,000 nodes a day at Huu Nghi 2030; now a try mostly stops at the first or second it looks at.
   */
  tryAcquireRanked(vehicle: number, key: number, rank: (node: number) => number): number {
    return this.takeFirst(vehicle, this.table(key, rank).order);
  }

  /**
   * `tryAcquireRanked` nearest first: by the static estimate from `from` (`estimator.estimate(from,
   * node, loaded)`), under kind 0 of `rankKey`.
   */
  tryAcquireNearest(vehicle: number, from: number, loaded: boolean, estimator: Router): number {
    const key = StopPool.rankKey(from, loaded, 0);
    return this.takeFirst(vehicle, (this.tables.get(key) ?? this.table(key, (n) => estimator.estimate(from, n, loaded))).order);
  }

  /**
   * The key of a static rank for `tryAcquireRanked`: what it is measured from (a node), whether the
   * vehicle is loaded, and what kind of rank it is (0 is `tryAcquireNearest`'s; 1-3 the caller's).
   */
  static rankKey(from: number, loaded: boolean, kind: number): number {
    return (from * 2 + (loaded ? 1 : 0)) * 4 + kind;
  }

  /** Takes the first node of `order` that is free and nobody waiting is owed (as `tryAcquire`), or returns -1. */
  private takeFirst(vehicle: number, order: Int32Array): number {
    for (let k = 0; k < order.length; k++) {
      const n = order[k]!;
      if (this.holder[n]! >= 0) continue;
      // First come first served, as in `tryAcquire`.
      if (this.grant === 'fifo' && this.wanted(n)) continue;
      this.holder[n] = vehicle;
      this.held(1);
      return n;
    }
    return -1;
  }

  /** The rank table kept under `key`, worked out from `rank` if there is none yet. */
  private table(key: number, rank: (node: number) => number): RankTable {
    let t = this.tables.get(key);
    if (t === undefined) {
      t = new RankTable(this.nodes, this.position, rank);
      this.tables.set(key, t);
    }
    return t;
  }

  /** Whether a waiter can use `node` (an indexed loop, not `some` with a closure nor for-of: asked per free node on every try). */
  private wanted(node: number): boolean {
    const waiters = this.waiters;
    for (let i = 0; i < waiters.length; i++) if (waiters[i]!.rankOf(node) !== Infinity) return true;
    return false;
  }

  /**
   * A node for `vehicle`: at once when one is free, else when one is released (or -1 if cancelled).
   * With a `key` ≥ 0 `rank` never changes for that key: the try is `tryAcquireRanked`'s, and while
   * the vehicle waits its rank of a node is read from the key's table (asked of every waiter for
   * each node released, and for each free node a newcomer could take).
   */
  acquire(vehicle: number, rank: (node: number) => number, key = -1): Event<number> {
    const ev = this.env.event<number>();
    const table = key < 0 ? null : this.table(key, rank);
    const n = table === null ? this.tryAcquire(vehicle, rank) : this.takeFirst(vehicle, table.order);
    if (n >= 0) ev.succeed(n);
    else this.waiters.push(new Waiter(vehicle, ev, rank, table));
    return ev;
  }

  /** Marks `node` as held by `vehicle` without a request (the initial placement). */
  occupy(node: number, vehicle: number): void {
    if (!this.isFree(node)) throw new Error(`${this.name}: node ${node} is not free`);
    this.holder[node] = vehicle;
    this.held(1);
  }

  /**
   * Gives `node` back, clear from time `clearAt` (ms; the holder may still be leaving it): the
   * first waiter (or the nearest, by the pool's grant rule) gets it at once and plans to arrive
   * after that time.
   */
  release(node: number, clearAt: number = this.env.now): void {
    if (!this.has(node)) throw new Error(`${this.name}: node ${node} is not one of this pool's`);
    this.clearFrom[node] = clearAt;
    if (this.waiters.length === 0) {
      this.holder[node] = -1;
      this.held(-1);
      return;
    }
    // Only waiters that can use this node (finite rank); the first of them, or the nearest.
    let pick = -1;
    let best = Infinity;
    for (let i = 0; i < this.waiters.length; i++) {
      const r = this.waiters[i]!.rankOf(node);
      if (r === Infinity) continue;
      if (pick < 0 || (this.grant === 'nearest' && r < best)) {
        pick = i;
        best = r;
        if (this.grant === 'fifo') break;
      }
    }
    if (pick < 0) {
      this.holder[node] = -1;
      this.held(-1);
      return;
    }
    const w = this.removeWaiter(pick);
    this.holder[node] = w.vehicle;
    w.event.succeed(node);
  }

  /** Withdraws a waiting vehicle: its pending acquire succeeds with -1. Returns false if it was not waiting. */
  cancel(vehicle: number): boolean {
    const waiters = this.waiters;
    for (let i = 0; i < waiters.length; i++) {
      if (waiters[i]!.vehicle !== vehicle) continue;
      this.removeWaiter(i).event.succeed(-1);
      return true;
    }
    return false;
  }

  /**
   * Takes the `i`-th waiter out of the queue, the others keeping their order. Moved up one by one,
   * not `splice`d: for performance reasons, as `splice` builds an array of what it removes (and
   * taking that apart with `const [w] =` runs the iterator protocol where the code is interpreted).
   */
  private removeWaiter(i: number): Waiter {
    const waiters = this.waiters;
    const w = waiters[i]!;
    for (let k = i + 1; k < waiters.length; k++) waiters[k - 1] = waiters[k]!;
    waiters.pop();
    return w;
  }
}

/** `StopPool.holder` of a node index that is not one of the pool's. */
const NOT_IN_POOL = -2;
