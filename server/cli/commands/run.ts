import { createWriteStream, type WriteStream } from 'node:fs';
import cliProgress from 'cli-progress';
import { CrossingModel } from '../../../sim-core/src/model/crossing-model.ts';
import { fromScenario, ScenarioError } from '../../../sim-core/src/model/from-scenario.ts';
import { summarize, type CrossingRun } from '../../../sim-core/src/model/run-summary.ts';
import type { Scenario } from '../../../sim-core/src/model/scenario.ts';
import { TAG } from '../../../sim-core/src/kernel/event.ts';
import { TRACE } from '../../../sim-core/src/model/trace-codes.ts';
import { MS_PER_HOUR } from '../../../sim-core/src/model/calendar.ts';
import { checkTargets, type TargetResult } from './targets.ts';
import { loadValidScenario } from './scenario-input.ts';
import { parseWholeNumber, UsageError } from '../usage-error.ts';
import type { Referee, RefereeReport } from '../../referee/referee.ts';

export interface RunOptions {
  seed?: string;
  days?: string;
  set?: string[];
  json?: boolean;
  trace?: string;
  check?: boolean;
  /** Check IGV footprints for overlap during the run (the geometric referee). */
  referee?: boolean;
}

/** The run summary of the JSON contract: the model's summary plus wall-clock figures and targets. */
export interface RunReport extends Omit<CrossingRun, 'engine'> {
  /** The scenario's title in Vietnamese, English and Chinese. */
  title: { vi: string; en: string; zh: string };
  engine: { events: number; wallMs: number; eventsPerSec: number };
  targets: TargetResult[];
  /** The geometric referee's verdict, with `--referee`. */
  referee?: RefereeReport;
}

const TAG_NAMES = new Map<number, string>(Object.entries(TAG).map(([k, v]) => [v, k.toLowerCase()]));
const TRACE_NAMES = new Map<number, string>(Object.entries(TRACE).map(([k, v]) => [v, k.toLowerCase()]));

/** Writes the trace as NDJSON: one line per processed event and per domain record. */
function traceWriter(path: string): { stream: WriteStream; sink: Parameters<CrossingModel['env']['addTraceSink']>[0] } {
  const stream = createWriteStream(path);
  stream.on('error', (e) => {
    throw new UsageError(`--trace: cannot write '${path}': ${e.message}`);
  });
  return {
    stream,
    sink: {
      event: (t, priority, seq, tag) => void stream.write(`{"t":${t},"seq":${seq},"priority":${priority},"kind":"${TAG_NAMES.get(tag) ?? `tag-${tag}`}"}\n`),
      record: (t, code, values) => void stream.write(`{"t":${t},"record":"${TRACE_NAMES.get(code) ?? `code-${code}`}","values":${JSON.stringify(values)}}\n`),
    },
  };
}

/**
 * `crossing-twin run <scenario>`: validates, runs for the horizon (or --days), and reports.
 * `now` is the wall clock (injected so the command stays testable).
 */
export async function runCommand(target: string, options: RunOptions, now: () => number): Promise<RunReport> {
  const overrides: { seed?: number; days?: number } = {};
  if (options.seed !== undefined) overrides.seed = parseWholeNumber('--seed', options.seed, 0);
  if (options.days !== undefined) {
    const d = Number(options.days);
    if (!(Number.isFinite(d) && d > 0 && d <= 366)) throw new UsageError(`--days: expected a number of days in (0, 366], got '${options.days}'`);
    overrides.days = d;
  }
  const scenario: Scenario = loadValidScenario(target, options.set ?? []);
  const config = fromScenario(scenario, overrides);
  if (config.warmupMs >= config.horizonMs) throw new UsageError(`--days: the run (${config.horizonMs / MS_PER_HOUR} h) must be longer than the warm-up (${config.warmupMs / MS_PER_HOUR} h)`);
  const referee = options.referee === true ? await refereeFor(scenario) : null;
  const model = buildModel(target, options.set ?? [], config, referee);
  const trace = options.trace === undefined ? null : traceWriter(options.trace);
  if (trace !== null) model.env.addTraceSink(trace.sink);

  const t0 = now();
  const showProgress = process.stderr.isTTY === true && options.json !== true;
  const hours = Math.ceil(config.horizonMs / MS_PER_HOUR);
  const bar = showProgress ? new cliProgress.SingleBar({ format: 'simulating {bar} {value}/{total} h | ETA {eta}s', hideCursor: true, clearOnComplete: true, stream: process.stderr }, cliProgress.Presets.shades_classic) : null;
  let started = false;
  // Run an hour at a time so the progress bar (when shown after 2 s) and the event loop keep up.
  for (let h = 1; h <= hours; h++) {
    model.env.run(Math.min(h * MS_PER_HOUR, config.horizonMs));
    if (bar !== null) {
      if (!started && now() - t0 > 2000) {
        bar.start(hours, h);
        started = true;
      } else if (started) bar.update(h);
    }
  }
  if (started) bar!.stop();
  const wallMs = now() - t0;
  if (trace !== null) await new Promise<void>((resolve) => trace.stream.end(resolve));
  const run = summarize(model);
  return {
    ...run,
    title: scenario.meta.title,
    engine: { events: run.engine.events, wallMs: Math.round(wallMs), eventsPerSec: Math.round(run.engine.events / Math.max(wallMs / 1000, 1e-6)) },
    targets: checkTargets(scenario.targets, run.kpis),
    ...(referee === null ? {} : { referee: referee.finish(config.horizonMs) }),
  };
}

/**
 * The model of a valid scenario. Some problems only show when the model is built (the lane network
 * must suit the vehicle: a stop node's spur long enough to stand clear of the junction zone, whose
 * size follows the footprint). They are bad input, named by JSON path, not a failed run.
 */
function buildModel(target: string, sets: readonly string[], config: ReturnType<typeof fromScenario>, referee: Referee | null): CrossingModel {
  try {
    return new CrossingModel(config, referee === null ? {} : { visual: referee });
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    const how = sets.length === 0 ? '' : ` with --set ${sets.join(' --set ')}`;
    throw new UsageError(`scenario '${target}'${how} cannot be run: ${e.message}`);
  }
}

/**
 * A referee for the scenario's IGV footprint; the scenario must have a lane network to referee.
 * Imported only for `--referee`: its physics engine (matter-js) costs every other run ~0.1 s to load.
 */
async function refereeFor(scenario: Scenario): Promise<Referee> {
  const { refereeForScenario } = await import('../../referee/referee-run.ts');
  try {
    return refereeForScenario(scenario);
  } catch (e) {
    throw new UsageError(`--referee: ${(e as Error).message}`);
  }
}
