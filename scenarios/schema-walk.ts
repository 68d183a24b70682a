/**
 * Walks the zod scenario schema along a JSON path: which schema governs `$.customs.export.red`,
 * what is its description, which fields may an object there have. Used to phrase errors ("is
 * missing (what it means)", "allowed fields are ...") and to check `--set` paths.
 */

import type { z } from 'zod';
import { globalRegistry } from 'zod';

export type Schema = z.core.$ZodType;
export type Segment = string | number;

interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  items?: Schema[];
  valueType?: Schema;
  options?: Schema[];
  discriminator?: string;
  values?: unknown[];
}

function defOf(s: Schema): Def {
  return s._zod.def as unknown as Def;
}

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional']);

/** The schema under optional/default/... wrappers (and the input side of a pipe). */
export function unwrap(s: Schema): Schema {
  let cur = s;
  for (;;) {
    const d = defOf(cur);
    if (WRAPPERS.has(d.type) && d.innerType !== undefined) cur = d.innerType;
    else if (d.type === 'pipe' && d.in !== undefined) cur = d.in;
    else return cur;
  }
}

/** Kind of the schema under its wrappers: 'object', 'array', 'number', 'custom'... */
export function kindOf(s: Schema): string {
  return defOf(unwrap(s)).type;
}

/** The first description found from the outermost wrapper inwards. */
export function descriptionOf(s: Schema): string | undefined {
  let cur: Schema | undefined = s;
  while (cur !== undefined) {
    const meta = globalRegistry.get(cur);
    if (typeof meta?.description === 'string') return meta.description;
    const d = defOf(cur);
    cur = WRAPPERS.has(d.type) ? d.innerType : d.type === 'pipe' ? d.in : undefined;
  }
  return undefined;
}

/** Fields an object schema allows (for a union: those of the option matching `value`). */
export function fieldsOf(s: Schema, value?: unknown): string[] | undefined {
  const base = pickOption(unwrap(s), value);
  const d = defOf(base);
  return d.type === 'object' && d.shape !== undefined ? Object.keys(d.shape) : undefined;
}

/** For a union, the option that matches `value` by discriminator (or the only option); else the union. */
function pickOption(s: Schema, value: unknown): Schema {
  const d = defOf(s);
  if (d.type !== 'union' || d.options === undefined) return s;
  if (d.options.length === 1) return unwrap(d.options[0]!);
  if (d.discriminator !== undefined && value !== null && typeof value === 'object') {
    const tag = (value as Record<string, unknown>)[d.discriminator];
    for (const o of d.options) {
      const field = defOf(unwrap(o)).shape?.[d.discriminator];
      if (field !== undefined && literalValues(field).includes(tag)) return unwrap(o);
    }
  }
  return s;
}

function literalValues(s: Schema): unknown[] {
  const d = defOf(unwrap(s));
  if (d.type === 'literal' && d.values !== undefined) return d.values;
  if (d.type === 'enum') return Object.values((unwrap(s)._zod.def as unknown as { entries: Record<string, unknown> }).entries);
  return [];
}

/** Result of stepping into a child: its schema, `opaque` inside a free-form value, or unknown. */
export type Child = { kind: 'schema'; schema: Schema } | { kind: 'opaque' } | { kind: 'unknown' };

/**
 * The schema of `key` under `s`, given the current JSON `value` at `s` (which selects the option
 * of a discriminated union). Distribution specs and strategy params are opaque: any key inside
 * them is left to their own validation.
 */
export function childOf(s: Schema, key: Segment, value?: unknown): Child {
  const base = pickOption(unwrap(s), value);
  const d = defOf(base);
  switch (d.type) {
    case 'object': {
      const child = typeof key === 'string' && d.shape !== undefined && Object.hasOwn(d.shape, key) ? d.shape[key] : undefined;
      return child === undefined ? { kind: 'unknown' } : { kind: 'schema', schema: child };
    }
    case 'array':
      return typeof key === 'number' && d.element !== undefined ? { kind: 'schema', schema: d.element } : { kind: 'unknown' };
    case 'tuple': {
      const item = typeof key === 'number' ? d.items?.[key] : undefined;
      return item === undefined ? { kind: 'unknown' } : { kind: 'schema', schema: item };
    }
    case 'record':
      return typeof key === 'string' && d.valueType !== undefined ? { kind: 'schema', schema: d.valueType } : { kind: 'unknown' };
    case 'custom':
    case 'unknown':
    case 'any':
      return { kind: 'opaque' };
    case 'union':
      for (const o of d.options ?? []) {
        const c = childOf(o, key);
        if (c.kind !== 'unknown') return c;
      }
      return { kind: 'unknown' };
    default:
      return { kind: 'unknown' };
  }
}

/** Child value of a JSON value, or undefined. */
export function childValue(value: unknown, key: Segment): unknown {
  if (typeof key === 'number') return Array.isArray(value) ? (value as unknown[])[key] : undefined;
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, key)) {
    return (value as Record<string, unknown>)[key];
  }
  return undefined;
}

/** The schema at `path` under `root` (undefined when the path leaves the schema or enters an opaque value). */
export function schemaAt(root: Schema, path: readonly Segment[], rootValue: unknown): Schema | undefined {
  let schema = root;
  let value = rootValue;
  for (const key of path) {
    const c = childOf(schema, key, value);
    if (c.kind !== 'schema') return undefined;
    schema = c.schema;
    value = childValue(value, key);
  }
  return schema;
}
