/**
 * A stop pool's held share (kpis.fleet.stopPools): node time held from grant to release over the
 * measured period, every way a node changes hands counted once, the warm-up left out.
 */
import { describe, expect, it } from 'vitest';
import { Environment } from '../../src/kernel/environment.ts';
import { StopPool } from '../../src/fleet/stop-pool.ts';

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
