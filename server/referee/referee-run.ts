/**
 * Runs a scenario with the referee watching: the model's visual events go straight into a
 * {@link Referee} built from the scenario's IGV footprint. Used by `run --referee`'s tests and the
 * preset checks; the CLI wires the same referee into its own hour-by-hour run loop.
 */

import { CrossingModel } from '../../sim-core/src/model/crossing-model.ts';
import { fromScenario } from '../../sim-core/src/model/from-scenario.ts';
import type { Scenario } from '../../sim-core/src/model/scenario.ts';
import { Referee, type RefereeOptions, type RefereeReport } from './referee.ts';

export interface RefereeRunOptions {
  seed: number;
  /** Simulated hours from the scenario start. */
  hours: number;
  /**
   * Footprint the referee judges with, as multiples of the scenario's vehicle (default 1 × 1).
   * Larger than 1 makes a deliberately strict referee: tests use it to prove a run can fail.
   */
  scale?: { length: number; width: number };
  maxFindings?: number;
}

/** The referee for a scenario's IGVs; the scenario must have a lane network and a vehicle. */
export function refereeForScenario(scenario: Scenario, extra: Partial<RefereeOptions> = {}): Referee {
  const vehicle = scenario.transport.igv?.vehicle;
  if (scenario.layout.network === undefined || vehicle === undefined) {
    throw new Error(`scenario "${scenario.meta.id}" has no IGV lane network (layout.network and transport.igv.vehicle), so there is no IGV motion to referee`);
  }
  return new Referee({ lengthM: vehicle.lengthM, widthM: vehicle.widthM, ...extra });
}

/** Runs `hours` of the scenario at `seed` and returns the referee's verdict. */
export function refereeRun(scenario: Scenario, options: RefereeRunOptions): RefereeReport {
  const vehicle = scenario.transport.igv?.vehicle;
  const scale = options.scale ?? { length: 1, width: 1 };
  const referee = refereeForScenario(scenario, {
    ...(vehicle === undefined ? {} : { lengthM: vehicle.lengthM * scale.length, widthM: vehicle.widthM * scale.width }),
    ...(options.maxFindings === undefined ? {} : { maxFindings: options.maxFindings }),
  });
  const horizonMs = Math.round(options.hours * 3_600_000);
  const config = fromScenario(scenario, { seed: options.seed, days: Math.max(options.hours / 24, scenario.horizon.days) });
  const model = new CrossingModel(config, { visual: referee });
  model.env.run(horizonMs);
  return referee.finish(horizonMs);
}
