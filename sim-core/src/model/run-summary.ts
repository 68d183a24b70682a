import type { TraceSink } from '../kernel/environment.ts';
import { MS_PER_HOUR } from './calendar.ts';
import type { CrossingConfig } from './config.ts';
import { CrossingModel, type CrossingModelOptions } from './crossing-model.ts';
import { minutes, round, type HourlySeries, type MinutesSummary } from './kpi-collector.ts';
import type { ConservationCheck } from './ledger.ts';
import type { CustomsCounts } from './vn-customs.ts';
import type { FleetKpis } from '../fleet/fleet-kpis.ts';

/** Statistics of one station (a resource group), after the warm-up. */
export interface StationKpis {
  /** Units (lanes, cranes, bays...). */
  units: number;
  /** Mean busy units / units (0..1), breakdowns included as busy. */
  utilization: number;
  meanQueue: number;
  maxQueue: number;
  /** Waiting time from request to service, minutes. */
  queueWaitMin: MinutesSummary;
}

/** The KPIs of a run: the JSON contract of DESIGN.md, extended. */
export interface CrossingKpis {
  /** Loaded cross-border movements per day, both directions. */
  vehiclesPerDay: number;
  containersCrossed: { export: number; import: number };
  igvTrips: { loaded: number; empty: number };
  /** Vietnamese trucks, arrival (parking) to leaving the exit gate, minutes. */
  truckTurnTimeMin: MinutesSummary;
  /** Arrival on the Vietnamese side to customs release, minutes, per direction. */
  clearanceTimeMin: { export: MinutesSummary; import: MinutesSummary };
  /** Mean queue wait per station, minutes (the contract's flat map). */
  queueWaitMin: Record<string, number | null>;
  /** Utilization per resource group, 0..1. */
  utilization: Record<string, number>;
  stations: Record<string, StationKpis>;
  /** Containers held per storage block: time-average and maximum after the warm-up. */
  storageOccupancy: Record<string, { mean: number; max: number; capacity: number }>;
  inSystemAtEnd: { vnTrucks: number; cnTrucks: number; containers: number };
  conservation: { vnTrucks: ConservationCheck; cnTrucks: ConservationCheck; containers: ConservationCheck; ok: boolean };
  customs: CustomsCounts;
  /** Trucks diverted to a manual check at a gate (all gates). */
  manualGateChecks: number;
  hourly: HourlySeries;
  /** IGV fleet on the lane network (the `network` transport): time shares, empty travel, dispatch, traffic. */
  fleet?: FleetKpis;
}

export interface CrossingRun {
  scenario: string;
  mode: 'smart' | 'baseline';
  seed: number;
  simulatedHours: number;
  warmupHours: number;
  traceHash: string;
  engine: { events: number };
  kpis: CrossingKpis;
}

/**
 * Runs the crossing for the configured horizon and returns its summary. `sink` sees every event
 * and domain record (for trace files). Pure: the caller measures wall-clock time.
 */
export function runCrossing(config: CrossingConfig, sink?: TraceSink, options: CrossingModelOptions = {}): CrossingRun {
  const model = new CrossingModel(config, options);
  if (sink !== undefined) model.env.addTraceSink(sink);
  model.env.run(config.horizonMs);
  return summarize(model);
}

/** The summary of a model at its current time. */
export function summarize(model: CrossingModel): CrossingRun {
  const { env, kpi, ledger, config } = model;
  const now = env.now;
  const stations: Record<string, StationKpis> = {};
  const queueWaitMin: Record<string, number | null> = {};
  const utilization: Record<string, number> = {};
  for (const [name, r] of kpi.stations) {
    const s = r.summary();
    const waitMin = r.waits.summary();
    stations[name] = {
      units: r.capacity,
      utilization: round(s.utilization, 4)!,
      meanQueue: round(s.meanQueue, 3)!,
      maxQueue: s.maxQueue,
      queueWaitMin: minutes(waitMin, 1 / 60_000),
    };
    queueWaitMin[name] = round(waitMin.mean === null ? null : waitMin.mean / 60_000);
    utilization[name] = round(s.utilization, 4)!;
  }
  const storageOccupancy: Record<string, { mean: number; max: number; capacity: number }> = {};
  for (const [name, s] of kpi.stores) storageOccupancy[name] = { mean: round(s.level.mean(now), 2)!, max: s.level.max, capacity: s.capacity };
  const vnTrucks = ledger.check('vn-truck');
  const cnTrucks = ledger.check('cn-truck');
  const containers = ledger.check('container');
  return {
    scenario: config.id,
    mode: config.mode,
    seed: config.seed,
    simulatedHours: round(now / MS_PER_HOUR, 3)!,
    warmupHours: round(config.warmupMs / MS_PER_HOUR, 3)!,
    traceHash: env.traceHash,
    engine: { events: env.processed },
    kpis: {
      vehiclesPerDay: round(kpi.vehiclesPerDay(), 1)!,
      containersCrossed: { ...kpi.crossed },
      igvTrips: { ...kpi.igvTrips },
      truckTurnTimeMin: minutes(kpi.truckTurnMin),
      clearanceTimeMin: { export: minutes(kpi.clearanceMin.export), import: minutes(kpi.clearanceMin.import) },
      queueWaitMin,
      utilization,
      stations,
      storageOccupancy,
      inSystemAtEnd: { vnTrucks: vnTrucks.inSystem, cnTrucks: cnTrucks.inSystem, containers: containers.inSystem },
      conservation: { vnTrucks, cnTrucks, containers, ok: vnTrucks.ok && cnTrucks.ok && containers.ok },
      customs: { ...model.customs.counts },
      manualGateChecks: Object.values(model.gates).reduce((n, g) => n + g.manualChecks, 0),
      hourly: kpi.series,
      ...(model.transport?.fleetKpis !== undefined ? { fleet: model.transport.fleetKpis() } : {}),
    },
  };
}

