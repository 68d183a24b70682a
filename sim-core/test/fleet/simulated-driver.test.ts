/**
 * The simulated IGV's commands as events (vehicle-driver.ts): a drive reports arrival at its
 * booked start plus the stretch's duration with the energy it used, a breakdown on the way delays
 * the report by the repair (and the listener hears both), a charge fills the battery, and a
 * command given while another runs is refused without changing anything. Each wait is one kernel
 * entry with the trace tag a process's own wait would have (TAG.WAKE), which is what keeps the
 * traceHashes of the process version.
 */
import { describe, expect, it } from 'vitest';
import { Environment } from '../../src/kernel/environment.ts';
import { TAG } from '../../src/kernel/event.ts';
import { ThresholdCharging } from '../../src/fleet/charging-policy.ts';
import { LaneGraph } from '../../src/fleet/lane-graph.ts';
import { SimulatedDriver } from '../../src/fleet/simulated-driver.ts';
import { buildStretch } from '../../src/fleet/stretch.ts';
import type { FailureConfig } from '../../src/model/config.ts';
import { Rng } from '../../src/random/rng.ts';
import { crossingNetwork } from './support/crossing-network.ts';
import { VEHICLE } from './support/ladder-network.ts';

const g = new LaneGraph(crossingNetwork(300, 100), VEHICLE);
/** a → b → c, 1 km, empty. */
const stretch = buildStretch(g, [0, 1], [0, 0], false, { loaded: 3, empty: 5, yard: 2, scanner: 1 });
const fixed = (ms: number) => ({ sampleMs: () => ms, meanMs: () => ms });
/** 1 kWh a km empty of 100 kWh: a km uses 1 % of the battery. */
const charging = new ThresholdCharging({ method: 'swap', capacityKwh: 100, kwhPerKm: { loaded: 2, empty: 1 }, rechargeBelowShare: 0.2, recharge: fixed(300_000) });

function setup(failures: FailureConfig | null) {
  const env = new Environment();
  const heard: [number, boolean][] = [];
  const tags: number[] = [];
  env.addTraceSink({ event: (_t, _p, _s, tag) => tags.push(tag) });
  const driver = new SimulatedDriver(env, 7, 0.9, charging, failures, new Rng(1), null, { onBreakdown: (_v, down) => heard.push([env.now, down]) });
  return { env, driver, heard, tags };
}

describe('SimulatedDriver', () => {
  it('reports arrival at the booked start plus the stretch duration, with the energy used', () => {
    const { env, driver, heard, tags } = setup(null);
    const ev = driver.drive(stretch, 500, false);
    expect(ev.triggered).toBe(false);
    env.run();
    expect(stretch.durationMs).toBeGreaterThan(100_000);
    expect(env.now).toBe(500 + stretch.durationMs);
    const t = ev.value;
    expect(t).toEqual({ kind: 'arrived', vehicle: 7, node: stretch.to, time: 500 + stretch.durationMs, soc: 0.9 - 0.01, distanceM: stretch.lengthM, brokenMs: 0 });
    expect(stretch.lengthM).toBeCloseTo(1000, 6);
    expect(driver.soc).toBeCloseTo(0.89, 12);
    expect(heard).toEqual([]);
    expect(tags).toEqual([TAG.WAKE]);
  });

  it('a breakdown on the way stops it for the repair: the report comes that much later', () => {
    const { env, driver, heard, tags } = setup({ mtbf: fixed(1000), mttr: fixed(60_000) });
    const ev = driver.drive(stretch, 0, false);
    env.run();
    const arrive = stretch.durationMs;
    expect(heard).toEqual([
      [arrive, true],
      [arrive + 60_000, false],
    ]);
    expect(ev.value.time).toBe(arrive + 60_000);
    expect(ev.value.brokenMs).toBe(60_000);
    expect(tags).toEqual([TAG.WAKE, TAG.WAKE]);
  });

  it('a charge fills the battery after its duration; a zero charge completes at once', () => {
    const { env, driver } = setup(null);
    const now = driver.charge(0);
    expect(now.processed).toBe(true);
    expect(now.value.soc).toBe(1);
    const later = driver.charge(90_000);
    env.run();
    expect(later.value).toEqual({ kind: 'charged', vehicle: 7, node: -1, time: 90_000, soc: 1, distanceM: 0, brokenMs: 0 });
  });

  it('refuses a command while another runs, and the running one completes unchanged', () => {
    const { env, driver } = setup(null);
    const ev = driver.drive(stretch, 0, false);
    expect(() => driver.charge(10)).toThrow(/igv:7: charge commanded while another command runs/);
    expect(() => driver.drive(stretch, 0, false)).toThrow(/igv:7: drive commanded while another command runs/);
    env.run();
    expect(env.now).toBe(stretch.durationMs);
    expect(ev.value.kind).toBe('arrived');
    expect(driver.soc).toBeCloseTo(0.89, 12);
  });
});
