/**
 * A booking plan is the stretch's numbers the traffic controller reads on every booking, laid out
 * flat: each must be the profile's time (or the distance) at the right point of the stretch, bit
 * for bit what computing it where it is read would give.
 */
import { describe, expect, it } from 'vitest';
import { BookingPlan, bookingPlan, LEG, LEG_BEHIND, LEG_CLEAR, LEG_ENTER, LEG_LEAVE, LEG_LENGTH, LEG_START, ZONE, ZONE_AT, ZONE_ENTER, ZONE_IDS, ZONE_IN_LANE, ZONE_LEAVE, ZONE_NODE, ZONE_OUT_LANE, ZONE_PAIR, ZONE_PASSAGE, ZONE_REVERSE, ZONE_STRAIGHT } from '../../src/fleet/booking-plan.ts';
import { LaneGraph } from '../../src/fleet/lane-graph.ts';
import { PassageConflicts } from '../../src/fleet/passage-conflicts.ts';
import { buildStretch } from '../../src/fleet/stretch.ts';
import { crossingNetwork } from './support/crossing-network.ts';
import { VEHICLE } from './support/ladder-network.ts';

describe('booking plan', () => {
  it('holds per leg and per zone the times of the stretch profile at the lane and zone points, and the ids of lanes, nodes and passages', () => {
    const g = new LaneGraph(crossingNetwork(300, 100), VEHICLE);
    const pc = new PassageConflicts(g);
    const gap = VEHICLE.lengthM + 5;
    let zones = 0;
    // Straight on and turning through the junction b, slow and fast (different profiles).
    for (const edges of [[0, 1], [2, 3], [0, 3], [2, 1]]) {
      for (const v of [2, 6]) {
        const st = buildStretch(g, edges, [0, 0], v < 4, { loaded: v, empty: v, yard: 2, scanner: 1 });
        const plan = bookingPlan(pc, st, g, pc, gap);
        const p = st.profile;
        expect(plan).toBeInstanceOf(BookingPlan);
        expect([plan.legs, plan.zones, plan.zoneAt, plan.owner]).toEqual([st.edges.length, st.zones.length, LEG * st.edges.length, pc]);
        expect([plan.num.length, plan.ids.length]).toEqual([LEG * plan.legs + ZONE * plan.zones, plan.legs + ZONE_IDS * plan.zones]);
        st.edges.forEach((l, j) => {
          const o = LEG * j;
          const want = new Array<number>(LEG);
          want[LEG_ENTER] = 1000 * p.timeAt(l.start);
          want[LEG_LEAVE] = 1000 * p.timeAt(l.start + l.length);
          want[LEG_START] = l.start;
          want[LEG_LENGTH] = l.length;
          want[LEG_BEHIND] = 1000 * p.timeAt(l.start - Math.min(gap, l.start));
          want[LEG_CLEAR] = 1000 * p.timeAt(l.start + l.length + gap);
          expect(Array.from(plan.num.subarray(o, o + LEG))).toEqual(want);
          expect(plan.ids[j]).toBe(l.edge * 8 + l.lane);
        });
        st.zones.forEach((z, i) => {
          const o = plan.zoneAt + ZONE * i;
          const q = plan.legs + ZONE_IDS * i;
          const id = pc.id(z.node, z.inLane, z.outLane);
          const [back, ahead] = pc.reach(id);
          expect(plan.num[o + ZONE_ENTER]).toBe(1000 * p.timeAt(z.at - back));
          expect(plan.num[o + ZONE_LEAVE]).toBe(1000 * p.timeAt(z.at + ahead));
          // (No twin carriageway here: no reverse pair.)
          expect([plan.num[o + ZONE_PAIR], plan.num[o + ZONE_AT], plan.num[o + ZONE_REVERSE]]).toEqual([z.pair, z.at, -1]);
          expect([plan.ids[q + ZONE_NODE], plan.ids[q + ZONE_PASSAGE], plan.ids[q + ZONE_IN_LANE], plan.ids[q + ZONE_OUT_LANE], plan.ids[q + ZONE_STRAIGHT]]).toEqual([z.node, id, z.inLane, z.outLane, z.straight ? 1 : 0]);
          // The zone is entered before it is left, and both times lie within the drive.
          expect(plan.num[o + ZONE_ENTER]!).toBeLessThan(plan.num[o + ZONE_LEAVE]!);
          expect(plan.num[o + ZONE_LEAVE]!).toBeLessThanOrEqual(1000 * p.duration);
          zones++;
        });
      }
    }
    expect(zones).toBe(8);
  });
});
