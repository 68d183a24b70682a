/**
 * Lanes against zones that forbid traffic (buildings, storage blocks): a lane may not enter one,
 * and its swept footprint (half the edge's width plus the safety margin) should keep clear of its
 * edges. Where a lane ends at a crane transfer point on a storage block's edge, the last vehicle
 * length before that point may run along the block: that is where the crane reaches the vehicle.
 */

import type { LaneNetwork, Point, VehicleDimensions, Zone } from '../../sim-core/src/model/scenario.ts';
import { formatPoint } from '../geometry.ts';
import { edgePolyline, entryIntoPolygon, nodeMap, segmentDistance, trimPolyline } from './lane-geometry.ts';
import { CLEARANCE_MARGIN_M, NO_TRAFFIC_ZONE_KINDS, STORAGE_ZONE_KINDS, type LayoutFinding } from './layout-finding.ts';

/** Distance an edge's centreline must keep from an obstacle: half its lanes' width plus the margin. */
export function requiredClearanceM(lanes: number, vehicle: VehicleDimensions): number {
  // n lanes of vehicle width with a margin between neighbours, centred on the centreline.
  return (lanes * vehicle.widthM + (lanes - 1) * CLEARANCE_MARGIN_M) / 2 + CLEARANCE_MARGIN_M;
}

function edgePath(i: number, k: number, viaCount: number): string {
  // Segment k runs from vertex k to k+1 of [from, ...via, to]; name the via point that starts it.
  return k >= 1 && k <= viaCount ? `$.layout.network.edges[${i}].via[${k - 1}]` : `$.layout.network.edges[${i}]`;
}

/** Lanes entering no-traffic zones (errors) and running too close to their edges (warnings). */
export function laneZoneFindings(network: LaneNetwork, zones: readonly Zone[], vehicle: VehicleDimensions | undefined): LayoutFinding[] {
  const findings: LayoutFinding[] = [];
  const nodes = nodeMap(network);
  const blocked = zones.filter((z) => NO_TRAFFIC_ZONE_KINDS.includes(z.kind));
  network.edges.forEach((edge, i) => {
    const line = edgePolyline(edge, nodes);
    const viaCount = edge.via?.length ?? 0;
    const entered = new Set<string>();
    for (const zone of blocked) {
      for (let k = 1; k < line.length; k++) {
        const entry = entryIntoPolygon(line[k - 1]!, line[k]!, zone.polygon);
        if (entry === undefined) continue;
        entered.add(zone.id);
        findings.push({
          code: 'lane-in-zone',
          severity: 'error',
          message: `lane ${edge.id} (${edge.from} → ${edge.to}) enters ${zone.kind} zone "${zone.id}" at ${formatPoint(entry)}; vehicles cannot drive through ${zone.kind === 'import-storage' || zone.kind === 'export-storage' ? 'a container storage block' : 'a building'}`,
          path: edgePath(i, k - 1, viaCount),
          at: entry,
        });
        break; // one finding per lane and zone
      }
    }
    if (vehicle === undefined) return;
    const need = requiredClearanceM(edge.lanes, vehicle);
    // Near a crane transfer point the vehicle is meant to stand against a storage block.
    const craneEnd = (id: string): boolean => nodes.get(id)?.kind === 'crane-transfer';
    const approach = vehicle.lengthM + need;
    const trimmed = trimPolyline(line, craneEnd(edge.from) ? approach : 0, craneEnd(edge.to) ? approach : 0);
    for (const zone of blocked) {
      const ends = STORAGE_ZONE_KINDS.includes(zone.kind) ? trimmed : line;
      const worst = closestApproach(ends, zone.polygon);
      if (worst === undefined || worst.d >= need - 1e-6) continue;
      if (entered.has(zone.id)) continue; // already an error; no warning on top
      findings.push({
        code: 'lane-clearance',
        severity: 'warning',
        message: `lane ${edge.id} (${edge.from} → ${edge.to}, ${edge.lanes} lane${edge.lanes === 1 ? '' : 's'}) passes ${worst.d.toFixed(2)} m from ${zone.kind} zone "${zone.id}" at ${formatPoint(worst.at)}; its vehicles need ${need.toFixed(2)} m (half the lane width plus ${CLEARANCE_MARGIN_M} m margin)`,
        // Segment numbers of a trimmed line are not the edge's: then name the whole edge.
        path: edgePath(i, ends === line ? worst.segment : -1, viaCount),
        at: worst.at,
      });
    }
  });
  return findings;
}

/** Closest approach of a polyline to a polygon's boundary: distance, point on the line, segment. */
function closestApproach(line: readonly Point[], polygon: readonly Point[]): { d: number; at: Point; segment: number } | undefined {
  let best: { d: number; at: Point; segment: number } | undefined;
  for (let k = 1; k < line.length; k++) {
    for (let j = 0; j < polygon.length; j++) {
      const r = segmentDistance(line[k - 1]!, line[k]!, polygon[j]!, polygon[(j + 1) % polygon.length]!);
      if (best === undefined || r.d < best.d) best = { d: r.d, at: r.at, segment: k - 1 };
    }
  }
  return best;
}
