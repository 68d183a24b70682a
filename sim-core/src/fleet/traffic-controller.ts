import type { SpeedProfile } from './kinematics.ts';
import type { LaneGraph } from './lane-graph.ts';
import { PassageConflicts } from './passage-conflicts.ts';
import type { Stretch } from './stretch.ts';

/** A committed drive: who, from when (ms), along which stretch. */
interface Booking {
  vehicle: number;
  t0: number;
  stretch: Stretch;
}

/** A booking on one lane of one edge: where that edge starts on the booking's stretch, and when it leaves the lane (ms). */
interface LaneUse {
  booking: Booking;
  offset: number;
  enters: number;
  leaves: number;
}

/**
 * The places a booking could take on one lane: behind entry k0 + i - 1 from `lo[i]`, ahead of entry
 * k0 + i until `hi[i]` (NaN until computed). Only entries that enter after this stretch could are
 * candidates to pass; the ones before k0 stay ahead.
 */
interface LaneSlots {
  list: LaneUse[];
  leg: Stretch['edges'][number];
  k0: number;
  lo: number[];
  hi: number[];
}

/** Time a vehicle's centre is inside a junction zone, ms. */
interface ZoneWindow {
  vehicle: number;
  start: number;
  end: number;
  /** In and out edges (see StretchZone.pair) and whether it kept its lane. */
  pair: number;
  straight: boolean;
  inLane: number;
  outLane: number;
}

/**
 * Traffic control by reservation in time. A vehicle books a whole stretch (stop to stop) before it
 * starts, and waits at its stop node until the booking is safe:
 * - **lanes** are first-in first-out: on each lane of each edge a vehicle's centre stays at least
 *   `gap` metres (a vehicle length plus clearance) behind the one ahead of it at every point,
 *   checked exactly (the minimum of the time difference lies at a phase boundary or where both
 *   speeds are equal, both found in closed form). A booking may slot in ahead of a later one when
 *   the gap holds both ways;
 * - **junctions** (merges, diverges, crossings) are exclusive zones: one vehicle's centre within
 *   the zone radius at a time (zones that overlap exclude each other too);
 * - the start is delayed, never the motion reshaped, so every booked profile stays the vehicle's
 *   own exact accelerate–cruise–brake profile.
 * Nobody ever waits on the road, so the road itself can never deadlock; waiting happens only at
 * stop nodes, which the fleet manager acquires (see `StopPool`).
 */
export class TrafficController {
  /** Bookings per lane (key edge·8 + lane), in the order they drive it. */
  private readonly lanes = new Map<number, LaneUse[]>();
  private readonly zones = new Map<number, ZoneWindow[]>();
  /** Total delay imposed on starts, ms (reservation waiting), and its parts due to lanes and to junctions. */
  delayMs = 0;
  laneDelayMs = 0;
  zoneDelayMs = 0;
  bookings = 0;
  /** Junction delay by node index, ms (where the traffic waits). */
  readonly zoneDelayByNode = new Map<number, number>();

  private readonly passages: PassageConflicts;

  constructor(
    private readonly graph: LaneGraph,
    /** Centre-to-centre distance kept between followers on a lane, m. */
    readonly gapM: number = graph.vehicle.lengthM + 5,
  ) {
    this.passages = new PassageConflicts(graph);
  }

  /** The lane of each edge a vehicle should take: same lane through pass-through nodes, at junctions the one whose last user enters first. */
  chooseLanes(edges: readonly number[]): number[] {
    const lanes: number[] = [];
    let current = 0;
    for (let i = 0; i < edges.length; i++) {
      const e = this.graph.edges[edges[i]!]!;
      // A lane is chosen where the stretch starts and where the number of lanes changes; elsewhere
      // the vehicle keeps its lane, so straight-on traffic never has to cross another lane.
      const prev = i > 0 ? this.graph.edges[edges[i - 1]!]! : null;
      if (prev === null || prev.lanes !== e.lanes || current >= e.lanes) {
        let best = 0;
        let bestT = Infinity;
        for (let k = 0; k < e.lanes; k++) {
          const list = this.lanes.get(edges[i]! * 8 + k);
          const last = list === undefined || list.length === 0 ? undefined : list[list.length - 1]!;
          const t = last === undefined ? -Infinity : last.booking.t0 + 1000 * last.booking.stretch.profile.timeAt(last.offset);
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
    let t0 = earliest;
    // Per lane, the places this stretch could take among the bookings there (see LaneSlots).
    const slots: LaneSlots[] = [];
    for (const leg of stretch.edges) {
      const list = this.lanes.get(leg.edge * 8 + leg.lane);
      if (list === undefined || list.length === 0) continue;
      const myEntry = earliest + 1000 * p.timeAt(leg.start);
      let k0 = list.length;
      while (k0 > 0 && list[k0 - 1]!.enters > myEntry) k0--;
      slots.push({ list, leg, k0, lo: new Array<number>(list.length - k0 + 1).fill(NaN), hi: new Array<number>(list.length - k0 + 1).fill(NaN) });
    }
    // Lanes and junctions each push the start later until one start time suits all of them.
    for (let pass = 0; ; pass++) {
      const start = t0;
      for (const sl of slots) {
        for (let i = 0; i < sl.lo.length; i++) {
          const at = Math.max(t0, this.slotLo(sl, i, p, vehicle));
          if (at <= this.slotHi(sl, i, p, vehicle)) {
            t0 = at;
            break;
          }
        }
      }
      t0 = Math.ceil(t0);
      this.laneDelayMs += t0 - start;
      const beforeZones = t0;
      t0 = this.zonesEarliest(stretch, vehicle, t0);
      this.zoneDelayMs += t0 - beforeZones;
      if (t0 === start || pass > 200) break;
    }
    const booking: Booking = { vehicle, t0, stretch };
    for (const leg of stretch.edges) {
      const key = leg.edge * 8 + leg.lane;
      let list = this.lanes.get(key);
      if (list === undefined) this.lanes.set(key, (list = []));
      // Bookings that left the lane a minute ago can no longer constrain anyone. Measured from now,
      // not from this booking's earliest start: that may lie minutes ahead (waiting for the target
      // stop to clear), and a later booking from an earlier start still needs what lies between.
      let keep = 0;
      for (const u of list) if (u.leaves > now - 60_000) list[keep++] = u;
      list.length = keep;
      const use: LaneUse = { booking, offset: leg.start, enters: t0 + 1000 * p.timeAt(leg.start), leaves: t0 + 1000 * p.timeAt(leg.start + leg.length) };
      let i = list.length;
      while (i > 0 && list[i - 1]!.enters > use.enters) i--; // physical order on the lane: by entry time
      list.splice(i, 0, use);
    }
    for (const z of stretch.zones) {
      let list = this.zones.get(z.node);
      if (list === undefined) this.zones.set(z.node, (list = []));
      // Windows that ended before now can no longer conflict with anything new (now, not earliest:
      // dropping a window that ends before this booking's delayed start let later bookings cross it).
      let keep = 0;
      for (const w of list) if (w.end > now) list[keep++] = w;
      list.length = keep;
      list.push({ vehicle, start: t0 + 1000 * p.timeAt(z.at - z.radius), end: t0 + 1000 * p.timeAt(z.at + z.radius), pair: z.pair, straight: z.straight, inLane: z.inLane, outLane: z.outLane });
    }
    this.delayMs += t0 - earliest;
    this.bookings++;
    return t0;
  }

  /** Earliest start allowed behind the entry before place i of a lane (computed once, when first needed). */
  private slotLo(sl: LaneSlots, i: number, p: SpeedProfile, vehicle: number): number {
    let v = sl.lo[i]!;
    if (Number.isNaN(v)) {
      const before = sl.k0 + i > 0 ? sl.list[sl.k0 + i - 1]! : undefined;
      const leg = sl.leg;
      v = before === undefined || before.booking.vehicle === vehicle ? -Infinity : requiredStart(p, leg.start, leg.length, before.booking.stretch.profile, before.offset, before.booking.t0, this.gapM, Math.min(this.gapM, leg.start));
      sl.lo[i] = v;
    }
    return v;
  }

  /** Latest start that keeps the entry at place i of a lane behind this stretch (computed once, when first needed). */
  private slotHi(sl: LaneSlots, i: number, p: SpeedProfile, vehicle: number): number {
    let v = sl.hi[i]!;
    if (Number.isNaN(v)) {
      const after = sl.k0 + i < sl.list.length ? sl.list[sl.k0 + i]! : undefined;
      const leg = sl.leg;
      v = after === undefined || after.booking.vehicle === vehicle ? Infinity : after.booking.t0 - requiredStart(after.booking.stretch.profile, after.offset, leg.length, p, leg.start, 0, this.gapM, Math.min(this.gapM, after.offset));
      sl.hi[i] = v;
    }
    return v;
  }

  /** Earliest start ≥ t0 (ms) at which no junction window of the stretch overlaps another vehicle's. */
  private zonesEarliest(stretch: Stretch, vehicle: number, t0: number): number {
    const p = stretch.profile;
    const zones = stretch.zones;
    const n = zones.length;
    if (n === 0) return t0;
    // Per zone: when the centre enters and leaves it (ms from the start), and the reverse passage.
    const enter = new Float64Array(n);
    const leave = new Float64Array(n);
    const reverse = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const z = zones[i]!;
      enter[i] = 1000 * p.timeAt(z.at - z.radius);
      leave[i] = 1000 * p.timeAt(z.at + z.radius);
      // Straight on in the opposite direction on the twin carriageway: side by side, no conflict.
      const ein = this.graph.edges[Math.floor(z.pair / 65536)]!;
      const eout = this.graph.edges[z.pair % 65536]!;
      reverse[i] = ein.reverse >= 0 && eout.reverse >= 0 ? eout.reverse * 65536 + ein.reverse : -1;
    }
    for (let changed = true; changed; ) {
      changed = false;
      for (let i = 0; i < n; i++) {
        const z = zones[i]!;
        const a = enter[i]!;
        const b = leave[i]!;
        for (const m of this.graph.nodes[z.node]!.conflicts) {
          const list = this.zones.get(m);
          if (list === undefined) continue;
          const same = m === z.node;
          for (const w of list) {
            if (w.vehicle === vehicle || !(t0 + a < w.end && w.start < t0 + b)) continue;
            // Passages sharing the lane in (a diverge) or out (a merge) are ordered by the lane rules;
            // two going straight on between the same edges (or side by side the other way) keep to their lanes.
            if (same && (w.inLane === z.inLane || w.outLane === z.outLane)) continue;
            if (same && z.straight && w.straight && (w.pair === z.pair || w.pair === reverse[i])) continue;
            if (!this.passages.conflict(z.node, z.inLane, z.outLane, m, w.inLane, w.outLane)) continue;
            const next = Math.ceil(w.end - a + 1);
            this.zoneDelayByNode.set(z.node, (this.zoneDelayByNode.get(z.node) ?? 0) + next - t0);
            t0 = next;
            changed = true;
          }
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
    const z = stretch.zones[0];
    const p = stretch.profile;
    return Math.ceil(t0 + 1000 * (z === undefined ? p.duration : p.timeAt(z.at + z.radius)));
  }
}

/** Reused by `requiredStart`, which runs for every lane comparison (no allocation per call). */
const SCRATCH: number[] = [];
const ascending = (a: number, b: number): number => a - b;

/**
 * Earliest start (ms) of a follower profile F so that on one lane, for every distance x along it,
 * the follower reaches x no earlier than the predecessor P reaches x + gap, from `back` metres
 * before the lane. F's lane begins at fOff on F, P's at pOff on P, which started at pT0 (ms). Exact:
 * the difference of the two time functions has its minimum at a phase boundary or where the speeds
 * are equal.
 */
export function requiredStart(F: SpeedProfile, fOff: number, len: number, P: SpeedProfile, pOff: number, pT0: number, gap: number, back = 0): number {
  // From `back` metres before the lane (where two vehicles merging into it approach from different
  // edges) to its end.
  const lo = -back;
  const xs = SCRATCH;
  xs.length = 0;
  xs.push(lo, len);
  for (const s of F.s) if (s - fOff > lo && s - fOff < len) xs.push(s - fOff);
  for (const s of P.s) if (s - pOff - gap > lo && s - pOff - gap < len) xs.push(s - pOff - gap);
  const pEnd = P.length - pOff - gap;
  if (pEnd > lo && pEnd < len) xs.push(pEnd);
  xs.sort(ascending);
  const n = xs.length;
  for (let i = 0; i + 1 < n; i++) {
    const lo = xs[i]!;
    const hi = xs[i + 1]!;
    if (hi - lo < 1e-9) continue;
    const mid = (lo + hi) / 2;
    if (pOff + mid + gap >= P.length) continue;
    const [f0, f1] = F.speedSquaredAt(F.phaseAt(fOff + mid));
    const [p0, p1] = P.speedSquaredAt(P.phaseAt(pOff + mid + gap));
    if (f1 === p1) continue;
    const x = (p0 + p1 * (pOff + gap) - f0 - f1 * fOff) / (f1 - p1);
    if (x > lo && x < hi) xs.push(x);
  }
  let need = -Infinity;
  for (const x of xs) {
    const t = pT0 + 1000 * P.timeAt(pOff + x + gap) - 1000 * F.timeAt(fOff + x);
    if (t > need) need = t;
  }
  return need;
}
