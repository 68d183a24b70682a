/**
 * Plane geometry the layout review needs beyond scenarios/geometry.ts: lane polylines, the part of
 * a segment strictly inside a polygon, distances between segments, crossings, trimming a polyline
 * and the deflection at a vertex. Metres on the site grid (x east, y north).
 */

import type { LaneNetwork, NetworkEdge, NetworkNode, Point } from '../../sim-core/src/model/scenario.ts';
import { offsetPolyline } from '../../sim-core/src/fleet/polyline.ts';
import { pointInPolygon } from '../geometry.ts';

/** `LaneNetwork.laneWidthM` when the scenario leaves it out, metres (as the fleet's lane graph). */
export const DEFAULT_LANE_WIDTH_M = 3.75;

/** Below this, distances count as zero (metres), as in scenarios/geometry.ts. */
const EPS_M = 1e-3;

/** The centreline an edge's vehicles drive: from-node, via points, to-node. */
export function edgePolyline(edge: NetworkEdge, nodes: ReadonlyMap<string, NetworkNode>): Point[] {
  const from = nodes.get(edge.from);
  const to = nodes.get(edge.to);
  if (from === undefined || to === undefined) return [];
  return [from.position, ...(edge.via ?? []), to.position];
}

/**
 * The centre polyline of every lane of an edge, as the fleet drives them (`NetworkEdge.offsetM`):
 * the first lane `offsetM` to the right of the centreline, the others one lane width further right;
 * by default half a lane width right when the reverse edge exists, else the lanes centred.
 */
export function laneCentrelines(edge: NetworkEdge, line: readonly Point[], laneWidthM: number, hasReverse: boolean): Point[][] {
  const first = edge.offsetM ?? (hasReverse ? laneWidthM / 2 : (-(edge.lanes - 1) * laneWidthM) / 2);
  return Array.from({ length: edge.lanes }, (_, k) => offsetPolyline(line, first + k * laneWidthM));
}

export function nodeMap(network: LaneNetwork): Map<string, NetworkNode> {
  return new Map(network.nodes.map((n) => [n.id, n]));
}

function lerp(a: Point, b: Point, t: number): Point {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

/** Parameter t in [0, 1] where segment a–b crosses segment c–d, or undefined when it does not. */
function crossingParam(a: Point, b: Point, c: Point, d: Point): number | undefined {
  const rx = b[0] - a[0];
  const ry = b[1] - a[1];
  const sx = d[0] - c[0];
  const sy = d[1] - c[1];
  const den = rx * sy - ry * sx;
  if (den === 0) return undefined; // parallel: no single crossing point
  const t = ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / den;
  const u = ((c[0] - a[0]) * ry - (c[1] - a[1]) * rx) / den;
  return t >= 0 && t <= 1 && u >= 0 && u <= 1 ? t : undefined;
}

/** The point where segments a–b and c–d cross, or undefined. */
export function segmentCrossing(a: Point, b: Point, c: Point, d: Point): Point | undefined {
  const t = crossingParam(a, b, c, d);
  return t === undefined ? undefined : lerp(a, b, t);
}

/** Distance from p to the polygon's boundary, metres. */
function distanceToBoundary(p: Point, polygon: readonly Point[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < polygon.length; i++) {
    best = Math.min(best, pointSegment(p, polygon[i]!, polygon[(i + 1) % polygon.length]!).d);
  }
  return best;
}

/**
 * Where segment a–b first enters the polygon's interior (more than 1 mm inside), or undefined
 * when it never does: running along or touching the boundary is not entering.
 */
export function entryIntoPolygon(a: Point, b: Point, polygon: readonly Point[]): Point | undefined {
  const ts = [0, 1];
  for (let i = 0; i < polygon.length; i++) {
    const t = crossingParam(a, b, polygon[i]!, polygon[(i + 1) % polygon.length]!);
    if (t !== undefined) ts.push(t);
  }
  ts.sort((x, y) => x - y);
  for (let k = 1; k < ts.length; k++) {
    if (ts[k]! - ts[k - 1]! < 1e-12) continue;
    const mid = lerp(a, b, (ts[k - 1]! + ts[k]!) / 2);
    if (pointInPolygon(mid, polygon) && distanceToBoundary(mid, polygon) > EPS_M) return lerp(a, b, ts[k - 1]!);
  }
  return undefined;
}

/** Closest point on segment a–b to p, and its distance. */
export function pointSegment(p: Point, a: Point, b: Point): { d: number; at: Point } {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  const at: Point = [a[0] + t * dx, a[1] + t * dy];
  return { d: Math.hypot(p[0] - at[0], p[1] - at[1]), at };
}

/** Smallest distance between segments a–b and c–d, and the point on a–b where it occurs. */
export function segmentDistance(a: Point, b: Point, c: Point, d: Point): { d: number; at: Point } {
  const hit = segmentCrossing(a, b, c, d);
  if (hit !== undefined) return { d: 0, at: hit };
  const candidates = [
    { d: pointSegment(a, c, d).d, at: a },
    { d: pointSegment(b, c, d).d, at: b },
    pointSegment(c, a, b),
    pointSegment(d, a, b),
  ];
  return candidates.reduce((best, x) => (x.d < best.d ? x : best));
}

/** The part of a polyline from `cutStart` metres after its start to `cutEnd` metres before its end. */
export function trimPolyline(path: readonly Point[], cutStart: number, cutEnd: number): Point[] {
  let total = 0;
  for (let i = 1; i < path.length; i++) total += Math.hypot(path[i]![0] - path[i - 1]![0], path[i]![1] - path[i - 1]![1]);
  const from = cutStart;
  const to = total - cutEnd;
  if (to - from <= EPS_M) return [];
  const out: Point[] = [];
  let s = 0;
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1]!;
    const b = path[i]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const s0 = s;
    const s1 = s + len;
    s = s1;
    if (s1 < from || s0 > to || len === 0) continue;
    if (out.length === 0) out.push(lerp(a, b, Math.max(0, (from - s0) / len)));
    out.push(lerp(a, b, Math.min(1, (to - s0) / len)));
    if (s1 >= to) break;
  }
  return out;
}

/** Change of direction at b when driving a → b → c, degrees in [0, 180]. */
export function deflectionDeg(a: Point, b: Point, c: Point): number {
  const h1 = Math.atan2(b[1] - a[1], b[0] - a[0]);
  const h2 = Math.atan2(c[1] - b[1], c[0] - b[0]);
  let d = Math.abs(h2 - h1);
  if (d > Math.PI) d = 2 * Math.PI - d;
  return (d * 180) / Math.PI;
}

/**
 * Largest radius of an arc tangent to both legs of a corner with deflection θ (degrees), when the
 * arc may use `a` metres of the incoming leg and `b` of the outgoing one: min(a, b) / tan(θ/2).
 */
export function fittingRadius(thetaDeg: number, a: number, b: number): number {
  const half = (thetaDeg * Math.PI) / 360;
  if (half >= Math.PI / 2 - 1e-9) return 0;
  return Math.min(a, b) / Math.tan(half);
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(b[0] - a[0], b[1] - a[1]);
}
