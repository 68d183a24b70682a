/**
 * The admission cap of the smaller yard on plain inputs: who is capped, who waits, who gets the
 * place a leaving vehicle frees (tools/test/yard-admission.test.ts runs it on Huu Nghi 2030).
 */
import { describe, expect, it } from 'vitest';
import { Environment } from '../../src/kernel/environment.ts';
import { SideAdmission } from '../../src/fleet/side-admission.ts';

/** The presets' rule (the scenario defaults). */
const RULE = { perStop: 1.5, minStops: 10 };

describe('SideAdmission', () => {
  it('caps only the yard with fewer working stops (10 or more), at 1.5 vehicles a stop', () => {
    expect(SideAdmission.capsFor({ VN: 23, CN: 39 }, RULE)).toEqual({ VN: 34, CN: Infinity });
    expect(SideAdmission.capsFor({ VN: 40, CN: 10 }, RULE)).toEqual({ VN: Infinity, CN: 15 });
    expect(SideAdmission.capsFor({ VN: 12, CN: 12 }, RULE)).toEqual({ VN: Infinity, CN: Infinity });
    // A yard of a few stops is never capped (the deadlock-prone ladder: 2 and 1).
    expect(SideAdmission.capsFor({ VN: 2, CN: 1 }, RULE)).toEqual({ VN: Infinity, CN: Infinity });
    expect(SideAdmission.capsFor({ VN: 10, CN: 30 }, RULE)).toEqual({ VN: 15, CN: Infinity });
    expect(SideAdmission.capsFor({ VN: 9, CN: 30 }, RULE)).toEqual({ VN: Infinity, CN: Infinity });
  });

  it('takes its figures from the rule (scenario control.traffic.params), and refuses a rate of 0', () => {
    expect(SideAdmission.capsFor({ VN: 23, CN: 39 }, { perStop: 2, minStops: 10 })).toEqual({ VN: 46, CN: Infinity });
    expect(SideAdmission.capsFor({ VN: 23, CN: 39 }, { perStop: 1.5, minStops: 24 })).toEqual({ VN: Infinity, CN: Infinity });
    expect(SideAdmission.capsFor({ VN: 9, CN: 30 }, { perStop: 1, minStops: 0 })).toEqual({ VN: 9, CN: Infinity });
    expect(() => SideAdmission.capsFor({ VN: 23, CN: 39 }, { perStop: 0, minStops: 10 })).toThrow(/perStop/);
  });

  it('admits up to the cap at once, then queues first come first served; a leaving vehicle hands its place on', () => {
    const env = new Environment();
    const a = new SideAdmission(env, { VN: 2, CN: Infinity }, { VN: 1, CN: 5 });
    expect(a.request('VN')).toBeNull();
    expect(a.count('VN')).toBe(2);
    const first = a.request('VN')!;
    const second = a.request('VN')!;
    expect(a.waiting('VN')).toBe(2);
    expect(a.request('CN')).toBeNull();
    a.leave('VN');
    expect(first.triggered).toBe(true);
    expect(second.triggered).toBe(false);
    expect(a.count('VN')).toBe(2);
    a.leave('VN');
    expect(second.triggered).toBe(true);
    a.leave('VN');
    a.leave('VN');
    expect(a.count('VN')).toBe(0);
  });

  it('starting over the cap, admits nobody until enough vehicles have left', () => {
    const env = new Environment();
    const a = new SideAdmission(env, { VN: 2, CN: Infinity }, { VN: 4, CN: 0 });
    const w = a.request('VN')!;
    a.leave('VN');
    a.leave('VN');
    expect(w.triggered).toBe(false);
    a.leave('VN');
    expect(w.triggered).toBe(true);
    expect(a.count('VN')).toBe(2);
  });

  it('rejects a cap below 1', () => {
    expect(() => new SideAdmission(new Environment(), { VN: 0, CN: Infinity }, { VN: 0, CN: 0 })).toThrow(/admission cap for VN must be at least 1, got 0/);
  });
});
