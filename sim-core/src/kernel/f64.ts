/**
 * One representation per number field, from construction: the idiom of sim-core/README.md
 * ("Hot paths and V8", "Fields are born with the representation they will end with").
 *
 * V8 stores each field of an object shape (a "map") in the representation of the first value
 * written to it: small integer (Smi) if that value is one, double otherwise. When a later value
 * does not fit (a time that arrives as a heap number, a running mean), V8 widens the field: it
 * builds a new map and deprecates the old one, every optimized function that relied on the old
 * map is thrown away ("code dependencies"), and every field that held objects of the old map
 * loses its type, which throws away more optimized code when the next run, in the same worker,
 * builds its objects. So a number field that will ever hold a double (times in ms, integrals,
 * means, anything computed with a division or from another double) is initialised with `F64_ZERO`
 * or `f64(x)`; a field that only ever counts stays a plain integer.
 */

/** 0 as a double: a number read from a Float64Array is a heap number, never a small integer. */
export const F64_ZERO: number = new Float64Array(1)[0]!;

/**
 * `x` as a double, for the first write of a double field: x + 0.0 equals x for every number but
 * -0 (which becomes +0), and the sum of a small integer and a heap number is a heap number.
 */
export function f64(x: number): number {
  return x + F64_ZERO;
}
