/**
 * Motions as viewers receive them (forWire): well formed, within millimetres of the exact motion
 * at every instant, and much shorter as JSON. Checked on every IGV motion of a run on the ladder
 * test network, plus a hand-made one.
 */
import { describe, expect, it } from 'vitest';
import { runCrossing } from '../../src/model/run-summary.ts';
import { fromScenario } from '../../src/model/from-scenario.ts';
import { motionProblems, positionAt } from '../../src/stream/motion.ts';
import type { MotionEvent, VisualEvent } from '../../src/stream/visual-events.ts';
import { forWire } from '../../src/stream/wire-rounding.ts';
import { ladderScenario } from '../fleet/support/ladder-network.ts';

type TimedMotion = MotionEvent & { t: number };

describe('forWire', () => {
  it('leaves other events alone and rounds a motion to mm, 10 µs and 4 decimals', () => {
    const state: VisualEvent = { type: 'state', t: 5, id: 'igv:1', key: 'battery', value: 0.87312 };
    expect(forWire(state)).toBe(state);
    const m: VisualEvent = { type: 'motion', t: 1000, id: 'igv:1', path: [[0.123456, 1 / 3], [10.0004999, 2 / 3]], profile: [1000.123456, 0, 0, 0.5, 1500.987654, 0.0625, 0.25, 0], end: 41_000 };
    const w = forWire(m) as TimedMotion;
    expect(w.path).toEqual([[0.123, 0.333], [10, 0.667]]);
    expect(w.profile).toEqual([1000.12, 0, 0, 0.5, 1500.99, 0.0625, 0.25, 0]);
    expect(m.path[0]![0]).toBe(0.123456); // the exact event is not changed
  });

  it('every IGV motion of a run stays well formed and within 1 cm of the exact one, in far fewer bytes', () => {
    const motions: TimedMotion[] = [];
    runCrossing(fromScenario(ladderScenario({ tps: 3, stalls: 14, igvs: 12, vehiclesPerDay: 900, days: 0.5, lanes: 2 }), { seed: 2 }), undefined, {
      visual: { emit: (e) => void (e.type === 'motion' && e.id.startsWith('igv:') && motions.push(e)) },
    });
    expect(motions.length).toBeGreaterThan(50);
    let exactBytes = 0;
    let wireBytes = 0;
    let worst = 0;
    for (const m of motions) {
      const w = forWire(m) as TimedMotion;
      expect(motionProblems(w), m.id).toEqual([]);
      exactBytes += JSON.stringify(m).length;
      wireBytes += JSON.stringify(w).length;
      for (let k = 0; k <= 20; k++) {
        const t = m.t + ((m.end - m.t) * k) / 20;
        const a = positionAt(m, t);
        const b = positionAt(w, t);
        worst = Math.max(worst, Math.hypot(a[0] - b[0], a[1] - b[1]));
      }
    }
    expect(worst).toBeLessThan(0.01);
    // 0.81 here (the ladder's nodes lie on whole metres); 0.69 on the Huu Nghi network.
    expect(wireBytes).toBeLessThan(0.85 * exactBytes);
  });
});
