/**
 * The lane half of the traffic controller decides most places a booking could take on a lane by
 * cheap bounds (the entries' enter, leave and clear times, the plan's), and runs the exact lane-gap
 * check (`requiredStart`) only when they cannot decide. These tests hold `TrafficController.book`
 * to the rule without them: every place of every lane checked exactly, the junctions as before.
 */
import { describe, expect, it } from 'vitest';
import { bookingPlan, LEG, LEG_BEHIND, LEG_ENTER, LEG_LEAVE, LEG_LENGTH, LEG_START, type BookingPlan } from '../../src/fleet/booking-plan.ts';
import { JunctionReservations } from '../../src/fleet/junction-reservations.ts';
import type { SpeedProfile } from '../../src/fleet/kinematics.ts';
import { latestAheadBound, requiredStart, startBehindBound } from '../../src/fleet/lane-gap.ts';
import { LaneGraph } from '../../src/fleet/lane-graph.ts';
import { PassageConflicts } from '../../src/fleet/passage-conflicts.ts';
import { buildStretch } from '../../src/fleet/stretch.ts';
import { TrafficController } from '../../src/fleet/traffic-controller.ts';
import { Rng } from '../../src/random/rng.ts';
import { randomProfile } from './support/random-profile.ts';
import { crossingNetwork } from './support/crossing-network.ts';
import { VEHICLE } from './support/ladder-network.ts';

/** A booking on one lane, as the reference keeps it. */
interface Entry {
  vehicle: number;
  t0: number;
  p: SpeedProfile;
  /** Where the lane begins on the booking's profile, m. */
  offset: number;
  enters: number;
  leaves: number;
}

/** What the reference saw: places the exact check had to decide either way. */
interface Seen {
  /** The entry ahead could not be shown clear by its clear time alone, and did not bind. */
  aheadClear: number;
  /** The exact check refused a place ahead of a later entry. */
  refused: number;
  /** A booking took a place ahead of a later entry. */
  slottedIn: number;
}

/** The controller's lane rule with every place checked exactly (see TrafficController.book). */
class ExactLanes {
  readonly lanes = new Map<number, Entry[]>();
  readonly seen: Seen = { aheadClear: 0, refused: 0, slottedIn: 0 };

  constructor(
    private readonly gapM: number,
    private readonly junctions: JunctionReservations,
  ) {}

  book(vehicle: number, plan: BookingPlan, p: SpeedProfile, earliest: number, now: number): number {
    const gap = this.gapM;
    const legs = plan.num;
    let t0 = earliest;
    const n = this.junctions.gather(plan, vehicle, t0);
    // Per lane, the first candidate place: entries entering no later than this stretch could stay ahead.
    const k0 = Array.from({ length: plan.legs }, (_, l) => {
      const list = this.lanes.get(plan.ids[l]!) ?? [];
      let k = list.length;
      while (k > 0 && list[k - 1]!.enters > earliest + legs[LEG * l + LEG_ENTER]!) k--;
      return k;
    });
    for (let pass = 0; ; pass++) {
      const start = t0;
      for (let l = 0; l < plan.legs; l++) {
        const list = this.lanes.get(plan.ids[l]!) ?? [];
        if (list.length === 0) continue;
        const o = LEG * l;
        const from = legs[o + LEG_START]!;
        const len = legs[o + LEG_LENGTH]!;
        for (let k = k0[l]!; k <= list.length; k++) {
          const ahead = list[k - 1];
          const lo = ahead === undefined || ahead.vehicle === vehicle ? -Infinity : requiredStart(p, from, len, ahead.p, ahead.offset, ahead.t0, gap, Math.min(gap, from));
          const at = Math.max(t0, lo);
          const behind = list[k];
          const hi = behind === undefined || behind.vehicle === vehicle ? Infinity : behind.t0 - requiredStart(behind.p, behind.offset, len, p, from, 0, gap, Math.min(gap, behind.offset));
          // (The bound that decided before the others: the one ahead is a gap past the lane's end before this one is near.)
          if (ahead !== undefined && lo <= t0 && ahead.t0 + 1000 * ahead.p.timeAt(ahead.offset + len + gap) - legs[o + LEG_BEHIND]! > t0) this.seen.aheadClear++;
          if (at <= hi) {
            if (k < list.length) this.seen.slottedIn++;
            t0 = at;
            break;
          }
          this.seen.refused++;
        }
      }
      t0 = this.junctions.earliest(plan, n, Math.ceil(t0), p);
      if (t0 === start || pass > 200) break;
    }
    for (let l = 0; l < plan.legs; l++) {
      const key = plan.ids[l]!;
      const o = LEG * l;
      const kept = (this.lanes.get(key) ?? []).filter((e) => e.leaves > now - 60_000);
      const enters = t0 + legs[o + LEG_ENTER]!;
      let i = kept.length;
      while (i > 0 && kept[i - 1]!.enters > enters) i--;
      kept.splice(i, 0, { vehicle, t0, p, offset: legs[o + LEG_START]!, enters, leaves: t0 + legs[o + LEG_LEAVE]! });
      this.lanes.set(key, kept);
    }
    this.junctions.commit(plan, vehicle, t0, p, now);
    return t0;
  }
}

describe('lane check', () => {
  it('the cheap bounds never lie below the exact check, and both are as tight as their slack allows in some cases', () => {
    const rng = new Rng(5);
    const rnd = (): number => rng.next();
    const profile = (): SpeedProfile => randomProfile(rng);
    const gap = 20;
    let behindTight = 0;
    let aheadTight = 0;
    for (let trial = 0; trial < 4000; trial++) {
      // F follows P on a lane `len` long that begins at fOff on F and pOff on P; the times as the
      // booking plans and lane entries keep them (1000 × timeAt at the same distances).
      const F = profile();
      const P = trial % 5 === 0 ? F : profile();
      const fOff = rnd() * F.length * 0.8;
      const pOff = rnd() * P.length * 0.8;
      const len = 1 + rnd() * 200;
      const pT0 = Math.round(rnd() * 1e6);
      const fT0 = Math.round(rnd() * 1e6);
      const back = Math.min(gap, fOff);
      const fBehind = 1000 * F.timeAt(fOff - back);
      const fEnter = 1000 * F.timeAt(fOff);
      const exact = requiredStart(F, fOff, len, P, pOff, pT0, gap, back);
      const bound = startBehindBound(pT0 + 1000 * P.timeAt(pOff + len), pT0 + 1000 * P.timeAt(pOff + len + gap), fBehind, fEnter, len, gap);
      expect(exact, `trial ${trial}`).toBeLessThanOrEqual(bound);
      if (bound - exact < 2) behindTight++;
      // P ahead of F: the latest start of P (from 0) that keeps F, started at fT0, behind.
      const latest = fT0 - requiredStart(F, fOff, len, P, pOff, 0, gap, back);
      const high = latestAheadBound(fT0 + 1000 * F.timeAt(fOff + len), 1000 * P.timeAt(pOff + len + gap));
      expect(latest, `trial ${trial}`).toBeLessThanOrEqual(high);
      if (high - latest < 2) aheadTight++;
    }
    // Not vacuous: the bounds are as tight as their slack allows in many cases, so any less slack
    // (or a bound computed from other times) would fail above.
    expect(behindTight).toBeGreaterThan(3);
    expect(aheadTight).toBeGreaterThan(1000);
  });

  it('deciding places by cheap bounds finds bit for bit the starts of checking every place exactly', () => {
    // Two roads crossing at b (100 km/h limits): the speeds below set the profiles, so followers
    // are slower and faster than their leaders, on routes that share lanes before and after b.
    const network = crossingNetwork(300, 100);
    const g = new LaneGraph(network, VEHICLE);
    const tc = new TrafficController(g);
    // The reference's own passages (the controller's are shared per graph): ids may differ, conflicts not.
    const pc = new PassageConflicts(g);
    const ref = new ExactLanes(tc.gapM, new JunctionReservations(g, pc));
    const routes = [[0, 1], [2, 3], [0, 3], [2, 1]];
    const stretches = routes.flatMap((edges) => [1.5, 3, 5, 8].map((v) => buildStretch(g, edges, [0, 0], v < 4, { loaded: v, empty: v, yard: 2, scanner: 1 })));
    const plans = stretches.map((st) => bookingPlan(pc, st, g, pc, tc.gapM));
    const rng = new Rng(11);
    let now = 0;
    let delayed = 0;
    for (let b = 0; b < 800; b++) {
      now += rng.int(6000);
      const k = rng.int(stretches.length);
      const vehicle = 1 + rng.int(12);
      // Some bookings are made now for a start ahead (waiting for the target stop to clear).
      const earliest = now + (rng.next() < 0.3 ? rng.int(60_000) : 0);
      const got = tc.book(vehicle, stretches[k]!, earliest, now);
      expect(got).toBe(ref.book(vehicle, plans[k]!, stretches[k]!.profile, earliest, now));
      if (got > earliest) delayed++;
    }
    // Busy enough that the exact check had work the bounds must get right both ways.
    expect(delayed).toBeGreaterThan(200);
    expect(ref.seen.aheadClear).toBeGreaterThan(100);
    expect(ref.seen.refused).toBeGreaterThan(100);
    expect(ref.seen.slottedIn).toBeGreaterThan(20);
  });
});
