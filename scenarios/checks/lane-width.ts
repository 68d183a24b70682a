/**
 * Lane width against the vehicle: neighbouring lanes (the lanes of one edge, and the two directions
 * of a road sharing its centreline) lie one lane width apart, centre to centre, so two vehicles
 * side by side are `laneWidthM − widthM` apart. Less than nothing is a collision waiting to happen
 * (error); less than the safety margin is a warning.
 */

import type { LaneNetwork, Point, VehicleDimensions } from '../../sim-core/src/model/scenario.ts';
import { DEFAULT_LANE_WIDTH_M, nodeMap } from './lane-geometry.ts';
import { CLEARANCE_MARGIN_M, type LayoutFinding } from './layout-finding.ts';

export function laneWidthFindings(network: LaneNetwork, vehicle: VehicleDimensions): LayoutFinding[] {
  const width = network.laneWidthM ?? DEFAULT_LANE_WIDTH_M;
  const gap = width - vehicle.widthM;
  if (gap >= CLEARANCE_MARGIN_M) return [];
  // Where it matters: the first edge with a neighbour lane (several lanes, or a reverse edge).
  const nodes = nodeMap(network);
  const ends = new Set(network.edges.map((e) => `${e.from}>${e.to}`));
  const edge = network.edges.find((e) => e.lanes > 1 || (e.offsetM === undefined && ends.has(`${e.to}>${e.from}`)));
  if (edge === undefined) return [];
  const a = nodes.get(edge.from)?.position;
  const b = nodes.get(edge.to)?.position;
  const at: Point = a !== undefined && b !== undefined ? [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] : [0, 0];
  const collide = gap < 0;
  return [
    {
      code: 'lanes-too-narrow',
      severity: collide ? 'error' : 'warning',
      message: `lanes are ${width} m apart centre to centre but IGVs are ${vehicle.widthM} m wide, so vehicles side by side (e.g. on lane ${edge.id}) ${collide ? `overlap by ${(-gap).toFixed(2)} m` : `keep only ${gap.toFixed(2)} m between them, less than the ${CLEARANCE_MARGIN_M} m margin`}`,
      path: network.laneWidthM === undefined ? '$.transport.igv.vehicle.widthM' : '$.layout.network.laneWidthM',
      at,
    },
  ];
}
