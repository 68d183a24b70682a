/**
 * Objects born in the shape they will end with: the idiom of sim-core/README.md ("Hot paths and
 * V8", "Shapes that never change"), so that a sweep worker running one model after another keeps
 * its optimized code from one run to the next.
 *
 * V8 stores each field of an object shape (a "map") in the representation of the first value
 * written to it: small integer (Smi) if that value is one, double otherwise; and it gives an
 * array the elements kind of what it has held so far (small integers, doubles, anything). When a
 * later value does not fit (a time that arrives as a heap number, a running mean, an object pushed
 * onto an empty array), V8 widens the field or the array: it builds a new map, deprecates the old
 * one, and throws away every optimized function that relied on it ("code dependencies", "wrong
 * map"). Worse, the next run in the same process builds its objects anew, in the narrow shape
 * again or in the wide one the old code did not expect, and throws away more. So:
 * - a number field that will ever hold a double (times in ms, integrals, means, anything computed
 *   with a division or from another double) is first written `F64_ZERO` or `f64(x)`; a field that
 *   only ever counts stays a plain integer;
 * - an array that will hold objects starts as `objectArray()` (or `holeyObjectArray(n)`), one that
 *   will hold doubles as `doubleArray()`, never as `[]` (an empty literal is an array of small
 *   integers); arrays and pairs from these helpers belong to no allocation site (see
 *   `objectArray`), and an object that outlives the function making it is a class instance, not
 *   a literal, for the same reason;
 * - an object built once per run and read on the hot paths is a class instance, or a tree of plain
 *   objects is passed through `shapedCopy` (the run's configuration): V8 builds an object literal's
 *   template ("boilerplate") only when the literal runs for the second time, that is when the
 *   second run starts, and the template forgets what kind of object each field held, which throws
 *   away every optimized function that relied on it.
 */

/** 0 as a double: a number read from a Float64Array is a heap number, never a small integer. */
export const F64_ZERO: number = new Float64Array(1)[0]!;

/**
 * `x` as a double, for the first write of a double field: x − (+0) is x for every number, -0 and
 * NaN included, and the difference of a small integer and a heap number is a heap number.
 */
export function f64(x: number): number {
  return x - F64_ZERO;
}

/**
 * An empty array whose elements kind is already "any value" (it held a null).
 *
 * A copy (`slice`) of an empty template, not a literal, for performance reasons: a literal is an
 * allocation site, and every caller would share this one. V8 tracks per site whether its objects
 * live long and, when it decides mid-run that they do (these arrays hold caches, queues,
 * bookings), it throws away every optimized function that inlined the site (a "code
 * dependencies" deopt) to recompile it allocating in the old generation. A copy belongs to no
 * site, keeps the template's elements kind, and costs about what a literal does (`Array.of`, also
 * site-free, is a builtin call ten times dearer).
 */
export function objectArray<T>(): T[] {
  return EMPTY_OBJECTS.slice() as T[];
}

/** A pair of doubles from no allocation site (see `objectArray`): a point of a path that outlives its maker. */
export function doublePair(x: number, y: number): [number, number] {
  const p = DOUBLE_PAIR.slice() as [number, number];
  p[0] = x;
  p[1] = y;
  return p;
}

/**
 * `length` holes, as `new Array(length)` gives them, but whose elements kind is already "any
 * value": a ring buffer of objects (from no allocation site, as `objectArray`).
 */
export function holeyObjectArray<T>(length: number): Array<T | undefined> {
  const a: unknown[] = EMPTY_OBJECTS.slice();
  a.length = length;
  return a as Array<T | undefined>;
}

/** An empty array whose elements kind is already "doubles" (it held a heap number; no allocation site, see `objectArray`). */
export function doubleArray(): number[] {
  return EMPTY_DOUBLES.slice();
}

/** An empty array of small integers (indices, counts) from no allocation site (see `objectArray`). */
export function intArray(): number[] {
  return EMPTY_INTS.slice();
}

/** Templates of the arrays above, never changed: emptied after holding a null, a double; two doubles; no element yet. */
const EMPTY_OBJECTS: unknown[] = [null];
EMPTY_OBJECTS.pop();
const EMPTY_DOUBLES = [F64_ZERO];
EMPTY_DOUBLES.pop();
const DOUBLE_PAIR = [F64_ZERO, F64_ZERO];
const EMPTY_INTS: number[] = [];

/** The prototype of the objects `shapedCopy` builds: their shapes share nothing with literals'. */
class Shaped {}

/**
 * A copy of a tree of plain objects and arrays (a run's configuration) that V8 never reshapes from
 * one run to the next: every plain object becomes a `Shaped` filled by assignment (no literal
 * template), every array a new array of copies, every number a double (a share that is 0.5 in one
 * run and 1 in the next keeps one representation; the value itself, -0 included, is unchanged).
 * Class instances (distributions, calendars) are shared, not copied.
 */
export function shapedCopy<T>(value: T): T {
  if (typeof value === 'number') return f64(value) as T;
  if (Array.isArray(value)) return value.map(shapedCopy) as T;
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out = new Shaped() as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) out[k] = shapedCopy(v);
  return out as T;
}
