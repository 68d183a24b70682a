import type { Environment } from '../kernel/environment.ts';
import type { Resource } from '../resources/resource.ts';
import type { CountOverTime } from '../stats/count-over-time.ts';
import { Tally, type TallySummary } from '../stats/tally.ts';
import { MS_PER_DAY, MS_PER_HOUR } from './calendar.ts';
import type { Direction } from './control/types.ts';

/** What the collector reads of a storage block. */
export interface StorageBlock {
  readonly level: CountOverTime;
  readonly capacity: number;
}

/** Summary of a duration tally in minutes. */
export interface MinutesSummary {
  count: number;
  mean: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

/** Hourly time series for charts (index = hour since the start). */
export interface HourlySeries {
  hour: number[];
  crossings: Record<Direction, number[]>;
  /** Trucks waiting for or in regulating parking, at the end of each hour. */
  parkingQueue: number[];
  /** Containers in storage (both yards, both directions), at the end of each hour. */
  storage: number[];
}

/**
 * Collects what the run reports: counts after the warm-up, tallies of turn and clearance times,
 * resource statistics (reset at the end of the warm-up), and hourly series. Statistics before the
 * warm-up ends are discarded, as the scenario asks.
 */
export class KpiCollector {
  readonly crossed: Record<Direction, number> = { export: 0, import: 0 };
  readonly igvTrips = { loaded: 0, empty: 0 };
  readonly truckTurnMin = new Tally();
  readonly clearanceMin: Record<Direction, Tally> = { export: new Tally(), import: new Tally() };
  readonly series: HourlySeries = { hour: [], crossings: { export: [], import: [] }, parkingQueue: [], storage: [] };
  private readonly hourCrossings: Record<Direction, number> = { export: 0, import: 0 };
  private measuring: boolean;

  constructor(
    private readonly env: Environment,
    /** Groups of resources reported together (e.g. "vnEntryGate" → its lanes). */
    readonly stations: ReadonlyMap<string, Resource>,
    readonly stores: ReadonlyMap<string, StorageBlock>,
    readonly warmupMs: number,
  ) {
    this.measuring = warmupMs <= 0;
  }

  /** True once the warm-up is over. */
  get isMeasuring(): boolean {
    return this.measuring;
  }

  /** Ends the warm-up: resets every statistic kept so far. */
  endWarmup(): void {
    const now = this.env.now;
    for (const r of this.stations.values()) {
      r.busy.reset(now);
      r.queueLength.reset(now);
      r.waits.reset();
    }
    for (const s of this.stores.values()) s.level.reset(now);
    this.measuring = true;
  }

  /** A loaded cross-border movement (a container reached the other side's yard). */
  crossing(direction: Direction): void {
    this.hourCrossings[direction]++;
    if (this.measuring) this.crossed[direction]++;
  }

  trip(loaded: boolean): void {
    if (this.measuring) this.igvTrips[loaded ? 'loaded' : 'empty']++;
  }

  truckTurn(ms: number): void {
    if (this.measuring) this.truckTurnMin.add(ms / 60_000);
  }

  clearance(direction: Direction, ms: number): void {
    if (this.measuring) this.clearanceMin[direction].add(ms / 60_000);
  }

  /** Closes the hour that just ended (called on the hour). */
  hourTick(parkingQueue: number, storage: number): void {
    this.series.hour.push(Math.round(this.env.now / MS_PER_HOUR));
    this.series.crossings.export.push(this.hourCrossings.export);
    this.series.crossings.import.push(this.hourCrossings.import);
    this.series.parkingQueue.push(parkingQueue);
    this.series.storage.push(storage);
    // Zeroed in place, not a new object: the field stays a constant for V8 (a new object each hour
    // made it mutable in the first hour and threw away the code counting crossings).
    this.hourCrossings.export = 0;
    this.hourCrossings.import = 0;
  }

  /** Loaded cross-border movements per day over the measured period. */
  vehiclesPerDay(): number {
    const days = (this.env.now - this.warmupMs) / MS_PER_DAY;
    return days > 0 ? (this.crossed.export + this.crossed.import) / days : 0;
  }
}

/**
 * A tally's summary as JSON-safe minutes: `factor` converts its unit to minutes (1 for a tally
 * kept in minutes, 1/60,000 for one kept in ms).
 */
export function minutes(t: Tally | TallySummary, factor = 1): MinutesSummary {
  const s: TallySummary = t instanceof Tally ? t.summary() : t;
  const m = (x: number | null): number | null => round(x === null ? null : x * factor);
  return { count: s.count, mean: m(s.mean), p50: m(s.p50), p95: m(s.p95), p99: m(s.p99), max: m(s.max) };
}

/** Rounds to 3 decimals for reports that read well in a diff (null stays null). */
export function round(x: number | null, decimals = 3): number | null {
  if (x === null) return null;
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}
