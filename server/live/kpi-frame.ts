/**
 * KPI frames of a live session, about once a second of wall time: the run summary's headline
 * figures so far (sim-core's `summarize`, what `crossing-twin run` reports), queues and busy units
 * as they are now, and alerts (a queue over its threshold, equipment down, the data exchange with
 * China out) that remember when their condition began.
 */

import type { CrossingModel } from '../../sim-core/src/model/crossing-model.ts';
import { summarize } from '../../sim-core/src/model/run-summary.ts';
import type { Alert, KpiFrame, StationFrame } from '../../sim-core/src/stream/protocol.ts';

/** Queue length above which a station raises an alert; `default` for stations not listed. */
export const QUEUE_ALERT_THRESHOLDS: Readonly<Record<string, number>> = { default: 20, parking: 150, igvs: 40 };

/** Keeps the time each alert condition began while it lasts. */
export class AlertTracker {
  private since = new Map<string, number>();

  update(t: number, current: ReadonlyArray<Omit<Alert, 'since'>>): Alert[] {
    const next = new Map<string, number>();
    const out: Alert[] = [];
    for (const a of current) {
      const key = `${a.kind}:${a.subject}`;
      const since = this.since.get(key) ?? t;
      next.set(key, since);
      out.push({ ...a, since });
    }
    this.since = next;
    return out;
  }
}

/** The frame of `model` now. */
export function kpiFrameOf(model: CrossingModel, alerts: AlertTracker, thresholds: Readonly<Record<string, number>> = QUEUE_ALERT_THRESHOLDS): KpiFrame {
  const { kpis } = summarize(model);
  const t = model.env.now;
  const stations: Record<string, StationFrame> = {};
  for (const [name, r] of model.kpi.stations) stations[name] = { units: r.capacity, busy: r.count, queue: r.queued, utilization: kpis.utilization[name] ?? 0 };
  const storage: Record<string, { level: number; capacity: number }> = {};
  for (const [name, s] of model.kpi.stores) storage[name] = { level: s.level.current, capacity: s.capacity };
  const conditions: Array<Omit<Alert, 'since'>> = [];
  if (!model.dataExchange.up) conditions.push({ kind: 'data-exchange', subject: 'data-exchange', value: 1, threshold: 0 });
  for (const name of [...model.down.keys()].sort()) {
    const n = model.down.get(name)!;
    if (n > 0) conditions.push({ kind: 'equipment-down', subject: name, value: n, threshold: 0 });
  }
  for (const name of Object.keys(stations).sort()) {
    const limit = thresholds[name] ?? thresholds['default'] ?? Infinity;
    const q = stations[name]!.queue;
    if (q > limit) conditions.push({ kind: 'queue', subject: name, value: q, threshold: limit });
  }
  const series = model.kpi.series;
  const h = series.hour.length - 1;
  return {
    t,
    vehiclesPerDay: kpis.vehiclesPerDay,
    crossed: { ...kpis.containersCrossed },
    crossingsPerHour: { export: h >= 0 ? series.crossings.export[h]! : 0, import: h >= 0 ? series.crossings.import[h]! : 0 },
    stations,
    turnTimeMin: { count: kpis.truckTurnTimeMin.count, p50: kpis.truckTurnTimeMin.p50, p95: kpis.truckTurnTimeMin.p95 },
    storage,
    inSystem: { ...kpis.inSystemAtEnd },
    alerts: alerts.update(t, conditions),
  };
}
