import { bookingPlan, LEG, LEG_BEHIND, LEG_CLEAR, LEG_ENTER, LEG_LEAVE, LEG_LENGTH, LEG_START, ZONE, ZONE_AT, ZONE_ENTER, ZONE_IDS, ZONE_IN_LANE, ZONE_LEAVE, ZONE_NODE, ZONE_OUT_LANE, ZONE_PAIR, ZONE_PASSAGE, ZONE_REVERSE, ZONE_STRAIGHT, type BookingPlan } from './booking-plan.ts';
import type { SpeedProfile } from './kinematics.ts';
import type { LaneGraph } from './lane-graph.ts';
import { L, L_BEHIND, L_CLEAR, L_ENTERS, L_OFFSET, L_T0, L_VEHICLE, LaneBookings } from './lane-bookings.ts';
import { requiredStart } from './lane-gap.ts';
import { PassageConflicts } from './passage-conflicts.ts';
import type { Stretch } from './stretch.ts';
import { W, W_AT, W_END, W_IN_LANE, W_OUT_LANE, W_PAIR, W_PASSAGE, W_START, W_STRAIGHT, W_T0, W_VEHICLE, ZoneWindows } from './zone-windows.ts';
import { grown } from './typed-grow.ts';

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
 *   times from each booking's own profile), not the whole zones;
 * - the start is delayed, never the motion reshaped, so every booked profile stays the vehicle's
 *   own exact accelerate–cruise–brake profile.
 * Nobody ever waits on the road, so the road itself can never deadlock; waiting happens only at
 * stop nodes, which the fleet manager acquires (see `StopPool`).
 */
export class TrafficController {
  /** Bookings per lane (index edge·8 + lane), in the order they drive it. */
  private readonly lanes: (LaneBookings | undefined)[];
  /** Junction windows per node index. */
  private readonly zones: (ZoneWindows | undefined)[];
  /** Total delay imposed on starts, ms (reservation waiting), and its parts due to lanes and to junctions. */
  delayMs = 0;
  laneDelayMs = 0;
  zoneDelayMs = 0;
  bookings = 0;
  /** Junction delay by node index, ms (where the traffic waits). */
  readonly zoneDelayByNode = new Map<number, number>();

  /**
   * Passage conflicts, shared by every controller on the same graph and gap (pure functions of the
   * graph, computed on first use; see `sharedLaneGraph`). Also the owner of the booking plans this
   * controller computes: a plan depends on the graph, the passage ids and the gap, so controllers
   * that share the passages share the plans too.
   */
  private readonly passages: PassageConflicts;
  private readonly plans = new WeakMap<Stretch, BookingPlan>();
  /** Per node, the nodes whose zones overlap its own (itself included; see LaneGraph). */
  private readonly conflicts: readonly (readonly number[])[];
  /** Lanes of each edge (at most 8), read by `chooseLanes` for every edge of every route. */
  private readonly laneCount: Uint8Array;
  /**
   * Per lane (edge · 8 + lane), when the last vehicle booked on it enters it (ms; -Infinity while
   * none has): what `chooseLanes` compares, kept beside the lists (bookings change them only in
   * `book`, which updates it) so a lane choice reads one cache line per edge instead of each
   * lane's list and its entries.
   */
  private readonly lastEnters: Float64Array;
  /** Per lane, its list's `minLeaves` (Infinity while empty), kept the same way: most bookings drop nothing. */
  private readonly laneMinLeaves: Float64Array;
  /**
   * Per node, the latest end of its junction windows (ms; -Infinity while it has none): kept
   * beside the lists like `lastEnters`, so a booking passes over the many overlapping zones whose
   * windows all end before it could enter (about 45 % of those it looks at) without reading their
   * lists.
   */
  private readonly nodeMaxEnd: Float64Array;
  /** Per node, its list's `minEnd` (Infinity while empty), kept the same way. */
  private readonly nodeMinEnd: Float64Array;
  /**
   * Scratch of one booking. Lanes: per lane already used (slot j), its list, the leg index, the first
   * candidate place k0 and where its places start in `lo`/`hi` (see `slotLo`, `slotHi`; NaN until
   * computed). Junctions: per zone i, the gathered windows `cand[2k], cand[2k+1]` (start, end, ms)
   * for k in [candFrom[i], candFrom[i+1]).
   */
  private readonly slotList: LaneBookings[] = [];
  private slotLeg = new Int32Array(64);
  private slotK0 = new Int32Array(64);
  private slotFrom = new Int32Array(65);
  private lo = new Float64Array(256);
  private hi = new Float64Array(256);
  /** Cheap lower bounds of `hi` (see `slotHi`), NaN until computed. */
  private hiLow = new Float64Array(256);
  private candFrom = new Int32Array(65);
  /** Per zone, the earliest start and latest end of its gathered windows (ms). */
  private zoneMinStart = new Float64Array(64);
  private zoneMaxEnd = new Float64Array(64);
  private cand = new Float64Array(1024);

  constructor(
    private readonly graph: LaneGraph,
    /** Centre-to-centre distance kept between followers on a lane, m. */
    readonly gapM: number = graph.vehicle.lengthM + 5,
  ) {
    this.passages = passagesOf(graph, gapM);
    this.lanes = new Array<LaneBookings | undefined>(8 * graph.edges.length).fill(undefined);
    this.zones = new Array<ZoneWindows | undefined>(graph.nodes.length).fill(undefined);
    this.conflicts = graph.nodes.map((n) => n.conflicts);
    this.laneCount = Uint8Array.from(graph.edges, (e) => e.lanes);
    this.lastEnters = new Float64Array(8 * graph.edges.length).fill(-Infinity);
    this.laneMinLeaves = new Float64Array(8 * graph.edges.length).fill(Infinity);
    this.nodeMaxEnd = new Float64Array(graph.nodes.length).fill(-Infinity);
    this.nodeMinEnd = new Float64Array(graph.nodes.length).fill(Infinity);
    // V8 takes a field written only once for a constant, and code optimized on that assumption is
    // thrown away when the field is first written again: on a cold day the scratch arrays first
    // grow mid-run, after the booking functions were compiled. Writing each growable one again
    // here, while nothing is optimized, marks the fields mutable from the start.
    this.slotLeg = new Int32Array(this.slotLeg.length);
    this.slotFrom = new Int32Array(this.slotFrom.length);
    this.lo = new Float64Array(this.lo.length);
    this.hi = new Float64Array(this.hi.length);
    this.hiLow = new Float64Array(this.hiLow.length);
    this.candFrom = new Int32Array(this.candFrom.length);
    this.zoneMinStart = new Float64Array(this.zoneMinStart.length);
    this.zoneMaxEnd = new Float64Array(this.zoneMaxEnd.length);
    this.cand = new Float64Array(this.cand.length);
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
        const last = this.lastEnters;
        for (let k = 0; k < n; k++) {
          const t = last[edges[i]! * 8 + k]!;
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
    const zoneCount = this.gatherWindows(plan, vehicle, t0, p);
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
      t0 = Math.ceil(t0);
      this.laneDelayMs += t0 - start;
      const beforeZones = t0;
      t0 = this.zonesEarliest(plan, zoneCount, t0);
      this.zoneDelayMs += t0 - beforeZones;
      if (t0 === start || pass > 200) break;
    }
    const legs = plan.num;
    for (let j = 0; j < plan.legs; j++) {
      const key = plan.ids[j]!;
      const o = LEG * j;
      let list = this.lanes[key];
      if (list === undefined) this.lanes[key] = list = new LaneBookings();
      // Bookings that left the lane a minute ago can no longer constrain anyone. Measured from now,
      // not from this booking's earliest start: that may lie minutes ahead (waiting for the target
      // stop to clear), and a later booking from an earlier start still needs what lies between.
      if (this.laneMinLeaves[key]! <= now - 60_000) list.dropLeftBy(now - 60_000);
      list.insert(vehicle, t0, p, legs, o);
      this.laneMinLeaves[key] = list.minLeaves;
      this.lastEnters[key] = list.data[L * (list.count - 1) + L_ENTERS]!;
    }
    const zone = plan.num;
    const ids = plan.ids;
    for (let i = 0; i < plan.zones; i++) {
      const o = plan.zoneAt + ZONE * i;
      const q = plan.legs + ZONE_IDS * i;
      const node = ids[q + ZONE_NODE]!;
      let list = this.zones[node];
      if (list === undefined) this.zones[node] = list = new ZoneWindows();
      // Windows that ended before now can no longer conflict with anything new (now, not earliest:
      // dropping a window that ends before this booking's delayed start let later bookings cross it).
      if (this.nodeMinEnd[node]! <= now) list.dropEndedBy(now);
      list.push(vehicle, t0, zone, o, ids, q, p);
      this.nodeMinEnd[node] = list.minEnd;
      this.nodeMaxEnd[node] = list.maxEnd;
    }
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
    for (let l = 0; l < n; l++) {
      const list = this.lanes[laneKey[l]!];
      if (list === undefined || list.count === 0) continue;
      const myEntry = earliest + legs[LEG * l + LEG_ENTER]!;
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
    this.lo.fill(NaN, 0, places);
    this.hi.fill(NaN, 0, places);
    this.hiLow.fill(NaN, 0, places);
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
        // The entry ahead has driven a gap past the lane's end (its `clear`) before this one comes
        // within `back` of its start (`LEG_BEHIND`).
        const bound = d[e + L_T0]! + d[e + L_CLEAR]! - legs[o + LEG_BEHIND]! + BOUND_MARGIN_MS;
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
        const offset = d[e + L_OFFSET]!;
        v = d[e + L_T0]! - requiredStart(list.profile[k]!, offset, legs[o + LEG_LENGTH]!, p, legs[o + LEG_START]!, 0, this.gapM, Math.min(this.gapM, offset));
      }
      this.hi[i] = v;
    }
    return v;
  }

  /**
   * Gathers, per junction zone of `stretch`, the windows of other vehicles that could ever delay
   * it (`zonesEarliest` only moves the start later from t0, ms): those on conflicting passages that
   * have not ended by the time it could enter. Done once per booking, in the order the zones, their
   * conflicting nodes and the windows come, so that the delays are found in the same order as by
   * checking every window each time. Returns the number of zones.
   */
  private gatherWindows(plan: BookingPlan, vehicle: number, t0: number, p: SpeedProfile): number {
    const n = plan.zones;
    const zone = plan.num;
    const ids = plan.ids;
    if (this.candFrom.length < n + 1) {
      this.candFrom = new Int32Array(2 * n + 1);
      this.zoneMinStart = new Float64Array(2 * n);
      this.zoneMaxEnd = new Float64Array(2 * n);
    }
    let k = 0;
    for (let i = 0; i < n; i++) {
      const o = plan.zoneAt + ZONE * i;
      const q = plan.legs + ZONE_IDS * i;
      const node = ids[q + ZONE_NODE]!;
      const passage = ids[q + ZONE_PASSAGE]!;
      const inLane = ids[q + ZONE_IN_LANE]!;
      const outLane = ids[q + ZONE_OUT_LANE]!;
      const straight = ids[q + ZONE_STRAIGHT] === 1;
      const pair = zone[o + ZONE_PAIR]!;
      const reverse = zone[o + ZONE_REVERSE]!;
      this.candFrom[i] = k;
      let minStart = Infinity;
      let maxEnd = -Infinity;
      const from = t0 + zone[o + ZONE_ENTER]!;
      let row = this.passages.row(passage);
      // Indexed, not for-of: the first bookings of a run execute unoptimized, where for-of costs an iterator call per node.
      const near = this.conflicts[node]!;
      const nodeMaxEnd = this.nodeMaxEnd;
      for (let c = 0; c < near.length; c++) {
        const m = near[c]!;
        // All its windows end before the zone could be entered (see below), or it has none.
        if (!(from < nodeMaxEnd[m]!)) continue;
        const ws = this.zones[m]!;
        const same = m === node;
        const count = ws.count;
        const d = ws.data;
        for (let w = 0; w < W * count; w += W) {
          // Ended before the zone could be entered: the start only moves later, so never again.
          if (!(from < d[w + W_END]!) || d[w + W_VEHICLE] === vehicle) continue;
          // Passages sharing the lane in (a diverge) or out (a merge) are ordered by the lane rules;
          // two going straight on between the same edges (or side by side the other way) keep to their lanes.
          if (same && (d[w + W_IN_LANE] === inLane || d[w + W_OUT_LANE] === outLane)) continue;
          if (same && straight && d[w + W_STRAIGHT] === 1 && (d[w + W_PAIR] === pair || d[w + W_PAIR] === reverse)) continue;
          const wp = d[w + W_PASSAGE]!;
          const known = wp < row.length ? row[wp]! : 0;
          if (known === 1 || (known === 0 && !this.passages.conflictById(passage, wp))) continue;
          if (known === 0) row = this.passages.row(passage);
          // Only the stretches of the two passages where their footprints can meet need keeping
          // apart (see PassageConflicts.pairSpan): this one's as offsets from its start, the
          // window's as times from its booking's profile. Both lie within the windows (the
          // envelopes), so the filters above on whole windows stay valid.
          const span = this.passages.pairSpan(passage, wp);
          const profile = ws.profiles[w / W];
          if (!(span[0]! <= span[1]!) || !(span[2]! <= span[3]!)) continue;
          if (4 * k + 4 > this.cand.length) this.cand = grown(this.cand, 2 * this.cand.length);
          let st = d[w + W_START]!;
          let en = d[w + W_END]!;
          // (A window pushed without its profile keeps both whole windows.)
          let enter = zone[o + ZONE_ENTER]!;
          let leave = zone[o + ZONE_LEAVE]!;
          if (profile !== null && profile !== undefined) {
            const wt0 = d[w + W_T0]!;
            const wat = d[w + W_AT]!;
            st = wt0 + 1000 * profile.timeAt(wat + span[2]!);
            en = wt0 + 1000 * profile.timeAt(wat + span[3]!);
            const at = zone[o + ZONE_AT]!;
            enter = 1000 * p.timeAt(at + span[0]!);
            leave = 1000 * p.timeAt(at + span[1]!);
          }
          this.cand[4 * k] = st;
          this.cand[4 * k + 1] = en;
          this.cand[4 * k + 2] = enter;
          this.cand[4 * k + 3] = leave;
          if (st < minStart) minStart = st;
          if (en > maxEnd) maxEnd = en;
          k++;
        }
      }
      this.zoneMinStart[i] = minStart;
      this.zoneMaxEnd[i] = maxEnd;
    }
    this.candFrom[n] = k;
    return n;
  }

  /** Earliest start ≥ t0 (ms) at which no junction window gathered for the stretch overlaps another vehicle's. */
  private zonesEarliest(plan: BookingPlan, n: number, t0: number): number {
    const cand = this.cand;
    const from = this.candFrom;
    const zone = plan.num;
    const at = plan.zoneAt;
    for (let changed = n > 0; changed; ) {
      changed = false;
      for (let i = 0; i < n; i++) {
        const a = zone[at + ZONE * i + ZONE_ENTER]!;
        const b = zone[at + ZONE * i + ZONE_LEAVE]!;
        // No window of the zone can overlap when all start after it is left or end before it is
        // entered; then none moves t0 and the scan can be skipped.
        if (!(this.zoneMinStart[i]! < t0 + b) || !(t0 + a < this.zoneMaxEnd[i]!)) continue;
        const last = from[i + 1]!;
        for (let k = from[i]!; k < last; k++) {
          const we = cand[4 * k + 1]!;
          const ka = cand[4 * k + 2]!;
          if (!(t0 + ka < we && cand[4 * k]! < t0 + cand[4 * k + 3]!)) continue;
          const next = Math.ceil(we - ka + 1);
          const node = plan.ids[plan.legs + ZONE_IDS * i + ZONE_NODE]!;
          this.zoneDelayByNode.set(node, (this.zoneDelayByNode.get(node) ?? 0) + next - t0);
          t0 = next;
          changed = true;
        }
      }
    }
    return t0;
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
const PASSAGES = new WeakMap<LaneGraph, Map<number, PassageConflicts>>();

function passagesOf(graph: LaneGraph, gapM: number): PassageConflicts {
  let byGap = PASSAGES.get(graph);
  if (byGap === undefined) PASSAGES.set(graph, (byGap = new Map()));
  let p = byGap.get(gapM);
  if (p === undefined) byGap.set(gapM, (p = new PassageConflicts(graph)));
  return p;
}

/**
 * Slack added to the cheap bounds of the lane check, ms: the exact check evaluates the same time
 * functions at interior points, where rounding (a braking phase's last millimetres) can exceed the
 * value at the ends by far less than this.
 */
const BOUND_MARGIN_MS = 1;
