import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../scenarios/index.ts';
import { scenarioSummary } from '../../../sim-core/src/stream/scenario-summary.ts';

function preset(name: string) {
  const r = loadScenario(`scenarios/presets/${name}.json`);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

describe('scenario summary (live hello and standalone viewer alike)', () => {
  it('states the demand as configured, before the seasonal factor', () => {
    const s = preset('huu-nghi-baseline-2025');
    expect(s.demand.seasonalFactor).not.toBe(1);
    const sum = scenarioSummary('huu-nghi-baseline-2025', s, 7);
    expect(sum.vehiclesPerDay).toBe(s.demand.vehiclesPerDay);
    expect(sum.igvFleet).toBeNull();
    expect(sum.seed).toBe(7);
  });

  it("takes the session's horizon when it overrides the scenario's", () => {
    const s = preset('huu-nghi-smart-2030');
    expect(scenarioSummary('x', s, 1).horizon.days).toBe(s.horizon.days);
    const two = scenarioSummary('x', s, 1, 2);
    expect(two.horizon).toEqual({ days: 2, warmupHours: s.horizon.warmupHours });
    expect(two.horizonMs).toBe(2 * 86_400_000);
    expect(two.igvFleet).toBe(s.transport.igv!.fleet);
  });
});
