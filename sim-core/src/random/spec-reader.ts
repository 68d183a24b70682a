/**
 * Field access and error wording for the distribution-spec parser.
 *
 * The parser's audience is a planner editing a scenario file, so every problem is collected
 * (not just the first) and phrased as a plain sentence that quotes the offending value.
 */

/** One problem in a spec: where it is (JSON path) and what is wrong. */
export interface SpecError {
  /** JSON path such as `$.customs.yellow.check.mode`. */
  readonly path: string;
  /** Plain-language explanation, e.g. `mode (150) must lie between min (10) and max (120)`. */
  readonly message: string;
}

/** `path: message`, the form shown to users. */
export function formatSpecError(e: SpecError): string {
  return `${e.path}: ${e.message}`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** JSON path of `key` under `base`: dotted for identifiers, bracketed otherwise. */
export function childPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return IDENTIFIER.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}

/** Short description of a JSON-ish value for messages, e.g. `the string "15"`. */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return `the string ${JSON.stringify(v)}`;
  if (typeof v === 'number') return `the number ${String(v)}`;
  if (typeof v === 'boolean') return `the value ${String(v)}`;
  if (Array.isArray(v)) return `a list of ${v.length} item${v.length === 1 ? '' : 's'}`;
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

/** `a, b and c` */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, so "mdoe" is one
 * edit from "mode"), for "did you mean" hints on misspelt names.
 */
function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (before[j - 2] ?? 0) + 1);
      }
      cur[j] = d;
    }
    before = prev;
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** ` (did you mean "sd"?)` when one candidate is close to `word`, else ''. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  let best = '';
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? ` (did you mean ${JSON.stringify(best)}?)` : '';
}

/**
 * Reads fields of one spec object, recording an error for each missing, mistyped or
 * non-finite number. Returned undefined means "unusable; an error has been recorded" (or
 * "absent" for optional fields).
 */
export class SpecReader {
  constructor(
    readonly obj: Readonly<Record<string, unknown>>,
    readonly path: string,
    readonly errors: SpecError[],
    /** Completes "missing" messages, e.g. `a tri distribution needs min, mode and max`. */
    readonly needs: string,
  ) {}

  /** Adds an error at field `field` (or at the spec itself when field is undefined). */
  error(field: string | undefined, message: string): void {
    this.errors.push({ path: field === undefined ? this.path : childPath(this.path, field), message });
  }

  has(field: string): boolean {
    return Object.hasOwn(this.obj, field);
  }

  get(field: string): unknown {
    return Object.hasOwn(this.obj, field) ? this.obj[field] : undefined;
  }

  /** A required finite number. */
  number(field: string): number | undefined {
    if (!this.has(field)) {
      this.error(field, `${field} is missing; ${this.needs}`);
      return undefined;
    }
    return checkNumber(this.get(field), childPath(this.path, field), field, this.errors);
  }

  /** An optional finite number. */
  optionalNumber(field: string): number | undefined {
    if (!this.has(field)) return undefined;
    return checkNumber(this.get(field), childPath(this.path, field), field, this.errors);
  }
}

/** Validates that `v` is a finite number; records an error at `path` and returns undefined if not. */
export function checkNumber(v: unknown, path: string, label: string, errors: SpecError[]): number | undefined {
  if (typeof v !== 'number') {
    errors.push({ path, message: `${label} must be a number, got ${describeValue(v)}` });
    return undefined;
  }
  if (!Number.isFinite(v)) {
    errors.push({ path, message: `${label} must be a finite number, got ${String(v)}` });
    return undefined;
  }
  return v;
}
