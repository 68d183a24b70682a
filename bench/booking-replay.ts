/**
 * A day's bookings on their own: runs one day of huu-nghi-smart-2030 (seed 0) recording every
 * `TrafficController.book` call (vehicle, stretch, earliest, now) and the start it returned, then
 * books the same calls again `rounds` times, each on a new controller on the same graph (warm
 * code, the plans and passage conflicts already computed), and checks that every start is the
 * same. Prints the CPU time of each round (ms; wall time with WALL=1) and their median: a
 * deterministic workload for the booking code alone (26,000 bookings), without the rest of the day.
 * Compare two versions by bundling it against each and alternating the processes (only same-run
 * comparisons mean anything on a shared machine).
 * Usage: npx esbuild bench/booking-replay.ts --bundle --platform=node --format=esm --target=node20
 *   --packages=external --outfile=bench/.build/replay.mjs && node bench/.build/replay.mjs [rounds]
 * (from the repository root: it reads scenarios/presets/).
 */
import { loadScenario } from '../scenarios/index.ts';
import { fromScenario } from '../sim-core/src/model/from-scenario.ts';
import { runCrossing } from '../sim-core/src/model/run-summary.ts';
import type { LaneGraph } from '../sim-core/src/fleet/lane-graph.ts';
import type { Stretch } from '../sim-core/src/fleet/stretch.ts';
import { TrafficController } from '../sim-core/src/fleet/traffic-controller.ts';

const loaded = loadScenario('scenarios/presets/huu-nghi-smart-2030.json');
if (!loaded.ok) throw new Error('booking-replay: huu-nghi-smart-2030 does not load');
const rounds = Number(process.argv[2] ?? 9);
if (!(Number.isInteger(rounds) && rounds >= 1)) throw new Error(`booking-replay: rounds must be a whole number ≥ 1, got '${process.argv[2]}'`);

// Record: wrap `book` for the day, then put it back.
const vehicles: number[] = [];
const stretches: Stretch[] = [];
const times: number[] = []; // earliest, now, start per call
let graph: LaneGraph | null = null;
const book = TrafficController.prototype.book;
TrafficController.prototype.book = function (this: TrafficController, vehicle: number, stretch: Stretch, earliest: number, now: number = earliest): number {
  const t0 = book.call(this, vehicle, stretch, earliest, now);
  graph = (this as unknown as { graph: LaneGraph }).graph;
  vehicles.push(vehicle);
  stretches.push(stretch);
  times.push(earliest, now, t0);
  return t0;
};
const day = runCrossing({ ...fromScenario(loaded.scenario, { seed: 0, days: 1 }), warmupMs: 0 });
TrafficController.prototype.book = book;
if (graph === null) throw new Error('booking-replay: the day booked nothing');

const ms: number[] = [];
for (let r = 0; r < rounds; r++) {
  const c = new TrafficController(graph);
  const wall = performance.now();
  const cpu = process.cpuUsage();
  let differ = 0;
  for (let i = 0; i < vehicles.length; i++) if (c.book(vehicles[i]!, stretches[i]!, times[3 * i]!, times[3 * i + 1]!) !== times[3 * i + 2]) differ++;
  const used = process.cpuUsage(cpu);
  ms.push(process.env.WALL ? performance.now() - wall : (used.user + used.system) / 1000);
  if (differ > 0) throw new Error(`booking-replay: round ${r + 1}: ${differ} of ${vehicles.length} starts differ from the day's`);
}
const sorted = [...ms].sort((a, b) => a - b);
console.log(`traceHash ${day.traceHash}, ${vehicles.length} bookings; ${process.env.WALL ? 'wall' : 'cpu'} ms per round ${ms.map((t) => t.toFixed(1)).join(' ')}; median ${sorted[(rounds - 1) >> 1]!.toFixed(1)}`);
