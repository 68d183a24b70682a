/**
 * The layout review: every finding about the IGV lane network's geometry, in a stable order
 * (network-level problems, lane width, lanes against zones, turns, connectivity, crossings). Pure geometry on a
 * scenario that passed schema validation; a scenario without a lane network has nothing to review.
 * `crossing-twin validate` prints these, and the viewer marks them in the 3D scene.
 */

import type { Scenario } from '../../sim-core/src/model/scenario.ts';
import { laneConnectivityFindings } from './lane-connectivity.ts';
import { laneCrossingFindings } from './lane-crossings.ts';
import { laneTurnFindings } from './lane-turns.ts';
import { laneWidthFindings } from './lane-width.ts';
import { laneZoneFindings } from './lane-zones.ts';
import type { LayoutFinding } from './layout-finding.ts';

export function layoutFindings(scenario: Scenario): LayoutFinding[] {
  const network = scenario.layout.network;
  if (network === undefined) return [];
  const vehicle = scenario.transport.igv?.vehicle;
  const findings: LayoutFinding[] = [];
  if (vehicle === undefined) {
    findings.push({
      code: 'network-without-vehicle',
      severity: 'error',
      message: 'the layout has a lane network but transport.igv.vehicle is missing, so footprints, clearances and turns cannot be checked (nor driven)',
      path: '$.transport.igv.vehicle',
      at: network.nodes[0]?.position ?? [0, 0],
    });
  }
  if (vehicle !== undefined) findings.push(...laneWidthFindings(network, vehicle));
  findings.push(...laneZoneFindings(network, scenario.layout.zones, vehicle));
  if (vehicle !== undefined) findings.push(...laneTurnFindings(network, vehicle));
  findings.push(...laneConnectivityFindings(network));
  findings.push(...laneCrossingFindings(network, scenario.site.zeroLine));
  return findings;
}

/** `warning lane-clearance at (12.5, -40) $.layout.network.edges[3]: message` — one line per finding. */
export function formatLayoutFinding(f: LayoutFinding): string {
  const r = (v: number): string => String(Math.round(v * 100) / 100);
  return `${f.severity} ${f.code} at (${r(f.at[0])}, ${r(f.at[1])}) ${f.path}: ${f.message}`;
}
