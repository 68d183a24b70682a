/**
 * Layout grid ↔ scene. The layout is metres with x east and y north; three.js is y up, so the
 * scene uses x = east, z = −north. Headings are radians clockwise from north; an object modelled
 * facing −z (north) turns by −heading about y.
 */

import type { Point } from '../../../sim-core/src/model/scenario.ts';

/**
 * Writes a rotation about y by −heading, a scale of `scaleY` along y, then a translation, into a
 * column-major 4×4 at `o` (instance matrices written straight into their buffer, no Object3D).
 */
export function writeYawMatrix(a: Float32Array, o: number, x: number, height: number, y: number, heading: number, scaleY = 1): void {
  const c = Math.cos(heading);
  const s = Math.sin(heading);
  // makeRotationY(−heading): [c 0 −s; 0 1 0; s 0 c] in column-major order with the sign folded in.
  a[o] = c;
  a[o + 1] = 0;
  a[o + 2] = s;
  a[o + 3] = 0;
  a[o + 4] = 0;
  a[o + 5] = scaleY;
  a[o + 6] = 0;
  a[o + 7] = 0;
  a[o + 8] = -s;
  a[o + 9] = 0;
  a[o + 10] = c;
  a[o + 11] = 0;
  a[o + 12] = x;
  a[o + 13] = height;
  a[o + 14] = -y;
  a[o + 15] = 1;
}

/**
 * Writes yaw (about y by −heading) then roll (about the object's own z by `roll` radians), then a
 * translation to scene (sx, sy, sz): what an Object3D with rotation (0, −heading, roll) in order
 * 'YXZ' gives, without composing through a quaternion.
 */
export function writeYawRollMatrix(a: Float32Array, o: number, sx: number, sy: number, sz: number, heading: number, roll: number): void {
  const cy = Math.cos(heading);
  const sny = -Math.sin(heading); // sin(−heading)
  const cz = Math.cos(roll);
  const sz2 = Math.sin(roll);
  // Ry(−heading) · Rz(roll), column by column.
  a[o] = cy * cz;
  a[o + 1] = sz2;
  a[o + 2] = -sny * cz;
  a[o + 3] = 0;
  a[o + 4] = -cy * sz2;
  a[o + 5] = cz;
  a[o + 6] = sny * sz2;
  a[o + 7] = 0;
  a[o + 8] = sny;
  a[o + 9] = 0;
  a[o + 10] = cy;
  a[o + 11] = 0;
  a[o + 12] = sx;
  a[o + 13] = sy;
  a[o + 14] = sz;
  a[o + 15] = 1;
}

/** Bounding box of points: [minX, minY, maxX, maxY]. */
export function bounds(points: readonly Point[]): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of points) {
    if (x < x0) x0 = x;
    if (y < y0) y0 = y;
    if (x > x1) x1 = x;
    if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}

/** Area-weighted centroid of a simple polygon (falls back to the vertex mean when degenerate). */
export function centroid(polygon: readonly Point[]): Point {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < polygon.length; i++) {
    const [x1, y1] = polygon[i]!;
    const [x2, y2] = polygon[(i + 1) % polygon.length]!;
    const f = x1 * y2 - x2 * y1;
    a += f;
    cx += (x1 + x2) * f;
    cy += (y1 + y2) * f;
  }
  if (Math.abs(a) < 1e-9) {
    const n = polygon.length;
    return [polygon.reduce((s, p) => s + p[0], 0) / n, polygon.reduce((s, p) => s + p[1], 0) / n];
  }
  return [cx / (3 * a), cy / (3 * a)];
}
