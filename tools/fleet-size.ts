/**
 * Fleet sizing: the smallest IGV fleet that clears ≥ 3,000 vehicles/day at huu-nghi-smart-2030
 * demand, on the lane network (the preset's transport) and with the abstract pool, beside the ~78
 * IGVs DOMAIN.md derives. Each fleet size runs `--days` simulated days (the first is warm-up) at
 * `--seeds` seeds; the network is regenerated with parking for the whole fleet.
 *
 *   npx tsx tools/fleet-size.ts [--from 40] [--to 140] [--step 10] [--days 2] [--seeds 2] [--only pool|network] [--json]
 */
import { parseArgs } from 'node:util';
import { loadScenario } from '../scenarios/index.ts';
import { validateScenario } from '../scenarios/validate.ts';
import { fromScenario } from '../sim-core/src/model/from-scenario.ts';
import { runCrossing } from '../sim-core/src/model/run-summary.ts';
import type { Scenario } from '../sim-core/src/model/scenario.ts';
import { withNetwork } from './lane-networks.ts';

const TARGET = 3000;

export interface SizingRow {
  transport: 'network' | 'pool';
  fleet: number;
  vehiclesPerDay: number;
  igvUtilization: number;
  blockedShare: number | null;
}

function scenarioWith(base: Scenario, transport: 'network' | 'pool', fleet: number): Scenario {
  const igv = { ...base.transport.igv!, fleet };
  const s: Scenario = { ...base, transport: { ...base.transport, igv }, control: { ...base.control, transport: { strategy: transport } } };
  const out = transport === 'network' ? withNetwork(s, fleet) : s;
  const v = validateScenario(out);
  if (!v.ok) throw new Error(`fleet ${fleet}: ${JSON.stringify(v.errors.slice(0, 3))}`);
  return v.scenario;
}

/** Mean vehicles/day over the seeds, for one transport and fleet size. */
export function sizeRow(base: Scenario, transport: 'network' | 'pool', fleet: number, days: number, seeds: number): SizingRow {
  let vpd = 0;
  let util = 0;
  let blocked = 0;
  const s = scenarioWith(base, transport, fleet);
  for (let seed = 1; seed <= seeds; seed++) {
    const r = runCrossing(fromScenario(s, { seed, days }));
    vpd += r.kpis.vehiclesPerDay / seeds;
    util += (r.kpis.utilization['igvs'] ?? 0) / seeds;
    blocked += (r.kpis.fleet?.timeShares.blocked ?? 0) / seeds;
  }
  return { transport, fleet, vehiclesPerDay: Math.round(vpd), igvUtilization: Math.round(util * 1000) / 1000, blockedShare: transport === 'network' ? Math.round(blocked * 1000) / 1000 : null };
}

if (process.argv[1] !== undefined && /fleet-size\.ts$/.test(process.argv[1])) {
  const { values } = parseArgs({ options: { from: { type: 'string', default: '40' }, to: { type: 'string', default: '140' }, step: { type: 'string', default: '10' }, days: { type: 'string', default: '2' }, seeds: { type: 'string', default: '2' }, only: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (values.only !== undefined && values.only !== 'pool' && values.only !== 'network') throw new Error(`--only: expected pool or network, got '${values.only}'`);
  const [from, to, step, days, seeds] = [values.from, values.to, values.step, values.days, values.seeds].map(Number) as [number, number, number, number, number];
  const loaded = loadScenario('huu-nghi-smart-2030');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const rows: SizingRow[] = [];
  for (const transport of values.only === undefined ? (['pool', 'network'] as const) : [values.only as 'pool' | 'network']) {
    for (let fleet = from; fleet <= to; fleet += step) {
      const row = sizeRow(loaded.scenario, transport, fleet, days, seeds);
      rows.push(row);
      if (!values.json) console.log(`${transport.padEnd(8)} ${String(fleet).padStart(4)} IGVs: ${String(row.vehiclesPerDay).padStart(5)} vehicles/day, IGVs busy ${(row.igvUtilization * 100).toFixed(0)} %${row.blockedShare === null ? '' : `, blocked ${(row.blockedShare * 100).toFixed(0)} % of IGV time`}`);
    }
  }
  const smallest = (t: 'pool' | 'network'): number | null => rows.find((r) => r.transport === t && r.vehiclesPerDay >= TARGET)?.fleet ?? null;
  const net = rows.filter((r) => r.transport === 'network');
  const best = net.length > 0 ? net.reduce((a, b) => (b.vehiclesPerDay > a.vehiclesPerDay ? b : a)) : { fleet: 0, vehiclesPerDay: 0 };
  const summary = { target: TARGET, domainEstimate: 78, smallestFleet: { pool: smallest('pool'), network: smallest('network') }, networkBest: { fleet: best.fleet, vehiclesPerDay: best.vehiclesPerDay } };
  // Only the transports that ran: with --only, the other one has no rows to summarize.
  const ran = (t: 'pool' | 'network'): boolean => values.only === undefined || values.only === t;
  const parts = [
    ...(ran('pool') ? [`pool ${summary.smallestFleet.pool ?? 'none in range'}`] : []),
    ...(ran('network') ? [`network ${summary.smallestFleet.network ?? `none in range (best ${best.vehiclesPerDay}/day at ${best.fleet} IGVs)`}`] : []),
  ];
  console.log(values.json ? JSON.stringify({ rows, ...summary }, null, 2) : `\nsmallest fleet clearing ≥ ${TARGET}/day: ${parts.join(', ')}; DOMAIN.md derives about 78`);
}
