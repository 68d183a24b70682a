import { ScenarioError } from '../model/from-scenario.ts';
import type { Country, LaneNetwork, NodeKind, Point, SectionKind, VehicleDimensions } from '../model/scenario.ts';
import { hypot, offsetPolyline, polylineLength } from './polyline.ts';
import { F64_ZERO, f64 } from '../kernel/shapes.ts';

/** Node kinds where a vehicle stops and stands (each such node holds one vehicle at a time). */
export const STOP_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>(['crane-transfer', 'gate-lane', 'charging', 'parking']);

/** Default lane width, metres. */
export const DEFAULT_LANE_WIDTH_M = 3.75;
/** Lateral clearance kept between footprints at junctions, metres. */
const CLEARANCE_M = 1;
const YARD_CLEARANCE_M = 2.5;
/** Largest junction zone radius, metres (a fan of nearly parallel edges is capped here). */
const MAX_ZONE_M = 80;

export interface GraphNode {
  index: number;
  id: string;
  kind: NodeKind;
  country: Country;
  position: Point;
  equipment: string | null;
  out: number[];
  in: number[];
  /**
   * Radius of the node's conflict zone, metres: vehicles whose centres are within it at the same
   * time could touch, so its passages are reserved one at a time. 0 for a pass-through node (a
   * plain point of a road whose lanes carry straight on) and for stop nodes (owned by one vehicle).
   */
  zoneRadiusM: number;
  isStop: boolean;
  /** Junction nodes whose zones overlap this one's (itself included): their passages exclude each other. */
  conflicts: number[];
}

export interface GraphEdge {
  index: number;
  id: string;
  from: number;
  to: number;
  lanes: number;
  kind: SectionKind;
  /** Speed limit, m/s. */
  limitMps: number;
  /** Centreline from `from` through `via` to `to`. */
  centre: Point[];
  lengthM: number;
  /** The driven polyline of each lane (the centreline offset to the lane's centre). */
  lanePaths: Point[][];
  laneLengths: number[];
  /** Lateral offset of each lane's centre from the centreline, metres (positive to the right). */
  offsets: number[];
  /** Index of the reverse edge (to → from), or -1. */
  reverse: number;
}

/**
 * The lane network as the fleet drives it: nodes and directed edges indexed by number, lane
 * geometry (each lane's polyline), junction zones and stop nodes. Built once per run from the
 * scenario's `layout.network`; invalid geometry for the fleet (a stop node inside a junction zone,
 * an unknown node) is a {@link ScenarioError} with the JSON path. Keeps its own copies of the
 * points and the vehicle, never the caller's objects: a graph is shared by later runs on an equal
 * network (see `sharedLaneGraph`), whatever the caller does with its scenario meanwhile.
 */
export class LaneGraph {
  readonly nodes: GraphNode[] = [];
  readonly edges: GraphEdge[] = [];
  readonly laneWidthM: number;
  readonly vehicle: VehicleDimensions;
  private readonly nodeIndex = new Map<string, number>();

  constructor(network: LaneNetwork, vehicle: VehicleDimensions) {
    this.vehicle = { ...vehicle };
    this.laneWidthM = network.laneWidthM ?? DEFAULT_LANE_WIDTH_M;
    network.nodes.forEach((n, i) => {
      this.nodeIndex.set(n.id, i);
      this.nodes.push({ index: i, id: n.id, kind: n.kind, country: n.country, position: [n.position[0], n.position[1]], equipment: n.equipment ?? null, out: [], in: [], zoneRadiusM: F64_ZERO, isStop: STOP_KINDS.has(n.kind), conflicts: [] });
    });
    const byEnds = new Map<string, number>();
    network.edges.forEach((e, i) => {
      if (e.lanes > 8) throw new ScenarioError(`$.layout.network.edges[${i}].lanes`, `edge "${e.id}" has ${e.lanes} lanes; the fleet drives at most 8 per direction`);
      const from = this.nodeIndex.get(e.from);
      const to = this.nodeIndex.get(e.to);
      if (from === undefined) throw new ScenarioError(`$.layout.network.edges[${i}].from`, `edge "${e.id}" starts at unknown node "${e.from}"`);
      if (to === undefined) throw new ScenarioError(`$.layout.network.edges[${i}].to`, `edge "${e.id}" ends at unknown node "${e.to}"`);
      const centre: Point[] = [this.nodes[from]!.position, ...(e.via ?? []).map((p): Point => [p[0], p[1]]), this.nodes[to]!.position];
      this.edges.push({ index: i, id: e.id, from, to, lanes: e.lanes, kind: e.kind, limitMps: f64(e.speedLimitKmh / 3.6), centre, lengthM: f64(polylineLength(centre)), lanePaths: [], laneLengths: [], offsets: [], reverse: -1 });
      this.nodes[from]!.out.push(i);
      this.nodes[to]!.in.push(i);
      byEnds.set(`${from}>${to}`, i);
    });
    for (const e of this.edges) e.reverse = byEnds.get(`${e.to}>${e.from}`) ?? -1;
    const w = this.laneWidthM;
    network.edges.forEach((spec, i) => {
      const e = this.edges[i]!;
      const first = spec.offsetM ?? (e.reverse >= 0 ? w / 2 : (-(e.lanes - 1) * w) / 2);
      for (let k = 0; k < e.lanes; k++) {
        e.offsets.push(first + k * w);
        const path = offsetPolyline(e.centre, first + k * w);
        e.lanePaths.push(path);
        e.laneLengths.push(polylineLength(path));
      }
    });
    for (const n of this.nodes) n.zoneRadiusM = n.isStop || this.isPassThrough(n) ? 0 : this.zoneRadius(n);
    const junctions = this.nodes.filter((n) => n.zoneRadiusM > 0);
    for (let i = 0; i < junctions.length; i++) {
      const a = junctions[i]!;
      const ax = a.position[0];
      const ay = a.position[1];
      for (let j = 0; j < junctions.length; j++) {
        const b = junctions[j]!;
        const r = a.zoneRadiusM + b.zoneRadiusM;
        const dx = ax - b.position[0];
        const dy = ay - b.position[1];
        // Farther apart than r along an axis is farther than r (`hypot` is never below either
        // coordinate): all but 995 of the 29,241 pairs at Huu Nghi (built while the code is still interpreted) end here.
        if (dx >= r || dx <= -r || dy >= r || dy <= -r) continue;
        if (hypot(dx, dy) < r) a.conflicts.push(b.index);
      }
    }
    this.checkStops();
  }

  /** Node index by id (throws for an unknown id). */
  node(id: string): number {
    const i = this.nodeIndex.get(id);
    if (i === undefined) throw new Error(`unknown network node "${id}"`);
    return i;
  }

  /** True when the node is a plain point of a road: each lane carries straight on to one edge with as many lanes. */
  private isPassThrough(n: GraphNode): boolean {
    if (n.kind !== 'way' && n.kind !== 'border' && n.kind !== 'scanner-entry' && n.kind !== 'scanner-exit') return false;
    for (const ei of n.in) {
      const e = this.edges[ei]!;
      const outs = n.out.filter((f) => this.edges[f]!.to !== e.from);
      if (outs.length !== 1 || this.edges[outs[0]!]!.lanes !== e.lanes) return false;
      // A bend sharper than 20° is a junction too: vehicles on both carriageways steer across it.
      const f = this.edges[outs[0]!]!;
      const a = e.centre[e.centre.length - 2]!;
      const b = e.centre[e.centre.length - 1]!;
      const c = f.centre[1]!;
      const turn = Math.abs(angleDiff(Math.atan2(b[1] - a[1], b[0] - a[0]), Math.atan2(c[1] - b[1], c[0] - b[0])));
      if (turn > (20 * Math.PI) / 180) return false;
    }
    for (const fi of n.out) {
      const f = this.edges[fi]!;
      const ins = n.in.filter((e) => this.edges[e]!.from !== f.to);
      if (ins.length !== 1 || this.edges[ins[0]!]!.lanes !== f.lanes) return false;
    }
    return true;
  }

  /**
   * Conflict radius of a junction, metres: half a vehicle length, plus the distance along two
   * branches at the narrowest angle where their footprints are a width plus clearance apart,
   * plus the lateral spread of the lanes.
   */
  private zoneRadius(n: GraphNode): number {
    const dirs: number[] = [];
    let spread = 0;
    const add = (from: Point, to: Point): void => {
      const a = Math.atan2(to[1] - from[1], to[0] - from[0]);
      if (!dirs.some((d) => Math.abs(angleDiff(d, a)) < 1e-6)) dirs.push(a);
    };
    for (const ei of n.out) {
      const e = this.edges[ei]!;
      add(e.centre[0]!, e.centre[1]!);
      spread = Math.max(spread, this.laneSpread(e));
    }
    for (const ei of n.in) {
      const e = this.edges[ei]!;
      add(e.centre[e.centre.length - 1]!, e.centre[e.centre.length - 2]!);
      spread = Math.max(spread, this.laneSpread(e));
    }
    let minAngle = Math.PI;
    for (let i = 0; i < dirs.length; i++) for (let j = i + 1; j < dirs.length; j++) minAngle = Math.min(minAngle, Math.abs(angleDiff(dirs[i]!, dirs[j]!)));
    const v = this.vehicle;
    // Along two branches at angle θ, footprints a width plus clearance (plus both lane offsets) apart.
    // Yard junctions (tight turns, lane changes across corners) keep more clearance than road ones.
    const yard = [...n.in, ...n.out].some((e) => this.edges[e]!.kind === 'yard');
    const apart = (v.widthM + (yard ? YARD_CLEARANCE_M : CLEARANCE_M) + 2 * spread) / (2 * Math.sin(Math.max(minAngle, 1e-3) / 2));
    return Math.min(MAX_ZONE_M, v.lengthM / 2 + apart);
  }

  /** Largest distance of a lane centre of `e` from its centreline, metres. */
  private laneSpread(e: GraphEdge): number {
    return Math.max(...e.offsets.map(Math.abs));
  }

  /** A standing vehicle must not reach into a junction zone: every edge at a stop node is long enough. */
  private checkStops(): void {
    const half = this.vehicle.lengthM / 2;
    for (const n of this.nodes) {
      if (!n.isStop) continue;
      for (const ei of [...n.in, ...n.out]) {
        const e = this.edges[ei]!;
        const other = this.nodes[e.from === n.index ? e.to : e.from]!;
        const need = other.zoneRadiusM + half;
        if (other.zoneRadiusM > 0 && e.lengthM < need) {
          throw new ScenarioError(
            `$.layout.network.edges[${ei}]`,
            `edge "${e.id}" is ${e.lengthM.toFixed(1)} m long, but a vehicle standing at ${n.kind} node "${n.id}" would reach into the junction zone of "${other.id}" (radius ${other.zoneRadiusM.toFixed(1)} m); make it at least ${need.toFixed(1)} m`,
          );
        }
      }
    }
  }

  /** Stop nodes of a kind in a country, in id order (the deterministic order of pools). */
  stops(kind: NodeKind, country: Country): number[] {
    return this.nodes
      .filter((n) => n.kind === kind && n.country === country)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((n) => n.index);
  }
}

function angleDiff(a: number, b: number): number {
  let d = b - a;
  while (d > Math.PI) d -= 2 * Math.PI;
  while (d < -Math.PI) d += 2 * Math.PI;
  return d;
}
