import type { LaneGraph } from './lane-graph.ts';
import { PassageGeometry, type Passage } from './passage-geometry.ts';
import { FOOTPRINT_MARGIN_M, sweptFootprintsMeet } from './swept-footprint.ts';
import { grown } from './typed-grow.ts';
import { f64, objectArray } from '../kernel/shapes.ts';

export { FOOTPRINT_MARGIN_M } from './swept-footprint.ts';

const EMPTY = new Uint8Array(0);

/**
 * Whether two passages through junction zones can bring two footprints together: each passage is
 * the stretch of lane centre within its zone (end of the lane in, start of the lane out, keyed
 * edge·8 + lane), and two conflict when the footprints swept along them (length × width along the
 * lanes, see `SweptFootprint`) come closer than `FOOTPRINT_MARGIN_M`. Passages that miss each other
 * share the junction: parallel lanes, diverging branches, a turn into a spur beside the aisle
 * traffic it does not cross. For a pair that conflicts, `pairSpan` gives the stretch of each
 * passage where its footprint can reach the other's, which is all their junction windows need keep
 * apart in time. Computed once per pair of passages and cached. Conservative: a pair that could
 * touch always conflicts, and its stretches cover every place where the footprints can meet.
 */
export class PassageConflicts {
  /** Passage ids by numeric key, each passage's (node, lane in, lane out), and the conflict rows (see `conflictById`). */
  private readonly ids = new Map<number, number>();
  private readonly passages = objectArray<Passage>();
  private readonly rows = objectArray<Uint8Array>();
  /** The spans of conflicting pairs (see `pairSpan`) by a · 2^20 + b. */
  private readonly pairSpans = new Map<number, Float64Array>();
  private readonly geometry: PassageGeometry;

  constructor(graph: LaneGraph) {
    this.geometry = new PassageGeometry(graph);
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
      this.passages.push(new KeptPassage(node, inLane, outLane, f64(id)));
      this.rows.push(EMPTY);
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

  /** Passage `id` for `PassageGeometry` (the one kept, not a copy per call: `reach` runs per zone of every plan). */
  private passage(id: number): Passage {
    return this.passages[id]!;
  }

  /**
   * How far before and after the node (metres along its path from where the centre passes it) a
   * vehicle on passage `id` is held for junctions: the span of its junction window (see
   * `PassageGeometry.reach`).
   */
  reach(id: number): readonly [number, number] {
    return this.geometry.reach(this.passage(id));
  }

  /**
   * For conflicting passages `a` and `b` (ids from `id`): the stretch of each, metres along its
   * path from where its centre passes its node ([loA, hiA, loB, hiB], within its reach), outside
   * which its footprint cannot come within the margin of the other's while the other's centre is
   * anywhere within its reach. Their junction windows need only keep these stretches apart in time:
   * while either vehicle is outside its stretch, their footprints miss. A stretch with lo > hi is
   * empty (they never meet while both are within their reach).
   */
  pairSpan(a: number, b: number): Float64Array {
    const key = a * 1048576 + b;
    let sp = this.pairSpans.get(key);
    if (sp === undefined) {
      const pa = this.passage(a);
      const pb = this.passage(b);
      // Indexed, not destructured: computed mostly before this is optimized (see spanAgainst).
      const sa = this.geometry.spanAgainst(pa, this.geometry.swept(pb));
      const sb = this.geometry.spanAgainst(pb, this.geometry.swept(pa));
      sp = Float64Array.of(sa[0], sa[1], sb[0], sb[1]);
      this.pairSpans.set(key, sp);
    }
    return sp;
  }

  /** Whether the footprints of passages `a` and `b` can come closer than the margin anywhere on them. */
  private compute(a: number, b: number): boolean {
    return sweptFootprintsMeet(this.geometry.swept(this.passage(a)), this.geometry.swept(this.passage(b)), FOOTPRINT_MARGIN_M);
  }
}

/** A passage as kept by id, its id its key (a class, as it is kept: see `objectArray` in kernel/shapes.ts). */
class KeptPassage implements Passage {
  constructor(
    readonly node: number,
    readonly inLane: number,
    readonly outLane: number,
    readonly key: number,
  ) {}
}
