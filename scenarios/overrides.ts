/**
 * `--set path=value` overrides: `demand.vehiclesPerDay=4000`, `customs.export.channels.red=0.1`,
 * `layout.zones[2].kind=parking` (or `layout.zones.2.kind`). The value is read as JSON when it
 * parses (numbers, true/false, objects, quoted strings), else taken as a string.
 *
 * Paths are checked against the schema, not only the file, so an optional field the file leaves
 * out can be set; an unknown path or a value of the wrong type is an error naming the path, never
 * ignored. Rules that span several fields (shares adding up to 1) are left to validation of the
 * whole scenario afterwards.
 */

import { safeParse } from 'zod';
import { describeValue, didYouMean, listWords } from '../sim-core/src/random/spec-reader.ts';
import { PARSE_OPTIONS, translateIssues } from './issue-messages.ts';
import { jsonPath } from './scenario-error.ts';
import type { ScenarioError } from './scenario-error.ts';
import { childOf, childValue, fieldsOf, kindOf, unwrap } from './schema-walk.ts';
import type { Schema, Segment } from './schema-walk.ts';
import { scenarioSchema } from './zod/scenario.ts';

/**
 * The overridden copy, or every problem; on failure `partial` is the copy with the assignments
 * that were fine applied, so the rest of the scenario can still be checked in the same pass.
 */
export type OverrideResult = { ok: true; json: unknown } | { ok: false; errors: ScenarioError[]; partial: unknown };

/** `a.b[2].c` or `a.b.2.c` → ['a', 'b', 2, 'c'], or undefined when malformed. */
export function parseOverridePath(text: string): Segment[] | undefined {
  if (text.length === 0) return undefined;
  const segments: Segment[] = [];
  for (const part of text.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (m === null) return undefined;
    const name = m[1] ?? '';
    const indices = [...(m[2] ?? '').matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]));
    if (name === '' && indices.length === 0) return undefined;
    if (name !== '') segments.push(/^\d+$/.test(name) ? Number(name) : name);
    segments.push(...indices);
  }
  return segments;
}

/** The value of `--set path=value`: JSON when it parses, else the text itself. */
export function parseOverrideValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The discriminator field of a discriminated-union schema, if it is one. */
function discriminatorOf(schema: Schema): string | undefined {
  const def = unwrap(schema)._zod.def as { type: string; discriminator?: string };
  return def.type === 'union' ? def.discriminator : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Why `key` is not a known child of `schema` (holding `value`) at `path`. */
function unknownChild(schema: Schema, value: unknown, key: Segment, path: readonly Segment[]): string {
  const where = path.length === 0 ? 'the scenario' : jsonPath(path).slice(2);
  const kind = kindOf(schema);
  if (kind === 'array') {
    if (typeof key === 'string') return `${where} is a list; address an item by its index, e.g. ${where}[0]`;
    const length = Array.isArray(value) ? value.length : 0;
    return `index ${key} is past the end of ${where}, which has ${length} item${length === 1 ? '' : 's'}${length > 0 ? ` (indices 0 to ${length - 1})` : ''}`;
  }
  const fields = fieldsOf(schema, value);
  if (fields !== undefined) {
    const name = typeof key === 'number' ? `[${key}]` : `"${key}"`;
    return `unknown field ${name} in ${where}; its fields are ${listWords(fields)}${typeof key === 'string' ? didYouMean(key, fields) : ''}`;
  }
  return `${where} is ${kind === 'number' ? 'a number' : kind === 'string' || kind === 'enum' ? 'a single value' : `a ${kind}`} and has no part ${JSON.stringify(key)}`;
}

/**
 * Applies one assignment to `root` (mutated). Returns the errors, or [] when it was applied.
 */
function applyOne(root: Record<string, unknown>, assignment: string): ScenarioError[] {
  const eq = assignment.indexOf('=');
  const pathText = eq < 0 ? assignment : assignment.slice(0, eq);
  const segments = parseOverridePath(pathText.trim());
  if (eq < 0 || segments === undefined) {
    return [{ path: `--set ${assignment}`, message: 'expected path=value, e.g. demand.vehiclesPerDay=4000 or customs.export.channels.red=0.1' }];
  }
  const value = parseOverrideValue(assignment.slice(eq + 1));

  let schema: Schema = scenarioSchema;
  let container: unknown = root;
  // A node checked as a whole: a distribution spec, strategy params, or an object whose union tag changes.
  let opaque: { schema: Schema; path: Segment[] } | undefined;
  for (let i = 0; i < segments.length; i++) {
    const key = segments[i]!;
    const last = i === segments.length - 1;
    const here = segments.slice(0, i);
    if (Array.isArray(container) && typeof key === 'number' && key >= container.length) {
      return [{ path: jsonPath(segments), message: unknownChild(schema, container, key, here) }];
    }
    if (opaque === undefined) {
      const child = childOf(schema, key, container);
      if (child.kind === 'unknown') return [{ path: jsonPath(segments), message: unknownChild(schema, container, key, here) }];
      if (child.kind === 'opaque') opaque = { schema, path: here };
      else if (last && discriminatorOf(schema) === key) opaque = { schema, path: here }; // a new tag changes the whole shape
      else schema = child.schema;
    }
    if (!Array.isArray(container) && !isObject(container)) {
      return [{ path: jsonPath(here), message: `cannot set ${jsonPath(segments)}: ${jsonPath(here)} is ${describeValue(container)} in the scenario, not an object` }];
    }
    if (last) {
      (container as Record<Segment, unknown>)[key] = value;
      break;
    }
    let next = childValue(container, key);
    if (next === undefined) {
      if (Array.isArray(container) || (opaque === undefined && kindOf(schema) !== 'object')) {
        return [{ path: jsonPath(segments.slice(0, i + 1)), message: `${jsonPath(segments.slice(0, i + 1))} is not in the scenario, so ${jsonPath(segments)} cannot be set; set the whole value instead` }];
      }
      next = {};
      (container as Record<string, unknown>)[key as string] = next;
    }
    container = next;
  }

  // Check the new value (or the distribution spec / params object around it) against its schema.
  const checkPath = opaque?.path ?? segments;
  const checkSchema = opaque?.schema ?? schema;
  const checked = checkPath.reduce<unknown>((v, k) => childValue(v, k), root);
  const r = safeParse(checkSchema, checked, PARSE_OPTIONS);
  return r.success ? [] : translateIssues(r.error.issues, checkSchema, checked, checkPath);
}

/**
 * Returns a copy of `json` with every `path=value` assignment applied in order, or all problems
 * (unknown paths, malformed assignments, values of the wrong type). `json` is never modified.
 */
export function applyOverrides(json: unknown, assignments: readonly string[]): OverrideResult {
  if (assignments.length === 0) return { ok: true, json };
  if (!isObject(json)) {
    return { ok: false, errors: [{ path: '$', message: `a scenario must be a JSON object to apply --set, got ${describeValue(json)}` }], partial: json };
  }
  let copy = structuredClone(json);
  const errors: ScenarioError[] = [];
  for (const assignment of assignments) {
    // Each assignment works on its own copy, so a rejected one leaves nothing half-applied.
    const attempt = structuredClone(copy);
    const problems = applyOne(attempt, assignment);
    if (problems.length === 0) copy = attempt;
    else errors.push(...problems);
  }
  return errors.length === 0 ? { ok: true, json: copy } : { ok: false, errors, partial: copy };
}
