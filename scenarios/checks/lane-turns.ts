/**
 * Turns tighter than the vehicle can drive. A lane is a polyline; a vehicle drives each corner as
 * an arc tangent to both legs, and the arc may use at most the whole leg, or half of it when the
 * leg's other end is itself a corner (the two arcs share the leg). The largest arc that fits has
 * radius min(a, b) / tan(θ/2) for deflection θ; below `minTurnRadiusM` the vehicle cannot follow.
 *
 * Checked at every via point of an edge, and at every node where a vehicle may go on from one edge
 * to the next. Going back on the reverse edge (A → B → A) is a reversal, not a turn: IGVs drive
 * both ways (they have no front), so it is not checked.
 */

import type { LaneNetwork, NetworkEdge, Point, VehicleDimensions } from '../../sim-core/src/model/scenario.ts';
import { formatPoint } from '../geometry.ts';
import { deflectionDeg, distance, edgePolyline, fittingRadius, nodeMap } from './lane-geometry.ts';
import { STRAIGHT_DEG, type LayoutFinding } from './layout-finding.ts';

/** Usable length (m) of leg p → q for the arc at p, when q is a corner deflecting by `qDeg`. */
function usable(p: Point, q: Point, qDeg: number): number {
  const len = distance(p, q);
  return qDeg > STRAIGHT_DEG ? len / 2 : len;
}

function tooTight(thetaDeg: number, radius: number, vehicle: VehicleDimensions): boolean {
  return thetaDeg > STRAIGHT_DEG && radius < vehicle.minTurnRadiusM - 1e-6;
}

/** Deflections at each vertex of a polyline (0 at both ends). */
function deflections(line: readonly Point[]): number[] {
  return line.map((_, k) => (k === 0 || k === line.length - 1 ? 0 : deflectionDeg(line[k - 1]!, line[k]!, line[k + 1]!)));
}

export function laneTurnFindings(network: LaneNetwork, vehicle: VehicleDimensions): LayoutFinding[] {
  const findings: LayoutFinding[] = [];
  const nodes = nodeMap(network);
  const lines = new Map<NetworkEdge, Point[]>(network.edges.map((e) => [e, edgePolyline(e, nodes)]));

  // Corners inside an edge, at its via points.
  network.edges.forEach((edge, i) => {
    const line = lines.get(edge)!;
    const defl = deflections(line);
    for (let k = 1; k < line.length - 1; k++) {
      const theta = defl[k]!;
      const r = fittingRadius(theta, usable(line[k]!, line[k - 1]!, defl[k - 1]!), usable(line[k]!, line[k + 1]!, defl[k + 1]!));
      if (!tooTight(theta, r, vehicle)) continue;
      findings.push({
        code: 'turn-too-tight',
        severity: 'error',
        message: `lane ${edge.id} turns by ${theta.toFixed(0)}° at ${formatPoint(line[k]!)}; the legs leave room for a ${r.toFixed(1)} m radius, the IGV needs at least ${vehicle.minTurnRadiusM} m`,
        path: `$.layout.network.edges[${i}].via[${k - 1}]`,
        at: line[k]!,
      });
    }
  });

  // Corners at nodes, from each incoming edge onto each outgoing one.
  const outgoing = new Map<string, NetworkEdge[]>();
  for (const e of network.edges) outgoing.set(e.from, [...(outgoing.get(e.from) ?? []), e]);
  const nodeIndex = new Map(network.nodes.map((n, j) => [n.id, j]));
  for (const into of network.edges) {
    const a = lines.get(into)!;
    if (a.length < 2) continue;
    for (const out of outgoing.get(into.to) ?? []) {
      if (out.to === into.from) continue; // reversal onto the reverse edge
      const b = lines.get(out)!;
      if (b.length < 2) continue;
      const prev = a[a.length - 2]!;
      const at = a[a.length - 1]!;
      const next = b[1]!;
      const theta = deflectionDeg(prev, at, next);
      if (theta <= STRAIGHT_DEG) continue;
      const prevDeg = a.length > 2 ? deflectionDeg(a[a.length - 3]!, prev, at) : 0;
      const nextDeg = b.length > 2 ? deflectionDeg(at, next, b[2]!) : 0;
      const r = fittingRadius(theta, usable(at, prev, prevDeg), usable(at, next, nextDeg));
      if (!tooTight(theta, r, vehicle)) continue;
      findings.push({
        code: 'turn-too-tight',
        severity: 'error',
        message: `going from lane ${into.id} onto lane ${out.id} at node ${into.to} ${formatPoint(at)} turns by ${theta.toFixed(0)}°; the legs leave room for a ${r.toFixed(1)} m radius, the IGV needs at least ${vehicle.minTurnRadiusM} m`,
        path: `$.layout.network.nodes[${nodeIndex.get(into.to) ?? -1}]`,
        at,
      });
    }
  }
  return findings;
}
