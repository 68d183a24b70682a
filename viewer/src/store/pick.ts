/**
 * Which entity a click on the ground means: the nearest one within reach, vehicles and equipment
 * before containers (a container on a truck is picked through its truck). Pure, over the table.
 */

import type { EntityKind } from '../../../sim-core/src/stream/visual-events.ts';
import type { EntityTable, ViewEntity } from './entity-table.ts';

/** How far from its centre an entity of each kind can be clicked, metres. */
const REACH_M: Record<EntityKind, number> = { truck: 10, igv: 9, container: 8, crane: 18, 'gate-lane': 6, scanner: 14, 'inspection-bay': 10, charger: 6 };
const ORDER: readonly EntityKind[] = ['igv', 'truck', 'crane', 'scanner', 'gate-lane', 'inspection-bay', 'charger', 'container'];

export function pickEntity(table: EntityTable, x: number, y: number): ViewEntity | null {
  for (const kind of ORDER) {
    let best: ViewEntity | null = null;
    let bestD = REACH_M[kind];
    for (const e of table.lists[kind]) {
      if (kind === 'container' && e.carrier !== null) continue;
      const d = Math.hypot(e.x - x, e.y - y);
      if (d <= bestD) {
        best = e;
        bestD = d;
      }
    }
    if (best !== null) return best;
  }
  return null;
}
