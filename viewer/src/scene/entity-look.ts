/**
 * How an entity's state shows: its tint, and the crane cycle and barrier animations derived from
 * the latest state event and its time. Pure functions of the entity and the display time, so the
 * frame loop stays a loop of writes and the look can be unit-tested.
 */

import type { ViewEntity } from '../store/entity-table.ts';
import { COLORS } from './palette.ts';

export function isDown(e: ViewEntity): boolean {
  return e.state.down === 1 || e.state.down === '1' || e.state.state === 'broken';
}

/** Tint of an entity's instance (the parts modelled white take it fully). */
export function tintOf(e: ViewEntity): number {
  switch (e.kind) {
    case 'truck':
      return e.country === 'CN' ? COLORS.truckCN : COLORS.truckVN;
    case 'igv': {
      if (isDown(e)) return COLORS.igvBroken;
      const s = e.state.state;
      if (s === 'charging') return COLORS.igvCharging;
      if (s === 'blocked') return COLORS.igvBlocked;
      if (s === 'loaded' || e.load !== null) return COLORS.igvLoaded;
      if (s === 'empty') return COLORS.igvEmpty;
      return COLORS.igvIdle;
    }
    case 'container': {
      const ch = e.attrs.channel;
      if (ch === 'red') return COLORS.containerRed;
      if (ch === 'yellow') return COLORS.containerYellow;
      return e.attrs.direction === 'import' ? COLORS.containerImport : COLORS.containerExport;
    }
    case 'crane':
      return isDown(e) ? COLORS.craneDown : COLORS.crane;
    case 'scanner':
      return isDown(e) ? COLORS.lightDown : e.state.busy === 1 ? COLORS.lightBusy : COLORS.lightIdle;
    case 'gate-lane':
      return isDown(e) ? COLORS.lightDown : e.state.barrier === 'up' ? COLORS.barrierUp : COLORS.barrierDown;
    case 'inspection-bay':
      return isDown(e) ? COLORS.lightDown : e.state.busy === 1 ? COLORS.bayBusy : COLORS.bay;
    case 'charger':
      return isDown(e) ? COLORS.lightDown : COLORS.charger;
  }
}

/** Spreader heights (top of the spreader, metres above ground). */
export const HOIST_TOP = 17;
export const HOIST_BOTTOM = 3.2;
/** Seconds a hoist or trolley move takes on screen (the model's cycle phases are longer or shorter; the picture only needs the direction). */
const MOVE_S = 12;

/** Trolley offset across the span (m, −11..11) and spreader height for a crane at time t (ms). */
export function craneAnimation(e: ViewEntity, t: number, out: { trolley: number; hoist: number }): void {
  const f = Math.min(1, Math.max(0, (t - e.stateSince) / (MOVE_S * 1000)));
  // The trolley runs to the stack side with a box and back to the transfer side without one.
  const side = e.load !== null ? 1 : -1;
  switch (e.state.phase) {
    case 'trolley':
      out.trolley = side * (-11 + 22 * f);
      out.hoist = HOIST_TOP;
      return;
    case 'hoist-down':
      out.trolley = side * 11;
      out.hoist = HOIST_TOP + (HOIST_BOTTOM - HOIST_TOP) * f;
      return;
    case 'hoist-up':
      out.trolley = -side * 11;
      out.hoist = HOIST_BOTTOM + (HOIST_TOP - HOIST_BOTTOM) * f;
      return;
    default:
      out.trolley = 0;
      out.hoist = HOIST_TOP;
  }
}

/** Barrier arm angle (radians, 0 = closed, ~80° = open), swinging over 1.5 simulated seconds. */
export function barrierAngle(e: ViewEntity, t: number): number {
  const f = Math.min(1, Math.max(0, (t - e.stateSince) / 1500));
  const open = (80 * Math.PI) / 180;
  return e.state.barrier === 'up' ? open * f : open * (1 - f) * (e.stateSince > 0 ? 1 : 0);
}
