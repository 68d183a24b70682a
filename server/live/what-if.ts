/**
 * What-if changes to a live session's scenario (`scenario:set path value`). The value goes through
 * the same path syntax, overrides and validation as `crossing-twin run --set`, so a bad path or
 * value is refused with its JSON path and the session goes on unchanged.
 *
 * How each change takes effect:
 * - `control.craneScheduler.strategy` applies **from now on**: the crane scheduler is swapped in
 *   the running model, and the next crane move is ranked by the new strategy.
 * - Every other path **restarts** the session from time 0 with the changed scenario and the same
 *   seed. Examples: `demand.vehiclesPerDay` (arrival times for the whole horizon are drawn from the
 *   daily volume when the run starts, so a new volume is a new arrival stream; with the same seed the
 *   restarted run is the paired comparison planners want), `transport.igv.fleet` (vehicles are
 *   created at the start, split between the yards by `initialShareVn`; adding or removing IGVs
 *   mid-run would need a place and a state for each), opening hours, equipment counts, customs
 *   shares and service times (resources and random streams are set up from them at the start).
 */

import { loadScenario } from '../../scenarios/index.ts';
import type { Scenario } from '../../sim-core/src/model/scenario.ts';
import type { ProtocolError, WhatIfEffect } from '../../sim-core/src/stream/protocol.ts';

/** Paths that apply from now on in the running model; every other path restarts the session. */
export const APPLIES_NOW: ReadonlySet<string> = new Set(['control.craneScheduler.strategy']);

export function whatIfEffect(path: string): WhatIfEffect {
  return APPLIES_NOW.has(path) ? 'now' : 'restart';
}

/** The `--set` text of a change: the value as JSON, which the override parser reads back as is. */
export function assignmentOf(path: string, value: unknown): string {
  return `${path}=${JSON.stringify(value)}`;
}

/**
 * The scenario `source` (preset name or file) with `assignments` and the new change applied, or the
 * first problem as a bad-request error naming the field.
 */
export function applyWhatIf(source: string, assignments: readonly string[], path: string, value: unknown): { ok: true; scenario: Scenario; assignment: string } | { ok: false; error: ProtocolError } {
  if (value === undefined) return { ok: false, error: { code: 'bad-request', message: 'value: required (any JSON value)', field: 'value' } };
  const assignment = assignmentOf(path, value);
  const r = loadScenario(source, { set: [...assignments, assignment] });
  if (r.ok) return { ok: true, scenario: r.scenario, assignment };
  const first = r.errors[0]!;
  // A malformed assignment or a path the schema does not have is the path's fault; the rest, the value's.
  const field = first.path.startsWith('--set') || /unknown field|past the end|is a list/.test(first.message) ? 'path' : 'value';
  return { ok: false, error: { code: 'bad-request', message: `${first.path}: ${first.message}`, field } };
}
