/**
 * What a viewer is told about the scenario it watches: one function for the live server's hello
 * and the standalone viewer's worker, so the two cannot drift (they did: one showed the demand
 * after the seasonal factor, the other as configured).
 */

import { MS_PER_DAY } from '../model/calendar.ts';
import type { Scenario } from '../model/scenario.ts';
import type { ScenarioSummary } from './protocol.ts';

/**
 * The summary of a scenario as run.
 * @param name preset name or scenario id
 * @param seed the run's seed
 * @param days the horizon in simulated days, when the session overrides the scenario's (default: the scenario's)
 */
export function scenarioSummary(name: string, s: Scenario, seed: number, days: number = s.horizon.days): ScenarioSummary {
  return {
    name,
    title: s.meta.title,
    description: s.meta.description,
    site: s.meta.site,
    mode: s.mode,
    seed,
    horizon: { days, warmupHours: s.horizon.warmupHours },
    horizonMs: Math.round(days * MS_PER_DAY),
    // As configured, before the seasonal factor or any what-if (see ScenarioSummary).
    vehiclesPerDay: s.demand.vehiclesPerDay,
    igvFleet: s.mode === 'smart' ? (s.transport.igv?.fleet ?? null) : null,
  };
}
