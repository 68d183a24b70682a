import type { Scenario } from '../model/scenario.ts';
import type { LayoutPayload } from './protocol.ts';

/** The geometry a viewer draws, as the hello carries it (the lane network when the layout has one). */
export function layoutPayload(s: Scenario): LayoutPayload {
  const out: LayoutPayload = { origin: s.site.origin, zeroLine: s.site.zeroLine, zones: s.layout.zones, equipment: s.layout.equipment, routes: s.layout.routes };
  if (s.layout.network !== undefined) out.network = s.layout.network;
  return out;
}
