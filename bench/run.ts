/**
 * `npm run bench`: benchmarks, never assertions. Each case runs in its own Node process from an
 * esbuild bundle (as a production build would ship, without the test loader's instrumentation),
 * several times in interleaved order; the table quotes medians and ratios against the peer
 * measured in the same run, and bench/results.json gets the same rows.
 *
 * Options: --reps N (default 3), --customers N (default 1,000,000), --only NAME (a suite).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import type { CaseResult } from './cases.ts';
import type { ExperimentTimings } from './experiments-case.ts';
import { formatRows, median, sig, writeResults, type BenchRow } from './results.ts';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '3' },
    customers: { type: 'string', default: '1000000' },
    only: { type: 'string' },
  },
});
const reps = Number(values.reps);
const customers = Number(values.customers);
if (!(Number.isInteger(reps) && reps >= 1)) throw new Error(`--reps: expected a whole number ≥ 1, got '${values.reps}'`);
if (!(Number.isInteger(customers) && customers >= 1)) throw new Error(`--customers: expected a whole number ≥ 1, got '${values.customers}'`);

const outDir = join(here, '.build');
mkdirSync(outDir, { recursive: true });
const casesBundle = join(outDir, 'cases.mjs');
await build({ entryPoints: [join(here, 'cases.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: casesBundle, packages: 'external', logLevel: 'warning' });

function runCase(name: string): CaseResult {
  const r = spawnSync(process.execPath, [casesBundle, name, String(customers), '1'], { encoding: 'utf8', maxBuffer: 16 << 20 });
  if (r.status !== 0) throw new Error(`bench case ${name} failed (exit ${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as CaseResult;
}

/** Runs the named cases `reps` times, interleaved so that machine noise hits them alike. */
function measure(names: readonly string[]): Map<string, CaseResult[]> {
  const out = new Map<string, CaseResult[]>(names.map((n) => [n, []]));
  for (let i = 0; i < reps; i++) {
    for (const n of names) {
      const r = runCase(n);
      out.get(n)!.push(r);
      process.stderr.write(`  ${n} rep ${i + 1}/${reps}: ${(r.wallMs / 1000).toFixed(2)} s, ${(r.events / r.wallMs / 1000).toFixed(2)} M events/s, peak ${r.maxRssMB.toFixed(0)} MB\n`);
    }
  }
  return out;
}

function kernelSuite(): BenchRow[] {
  process.stderr.write(`kernel: standard workload, ${customers.toLocaleString('en')} customers, ${reps} reps\n`);
  const m = measure(['callback', 'process', 'simjs', 'ceiling']);
  const wall = (n: string): number => median(m.get(n)!.map((r) => r.wallMs)) / 1000;
  const rate = (n: string): number => median(m.get(n)!.map((r) => r.events / r.wallMs / 1000));
  const peak = (n: string): number => Math.max(...m.get(n)!.map((r) => r.maxRssMB));
  // Same samples ⇒ same waits: check it here too, and say so in the table.
  const waits = (n: string): string => m.get(n)![0]!.meanWaitMs.map((w) => (w / 1000).toFixed(3)).join('/');
  const same = waits('callback') === waits('process') && waits('process') === waits('simjs');
  process.stderr.write(`  mean waits (s) callback ${waits('callback')}, process ${waits('process')}, simjs ${waits('simjs')}: ${same ? 'identical' : 'DIFFERENT'}\n`);
  const simjs = 'simjs@2.0.3';
  return [
    { name: 'kernel.callback.eventsPerSec', value: sig(rate('callback')), unit: 'M events/s' },
    { name: 'kernel.process.eventsPerSec', value: sig(rate('process')), unit: 'M events/s' },
    { name: 'kernel.simjs.eventsPerSec', value: sig(rate('simjs')), unit: 'M events/s (its own 4 per customer)' },
    { name: 'kernel.ceiling.eventsPerSec', value: sig(rate('ceiling')), unit: 'M events/s (bare heap + 1 draw)' },
    { name: 'kernel.callback.wall1M', value: sig(wall('callback')), unit: 's', peer: simjs, peerValue: sig(wall('simjs')), ratio: sig(wall('simjs') / wall('callback'), 3) },
    { name: 'kernel.process.wall1M', value: sig(wall('process')), unit: 's', peer: simjs, peerValue: sig(wall('simjs')), ratio: sig(wall('simjs') / wall('process'), 3) },
    { name: 'kernel.callback.peakRss', value: sig(peak('callback'), 3), unit: 'MB', peer: simjs, peerValue: sig(peak('simjs'), 3), ratio: sig(peak('simjs') / peak('callback'), 3) },
    { name: 'kernel.process.peakRss', value: sig(peak('process'), 3), unit: 'MB', peer: simjs, peerValue: sig(peak('simjs'), 3), ratio: sig(peak('simjs') / peak('process'), 3) },
    { name: 'kernel.sameWaitsAsPeer', value: same ? 1 : 0, unit: 'bool' },
  ];
}

function crossingSuite(): BenchRow[] {
  process.stderr.write(`crossing: huu-nghi-smart-2030, 1 and 30 simulated days, ${reps} reps\n`);
  const m = measure(['crossing-1d', 'crossing-30d']);
  const wall = (n: string): number => median(m.get(n)!.map((r) => r.wallMs)) / 1000;
  const rate = (n: string): number => median(m.get(n)!.map((r) => r.events / r.wallMs / 1000));
  const peak = (n: string): number => Math.max(...m.get(n)!.map((r) => r.maxRssMB));
  return [
    { name: 'crossing.smart2030.1day.wall', value: sig(wall('crossing-1d')), unit: 's' },
    { name: 'crossing.smart2030.loadAndValidate', value: sig(median(m.get('crossing-1d')!.map((r) => r.setupMs ?? 0)) / 1000), unit: 's' },
    { name: 'crossing.smart2030.1day.events', value: m.get('crossing-1d')![0]!.events, unit: 'events' },
    { name: 'crossing.smart2030.1day.eventsPerSec', value: sig(rate('crossing-1d')), unit: 'M events/s' },
    { name: 'crossing.smart2030.30days.wall', value: sig(wall('crossing-30d')), unit: 's' },
    { name: 'crossing.smart2030.30days.events', value: m.get('crossing-30d')![0]!.events, unit: 'events' },
    { name: 'crossing.smart2030.30days.eventsPerSec', value: sig(rate('crossing-30d')), unit: 'M events/s' },
    { name: 'crossing.smart2030.30days.peakRss', value: sig(peak('crossing-30d'), 3), unit: 'MB' },
  ];
}

function fleetSuite(): BenchRow[] {
  process.stderr.write(`fleet: huu-nghi-smart-2030 on its lane network, 1 simulated day (cold, and warm: days 2-4 in one process), 80 and 200 IGVs, ${reps} reps\n`);
  const m = measure(['fleet-1d', 'fleet-1d-warm', 'fleet-stress-200']);
  // A warm day: the median over every rep's days 2-4 (each rep a fresh process, its first day untimed).
  const warm = m.get('fleet-1d-warm')!.flatMap((r) => r.warmDays!);
  for (const [i, r] of m.get('fleet-1d-warm')!.entries()) {
    process.stderr.write(`  fleet-1d-warm rep ${i + 1}: days 2-4 wall ${r.warmDays!.map((d) => (d.wallMs / 1000).toFixed(2)).join(' / ')} s, CPU ${r.warmDays!.map((d) => (d.cpuMs / 1000).toFixed(2)).join(' / ')} s\n`);
  }
  const wall = (n: string): number => median(m.get(n)!.map((r) => r.wallMs)) / 1000;
  const rate = (n: string): number => median(m.get(n)!.map((r) => r.events / r.wallMs / 1000));
  const queries = (n: string): number => median(m.get(n)!.map((r) => (r.routingQueries ?? 0) / (r.wallMs / 1000)));
  return [
    { name: 'fleet.smart2030.1day.wall', value: sig(wall('fleet-1d')), unit: 's (target ≤ 1)' },
    { name: 'fleet.smart2030.1day.eventsPerSec', value: sig(rate('fleet-1d')), unit: 'M events/s' },
    { name: 'fleet.smart2030.1day.routingQueriesPerSec', value: sig(queries('fleet-1d')), unit: 'queries/s' },
    { name: 'fleet.smart2030.1day.warmWall', value: sig(median(warm.map((d) => d.wallMs)) / 1000), unit: 's (a warm day: days 2-4 in one process, median)' },
    { name: 'fleet.smart2030.1day.warmCpu', value: sig(median(warm.map((d) => d.cpuMs)) / 1000), unit: 's CPU (a warm day: days 2-4 in one process, median)' },
    { name: 'fleet.smart2030.1day.bookings', value: m.get('fleet-1d')![0]!.bookings ?? 0, unit: 'stretches booked' },
    { name: 'fleet.stress200.1day.wall', value: sig(wall('fleet-stress-200')), unit: 's (target ≤ 3)' },
    { name: 'fleet.stress200.1day.eventsPerSec', value: sig(rate('fleet-stress-200')), unit: 'M events/s' },
    { name: 'fleet.stress200.1day.routingQueriesPerSec', value: sig(queries('fleet-stress-200')), unit: 'queries/s' },
  ];
}

function experimentsSuite(): BenchRow[] {
  process.stderr.write(`experiments: 10 demand levels × 5 replications × 1 simulated day of huu-nghi-smart-2030, 1 and 2 worker threads, ${reps} reps\n`);
  const m = measure(['experiments-1w', 'experiments-2w', 'worker-start-bundle', 'worker-start-tsx']);
  const wall = (n: string): number => median(m.get(n)!.map((r) => r.wallMs)) / 1000;
  // Where the time went, from the CLI's own timings (median over reps), in s unless said otherwise.
  const t = (n: string, pick: (e: ExperimentTimings) => number, scale = 1000): number => median(m.get(n)!.map((r) => pick(r.experiment!))) / scale;
  for (const n of ['experiments-1w', 'experiments-2w']) {
    for (const [i, r] of m.get(n)!.entries()) {
      const e = r.experiment!;
      const s = (ms: number): string => (ms / 1000).toFixed(1);
      process.stderr.write(`  ${n} rep ${i + 1}: wall ${s(r.wallMs)} s, load ${e.load1.toFixed(1)}; CPU s: process ${s(e.processCpuMs)}, runs ${s(e.jobsCpuMs)} (median ${s(e.jobCpuMedianMs)} per run), main ${s(e.mainCpuMs)}, other threads ${s(e.othersCpuMs)}; first job at ${s(e.firstJobMs)} s, idle tail ${s(e.tailIdleMs)} s, after the batch ${s(e.afterBatchMs)} s, workers waited for a core ${s(e.workersWaitMs)} s\n`);
    }
  }
  // Paired by rep: each 2-worker run against the 1-worker run just before it (same machine load).
  const paired = median(m.get('experiments-1w')!.map((r, i) => r.wallMs / m.get('experiments-2w')![i]!.wallMs));
  // Compared rep by rep: the CLI runs from the sources, which may change between reps on a shared checkout.
  const same = m.get('experiments-1w')!.every((r, i) => r.traceHash === m.get('experiments-2w')![i]!.traceHash);
  const w1 = 'experiments-1w';
  const w2 = 'experiments-2w';
  return [
    { name: 'experiments.sweep10x5x1day.wall2workers', value: sig(wall(w2)), unit: 's (target ≤ 20)' },
    { name: 'experiments.sweep10x5x1day.wall1worker', value: sig(wall(w1)), unit: 's' },
    { name: 'experiments.sweep10x5x1day.speedup2workers', value: sig(wall(w1) / wall(w2), 3), unit: '× (ratio of median walls, 1 worker / 2 workers, target ≥ 1.7)' },
    { name: 'experiments.sweep10x5x1day.speedup2workersPaired', value: sig(paired, 3), unit: '× (median of the per-rep ratios, each pair run back to back)' },
    { name: 'experiments.sweep10x5x1day.loadAverage', value: sig(t(w2, (e) => e.load1, 1), 3), unit: '1-min load average at the start of the 2-worker runs (2 cores)' },
    { name: 'experiments.sweep10x5x1day.processCpu2workers', value: sig(t(w2, (e) => e.processCpuMs)), unit: 's CPU, all threads', peer: '1 worker', peerValue: sig(t(w1, (e) => e.processCpuMs)), ratio: sig(t(w1, (e) => e.processCpuMs) / t(w2, (e) => e.processCpuMs), 3) },
    { name: 'experiments.sweep10x5x1day.modelCpuPerRun2workers', value: sig(t(w2, (e) => e.jobCpuMedianMs), 3), unit: 's CPU per run in its worker (median)', peer: '1 worker', peerValue: sig(t(w1, (e) => e.jobCpuMedianMs), 3), ratio: sig(t(w1, (e) => e.jobCpuMedianMs) / t(w2, (e) => e.jobCpuMedianMs), 3) },
    { name: 'experiments.sweep10x5x1day.modelShareOfCpu2workers', value: sig(t(w2, (e) => e.jobsCpuMs / e.processCpuMs, 1), 3), unit: 'share of the process CPU spent in the model runs', peer: '1 worker', peerValue: sig(t(w1, (e) => e.jobsCpuMs / e.processCpuMs, 1), 3) },
    { name: 'experiments.sweep10x5x1day.mainThreadCpu2workers', value: sig(t(w2, (e) => e.mainCpuMs), 3), unit: 's CPU (CLI start, scenarios, dispatch, output)' },
    { name: 'experiments.sweep10x5x1day.otherThreadsCpu2workers', value: sig(t(w2, (e) => e.othersCpuMs), 3), unit: "s CPU (V8's GC and compiler helpers, tsx's loader thread)", peer: '1 worker', peerValue: sig(t(w1, (e) => e.othersCpuMs), 3) },
    { name: 'experiments.sweep10x5x1day.firstJobAt2workers', value: sig(t(w2, (e) => e.firstJobMs), 3), unit: 's from process start to the first run (serial)' },
    { name: 'experiments.sweep10x5x1day.idleTail2workers', value: sig(t(w2, (e) => e.tailIdleMs), 3), unit: 's, summed over workers, between their last run and the end of the batch' },
    { name: 'experiments.sweep10x5x1day.afterBatch2workers', value: sig(t(w2, (e) => e.afterBatchMs), 3), unit: 's from the last run to exit (statistics, output)' },
    { name: 'experiments.sweep10x5x1day.workersWaitedForCore2workers', value: sig(t(w2, (e) => e.workersWaitMs), 3), unit: 's the workers were ready but had no core (contention)', peer: '1 worker', peerValue: sig(t(w1, (e) => e.workersWaitMs), 3) },
    { name: 'experiments.sweep10x5x1day.setupPerRun', value: sig(t(w2, (e) => e.setupMedianMs, 1), 3), unit: 'ms fromScenario per run (median)' },
    { name: 'experiments.sameBitsAnyWorkers', value: same ? 1 : 0, unit: 'bool' },
    { name: 'experiments.workerStart.bundle', value: sig(wall('worker-start-bundle'), 3), unit: 's (2 workers ready, esbuild bundle built on demand)', peer: 'tsx in each worker', peerValue: sig(wall('worker-start-tsx'), 3), ratio: sig(wall('worker-start-tsx') / wall('worker-start-bundle'), 3) },
  ];
}

/** The live server (bench/live-bench.ts, its own process): 50 viewers of one session at 600× and 60×. */
function liveSuite(): BenchRow[] {
  process.stderr.write('live: huu-nghi-smart-2030, 50 viewers in another process, from 08:00 at 600× then 60×, 20 s each\n');
  const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
  const r = spawnSync(process.execPath, [tsx, join(here, 'live-bench.ts'), '--viewers', '50', '--seconds', '20'], { encoding: 'utf8', maxBuffer: 16 << 20 });
  if (r.status !== 0) throw new Error(`live bench failed (exit ${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as BenchRow[];
}

/** The 3D viewer in headless Chromium (bench/viewer-bench.ts, its own process): draw calls and script time per frame under stress. */
function viewerSuite(): BenchRow[] {
  process.stderr.write('viewer: stress mode in headless Chromium (SwiftShader), 0/0/0, 150/600/4000 and 300/1200/8000 IGVs/trucks/containers, 10 s each\n');
  const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
  const r = spawnSync(process.execPath, [tsx, join(here, 'viewer-bench.ts'), '--seconds', '10'], { encoding: 'utf8', maxBuffer: 16 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`viewer bench failed (exit ${r.status})`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as BenchRow[];
}

const suites: Record<string, () => BenchRow[]> = { kernel: kernelSuite, crossing: crossingSuite, fleet: fleetSuite, experiments: experimentsSuite, live: liveSuite, viewer: viewerSuite };
const chosen = values.only === undefined ? Object.keys(suites) : [values.only];
const rows: BenchRow[] = [];
for (const s of chosen) {
  const suite = suites[s];
  if (suite === undefined) throw new Error(`--only: unknown suite '${s}' (${Object.keys(suites).join(', ')})`);
  rows.push(...suite());
}
console.log(formatRows(rows));
// With --only, the other suites' rows already in results.json stay.
const resultsFile = join(here, 'results.json');
const kept = values.only === undefined || !existsSync(resultsFile) ? [] : (JSON.parse(readFileSync(resultsFile, 'utf8')) as BenchRow[]).filter((r) => !r.name.startsWith(`${values.only}.`));
writeResults(resultsFile, [...kept, ...rows]);
console.log(`\nwritten ${join('bench', 'results.json')}`);
