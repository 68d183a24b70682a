import type { ReplicationResult } from './executor.ts';

/** A station's figures at a level: means over the replications there. */
export interface StationFigures {
  utilization: number;
  /** Mean wait in its queue, minutes (null when nobody was served). */
  queueWaitMin: number | null;
  meanQueue: number;
}

/** The station that explains the knee, with its figures below and at the knee. */
export interface Bottleneck {
  station: string;
  below: StationFigures;
  atKnee: StationFigures;
  /** Why it was chosen, in a sentence. */
  reason: string;
  /** Every station at the knee, by utilization, for the report. */
  ranking: Array<{ station: string } & StationFigures>;
}

/** Utilization from which a station counts as saturated even without a queue of its own. */
const SATURATED = 0.85;

function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Station figures averaged over the replications of one level. */
export function stationFigures(runs: readonly ReplicationResult[]): Map<string, StationFigures> {
  const out = new Map<string, StationFigures>();
  const names = Object.keys(runs[0]?.kpis.stations ?? {});
  for (const name of names) {
    const s = runs.map((r) => r.kpis.stations[name]).filter((x) => x !== undefined);
    out.set(name, {
      utilization: mean(s.map((x) => x.utilization)) ?? 0,
      queueWaitMin: mean(s.map((x) => x.queueWaitMin.mean).filter((x): x is number => x !== null)),
      meanQueue: mean(s.map((x) => x.meanQueue)) ?? 0,
    });
  }
  return out;
}

/**
 * The bottleneck at the knee: of the stations whose queue wait grew from the level below the
 * knee to the knee, or that are saturated (≥ 85 % busy) and got busier, the most utilized one (a
 * busy station whose queue does not grow is keeping up); otherwise the most utilized station. Parking is left out: trucks wait there for
 * whatever is downstream, so its queue is a symptom, not a cause.
 */
export function findBottleneck(below: readonly ReplicationResult[], atKnee: readonly ReplicationResult[]): Bottleneck | null {
  const b = stationFigures(below);
  const k = stationFigures(atKnee);
  const ranking = [...k]
    .filter(([name]) => name !== 'parking')
    .map(([station, f]) => ({ station, ...f }))
    .sort((x, y) => y.utilization - x.utilization || x.station.localeCompare(y.station));
  if (ranking.length === 0) return null;
  // A queue that grows (by more than noise), or a station near saturation that got busier: some
  // stations (the IGV fleet) queue their work elsewhere and show no wait of their own.
  const grows = (r: (typeof ranking)[number]): boolean => {
    const before = b.get(r.station);
    const w0 = before?.queueWaitMin ?? 0;
    const w1 = r.queueWaitMin ?? 0;
    return (w1 > w0 * 1.1 && w1 - w0 > 0.01) || (r.utilization >= SATURATED && r.utilization > (before?.utilization ?? 0));
  };
  const growing = ranking.filter(grows);
  const pick = growing[0] ?? ranking[0]!;
  const before = b.get(pick.station) ?? { utilization: 0, queueWaitMin: null, meanQueue: 0 };
  const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
  const wait = (x: number | null): string => (x === null ? 'no wait' : `${x.toFixed(2)} min`);
  const reason =
    growing[0] !== undefined
      ? `${pick.station} is the most utilized station that ${pick.utilization >= SATURATED ? 'is saturated' : 'has a growing queue'} at the knee: utilization ${pct(before.utilization)} → ${pct(pick.utilization)}, mean queue wait ${wait(before.queueWaitMin)} → ${wait(pick.queueWaitMin)}`
      : `no station's queue grows at the knee; ${pick.station} is the most utilized (${pct(pick.utilization)})`;
  return { station: pick.station, below: before, atKnee: { utilization: pick.utilization, queueWaitMin: pick.queueWaitMin, meanQueue: pick.meanQueue }, reason, ranking };
}
