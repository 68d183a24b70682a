import { estimateRows } from '../../experiments/kpi-table.ts';
import { DEFAULT_KPIS, checkKpiPaths } from '../../experiments/kpi-paths.ts';
import { parseCommon, type CommonFlags } from '../../experiments/experiment-options.ts';
import { writeOutputs } from '../../experiments/outputs.ts';
import { commandLine, codeVersion } from '../../experiments/receipt.ts';
import { replicate, type ReplicateResult } from '../../experiments/replicate.ts';
import { checkDays, resolveScenario, sampleKpis, scenarioHash } from '../../experiments/scenario-setup.ts';
import { Session, withWarmPool } from '../../experiments/session.ts';
import { formatTable } from '../table.ts';
import { UsageError } from '../usage-error.ts';
import type { CommandIo } from '../../experiments/command-io.ts';

export interface ReplicateFlags extends CommonFlags {
  warmup?: string;
}

/** `--warmup`: hours (a number ≥ 0) or `auto` (MSER-5). */
function parseWarmup(raw: string | undefined): number | 'auto' | undefined {
  if (raw === undefined) return undefined;
  if (raw.trim() === 'auto') return 'auto';
  const h = Number(raw);
  if (!(raw.trim() !== '' && Number.isFinite(h) && h >= 0)) throw new UsageError(`--warmup: expected hours (a number ≥ 0) or 'auto', got '${raw}'`);
  return h;
}

/** The text output: KPI table and the warm-up line. */
export function formatReplicate(r: ReplicateResult): string {
  const w = r.warmup;
  const mserText = w.mser.map((m) => `${m.series} ${m.truncationHours} h${m.reliable ? '' : ' (unreliable)'}`).join(', ');
  return [
    `${r.scenario}: ${r.n} replications, 95 % confidence intervals (Student t)`,
    `warm-up ${w.hours} h (${w.source === 'mser-5' ? 'MSER-5 on pilot runs' : w.source === 'user' ? '--warmup' : "the scenario's"}); MSER-5 truncation points: ${mserText}; recommended ${w.recommendedHours} h`,
    '',
    formatTable(estimateRows(r.kpis), new Set([2, 3, 4])),
  ].join('\n');
}

/** `crossing-twin replicate` (registered in replicate.ts); a pool warmed up for it and left unused is closed. */
export const replicateAction = withWarmPool(async (io: CommandIo, target: string, flags: ReplicateFlags): Promise<void> => {
  const o = parseCommon(flags, 10);
  Session.warmUp(o.workers);
  const warmup = parseWarmup(flags.warmup);
  const scenario = resolveScenario(target, o.sets);
  const days = o.days ?? scenario.horizon.days;
  if (typeof warmup === 'number' && warmup >= days * 24) throw new UsageError(`--warmup: ${warmup} h is not shorter than the run (${days * 24} h)`);
  if (warmup === undefined) checkDays(scenario, o.days);
  const metrics = checkKpiPaths('--kpi', o.kpis.length > 0 ? o.kpis : [...DEFAULT_KPIS], sampleKpis(scenario));
  const baseSeed = o.seed ?? scenario.seed;
  const session = Session.local(o.workers, baseSeed, o.days, 'replicate');
  let result: ReplicateResult;
  try {
    result = await replicate(session, { label: scenario.meta.id, scenario, overrides: o.sets }, o.n, metrics, warmup, days * 24);
  } finally {
    await session.close();
  }
  const receipt = { command: commandLine(io.argv), codeVersion: codeVersion(), scenario: target, scenarioHash: scenarioHash(scenario), baseSeed, seeds: result.seeds, days: o.days ?? null, workers: o.workers, traceHashes: { [scenario.meta.id]: result.traceHashes } };
  const full = { ...result, receipt };
  io.out(o.json ? `${JSON.stringify(full, null, 2)}\n` : `${formatReplicate(result)}\n`);
  writeOutputs(full, o, {}, () => ({
    title: `Replications of ${scenario.meta.title.en} (${scenario.meta.id})`,
    summary: [`${result.n} replications; warm-up ${result.warmup.hours} h (${result.warmup.source}); MSER-5 recommends ${result.warmup.recommendedHours} h.`],
    charts: [
      ...result.kpis.map((k) => ({
        title: `${k.path} per replication, mean and 95 % interval`,
        xLabel: 'replication',
        yLabel: k.unit === '' ? k.path : `${k.path} (${k.unit})`,
        x: k.values.map((_, i) => i + 1),
        series: [
          { name: 'replication', y: k.values, points: true },
          { name: 'mean with 95 % interval', y: k.values.map(() => k.ci.mean), lower: k.values.map((_, i) => (i === 0 ? k.ci.lower : null)), upper: k.values.map((_, i) => (i === 0 ? k.ci.upper : null)) },
        ],
      })),
      {
        title: `Hourly series, mean of the replications (warm-up ${result.warmup.hours} h)`,
        xLabel: 'hour',
        yLabel: 'count',
        x: result.hourly.crossings.map((_, i) => i + 1),
        series: [
          { name: 'crossings per hour', y: result.hourly.crossings },
          { name: 'parking queue', y: result.hourly.parkingQueue },
          { name: 'containers in storage', y: result.hourly.storage },
        ],
      },
    ],
    tables: [
      { title: 'KPIs', head: estimateRows(result.kpis)[0]!, rows: estimateRows(result.kpis).slice(1) },
      { title: 'Warm-up detection (MSER-5 on the replication-averaged hourly series)', head: ['series', 'truncation (h)', 'reliable'], rows: result.warmup.mser.map((m) => [m.series, String(m.truncationHours), m.reliable ? 'yes' : 'no: run longer']) },
    ],
    parameters: scenario,
    receipt,
  }));
});
