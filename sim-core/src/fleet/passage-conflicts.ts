import type { LaneGraph } from './lane-graph.ts';
import { PassageGeometry, type Passage } from './passage-geometry.ts';
import { FOOTPRINT_MARGIN_M, sweptFootprintsMeet } from './swept-footprint.ts';
import { grown } from './typed-grow.ts';
import { intArray, objectArray } from '../kernel/shapes.ts';

export { FOOTPRINT_MARGIN_M } from './swept-footprint.ts';

const EMPTY = new Uint8Array(0);
const NO_SPANS = new Int32Array(0);
/** A lane with no passage from it yet (shared; replaced by a list of its own on the first). */
const NO_PASSAGES: number[] = intArray();

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
  /**
   * Passage ids by lane in (edge · 8 + lane): per lane, (node, lane out, id) for each passage from
   * it, three numbers each (a lane leads into a handful). Lists rather than a map by a numeric key
   * of 42 bits: `id` runs for every zone of every booking plan, and the map's look-ups (heap
   * numbers for keys) were a good part of the plans' time on a cold day.
   */
  private readonly byLaneIn = objectArray<number[]>();
  /** Each passage's (node, lane in, lane out), and the conflict rows (see `conflictById`). */
  private readonly passages = objectArray<Passage>();
  private readonly rows = objectArray<Uint8Array>();
  /**
   * The spans of conflicting pairs (see `pairSpan`): `spans[spanRows[a][b] - 1]` for passages a
   * and b (0, or beyond the row's length: not computed yet). A row per passage as for the
   * conflicts, rather than a map by a · 2^20 + b: the junction reservations ask for a span each
   * time they narrow a window, 40,000 times a day.
   */
  private readonly spanRows = objectArray<Int32Array>();
  private readonly spans = objectArray<Float64Array>();
  private readonly geometry: PassageGeometry;

  constructor(graph: LaneGraph) {
    this.geometry = new PassageGeometry(graph);
  }

  /**
   * Small whole number naming the passage (node, lane in, lane out), assigned on first use: the
   * traffic controller tags each junction window with it so that `conflictById` is an array look-up.
   */
  id(node: number, inLane: number, outLane: number): number {
    const lists = this.byLaneIn;
    let list = lists[inLane];
    if (list === undefined) {
      if (!(Number.isInteger(inLane) && inLane >= 0)) throw new Error(`PassageConflicts.id: the lane in must be a lane key (edge · 8 + lane, a whole number ≥ 0), got ${inLane}`);
      while (lists.length <= inLane) lists.push(NO_PASSAGES);
      list = NO_PASSAGES;
    }
    for (let i = 0; i < list.length; i += 3) if (list[i] === node && list[i + 1] === outLane) return list[i + 2]!;
    const id = this.passages.length;
    if (list === NO_PASSAGES) lists[inLane] = list = intArray();
    list.push(node, outLane, id);
    this.passages.push(new KeptPassage(node, inLane, outLane, id));
    this.rows.push(EMPTY);
    this.spanRows.push(NO_SPANS);
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
    if (row.length <= b) this.rows[a] = row = grown(row, Math.max(16, 2 * (b + 1), this.passages.length));
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
    const row = this.spanRows[a]!;
    if (b < row.length && row[b] !== 0) return this.spans[row[b]! - 1]!;
    const pa = this.passage(a);
    const pb = this.passage(b);
    // Indexed, not destructured: computed mostly before this is optimized (see spanAgainst).
    const sa = this.geometry.spanAgainst(pa, this.geometry.swept(pb));
    const sb = this.geometry.spanAgainst(pb, this.geometry.swept(pa));
    const sp = Float64Array.of(sa[0], sa[1], sb[0], sb[1]);
    this.keepSpan(a, b, sp);
    // The pair the other way round is the same two stretches swapped: kept now, not computed again.
    if (a !== b) this.keepSpan(b, a, Float64Array.of(sb[0], sb[1], sa[0], sa[1]));
    return sp;
  }

  /** Keeps `sp` as the pair span of (a, b) (see `spanRows`). */
  private keepSpan(a: number, b: number, sp: Float64Array): void {
    let row = this.spanRows[a]!;
    // Room for every passage named so far at once: a row grown step by step was 3 ms of a cold day.
    if (row.length <= b) this.spanRows[a] = row = grown(row, Math.max(16, 2 * (b + 1), this.passages.length));
    if (row[b] !== 0) return;
    this.spans.push(sp);
    row[b] = this.spans.length;
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
