type Growable = Float64Array | Int32Array | Uint8Array;

/**
 * A copy of `a` with room for `capacity` entries: how the booking structures' flat arrays (lane
 * entries, junction windows, the candidate windows of a check, passage-conflict rows) grow. Cold
 * path: each grows a few times a run.
 */
export function grown<T extends Growable>(a: T, capacity: number): T {
  const b = new (a.constructor as new (n: number) => T)(capacity);
  b.set(a);
  return b;
}
