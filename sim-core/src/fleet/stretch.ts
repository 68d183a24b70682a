import type { Point } from '../model/scenario.ts';
import type { BookingPlan } from './booking-plan.ts';
import { planProfile, type SpeedProfile } from './kinematics.ts';
import type { GraphEdge, LaneGraph } from './lane-graph.ts';
import { doublePair, intArray, objectArray } from '../kernel/shapes.ts';
import { F64Arena } from './typed-arena.ts';
import { hypot } from './polyline.ts';

/** Cruise speeds of a vehicle by edge kind, m/s. */
export interface CruiseSpeeds {
  loaded: number;
  empty: number;
  yard: number;
  scanner: number;
}

/** One edge of a stretch: which lane, and where its lane polyline starts on the stretch (m). */
export interface StretchLeg {
  edge: number;
  lane: number;
  /** Distance along the stretch where this edge's lane polyline begins (after any connector), m. */
  start: number;
  length: number;
}

/** A junction passed on the stretch: the node and its distance along the stretch, m. */
export interface StretchZone {
  node: number;
  at: number;
  radius: number;
  /** Edges in and out, as one number (in · 65536 + out), and whether the lane is kept (straight on). */
  pair: number;
  straight: boolean;
  /** Lanes in and out (edge · 8 + lane): passages sharing either are ordered by the lane rules. */
  inLane: number;
  outLane: number;
}

/** Numbers kept per leg in `Stretch.num` (stride `SLEG`): edge, lane, where its lane polyline begins on the stretch (after any connector, m) and its length (m). */
export const SLEG_EDGE = 0;
export const SLEG_LANE = 1;
export const SLEG_START = 2;
export const SLEG_LENGTH = 3;
export const SLEG = 4;

/**
 * Numbers kept per junction zone in `Stretch.num`, after the legs' (stride `SZONE`): the node,
 * where the centre passes it (m along the stretch), its radius (m), the edges in and out
 * (in · 65536 + out), 1 when the lane is kept straight on, the lanes in and out (edge · 8 + lane).
 */
export const SZONE_NODE = 0;
export const SZONE_AT = 1;
export const SZONE_RADIUS = 2;
export const SZONE_PAIR = 3;
export const SZONE_STRAIGHT = 4;
export const SZONE_IN_LANE = 5;
export const SZONE_OUT_LANE = 6;
export const SZONE = 7;

/**
 * A drive from one stop node to the next without stopping: the lanes taken, the driven polyline
 * (lane centres, with short connectors where the lane changes at a junction), the junctions on the
 * way and the exact speed profile. Times in the profile are seconds from the start.
 */
export interface Stretch {
  /**
   * Its legs and junction zones, flat: per leg j from `SLEG · j` (see SLEG_*), then per zone i
   * from `zoneAt + SZONE · i` (see SZONE_*). One typed array rather than an object per leg and
   * zone: a day builds about 4,100 stretches, and their 80,000 leg and zone objects and the
   * 160,000 boxed doubles in them were a good part of what a cold day promotes to the old
   * generation.
   */
  readonly num: Float64Array;
  readonly legCount: number;
  readonly zoneCount: number;
  /** Where the zones' numbers start in `num` (SLEG · legCount). */
  readonly zoneAt: number;
  /** The legs as objects, made anew on every read (for tests and tools; `num` holds them). */
  readonly edges: StretchLeg[];
  /** The junction zones as objects, made anew on every read (for tests and tools; `num` holds them). */
  readonly zones: StretchZone[];
  /**
   * The driven polyline: only motion events for viewers and the referee read it, so it is drawn
   * on first read (the same points, from the same code, as the build would have drawn: see
   * `buildStretch`) and kept; a run without viewers never draws one.
   */
  readonly path: Point[];
  profile: SpeedProfile;
  from: number;
  to: number;
  /**
   * Times every drive of the stretch reads, from its profile, computed once when it is built so a
   * drive reads them from the stretch itself instead of the profile's arrays (each a cache miss on
   * a stretch not driven for minutes). `durationMs`: the drive's whole length in ms, rounded up;
   * `clearMs`: from the start until the vehicle's centre has left the first junction zone (the end
   * when there is none), ms; `reachMs`: from the start until it reaches the last junction zone
   * (the end when there is none), ms; `lengthM`: the profile's length, m.
   */
  durationMs: number;
  clearMs: number;
  reachMs: number;
  lengthM: number;
  /**
   * The booking plan of the traffic controller that booked it last (see `bookingPlan`), kept on the
   * stretch so a booking reads it without a look-up; null until booked. Not part of the stretch's
   * geometry, and the only field anything changes after it is built.
   */
  plan: BookingPlan | null;
}

/** Cruise cap of an edge for a vehicle, m/s: the lower of the limit and the vehicle's speed for its kind. */
export function edgeCap(graph: LaneGraph, edge: number, loaded: boolean, speeds: CruiseSpeeds): number {
  return capOf(graph.edges[edge]!, loaded, speeds);
}

/**
 * Whether the load changes some edge's cruise cap. When it does not (the smart presets cruise at
 * 18 km/h loaded or empty), loaded and empty vehicles drive the same stretches and routes, and the
 * stretch cache and the router keep one of each for both.
 */
export function loadChangesCaps(graph: LaneGraph, speeds: CruiseSpeeds): boolean {
  for (const e of graph.edges) if (capOf(e, true, speeds) !== capOf(e, false, speeds)) return true;
  return false;
}

/** `edgeCap` of the edge itself. */
function capOf(e: GraphEdge, loaded: boolean, speeds: CruiseSpeeds): number {
  const own = e.kind === 'road' ? (loaded ? speeds.loaded : speeds.empty) : e.kind === 'yard' ? speeds.yard : speeds.scanner;
  return Math.min(e.limitMps, own);
}

/**
 * Builds the stretch over `edges` (consecutive edge indices) with one lane per edge (`lanes[i]`).
 * Connectors between lane ends count as part of the following edge's segment for the speed cap
 * (the lower of the two edges' caps), so the profile covers exactly the drawn path.
 */
export function buildStretch(graph: LaneGraph, edges: readonly number[], lanes: readonly number[], loaded: boolean, speeds: CruiseSpeeds): Stretch {
  return build(graph, edges, lanes, loaded, speeds, null)!;
}

/**
 * `buildStretch`, drawing the path in scratch; or, given `drawTo`, only the path, into `drawTo`
 * (and null): how a stretch draws its path when first asked, by the same steps as its build.
 */
function build(graph: LaneGraph, edges: readonly number[], lanes: readonly number[], loaded: boolean, speeds: CruiseSpeeds, drawTo: Point[] | null): Stretch | null {
  // Everything here outlives the build (stretches are cached): class instances and arrays from no
  // literal, for performance reasons. A literal's allocation site is where V8 decides to allocate
  // long-lived objects in the old generation straight away, and when it so decides mid-run it
  // throws away every optimized function that inlined the site (a "code dependencies" deopt): on
  // a cold day this function, the booking's and the router's were compiled two or three times.
  // The path is drawn all the same (lane changes are cut where it ends), in scratch unless asked for.
  const path = drawTo === null ? PATH : drawTo;
  if (drawTo === null) PATH.length = 0;
  const n = edges.length;
  // Legs and zones straight into the arena's open chunk, room for the most zones there can be (one
  // per node passed); `take` then cuts exactly what was written.
  const base = STRETCHES.reserve(SLEG * n + SZONE * Math.max(0, n - 1));
  const num = STRETCHES.open();
  const zoneBase = base + SLEG * n;
  let zc = 0;
  // Per piece (a lane, or the chord of a lane change: at most 2 per edge), its length (m) and
  // speed cap (m/s), in scratch shared by every build (written before read; planProfile reads the
  // first `pieces`). Typed arrays rather than [] literals: an empty literal starts with small-integer
  // elements and moved to doubles in every build, and the first such move mid-run threw away the
  // optimized code of the stretch and booking functions. Shared, for performance reasons: a fresh
  // typed array this size has its store outside the heap, and making two per build was a quarter
  // of the time spent building stretches.
  if (PIECES.lengths.length < 2 * n) PIECES.grow(2 * n);
  const lengths = PIECES.lengths;
  const caps = PIECES.caps;
  let pieces = 0;
  let s = 0;
  // The first and last zones' bounds, m along the stretch (for clearMs and reachMs).
  let firstClear = -1;
  let lastReach = -1;
  for (let i = 0; i < n; i++) {
    const ei = edges[i]!;
    const e = graph.edges[ei]!;
    const lane = lanes[i]!;
    const lp = e.lanePaths[lane]!;
    const len = e.laneLengths[lane]!;
    const cap = capOf(e, loaded, speeds);
    let lead = 0; // metres of this lane replaced by the chord of a lane change
    if (path.length > 0) {
      const last = path[path.length - 1]!;
      const gap = hypot(lp[0]![0] - last[0], lp[0]![1] - last[1]);
      const node = graph.nodes[e.from]!;
      let zoneAt = s; // where the vehicle's centre passes the node: mid-chord on a lane change
      if (gap > 1e-6) {
        // Change lanes on a chord from a few metres before the node to a few metres after it,
        // never sideways: the footprint turns by a few degrees, as a vehicle steering over.
        const prevLen = lengths[pieces - 1]!;
        const trim = laneChangeCut(prevLen, len);
        lead = trim;
        trimEnd(path, trim);
        lengths[pieces - 1] = prevLen - trim;
        s -= trim;
        const from = path[path.length - 1]!;
        const to = pointAt(lp, lead);
        const chord = hypot(to[0] - from[0], to[1] - from[1]);
        lengths[pieces] = chord;
        caps[pieces] = Math.min(cap, caps[pieces - 1]!);
        pieces++;
        zoneAt = s + chord / 2;
        path.push(to);
        s += chord;
      }
      const radius = node.zoneRadiusM;
      if (radius > 0) {
        const prev = edges[i - 1]!;
        const prevLane = lanes[i - 1]!;
        const z = zoneBase + SZONE * zc;
        num[z + SZONE_NODE] = e.from;
        num[z + SZONE_AT] = zoneAt;
        num[z + SZONE_RADIUS] = radius;
        num[z + SZONE_PAIR] = prev * 65536 + ei;
        num[z + SZONE_STRAIGHT] = prevLane === lane && goesStraight(graph, prev, ei) ? 1 : 0;
        num[z + SZONE_IN_LANE] = prev * 8 + prevLane;
        num[z + SZONE_OUT_LANE] = ei * 8 + lane;
        if (zc === 0) firstClear = zoneAt + radius;
        lastReach = zoneAt - radius;
        zc++;
      }
    }
    const o = base + SLEG * i;
    num[o + SLEG_EDGE] = ei;
    num[o + SLEG_LANE] = lane;
    num[o + SLEG_START] = s - lead;
    num[o + SLEG_LENGTH] = len;
    if (lead > 0) {
      let acc = 0;
      for (let k = 1; k < lp.length; k++) {
        acc += hypot(lp[k]![0] - lp[k - 1]![0], lp[k]![1] - lp[k - 1]![1]);
        if (acc > lead + 1e-9) path.push(lp[k]!);
      }
    } else {
      for (let k = path.length > 0 && samePoint(path[path.length - 1]!, lp[0]!) ? 1 : 0; k < lp.length; k++) path.push(lp[k]!);
    }
    lengths[pieces] = len - lead;
    caps[pieces] = cap;
    pieces++;
    s += len - lead;
  }
  if (drawTo !== null) return null;
  const legsAndZones = STRETCHES.take(SLEG * n + SZONE * zc);
  const v = graph.vehicle;
  const profile = planProfile(lengths, caps, v.accelerationMps2, v.decelerationMps2, pieces);
  const first = graph.edges[edges[0]!]!;
  const last = graph.edges[edges[n - 1]!]!;
  // Only junctions have zones (pass-through and stop nodes have radius 0).
  const durationMs = Math.ceil(profile.duration * 1000);
  const clearMs = 1000 * (zc === 0 ? profile.duration : profile.timeAt(firstClear));
  const reachMs = 1000 * profile.timeAt(zc === 0 ? profile.length : lastReach);
  return new BuiltStretch(graph, loaded, speeds, legsAndZones, n, zc, profile, first.from, last.to, durationMs, clearMs, reachMs, profile.length);
}

/** A stretch as `buildStretch` makes it (a class, not a literal: see there). */
class BuiltStretch implements Stretch {
  plan: BookingPlan | null = null;
  readonly zoneAt: number;
  /** The path once drawn (see `path`). */
  private drawn: Point[] | null = null;
  constructor(
    private readonly graph: LaneGraph,
    private readonly loaded: boolean,
    private readonly speeds: CruiseSpeeds,
    readonly num: Float64Array,
    readonly legCount: number,
    readonly zoneCount: number,
    readonly profile: SpeedProfile,
    readonly from: number,
    readonly to: number,
    readonly durationMs: number,
    readonly clearMs: number,
    readonly reachMs: number,
    readonly lengthM: number,
  ) {
    this.zoneAt = SLEG * legCount;
  }

  get path(): Point[] {
    let p = this.drawn;
    if (p === null) {
      const edges = intArray();
      const lanes = intArray();
      for (let j = 0; j < this.legCount; j++) {
        edges.push(this.num[SLEG * j + SLEG_EDGE]! | 0);
        lanes.push(this.num[SLEG * j + SLEG_LANE]! | 0);
      }
      p = objectArray<Point>();
      build(this.graph, edges, lanes, this.loaded, this.speeds, p);
      this.drawn = p;
    }
    return p;
  }

  get edges(): StretchLeg[] {
    const out: StretchLeg[] = [];
    for (let j = 0; j < this.legCount; j++) {
      const o = SLEG * j;
      out.push({ edge: this.num[o + SLEG_EDGE]!, lane: this.num[o + SLEG_LANE]!, start: this.num[o + SLEG_START]!, length: this.num[o + SLEG_LENGTH]! });
    }
    return out;
  }

  get zones(): StretchZone[] {
    const out: StretchZone[] = [];
    for (let i = 0; i < this.zoneCount; i++) {
      const z = this.zoneAt + SZONE * i;
      const num = this.num;
      out.push({ node: num[z + SZONE_NODE]!, at: num[z + SZONE_AT]!, radius: num[z + SZONE_RADIUS]!, pair: num[z + SZONE_PAIR]!, straight: num[z + SZONE_STRAIGHT] === 1, inLane: num[z + SZONE_IN_LANE]!, outLane: num[z + SZONE_OUT_LANE]! });
    }
    return out;
  }
}

/** Scratch of `buildStretch`: per piece, length (m) and speed cap (m/s). */
class Pieces {
  lengths = new Float64Array(0);
  caps = new Float64Array(0);

  constructor() {
    // Written twice on purpose: V8 takes a field written once for a constant (see TrafficController).
    // Room for 512 pieces (a route of 256 edges; the presets' longest have about 60) so that the
    // growth never runs in a day: its first run, in optimized code that had never seen it, threw
    // that code away.
    this.grow(512);
  }

  grow(n: number): void {
    this.lengths = new Float64Array(n);
    this.caps = new Float64Array(n);
  }
}

const PIECES = new Pieces();

/** Scratch of `buildStretch`: the path drawn while building (see `Stretch.path`). */
const PATH = objectArray<Point>();

/** Where stretches keep their legs and zones. */
const STRETCHES = new F64Arena();

function samePoint(a: Point, b: Point): boolean {
  return Math.abs(a[0] - b[0]) < 1e-6 && Math.abs(a[1] - b[1]) < 1e-6;
}

/** True when edge `b` continues edge `a` in (nearly) the same direction: a vehicle passing keeps its course. */
function goesStraight(graph: LaneGraph, a: number, b: number): boolean {
  const ca = graph.edges[a]!.centre;
  const cb = graph.edges[b]!.centre;
  const p = ca[ca.length - 2]!;
  const q = ca[ca.length - 1]!;
  const r = cb[1]!;
  const ux = q[0] - p[0];
  const uy = q[1] - p[1];
  const vx = r[0] - q[0];
  const vy = r[1] - q[1];
  const cos = (ux * vx + uy * vy) / (hypot(ux, uy) * hypot(vx, vy) || 1);
  return cos > COS_10;
}

/** cos 10°: a vehicle turning less than this keeps its course (`goesStraight`). */
const COS_10 = Math.cos((10 * Math.PI) / 180);

/** How far before and after a node a lane change starts and ends, metres (at most). */
export const LANE_CHANGE_M = 8;

/**
 * How far (m) a lane change's chord cuts into the lane it leaves (`lenBefore` long) and the lane it
 * takes (`lenAfter` long): LANE_CHANGE_M, less on short lanes. Passage geometry draws the same chord.
 */
export function laneChangeCut(lenBefore: number, lenAfter: number): number {
  return Math.min(LANE_CHANGE_M, 0.45 * lenBefore, 0.45 * lenAfter);
}

/** Removes the last `d` metres of a polyline in place (ending at the interpolated point). */
function trimEnd(path: Point[], d: number): void {
  let left = d;
  while (path.length >= 2 && left > 0) {
    const b = path[path.length - 1]!;
    const a = path[path.length - 2]!;
    const len = hypot(b[0] - a[0], b[1] - a[1]);
    if (len <= left + 1e-12) {
      path.pop();
      left -= len;
    } else {
      const f = (len - left) / len;
      path[path.length - 1] = doublePair(a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]));
      left = 0;
    }
  }
}

/** The point at distance d along a polyline. */
function pointAt(path: readonly Point[], d: number): Point {
  let left = d;
  for (let k = 1; k < path.length; k++) {
    const a = path[k - 1]!;
    const b = path[k]!;
    const len = hypot(b[0] - a[0], b[1] - a[1]);
    if (len >= left) {
      const f = len > 0 ? left / len : 0;
      return doublePair(a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]));
    }
    left -= len;
  }
  return path[path.length - 1]!;
}
