import { createHash } from 'node:crypto';
import { formatScenarioError, loadScenario } from '../../scenarios/index.ts';
import { runCrossing, type CrossingKpis } from '../../sim-core/src/model/run-summary.ts';
import { fromScenario } from '../../sim-core/src/model/from-scenario.ts';
import type { Scenario } from '../../sim-core/src/model/scenario.ts';
import { InvalidScenario } from '../cli/commands/scenario-input.ts';
import { UsageError } from '../cli/usage-error.ts';

/**
 * Targets and `--set` lists whose base scenario was found valid: a sweep resolves every point
 * against the same base, and checking it again for each point doubled the main thread's serial
 * start (a full load and validation of smart 2030 is some 50 ms).
 */
const validBases = new Set<string>();

/**
 * The scenario with the user's `--set` overrides and an experiment's own assignments (a sweep
 * point, a policy) applied and validated. Problems with the experiment's assignments name `flag`
 * (e.g. `--vary`), so the user knows which input to fix.
 */
export function resolveScenario(target: string, sets: readonly string[], extra: readonly string[] = [], flag = '--set'): Scenario {
  const key = JSON.stringify([target, sets]);
  if (extra.length === 0 || !validBases.has(key)) {
    // The base alone first, so that a problem of --set is blamed on --set and not on `flag`.
    const base = loadScenario(target, { set: sets });
    if (!base.ok) throw new InvalidScenario(target, base.errors);
    validBases.add(key);
    if (extra.length === 0) return base.scenario;
  }
  const r = loadScenario(target, { set: [...sets, ...extra] });
  if (!r.ok) throw new UsageError(`${flag} ${extra.join(' ')}: ${r.errors.map((e) => formatScenarioError(e)).join('; ')}`);
  return r.scenario;
}

/** The value at a dotted scenario path of the (unresolved) file, for defaults such as the demand. */
export function scenarioValue(scenario: Scenario, path: string): unknown {
  let v: unknown = scenario;
  for (const key of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** Short content hash of a resolved scenario (canonical JSON, sorted keys): the receipt's id. */
export function scenarioHash(scenario: Scenario): string {
  return createHash('sha256').update(canonicalJson(scenario)).digest('hex').slice(0, 16);
}

function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * Checks `--days` against the scenario (a run must outlast its warm-up) and returns the days to
 * simulate (undefined: the scenario's horizon).
 */
export function checkDays(scenario: Scenario, days: number | undefined, flag = '--days'): void {
  const horizonH = (days ?? scenario.horizon.days) * 24;
  if (scenario.horizon.warmupHours >= horizonH) throw new UsageError(`${flag}: the run (${horizonH} h) must be longer than the warm-up (${scenario.horizon.warmupHours} h); set fewer warm-up hours with --warmup or more --days`);
}

/**
 * The KPIs the scenario produces, from one simulated second without warm-up: which stations exist
 * depends on the stages switched on, so KPI paths are checked against this before anything runs.
 * The summary's shape does not depend on what happened (an empty tally still reports its fields;
 * the five presets give the same paths after a second as after an hour), and a second costs the
 * model's construction only, where an hour of smart 2030 held the sweep's main thread 0.4-0.8 s
 * before its first run.
 */
export function sampleKpis(scenario: Scenario): CrossingKpis {
  const probe: Scenario = { ...scenario, horizon: { ...scenario.horizon, warmupHours: 0 } };
  return runCrossing(fromScenario(probe, { days: 1 / 86_400 })).kpis;
}
