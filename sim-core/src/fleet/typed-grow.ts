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

/**
 * How many lists of a booking structure (`LaneBookings`, `ZoneWindows`) are built at half their
 * room and grown to it through their `reserve` at construction, as a busy list grows mid-day; the
 * others take their whole room from one slab (one buffer for all of them: two stores outside the
 * heap per list, 2,000 a run at Huu Nghi 2030, cost about a third of building the model). Enough for
 * the growth to have V8's type feedback before the booking code is optimized, so that its first
 * run on a busy lane or junction does not throw that code away: V8 gives a function a feedback
 * vector only once it has run a few times (about eight for one this small), and what runs before
 * leaves no feedback.
 */
export const GROWN_AT_BUILD = 32;

/**
 * The room of a booking structure's lists, handed out in the order they are built: none (null: the
 * list makes and grows its own) for the first `GROWN_AT_BUILD`, then `size` numbers each, cut from
 * one slab sized for the `lists` lists there are.
 */
export class SlabRooms {
  private readonly slab: Float64Array;
  private built = 0;

  constructor(
    lists: number,
    private readonly size: number,
  ) {
    this.slab = new Float64Array(size * Math.max(0, lists - GROWN_AT_BUILD));
  }

  /** The next list's room. */
  next(): Float64Array | null {
    const at = this.size * (this.built++ - GROWN_AT_BUILD);
    return at < 0 ? null : this.slab.subarray(at, at + this.size);
  }
}
