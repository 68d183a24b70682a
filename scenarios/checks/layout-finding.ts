/**
 * What the layout review reports: one finding per place a zoning reviewer should look at, with a
 * coordinate on the site grid so the viewer can mark it in the 3D scene.
 *
 * Severity. `error`: the layout cannot be driven as drawn (a lane through a building, a turn the
 * vehicle cannot make, a place the fleet can never reach or leave, a border crossing the model
 * cannot see), so results of a run on it would be meaningless; `crossing-twin validate` exits 2.
 * `warning`: legal but a reviewer should look (clearance to a building below the safety margin,
 * lanes crossing without a junction); `validate` prints it and exits 0.
 */

import type { Point, ZoneKind } from '../../sim-core/src/model/scenario.ts';

export const LAYOUT_FINDING_CODES = [
  'lane-in-zone',
  'lane-clearance',
  'turn-too-tight',
  'node-unreachable',
  'node-no-return',
  'border-without-node',
  'lanes-cross-without-node',
  'lanes-too-narrow',
  'network-without-vehicle',
] as const;
export type LayoutFindingCode = (typeof LAYOUT_FINDING_CODES)[number];

export type LayoutSeverity = 'error' | 'warning';

export interface LayoutFinding {
  code: LayoutFindingCode;
  severity: LayoutSeverity;
  /** One sentence a zoning reviewer understands, naming the lane, zone or node. */
  message: string;
  /** JSON path of the element at fault, e.g. `$.layout.network.edges[4].via[1]`. */
  path: string;
  /** Where on the site grid, metres [x east, y north]. */
  at: Point;
}

/**
 * Zones vehicles may not drive into: buildings (admin offices, the inspection hall, monitoring
 * posts) and container storage blocks (stacks and crane rails). IGVs do drive through transfer
 * yards, scanner portals, gates, charging areas, parking and the IGV and truck roads, so those are
 * not listed. A lane may still end at a crane transfer point on a storage block's edge.
 */
export const NO_TRAFFIC_ZONE_KINDS: readonly ZoneKind[] = ['admin', 'import-storage', 'export-storage', 'inspection', 'monitoring'];

/** Storage blocks: lanes may end on their edge at a crane transfer point. */
export const STORAGE_ZONE_KINDS: readonly ZoneKind[] = ['import-storage', 'export-storage'];

/**
 * Free space kept between a lane's swept footprint and a building or block, and between lanes of
 * one edge, metres. ISO 3691-4 asks 0.5 m of clear space beside a driverless vehicle's path where
 * people may stand; we take it as the margin to any fixed obstacle.
 */
export const CLEARANCE_MARGIN_M = 0.5;

/** Deflections below this are straight on (digitising noise), degrees. */
export const STRAIGHT_DEG = 1;
