/**
 * Junction passages exclude each other only when the footprints swept along them can come closer
 * than the margin: the swept footprint is exact for a drawn path (checked against the footprint
 * placed densely along random paths), two parallel roads 5 m apart share their overlapping
 * junctions, a turn whose footprint reaches the other road does not. Two that conflict keep apart
 * in time only the stretches where their footprints can meet: at a right-angle crossing a half
 * length plus a half width and the margin either side of the node, not the whole zone, and the
 * footprints of two vehicles booked through it back to back never overlap.
 */
import { describe, expect, it } from 'vitest';
import { LaneGraph } from '../../src/fleet/lane-graph.ts';
import { FOOTPRINT_MARGIN_M, PassageConflicts } from '../../src/fleet/passage-conflicts.ts';
import { buildStretch } from '../../src/fleet/stretch.ts';
import { pointClearance, sweptFootprint, sweptFootprintsMeet } from '../../src/fleet/swept-footprint.ts';
import { TrafficController } from '../../src/fleet/traffic-controller.ts';
import type { LaneNetwork, Point } from '../../src/model/scenario.ts';
import { Rng } from '../../src/random/rng.ts';
import { distanceAt } from '../../src/stream/motion.ts';
import { crossingNetwork } from './support/crossing-network.ts';
import { VEHICLE } from './support/ladder-network.ts';

const L = VEHICLE.lengthM;
const W = VEHICLE.widthM;

/** Corners of the footprint centred at `p`, long axis along (ux, uy). */
function corners(p: Point, ux: number, uy: number): Point[] {
  const hl = L / 2;
  const hw = W / 2;
  return [
    [p[0] + ux * hl - uy * hw, p[1] + uy * hl + ux * hw],
    [p[0] + ux * hl + uy * hw, p[1] + uy * hl - ux * hw],
    [p[0] - ux * hl + uy * hw, p[1] - uy * hl - ux * hw],
    [p[0] - ux * hl - uy * hw, p[1] - uy * hl + ux * hw],
  ];
}

/** Convex polygons overlap (separating axis test on every edge normal): the brute-force reference. */
function polygonsOverlap(a: Point[], b: Point[]): boolean {
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const p = poly[i]!;
      const q = poly[(i + 1) % poly.length]!;
      const nx = q[1] - p[1];
      const ny = p[0] - q[0];
      const proj = (pts: Point[]): [number, number] => {
        let lo = Infinity;
        let hi = -Infinity;
        for (const r of pts) {
          const d = r[0] * nx + r[1] * ny;
          lo = Math.min(lo, d);
          hi = Math.max(hi, d);
        }
        return [lo, hi];
      };
      const [a0, a1] = proj(a);
      const [b0, b1] = proj(b);
      if (a1 <= b0 || b1 <= a0) return false;
    }
  }
  return true;
}

/** Footprints every `step` metres along a polyline, each along its segment's heading (with its centre last). */
function placed(path: Point[], step: number): Point[][] {
  const out: Point[][] = [];
  for (let k = 0; k + 1 < path.length; k++) {
    const a = path[k]!;
    const b = path[k + 1]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const n = Math.max(1, Math.ceil(len / step));
    for (let i = 0; i <= n; i++) {
      const c: Point = [a[0] + ((b[0] - a[0]) * i) / n, a[1] + ((b[1] - a[1]) * i) / n];
      out.push([...corners(c, (b[0] - a[0]) / len, (b[1] - a[1]) / len), c]);
    }
  }
  return out;
}

describe('swept footprints', () => {
  it('parallel lanes: 3.75 m apart they miss by 0.75 m (more than the margin), 3.4 m apart by 0.4 m (less)', () => {
    const lane = (y: number): Point[] => [[0, y], [40, y]];
    const a = sweptFootprint([lane(0)], L, W);
    expect(sweptFootprintsMeet(a, sweptFootprint([lane(3.75)], L, W), FOOTPRINT_MARGIN_M)).toBe(false);
    expect(sweptFootprintsMeet(a, sweptFootprint([lane(3.4)], L, W), FOOTPRINT_MARGIN_M)).toBe(true);
    expect(sweptFootprintsMeet(a, sweptFootprint([lane(3.4)], L, W), 0)).toBe(false);
  });

  it('a lane ending short of a crossing lane: the footprint reaches half a length beyond the last centre point', () => {
    const ends: Point[] = [[-30, 0], [0, 0]];
    // The crossing lane's footprint edge lies 0.6 m (then 0.4 m) beyond the end footprint's front.
    const across = (x: number): Point[] => [[x, -30], [x, 30]];
    const a = sweptFootprint([ends], L, W);
    expect(sweptFootprintsMeet(a, sweptFootprint([across(L / 2 + W / 2 + 0.6)], L, W), FOOTPRINT_MARGIN_M)).toBe(false);
    expect(sweptFootprintsMeet(a, sweptFootprint([across(L / 2 + W / 2 + 0.4)], L, W), FOOTPRINT_MARGIN_M)).toBe(true);
  });

  it('a lane change somewhere near the node: the footprint at any heading around both lanes', () => {
    const lane: Point[] = [[0, 0], [40, 0]];
    const far: Point[] = [[0, 12], [40, 12]];
    const plain = sweptFootprint([lane], L, W);
    expect(sweptFootprintsMeet(plain, sweptFootprint([far], L, W), FOOTPRINT_MARGIN_M)).toBe(false);
    const changing = sweptFootprint([lane], L, W, [[[16, 0], [24, 3.75]]]);
    expect(sweptFootprintsMeet(changing, sweptFootprint([far], L, W), FOOTPRINT_MARGIN_M)).toBe(true);
  });

  it('agrees with footprints placed every 5 cm along 200 random pairs of two-segment paths (margin 0)', () => {
    const rng = new Rng(7);
    const pt = (): Point => [rng.next() * 40 - 20, rng.next() * 40 - 20];
    const reach2 = L * L + W * W;
    // The corners (the centre, last, is for the quick distance check).
    const overlap = (x: Point[], y: Point[]): boolean => (x[4]![0] - y[4]![0]) ** 2 + (x[4]![1] - y[4]![1]) ** 2 < reach2 && polygonsOverlap(x.slice(0, 4), y.slice(0, 4));
    let meet = 0;
    let checked = 0;
    for (let i = 0; i < 200; i++) {
      const p = [pt(), pt(), pt()];
      const q = [pt(), pt(), pt()];
      const exact = sweptFootprintsMeet(sweptFootprint([p], L, W), sweptFootprint([q], L, W), 0);
      const pa = placed(p, 0.05);
      const qa = placed(q, 0.05);
      const sampled = pa.some((x) => qa.some((y) => overlap(x, y)));
      // Dense sampling misses only overlaps shallower than a few centimetres: check with a little slack.
      if (exact !== sampled) {
        const slack = sweptFootprintsMeet(sweptFootprint([p], L, W), sweptFootprint([q], L, W), -0.1);
        expect(exact && !slack).toBe(true);
      } else checked++;
      if (exact) meet++;
    }
    expect(checked).toBeGreaterThan(190);
    expect(meet).toBeGreaterThan(20);
    expect(meet).toBeLessThan(190);
  });

  it('pointClearance is the distance from a point to the nearest grown rectangle (0 inside), as found by sampling their outlines every 1 cm', () => {
    const rng = new Rng(11);
    const grow = 0.375;
    let inside = 0;
    for (let i = 0; i < 200; i++) {
      const path: Point[] = [[rng.next() * 40 - 20, rng.next() * 40 - 20], [rng.next() * 40 - 20, rng.next() * 40 - 20], [rng.next() * 40 - 20, rng.next() * 40 - 20]];
      const f = sweptFootprint([path], L, W);
      const x = rng.next() * 60 - 30;
      const y = rng.next() * 60 - 30;
      let best = Infinity;
      let within = false;
      for (let j = 0; j < f.rects.length; j += 6) {
        const [cx, cy, ux, uy, hl, hw] = f.rects.subarray(j, j + 6);
        const a = hl! + grow;
        const b = hw! + grow;
        const lx = (x - cx!) * ux! + (y - cy!) * uy!;
        const ly = (y - cy!) * ux! - (x - cx!) * uy!;
        if (Math.abs(lx) <= a && Math.abs(ly) <= b) within = true;
        // The outline, every centimetre: along the long sides, then the short ones.
        for (let t = -a; t <= a; t += 0.01) for (const s of [-b, b]) best = Math.min(best, Math.hypot(lx - t, ly - s));
        for (let t = -b; t <= b; t += 0.01) for (const s of [-a, a]) best = Math.min(best, Math.hypot(lx - s, ly - t));
      }
      const c = pointClearance(x, y, f, grow);
      if (within) {
        inside++;
        expect(c).toBe(0);
      } else expect(Math.abs(c - best)).toBeLessThan(0.011); // within a sampling step
    }
    expect(inside).toBeGreaterThan(10);
    expect(inside).toBeLessThan(190);
  });
});

/**
 * Two parallel roads 5 m apart (a1 → b1 → c1 at y = 0, a2 → b2 → c2 at y = -5), each with a
 * junction at x = 500 whose zones overlap; road 1 also turns north (b1 → n1), road 2 south
 * (b2 → s2).
 */
const network: LaneNetwork = {
  nodes: [
    { id: 'a1', kind: 'parking', country: 'VN', position: [0, 0] },
    { id: 'b1', kind: 'way', country: 'VN', position: [500, 0] },
    { id: 'c1', kind: 'parking', country: 'VN', position: [1000, 0] },
    { id: 'n1', kind: 'parking', country: 'VN', position: [500, 300] },
    { id: 'a2', kind: 'parking', country: 'VN', position: [1000, -5] },
    { id: 'b2', kind: 'way', country: 'VN', position: [500, -5] },
    { id: 'c2', kind: 'parking', country: 'VN', position: [0, -5] },
    { id: 's2', kind: 'parking', country: 'VN', position: [500, -300] },
  ],
  edges: [
    { id: 'a1b1', from: 'a1', to: 'b1', lanes: 1, speedLimitKmh: 36, kind: 'road' },
    { id: 'b1c1', from: 'b1', to: 'c1', lanes: 1, speedLimitKmh: 36, kind: 'road' },
    { id: 'b1n1', from: 'b1', to: 'n1', lanes: 1, speedLimitKmh: 36, kind: 'road' },
    { id: 'a2b2', from: 'a2', to: 'b2', lanes: 1, speedLimitKmh: 36, kind: 'road' },
    { id: 'b2c2', from: 'b2', to: 'c2', lanes: 1, speedLimitKmh: 36, kind: 'road' },
    { id: 'b2s2', from: 'b2', to: 's2', lanes: 1, speedLimitKmh: 36, kind: 'road' },
  ],
};

describe('passage conflicts from swept footprints', () => {
  const g = new LaneGraph(network, VEHICLE);
  const b1 = g.node('b1');
  const b2 = g.node('b2');
  const speeds = { loaded: 5, empty: 5, yard: 2, scanner: 1 };
  // Passages by lane key (edge·8 + lane, one lane each).
  const east = [b1, 0 * 8, 1 * 8] as const; // a1 → b1 → c1
  const north = [b1, 0 * 8, 2 * 8] as const; // a1 → b1 → n1
  const west = [b2, 3 * 8, 4 * 8] as const; // a2 → b2 → c2

  it('the two junctions lie within each other zone (their passages are compared at all)', () => {
    expect(g.nodes[b1]!.conflicts).toContain(b2);
  });

  it('straight on, 5 m apart, the footprints miss by 2 m: no conflict; the turn north sweeps across the other road: conflict', () => {
    const pc = new PassageConflicts(g);
    expect(pc.conflict(...east, ...west)).toBe(false);
    expect(pc.conflict(...north, ...west)).toBe(true);
    expect(pc.conflict(...west, ...north)).toBe(true);
  });

  it('booked for the same moment, the straight passages both start at once; the turn waits until the other has left its zone', () => {
    const tc = new TrafficController(g);
    const w = buildStretch(g, [3, 4], [0, 0], false, speeds);
    const e = buildStretch(g, [0, 1], [0, 0], false, speeds);
    const n = buildStretch(g, [0, 2], [0, 0], false, speeds);
    // Both reach the junctions at the same moment.
    const tw = tc.book(1, w, 0);
    expect(tw).toBe(0);
    expect(tc.book(2, e, 0)).toBe(0);
    const tn = tc.book(3, n, 0);
    const zw = w.zones[0]!;
    const zn = n.zones[0]!;
    expect(tn + 1000 * n.profile.timeAt(zn.at - zn.radius)).toBeGreaterThanOrEqual(tw + 1000 * w.profile.timeAt(zw.at + zw.radius));
  });
});

/** A road a → b → c and a road s → b → n crossing it at right angles at b, 500 m to the junction. */
const crossing = crossingNetwork(500, 36);

/** The footprint's corners with its centre `d` metres along `path`, along the segment there. */
function footprintAt(path: readonly Point[], d: number): Point[] {
  let left = d;
  for (let k = 0; k + 1 < path.length; k++) {
    const a = path[k]!;
    const b = path[k + 1]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (left <= len || k + 2 === path.length) {
      const f = Math.min(1, left / len);
      return corners([a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])], (b[0] - a[0]) / len, (b[1] - a[1]) / len);
    }
    left -= len;
  }
  throw new Error('empty path');
}

describe('junction windows keep apart only the stretches where two footprints can meet', () => {
  const g = new LaneGraph(crossing, VEHICLE);
  const b = g.node('b');
  const radius = g.nodes[b]!.zoneRadiusM;
  const speeds = { loaded: 5, empty: 5, yard: 2, scanner: 1 };

  it('at a right-angle crossing, each passage keeps a half length plus a half width and the margin either side of the node, narrower than the zone', () => {
    const pc = new PassageConflicts(g);
    const east = pc.id(b, 0 * 8, 1 * 8);
    const north = pc.id(b, 2 * 8, 3 * 8);
    expect(pc.conflictById(east, north)).toBe(true);
    const [loE, hiE, loN, hiN] = pc.pairSpan(east, north);
    const half = L / 2 + W / 2 + FOOTPRINT_MARGIN_M;
    // Sampled every 0.25 m with the margin grown by a step, then widened by a step.
    for (const x of [loE!, loN!]) expect(x).toBeGreaterThanOrEqual(-half - 0.75);
    for (const x of [loE!, loN!]) expect(x).toBeLessThanOrEqual(-half);
    for (const x of [hiE!, hiN!]) expect(x).toBeLessThanOrEqual(half + 0.75);
    for (const x of [hiE!, hiN!]) expect(x).toBeGreaterThanOrEqual(half);
    expect(half + 0.75).toBeLessThan(radius);
  });

  it('booked for the same moment, the crossing vehicle enters the zone before the first has left it, once it is past the stretch where they meet; the footprints never overlap', () => {
    const tc = new TrafficController(g);
    const east = buildStretch(g, [0, 1], [0, 0], false, speeds);
    const north = buildStretch(g, [2, 3], [0, 0], false, speeds);
    const t1 = tc.book(1, east, 0);
    const t2 = tc.book(2, north, 0);
    expect(t1).toBe(0);
    expect(t2).toBeGreaterThan(0);
    const z1 = east.zones[0]!;
    const z2 = north.zones[0]!;
    // The whole-zone rule kept the second out of the zone until the first had left it.
    expect(t2 + 1000 * north.profile.timeAt(z2.at - z2.radius)).toBeLessThan(t1 + 1000 * east.profile.timeAt(z1.at + z1.radius));
    const m1 = { path: east.path, profile: east.profile.toMotion(t1), end: t1 + Math.ceil(east.profile.duration * 1000) };
    const m2 = { path: north.path, profile: north.profile.toMotion(t2), end: t2 + Math.ceil(north.profile.duration * 1000) };
    let overlaps = 0;
    for (let t = t2; t < t1 + 1000 * east.profile.duration; t += 20) {
      if (polygonsOverlap(footprintAt(east.path, distanceAt(m1, t)), footprintAt(north.path, distanceAt(m2, t)))) overlaps++;
    }
    expect(overlaps).toBe(0);
  });

  it('names each passage (node, lane in, lane out) by one small id in order of first use, keeps its pair spans per ordered pair, and rejects a lane key that is none', () => {
    const g = new LaneGraph(crossingNetwork(300, 100), VEHICLE);
    const pc = new PassageConflicts(g);
    // Through b (node 1): a→b→c straight (lanes 0 and 8) and s→b→n (16 and 24), and turns between them.
    const east = pc.id(1, 0, 8);
    const north = pc.id(1, 16, 24);
    const turn = pc.id(1, 0, 24);
    expect([east, north, turn]).toEqual([0, 1, 2]);
    expect([pc.id(1, 16, 24), pc.id(1, 0, 8), pc.id(1, 0, 24)]).toEqual([1, 0, 2]);
    // The same lanes at another node are another passage.
    expect(pc.id(3, 0, 8)).toBe(3);
    expect(pc.conflictById(east, north)).toBe(true);
    const span = pc.pairSpan(east, north);
    expect(pc.pairSpan(east, north)).toBe(span);
    const back = pc.pairSpan(north, east);
    expect(Array.from(back)).toEqual([span[2], span[3], span[0], span[1]]);
    expect(() => pc.id(1, -8, 8)).toThrow(/PassageConflicts.id: the lane in must be a lane key \(edge · 8 \+ lane, a whole number ≥ 0\), got -8/);
    expect(() => pc.id(1, 2.5, 8)).toThrow(/got 2.5/);
  });
});
