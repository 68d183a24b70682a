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

export function formatRefereeReport(r: RefereeReport): string {
  const scope = `${r.motions} motions of ${r.vehicles} IGVs, ${r.checks} pair checks (${r.satChecks} SAT), sampled every ${r.stepMs} ms and at every segment boundary`;
  if (r.ok) return `referee: no overlap: ${scope}`;
  const more = r.findings.length;
  const stop = r.truncated ? ', checking stopped there' : '';
  return [`referee: FAILED with ${more} finding${more === 1 ? '' : 's'}${stop} (${scope}):`, ...r.findings.map((f) => `  ${formatFinding(f)}`)].join('\n');
}
