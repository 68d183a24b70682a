import { describe, expect, it } from 'vitest';
import { confidenceInterval } from '../../../sim-core/src/stats/confidence.ts';
import { cli, MMC } from './helpers.ts';

/**
 * The known answers come from a crossing scenario reduced to one station (fixtures/one-scanner-
 * mmc.json: every stage but the scanner switched off, exports only, flat Poisson arrivals at
 * 8.4/h, 2 lanes with exponential 10-min scans), run through the same CLI, executor and workers
 * as any experiment. That tests what planners run, rather than the kernel's tandem workload,
 * which would bypass the scenario, the job format and the KPI summary.
 */
const LAMBDA = 8.4; // per hour
const MU = 6; // per hour and lane
const C = 2;

/** Erlang C mean wait in queue, minutes. */
function erlangCWqMin(lambda: number, mu: number, c: number): number {
  const a = lambda / mu;
  const rho = a / c;
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = term / (1 - rho);
  return (top / (sum + top) / (c * mu - lambda)) * 60;
}

describe('confidence intervals against queueing theory (M/M/2 at load 0.7)', () => {
  const theory = erlangCWqMin(LAMBDA, MU, C);

  it('Erlang C gives 9.608 min for the fixture', () => {
    expect(theory).toBeCloseTo(9.608, 3);
  });

  it('95 % intervals over replications cover the Erlang C wait and the utilization at about their level', () => {
    const r = cli('replicate', MMC, '-n', '30', '--kpi', 'stations.scanners.queueWaitMin.mean', '--kpi', 'stations.scanners.utilization', '--kpi', 'truckTurnTimeMin.mean', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { kpis: Array<{ path: string; values: number[]; ci: { lower: number; upper: number; halfWidth: number } }> };
    const [wait, util, turn] = out.kpis;
    // All 30 replications: tight and covering (the turn time is the wait plus one 10-min scan).
    expect(wait!.ci.lower).toBeLessThan(theory);
    expect(wait!.ci.upper).toBeGreaterThan(theory);
    expect(wait!.ci.halfWidth / theory).toBeLessThan(0.15);
    expect(util!.ci.lower).toBeLessThan(0.7);
    expect(util!.ci.upper).toBeGreaterThan(0.7);
    expect(turn!.ci.lower).toBeLessThan(theory + 10);
    expect(turn!.ci.upper).toBeGreaterThan(theory + 10);
    // Coverage: six independent 5-replication intervals; at 95 % at least 5 of 6 cover the truth
    // with probability 0.967, and a biased or too narrow interval would miss far more often.
    let covered = 0;
    for (let g = 0; g < 6; g++) {
      const ci = confidenceInterval(wait!.values.slice(g * 5, g * 5 + 5));
      if (ci.lower! <= theory && theory <= ci.upper!) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(5);
  });
});

describe('capacity on a one-station scenario', () => {
  it('finds the knee where the Erlang C wait reaches the target, and the scanner as the bottleneck', () => {
    const r = cli('capacity', MMC, '--target', `stations.scanners.queueWaitMin.mean<=${theory().toFixed(3)}`, '--vary', 'demand.vehiclesPerDay=50:280', '-n', '4', '--resolution', '5', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { capacity: number; bracket: [number, number]; bounded: boolean; kneeUndecided: number[]; bottleneck: { station: string; atKnee: { utilization: number } }; probes: Array<{ level: number; verdict: string }> };
    // The theory's knee is 201.6 vehicles a day (8.4/h).
    expect(out.bounded).toBe(true);
    expect(out.capacity).toBeGreaterThan(201.6 * 0.9);
    expect(out.capacity).toBeLessThanOrEqual(201.6 * 1.05);
    // Above the capacity: the knee's band (undecided within the noise) up to the first clear miss;
    // the theory's knee lies between the capacity and that miss.
    expect(out.bracket[1]).toBeGreaterThan(out.capacity);
    const firstMiss = Math.min(...out.probes.filter((p) => p.verdict === 'missed').map((p) => p.level));
    expect(firstMiss).toBeGreaterThan(201.6);
    expect(firstMiss).toBeLessThan(201.6 * 1.25);
    expect(out.bottleneck.station).toBe('scanners');
    // Its utilization at the knee is the offered load λ / (c μ) = level / 288 a day.
    expect(out.bottleneck.atKnee.utilization).toBeCloseTo(out.bracket[1] / 288, 1);
    // Levels up to the capacity met the target, those in the knee's band were undecided, above it missed.
    for (const p of out.probes) if (p.level <= out.capacity) expect(p.verdict).toBe('met');
    for (const p of out.probes) if (p.level > out.capacity && p.level < firstMiss) expect(p.verdict).toBe('undecided');
    for (const p of out.probes) if (p.level >= firstMiss) expect(p.verdict).toBe('missed');
  });
});

function theory(): number {
  return erlangCWqMin(LAMBDA, MU, C);
}
