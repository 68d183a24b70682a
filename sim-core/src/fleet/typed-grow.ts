type Growable = Float64Array | Int32Array | Uint8Array;

/** A copy of `a` with room for `capacity` entries (the parallel arrays of LaneBookings and ZoneWindows). */
export function grown<T extends Growable>(a: T, capacity: number): T {
  const b = new (a.constructor as new (n: number) => T)(capacity);
  b.set(a);
  return b;
}
