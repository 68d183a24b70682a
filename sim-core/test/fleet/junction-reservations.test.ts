/**
 * The junction half of the traffic controller narrows a gathered window to the stretches the two
 * passages keep apart only when the whole windows overlap at the start being tried (lazily, see
 * `JunctionReservations.resolve`). These tests hold it to the eager rule it replaced: every window
 * of a conflicting passage narrowed when gathered, then the same search for the earliest start.
 */
import { describe, expect, it } from 'vitest';
import { bookingPlan, ZONE, ZONE_AT, ZONE_ENTER, ZONE_IDS, ZONE_IN_LANE, ZONE_LEAVE, ZONE_NODE, ZONE_OUT_LANE, ZONE_PAIR, ZONE_PASSAGE, ZONE_REVERSE, ZONE_STRAIGHT, type BookingPlan } from '../../src/fleet/booking-plan.ts';
import { JunctionReservations } from '../../src/fleet/junction-reservations.ts';
import type { SpeedProfile } from '../../src/fleet/kinematics.ts';
import { LaneGraph } from '../../src/fleet/lane-graph.ts';
import { PassageConflicts } from '../../src/fleet/passage-conflicts.ts';
import { buildStretch } from '../../src/fleet/stretch.ts';
import { Rng } from '../../src/random/rng.ts';
import { crossingNetwork } from './support/crossing-network.ts';
import { VEHICLE } from './support/ladder-network.ts';

/** One committed junction window, as the reference keeps it: zone i of a booking. */
interface Booked {
  vehicle: number;
  t0: number;
  plan: BookingPlan;
  i: number;
  p: SpeedProfile;
}

/**
 * The eager rule: per zone, every window of another vehicle on a conflicting passage that has not
 * ended by the time the zone could be entered, narrowed to the pair's spans when gathered, in the
 * order zones, conflicting nodes and windows come; then the start pushed past each overlap until
 * none is left.
 */
function eagerEarliest(g: LaneGraph, pc: PassageConflicts, windows: Booked[][], plan: BookingPlan, vehicle: number, p: SpeedProfile, gatherAt: number, t0: number): number {
  const cands: { zone: number; st: number; en: number; enter: number; leave: number }[] = [];
  for (let i = 0; i < plan.zones; i++) {
    const o = plan.zoneAt + ZONE * i;
    const q = plan.legs + ZONE_IDS * i;
    const node = plan.ids[q + ZONE_NODE]!;
    const passage = plan.ids[q + ZONE_PASSAGE]!;
    const from = gatherAt + plan.num[o + ZONE_ENTER]!;
    for (const m of g.nodes[node]!.conflicts) {
      for (const w of windows[m]!) {
        const wo = w.plan.zoneAt + ZONE * w.i;
        const wq = w.plan.legs + ZONE_IDS * w.i;
        if (!(from < w.t0 + w.plan.num[wo + ZONE_LEAVE]!) || w.vehicle === vehicle) continue;
        if (m === node) {
          if (w.plan.ids[wq + ZONE_IN_LANE] === plan.ids[q + ZONE_IN_LANE] || w.plan.ids[wq + ZONE_OUT_LANE] === plan.ids[q + ZONE_OUT_LANE]) continue;
          const wpair = w.plan.num[wo + ZONE_PAIR]!;
          if (plan.ids[q + ZONE_STRAIGHT] === 1 && w.plan.ids[wq + ZONE_STRAIGHT] === 1 && (wpair === plan.num[o + ZONE_PAIR] || wpair === plan.num[o + ZONE_REVERSE])) continue;
        }
        const wp = w.plan.ids[wq + ZONE_PASSAGE]!;
        if (!pc.conflictById(passage, wp)) continue;
        const span = pc.pairSpan(passage, wp);
        if (!(span[0]! <= span[1]!) || !(span[2]! <= span[3]!)) continue;
        const wat = w.plan.num[wo + ZONE_AT]!;
        const at = plan.num[o + ZONE_AT]!;
        cands.push({
          zone: i,
          st: w.t0 + 1000 * w.p.timeAt(wat + span[2]!),
          en: w.t0 + 1000 * w.p.timeAt(wat + span[3]!),
          enter: 1000 * p.timeAt(at + span[0]!),
          leave: 1000 * p.timeAt(at + span[1]!),
        });
      }
    }
  }
  return settle(cands, t0);
}

/** The earliest start ≥ t0 (ms) at which no candidate window (`enter`/`leave` offsets from the start) overlaps another's [st, en]. */
function settle(cands: readonly { st: number; en: number; enter: number; leave: number }[], t0: number): number {
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of cands) {
      if (!(t0 + c.enter < c.en && c.st < t0 + c.leave)) continue;
      t0 = Math.ceil(c.en - c.enter + 1);
      changed = true;
    }
  }
  return t0;
}

describe('junction reservations', () => {
  it('narrowing windows only when their envelopes overlap finds bit for bit the starts of narrowing every window when gathered', () => {
    // A junction b with two roads crossing (300 m on to n): straight on, turns, merges and diverges.
    const g = new LaneGraph(crossingNetwork(300, 100), VEHICLE);
    const pc = new PassageConflicts(g);
    const jr = new JunctionReservations(g, pc);
    const gap = VEHICLE.lengthM + 5;
    // a → b → c, s → b → n, a → b → n, s → b → c, each at three speeds (different profiles).
    const routes = [[0, 1], [2, 3], [0, 3], [2, 1]];
    const stretches = routes.flatMap((edges) => [2, 4, 6].map((v) => buildStretch(g, edges, [0, 0], false, { loaded: v, empty: v, yard: 2, scanner: 1 })));
    const plans = stretches.map((st) => bookingPlan(pc, st, g, pc, gap));
    expect(plans.every((plan) => plan.zones === 1)).toBe(true);
    const windows: Booked[][] = g.nodes.map(() => []);
    const rng = new Rng(7);
    let now = 0;
    let delayed = 0;
    let narrowedSome = 0;
    for (let b = 0; b < 600; b++) {
      now += rng.int(4000);
      const k = rng.int(stretches.length);
      const plan = plans[k]!;
      const p = stretches[k]!.profile;
      const vehicle = 1 + rng.int(8);
      // Some bookings are made now for a start ahead (waiting for the target stop to clear).
      const earliest = now + (rng.next() < 0.3 ? rng.int(30_000) : 0);
      const n = jr.gather(plan, vehicle, earliest);
      const first = jr.earliest(plan, n, Math.ceil(earliest), p);
      expect(first).toBe(eagerEarliest(g, pc, windows, plan, vehicle, p, earliest, Math.ceil(earliest)));
      // The controller asks again from later starts (the lanes pushed it): windows narrowed on the
      // first call stay narrowed, the others are still tested as envelopes.
      const again = first + (rng.next() < 0.5 ? rng.int(20_000) : 0);
      const second = jr.earliest(plan, n, again, p);
      expect(second).toBe(eagerEarliest(g, pc, windows, plan, vehicle, p, earliest, again));
      if (first > Math.ceil(earliest)) delayed++;
      if (first < eagerEarliestWhole(g, windows, plan, vehicle, earliest, Math.ceil(earliest))) narrowedSome++;
      jr.commit(plan, vehicle, second, p, now);
      for (let i = 0; i < plan.zones; i++) windows[plan.ids[plan.legs + ZONE_IDS * i + ZONE_NODE]!]!.push({ vehicle, t0: second, plan, i, p });
    }
    // The junction was busy enough to delay many bookings, and the spans (not the whole windows) decided some.
    expect(delayed).toBeGreaterThan(60);
    expect(narrowedSome).toBeGreaterThan(5);
  });
});

/**
 * The start if every window of another vehicle at a conflicting node kept its whole span (no
 * narrowing, no passage filter): only to show the test meets cases where narrowing matters.
 */
function eagerEarliestWhole(g: LaneGraph, windows: Booked[][], plan: BookingPlan, vehicle: number, gatherAt: number, t0: number): number {
  const cands: { st: number; en: number; enter: number; leave: number }[] = [];
  for (let i = 0; i < plan.zones; i++) {
    const o = plan.zoneAt + ZONE * i;
    const node = plan.ids[plan.legs + ZONE_IDS * i + ZONE_NODE]!;
    const from = gatherAt + plan.num[o + ZONE_ENTER]!;
    for (const m of g.nodes[node]!.conflicts) {
      for (const w of windows[m]!) {
        const wo = w.plan.zoneAt + ZONE * w.i;
        const en = w.t0 + w.plan.num[wo + ZONE_LEAVE]!;
        if (!(from < en) || w.vehicle === vehicle) continue;
        cands.push({ st: w.t0 + w.plan.num[wo + ZONE_ENTER]!, en, enter: plan.num[o + ZONE_ENTER]!, leave: plan.num[o + ZONE_LEAVE]! });
      }
    }
  }
  return settle(cands, t0);
}
