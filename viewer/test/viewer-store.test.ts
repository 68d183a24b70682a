import { describe, expect, it } from 'vitest';
import { appendSeries, emptySeries, SERIES_CAP, type KpiFrame } from '../src/store/kpi-view.ts';
import { SimClock } from '../src/store/sim-clock.ts';
import { createViewerStore } from '../src/store/viewer-store.ts';
import { AlertTracker, alertConditions } from '../../sim-core/src/stream/kpi-frame.ts';

function frame(t: number, over: Partial<KpiFrame> = {}): KpiFrame {
  return {
    t,
    vehiclesPerDay: 3000,
    crossed: { export: 10, import: 8 },
    crossingsPerHour: { export: 70, import: 60 },
    stations: { parking: { units: 400, busy: 120, queue: 5, utilization: 0.3 } },
    turnTimeMin: { count: 40, p50: 4.2, p95: 11.9 },
    storage: { vnExportStorage: { level: 30, capacity: 900 }, cnImportStorage: { level: 12, capacity: 900 } },
    inSystem: { vnTrucks: 100, cnTrucks: 80, containers: 150 },
    alerts: [],
    ...over,
  };
}

describe('viewer store (vanilla, no React)', () => {
  it('language, play/pause, speed, seed and selection are plain state changes subscribers see', () => {
    const store = createViewerStore({ lang: 'vi', mode: 'standalone' });
    const seen: string[] = [];
    store.subscribe((s) => seen.push(`${s.lang}/${s.playing}/${s.speed}/${s.seed}/${s.selectedId}`));
    const a = store.getState();
    a.setLang('zh');
    a.setPlaying(false);
    a.setSpeed(300);
    a.setSeed(42);
    a.select('igv:3');
    expect(seen).toEqual(['zh/true/60/1/null', 'zh/false/60/1/null', 'zh/false/300/1/null', 'zh/false/300/42/null', 'zh/false/300/42/igv:3']);
  });

  it('rejects a bad speed or seed with a message naming it, and keeps the old value', () => {
    const store = createViewerStore({ lang: 'en', mode: 'live' });
    expect(() => store.getState().setSpeed(0)).toThrow(/speed: expected a positive number/);
    expect(() => store.getState().setSeed(1.5)).toThrow(/seed: expected a whole number/);
    expect([store.getState().speed, store.getState().seed]).toEqual([60, 1]);
  });

  it('KPI frames build the chart series; a frame earlier than the last (a restart) starts them over', () => {
    const store = createViewerStore({ lang: 'en', mode: 'live' });
    store.getState().pushKpi(frame(3_600_000));
    store.getState().pushKpi(frame(7_200_000, { vehiclesPerDay: 3100, stations: { parking: { units: 400, busy: 400, queue: 77, utilization: 1 } } }));
    const s = store.getState().series;
    expect(s.t).toEqual([3600, 7200]);
    expect(s.vehiclesPerDay).toEqual([3000, 3100]);
    expect(s.crossingsPerHour).toEqual([130, 130]);
    expect(s.parkingQueue).toEqual([5, 77]);
    expect(s.storage).toEqual([42, 42]);
    store.getState().pushKpi(frame(1_000));
    expect(store.getState().series.t).toEqual([1]);
  });

  it('the series stay bounded in length', () => {
    let s = emptySeries();
    for (let i = 1; i <= SERIES_CAP + 50; i++) s = appendSeries(s, frame(i * 1000));
    expect(s.t.length).toBe(SERIES_CAP);
    expect(s.t[0]).toBe(51);
  });

  it('review mode: zone toggles, measuring keeps at most two points, leaving review clears the measurement', () => {
    const store = createViewerStore({ lang: 'en', mode: 'standalone' });
    const a = store.getState();
    a.setReview(true);
    a.toggleZone('vn-admin');
    expect(store.getState().hiddenZones).toEqual({ 'vn-admin': true });
    a.toggleZone('vn-admin');
    expect(store.getState().hiddenZones).toEqual({});
    a.setMeasuring(true);
    a.addMeasurePoint([0, 0]);
    a.addMeasurePoint([30, 40]);
    expect(store.getState().measure).toEqual([[0, 0], [30, 40]]);
    a.addMeasurePoint([1, 1]); // a third click starts a new measurement
    expect(store.getState().measure).toEqual([[1, 1]]);
    a.setReview(false);
    expect([store.getState().measuring, store.getState().measure]).toEqual([false, []]);
  });

  it('camera presets bump a sequence so choosing the same preset again moves the camera again', () => {
    const store = createViewerStore({ lang: 'en', mode: 'standalone' });
    store.getState().setCamera('cn-yard');
    store.getState().setCamera('cn-yard');
    expect(store.getState().camera).toEqual({ preset: 'cn-yard', seq: 2 });
  });
});

describe('display clock', () => {
  it('advances at the chosen speed, never past the data received, and stands still when paused', () => {
    const c = new SimClock();
    c.speed = 60;
    c.horizon = 10_000;
    expect(c.tick(0.1)).toBe(6_000);
    expect(c.tick(0.1)).toBe(10_000); // capped at the horizon
    c.horizon = 100_000;
    c.playing = false;
    expect(c.tick(0.1)).toBe(10_000);
  });

  it('catches up when it falls more than a few wall seconds behind a live server, and a stalled tab does not leap', () => {
    const c = new SimClock();
    c.speed = 10;
    c.horizon = 1_000_000;
    expect(c.tick(5)).toBe(1_000_000 - 30_000); // 3 wall s × 10 behind the horizon
    const d = new SimClock();
    d.horizon = 1e9;
    d.speed = 1;
    d.maxLagWallS = 1e9;
    expect(d.tick(10)).toBe(1_000); // at most 1 s of wall time per frame (software rendering may run at 3-4 frames/s)
  });
});

describe('alerts of standalone KPI frames', () => {
  it('raise outage, equipment-down and queue-over-threshold alerts in a stable order', () => {
    const stations = { parking: { units: 1, busy: 1, queue: 200, utilization: 1 }, scanners: { units: 2, busy: 2, queue: 21, utilization: 1 }, vnCranes: { units: 7, busy: 1, queue: 3, utilization: 0.1 } };
    const down = new Map([['scanner', 1], ['vn-yard:cranes', 0]]);
    expect(alertConditions(stations, down, false)).toEqual([
      { kind: 'data-exchange', subject: 'data-exchange', value: 1, threshold: 0 },
      { kind: 'equipment-down', subject: 'scanner', value: 1, threshold: 0 },
      { kind: 'queue', subject: 'parking', value: 200, threshold: 150 },
      { kind: 'queue', subject: 'scanners', value: 21, threshold: 20 },
    ]);
  });

  it('an alert keeps the time its condition began while it lasts, and starts afresh after it cleared', () => {
    const tr = new AlertTracker();
    const outage = [{ kind: 'data-exchange' as const, subject: 'data-exchange', value: 1, threshold: 0 }];
    expect(tr.update(1_000, outage)[0]!.since).toBe(1_000);
    expect(tr.update(5_000, outage)[0]!.since).toBe(1_000);
    expect(tr.update(6_000, [])).toEqual([]);
    expect(tr.update(9_000, outage)[0]!.since).toBe(9_000);
  });
});
