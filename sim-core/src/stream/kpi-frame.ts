/**
 * KPI frames of a running CrossingModel in the live protocol's shape, about once a second of wall
 * time. One function for the live server and the viewer's standalone worker, so the panel shows
 * the same thing whichever runs the model. Summary figures are `summarize` (what `crossing-twin
 * run` reports); queues, units busy, equipment down and the data exchange are read as they are
 * now. Alerts (a queue over its threshold, equipment down, the data exchange with China out)
 * remember when their condition began.
 */

import type { CrossingModel } from '../model/crossing-model.ts';
import { summarize } from '../model/run-summary.ts';
import type { Alert, KpiFrame, StationFrame } from './protocol.ts';

/** Queue lengths above which a queue alert is raised; `default` for stations not listed. */
export const QUEUE_THRESHOLDS: Readonly<Record<string, number>> = { default: 20, parking: 150, igvs: 40 };

/**
 * Turns the conditions seen in successive frames into alerts with the time each began: a
 * condition that persists keeps its `since`; one that clears is forgotten.
 */
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

  reset(): void {
    this.since.clear();
  }
}

/** The conditions of a frame that deserve an alert, in a stable order (outage, equipment, queues). */
export function alertConditions(stations: Record<string, StationFrame>, down: ReadonlyMap<string, number>, dataExchangeUp: boolean, thresholds: Readonly<Record<string, number>> = QUEUE_THRESHOLDS): Array<Omit<Alert, 'since'>> {
  const out: Array<Omit<Alert, 'since'>> = [];
  if (!dataExchangeUp) out.push({ kind: 'data-exchange', subject: 'data-exchange', value: 1, threshold: 0 });
  for (const name of [...down.keys()].sort()) {
    const n = down.get(name)!;
    if (n > 0) out.push({ kind: 'equipment-down', subject: name, value: n, threshold: 0 });
  }
  for (const name of Object.keys(stations).sort()) {
    const limit = thresholds[name] ?? thresholds.default ?? Infinity;
    const q = stations[name]!.queue;
    if (q > limit) out.push({ kind: 'queue', subject: name, value: q, threshold: limit });
  }
  return out;
}

/** The frame of `model` now; `alerts` carries the start times of alerts from frame to frame. */
export function kpiFrameOf(model: CrossingModel, alerts: AlertTracker, thresholds: Readonly<Record<string, number>> = QUEUE_THRESHOLDS): KpiFrame {
  const { kpis } = summarize(model);
  const stations: Record<string, StationFrame> = {};
  for (const [name, r] of model.kpi.stations) {
    stations[name] = { units: r.capacity, busy: r.count, queue: r.queued, utilization: kpis.utilization[name] ?? 0 };
  }
  const storage: Record<string, { level: number; capacity: number }> = {};
  for (const [name, s] of model.kpi.stores) storage[name] = { level: s.level.current, capacity: s.capacity };
  const series = model.kpi.series;
  const h = series.hour.length - 1;
  const t = model.env.now;
  return {
    t,
    vehiclesPerDay: kpis.vehiclesPerDay,
    crossed: { ...kpis.containersCrossed },
    crossingsPerHour: { export: h >= 0 ? series.crossings.export[h]! : 0, import: h >= 0 ? series.crossings.import[h]! : 0 },
    stations,
    turnTimeMin: { count: kpis.truckTurnTimeMin.count, p50: kpis.truckTurnTimeMin.p50, p95: kpis.truckTurnTimeMin.p95 },
    storage,
    inSystem: { ...kpis.inSystemAtEnd },
    alerts: alerts.update(t, alertConditions(stations, model.down, model.dataExchange.up, thresholds)),
  };
}
