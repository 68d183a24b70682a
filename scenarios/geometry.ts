/**
 * Plane geometry on the layout grid (metres, x east, y north) for the layout checks: lengths,
 * point in polygon, segment intersection. Exact enough for layouts of a few km; collinearity and
 * "on the boundary" use a tolerance of 1 mm.
 */

import type { Point } from '../sim-core/src/model/scenario.ts';

/** Distances below this count as zero (metres). */
const EPS_M = 1e-3;

/** Length of a polyline in metres. */
export function polylineLength(path: readonly Point[]): number {
  let total = 0;
  for (let i = 1; i < path.length; i++) total += distance(path[i - 1]!, path[i]!);
  return total;
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(b[0] - a[0], b[1] - a[1]);
}

/** Signed area of a polygon (positive when counter-clockwise), square metres. */
export function signedArea(polygon: readonly Point[]): number {
  let twice = 0;
  for (let i = 0; i < polygon.length; i++) {
    const [x1, y1] = polygon[i]!;
    const [x2, y2] = polygon[(i + 1) % polygon.length]!;
    twice += x1 * y2 - x2 * y1;
  }
  return twice / 2;
}

/** Cross product of (b - a) and (c - a): > 0 when c is left of a→b. */
function cross(a: Point, b: Point, c: Point): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

/** Distance from p to the segment a–b. */
function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return distance(p, a);
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** True when segments a–b and c–d share at least one point (touching counts). */
export function segmentsIntersect(a: Point, b: Point, c: Point, d: Point): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (
    distanceToSegment(a, c, d) < EPS_M ||
    distanceToSegment(b, c, d) < EPS_M ||
    distanceToSegment(c, a, b) < EPS_M ||
    distanceToSegment(d, a, b) < EPS_M
  );
}

/**
 * The first pair of edges (by index; edge i runs from corner i to corner i+1, the last back to
 * corner 0) that cross or touch although they are not neighbours, or undefined for a simple polygon.
 */
export function selfIntersection(polygon: readonly Point[]): [number, number] | undefined {
  const n = polygon.length;
  if (n < 4) return undefined;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // neighbours through the closing corner
      const a = polygon[i]!;
      const b = polygon[(i + 1) % n]!;
      const c = polygon[j]!;
      const d = polygon[(j + 1) % n]!;
      if (segmentsIntersect(a, b, c, d)) return [i, j];
    }
  }
  return undefined;
}

/** True when p lies inside the polygon or on its boundary (within 1 mm). */
export function pointInPolygon(p: Point, polygon: readonly Point[]): boolean {
  const n = polygon.length;
  let inside = false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (distanceToSegment(p, a, b) < EPS_M) return true;
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

/** True when the two polylines share a point. */
export function polylinesIntersect(p: readonly Point[], q: readonly Point[]): boolean {
  for (let i = 1; i < p.length; i++) {
    for (let j = 1; j < q.length; j++) {
      if (segmentsIntersect(p[i - 1]!, p[i]!, q[j - 1]!, q[j]!)) return true;
    }
  }
  return false;
}

/** `(12.5, -40)`: a point for messages, rounded to centimetres. */
export function formatPoint(p: Point): string {
  const r = (v: number): string => String(Math.round(v * 100) / 100);
  return `(${r(p[0])}, ${r(p[1])})`;
}
