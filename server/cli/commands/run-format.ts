import type { MinutesSummary } from '../../../sim-core/src/model/kpi-collector.ts';
import { fmt, formatTable } from '../table.ts';
import type { RunReport } from './run.ts';

const num = (x: number | null, d = 1): string => (x === null ? '–' : fmt(x, d));
const pct = (x: number): string => `${fmt(100 * x, 1)} %`;
const mins = (m: MinutesSummary): string => `mean ${num(m.mean)}  p50 ${num(m.p50)}  p95 ${num(m.p95)}  p99 ${num(m.p99)}  max ${num(m.max)} min  (n = ${fmt(m.count)})`;

/** The human summary of a run: a compact report with units, readable in a terminal and a diff. */
export function formatRun(r: RunReport, title: string): string {
  const k = r.kpis;
  const lines: string[] = [];
  lines.push(`${title} (${r.scenario}) · ${r.mode} · seed ${r.seed} · ${fmt(r.simulatedHours, 1)} h simulated, first ${fmt(r.warmupHours, 1)} h warm-up`);
  lines.push('');
  lines.push(`throughput      ${fmt(k.vehiclesPerDay, 1)} vehicles/day (loaded cross-border movements)  ·  crossed: export ${fmt(k.containersCrossed.export)}, import ${fmt(k.containersCrossed.import)}`);
  if (k.igvTrips.loaded + k.igvTrips.empty > 0) {
    const total = k.igvTrips.loaded + k.igvTrips.empty;
    lines.push(`IGV trips       ${fmt(k.igvTrips.loaded)} loaded, ${fmt(k.igvTrips.empty)} empty (empty ${pct(k.igvTrips.empty / total)})`);
  }
  lines.push(`truck turn      ${mins(k.truckTurnTimeMin)}`);
  lines.push(`clearance exp.  ${mins(k.clearanceTimeMin.export)}`);
  lines.push(`clearance imp.  ${mins(k.clearanceTimeMin.import)}`);
  lines.push(`customs         green ${fmt(k.customs.green)}, yellow ${fmt(k.customs.yellow)}, red ${fmt(k.customs.red)}; scanned ${fmt(k.customs.scanned)}, AI-cleared ${fmt(k.customs.aiCleared)}, inspected ${fmt(k.customs.inspected)}; over the legal limit: ${fmt(k.customs.documentCheckOverLimit)} document checks, ${fmt(k.customs.inspectionOverLimit)} inspections; manual gate checks ${fmt(k.manualGateChecks)}`);
  lines.push('');
  const rows = [['station', 'units', 'utilization', 'mean queue', 'max queue', 'wait mean (min)', 'wait p95 (min)']];
  for (const [name, s] of Object.entries(k.stations)) {
    rows.push([name, fmt(s.units), pct(s.utilization), fmt(s.meanQueue, 2), fmt(s.maxQueue), num(s.queueWaitMin.mean, 2), num(s.queueWaitMin.p95, 2)]);
  }
  lines.push(formatTable(rows, new Set([1, 2, 3, 4, 5, 6])));
  lines.push('');
  const storage = [['storage', 'mean', 'max', 'capacity']];
  for (const [name, s] of Object.entries(k.storageOccupancy)) storage.push([name, fmt(s.mean, 1), fmt(s.max), fmt(s.capacity)]);
  lines.push(formatTable(storage, new Set([1, 2, 3])));
  lines.push('');
  const c = k.conservation;
  lines.push(`in system at end  ${fmt(k.inSystemAtEnd.vnTrucks)} Vietnamese trucks, ${fmt(k.inSystemAtEnd.cnTrucks)} Chinese trucks, ${fmt(k.inSystemAtEnd.containers)} containers`);
  lines.push(`conservation      ${c.ok ? 'OK' : 'VIOLATED'}: containers ${c.containers.entered} in = ${c.containers.left} out + ${c.containers.inSystem} inside; VN trucks ${c.vnTrucks.entered} = ${c.vnTrucks.left} + ${c.vnTrucks.inSystem}`);
  if (r.targets.length > 0) {
    lines.push('');
    const t = [['target', 'threshold', 'value', 'met']];
    for (const x of r.targets) t.push([x.target, x.threshold, x.value === null ? '–' : fmt(x.value, 3), x.met ? 'yes' : 'NO']);
    lines.push(formatTable(t, new Set([2])));
  }
  lines.push('');
  lines.push(`engine            ${fmt(r.engine.events)} events in ${fmt(r.engine.wallMs)} ms = ${fmt(r.engine.eventsPerSec / 1e6, 2)} M events/s`);
  lines.push(`traceHash         ${r.traceHash}`);
  return lines.join('\n');
}
