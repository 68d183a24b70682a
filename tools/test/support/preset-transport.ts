/** The lane-network transport of a preset's model, built but not run: tests look at its graph, topology and fleet. */
import { loadScenario } from '../../../scenarios/index.ts';
import type { NetworkTransport } from '../../../sim-core/src/fleet/network-transport.ts';
import { CrossingModel } from '../../../sim-core/src/model/crossing-model.ts';
import { fromScenario } from '../../../sim-core/src/model/from-scenario.ts';

/** The network transport of the preset `name`, seed 1, one day. */
export function presetTransport(name: string): NetworkTransport {
  const r = loadScenario(name);
  if (!r.ok) throw new Error(`${name} does not load`);
  const model = new CrossingModel(fromScenario(r.scenario, { seed: 1, days: 1 }));
  return model.transport as unknown as NetworkTransport;
}
