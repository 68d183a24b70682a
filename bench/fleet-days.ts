/**
 * One process of the fleet A/B (bench/fleet-ab.ts): `days` one-day runs of huu-nghi-smart-2030 in a
 * row (seeds 1, 2, ...), as a sweep's worker runs them: the first cold, the later ones on warm
 * code and the shared lane graph's caches. Prints one JSON line: per day the CPU time of the
 * process (every thread, ms), of the main thread alone (ms; V8's compiler and GC helpers apart),
 * the wall time (ms) and the traceHash. Imports only what every version of the model has had, so
 * the A/B can bundle it against an older checkout.
 * Usage: node <bundle> <days>
 */
import { readFileSync } from 'node:fs';
import { loadScenario } from '../scenarios/index.ts';
import { fromScenario } from '../sim-core/src/model/from-scenario.ts';
import { runCrossing } from '../sim-core/src/model/run-summary.ts';

/**
 * CPU time of the calling thread so far, ms (Linux's schedstat; the process's where there is none).
 * server/experiments/thread-clock.ts reads the same file, but bench/ may not import server/.
 */
function threadCpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  }
}

export interface FleetDay {
  cpuMs: number;
  mainMs: number;
  wallMs: number;
  traceHash: string;
}

const days = Number(process.argv[2] ?? '5');
if (!(Number.isInteger(days) && days >= 1)) throw new Error(`fleet-days: expected a whole number of days ≥ 1, got '${process.argv[2]}'`);
const loaded = loadScenario('scenarios/presets/huu-nghi-smart-2030.json');
if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
const out: FleetDay[] = [];
for (let d = 0; d < days; d++) {
  const c0 = process.cpuUsage();
  const m0 = threadCpuMs();
  const t0 = performance.now();
  const r = runCrossing({ ...fromScenario(loaded.scenario, { seed: 1 + d, days: 1 }), warmupMs: 0 });
  const wallMs = performance.now() - t0;
  const c1 = process.cpuUsage(c0);
  out.push({ cpuMs: (c1.user + c1.system) / 1000, mainMs: threadCpuMs() - m0, wallMs, traceHash: r.traceHash });
}
process.stdout.write(`${JSON.stringify(out)}\n`);
