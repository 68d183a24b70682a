import { CapacitySearch, type CapacityResult } from '../../sim-core/src/stats/capacity-search.ts';
import type { ConfidenceInterval } from '../../sim-core/src/stats/confidence.ts';
import { targetVerdict, type TargetVerdict } from '../../sim-core/src/stats/target-verdict.ts';
import { findBottleneck, type Bottleneck } from './bottleneck.ts';
import type { ReplicationResult } from './executor.ts';
import { readKpi } from './kpi-paths.ts';
import type { Configuration, Session } from './session.ts';
import type { KpiTarget } from './target.ts';

/** A probed level: its replications' values of the target KPI, interval and verdict. */
export interface CapacityProbe {
  level: number;
  reps: number;
  values: Array<number | null>;
  ci: ConfidenceInterval;
  verdict: TargetVerdict;
  traceHashes: string[];
}

export interface CapacityOutcome {
  kind: 'capacity';
  scenario: string;
  target: string;
  path: string;
  range: [number, number];
  resolution: number;
  capacity: number | null;
  bracket: [number | null, number | null];
  bounded: boolean;
  kneeUndecided: number[];
  probes: CapacityProbe[];
  bottleneck: Bottleneck | null;
  seeds: number[];
}

export interface CapacitySettings {
  path: string;
  low: number;
  high: number;
  resolution: number;
  initialReps: number;
  maxReps: number;
  step: number;
}

/**
 * `capacity`: the largest level of `path` (e.g. demand.vehiclesPerDay) whose replications meet the
 * target by their confidence interval, by a CI-aware bisection (undecided levels get more
 * replications); then the bottleneck at the knee. `configAt` gives the scenario at a level.
 */
export async function capacity(session: Session, target: KpiTarget, s: CapacitySettings, configAt: (level: number) => Configuration): Promise<CapacityOutcome> {
  const search = new CapacitySearch({ low: s.low, high: s.high, resolution: s.resolution, initialReps: s.initialReps, maxReps: s.maxReps, repStep: Math.max(1, Math.ceil(s.initialReps / 2)), step: s.step });
  const runs = new Map<number, { config: Configuration; results: ReplicationResult[] }>();
  const probes: CapacityProbe[] = [];
  let result: CapacityResult;
  for (;;) {
    const step = search.next();
    if (step.kind === 'done') {
      result = step.result;
      break;
    }
    let at = runs.get(step.level);
    if (at === undefined) {
      at = { config: configAt(step.level), results: [] };
      runs.set(step.level, at);
    }
    if (at.results.length < step.reps) {
      const [more] = await session.replicate([at.config], at.results.length, step.reps);
      at.results.push(...more!);
    }
    const values = at.results.map((r) => readKpi(r.kpis, target.path));
    const { verdict, ci } = targetVerdict(values.filter((v): v is number => v !== null), target);
    search.observe(step.level, verdict);
    if (verdict !== 'undecided' || at.results.length >= s.maxReps) probes.push({ level: step.level, reps: at.results.length, values, ci, verdict, traceHashes: at.results.map((r) => r.traceHash) });
  }
  // The knee: the lowest level that missed (or an undecided one) against the highest that met.
  const kneeLevel = result.bracket[1] ?? result.kneeUndecided[0] ?? null;
  const belowLevel = result.bracket[0];
  const bottleneck = kneeLevel !== null && belowLevel !== null ? findBottleneck(runs.get(belowLevel)!.results, runs.get(kneeLevel)!.results) : null;
  const longest = [...runs.values()].reduce((a, b) => (b.results.length > a.length ? b.results : a), [] as ReplicationResult[]);
  return {
    kind: 'capacity',
    scenario: [...runs.values()][0]?.config.scenario.meta.id ?? '',
    target: target.text,
    path: s.path,
    range: [s.low, s.high],
    resolution: s.resolution,
    capacity: result.capacity,
    bracket: result.bracket,
    bounded: result.bounded,
    kneeUndecided: result.kneeUndecided,
    probes: probes.sort((a, b) => a.level - b.level),
    bottleneck,
    seeds: longest.map((r) => r.seed),
  };
}
