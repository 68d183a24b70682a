import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../src/index.ts';
import { FifoCranes, ImportFirstCranes } from '../src/model/control/crane-scheduler.ts';
import { ShareSelectivity } from '../src/model/control/customs-selectivity.ts';
import { AllReadsGate } from '../src/model/control/gate-controller.ts';
import { ShareTriage } from '../src/model/control/scanner-triage.ts';
import { DirectFirstYard } from '../src/model/control/yard-planner.ts';

describe('customs selectivity (default)', () => {
  const shares = { export: { green: 0.75, yellow: 0.2, red: 0.05 }, import: { green: 0.5, yellow: 0.3, red: 0.2 } };
  it('assigns channels in the scenario shares per direction', () => {
    const s = new ShareSelectivity(shares, new RandomStreams(1).stream('selectivity'));
    const n = 100_000;
    for (const direction of ['export', 'import'] as const) {
      const counts = { green: 0, yellow: 0, red: 0 };
      for (let i = 0; i < n; i++) counts[s.assign({ direction, preArrival: true, dataExchangeUp: true })]++;
      for (const c of ['green', 'yellow', 'red'] as const) {
        const p = shares[direction][c];
        expect(Math.abs(counts[c] / n - p), `${direction} ${c}`).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
      }
    }
  });
  it('releases nothing unseen while the data exchange with China is down: green becomes yellow', () => {
    const s = new ShareSelectivity(shares, new RandomStreams(2).stream('selectivity'));
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) seen.add(s.assign({ direction: 'export', preArrival: true, dataExchangeUp: false }));
    expect([...seen].sort()).toEqual(['red', 'yellow']);
  });
});

describe('gate controller (default)', () => {
  it('opens when every read succeeded and sends failed reads to a manual check, in a fixed order', () => {
    const g = new AllReadsGate();
    expect(g.decide({ plate: true, code: true, 'e-seal': true, driver: true })).toEqual({ kind: 'open' });
    expect(g.decide({ plate: true, code: false, 'e-seal': false, driver: true })).toEqual({ kind: 'manual-check', failed: ['code', 'e-seal'] });
  });
});

describe('crane schedulers', () => {
  it('fifo ranks every move alike; import-first puts imports ahead of exports', () => {
    expect(new FifoCranes().priorityOf()).toBe(0);
    const imp = new ImportFirstCranes();
    expect(imp.priorityOf({ direction: 'import', kind: 'load-truck' })).toBeLessThan(imp.priorityOf({ direction: 'export', kind: 'unload-truck' }));
  });
});

describe('yard planner (default)', () => {
  it('goes direct when a carrier waits, to storage while slots are free, else holds', () => {
    const y = new DirectFirstYard();
    expect(y.plan({ carrierWaiting: true, freeSlots: 0 })).toBe('direct');
    expect(y.plan({ carrierWaiting: false, freeSlots: 3 })).toBe('storage');
    expect(y.plan({ carrierWaiting: false, freeSlots: 0 })).toBe('hold');
  });
});

describe('scanner triage (default)', () => {
  it('pre-clears by AI and flags operator reviews in the scenario shares', () => {
    const t = new ShareTriage(0.9, 0.05, new RandomStreams(3).stream('triage'));
    const n = 50_000;
    let ai = 0;
    let flagged = 0;
    for (let i = 0; i < n; i++) {
      if (t.aiPass()) ai++;
      if (t.operatorFlags()) flagged++;
    }
    expect(Math.abs(ai / n - 0.9)).toBeLessThan(5 * Math.sqrt((0.9 * 0.1) / n));
    expect(Math.abs(flagged / n - 0.05)).toBeLessThan(5 * Math.sqrt((0.05 * 0.95) / n));
  });
});
