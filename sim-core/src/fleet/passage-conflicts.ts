import type { Point } from '../model/scenario.ts';
import type { LaneGraph } from './lane-graph.ts';
import { polylineLength } from './polyline.ts';
import { sweptFootprint, sweptFootprintsMeet, type SweptFootprint } from './swept-footprint.ts';
import { grown } from './typed-grow.ts';

const EMPTY = new Uint8Array(0);

/**
 * Whether two passages through junction zones can bring two footprints together: each passage is
 * the stretch of lane centre within its zone (end of the lane in, start of the lane out, keyed
 * edge·8 + lane), and two conflict when the footprints swept along them (length × width along the
 * lanes, see `SweptFootprint`) come closer than `FOOTPRINT_MARGIN_M`. Passages that miss each other
 * share the junction: parallel lanes, diverging branches, a turn into a spur beside the aisle
 * traffic it does not cross. Computed once per pair of passages and cached. Conservative: a pair
 * that could touch always conflicts.
 */
export class PassageConflicts {
  /** Passage ids by numeric key, each passage's (node, lane in, lane out), and the conflict rows (see `conflictById`). */
  private readonly ids = new Map<number, number>();
  private readonly passages: [number, number, number][] = [];
  private readonly rows: Uint8Array[] = [];
  /** Each passage's swept footprint by id (see `sweptOf`), computed on first use. */
  private readonly swept: (SweptFootprint | null)[] = [];

  constructor(private readonly graph: LaneGraph) {}

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
      this.swept.push(null);
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
    const c = this.compute(a, b) ? 2 : 1;
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

  /**
   * The footprint swept by passage `id` while its vehicle's centre is within its zone radius of the
   * node (plus half a vehicle beyond): along the lane in and the lane out; where the lanes do not
   * meet at the node, the vehicle changes lanes on a chord from at most `cut` metres before the node
   * to as far after it (see buildStretch; shorter after another lane change), so its footprint may
   * be anywhere around those stretches of both lanes, at any heading.
   */
  private sweptOf(id: number): SweptFootprint {
    let f = this.swept[id]!;
    if (f === null) {
      const [node, inLane, outLane] = this.passages[id]!;
      const n = this.graph.nodes[node]!;
      const v = this.graph.vehicle;
      const reach = n.zoneRadiusM + v.lengthM / 2;
      const inPath = this.graph.edges[Math.floor(inLane / 8)]!.lanePaths[inLane % 8]!;
      const outPath = this.graph.edges[Math.floor(outLane / 8)]!.lanePaths[outLane % 8]!;
      const end = inPath[inPath.length - 1]!;
      const gap = Math.hypot(outPath[0]![0] - end[0], outPath[0]![1] - end[1]);
      const cut = Math.min(LANE_CHANGE_M, 0.45 * polylineLength(inPath), 0.45 * polylineLength(outPath));
      const anywhere = gap > 1e-6 ? [[...clipEnd(inPath, cut), ...clipStart(outPath, cut)]] : [];
      this.swept[id] = f = sweptFootprint([clipEnd(inPath, reach), clipStart(outPath, reach)], v.lengthM, v.widthM, anywhere);
    }
    return f;
  }

  /** Whether the footprints of passages `a` and `b` can come closer than the margin anywhere on them. */
  private compute(a: number, b: number): boolean {
    return sweptFootprintsMeet(this.sweptOf(a), this.sweptOf(b), FOOTPRINT_MARGIN_M);
  }
}

/** How far before and after a node a lane change starts and ends, metres (at most; as in buildStretch). */
const LANE_CHANGE_M = 8;

/**
 * Clearance kept between the footprints of two vehicles sharing a junction, metres: the 0.5 m of
 * ISO 3691-4 that `validate` keeps between lanes. (Huu Nghi 2030, seeds 1-3 × 2 days at 80 IGVs:
 * 0.5 m clears 2,923 vehicles a day, 1 m 2,873; the centre-line rule before, a diagonal plus 6 m
 * apart or side by side a width plus 3 m, 2,839.)
 */
export const FOOTPRINT_MARGIN_M = 0.5;

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
