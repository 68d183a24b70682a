import { ZONE, ZONE_AT, ZONE_ENTER, ZONE_IDS, ZONE_IN_LANE, ZONE_LEAVE, ZONE_NODE, ZONE_OUT_LANE, ZONE_PAIR, ZONE_PASSAGE, ZONE_REVERSE, ZONE_STRAIGHT, type BookingPlan } from './booking-plan.ts';
import type { SpeedProfile } from './kinematics.ts';
import type { LaneGraph } from './lane-graph.ts';
import type { PassageConflicts } from './passage-conflicts.ts';
import { grown, SlabRooms } from './typed-grow.ts';
import { objectArray } from '../kernel/shapes.ts';
import { W, W_AT, W_END, W_IN_LANE, W_OUT_LANE, W_PAIR, W_PASSAGE, W_START, W_STRAIGHT, W_T0, W_VEHICLE, ZoneWindows } from './zone-windows.ts';

/** Numbers kept per gathered window in `JunctionReservations.cand` (stride `C`): the other's start and end (ms), this one's enter and leave offsets (ms from its start), in this order (`resolve` loops over them); while open, the envelopes. */
const C_START = 0;
const C_END = 1;
const C_ENTER = 2;
const C_LEAVE = 3;
/** Where the window lies: its node and its index in the node's list (which no booking changes before its commit). */
const C_NODE = 4;
const C_INDEX = 5;
/** 1 while the numbers are still the envelopes (see `resolve`). */
const C_OPEN = 6;
/** Stride (one slot of padding). */
const C = 8;

/**
 * Slack on the envelope tests, ms: the stretches a pair keeps apart lie within the windows, but
 * their times are computed at other points of the same profiles, where rounding can differ by far
 * less than this.
 */
const ENVELOPE_MARGIN_MS = 1;

/** Windows a junction's list has room for when built. */
const ZONE_ROOM = 16;

/**
 * The junction half of the traffic controller's reservations (see TrafficController): per node the
 * windows vehicles have booked through its zone, and per booking the windows of conflicting
 * passages that could delay it (`gather`), the earliest start they allow (`earliest`) and the
 * booking's own windows once its start is fixed (`commit`). Two passages that can meet keep apart
 * in time only the stretches of each where its footprint can reach the other's
 * (`PassageConflicts.pairSpan`, times from each booking's own profile), not the whole zones.
 */
export class JunctionReservations {
  /**
   * Junction windows per node index, the lists made up front: when `commit` made them on first
   * use, their allocation sites sat in the booking code, and V8 threw that code away mid-run when
   * it moved them to old space ("code dependencies").
   */
  private readonly zones: ZoneWindows[];
  /** Per node, the nodes whose zones overlap its own (itself included; see LaneGraph). */
  private readonly conflicts: readonly (readonly number[])[];
  /**
   * Per node, the latest end of its junction windows (ms; -Infinity while it has none): kept
   * beside the lists, so a booking passes over the many overlapping zones whose windows all end
   * before it could enter (about 45 % of those it looks at) without reading their lists. Only
   * `commit` changes the lists, and it updates both mirrors.
   */
  private readonly nodeMaxEnd: Float64Array;
  /** Per node, its list's `minEnd` (Infinity while empty), kept the same way. */
  private readonly nodeMinEnd: Float64Array;
  /**
   * Scratch of one booking: per zone i, the gathered windows `cand[C·k .. C·k+C-1]` (see `C_*`)
   * for k in [candFrom[i], candFrom[i+1]).
   */
  private candFrom = new Int32Array(129);
  /** Per zone, the earliest start and latest end of its gathered windows' envelopes (ms). Room for 128 zones (the 200-IGV stress day reaches 71). */
  private zoneMinStart = new Float64Array(128);
  private zoneMaxEnd = new Float64Array(128);
  /**
   * 4,096 windows from the start (256 KB), for performance reasons: the growth in `gather` first
   * ran on a busier day of a sweep, in optimized code that had never seen it, which threw that
   * code away (a branch that first runs mid-run, sim-core/README.md).
   */
  private cand = new Float64Array(C * 4096);

  constructor(
    graph: LaneGraph,
    private readonly passages: PassageConflicts,
  ) {
    this.zones = objectArray();
    // Windows are booked only at junctions (nodes with a zone); the others share one list that
    // stays empty. Room for `ZONE_ROOM` windows (the busiest junctions hold up to 32 on the presets'
    // days and grow, through the path the first `GROWN_AT_BUILD` lists run when they are built;
    // room for all costs memory). The other lists' room is cut from one slab.
    const none = new ZoneWindows(1);
    let real = 0;
    for (const node of graph.nodes) if (node.zoneRadiusM > 0) real++;
    const rooms = new SlabRooms(real, W * ZONE_ROOM);
    for (const node of graph.nodes) this.zones.push(node.zoneRadiusM > 0 ? new ZoneWindows(ZONE_ROOM, rooms.next()) : none);
    this.conflicts = graph.nodes.map((n) => n.conflicts);
    this.nodeMaxEnd = new Float64Array(graph.nodes.length).fill(-Infinity);
    this.nodeMinEnd = new Float64Array(graph.nodes.length).fill(Infinity);
    // Written twice on purpose: V8 takes a field written once for a constant and throws away the
    // code optimized on it when the scratch first grows mid-run (see TrafficController's constructor).
    this.candFrom = new Int32Array(this.candFrom.length);
    this.zoneMinStart = new Float64Array(this.zoneMinStart.length);
    this.zoneMaxEnd = new Float64Array(this.zoneMaxEnd.length);
    this.cand = new Float64Array(this.cand.length);
  }

  /**
   * Gathers, per junction zone of `stretch`, the windows of other vehicles that could ever delay
   * it (`earliest` only moves the start later from t0, ms): those on passages not known to miss
   * this one that have not ended by the time it could enter. Done once per booking, in the order
   * the zones, their conflicting nodes and the windows come, so that the delays are found in the
   * same order as by checking every window each time. Each is gathered as its envelopes (the whole
   * windows); `earliest` narrows it to the stretches the two passages keep apart only when the
   * envelopes overlap (`resolve`). Returns the number of zones.
   */
  gather(plan: BookingPlan, vehicle: number, t0: number): number {
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
      const enter = zone[o + ZONE_ENTER]!;
      const leave = zone[o + ZONE_LEAVE]!;
      this.candFrom[i] = k;
      let minStart = Infinity;
      let maxEnd = -Infinity;
      const from = t0 + enter;
      const row = this.passages.row(passage);
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
          // Known to miss: never a candidate. Not known yet: `resolve` asks when it matters.
          const wp = d[w + W_PASSAGE]!;
          if (wp < row.length && row[wp] === 1) continue;
          if (C * k + C > this.cand.length) this.cand = grown(this.cand, 2 * this.cand.length);
          const st = d[w + W_START]!;
          const en = d[w + W_END]!;
          const e = C * k;
          this.cand[e + C_START] = st;
          this.cand[e + C_END] = en;
          this.cand[e + C_ENTER] = enter;
          this.cand[e + C_LEAVE] = leave;
          this.cand[e + C_NODE] = m;
          this.cand[e + C_INDEX] = w / W;
          this.cand[e + C_OPEN] = 1;
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

  /**
   * Earliest start ≥ t0 (ms) at which no junction window gathered for the stretch (profile `p`)
   * overlaps another vehicle's. Only between `gather` and `commit` of one booking: the gathered
   * windows are read from the lists where they lie.
   */
  earliest(plan: BookingPlan, n: number, t0: number, p: SpeedProfile): number {
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
        if (!(this.zoneMinStart[i]! < t0 + b + ENVELOPE_MARGIN_MS) || !(t0 + a < this.zoneMaxEnd[i]! + ENVELOPE_MARGIN_MS)) continue;
        const last = from[i + 1]!;
        for (let k = from[i]!; k < last; k++) {
          const e = C * k;
          // Still the envelopes: the stretches kept apart lie within them, so when the envelopes
          // miss, so do they (the margin covers rounding in the times); else narrow it first.
          if (cand[e + C_OPEN] === 1) {
            if (!(t0 + cand[e + C_ENTER]! < cand[e + C_END]! + ENVELOPE_MARGIN_MS && cand[e + C_START]! < t0 + cand[e + C_LEAVE]! + ENVELOPE_MARGIN_MS)) continue;
            this.resolve(plan, i, k, p);
          }
          const we = cand[e + C_END]!;
          const ka = cand[e + C_ENTER]!;
          if (!(t0 + ka < we && cand[e + C_START]! < t0 + cand[e + C_LEAVE]!)) continue;
          t0 = Math.ceil(we - ka + 1);
          changed = true;
        }
      }
    }
    return t0;
  }

  /**
   * Narrows gathered window k of zone i to what the two passages must keep apart: only the
   * stretches of each where its footprint can reach the other's (see PassageConflicts.pairSpan),
   * this one's as offsets from its start (profile `p`), the window's as times from its booking's
   * profile; a window on a passage that never meets this one can never delay it.
   */
  private resolve(plan: BookingPlan, i: number, k: number, p: SpeedProfile): void {
    const cand = this.cand;
    const e = C * k;
    cand[e + C_OPEN] = 0;
    const passage = plan.ids[plan.legs + ZONE_IDS * i + ZONE_PASSAGE]!;
    const ws = this.zones[cand[e + C_NODE]!]!;
    const index = cand[e + C_INDEX]!;
    const w = W * index;
    const wp = ws.data[w + W_PASSAGE]!;
    if (!this.passages.conflictById(passage, wp)) {
      cand[e + C_START] = Infinity;
      return;
    }
    const span = this.passages.pairSpan(passage, wp);
    if (!(span[0]! <= span[1]!) || !(span[2]! <= span[3]!)) {
      cand[e + C_START] = Infinity;
      return;
    }
    // (A window pushed without its profile keeps both whole windows.)
    const profile = ws.profiles[index];
    if (profile === null || profile === undefined) return;
    const wt0 = ws.data[w + W_T0]!;
    const wat = ws.data[w + W_AT]!;
    const at = plan.num[plan.zoneAt + ZONE * i + ZONE_AT]!;
    // The window's start and end from its booking's profile (its span, [2] and [3]), then this
    // one's enter and leave offsets from `p` (span [0] and [1]): one call of `timeAt` for TurboFan
    // to inline, not four.
    for (let f = C_START; f <= C_LEAVE; f++) {
      const theirs = f < C_ENTER;
      const t = 1000 * (theirs ? profile : p).timeAt(theirs ? wat + span[f + 2]! : at + span[f - C_ENTER]!);
      cand[e + f] = theirs ? wt0 + t : t;
    }
  }

  /** Records the windows of a booking of `plan` by `vehicle` starting at t0 (ms); `now` bounds what may be forgotten (see TrafficController.book). */
  commit(plan: BookingPlan, vehicle: number, t0: number, p: SpeedProfile, now: number): void {
    const zone = plan.num;
    const ids = plan.ids;
    for (let i = 0; i < plan.zones; i++) {
      const o = plan.zoneAt + ZONE * i;
      const q = plan.legs + ZONE_IDS * i;
      const node = ids[q + ZONE_NODE]!;
      const list = this.zones[node]!;
      // Windows that ended before now can no longer conflict with anything new (now, not earliest:
      // dropping a window that ends before this booking's delayed start let later bookings cross it).
      if (this.nodeMinEnd[node]! <= now) list.dropEndedBy(now);
      list.push(vehicle, t0, zone, o, ids, q, p);
      this.nodeMinEnd[node] = list.minEnd;
      this.nodeMaxEnd[node] = list.maxEnd;
    }
  }
}
