/**
 * Validation of the kernel against queueing theory. Every case runs independent replications
 * (distinct seeds), builds the Student t 99 % confidence interval of a per-replication statistic
 * and checks that the closed-form value lies inside it: the tolerance is the interval, not a
 * tuned margin. Both kernel APIs are exercised — generator processes (`yield res.request()`,
 * `res.release(req)`) and the callback hot path (`res.acquire(fn, arg)`, `res.releaseUnit()`,
 * `env.call(delayMs, fn, arg)`).
 *
 * Run lengths were sized so that a theory value 10 % off falls outside the interval (the 99 %
 * half-widths are 2–5 % of the means) while the whole file stays within a few seconds.
 */
import { describe, expect, it } from 'vitest';
import {
  STANDARD_WORKLOAD,
  confidenceInterval,
  constant,
  exponential,
  md1MeanWait,
  mmcMeanWait,
  mmckBlocking,
  runTandemCallbacks,
} from '../src/index.ts';
import type { ConfidenceInterval, TandemConfig } from '../src/index.ts';
import { simulateWithCallbacks, simulateWithProcesses } from './support/single-station.ts';
import type { StationConfig, StationResult } from './support/single-station.ts';

/** Confidence level of every interval: a 1 % chance per check of a false alarm, fixed seeds make it a one-off. */
const LEVEL = 0.99;
/** Independent replications per case: df = 15 puts t(0.995) at 2.95, near z = 2.58, at an affordable cost. */
const REPLICATIONS = 16;
/** Share of each run's customers discarded as warm-up: the start-up transient at ρ = 0.8 lasts a few hundred customers. */
const WARMUP_FRACTION = 0.1;
/** M/M/1 run length: ρ = 0.8 waits are strongly autocorrelated, 60 000 customers give a 99 % half-width of ~4 %. */
const MM1_CUSTOMERS = 60_000;
/** M/M/3 run length (also the Little's law case): ~5 % half-width on the wait, ~3 % on L. */
const MM3_CUSTOMERS = 50_000;
/** M/D/1 run length: deterministic service halves the wait variance, so fewer (costlier, process-API) customers suffice. */
const MD1_CUSTOMERS = 20_000;
/** M/M/2/5 run length: the blocking fraction (~8.5 %) of 20 000 arrivals has a ~3 % half-width. */
const MMCK_CUSTOMERS = 20_000;
/**
 * Tandem run length. runTandemCallbacks starts empty and has no warm-up hook; starting empty biases
 * the mean waits by about −2 % at 2 000 customers, so by < 0.1 % at 80 000, far inside the ~4 % half-width.
 */
const TANDEM_CUSTOMERS = 80_000;
/** Sample-path Little's law L = λ̂·Ŵ over a window: only the customers straddling its ends break it. */
const LITTLE_TOLERANCE = 0.01;

const MEAN_INTERARRIVAL_MS = 10_000;

/** `REPLICATIONS` runs with seeds seedBase, seedBase + 1, ... */
function replicate<T>(seedBase: number, run: (seed: number) => T): T[] {
  return Array.from({ length: REPLICATIONS }, (_, r) => run(seedBase + r));
}

function stationRuns(
  simulate: (config: StationConfig) => StationResult,
  seedBase: number,
  config: Omit<StationConfig, 'seed' | 'customers' | 'warmup'>,
  customers: number,
): StationResult[] {
  const warmup = Math.floor(customers * WARMUP_FRACTION);
  return replicate(seedBase, (seed) => simulate({ ...config, seed, customers, warmup }));
}

function describeCI(ci: ConfidenceInterval): string {
  return `${LEVEL * 100} % CI ${ci.mean} ± ${ci.halfWidth} over ${ci.n} replications`;
}

/** The interval of `values` at LEVEL, asserting that it contains `theory`. */
function expectTheoryInside(values: number[], theory: number, what: string): ConfidenceInterval {
  const ci = confidenceInterval(values, LEVEL);
  expect(ci.n).toBe(REPLICATIONS);
  expect(ci.halfWidth, `${what}: no spread between replications`).toBeGreaterThan(0);
  // Power guard: an interval wider than ±8 % could no longer catch a 10 % error in the kernel.
  expect(ci.halfWidth! / Math.abs(theory), `${what}: interval too wide to test anything`).toBeLessThan(0.08);
  const message = `${what}: theory ${theory} vs ${describeCI(ci)}`;
  expect(theory, message).toBeGreaterThanOrEqual(ci.lower!);
  expect(theory, message).toBeLessThanOrEqual(ci.upper!);
  return ci;
}

// M/M/3 at ρ = 0.8 feeds two tests (Erlang C wait and Little's law): run it once.
const MM3 = { servers: 3, interarrival: exponential(MEAN_INTERARRIVAL_MS), service: exponential(24_000) };
let mm3Cache: StationResult[] | undefined;
function mm3Runs(): StationResult[] {
  mm3Cache ??= stationRuns(simulateWithCallbacks, 2_000, MM3, MM3_CUSTOMERS);
  return mm3Cache;
}

describe('queueing theory, 99 % CI over independent replications', () => {
  it(`M/M/1 at ρ = 0.8 (callbacks): Wq = ρ/(μ − λ) lies inside the 99 % CI of ${REPLICATIONS} replications`, () => {
    const lambda = 1 / MEAN_INTERARRIVAL_MS;
    const mu = 1 / 8_000;
    const theory = lambda / mu / (mu - lambda); // 32 000 ms
    expect(mmcMeanWait(1, MEAN_INTERARRIVAL_MS, 8_000)).toBeCloseTo(theory, 6);
    const runs = stationRuns(
      simulateWithCallbacks,
      1_000,
      { servers: 1, interarrival: exponential(MEAN_INTERARRIVAL_MS), service: exponential(8_000) },
      MM1_CUSTOMERS,
    );
    expectTheoryInside(runs.map((r) => r.meanWaitMs), theory, 'M/M/1 mean wait (ms)');
  });

  it(`M/M/3 at ρ = 0.8 (callbacks): Erlang C mean wait lies inside the 99 % CI of ${REPLICATIONS} replications`, () => {
    const theory = mmcMeanWait(MM3.servers, MEAN_INTERARRIVAL_MS, 24_000); // ≈ 25 888 ms
    expectTheoryInside(mm3Runs().map((r) => r.meanWaitMs), theory, 'M/M/3 mean wait (ms)');
  });

  it(`Little's law on M/M/3 at ρ = 0.8: theory L = λW inside the 99 % CI of the time-average number in system, and L = λ̂·Ŵ within 1 % in every replication`, () => {
    const theoryL = (mmcMeanWait(MM3.servers, MEAN_INTERARRIVAL_MS, 24_000) + 24_000) / MEAN_INTERARRIVAL_MS; // ≈ 4.99
    const runs = mm3Runs();
    // L from the kernel's own time-weighted statistics: mean queue length + mean busy servers.
    expectTheoryInside(runs.map((r) => r.meanInSystem), theoryL, 'M/M/3 time-average number in system');
    for (const r of runs) {
      const lambdaHat = r.departuresInWindow / r.windowMs;
      const pathL = lambdaHat * r.meanSojournInWindowMs;
      expect(Math.abs(r.meanInSystem / pathL - 1), `L = ${r.meanInSystem} vs λ̂·Ŵ = ${pathL}`).toBeLessThan(LITTLE_TOLERANCE);
    }
  });

  it(`M/D/1 at ρ = 0.8 (processes): Pollaczek–Khinchine mean wait lies inside the 99 % CI of ${REPLICATIONS} replications`, () => {
    const theory = md1MeanWait(MEAN_INTERARRIVAL_MS, 8_000); // ρD / (2(1 − ρ)) = 16 000 ms
    const runs = stationRuns(
      simulateWithProcesses,
      3_000,
      { servers: 1, interarrival: exponential(MEAN_INTERARRIVAL_MS), service: constant(8_000) },
      MD1_CUSTOMERS,
    );
    expectTheoryInside(runs.map((r) => r.meanWaitMs), theory, 'M/D/1 mean wait (ms)');
  });

  it(`M/M/2/5 at a = 1.5 (processes): the M/M/c/K blocking probability lies inside the 99 % CI of the fraction of arrivals lost over ${REPLICATIONS} replications`, () => {
    const theory = mmckBlocking(2, 5, MEAN_INTERARRIVAL_MS, 15_000); // ≈ 0.0851
    const runs = stationRuns(
      simulateWithProcesses,
      4_000,
      { servers: 2, places: 5, interarrival: exponential(MEAN_INTERARRIVAL_MS), service: exponential(15_000) },
      MMCK_CUSTOMERS,
    );
    for (const r of runs) expect(r.blocked).toBeGreaterThan(0);
    expectTheoryInside(runs.map((r) => r.blocked / r.arrivalsCounted), theory, 'M/M/2/5 blocking fraction');
  });

  it(`tandem M/M/2 → M/M/4 → M/M/3 at ρ = 0.8 (runTandemCallbacks): by Burke's theorem each station's Erlang C mean wait lies inside its 99 % CI of ${REPLICATIONS} replications`, () => {
    const runs = replicate(1, (seed) => {
      const config: TandemConfig = { ...STANDARD_WORKLOAD, seed, customers: TANDEM_CUSTOMERS };
      const result = runTandemCallbacks(config);
      expect(result.completed).toBe(TANDEM_CUSTOMERS);
      return result;
    });
    STANDARD_WORKLOAD.stations.forEach((station, k) => {
      const rho = station.meanServiceMs / (station.servers * STANDARD_WORKLOAD.meanInterarrivalMs);
      expect(rho).toBeCloseTo(0.8, 12);
      const theory = mmcMeanWait(station.servers, STANDARD_WORKLOAD.meanInterarrivalMs, station.meanServiceMs);
      expectTheoryInside(runs.map((r) => r.meanWaitMs[k]!), theory, `tandem station ${k + 1} (M/M/${station.servers}) mean wait (ms)`);
    });
  });
});
