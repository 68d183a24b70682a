/**
 * Lanes against zones that forbid traffic (buildings, storage blocks): a lane may not enter one,
 * and its swept footprint (half the vehicle's width plus the safety margin either side of each
 * lane's centre) should keep clear of its edges. Where a lane ends at a crane transfer point on a storage block's edge, the last vehicle
 * length before that point may run along the block: that is where the crane reaches the vehicle.
 */

import type { LaneNetwork, Point, VehicleDimensions, Zone } from '../../sim-core/src/model/scenario.ts';
import { formatPoint } from '../geometry.ts';
import { DEFAULT_LANE_WIDTH_M, edgePolyline, entryIntoPolygon, laneCentrelines, nodeMap, segmentDistance, trimPolyline } from './lane-geometry.ts';
import { CLEARANCE_MARGIN_M, NO_TRAFFIC_ZONE_KINDS, STORAGE_ZONE_KINDS, type LayoutFinding } from './layout-finding.ts';

/** Distance a lane's centre must keep from an obstacle: half the vehicle's width plus the margin. */
export function requiredClearanceM(vehicle: VehicleDimensions): number {
  return vehicle.widthM / 2 + CLEARANCE_MARGIN_M;
}

function edgePath(i: number, k: number, viaCount: number): string {
  // Segment k runs from vertex k to k+1 of [from, ...via, to]; name the via point that starts it.
  return k >= 1 && k <= viaCount ? `$.layout.network.edges[${i}].via[${k - 1}]` : `$.layout.network.edges[${i}]`;
}

/**
 * Lanes entering no-traffic zones (errors) and running too close to their edges (warnings). Each
 * lane of an edge is checked where the fleet drives it (offset from the centreline, see
 * `laneCentrelines`); without vehicle dimensions only the centreline is checked for entry.
 */
export function laneZoneFindings(network: LaneNetwork, zones: readonly Zone[], vehicle: VehicleDimensions | undefined): LayoutFinding[] {
  const findings: LayoutFinding[] = [];
  const nodes = nodeMap(network);
  const blocked = zones.filter((z) => NO_TRAFFIC_ZONE_KINDS.includes(z.kind));
  const laneWidth = network.laneWidthM ?? DEFAULT_LANE_WIDTH_M;
  const ends = new Set(network.edges.map((e) => `${e.from}>${e.to}`));
  network.edges.forEach((edge, i) => {
    const centre = edgePolyline(edge, nodes);
    if (centre.length < 2) return;
    const lanes = vehicle === undefined ? [centre] : laneCentrelines(edge, centre, laneWidth, ends.has(`${edge.to}>${edge.from}`));
    const viaCount = edge.via?.length ?? 0;
    const entered = new Set<string>();
    for (const zone of blocked) {
      const entry = firstEntry(lanes, zone.polygon);
      if (entry === undefined) continue;
      entered.add(zone.id);
      findings.push({
        code: 'lane-in-zone',
        severity: 'error',
        message: `lane ${edge.id} (${edge.from} → ${edge.to}) enters ${zone.kind} zone "${zone.id}" at ${formatPoint(entry.at)}; vehicles cannot drive through ${STORAGE_ZONE_KINDS.includes(zone.kind) ? 'a container storage block' : 'a building'}`,
        path: edgePath(i, entry.segment, viaCount),
        at: entry.at,
      });
    }
    if (vehicle === undefined) return;
    const need = requiredClearanceM(vehicle);
    // Near a crane transfer point the vehicle is meant to stand against a storage block.
    const craneEnd = (id: string): boolean => nodes.get(id)?.kind === 'crane-transfer';
    const approach = vehicle.lengthM + need;
    const trimmed = lanes.map((l) => trimPolyline(l, craneEnd(edge.from) ? approach : 0, craneEnd(edge.to) ? approach : 0));
    for (const zone of blocked) {
      if (entered.has(zone.id)) continue; // already an error; no warning on top
      const storage = STORAGE_ZONE_KINDS.includes(zone.kind);
      let worst: { d: number; at: Point; segment: number } | undefined;
      for (const lane of storage ? trimmed : lanes) {
        const c = closestApproach(lane, zone.polygon);
        if (c !== undefined && (worst === undefined || c.d < worst.d)) worst = c;
      }
      if (worst === undefined || worst.d >= need - 1e-6) continue;
      findings.push({
        code: 'lane-clearance',
        severity: 'warning',
        message: `lane ${edge.id} (${edge.from} → ${edge.to}${edge.lanes > 1 ? `, ${edge.lanes} lanes` : ''}) passes ${worst.d.toFixed(2)} m from ${zone.kind} zone "${zone.id}" at ${formatPoint(worst.at)}; its vehicles need ${need.toFixed(2)} m (half their width plus ${CLEARANCE_MARGIN_M} m margin)`,
        // Segment numbers of a trimmed lane are not the edge's: then name the whole edge.
        path: edgePath(i, storage && (craneEnd(edge.from) || craneEnd(edge.to)) ? -1 : worst.segment, viaCount),
        at: worst.at,
      });
    }
  });
  return findings;
}

/** Where the first of the lanes (in order) first enters the polygon, and in which segment. */
function firstEntry(lanes: readonly Point[][], polygon: readonly Point[]): { at: Point; segment: number } | undefined {
  for (const lane of lanes) {
    for (let k = 1; k < lane.length; k++) {
      const at = entryIntoPolygon(lane[k - 1]!, lane[k]!, polygon);
      if (at !== undefined) return { at, segment: k - 1 };
    }
  }
  return undefined;
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
