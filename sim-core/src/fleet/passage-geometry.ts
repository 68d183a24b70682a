import type { Point } from '../model/scenario.ts';
import type { LaneGraph } from './lane-graph.ts';
import { clipArc, clipEnd, clipStart, hypot, polylineLength } from './polyline.ts';
import { LANE_CHANGE_M, laneChangeCut } from './stretch.ts';
import { FOOTPRINT_MARGIN_M, pointClearance, rectMeets, STANDING, sweptFootprint, type SweptFootprint } from './swept-footprint.ts';
import { doublePair, f64, objectArray } from '../kernel/shapes.ts';
import { AT_SEGMENT, Driven, drivenPath } from './driven-path.ts';

/**
 * A junction passage: the node, the lanes in and out (edge · 8 + lane), and its key: a small whole
 * number naming it (its id in PassageConflicts), where its geometry is cached.
 */
export interface Passage {
  node: number;
  inLane: number;
  outLane: number;
  key: number;
}

/**
 * Where a vehicle drives on a junction passage and what its footprint sweeps there: its driven
 * path (lanes and lane-change chord, as buildStretch draws them) and its routes on through short
 * neighbouring lanes, how far either side of the node it is held (`reach`), the footprint swept
 * within that reach, and the stretch of it where its footprint meets another's (`spanAgainst`).
 * Pure functions of the lane graph, cached per passage.
 */
export class PassageGeometry {
  /**
   * What is known of each passage, by key: an array look-up, where maps by key were a good part of
   * a cold day's pair stretches and booking plans (`reach` runs for every zone of every plan, 37,000
   * times a day).
   */
  private readonly known = objectArray<Known>();
  /**
   * How far beyond its zone radius a passage is held where its route is known, metres: a lane
   * change's chord (from at most LANE_CHANGE_M before the node) turns its footprint across the
   * neighbouring lane beyond the zone radius, by about half a vehicle width more. (Huu Nghi 2030,
   * 8 m let the referee find overlaps of 0.1 m just past it.)
   */
  readonly extraM: number;
  /**
   * What the clearance of a sample must exceed before any sample near it can be skipped, m: the
   * circle around a footprint grown by half the test's margin, plus a step (see `clearance`).
   */
  private readonly clearRadiusM: number;

  constructor(
    private readonly graph: LaneGraph,
    /** False: `spanAgainst` tests every sample, the plain scan its skips must agree with (tests). */
    private readonly skipClear = true,
  ) {
    this.extraM = LANE_CHANGE_M + graph.vehicle.widthM / 2;
    const g = (FOOTPRINT_MARGIN_M + SPAN_STEP_M) / 2;
    this.clearRadiusM = hypot(graph.vehicle.lengthM / 2 + g, graph.vehicle.widthM / 2 + g) + SPAN_STEP_M;
  }

  /** What is known of the passage with key `key` (see `known`). */
  private knownOf(key: number): Known {
    const known = this.known;
    while (known.length <= key) known.push(new Known());
    return known[key]!;
  }

  /** The centre line of lane `key` (edge · 8 + lane). */
  private lanePath(key: number): readonly Point[] {
    return this.graph.edges[Math.floor(key / 8)]!.lanePaths[key % 8]!;
  }

  /**
   * The path a vehicle's centre drives on passage `p` (the lane in, the chord of a lane change if
   * any, the lane out) and where on it the centre passes the node (metres; mid-chord on a lane
   * change), as buildStretch draws it; null for a lane change whose chord depends on the stretch:
   * buildStretch starts a chord at most `cut` metres before the node, less only when a lane change
   * at the start of a short lane in left less of it.
   */
  private driven(p: Passage): Driven | null {
    const k = this.knownOf(p.key);
    let d = k.driven;
    if (d === undefined) {
      const { inLane, outLane } = p;
      const inPath = this.lanePath(inLane);
      const outPath = this.lanePath(outLane);
      const inLen = polylineLength(inPath);
      const outLen = polylineLength(outPath);
      const end = inPath[inPath.length - 1]!;
      if (hypot(outPath[0]![0] - end[0], outPath[0]![1] - end[1]) <= 1e-6) d = drivenPath([...inPath, ...outPath.slice(1)], inLen);
      else {
        const cut = laneChangeCut(inLen, outLen);
        if (0.45 * (inLen - LANE_CHANGE_M) < cut && this.laneChangeInto(Math.floor(inLane / 8), inPath[0]!)) d = null;
        else {
          const before = clipStart(inPath, inLen - cut);
          const after = clipEnd(outPath, outLen - cut);
          const p = before[before.length - 1]!;
          const q = after[0]!;
          d = drivenPath([...before, ...after], inLen - cut + hypot(q[0] - p[0], q[1] - p[1]) / 2);
        }
      }
      k.driven = d;
    }
    return d;
  }

  /**
   * The paths a vehicle on passage `p` may drive around the node (see `driven`), each with where
   * its centre passes the node, and how far (metres) each side of that all of them are known: where
   * a lane of the passage is shorter than its zone radius plus this.extraM, the path goes on
   * along each lane that joins it straight (no lane change there; a U-turn is no route), one per
   * lane; where no lane joins, no vehicle comes from (or goes) beyond, known as far as needed.
   * Null when the passage's own chord is not known.
   */
  private routes(p: Passage): Routes | null {
    const k = this.knownOf(p.key);
    let rs = k.routes;
    if (rs === undefined) {
      const d = this.driven(p);
      if (d === null) rs = null;
      else {
        const { node, inLane, outLane } = p;
        const far = this.graph.nodes[node]!.zoneRadiusM + this.extraM;
        let paths = objectArray<Driven>();
        paths.push(d);
        let back = d.at;
        let ahead = polylineLength(d.path) - d.at;
        if (back < far) {
          const before = this.joining(inLane, 'before');
          if (before !== null) {
            back = before.length === 0 ? far : back + shortest(before);
            if (before.length > 0) {
              // Each route so far after each lane joining it (loops, not closures: see spanAgainst).
              const longer = objectArray<Driven>();
              for (let r = 0; r < paths.length; r++) {
                const rp = paths[r]!;
                for (let i = 0; i < before.length; i++) longer.push(drivenPath(joined(before[i]!, rp.path), rp.at + polylineLength(before[i]!)));
              }
              paths = longer;
            }
          }
        }
        if (ahead < far) {
          const after = this.joining(outLane, 'after');
          if (after !== null) {
            ahead = after.length === 0 ? far : ahead + shortest(after);
            if (after.length > 0) {
              const longer = objectArray<Driven>();
              for (let r = 0; r < paths.length; r++) {
                const rp = paths[r]!;
                for (let i = 0; i < after.length; i++) longer.push(drivenPath(joined(rp.path, after[i]!), rp.at));
              }
              paths = longer;
            }
          }
        }
        rs = new Routes(paths, f64(back), f64(ahead));
      }
      k.routes = rs;
    }
    return rs;
  }

  /**
   * The lanes that join lane `key` (edge · 8 + lane) straight where it starts (`before`: lanes
   * ending there) or ends (`after`: lanes starting there), the reverse edge's left out; null when a
   * lane there meets it only with a lane change.
   */
  private joining(key: number, side: 'before' | 'after'): Point[][] | null {
    const edge = this.graph.edges[Math.floor(key / 8)]!;
    const own = edge.lanePaths[key % 8]!;
    const q = side === 'before' ? own[0]! : own[own.length - 1]!;
    const u = this.graph.nodes[side === 'before' ? edge.from : edge.to]!;
    const out: Point[][] = [];
    for (const ei of side === 'before' ? u.in : u.out) {
      if (ei === edge.reverse) continue;
      for (const lane of this.graph.edges[ei]!.lanePaths) {
        const p = side === 'before' ? lane[lane.length - 1]! : lane[0]!;
        if (hypot(p[0] - q[0], p[1] - q[1]) > 1e-6) return null;
        out.push(lane);
      }
    }
    return out;
  }

  /** Whether a vehicle can change lanes onto edge `e` where it starts (some lane into its start node ends away from `start`). */
  private laneChangeInto(e: number, start: Point): boolean {
    const u = this.graph.nodes[this.graph.edges[e]!.from]!;
    for (const ei of u.in) {
      for (const path of this.graph.edges[ei]!.lanePaths) {
        const end = path[path.length - 1]!;
        if (hypot(end[0] - start[0], end[1] - start[1]) > 1e-6) return true;
      }
    }
    return false;
  }

  /**
   * The footprint swept on passage `p` while its centre is within `reach` metres of where it passes
   * the node (along its driven path; where that is not known, along both lanes from the node, and
   * anywhere, at any heading, around the chord's possible ends).
   */
  private sweptWithin(p: Passage, reach: number): SweptFootprint {
    const v = this.graph.vehicle;
    const d = this.driven(p);
    if (d !== null) return sweptFootprint([clipArc(d.path, d.at - reach, d.at + reach)], v.lengthM, v.widthM);
    const { inLane, outLane } = p;
    const inPath = this.lanePath(inLane);
    const outPath = this.lanePath(outLane);
    const cut = laneChangeCut(polylineLength(inPath), polylineLength(outPath));
    // Measured from mid-chord: up to a chord's end farther along each lane.
    return sweptFootprint([clipEnd(inPath, reach + cut), clipStart(outPath, reach + cut)], v.lengthM, v.widthM, [[...clipEnd(inPath, cut), ...clipStart(outPath, cut)]]);
  }

  /**
   * The footprint swept by passage `p` while its centre is within its reach of the node (see
   * `reach`), along every route it may take; where its route is not known that far, along its lanes
   * (and anywhere around an unknown chord) to the reach or half a vehicle beyond the zone.
   */
  swept(p: Passage): SweptFootprint {
    const k = this.knownOf(p.key);
    let f = k.swept;
    if (f === null) {
      const v = this.graph.vehicle;
      const rs = this.routes(p);
      const r = this.reach(p);
      const back = r[0];
      const ahead = r[1];
      if (rs !== null && this.followsPath(p)) {
        const clipped = objectArray<Point[]>();
        for (let i = 0; i < rs.paths.length; i++) {
          const d = rs.paths[i]!;
          clipped.push(clipArc(d.path, d.at - back, d.at + ahead));
        }
        f = sweptFootprint(clipped, v.lengthM, v.widthM);
      } else f = this.sweptWithin(p, Math.max(back, ahead, this.graph.nodes[p.node]!.zoneRadiusM + v.lengthM / 2));
      k.swept = f;
    }
    return f;
  }

  /** Whether passage `p`'s routes are known at least its zone radius either side (else its whole zone is its stretch against others). */
  followsPath(p: Passage): boolean {
    const r = this.graph.nodes[p.node]!.zoneRadiusM;
    const rs = this.routes(p);
    return rs !== null && rs.back >= r && rs.ahead >= r;
  }

  /**
   * How far before and after the node (metres along its path from where the centre passes it) a
   * vehicle on passage `p` is held for junctions: along its routes up to its zone radius plus
   * this.extraM, so that its stretch against another covers every position from which its
   * footprint can reach the other's (a neighbour's chord reaches beyond the zone); where the routes
   * are known less far, that far but at least the zone radius (the whole of it then its stretch
   * against every conflicting passage); with an unknown chord, the zone radius plus the extra.
   */
  reach(p: Passage): readonly [number, number] {
    const k = this.knownOf(p.key);
    let pair = k.reach;
    if (pair === null) {
      const r = this.graph.nodes[p.node]!.zoneRadiusM;
      const far = r + this.extraM;
      const rs = this.routes(p);
      pair = rs === null ? doublePair(r, r) : doublePair(Math.max(r, Math.min(far, rs.back)), Math.max(r, Math.min(far, rs.ahead)));
      k.reach = pair;
    }
    return pair;
  }

  /**
   * The stretch [lo, hi] of passage `p` (metres from where its centre passes the node, within its
   * zone radius r) where its footprint comes within the margin of `other`: the whole zone where its
   * driven path is not known or does not cover the zone, else from footprints every SPAN_STEP_M
   * along it, each tested with the margin grown by a step (any footprint between two samples, a
   * heading jump at a vertex included, lies within a step of one of them), widened by a step.
   */
  spanAgainst(p: Passage, other: SweptFootprint): [number, number] {
    // Written for the interpreter as much as for the optimizing compiler (no destructuring, no
    // closure, no for-of: each allocates there): most pair stretches are computed early in a
    // process's first run, before this code is optimized.
    const reach = this.reach(p);
    const back = reach[0];
    const ahead = reach[1];
    if (!this.followsPath(p)) return [-back, ahead];
    const routes = this.routes(p)!.paths;
    const first = -Math.ceil(back / SPAN_STEP_M);
    const last = Math.ceil(ahead / SPAN_STEP_M);
    // Only the first and the last position that meets matter: scan in from both ends. Where the
    // footprint stands clear of `other`, the samples it cannot reach from there are skipped
    // (`clearance`): they would not meet, so the stretch is the same, at a fraction of the tests.
    // The clearance changes by at most the distance moved, so after a negative one it is not
    // asked again until it could have become positive.
    let lo = Infinity;
    for (let i = first, ask = first; i <= last; ) {
      const s = position(i, back, ahead);
      if (this.skipClear && i >= ask) {
        const free = this.clearance(routes, s, other);
        if (free > 0) {
          i += Math.ceil(free / SPAN_STEP_M);
          ask = i;
          continue;
        }
        ask = i + Math.max(1, Math.floor(-free / SPAN_STEP_M));
      }
      if (this.meetsAt(routes, s, other)) {
        lo = s;
        break;
      }
      i++;
    }
    if (lo === Infinity) return [1, 0];
    let hi = lo;
    for (let i = last, ask = last; position(i, back, ahead) > lo; ) {
      const s = position(i, back, ahead);
      if (this.skipClear && i <= ask) {
        const free = this.clearance(routes, s, other);
        if (free > 0) {
          i -= Math.ceil(free / SPAN_STEP_M);
          ask = i;
          continue;
        }
        ask = i - Math.max(1, Math.floor(-free / SPAN_STEP_M));
      }
      if (this.meetsAt(routes, s, other)) {
        hi = s;
        break;
      }
      i--;
    }
    return [Math.max(-back, lo - SPAN_STEP_M), Math.min(ahead, hi + SPAN_STEP_M)];
  }

  /**
   * How far (m) the footprint's centre can move along its routes from `s` (metres from where it
   * passes the node) with no sample of `meetsAt` meeting `other`: along a path the centre moves no
   * farther (in a straight line) than the distance driven, every footprint `meetsAt` tests lies
   * within a step of that centre (at a vertex, the neighbouring segment's) and within its
   * circumscribed circle (the margin grown as there), so where the centre stands farther than
   * that circle and a step from every grown rectangle of `other`, nothing within the difference
   * meets. A route not yet begun or already ended counts from its nearest end (the centre comes
   * from there). At most 0 when no such room is known.
   */
  private clearance(routes: readonly Driven[], s: number, other: SweptFootprint): number {
    const g = (FOOTPRINT_MARGIN_M + SPAN_STEP_M) / 2;
    let room = Infinity;
    for (let r = 0; r < routes.length; r++) {
      const d = routes[r]!;
      const path = d.path;
      // Past the end, the end itself (no branch for it: one first taken mid-run threw this code away).
      const k = d.segmentAt(Math.max(0, d.at + s), true);
      if (k < 0) continue; // a path of one point: no footprint
      const len = d.lens[k]!;
      const a = path[k]!;
      const b = path[k + 1]!;
      const f = len > 1e-9 ? AT_SEGMENT.rest / len : 0;
      room = Math.min(room, pointClearance(a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), other, g));
    }
    // A micrometre below the bound, so that rounding in either computation never skips a sample that meets.
    return room - this.clearRadiusM - 1e-6;
  }

  /**
   * Whether on some route the footprint with its centre `s` metres from where it passes the node
   * comes within the margin of `other`, the margin grown by a step (see `spanAgainst`). Before a
   * route's start or past its end there is no vehicle (no lane joins there).
   */
  private meetsAt(routes: readonly Driven[], s: number, other: SweptFootprint): boolean {
    const v = this.graph.vehicle;
    const m = FOOTPRINT_MARGIN_M + SPAN_STEP_M;
    // The standing footprint's half length and width; its centre and heading per test.
    const rect = STANDING;
    rect[4] = v.lengthM / 2;
    rect[5] = v.widthM / 2;
    for (let r = 0; r < routes.length; r++) {
      const d = routes[r]!;
      const path = d.path;
      const k = d.at + s < 0 ? -1 : d.segmentAt(d.at + s, false);
      if (k >= 0) {
        const left = AT_SEGMENT.rest;
        const len = d.lens[k]!;
        const a = path[k]!;
        const b = path[k + 1]!;
        if (len > 1e-9) {
          rect[0] = a[0] + (left / len) * (b[0] - a[0]);
          rect[1] = a[1] + (left / len) * (b[1] - a[1]);
          if (headedMeets(rect, d, k, other, m)) return true;
        }
        // Within a step of a vertex, the footprint there along the segment on its other side too:
        // a segment shorter than a step may hold no sample of its own.
        if (len - left <= SPAN_STEP_M && k + 2 < path.length) {
          rect[0] = b[0];
          rect[1] = b[1];
          if (headedMeets(rect, d, k + 1, other, m)) return true;
        }
        if (left <= SPAN_STEP_M && k > 0) {
          rect[0] = a[0];
          rect[1] = a[1];
          if (headedMeets(rect, d, k - 1, other, m)) return true;
        }
      }
    }
    return false;
  }

}

/** Distance between the footprints tested along a passage for its stretch against another, metres. */
const SPAN_STEP_M = 0.25;

/**
 * Whether the standing footprint `rect` (its centre already written), heading along segment `k` of
 * `d`, comes within `m` metres of `other`; false for a segment of no length. Given the segment,
 * not its numbers: a number with a fraction passed to a call V8 does not inline is boxed.
 */
function headedMeets(rect: Float64Array, d: Driven, k: number, other: SweptFootprint, m: number): boolean {
  const len = d.lens[k]!;
  if (!(len > 1e-9)) return false;
  const a = d.path[k]!;
  const b = d.path[k + 1]!;
  rect[2] = (b[0] - a[0]) / len;
  rect[3] = (b[1] - a[1]) / len;
  return rectMeets(rect, 0, other, m);
}

/** The shortest of `lanes`' lengths, m (`lanes` not empty). */
function shortest(lanes: readonly (readonly Point[])[]): number {
  let min = polylineLength(lanes[0]!);
  for (let i = 1; i < lanes.length; i++) min = Math.min(min, polylineLength(lanes[i]!));
  return min;
}

/** The points of `a`, then those of `b` but its first (where `a` ends). */
function joined(a: readonly Point[], b: readonly Point[]): Point[] {
  const out = objectArray<Point>();
  for (let k = 0; k < a.length; k++) out.push(a[k]!);
  for (let k = 1; k < b.length; k++) out.push(b[k]!);
  return out;
}

/** Sample `i`'s position along a passage held `back` metres before its node and `ahead` after (m). */
function position(i: number, back: number, ahead: number): number {
  return Math.max(-back, Math.min(ahead, i * SPAN_STEP_M));
}

/**
 * The paths around a passage's node and how far each side of it (metres) they are all known. (This
 * and `Driven` are classes, not literals, for performance reasons: they are cached; see
 * `objectArray` in kernel/shapes.ts on long-lived literals.)
 */
class Routes {
  constructor(
    readonly paths: Driven[],
    readonly back: number,
    readonly ahead: number,
  ) {}
}

/**
 * What is known of one passage (see `PassageGeometry.known`): undefined (driven path, routes) or
 * null (footprint, reach) until computed; a driven path or routes may be computed as null.
 */
class Known {
  driven: Driven | null | undefined = undefined;
  routes: Routes | null | undefined = undefined;
  swept: SweptFootprint | null = null;
  reach: readonly [number, number] | null = null;
}
