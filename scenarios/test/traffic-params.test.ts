/**
 * The holding bays' queue rule and the yard admission cap are scenario control options
 * (`control.traffic.params`), not constants: their defaults give the presets' results to the bit,
 * another value changes the run and stays deadlock-free, and bad values are refused with their
 * JSON path.
 */
import { describe, expect, it } from 'vitest';
import { fromScenario } from '../../sim-core/src/model/from-scenario.ts';
import { runCrossing } from '../../sim-core/src/model/run-summary.ts';
import { loadScenario } from '../index.ts';

const PRESET = 'huu-nghi-smart-2030';

function run(set: string[]) {
  const loaded = loadScenario(PRESET, { set: ['horizon.warmupHours=0', ...set] });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return runCrossing(fromScenario(loaded.scenario, { seed: 3, days: 4 / 24 }));
}

describe('control.traffic.params: which holding bays may claim an exit lane', () => {
  it('the defaults written out give the same run as leaving them out; other values change it, deadlock-free', () => {
    const base = run([]);
    const explicit = run(['control.traffic.params.frontBaySeconds=75', 'control.traffic.params.extraFrontBays=1', 'control.traffic.params.admittedPerStop=1.5', 'control.traffic.params.admissionMinStops=10']);
    expect(explicit.traceHash).toBe(base.traceHash);
    // Every bay a front bay (no row counts as long) and a longer front: both decide differently.
    // A tighter cap on the Vietnamese yard (34 vehicles by default) decides differently too.
    for (const set of ['control.traffic.params.frontBaySeconds=100000', 'control.traffic.params.extraFrontBays=6', 'control.traffic.params.admittedPerStop=0.5']) {
      const other = run([set]);
      expect(other.traceHash, set).not.toBe(base.traceHash);
      expect(other.kpis.conservation.ok, set).toBe(true);
      expect(other.kpis.fleet!.deadlocks.detected, set).toBe(0);
      expect(other.kpis.igvTrips.loaded, set).toBeGreaterThan(100);
    }
  });

  it('kpis.fleet.admission reports the Vietnamese cap and who waited for it; a tighter cap keeps more waiting', () => {
    const base = run([]).kpis.fleet!.admission;
    const tight = run(['control.traffic.params.admittedPerStop=0.5']).kpis.fleet!.admission;
    // Huu Nghi's Vietnamese yard: 15 transfer points, 5 holding bays, 3 chargers.
    expect(base.VN.cap).toBe(34);
    expect(tight.VN.cap).toBe(11);
    expect(base.CN).toEqual({ cap: null, waits: 0, waitHours: 0 });
    expect(tight.VN.waits).toBeGreaterThan(0);
    expect(tight.VN.waitHours).toBeGreaterThan(base.VN.waitHours);
  });

  it.each([
    ['control.traffic.params.frontBaySeconds=0', '$.control.traffic.params.frontBaySeconds'],
    ['control.traffic.params.frontBaySeconds="long"', '$.control.traffic.params.frontBaySeconds'],
    ['control.traffic.params.extraFrontBays=1.5', '$.control.traffic.params.extraFrontBays'],
    ['control.traffic.params.extraFrontBays=-1', '$.control.traffic.params.extraFrontBays'],
    ['control.traffic.params.admittedPerStop=0', '$.control.traffic.params.admittedPerStop'],
    ['control.traffic.params.admissionMinStops=2.5', '$.control.traffic.params.admissionMinStops'],
    ['control.traffic.params.frontBays=3', 'frontBays'],
  ])('%s is refused, naming %s', (set, where) => {
    const loaded = loadScenario(PRESET, { set: [set] });
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.errors.map((e) => `${e.path} ${e.message}`).join('\n')).toContain(where);
  });
});
