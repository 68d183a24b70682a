import type { Point } from '../model/scenario.ts';
import type { LaneGraph } from './lane-graph.ts';
import { polylineLength } from './polyline.ts';
import { grown } from './typed-grow.ts';

/** Cosine of the largest angle at which two lanes still count as side by side (10°). */
const PARALLEL_COS = Math.cos((10 * Math.PI) / 180);

const EMPTY = new Uint8Array(0);

/**
 * Whether two passages through junction zones can bring two footprints together: each passage is
 * the stretch of lane centre within its zone (end of the lane in, start of the lane out, keyed
 * edge·8 + lane). They conflict when their centre lines come closer than a footprint's diagonal,
 * unless they are side by side there (nearly parallel), where a width plus clearance is enough:
 * parallel lanes of two carriageways, or diverging branches, pass each other without waiting.
 * Computed once per pair of passages and cached. Conservative: a pair that could touch always
 * conflicts.
 */
export class PassageConflicts {
  /** Passage ids by numeric key, each passage's (node, lane in, lane out), and the conflict rows (see `conflictById`). */
  private readonly ids = new Map<number, number>();
  private readonly passages: [number, number, number][] = [];
  private readonly rows: Uint8Array[] = [];
  /** Each passage's shape by id (see `shape`), computed on first use. */
  private readonly shapes: (Point[] | null)[] = [];
  private readonly diagonal: number;
  private readonly side: number;

  constructor(private readonly graph: LaneGraph) {
    const v = graph.vehicle;
    this.diagonal = Math.hypot(v.lengthM, v.widthM) + 6;
    this.side = v.widthM + 3;
  }

  /**
   * Small whole number naming the passage (node, lane in, lane out), assigned on first use: the
   * traffic controller tags each junction window with it so that `conflictById` is an array look-up.
   */
  id(node: number, inLane: number, outLane: number): number {
    // Numeric key (node, lane in, lane out fit in 42 bits).
    const key = (node * 65536 + inLane) * 65536 + outLane;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.passages.length;
      this.ids.set(key, id);
      this.passages.push([node, inLane, outLane]);
      this.rows.push(EMPTY);
      this.shapes.push(null);
    }
    return id;
  }

  /**
   * The conflict row of passage `a`: entry b is 2 when passages a and b conflict, 1 when they do
   * not, 0 (or beyond its length) when not yet computed — then ask `conflictById`. Lets a caller
   * comparing one passage with many windows read an array.
   */
  row(a: number): Uint8Array {
    return this.rows[a]!;
  }

  /** Whether passages `a` and `b` (ids from `id`) conflict; computed once per pair. */
  conflictById(a: number, b: number): boolean {
    const ra = this.rows[a]!;
    if (b < ra.length && ra[b] !== 0) return ra[b] === 2;
    // Symmetric (the closest approach of two polylines), so both rows learn it.
    const c = this.compute(this.shape(a), this.shape(b)) ? 2 : 1;
    this.grownRow(a, b)[b] = c;
    this.grownRow(b, a)[a] = c;
    return c === 2;
  }

  /** Row `a`, grown to hold entry `b`. */
  private grownRow(a: number, b: number): Uint8Array {
    let row = this.rows[a]!;
    if (row.length <= b) this.rows[a] = row = grown(row, Math.max(16, 2 * (b + 1)));
    return row;
  }

  conflict(nodeA: number, inA: number, outA: number, nodeB: number, inB: number, outB: number): boolean {
    return this.conflictById(this.id(nodeA, inA, outA), this.id(nodeB, inB, outB));
  }

  /** The lane centre of passage `id` within its zone radius of the node (plus half a vehicle beyond). */
  private shape(id: number): Point[] {
    let s = this.shapes[id]!;
    if (s === null) {
      const [node, inLane, outLane] = this.passages[id]!;
      const n = this.graph.nodes[node]!;
      const reach = n.zoneRadiusM + this.graph.vehicle.lengthM / 2;
      const inPath = this.graph.edges[Math.floor(inLane / 8)]!.lanePaths[inLane % 8]!;
      const outPath = this.graph.edges[Math.floor(outLane / 8)]!.lanePaths[outLane % 8]!;
      // The lanes in and out, and the chord a lane change drives between them (see buildStretch).
      const a = clipEnd(inPath, reach);
      const b = clipStart(outPath, reach);
      const cut = Math.min(8, 0.45 * polylineLength(inPath), 0.45 * polylineLength(outPath));
      s = [...a, ...b, ...clipEnd(inPath, cut).slice(0, 1), ...clipStart(outPath, cut).slice(-1)];
      this.shapes[id] = s;
    }
    return s;
  }

  private compute(a: Point[], b: Point[]): boolean {
    for (let i = 0; i + 1 < a.length; i++) {
      for (let j = 0; j + 1 < b.length; j++) {
        const d = segmentDistance(a[i]!, a[i + 1]!, b[j]!, b[j + 1]!);
        if (d >= this.diagonal) continue;
        if (d < this.side) return true;
        // Between a width and a diagonal apart: only side by side is safe.
        const ux = a[i + 1]![0] - a[i]![0];
        const uy = a[i + 1]![1] - a[i]![1];
        const vx = b[j + 1]![0] - b[j]![0];
        const vy = b[j + 1]![1] - b[j]![1];
        const cos = Math.abs(ux * vx + uy * vy) / ((Math.hypot(ux, uy) * Math.hypot(vx, vy)) || 1);
        if (cos < PARALLEL_COS) return true;
      }
    }
    return false;
  }
}

/** The last `reach` metres of a polyline. */
function clipEnd(path: readonly Point[], reach: number): Point[] {
  return clipStart([...path].reverse(), reach).reverse();
}

/** The first `reach` metres of a polyline. */
function clipStart(path: readonly Point[], reach: number): Point[] {
  const out: Point[] = [path[0]!];
  let left = reach;
  for (let k = 1; k < path.length && left > 0; k++) {
    const a = path[k - 1]!;
    const b = path[k]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len <= left) {
      out.push(b);
      left -= len;
    } else {
      const f = left / len;
      out.push([a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])]);
      left = 0;
    }
  }
  return out;
}

/** Shortest distance between segments pq and rs, metres. */
export function segmentDistance(p: Point, q: Point, r: Point, s: Point): number {
  if (segmentsCross(p, q, r, s)) return 0;
  return Math.min(pointSegment(p, r, s), pointSegment(q, r, s), pointSegment(r, p, q), pointSegment(s, p, q));
}

function pointSegment(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function segmentsCross(p: Point, q: Point, r: Point, s: Point): boolean {
  return orientation(p, q, r) * orientation(p, q, s) < 0 && orientation(r, s, p) * orientation(r, s, q) < 0;
}

/** Which side of line ab point c lies on: 1, -1, or 0 on it. */
function orientation(a: Point, b: Point, c: Point): number {
  return Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
}
