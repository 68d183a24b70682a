import { capacity, type CapacityOutcome } from '../../experiments/capacity.ts';
import type { CommandIo } from '../../experiments/command-io.ts';
import { parseCommon, type CommonFlags } from '../../experiments/experiment-options.ts';
import { checkKpiPaths } from '../../experiments/kpi-paths.ts';
import { num } from '../../experiments/kpi-table.ts';
import { writeOutputs } from '../../experiments/outputs.ts';
import { receiptFor } from '../../experiments/receipt.ts';
import { checkDays, resolveScenario, sampleKpis, scenarioHash, scenarioValue } from '../../experiments/scenario-setup.ts';
import { Session, withWarmPool } from '../../experiments/session.ts';
import { parseTarget } from '../../experiments/target.ts';
import { assignment } from '../../experiments/vary.ts';
import { parseOverridePath } from '../../../scenarios/index.ts';
import { formatTable } from '../table.ts';
import { EXIT, parseWholeNumber, UsageError } from '../usage-error.ts';

export interface CapacityFlags extends CommonFlags {
  target?: string;
  vary?: string;
  resolution?: string;
  maxReps?: string;
}

/** `--vary path[=low:high]`: the searched path and its range (default: 10 % to 200 % of its value). */
function parseRange(raw: string | undefined, current: (path: string) => unknown): { path: string; low: number; high: number } {
  const text = raw ?? 'demand.vehiclesPerDay';
  const eq = text.indexOf('=');
  const path = (eq < 0 ? text : text.slice(0, eq)).trim();
  if (parseOverridePath(path) === undefined) throw new UsageError(`--vary: '${path}' is not a scenario path (e.g. demand.vehiclesPerDay)`);
  const value = current(path);
  if (eq < 0) {
    if (typeof value !== 'number' || !(value > 0)) throw new UsageError(`--vary: ${path} is not a positive number in the scenario, so give its range: --vary ${path}=low:high`);
    const integer = Number.isInteger(value);
    return { path, low: integer ? Math.max(1, Math.round(value * 0.1)) : value * 0.1, high: integer ? Math.round(value * 2) : value * 2 };
  }
  const m = /^\s*([^:]+):([^:]+)\s*$/.exec(text.slice(eq + 1));
  const low = Number(m?.[1]);
  const high = Number(m?.[2]);
  if (m === null || !Number.isFinite(low) || !Number.isFinite(high)) throw new UsageError(`--vary: expected ${path}=low:high, got '${text}'`);
  if (!(low < high)) throw new UsageError(`--vary ${path}: empty range ${low}:${high} (low must be below high)`);
  return { path, low, high };
}

function formatCapacity(r: CapacityOutcome): string {
  const head = r.capacity === null ? (r.kneeUndecided.includes(r.range[0]) ? `the knee is at the bottom of the range: ${r.path} = ${r.range[0]} is undecided for ${r.target} even with the most replications; search a lower range` : `no level in ${r.range[0]}..${r.range[1]} meets ${r.target}`) : r.bounded ? `capacity: ${r.path} = ${r.capacity} meets ${r.target} (the knee lies between ${r.bracket[0]} and ${r.bracket[1]})` : `capacity: at least ${r.capacity}: the top of the range still meets ${r.target}; search a higher range`;
  const lines = [`${r.scenario}: ${head}`];
  if (r.kneeUndecided.length > 0) lines.push(`undecided at the knee even with the most replications: ${r.kneeUndecided.join(', ')}`);
  if (r.bottleneck !== null) lines.push(`bottleneck at the knee: ${r.bottleneck.reason}`);
  lines.push('', formatTable([[r.path, 'reps', `${r.target.replace(/[<>=].*/, '')} mean ± 95 %`, 'verdict'], ...r.probes.map((p) => [String(p.level), String(p.reps), p.ci.mean === null ? '–' : `${num(p.ci.mean)} ± ${num(p.ci.halfWidth)}`, p.verdict])], new Set([0, 1, 2])));
  return lines.join('\n');
}

/** `crossing-twin capacity` (registered in capacity.ts); a pool warmed up for it and left unused is closed. */
export const capacityAction = withWarmPool(async (io: CommandIo, target: string, flags: CapacityFlags): Promise<void> => {
  const o = parseCommon(flags, 5);
  Session.warmUp(o.workers);
  if (flags.target === undefined) throw new UsageError("--target: required, e.g. --target 'truckTurnTimeMin.p95<=90'");
  const t = parseTarget(flags.target);
  const base = resolveScenario(target, o.sets);
  checkDays(base, o.days);
  checkKpiPaths('--target', [t.path], sampleKpis(base));
  const range = parseRange(flags.vary, (p) => scenarioValue(base, p));
  const integer = Number.isInteger(range.low) && Number.isInteger(range.high) && Number.isInteger(scenarioValue(base, range.path) ?? 1);
  let resolution = Math.max(integer ? 1 : 0, (range.high - range.low) / 100);
  if (flags.resolution !== undefined) {
    resolution = Number(flags.resolution);
    if (!(flags.resolution.trim() !== '' && resolution > 0 && resolution < range.high - range.low)) throw new UsageError(`--resolution: expected a number in (0, ${range.high - range.low}), got '${flags.resolution}'`);
  }
  const maxReps = flags.maxReps === undefined ? 4 * o.n : parseWholeNumber('--max-reps', flags.maxReps, o.n, 10_000);
  // Both ends are checked up front so that a range the schema rejects fails before any run.
  for (const level of [range.low, range.high]) resolveScenario(target, o.sets, [assignment(range.path, level)], '--vary');
  const baseSeed = o.seed ?? base.seed;
  const session = Session.local(o.workers, baseSeed, o.days, 'capacity');
  let result: CapacityOutcome;
  try {
    result = await capacity(session, t, { path: range.path, low: range.low, high: range.high, resolution, initialReps: o.n, maxReps, step: integer ? 1 : resolution / 10 }, (level) => {
      const overrides = [assignment(range.path, level)];
      return { label: overrides[0]!, scenario: resolveScenario(target, o.sets, overrides, '--vary'), overrides: [...o.sets, ...overrides] };
    });
  } finally {
    await session.close();
  }
  const receipt = receiptFor(io.argv, target, scenarioHash(base), baseSeed, result.seeds, o.days, o.workers, Object.fromEntries(result.probes.map((p) => [`${range.path}=${p.level}`, p.traceHashes])));
  const full = { ...result, receipt };
  io.out(o.json ? `${JSON.stringify(full, null, 2)}\n` : `${formatCapacity(result)}\n`);
  if (result.capacity === null) io.setExitCode(EXIT.FAILED);
  writeOutputs(full, o, {}, () => ({
    title: `Capacity of ${base.meta.title.en} (${base.meta.id}): ${result.target}`,
    summary: [formatCapacity(result).split('\n')[0]!, ...(result.bottleneck === null ? [] : [`Bottleneck at the knee: ${result.bottleneck.reason}.`])],
    charts: [
        {
          title: `${t.path} at each probed level (mean and 95 % interval) against the target`,
          xLabel: range.path,
          yLabel: t.path,
          x: result.probes.map((p) => p.level),
          series: (['met', 'missed', 'undecided'] as const).map((v) => ({
            name: v,
            points: true,
            y: result.probes.map((p) => (p.verdict === v ? p.ci.mean : null)),
            lower: result.probes.map((p) => (p.verdict === v ? p.ci.lower : null)),
            upper: result.probes.map((p) => (p.verdict === v ? p.ci.upper : null)),
          })),
          hline: { y: t.threshold, label: `target ${t.text}` },
        },
    ],
    tables: [
      { title: 'Probes', head: [range.path, 'replications', `${t.path} mean`, '95 % interval', 'verdict'], rows: result.probes.map((p) => [String(p.level), String(p.reps), num(p.ci.mean), p.ci.lower === null ? '–' : `[${num(p.ci.lower)}, ${num(p.ci.upper)}]`, p.verdict]) },
      ...(result.bottleneck === null ? [] : [{ title: 'Stations at the knee (means over its replications)', head: ['station', 'utilization', 'mean queue wait (min)', 'mean queue'], rows: result.bottleneck.ranking.map((r) => [r.station, r.utilization.toFixed(3), num(r.queueWaitMin), num(r.meanQueue)]) }]),
    ],
    parameters: base,
    receipt,
  }));
});
