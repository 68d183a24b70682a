import { describe, expect, it } from 'vitest';
import { Environment, Resource, type ProcessBody } from '../src/index.ts';

/**
 * The callback hot path of Resource (`acquire`/`releaseUnit`), which recycles its waiting claims:
 * a recycled claim must never call a stale callback or argument, and the queue it shares with
 * `request()` must keep one FIFO (or priority) order.
 */
describe('Resource.acquire / releaseUnit', () => {
  it('grants at once when a unit is free, else in FIFO order, with the right argument every time', () => {
    const env = new Environment();
    const res = new Resource(env, 2, { name: 'lane' });
    const granted: Array<[number, number]> = [];
    const hold = (id: number): void => {
      granted.push([id, env.now]);
      env.call(10, () => res.releaseUnit());
    };
    // Five waves of five claims, 100 ms apart: claims recycled from one wave serve the next.
    for (let wave = 0; wave < 5; wave++) {
      env.call(wave * 100, () => {
        for (let k = 0; k < 5; k++) res.acquire(hold, wave * 10 + k);
      });
    }
    env.run();
    const expected: Array<[number, number]> = [];
    for (let wave = 0; wave < 5; wave++) {
      const t = wave * 100;
      expected.push([wave * 10, t], [wave * 10 + 1, t], [wave * 10 + 2, t + 10], [wave * 10 + 3, t + 10], [wave * 10 + 4, t + 20]);
    }
    expect(granted).toEqual(expected);
    // Waits per wave: 0, 0, 10, 10, 20 ms.
    expect(res.waits.count).toBe(25);
    expect(res.waits.mean).toBeCloseTo(8, 12);
    expect(res.count).toBe(0);
    expect(res.queued).toBe(0);
  });

  it('shares one FIFO queue with request(), in the order of asking', () => {
    const env = new Environment();
    const res = new Resource(env, 1);
    const order: string[] = [];
    res.acquire(() => order.push('a0'), null);
    function* proc(name: string): ProcessBody<void> {
      const req = res.request();
      yield req;
      order.push(name);
      yield 5;
      res.release(req);
    }
    env.process(proc('p1'));
    env.call(0, () => res.acquire(() => {
      order.push('a2');
      env.call(5, () => res.releaseUnit());
    }, null));
    env.call(1, () => env.process(proc('p3')));
    env.call(3, () => res.releaseUnit());
    env.run();
    expect(order).toEqual(['a0', 'p1', 'a2', 'p3']);
    expect(env.now).toBe(3 + 5 + 5 + 5);
  });

  it('serves claims by priority, then FIFO, under the priority discipline', () => {
    const env = new Environment();
    const res = new Resource(env, 1, { discipline: 'priority' });
    const order: string[] = [];
    const take = (name: string): void => {
      order.push(name);
      env.call(1, () => res.releaseUnit());
    };
    res.acquire(take, 'first');
    res.acquire(take, 'low-a', 5);
    res.acquire(take, 'high', 1);
    res.acquire(take, 'low-b', 5);
    env.run();
    expect(order).toEqual(['first', 'high', 'low-a', 'low-b']);
    // Recycled claims keep serving in order on a second round.
    res.acquire(take, 'again');
    res.acquire(take, 'b', 2);
    res.acquire(take, 'a', 1);
    env.run();
    expect(order.slice(4)).toEqual(['again', 'a', 'b']);
  });

  it('refuses a release without a unit, and priority under FIFO', () => {
    const env = new Environment();
    const res = new Resource(env, 1, { name: 'scanner' });
    expect(() => res.releaseUnit()).toThrow(/scanner: releaseUnit\(\) without a unit/);
    expect(() => res.acquire(() => {}, null, 1)).toThrow(/scanner: priority needs discipline 'priority'/);
  });

  it('records busy units exactly when a released unit passes straight to a waiter (both APIs)', () => {
    // A unit handed on at release is not recorded as a dip held 0 ms (nothing to integrate), except
    // when that dip is a new minimum, which busy.min must still show after a reset.
    for (const api of ['callback', 'process'] as const) {
      const env = new Environment();
      const res = new Resource(env, 1, { name: 'crane' });
      const hold = (ms: number): void => {
        if (api === 'callback') {
          res.acquire(() => env.call(ms, () => res.releaseUnit()), null);
        } else {
          env.process(
            (function* (): ProcessBody<void> {
              const req = res.request();
              yield req;
              yield ms;
              res.release(req);
            })(),
          );
        }
      };
      // One unit, three users back to back from t = 0: busy 1 until 60, then 0 until 100.
      env.call(0, () => {
        hold(10);
        hold(20);
        hold(30);
      });
      env.call(5, () => {
        // After a reset while busy, the minimum is 1 until a unit is seen free.
        res.busy.reset(env.now);
        expect(res.busy.min).toBe(1);
      });
      env.run(40);
      // The hand-overs at 10 and 30 dipped to 0 for 0 ms: a new minimum after the reset.
      expect(res.busy.min).toBe(0);
      expect(res.busy.integral(40)).toBe(35);
      env.run(100);
      expect(res.busy.integral(100)).toBe(55);
      expect(res.busy.mean(100)).toBe(55 / 95);
      expect(res.busy.max).toBe(1);
      expect(res.count).toBe(0);
      expect(res.waits.count).toBe(3);
      expect(res.waits.mean).toBe((0 + 10 + 30) / 3);
      expect(res.queueLength.integral(100)).toBe(2 * 10 + 1 * 20);
    }
  });
});
