/**
 * Replays a live run without its external controller: the same scenario, seed and horizon, with
 * the decisions (and the moments roles were taken over and given back) read from the decision log.
 * The result is the live run's `traceHash`, the proof that the log captures everything the
 * controller changed.
 */

import { CrossingModel } from '../../sim-core/src/model/crossing-model.ts';
import { fromScenario } from '../../sim-core/src/model/from-scenario.ts';
import type { Scenario } from '../../sim-core/src/model/scenario.ts';
import { Lockstep, type DecisionLogEntry } from '../../sim-core/src/stream/lockstep.ts';
import { lockstepDispatchPort } from '../../sim-core/src/stream/lockstep-dispatch.ts';
import { createDispatcher } from '../../sim-core/src/fleet/dispatch/registry.ts';

export interface ReplayResult {
  traceHash: string;
  /** Decisions replayed. */
  decisions: number;
  model: CrossingModel;
}

/** Runs `scenario` at `seed` for `days` with the decisions of `log`. Throws ReplayDivergedError on a mismatch. */
export function replayRun(scenario: Scenario, seed: number, days: number, log: readonly DecisionLogEntry[]): ReplayResult {
  const config = fromScenario(scenario, { seed, days });
  let lockstep: Lockstep | null = null;
  // The same dispatch port as the live run, so IGV dispatch decisions come from the log too.
  const model = new CrossingModel(config, config.control.transport === 'network' ? { dispatchPort: lockstepDispatchPort(() => lockstep, createDispatcher(config.control.dispatch)) } : {});
  lockstep = Lockstep.replay(model.env, log);
  model.lockstep = lockstep;
  const horizon = config.horizonMs;
  // Live, a role changes hands after every event up to that time: advanceTo(t), then the change.
  for (let t = lockstep.nextControlTime(); t < horizon; t = lockstep.nextControlTime()) {
    model.env.advanceTo(t);
    lockstep.applyControlsUpTo(t);
  }
  model.env.run(horizon);
  return { traceHash: model.env.traceHash, decisions: log.filter((e) => e.kind === 'decision').length, model };
}
