/**
 * Which zone kinds each kind of equipment may stand in: a scanner in a scanner zone, a crane in
 * a yard or storage zone... so a layout cannot put an inspection bay in the parking by mistake.
 */

import type { EquipmentKind, ZoneKind } from '../../sim-core/src/model/scenario.ts';

const YARD: readonly ZoneKind[] = ['transfer-yard', 'import-storage', 'export-storage'];

/** Zone kinds allowed per equipment kind; a kind missing here may stand anywhere. */
export const EQUIPMENT_ZONES: Readonly<Partial<Record<EquipmentKind, readonly ZoneKind[]>>> = {
  'gate-lane': ['gate'],
  'e-barrier': ['gate'],
  scanner: ['scanner'],
  crane: YARD,
  'reach-stacker': YARD,
  'inspection-bay': ['inspection'],
  charger: ['charging'],
  'battery-swap': ['charging'],
};

/** Why `equipment` may not stand in a `zone` zone (`a crane belongs in ...`), or undefined if it may. */
export function equipmentZoneRule(equipment: EquipmentKind, zone: ZoneKind): string | undefined {
  const allowed = EQUIPMENT_ZONES[equipment];
  if (allowed === undefined || allowed.includes(zone)) return undefined;
  const list = allowed.length === 1 ? `a ${allowed[0] ?? ''} zone` : `a ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1] ?? ''} zone`;
  return `a ${equipment} belongs in ${list}`;
}
