import { describe, expect, it } from 'vitest';
import { RandomStreams, runTandemCallbacks, runTandemProcesses, STANDARD_WORKLOAD, type TandemConfig } from '../src/index.ts';

const small: TandemConfig = { ...STANDARD_WORKLOAD, customers: 20_000 };

describe('determinism', () => {
  it('the same seed gives the same traceHash and the same results, run after run', () => {
    for (const run of [runTandemCallbacks, runTandemProcesses]) {
      const a = run(small);
      const b = run(small);
      expect(b.traceHash).toBe(a.traceHash);
      expect(b).toEqual(a);
    }
  });

  it('a different seed gives a different traceHash', () => {
    const hashes = new Set([1, 2, 3, 4, 5].map((seed) => runTandemCallbacks({ ...small, seed }).traceHash));
    expect(hashes.size).toBe(5);
  });

  it('the process and callback versions serve the same customers: identical waits', () => {
    const a = runTandemCallbacks(small);
    const b = runTandemProcesses(small);
    // Equal up to the rounding of summing the same waits in a different order.
    a.meanWaitMs.forEach((w, k) => expect(Math.abs(b.meanWaitMs[k]! - w)).toBeLessThan(1e-9 * w));
    expect(b.completed).toBe(a.completed);
    expect(b.simulatedMs).toBe(a.simulatedMs);
  });

  it('adding a station (a new random stream) changes nothing upstream', () => {
    const three = runTandemCallbacks(small);
    const four = runTandemCallbacks({ ...small, stations: [...small.stations, { servers: 5, meanServiceMs: 40_000 }] });
    expect(four.meanWaitMs.slice(0, 3)).toEqual(three.meanWaitMs);
    expect(four.traceHash).not.toBe(three.traceHash);
  });

  it('drawing from one stream never shifts another, whatever the creation order', () => {
    const a = new RandomStreams(42);
    const first = [a.stream('arrivals').nextU32(), a.stream('arrivals').nextU32()];
    const b = new RandomStreams(42);
    for (let i = 0; i < 1000; i++) b.stream('scanner-2').next();
    const second = [b.stream('arrivals').nextU32(), b.stream('arrivals').nextU32()];
    expect(second).toEqual(first);
  });
});
