/**
 * The referee's verdict as text for the command line: one line when every check passed, otherwise
 * one line per finding with the simulation time (day and clock), the vehicles and where they were.
 */

import type { RefereeFinding, RefereeReport } from './referee.ts';

const MS_PER_DAY = 86_400_000;

/** `d1 07:42:03.250` for 0-based day 1: simulation time as a reviewer reads it. */
export function formatSimTime(t: number): string {
  const day = Math.floor(t / MS_PER_DAY);
  const rest = t - day * MS_PER_DAY;
  const h = Math.floor(rest / 3_600_000);
  const m = Math.floor((rest % 3_600_000) / 60_000);
  const s = (rest % 60_000) / 1000;
  const pad = (v: number): string => String(v).padStart(2, '0');
  return `d${day} ${pad(h)}:${pad(m)}:${s.toFixed(3).padStart(6, '0')}`;
}

function xy(x: number, y: number): string {
  return `(${x.toFixed(2)}, ${y.toFixed(2)})`;
}

export function formatFinding(f: RefereeFinding): string {
  const when = `${formatSimTime(f.t)} (t=${Math.round(f.t)} ms)`;
  switch (f.kind) {
    case 'overlap': {
      const [a, b] = f.poses;
      return `${when}: ${f.ids[0]} at ${xy(a.x, a.y)} heading ${a.headingDeg.toFixed(0)}° overlaps ${f.ids[1]} at ${xy(b.x, b.y)} heading ${b.headingDeg.toFixed(0)}° by ${f.depthM.toFixed(2)} m`;
    }
    case 'jump':
      return `${when}: ${f.id} jumps from ${xy(f.from[0], f.from[1])} to ${xy(f.to[0], f.to[1])}: its new motion does not start where it is`;
    case 'stream':
      return `${when}: ${f.id}: ${f.message}`;
  }
}

/**
 * Where overlaps cluster: findings counted per 10 m cell (by the midpoint of the two vehicles),
 * most first, ties by position. A reviewer fixes a junction, not 40 separate collisions.
 */
export function overlapHotspots(findings: readonly RefereeFinding[], top = 5): Array<{ at: [number, number]; count: number }> {
  const cells = new Map<string, { at: [number, number]; count: number }>();
  for (const f of findings) {
    if (f.kind !== 'overlap') continue;
    const x = Math.round((f.poses[0].x + f.poses[1].x) / 20) * 10;
    const y = Math.round((f.poses[0].y + f.poses[1].y) / 20) * 10;
    const key = `${x},${y}`;
    const cell = cells.get(key) ?? { at: [x, y] as [number, number], count: 0 };
    cell.count++;
    cells.set(key, cell);
  }
  return [...cells.values()].sort((a, b) => b.count - a.count || a.at[0] - b.at[0] || a.at[1] - b.at[1]).slice(0, top);
}

export function formatRefereeReport(r: RefereeReport): string {
  const scope = `${r.motions} motions of ${r.vehicles} IGVs, ${r.checks} pair checks (${r.satChecks} SAT), sampled every ${r.stepMs} ms and at every segment boundary`;
  if (r.ok) return `referee: no overlap: ${scope}`;
  const more = r.findings.length;
  const stop = r.truncated ? ', checking stopped there' : '';
  const spots = overlapHotspots(r.findings);
  const where = spots.length > 1 ? [`  overlaps cluster around ${spots.map((c) => `(${c.at[0]}, ${c.at[1]}) ×${c.count}`).join(', ')}`] : [];
  return [`referee: FAILED with ${more} finding${more === 1 ? '' : 's'}${stop} (${scope}):`, ...r.findings.map((f) => `  ${formatFinding(f)}`), ...where].join('\n');
}
