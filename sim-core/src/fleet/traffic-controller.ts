import { bookingPlan, LEG, LEG_BEHIND, LEG_CLEAR, LEG_ENTER, LEG_LENGTH, LEG_START, type BookingPlan } from './booking-plan.ts';
import type { SpeedProfile } from './kinematics.ts';
import type { LaneGraph } from './lane-graph.ts';
import { L, L_BEHIND, L_CLEAR, L_ENTERS, L_LEAVES, L_OFFSET, L_T0, L_VEHICLE, LaneBookings } from './lane-bookings.ts';
import { BOUND_MARGIN_MS, latestAheadBound, requiredStart, startBehindBound } from './lane-gap.ts';
import { PassageConflicts } from './passage-conflicts.ts';
import type { Stretch } from './stretch.ts';
import { JunctionReservations } from './junction-reservations.ts';
import { PerGraph } from './shared-graphs.ts';
import { objectArray } from '../kernel/shapes.ts';
import { SlabRooms } from './typed-grow.ts';

/**
 * Traffic control by reservation in time. A vehicle books a whole stretch (stop to stop) before it
 * starts, and waits at its stop node until the booking is safe:
 * - **lanes** are first-in first-out: on each lane of each edge a vehicle's centre stays at least
 *   `gap` metres (a vehicle length plus clearance) behind the one ahead of it at every point,
 *   checked exactly (the minimum of the time difference lies at a phase boundary or where both
 *   speeds are equal, both found in closed form). A booking may slot in ahead of a later one when
 *   the gap holds both ways;
 * - **junctions** (merges, diverges, crossings) are shared by passages whose footprints miss each
 *   other; two that can meet (at one node or at nodes whose zones overlap) keep apart in time only
 *   the stretches of each where its footprint can reach the other's (`PassageConflicts.pairSpan`,
 *   times from each booking's own profile), not the whole zones (`JunctionReservations`);
 * - the start is delayed, never the motion reshaped, so every booked profile stays the vehicle's
 *   own exact accelerate–cruise–brake profile.
 * Nobody ever waits on the road, so the road itself can never deadlock; waiting happens only at
 * stop nodes, which the fleet manager acquires (see `StopPool`).
 */
export class TrafficController {
  /**
   * Bookings per lane (index edge·8 + lane), in the order they drive it; the lists made up front,
   * one per lane of the graph (the slots of missing lanes share one that is never used): when
   * `book` made them on first use, their allocation sites sat in the booking code, and V8 threw
   * that code away mid-run when it moved them to old space ("code dependencies").
   */
  private readonly lanes: LaneBookings[];
  /** Total delay imposed on starts, ms (reservation waiting). */
  delayMs = 0;
  bookings = 0;

  /**
   * Passage conflicts, shared by every controller on the same graph and gap (pure functions of the
   * graph, computed on first use; see `sharedLaneGraph`). Also the owner of the booking plans this
   * controller computes: a plan depends on the graph, the passage ids and the gap, so controllers
   * that share the passages share the plans too.
   */
  private readonly passages: PassageConflicts;
  private readonly plans = new WeakMap<Stretch, BookingPlan>();
  /** The junction half: windows per node, gathered and committed per booking. */
  private readonly junctions: JunctionReservations;
  /** Lanes of each edge (at most 8), read by `chooseLanes` for every edge of every route. */
  private readonly laneCount: Uint8Array;
  /**
   * Per lane (edge · 8 + lane), three numbers kept beside its list (bookings change the lists only
   * in `book`, which updates them), side by side from `LAST · lane` (one cache line a lane, not
   * one per number; `gatherSlots` reads two of them for every leg, `book` all three):
   * - `LAST_ENTERS`: when the last vehicle booked on it enters it (ms; -Infinity while none has),
   *   what `chooseLanes` compares without reading each lane's list and its entries;
   * - `LAST_CLEAR`: the start plus `L_CLEAR` of that vehicle (ms; -Infinity while none has):
   *   `gatherSlots` passes over a lane whose last user is known from it not to bind (most of them)
   *   without reading its list;
   * - `LAST_MIN_LEAVES`: its list's `minLeaves` (Infinity while empty): most bookings drop nothing.
   */
  private readonly laneLast: Float64Array;
  /**
   * Scratch of one booking: per lane already used (slot j), its list, the leg index, the first
   * candidate place k0 and where its places start in `lo`/`hi` (see `slotLo`, `slotHi`; NaN until
   * computed). Sized for 128 legs and 1,024 places (the 200-IGV stress day reaches 75 and 274):
   * growing them mid-run throws away the optimized booking code (see the constructor).
   */
  private readonly slotList: LaneBookings[] = objectArray();
  private slotLeg = new Int32Array(128);
  private slotK0 = new Int32Array(128);
  private slotFrom = new Int32Array(129);
  private lo = new Float64Array(1024);
  private hi = new Float64Array(1024);
  /** Cheap lower bounds of `hi` (see `slotHi`), NaN until computed. */
  private hiLow = new Float64Array(1024);

  constructor(
    private readonly graph: LaneGraph,
    /** Centre-to-centre distance kept between followers on a lane, m. */
    readonly gapM: number = graph.vehicle.lengthM + 5,
  ) {
    this.passages = passagesOf(graph, gapM);
    this.lanes = objectArray();
    const none = new LaneBookings(1);
    // Room for `LANE_ROOM` entries. A busy lane holds up to 20-26 on the presets' days and grows
    // (through the path the first `GROWN_AT_BUILD` lists run when they are built, so the optimized
    // `book` has seen it); room for 32 everywhere cost about 2 MB of buffers a run, and a full
    // collection more on warm days. The other lists' room is cut from one slab.
    let real = 0;
    for (const e of graph.edges) real += e.lanes;
    const rooms = new SlabRooms(real, L * LANE_ROOM);
    for (const e of graph.edges) for (let k = 0; k < 8; k++) this.lanes.push(k < e.lanes ? new LaneBookings(LANE_ROOM, rooms.next()) : none);
    this.junctions = new JunctionReservations(graph, this.passages);
    this.laneCount = Uint8Array.from(graph.edges, (e) => e.lanes);
    this.laneLast = new Float64Array(LAST * 8 * graph.edges.length);
    for (let k = 0; k < this.laneLast.length; k += LAST) {
      this.laneLast[k + LAST_ENTERS] = -Infinity;
      this.laneLast[k + LAST_CLEAR] = -Infinity;
      this.laneLast[k + LAST_MIN_LEAVES] = Infinity;
    }
    // V8 takes a field written only once for a constant, and code optimized on that assumption is
    // thrown away when the field is first written again: on a cold day the scratch arrays first
    // grow mid-run, after the booking functions were compiled. Writing each growable one again
    // here, while nothing is optimized, marks the fields mutable from the start.
    this.slotLeg = new Int32Array(this.slotLeg.length);
    this.slotK0 = new Int32Array(this.slotK0.length);
    this.slotFrom = new Int32Array(this.slotFrom.length);
    this.lo = new Float64Array(this.lo.length);
    this.hi = new Float64Array(this.hi.length);
    this.hiLow = new Float64Array(this.hiLow.length);
  }

  /** The lane of each edge a vehicle should take: same lane through pass-through nodes, at junctions the one whose last user enters first. */
  chooseLanes(edges: readonly number[]): number[] {
    const lanes: number[] = [];
    const count = this.laneCount;
    let current = 0;
    for (let i = 0; i < edges.length; i++) {
      const n = count[edges[i]!]!;
      // A lane is chosen where the stretch starts and where the number of lanes changes; elsewhere
      // the vehicle keeps its lane, so straight-on traffic never has to cross another lane.
      if (n === 1) current = 0;
      else if (i === 0 || count[edges[i - 1]!] !== n || current >= n) {
        // (One lane: no choice, and no list to read.)
        let best = 0;
        let bestT = Infinity;
        const last = this.laneLast;
        for (let k = 0; k < n; k++) {
          const t = last[LAST * (edges[i]! * 8 + k) + LAST_ENTERS]!;
          if (t < bestT) {
            bestT = t;
            best = k;
          }
        }
        current = best;
      }
      lanes.push(current);
    }
    return lanes;
  }

  /**
   * Books `stretch` for `vehicle` starting no earlier than `earliest` (ms) and returns the start
   * time (ms, whole) at which it is safe. Commits the lanes and zones it uses. `now` (ms, the
   * simulation time of the call, ≤ earliest) bounds what may be forgotten: later calls can book
   * from any start after it.
   */
  book(vehicle: number, stretch: Stretch, earliest: number, now: number = earliest): number {
    const p = stretch.profile;
    const plan = this.planOf(stretch);
    let t0 = earliest;
    const slots = this.gatherSlots(plan, earliest);
    const zoneCount = this.junctions.gather(plan, vehicle, t0);
    // Lanes and junctions each push the start later until one start time suits all of them.
    for (let pass = 0; ; pass++) {
      const start = t0;
      for (let j = 0; j < slots; j++) {
        for (let i = this.slotFrom[j]!; i < this.slotFrom[j + 1]!; i++) {
          const at = Math.max(t0, this.slotLo(j, i, p, plan, vehicle, t0));
          if (at <= this.slotHi(j, i, p, plan, vehicle, at)) {
            t0 = at;
            break;
          }
        }
      }
      // The junctions gave `start` on the last pass (a whole ms, found free of every window): when
      // the lanes accept it as well, asking them again would only confirm it. (Compared rounded up,
      // the same test as t0 === start since t0 ≥ start: the comparison then sees small integers
      // only, and V8 does not throw `book` away the first time a fractional start meets it.)
      const whole = Math.ceil(t0);
      if (pass > 0 && whole === start) break;
      t0 = this.junctions.earliest(plan, zoneCount, whole, p);
      if (t0 === start || pass > 200) break;
    }
    const legs = plan.num;
    for (let j = 0; j < plan.legs; j++) {
      const key = plan.ids[j]!;
      const o = LEG * j;
      const list = this.lanes[key]!;
      // Bookings that left the lane a minute ago can no longer constrain anyone. Measured from now,
      // not from this booking's earliest start: that may lie minutes ahead (waiting for the target
      // stop to clear), and a later booking from an earlier start still needs what lies between.
      const m = LAST * key;
      if (this.laneLast[m + LAST_MIN_LEAVES]! <= now - 60_000) list.dropLeftBy(now - 60_000);
      list.insert(vehicle, t0, p, legs, o);
      const e = L * (list.count - 1);
      this.laneLast[m + LAST_ENTERS] = list.data[e + L_ENTERS]!;
      this.laneLast[m + LAST_CLEAR] = list.data[e + L_T0]! + list.data[e + L_CLEAR]!;
      this.laneLast[m + LAST_MIN_LEAVES] = list.minLeaves;
    }
    this.junctions.commit(plan, vehicle, t0, p, now);
    this.delayMs += t0 - earliest;
    this.bookings++;
    return t0;
  }

  /**
   * The stretch's booking plan (computed on its first booking): from the stretch's own slot when a
   * controller with this one's passages (graph and gap) booked it last (one controller per fleet,
   * and runs on one graph share it: always, but for the first time), else from the plans of
   * stretches controllers with several gaps book.
   */
  private planOf(stretch: Stretch): BookingPlan {
    const last = stretch.plan;
    if (last !== null && last.owner === this.passages) return last;
    // The first plan of a stretch stays out of the weak map: thousands of young keys a day there cost
    // the garbage collector more than the rare second computation when another gap books it too.
    if (last === null) return (stretch.plan = bookingPlan(this.passages, stretch, this.graph, this.passages, this.gapM));
    let plan = this.plans.get(stretch);
    if (plan === undefined) this.plans.set(stretch, (plan = bookingPlan(this.passages, stretch, this.graph, this.passages, this.gapM)));
    stretch.plan = plan;
    return plan;
  }

  /**
   * Per lane of the stretch that others use, the places it could take among the bookings there:
   * behind entry k0 + i - 1 from `lo`, ahead of entry k0 + i until `hi`. Only entries that enter
   * after this stretch could are candidates to pass; the ones before k0 stay ahead. Returns the
   * number of such lanes.
   */
  private gatherSlots(plan: BookingPlan, earliest: number): number {
    const n = plan.legs;
    if (this.slotK0.length < n) {
      this.slotK0 = new Int32Array(2 * n);
      this.slotLeg = new Int32Array(2 * n);
      this.slotFrom = new Int32Array(2 * n + 1);
    }
    const laneKey = plan.ids;
    const legs = plan.num;
    let j = 0;
    let places = 0;
    const last = this.laneLast;
    for (let l = 0; l < n; l++) {
      const key = laneKey[l]!;
      const myEntry = earliest + legs[LEG * l + LEG_ENTER]!;
      // Its last user enters first and has driven a gap past the lane's end before this one comes
      // near (the bound `slotLo` takes, the same sum, ≤ every start from earliest on): the lane
      // holds a single place, behind it, which never binds. (Also an empty lane: -Infinity.)
      if (last[LAST * key + LAST_ENTERS]! <= myEntry && last[LAST * key + LAST_CLEAR]! - legs[LEG * l + LEG_BEHIND]! + BOUND_MARGIN_MS <= earliest) continue;
      const list = this.lanes[key]!;
      if (list.count === 0) continue;
      let k0 = list.count;
      const d = list.data;
      while (k0 > 0 && d[L * (k0 - 1) + L_ENTERS]! > myEntry) k0--;
      this.slotList[j] = list;
      this.slotLeg[j] = l;
      this.slotK0[j] = k0;
      this.slotFrom[j] = places;
      places += list.count - k0 + 1;
      j++;
    }
    this.slotFrom[j] = places;
    if (this.lo.length < places) {
      this.lo = new Float64Array(2 * places);
      this.hi = new Float64Array(2 * places);
      this.hiLow = new Float64Array(2 * places);
    }
    // A loop, not three calls of `fill`: a booking has about five places, and a builtin call each costs more.
    const lo = this.lo;
    const hi = this.hi;
    const hiLow = this.hiLow;
    for (let i = 0; i < places; i++) {
      lo[i] = NaN;
      hi[i] = NaN;
      hiLow[i] = NaN;
    }
    return j;
  }

  /**
   * Earliest start allowed behind the entry before place i of lane slot j (computed once, when
   * first needed), or any value ≤ t0 when that is all the caller can learn from it: the start
   * (ms) only grows during a booking, so once the entry is known to bind no later than t0 it never
   * binds, and the cheap bound stands in for the exact check.
   */
  private slotLo(j: number, i: number, p: SpeedProfile, plan: BookingPlan, vehicle: number, t0: number): number {
    let v = this.lo[i]!;
    if (Number.isNaN(v)) {
      const list = this.slotList[j]!;
      const at = this.slotK0[j]! + i - this.slotFrom[j]!;
      const o = LEG * this.slotLeg[j]!;
      const k = at - 1;
      const d = list.data;
      const e = L * k;
      if (k < 0 || d[e + L_VEHICLE] === vehicle) v = -Infinity;
      else {
        const legs = plan.num;
        // Known not to bind from the times the entry and the plan keep (the entry ahead has left
        // the lane, or driven a gap past it, before this one comes near: `startBehindBound`), else exact.
        const bound = startBehindBound(d[e + L_LEAVES]!, d[e + L_T0]! + d[e + L_CLEAR]!, legs[o + LEG_BEHIND]!, legs[o + LEG_ENTER]!, legs[o + LEG_LENGTH]!, this.gapM);
        if (bound <= t0) v = bound;
        else {
          const start = legs[o + LEG_START]!;
          v = requiredStart(p, start, legs[o + LEG_LENGTH]!, list.profile[k]!, d[e + L_OFFSET]!, d[e + L_T0]!, this.gapM, Math.min(this.gapM, start));
        }
      }
      this.lo[i] = v;
    }
    return v;
  }

  /**
   * Latest start that keeps the entry at place i of lane slot j behind this stretch (computed
   * once, when first needed), or a lower bound of it that is already ≥ `at` (ms): all the caller
   * asks is whether `at` is no later.
   */
  private slotHi(j: number, i: number, p: SpeedProfile, plan: BookingPlan, vehicle: number, at: number): number {
    let v = this.hi[i]!;
    if (Number.isNaN(v)) {
      const list = this.slotList[j]!;
      const k = this.slotK0[j]! + i - this.slotFrom[j]!;
      const o = LEG * this.slotLeg[j]!;
      const d = list.data;
      const e = L * k;
      if (k >= list.count || d[e + L_VEHICLE] === vehicle) v = Infinity;
      else {
        const legs = plan.num;
        // This stretch has driven a gap past the lane's end (`LEG_CLEAR`) before the entry behind
        // comes within `back` of its start (its `behind`).
        let low = this.hiLow[i]!;
        if (Number.isNaN(low)) this.hiLow[i] = low = d[e + L_T0]! - (legs[o + LEG_CLEAR]! - d[e + L_BEHIND]! + BOUND_MARGIN_MS);
        if (at <= low) return low;
        // An upper bound (see `latestAheadBound`): a start after it can never keep the entry
        // behind, nor can any later start this booking tries (they only grow), so it stands for the
        // exact value. It decides almost every place the exact check would refuse.
        const high = latestAheadBound(d[e + L_LEAVES]!, legs[o + LEG_CLEAR]!);
        if (at > high) v = high;
        else {
          const offset = d[e + L_OFFSET]!;
          v = d[e + L_T0]! - requiredStart(list.profile[k]!, offset, legs[o + LEG_LENGTH]!, p, legs[o + LEG_START]!, 0, this.gapM, Math.min(this.gapM, offset));
        }
      }
      this.hi[i] = v;
    }
    return v;
  }


  /**
   * When (ms) a booked stretch's vehicle has cleared its start node for the next user: the end of
   * its first junction window (so a newcomer never meets it on a dead-end spur), else the end.
   */
  static clearedAt(stretch: Stretch, t0: number): number {
    return Math.ceil(t0 + stretch.clearMs);
  }
}

/** Passage conflicts by graph, then by gap (see `TrafficController.passages`). */
const PASSAGES = new PerGraph<PassageConflicts>();

function passagesOf(graph: LaneGraph, gapM: number): PassageConflicts {
  return PASSAGES.get(graph, gapM, () => new PassageConflicts(graph));
}

/** Entries a lane's list has room for when built. */
const LANE_ROOM = 16;

/** Numbers kept per lane in `TrafficController.laneLast` (stride `LAST`, one slot of padding). */
const LAST_ENTERS = 0;
const LAST_CLEAR = 1;
const LAST_MIN_LEAVES = 2;
const LAST = 4;
