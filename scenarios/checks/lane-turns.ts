/**
 * Turns tighter than the vehicle can drive. A lane is a polyline; a vehicle drives each corner as
 * an arc tangent to both legs. The largest arc that fits has radius min(a, b) / tan(θ/2) for a
 * deflection θ, where a and b are the straight lengths available before and after the corner: a leg
 * between two corners of one edge counts half (the two arcs share it); a leg ending at a node
 * continues through every edge that goes on straight from there (an aisle of many short edges is
 * one straight). Below `minTurnRadiusM` the vehicle cannot follow the lane.
 *
 * Checked at every via point of an edge, and at every node where a vehicle may go on from one edge
 * to the next. Going back on the reverse edge (A → B → A) is a reversal, not a turn: IGVs drive
 * both ways (they have no front), so it is not checked.
 */

import type { LaneNetwork, NetworkEdge, Point, VehicleDimensions } from '../../sim-core/src/model/scenario.ts';
import { formatPoint } from '../geometry.ts';
import { deflectionDeg, distance, edgePolyline, fittingRadius, nodeMap } from './lane-geometry.ts';
import { STRAIGHT_DEG, type LayoutFinding } from './layout-finding.ts';

/** Straight runs longer than this never limit a turn the checks meet (metres). */
const RUN_CAP_M = 1_000;

/** Deflections at each vertex of a polyline (0 at both ends). */
function deflections(line: readonly Point[]): number[] {
  return line.map((_, k) => (k === 0 || k === line.length - 1 ? 0 : deflectionDeg(line[k - 1]!, line[k]!, line[k + 1]!)));
}

class StraightRuns {
  private readonly into = new Map<string, NetworkEdge[]>();
  private readonly out = new Map<string, NetworkEdge[]>();

  constructor(
    network: LaneNetwork,
    private readonly lines: ReadonlyMap<NetworkEdge, Point[]>,
  ) {
    for (const e of network.edges) {
      this.into.set(e.to, [...(this.into.get(e.to) ?? []), e]);
      this.out.set(e.from, [...(this.out.get(e.from) ?? []), e]);
    }
  }

  /** Straight length (m) a vehicle has driven before reaching `node` heading from `prev` to it. */
  before(node: string, prev: Point, at: Point): number {
    let total = 0;
    let guard = 0;
    for (let n = node, p = prev, q = at; total < RUN_CAP_M && guard++ < 200; ) {
      // n stands at p and the run goes on towards q: an edge into n whose last leg lines up with it.
      const next = (this.into.get(n) ?? []).find((e) => {
        const l = this.lines.get(e)!;
        return l.length >= 2 && distance(l[l.length - 2]!, p) > 0 && deflectionDeg(l[l.length - 2]!, p, q) <= STRAIGHT_DEG;
      });
      if (next === undefined) return total;
      const l = this.lines.get(next)!;
      total += distance(l[l.length - 2]!, l[l.length - 1]!);
      if (l.length > 2) return total; // a via point: the straight ends there
      n = next.from;
      q = p;
      p = l[0]!;
    }
    return total;
  }

  /** Straight length (m) available after leaving `node` towards `next`, driving from `at`. */
  after(node: string, at: Point, next: Point): number {
    let total = 0;
    let guard = 0;
    for (let n = node, p = at, q = next; total < RUN_CAP_M && guard++ < 200; ) {
      // n stands at q, reached from p: an edge out of n whose first leg lines up with p → q.
      const e = (this.out.get(n) ?? []).find((x) => {
        const l = this.lines.get(x)!;
        return l.length >= 2 && distance(l[1]!, q) > 0 && deflectionDeg(p, q, l[1]!) <= STRAIGHT_DEG;
      });
      if (e === undefined) return total;
      const l = this.lines.get(e)!;
      total += distance(l[0]!, l[1]!);
      if (l.length > 2) return total;
      n = e.to;
      p = q;
      q = l[1]!;
    }
    return total;
  }
}

export function laneTurnFindings(network: LaneNetwork, vehicle: VehicleDimensions): LayoutFinding[] {
  const findings: LayoutFinding[] = [];
  const nodes = nodeMap(network);
  // Repeated points (a via point on a node, twice the same via) have no direction: drop them,
  // remembering which via point each remaining vertex is.
  const viaOf = new Map<NetworkEdge, number[]>();
  const lines = new Map<NetworkEdge, Point[]>(
    network.edges.map((e) => {
      const full = edgePolyline(e, nodes);
      const keep: Point[] = [];
      const index: number[] = [];
      full.forEach((p, k) => {
        const prev = keep[keep.length - 1];
        if (prev !== undefined && distance(prev, p) < 1e-3) {
          if (k === full.length - 1) keep[keep.length - 1] = p; // the to-node wins over a via point on it
          return;
        }
        keep.push(p);
        index.push(k - 1); // vertex k of [from, ...via, to] is via[k − 1]
      });
      viaOf.set(e, index);
      return [e, keep];
    }),
  );
  const runs = new StraightRuns(network, lines);
  const tooTight = (theta: number, r: number): boolean => theta > STRAIGHT_DEG && r < vehicle.minTurnRadiusM - 1e-6;
  const tail = `the IGV needs at least ${vehicle.minTurnRadiusM} m`;

  // Corners inside an edge, at its via points.
  network.edges.forEach((edge, i) => {
    const line = lines.get(edge)!;
    const defl = deflections(line);
    const last = line.length - 1;
    for (let k = 1; k < last; k++) {
      const theta = defl[k]!;
      if (theta <= STRAIGHT_DEG) continue;
      const legIn = distance(line[k - 1]!, line[k]!);
      const legOut = distance(line[k]!, line[k + 1]!);
      // A leg to another corner is shared; a leg to a node may go on straight through it.
      const a = k - 1 === 0 ? legIn + runs.before(edge.from, line[0]!, line[1]!) : defl[k - 1]! > STRAIGHT_DEG ? legIn / 2 : legIn;
      const b = k + 1 === last ? legOut + runs.after(edge.to, line[k]!, line[last]!) : defl[k + 1]! > STRAIGHT_DEG ? legOut / 2 : legOut;
      const r = fittingRadius(theta, a, b);
      if (!tooTight(theta, r)) continue;
      findings.push({
        code: 'turn-too-tight',
        severity: 'error',
        message: `lane ${edge.id} turns by ${theta.toFixed(0)}° at ${formatPoint(line[k]!)}; the straight stretches around the corner leave room for a ${r.toFixed(1)} m radius, ${tail}`,
        path: `$.layout.network.edges[${i}].via[${viaOf.get(edge)![k]!}]`,
        at: line[k]!,
      });
    }
  });

  // Corners at nodes, from each incoming edge onto each outgoing one.
  const outgoing = new Map<string, NetworkEdge[]>();
  for (const e of network.edges) outgoing.set(e.from, [...(outgoing.get(e.from) ?? []), e]);
  const nodeIndex = new Map(network.nodes.map((n, j) => [n.id, j]));
  for (const into of network.edges) {
    const la = lines.get(into)!;
    if (la.length < 2) continue;
    for (const out of outgoing.get(into.to) ?? []) {
      if (out.to === into.from) continue; // reversal onto the reverse edge
      const lb = lines.get(out)!;
      if (lb.length < 2) continue;
      const prev = la[la.length - 2]!;
      const at = la[la.length - 1]!;
      const next = lb[1]!;
      const theta = deflectionDeg(prev, at, next);
      if (theta <= STRAIGHT_DEG) continue;
      const legIn = distance(prev, at);
      const legOut = distance(at, next);
      const a = la.length > 2 ? (deflectionDeg(la[la.length - 3]!, prev, at) > STRAIGHT_DEG ? legIn / 2 : legIn) : legIn + runs.before(into.from, la[0]!, at);
      const b = lb.length > 2 ? (deflectionDeg(at, next, lb[2]!) > STRAIGHT_DEG ? legOut / 2 : legOut) : legOut + runs.after(out.to, at, next);
      const r = fittingRadius(theta, a, b);
      if (!tooTight(theta, r)) continue;
      findings.push({
        code: 'turn-too-tight',
        severity: 'error',
        message: `going from lane ${into.id} onto lane ${out.id} at node ${into.to} ${formatPoint(at)} turns by ${theta.toFixed(0)}°; the straight stretches around the corner leave room for a ${r.toFixed(1)} m radius, ${tail}`,
        path: `$.layout.network.nodes[${nodeIndex.get(into.to) ?? -1}]`,
        at,
      });
    }
  }
  return findings;
}
