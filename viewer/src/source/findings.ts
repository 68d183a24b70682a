/**
 * Layout findings for review mode: the layout review of `crossing-twin validate` (scenarios/checks,
 * pure geometry) over a scenario. The one place the viewer calls it, so live, standalone and stress
 * modes mark the same things.
 */

import { layoutFindings } from '../../../scenarios/checks/layout-findings.ts';
import type { Scenario } from '../../../sim-core/src/model/scenario.ts';
import type { LayoutFinding } from '../store/viewer-store.ts';

export function findingsOf(scenario: Scenario): LayoutFinding[] {
  return layoutFindings(scenario);
}
