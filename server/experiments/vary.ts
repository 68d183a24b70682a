import { parseOverridePath } from '../../scenarios/index.ts';
import { UsageError } from '../cli/usage-error.ts';

/** One swept scenario path and its values (as they go into `--set path=value`). */
export interface Variation {
  path: string;
  values: Array<number | string>;
}

/** Largest grid a sweep accepts: beyond it a typo in a step is likelier than a plan. */
export const MAX_POINTS = 10_000;

function parseNumber(flag: string, raw: string, what: string): number {
  const x = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(x)) throw new UsageError(`${flag}: ${what} '${raw}' is not a number`);
  return x;
}

/**
 * `--vary path=a:b:step` (a, a+step, ... up to b) or `--vary path=v1,v2,...` (listed values,
 * numbers or words). `allowBareRange` lets capacity accept `path=low:high` without a step.
 */
export function parseVary(raw: string, flag = '--vary'): Variation {
  const eq = raw.indexOf('=');
  if (eq <= 0) throw new UsageError(`${flag}: expected path=a:b:step or path=v1,v2,..., got '${raw}'`);
  const path = raw.slice(0, eq).trim();
  if (parseOverridePath(path) === undefined) throw new UsageError(`${flag}: '${path}' is not a scenario path (e.g. demand.vehiclesPerDay)`);
  const spec = raw.slice(eq + 1).trim();
  if (spec === '') throw new UsageError(`${flag} ${path}: no values given`);
  if (spec.includes(':')) {
    const parts = spec.split(':');
    if (parts.length !== 3) throw new UsageError(`${flag} ${path}: a range is a:b:step, got '${spec}'`);
    const [a, b, step] = [parseNumber(flag, parts[0]!, 'start'), parseNumber(flag, parts[1]!, 'end'), parseNumber(flag, parts[2]!, 'step')];
    if (!(step > 0)) throw new UsageError(`${flag} ${path}: the step must be > 0, got ${step}`);
    if (b < a) throw new UsageError(`${flag} ${path}: empty range ${a}:${b} (the end is below the start)`);
    const count = Math.floor((b - a) / step + 1e-9) + 1;
    if (count > MAX_POINTS) throw new UsageError(`${flag} ${path}: ${count} values is more than ${MAX_POINTS}; use a larger step`);
    // Rounded so that 0.1 steps give 0.3, not 0.30000000000000004, in overrides and reports.
    return { path, values: Array.from({ length: count }, (_, i) => Number((a + i * step).toPrecision(12))) };
  }
  const values = spec.split(',').map((v) => v.trim());
  if (values.some((v) => v === '')) throw new UsageError(`${flag} ${path}: empty value in the list '${spec}'`);
  return { path, values: values.map((v) => (v !== '' && Number.isFinite(Number(v)) ? Number(v) : v)) };
}

/** Every combination of the variations, as override lists, first variation slowest. */
export function grid(variations: readonly Variation[]): Array<Array<{ path: string; value: number | string }>> {
  let out: Array<Array<{ path: string; value: number | string }>> = [[]];
  for (const v of variations) out = out.flatMap((combo) => v.values.map((value) => [...combo, { path: v.path, value }]));
  if (out.length > MAX_POINTS) throw new UsageError(`--vary: the grid has ${out.length} points, more than ${MAX_POINTS}`);
  return out;
}

/** `path=value` as `--set` reads it (strings that would parse as JSON are quoted). */
export function assignment(path: string, value: number | string): string {
  return `${path}=${typeof value === 'number' ? String(value) : value}`;
}
