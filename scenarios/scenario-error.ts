/**
 * One problem with a scenario: where (a JSON path such as `$.customs.export.channels`, or for a
 * file that cannot be read, the file or preset name) and what, as a sentence a planner acts on.
 */

import { childPath } from '../sim-core/src/random/spec-reader.ts';

export interface ScenarioError {
  path: string;
  message: string;
}

/** `$.layout.zones[2].polygon` from path segments. */
export function jsonPath(segments: ReadonlyArray<PropertyKey>): string {
  let path = '$';
  for (const s of segments) path = childPath(path, typeof s === 'number' ? s : String(s));
  return path;
}

/** `<path>: <message>`, the line the CLI prints. */
export function formatScenarioError(e: ScenarioError): string {
  return `${e.path}: ${e.message}`;
}

/** Sorts errors into document order of their paths, keeping the order of errors at one path. */
export function byPath(errors: readonly ScenarioError[], order: readonly string[]): ScenarioError[] {
  const rank = (p: string): number => {
    const top = /^\$\.([A-Za-z_$][\w$]*)|^\$\["([^"]*)"\]/.exec(p);
    const key = top?.[1] ?? top?.[2];
    const i = key === undefined ? -1 : order.indexOf(key);
    return i < 0 ? order.length : i;
  };
  return errors.map((e, i) => ({ e, i, r: rank(e.path) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.e);
}
