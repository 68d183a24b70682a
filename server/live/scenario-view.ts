/**
 * What a client is told about a session's scenario: the summary and the layout of the hello.
 */

import { MS_PER_HOUR } from '../../sim-core/src/model/calendar.ts';
import type { Scenario } from '../../sim-core/src/model/scenario.ts';
import type { ScenarioSummary } from '../../sim-core/src/stream/protocol.ts';

/** The summary of a scenario as run: `days` is the session's horizon when it overrides the scenario's. */
export function scenarioSummary(name: string, s: Scenario, seed: number, days: number): ScenarioSummary {
  return {
    name,
    title: s.meta.title,
    description: s.meta.description,
    site: s.meta.site,
    mode: s.mode,
    seed,
    horizon: { days, warmupHours: s.horizon.warmupHours },
    horizonMs: Math.round(days * 24 * MS_PER_HOUR),
    vehiclesPerDay: s.demand.vehiclesPerDay,
    igvFleet: s.mode === 'smart' ? (s.transport.igv?.fleet ?? null) : null,
  };
}

export { layoutPayload } from '../../sim-core/src/stream/layout-payload.ts';
