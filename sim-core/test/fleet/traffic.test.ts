/**
 * Reservation rules with plain stretches: a follower on a lane keeps the gap everywhere (checked
 * by sampling both motions with the shared motion interpolation), a slower leader holds back a
 * faster follower, junction passages exclude each other, and stop nodes go to one vehicle at a time.
 */
import { describe, expect, it } from 'vitest';
import { Environment } from '../../src/kernel/environment.ts';
import { LaneGraph } from '../../src/fleet/lane-graph.ts';
import { PassageConflicts } from '../../src/fleet/passage-conflicts.ts';
import { StopPool } from '../../src/fleet/stop-pool.ts';
import { buildStretch } from '../../src/fleet/stretch.ts';
import { TrafficController } from '../../src/fleet/traffic-controller.ts';
import { distanceAt } from '../../src/stream/motion.ts';
import { crossingNetwork } from './support/crossing-network.ts';
import { VEHICLE } from './support/ladder-network.ts';

/** A road a → b → c (1 km) and a road s → b → n crossing it at b, 500 m to the junction and 300 m on. */
const network = crossingNetwork(300, 100);

describe('traffic control', () => {
  const g = new LaneGraph(network, VEHICLE);
  // The stretch of each passage at b where its footprint can meet the other's (see PassageConflicts.pairSpan).
  const pc = new PassageConflicts(g);
  const span = (st: ReturnType<typeof buildStretch>, other: ReturnType<typeof buildStretch>): [number, number] => {
    const z = st.zones[0]!;
    const o = other.zones[0]!;
    const sp = pc.pairSpan(pc.id(z.node, z.inLane, z.outLane), pc.id(o.node, o.inLane, o.outLane));
    return [sp[0]!, sp[1]!];
  };
  /** When (ms) a vehicle booked at t0 on `st` enters, and leaves, its stretch against `other`. */
  const enters = (st: ReturnType<typeof buildStretch>, t0: number, other: ReturnType<typeof buildStretch>): number => t0 + 1000 * st.profile.timeAt(st.zones[0]!.at + span(st, other)[0]);
  const leaves = (st: ReturnType<typeof buildStretch>, t0: number, other: ReturnType<typeof buildStretch>): number => t0 + 1000 * st.profile.timeAt(st.zones[0]!.at + span(st, other)[1]);
  const motion = (st: ReturnType<typeof buildStretch>, t0: number) => ({ path: st.path, profile: st.profile.toMotion(t0), end: t0 + Math.ceil(st.profile.duration * 1000) });

  it('a faster follower starts late enough to stay a gap behind a slower leader everywhere', () => {
    const tc = new TrafficController(g);
    const slow = buildStretch(g, [0, 1], [0, 0], true, { loaded: 3, empty: 3, yard: 2, scanner: 1 });
    const fast = buildStretch(g, [0, 1], [0, 0], false, { loaded: 6, empty: 6, yard: 2, scanner: 1 });
    const t1 = tc.book(1, slow, 0);
    const t2 = tc.book(2, fast, 0);
    expect(t1).toBe(0);
    expect(t2).toBeGreaterThan(0);
    const m1 = motion(slow, t1);
    const m2 = motion(fast, t2);
    let closest = Infinity;
    // While the leader drives (it then stands at c, which only its holder may approach).
    for (let t = t2; t < m1.end; t += 100) closest = Math.min(closest, distanceAt(m1, t) - distanceAt(m2, t));
    expect(closest).toBeGreaterThanOrEqual(tc.gapM - 1e-6);
    // ...and not later than needed: the closest approach is the gap (to sampling precision).
    expect(closest).toBeLessThan(tc.gapM + 1);
  });

  it('controllers that book the same shared stretches alternately each decide as if alone (the plan a stretch keeps is per controller)', () => {
    const speeds = { loaded: 5, empty: 5, yard: 2, scanner: 1 };
    const straight = buildStretch(g, [0, 1], [0, 0], false, speeds);
    const across = buildStretch(g, [2, 3], [0, 0], false, speeds);
    // A controller with a longer gap computes other plans (its bounds differ) for the same stretches.
    const calls: [number, typeof straight, number][] = [[1, straight, 0], [2, across, 0], [3, straight, 5_000], [4, across, 20_000], [5, straight, 21_000]];
    const alone = (gap: number): number[] => {
      const tc = new TrafficController(new LaneGraph(network, VEHICLE), gap);
      const fresh = [buildStretch(g, [0, 1], [0, 0], false, speeds), buildStretch(g, [2, 3], [0, 0], false, speeds)];
      return calls.map(([v, st, t]) => tc.book(v, st === straight ? fresh[0]! : fresh[1]!, t));
    };
    const a = new TrafficController(g);
    const b = new TrafficController(g, 60);
    const got: [number[], number[]] = [[], []];
    for (const [v, st, t] of calls) {
      got[0].push(a.book(v, st, t));
      got[1].push(b.book(v, st, t));
    }
    expect(got[0]).toEqual(alone(a.gapM));
    expect(got[1]).toEqual(alone(60));
    // The gaps differ enough to change a decision, so a plan taken from the wrong controller would show.
    expect(got[0]).not.toEqual(got[1]);
  });

  it('a vehicle starting later may slot in ahead of a booking that leaves much later', () => {
    const tc = new TrafficController(g);
    const st = buildStretch(g, [0, 1], [0, 0], false, { loaded: 5, empty: 5, yard: 2, scanner: 1 });
    expect(tc.book(1, st, 600_000)).toBe(600_000);
    expect(tc.book(2, st, 0)).toBe(0);
  });

  it('crossing passages of a junction exclude each other: the second, due at the same time, waits until the first has left the stretch where their footprints can meet', () => {
    const tc = new TrafficController(g);
    const speeds = { loaded: 5, empty: 5, yard: 2, scanner: 1 };
    const straight = buildStretch(g, [0, 1], [0, 0], false, speeds); // a → b → c
    const crossing = buildStretch(g, [2, 3], [0, 0], false, speeds); // s → b → n, across it
    expect(g.nodes[g.node('b')]!.zoneRadiusM).toBeGreaterThan(0);
    const t1 = tc.book(1, straight, 0);
    const t2 = tc.book(2, crossing, 0);
    expect(t2).toBeGreaterThan(0);
    expect(enters(crossing, t2, straight)).toBeGreaterThanOrEqual(leaves(straight, t1, crossing));
  });

  it('a booking made now for a start minutes ahead does not make the controller forget windows a booking from now must still respect', () => {
    const tc = new TrafficController(g);
    const speeds = { loaded: 5, empty: 5, yard: 2, scanner: 1 };
    const straight = buildStretch(g, [0, 1], [0, 0], false, speeds); // a → b → c
    const crossing = buildStretch(g, [2, 3], [0, 0], false, speeds); // s → b → n, across it
    const t1 = tc.book(1, straight, 0, 0);
    // At time 0 another vehicle books the same road for 10 minutes later (it waits for its target stop).
    expect(tc.book(2, straight, 600_000, 0)).toBe(600_000);
    // Still at time 0, a third wants to cross now: it must wait for the first to leave the junction.
    const t3 = tc.book(3, crossing, 0, 0);
    expect(t3).toBeGreaterThan(0);
    expect(enters(crossing, t3, straight)).toBeGreaterThanOrEqual(leaves(straight, t1, crossing));
  });

  it('a stop node holds one vehicle; the next gets it when released, and plans to arrive after it is clear', () => {
    const env = new Environment();
    const pool = new StopPool(env, 'bays', [7, 8]);
    const rank = (n: number): number => n;
    expect(pool.tryAcquire(1, rank)).toBe(7);
    expect(pool.tryAcquire(2, rank)).toBe(8);
    expect(pool.tryAcquire(3, rank)).toBe(-1);
    const ev = pool.acquire(3, rank);
    expect(ev.triggered).toBe(false);
    pool.release(8, 12_345);
    expect(ev.triggered).toBe(true);
    expect(pool.holders().sort()).toEqual([1, 3]);
    expect(pool.clearAt(8)).toBe(12_345);
    // A cancelled wait ends with -1 (deadlock resolution).
    const ev4 = pool.acquire(4, rank);
    expect(pool.cancel(4)).toBe(true);
    env.run();
    expect(ev4.value).toBe(-1);
  });
});
