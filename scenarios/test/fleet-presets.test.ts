/**
 * The smart presets on their lane networks: no unresolved deadlock over 50 seeds each (short
 * horizons: the first hours, when the fleet leaves the stalls and queues build), and every dispatch
 * strategy runs every smart preset, conserves containers and decides differently.
 */
import { describe, expect, it } from 'vitest';
import { fromScenario } from '../../sim-core/src/model/from-scenario.ts';
import { runCrossing } from '../../sim-core/src/model/run-summary.ts';
import { DISPATCH_STRATEGIES } from '../../sim-core/src/model/scenario.ts';
import { loadScenario } from '../index.ts';

const SMART = ['huu-nghi-smart-2030', 'huu-nghi-peak-2030', 'tan-thanh-smart-2030'] as const;

function scenario(preset: string, set: string[] = []) {
  const loaded = loadScenario(preset, { set });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.scenario;
}

describe('smart presets on the lane network', () => {
  it.each(SMART)('%s: 50 seeds of 2 hours, no deadlock (buffered traffic control throws on one), containers conserved', (preset) => {
    const s = scenario(preset);
    expect(s.control.transport.strategy).toBe('network');
    const hashes = new Set<string>();
    for (let seed = 1; seed <= 50; seed++) {
      const r = runCrossing(fromScenario(s, { seed, days: 2 / 24 }));
      expect(r.kpis.conservation.ok, `seed ${seed}`).toBe(true);
      expect(r.kpis.fleet!.deadlocks.detected, `seed ${seed}`).toBe(0);
      expect(r.kpis.igvTrips.loaded + r.kpis.igvTrips.empty + r.engine.events).toBeGreaterThan(0);
      hashes.add(r.traceHash);
    }
    expect(hashes.size).toBe(50);
  });

  it.each(SMART)('%s: each dispatch strategy runs it, conserves containers, and they decide differently', (preset) => {
    const runs = DISPATCH_STRATEGIES.map((d) => runCrossing(fromScenario(scenario(preset, [`control.dispatch.strategy=${d}`, 'horizon.warmupHours=2']), { seed: 1, days: 0.5 })));
    for (const r of runs) {
      expect(r.kpis.conservation.ok).toBe(true);
      expect(r.kpis.containersCrossed.export + r.kpis.containersCrossed.import).toBeGreaterThan(200);
      expect(r.kpis.fleet!.dispatch.assignments).toBeGreaterThan(200);
    }
    expect(new Set(runs.map((r) => r.traceHash)).size).toBe(DISPATCH_STRATEGIES.length);
  });
});
