/**
 * Calibration: over several seeds the presets give what the crossing gives (DOMAIN.md): today's
 * 1119-1120 clears about 784-861 vehicles a day and leaves evening backlogs; the smart 2030
 * crossings reach their targets with their preset equipment.
 */
import { describe, expect, it } from 'vitest';
import { fromScenario } from '../../sim-core/src/model/from-scenario.ts';
import { runCrossing, type CrossingRun } from '../../sim-core/src/model/run-summary.ts';
import { loadScenario } from '../index.ts';

const SEEDS = [1, 2, 3];

function run(preset: string, seed: number, days?: number, set: readonly string[] = []): CrossingRun {
  const loaded = loadScenario(preset, { set });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return runCrossing(fromScenario(loaded.scenario, days === undefined ? { seed } : { seed, days }));
}

describe('calibration of the presets', () => {
  it('huu-nghi-baseline-2025 clears about what 1119-1120 clears today (784-861/day) and leaves evening backlogs', () => {
    const runs = SEEDS.map((seed) => run('huu-nghi-baseline-2025', seed));
    const perDay = runs.map((r) => r.kpis.vehiclesPerDay);
    const mean = perDay.reduce((a, b) => a + b, 0) / perDay.length;
    // The observed range, for the mean over seeds; each seed within a little of it.
    expect(mean, `vehicles/day by seed: ${perDay.join(', ')}`).toBeGreaterThanOrEqual(784);
    expect(mean, `vehicles/day by seed: ${perDay.join(', ')}`).toBeLessThanOrEqual(861);
    for (const v of perDay) expect(v >= 750 && v <= 900, `vehicles/day ${v}`).toBe(true);
    for (const r of runs) {
      expect(r.kpis.conservation.ok).toBe(true);
      // Trucks still waiting for or in regulating parking at 20:00, on every measured day.
      const h = r.kpis.hourly;
      const at20 = h.hour.map((hour, i) => ({ hour, q: h.parkingQueue[i]! })).filter((x) => x.hour % 24 === 20 && x.hour >= r.warmupHours);
      expect(at20.length).toBeGreaterThan(0);
      const meanAt20 = at20.reduce((s, x) => s + x.q, 0) / at20.length;
      expect(meanAt20, `backlog at 20:00 (seed ${r.seed})`).toBeGreaterThanOrEqual(150);
    }
  });

  // The smart presets now drive their IGVs on the lane network. With the abstract fleet (`pool`:
  // a trip time per crossing, no traffic) their equipment reaches the 2030 targets; on the network
  // the fleet control of this model (holding bays, gate lanes held while approaching, junction
  // reservations with the clearance that keeps footprints apart in the yards) caps the crossing near
  // 1,400 (1119-1120) and 1,450 (1088/2-1089) a day at the preset fleets, which the README's model
  // section explains. Both are checked.
  it('huu-nghi-smart-2030 with its preset equipment clears at least 3,000 vehicles a day with the abstract fleet', () => {
    for (const seed of SEEDS) {
      const r = run('huu-nghi-smart-2030', seed, 3, ['control.transport.strategy=pool']);
      expect(r.kpis.vehiclesPerDay, `seed ${seed}`).toBeGreaterThanOrEqual(3000);
      expect(r.kpis.conservation.ok).toBe(true);
    }
  });

  it('tan-thanh-smart-2030 with its preset equipment clears at least 2,000 vehicles a day with the abstract fleet', () => {
    for (const seed of SEEDS) {
      const r = run('tan-thanh-smart-2030', seed, 3, ['control.transport.strategy=pool']);
      expect(r.kpis.vehiclesPerDay, `seed ${seed}`).toBeGreaterThanOrEqual(2000);
      expect(r.kpis.conservation.ok).toBe(true);
    }
  });

  it('on their lane networks the smart presets clear what this fleet control gives (about 3,030 and 2,140 a day), without deadlock', () => {
    // Floors a little under seed 1's figures (3,043 and 2,148 over 2 days, with side-first
    // dispatch, a waiting stall across from every transfer point, nearest-waiter transfer points,
    // the smaller yard's admission cap, junction passages that exclude each other only where their
    // swept footprints meet and then only over the stretches where they can), so a change that
    // costs the yards' capacity fails here before it reaches the goldens' review.
    for (const [preset, min] of [['huu-nghi-smart-2030', 3030], ['tan-thanh-smart-2030', 2140]] as const) {
      const r = run(preset, 1, 2);
      expect(r.kpis.vehiclesPerDay, preset).toBeGreaterThanOrEqual(min);
      expect(r.kpis.conservation.ok).toBe(true);
      expect(r.kpis.fleet?.deadlocks.detected).toBe(0);
    }
  });
});
