/**
 * Static geometry of a layout, each kind merged into ONE BufferGeometry with vertex colours so the
 * whole ground (zones, outlines, roads, lane network, zero line) costs a handful of draw calls
 * whatever the number of zones. Built when the scenario or the zone visibility changes, never per
 * frame.
 */

import { BufferGeometry, Color, Float32BufferAttribute, ShapeUtils, Vector2 } from 'three';
import type { Point } from '../../../sim-core/src/model/scenario.ts';
import type { LayoutPayload } from '../../../sim-core/src/stream/protocol.ts';
import { COLORS, ZONE_COLORS } from './palette.ts';

const scratch = new Color();

function geometry(positions: number[], colors: number[], indices?: number[]): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute('position', new Float32BufferAttribute(positions, 3));
  g.setAttribute('color', new Float32BufferAttribute(colors, 3));
  if (indices !== undefined) g.setIndex(indices);
  g.computeBoundingSphere();
  return g;
}

/** Appends a filled polygon at height h (triangulated, ears). */
function pushPolygon(poly: readonly Point[], h: number, color: number, pos: number[], col: number[], idx: number[]): void {
  const base = pos.length / 3;
  const contour = poly.map(([x, y]) => new Vector2(x, y));
  if (ShapeUtils.isClockWise(contour)) contour.reverse();
  const tris = ShapeUtils.triangulateShape(contour, []);
  scratch.setHex(color);
  for (const v of contour) {
    pos.push(v.x, h, -v.y);
    col.push(scratch.r, scratch.g, scratch.b);
  }
  for (const tri of tris) idx.push(base + tri[0]!, base + tri[1]!, base + tri[2]!);
}

/**
 * Appends a flat ribbon of `width` metres along a polyline at height h (mitred corners, so long
 * routes stay one strip).
 */
export function pushRibbon(path: readonly Point[], width: number, h: number, color: number, pos: number[], col: number[], idx: number[]): void {
  if (path.length < 2) return;
  const half = width / 2;
  const base = pos.length / 3;
  scratch.setHex(color);
  for (let i = 0; i < path.length; i++) {
    const p = path[i]!;
    const prev = path[Math.max(0, i - 1)]!;
    const next = path[Math.min(path.length - 1, i + 1)]!;
    let dx = next[0] - prev[0];
    let dy = next[1] - prev[1];
    const len = Math.hypot(dx, dy) || 1;
    dx /= len;
    dy /= len;
    // Mitre: the normal of the averaged direction, lengthened so both edges keep `width`.
    let mitre = 1;
    if (i > 0 && i < path.length - 1) {
      const ax = p[0] - prev[0];
      const ay = p[1] - prev[1];
      const al = Math.hypot(ax, ay) || 1;
      const cos = (ax / al) * dx + (ay / al) * dy;
      mitre = 1 / Math.max(0.3, cos);
    }
    const nx = -dy * half * mitre;
    const ny = dx * half * mitre;
    pos.push(p[0] + nx, h, -(p[1] + ny), p[0] - nx, h, -(p[1] - ny));
    col.push(scratch.r, scratch.g, scratch.b, scratch.r, scratch.g, scratch.b);
  }
  for (let i = 0; i < path.length - 1; i++) {
    const a = base + 2 * i;
    idx.push(a, a + 2, a + 1, a + 1, a + 2, a + 3);
  }
}

/** Splits a polyline into dashes of `dash` metres every `period` metres. */
export function dashes(path: readonly Point[], dash: number, period: number): Point[][] {
  const out: Point[][] = [];
  let along = 0;
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1]!;
    const b = path[i]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    for (let s = Math.ceil(along / period) * period - along; s < len; s += period) {
      const e = Math.min(len, s + dash);
      const at = (d: number): Point => [a[0] + ((b[0] - a[0]) * d) / len, a[1] + ((b[1] - a[1]) * d) / len];
      out.push([at(s), at(e)]);
    }
    along += len;
  }
  return out;
}

/** The ground: Vietnam south of the zero line, China north of it, in two tints. */
export function groundGeometry(zeroLine: readonly Point[], margin: [number, number, number, number]): BufferGeometry {
  const [x0, y0, x1, y1] = margin;
  const zl = zeroLine;
  const first = zl[0]!;
  const last = zl[zl.length - 1]!;
  const ext = (p: Point, x: number): Point => [x, p[1]];
  const line: Point[] = [ext(first, x0), ...zl, ext(last, x1)];
  const vn: Point[] = [[x0, y0], [x1, y0], ...[...line].reverse()];
  const cn: Point[] = [...line, [x1, y1], [x0, y1]];
  const pos: number[] = [];
  const col: number[] = [];
  const idx: number[] = [];
  pushPolygon(vn, -0.2, COLORS.groundVN, pos, col, idx);
  pushPolygon(cn, -0.2, COLORS.groundCN, pos, col, idx);
  return geometry(pos, col, idx);
}

/** Zone fills, one colour per zone kind; hidden zones are left out. */
export function zoneFillGeometry(layout: LayoutPayload, hidden: Record<string, true>): BufferGeometry {
  const pos: number[] = [];
  const col: number[] = [];
  const idx: number[] = [];
  // Routes are drawn as roads; their zone polygon gets a faint fill under the road.
  layout.zones.forEach((z, i) => {
    if (hidden[z.id] === true) return;
    pushPolygon(z.polygon, 0.02 + (i % 8) * 0.004, ZONE_COLORS[z.kind], pos, col, idx);
  });
  return geometry(pos, col, idx);
}

/** Zone outlines as line segments (one draw call). */
export function zoneOutlineGeometry(layout: LayoutPayload, hidden: Record<string, true>): BufferGeometry {
  const pos: number[] = [];
  const col: number[] = [];
  scratch.setHex(COLORS.zoneOutline);
  for (const z of layout.zones) {
    if (hidden[z.id] === true) continue;
    const n = z.polygon.length;
    for (let i = 0; i < n; i++) {
      const a = z.polygon[i]!;
      const b = z.polygon[(i + 1) % n]!;
      pos.push(a[0], 0.1, -a[1], b[0], 0.1, -b[1]);
      col.push(scratch.r, scratch.g, scratch.b, scratch.r, scratch.g, scratch.b);
    }
  }
  return geometry(pos, col);
}

/** Roads (routes and lane-network edges) with centre markings, and the zero line: one mesh. */
export function roadsGeometry(layout: LayoutPayload): BufferGeometry {
  const pos: number[] = [];
  const col: number[] = [];
  const idx: number[] = [];
  for (const r of layout.routes) pushRibbon(r.path, r.kind === 'igv' ? 14 : 11, 0.15, COLORS.road, pos, col, idx);
  const net = layout.network;
  if (net !== undefined) {
    const at = new Map(net.nodes.map((n) => [n.id, n.position] as const));
    for (const e of net.edges) {
      const a = at.get(e.from);
      const b = at.get(e.to);
      if (a === undefined || b === undefined) continue;
      pushRibbon([a, ...(e.via ?? []), b], 3.6 * e.lanes, 0.17, COLORS.lane, pos, col, idx);
    }
  }
  for (const r of layout.routes) for (const d of dashes(r.path, 6, 18)) pushRibbon(d, 0.5, 0.2, COLORS.roadMarking, pos, col, idx);
  pushRibbon(layout.zeroLine, 9, 0.3, COLORS.zeroLine, pos, col, idx);
  for (const d of dashes(layout.zeroLine, 14, 28)) pushRibbon(d, 2.2, 0.34, COLORS.zeroLineCentre, pos, col, idx);
  return geometry(pos, col, idx);
}
