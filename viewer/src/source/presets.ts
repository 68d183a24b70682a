/**
 * The scenario presets bundled into the viewer (scenarios/presets/*.json at build time), so the
 * standalone viewer needs no server, and the scenario summary and layout payload built from a
 * validated scenario exactly as the live protocol carries them.
 */

import { validateScenario } from '../../../scenarios/validate.ts';
import type { Scenario } from '../../../sim-core/src/model/scenario.ts';

const files = import.meta.glob<unknown>('../../../scenarios/presets/*.json', { eager: true, import: 'default' });

/** Preset JSON by name, as the files hold it (not yet validated). */
export const PRESET_JSON: Readonly<Record<string, unknown>> = Object.fromEntries(
  Object.entries(files).map(([path, json]) => [path.slice(path.lastIndexOf('/') + 1, -'.json'.length), json]),
);

export const PRESET_NAMES: readonly string[] = Object.keys(PRESET_JSON).sort();

/** A validated preset, or an Error naming every problem (and the known presets for an unknown name). */
export function loadPreset(name: string): Scenario {
  const json = PRESET_JSON[name];
  if (json === undefined) throw new Error(`unknown preset "${name}"; known presets are ${PRESET_NAMES.join(', ')}`);
  const r = validateScenario(json);
  if (!r.ok) throw new Error(`preset ${name}: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return r.scenario;
}

export { layoutPayload as layoutPayloadOf } from '../../../sim-core/src/stream/layout-payload.ts';

export { scenarioSummary as scenarioSummaryOf } from '../../../sim-core/src/stream/scenario-summary.ts';
