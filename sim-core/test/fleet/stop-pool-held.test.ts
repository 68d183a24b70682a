/**
 * A stop pool's held share (kpis.fleet.stopPools): node time held from grant to release over the
 * measured period, every way a node changes hands counted once, the warm-up left out; and the
 * nodes it knows (kept per node index, not in a map).
 */
import { describe, expect, it } from 'vitest';
import { Environment } from '../../src/kernel/environment.ts';
import { SharedRankTables, StopPool } from '../../src/fleet/stop-pool.ts';
import { lcg } from '../support/lcg.ts';

const near = (n: number): number => n;

describe('StopPool.heldShare', () => {
  it('integrates held nodes over time: taken, occupied, handed to a waiter, released', () => {
    const env = new Environment();
    const pool = new StopPool(env, 'lanes', [1, 2]);
    pool.occupy(1, 0); // held from 0
    env.call(10_000, () => expect(pool.tryAcquire(1, near)).toBe(2)); // node 2 held from 10 s
    env.call(20_000, () => {
      pool.acquire(2, near); // waits: both held
      pool.release(1); // handed straight to vehicle 2: node 1 stays held
    });
    env.call(30_000, () => pool.release(2)); // nobody waits: node 2 free from 30 s
    env.call(35_000, () => pool.release(1)); // node 1 free from 35 s
    env.run(40_000);
    // node 1: 0-35 s, node 2: 10-30 s → 55 of 80 node-seconds.
    expect(pool.heldShare()).toBeCloseTo(55 / 80, 12);
  });

  it('counts a node held now up to now, and starts afresh at resetHeld (the warm-up)', () => {
    const env = new Environment();
    const pool = new StopPool(env, 'bays', [7, 8, 9, 10]);
    pool.occupy(7, 0);
    env.call(50_000, () => pool.resetHeld());
    env.call(60_000, () => pool.tryAcquire(1, near));
    env.run(100_000);
    // After the reset at 50 s: node 7 held 50 s, node 8 40 s, of 4 × 50 node-seconds.
    expect(pool.heldShare()).toBeCloseTo(90 / 200, 12);
  });
});

describe('StopPool nodes', () => {
  it('knows its own nodes only (listed twice, once), lists holders in the order given, and refuses bad nodes with their pool named', () => {
    const env = new Environment();
    const pool = new StopPool(env, 'stalls', [9, 3, 9, 5]);
    expect([pool.has(9), pool.has(3), pool.has(5), pool.has(4), pool.has(0), pool.has(10), pool.has(-1)]).toEqual([true, true, true, false, false, false, false]);
    expect([pool.free, pool.isFree(4), pool.clearAt(4)]).toEqual([3, false, 0]);
    pool.occupy(5, 11);
    pool.occupy(9, 12);
    expect(pool.holders()).toEqual([12, 11]);
    expect(pool.free).toBe(1);
    // Nearest free node (rank = node): 3; then none is free.
    expect(pool.tryAcquire(13, near)).toBe(3);
    expect(pool.tryAcquire(14, near)).toBe(-1);
    env.call(1_000, () => pool.release(9, 4_500));
    env.run(2_000);
    expect([pool.isFree(9), pool.clearAt(9), pool.clearAt(3)]).toEqual([true, 4_500, 0]);
    expect(() => pool.release(4)).toThrow(/stalls: node 4 is not one of this pool's/);
    expect(() => pool.occupy(7, 1)).toThrow(/stalls: node 7 is not free/);
    expect(pool.free).toBe(1);
    expect(() => new StopPool(env, 'bays', [2, 1.5])).toThrow(/bays: stop nodes must be node indices \(whole numbers ≥ 0\), got 1.5/);
  });
});

describe('StopPool.tryAcquireRanked', () => {
  it('takes the node tryAcquire takes (lowest rank, ties in the order given, unreachable and owed nodes skipped), and hands released nodes to the waiters tryAcquire\'s closures would, under random holders and waiters', () => {
    const u = lcg(7);
    const pick = (n: number): number => Math.floor(u() * n);
    for (const grant of ['fifo', 'nearest'] as const) {
      for (let trial = 0; trial < 200; trial++) {
        const env = new Environment();
        const nodes = Array.from({ length: 1 + pick(12) }, () => pick(20));
        const a = new StopPool(env, 'a', nodes, grant);
        const b = new StopPool(env, 'b', nodes, grant);
        // Ranks with ties and unreachable nodes, fixed per key as tryAcquireRanked requires.
        const ranks = [0, 1, 2].map(() => Array.from({ length: 20 }, () => (u() < 0.2 ? Infinity : pick(5))));
        const waiterRank = Array.from({ length: 20 }, () => (u() < 0.5 ? Infinity : 1));
        for (const n of nodes) {
          if (u() < 0.3 && a.isFree(n)) {
            a.occupy(n, 100 + n);
            b.occupy(n, 100 + n);
          }
        }
        if (u() < 0.5) {
          a.acquire(99, (n) => waiterRank[n]!);
          b.acquire(99, (n) => waiterRank[n]!, StopPool.rankKey(9, false, 1));
        }
        for (let k = 0; k < 6; k++) {
          const key = pick(3);
          const rank = (n: number): number => ranks[key]![n]!;
          if (u() < 0.5) expect(b.tryAcquireRanked(k, StopPool.rankKey(key, false, 1), rank)).toBe(a.tryAcquire(k, rank));
          else {
            // Waiting with a rank table: what it is granted on a release is what the closure gives.
            a.acquire(k, rank);
            b.acquire(k, rank, StopPool.rankKey(key, false, 1));
          }
        }
        expect(b.holders()).toEqual(a.holders());
        expect(b.waiting()).toEqual(a.waiting());
        for (const n of new Set(nodes)) {
          if (a.isFree(n) || u() < 0.3) continue;
          a.release(n);
          b.release(n);
          expect(b.holders()).toEqual(a.holders());
          expect(b.waiting()).toEqual(a.waiting());
        }
      }
    }
  });
});

describe('SharedRankTables', () => {
  it('a later pool of the same name and nodes ranks from the tables an earlier one made, without calling its rank; other nodes or names get their own', () => {
    const shared = new SharedRankTables();
    const key = StopPool.rankKey(3, true, 0);
    let calls = 0;
    const rank = (n: number): number => (calls++, 10 - n);
    const first = new StopPool(new Environment(), 'VN:parking', [4, 6, 5], 'fifo', shared.of('VN:parking', [4, 6, 5]));
    expect(first.tryAcquireRanked(0, key, rank)).toBe(6);
    expect(calls).toBe(3);
    // The next run's pool: same name, same nodes; its own holders (node 6 free again).
    const again = new StopPool(new Environment(), 'VN:parking', [4, 6, 5], 'fifo', shared.of('VN:parking', [4, 6, 5]));
    expect(again.tryAcquireRanked(0, key, () => Infinity)).toBe(6);
    expect(again.tryAcquireRanked(1, key, () => Infinity)).toBe(5);
    expect(calls).toBe(3);
    // Other nodes, or another name: tables of their own, ranked afresh.
    for (const [name, nodes] of [['VN:parking', [4, 5, 6]], ['CN:parking', [4, 6, 5]]] as const) {
      const other = new StopPool(new Environment(), name, nodes, 'fifo', shared.of(name, nodes));
      expect(other.tryAcquireRanked(0, key, rank)).toBe(6);
    }
    expect(calls).toBe(9);
  });
});
