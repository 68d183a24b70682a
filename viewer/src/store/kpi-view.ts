/**
 * KPI frames (the live protocol's `KpiFrame`, whatever the source: the server, or the worker in
 * standalone mode) and the small time series the panel charts from them. Pure, tested without a
 * browser.
 */

import type { KpiFrame } from '../../../sim-core/src/stream/protocol.ts';

export type { Alert, KpiFrame } from '../../../sim-core/src/stream/protocol.ts';

/** Time series for the small charts: one point per KPI frame, capped in length. */
export interface KpiSeries {
  /** Simulation time, seconds (uPlot's x axis unit). */
  t: number[];
  vehiclesPerDay: number[];
  crossingsPerHour: number[];
  parkingQueue: number[];
  storage: number[];
}

export const SERIES_CAP = 2_000;

export function emptySeries(): KpiSeries {
  return { t: [], vehiclesPerDay: [], crossingsPerHour: [], parkingQueue: [], storage: [] };
}

/** Containers in storage, all blocks. */
export function storageTotal(k: KpiFrame): number {
  let n = 0;
  for (const s of Object.values(k.storage)) n += s.level;
  return n;
}

/**
 * Appends a frame to the series (new arrays, so a store notices the change). A frame at or before
 * the last time starts the series over: the run was restarted or the world reset.
 */
export function appendSeries(s: KpiSeries, k: KpiFrame): KpiSeries {
  const ts = k.t / 1000;
  const base = s.t.length > 0 && ts <= s.t[s.t.length - 1]! ? emptySeries() : s;
  const cut = base.t.length >= SERIES_CAP ? 1 : 0;
  const push = (xs: number[], x: number): number[] => {
    const out = xs.slice(cut);
    out.push(x);
    return out;
  };
  return {
    t: push(base.t, ts),
    vehiclesPerDay: push(base.vehiclesPerDay, k.vehiclesPerDay),
    crossingsPerHour: push(base.crossingsPerHour, k.crossingsPerHour.export + k.crossingsPerHour.import),
    parkingQueue: push(base.parkingQueue, k.stations.parking?.queue ?? 0),
    storage: push(base.storage, storageTotal(k)),
  };
}
