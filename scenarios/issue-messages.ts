/**
 * Turns zod issues into scenario errors a planner understands: a JSON path and a plain sentence
 * that names the field, quotes the offending value and, where it helps, lists what is allowed
 * ("unknown strategy "lifo" for the craneScheduler controller; known strategies are ...").
 *
 * Messages written in the schema itself (refinements, `{ error }` on a check) are kept; zod's
 * generic English ones are replaced. The parse marks the latter with {@link GENERIC} so the two
 * can be told apart.
 */

import type { z } from 'zod';
import { describeValue, didYouMean, listWords } from '../sim-core/src/random/spec-reader.ts';
import type { DistIssueParams } from './zod/dist-spec.ts';
import { jsonPath } from './scenario-error.ts';
import type { ScenarioError } from './scenario-error.ts';
import { descriptionOf, fieldsOf, kindOf, schemaAt } from './schema-walk.ts';
import type { Schema, Segment } from './schema-walk.ts';

/** Message the parse gives issues the schema has no words for (pass as the parse's `error`). */
export const GENERIC = '\u0000generic';

type Issue = z.core.$ZodIssue;

/** Parse options under which {@link translateIssues} can phrase every issue. */
export const PARSE_OPTIONS = { reportInput: true, error: (): string => GENERIC } as const;

/** Names for the values of enum fields, by the field's parent collection. */
const ENUM_NOUNS: Record<string, string> = {
  'zones.kind': 'zone kind',
  'equipment.kind': 'equipment kind',
  'routes.kind': 'route kind',
  'sections.kind': 'section kind',
  'steps.step': 'gate step',
};

function segmentsOf(issue: { path: ReadonlyArray<PropertyKey> }, prefix: readonly Segment[]): Segment[] {
  return [...prefix, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
}

/** The field name for a message: `vehiclesPerDay`, `hourlyProfile[3]`, or `the scenario`. */
function labelOf(path: readonly Segment[]): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the scenario';
  if (typeof last === 'string') return last;
  const parent = path[path.length - 2];
  return typeof parent === 'string' ? `${parent}[${last}]` : `item ${last}`;
}

function quoteList(values: readonly unknown[]): string {
  const words = values.map((v) => JSON.stringify(v));
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1] ?? ''}`;
}

function hasInput(issue: Issue): boolean {
  return 'input' in issue && issue.input !== undefined;
}

class Translator {
  readonly errors: ScenarioError[] = [];

  /**
   * @param root       schema of `rootValue`
   * @param rootValue  the parsed JSON value
   * @param outer      path of `rootValue` in the whole scenario (paths below are relative to it)
   */
  constructor(
    private readonly root: Schema,
    private readonly rootValue: unknown,
    private readonly outer: readonly Segment[],
  ) {}

  private push(path: readonly Segment[], message: string): void {
    this.errors.push({ path: jsonPath([...this.outer, ...path]), message });
  }

  translate(issue: Issue, prefix: readonly Segment[]): void {
    const path = segmentsOf(issue, prefix);
    const label = labelOf([...this.outer, ...path]);
    if (issue.message !== GENERIC && issue.code !== 'invalid_union') {
      const own = issue.code === 'custom' ? (issue.params as Partial<DistIssueParams> | undefined)?.distSubPath : undefined;
      const message = issue.message.startsWith('must ') ? `${label} ${issue.message}` : issue.message;
      this.errors.push({ path: jsonPath([...this.outer, ...path]) + (own ?? ''), message });
      return;
    }
    switch (issue.code) {
      case 'invalid_type':
        return this.push(path, this.invalidType(issue, path, label));
      case 'too_small':
        return this.push(path, tooSmall(issue, label));
      case 'too_big':
        return this.push(path, tooBig(issue, label));
      case 'invalid_value':
        return this.push(path, this.invalidValue(issue.values, issue.input, hasInput(issue), path, label));
      case 'unrecognized_keys':
        return this.unrecognizedKeys(issue.keys, path, label);
      case 'invalid_union':
        return this.invalidUnion(issue, path, label);
      case 'not_multiple_of':
        return this.push(path, `${label} must be a multiple of ${String(issue.divisor)}, got ${describeValue(issue.input)}`);
      default:
        return this.push(path, `${label} is not valid here, got ${describeValue((issue as { input?: unknown }).input)}`);
    }
  }

  private describe(path: readonly Segment[]): string | undefined {
    const schema = schemaAt(this.root, path, this.rootValue);
    return schema === undefined ? undefined : descriptionOf(schema);
  }

  private invalidType(issue: Extract<Issue, { code: 'invalid_type' }>, path: readonly Segment[], label: string): string {
    if (!hasInput(issue)) {
      const what = this.describe(path);
      return `${label} is missing${what === undefined ? '' : ` (${what})`}`;
    }
    const got = describeValue(issue.input);
    const schema = schemaAt(this.root, path, this.rootValue);
    if (schema !== undefined && kindOf(schema) === 'tuple') return `${label} must be a point [x, y] in metres, got ${got}`;
    switch (issue.expected) {
      case 'int':
        return `${label} must be a whole number, got ${got}`;
      case 'number':
        return `${label} must be a number, got ${got}`;
      case 'string':
        return `${label} must be text (a JSON string), got ${got}`;
      case 'boolean':
        return `${label} must be true or false, got ${got}`;
      case 'array':
        return `${label} must be a list, got ${got}`;
      case 'object': {
        const fields = schema === undefined ? undefined : fieldsOf(schema);
        return `${label} must be an object${fields === undefined ? '' : ` with ${listWords(fields)}`}, got ${got}`;
      }
      default:
        return `${label} must be ${String(issue.expected)}, got ${got}`;
    }
  }

  private invalidValue(values: readonly unknown[], input: unknown, present: boolean, path: readonly Segment[], label: string): string {
    const options = quoteList(values);
    if (!present) return `${label} is missing; choose ${options}`;
    const names = values.filter((v): v is string => typeof v === 'string');
    const hint = typeof input === 'string' ? didYouMean(input, names) : '';
    const full = [...this.outer, ...path];
    const parent = full[full.length - 2];
    const grand = full[full.length - 3];
    if (label === 'strategy' && typeof parent === 'string') {
      return `unknown strategy ${JSON.stringify(input)} for the ${parent} controller; known strategies are ${quoteList(values).replace(/ or ([^ ]+)$/, ' and $1')}${hint}`;
    }
    const collection = typeof grand === 'string' ? grand : typeof parent === 'string' ? parent : '';
    const noun = ENUM_NOUNS[`${collection}.${label}`];
    if (noun !== undefined && typeof input === 'string') {
      return `unknown ${noun} ${JSON.stringify(input)}; known ${noun}s are ${listWords(names)}${hint}`;
    }
    if (values.length <= 2) return `${label} must be ${options}, got ${describeValue(input)}${hint}`;
    return `${label} must be one of ${options}, got ${describeValue(input)}${hint}`;
  }

  private unrecognizedKeys(keys: readonly string[], path: readonly Segment[], label: string): void {
    const value = path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k as string] : undefined), this.rootValue);
    const schema = schemaAt(this.root, path, this.rootValue);
    const allowed = schema === undefined ? [] : (fieldsOf(schema, value) ?? []);
    const where = path.length + this.outer.length === 0 ? 'at the top level' : `in ${label}`;
    for (const key of keys) {
      const known = allowed.length > 0 ? `; allowed fields are ${listWords(allowed)}${didYouMean(key, allowed)}` : '';
      this.push([...path, key], `unknown field ${JSON.stringify(key)} ${where}${known}`);
    }
  }

  private invalidUnion(issue: Extract<Issue, { code: 'invalid_union' }>, path: readonly Segment[], label: string): void {
    const disc = (issue as { discriminator?: string; options?: unknown[] }).discriminator;
    if (disc !== undefined) {
      const options = (issue as { options?: unknown[] }).options ?? [];
      const input = issue.input as Record<string, unknown> | undefined;
      const present = input !== null && typeof input === 'object' && input[disc] !== undefined;
      this.push(path, this.invalidValue(options, present ? input[disc] : undefined, present, path, label));
      return;
    }
    // The option the value was meant for is the one whose problems all lie inside the value.
    const inner = issue.errors.filter((branch) => branch.every((e) => e.path.length > 0));
    const [chosen] = inner;
    if (inner.length === 1 && chosen !== undefined) {
      for (const e of chosen) this.translate(e, path);
      return;
    }
    const own = issue.message !== GENERIC ? issue.message : `${label} does not match any allowed form`;
    this.push(path, `${own}; got ${describeValue(issue.input)}`);
  }
}

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>, label: string): string {
  const min = Number(issue.minimum);
  const got = describeValue(issue.input);
  switch (issue.origin) {
    case 'number':
      if (issue.inclusive === true && min === 0) return `${label} (${String(issue.input)}) must not be negative`;
      return `${label} (${String(issue.input)}) must be ${issue.inclusive === true ? 'at least' : 'greater than'} ${min}`;
    case 'array':
      return `${label} needs at least ${min} item${min === 1 ? '' : 's'}, got ${got}`;
    case 'string':
      return min === 1 ? `${label} must not be empty` : `${label} must have at least ${min} characters`;
    default:
      return `${label} is too small (minimum ${min}), got ${got}`;
  }
}

function tooBig(issue: Extract<Issue, { code: 'too_big' }>, label: string): string {
  const max = Number(issue.maximum);
  switch (issue.origin) {
    case 'number':
      return `${label} (${String(issue.input)}) must be ${issue.inclusive === true ? 'at most' : 'less than'} ${max}${max === 1 && issue.inclusive === true ? ': it is a share between 0 and 1' : ''}`;
    case 'array':
      return `${label} may have at most ${max} item${max === 1 ? '' : 's'}, got ${describeValue(issue.input)}`;
    default:
      return `${label} is too big (maximum ${max}), got ${describeValue(issue.input)}`;
  }
}

/**
 * Scenario errors for zod issues of `rootValue` parsed by `root` with {@link PARSE_OPTIONS}.
 * `prefix` is the path of `rootValue` inside the whole scenario (for partial parses).
 */
export function translateIssues(issues: readonly Issue[], root: Schema, rootValue: unknown, prefix: readonly Segment[] = []): ScenarioError[] {
  const t = new Translator(root, rootValue, prefix);
  for (const issue of issues) t.translate(issue, []);
  return t.errors;
}
