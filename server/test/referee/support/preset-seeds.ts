import { expect, it } from 'vitest';
import type { Scenario } from '../../../../sim-core/src/model/scenario.ts';
import { loadScenario } from '../../../../scenarios/index.ts';
import { refereeRun } from '../../../referee/referee-run.ts';
import { formatFinding } from '../../../referee/referee-format.ts';

/**
 * No two IGV footprints ever overlap, across 50 seeds of a smart preset. Each run covers the first
 * HOURS simulated hours (the fleet leaves its parking, dispatch starts, the first crossings in both
 * directions), and every motion the fleet emits there is refereed. One file per preset, so vitest
 * runs the presets in parallel and a failure names its preset.
 */
export const SEEDS = 50;
export const HOURS = 2;

export function smartPreset(name: string): Scenario {
  const r = loadScenario(name);
  if (!r.ok) throw new Error(`${name} does not load`);
  if (r.scenario.layout.network === undefined) throw new Error(`${name} has no lane network to referee`);
  return r.scenario;
}

export function noOverlapAcrossSeeds(name: string): void {
  it(`${name}: no footprint overlap in the first ${HOURS} h of ${SEEDS} seeds`, () => {
    const scenario = smartPreset(name);
    const failures: string[] = [];
    let motions = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const report = refereeRun(scenario, { seed, hours: HOURS, maxFindings: 3 });
      motions += report.motions;
      if (!report.ok) failures.push(`seed ${seed}: ${report.findings.map(formatFinding).join('; ')}`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
    // The fleet did drive: hundreds of motions per run were refereed.
    expect(motions / SEEDS).toBeGreaterThan(200);
  });
}
