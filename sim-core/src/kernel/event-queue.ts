/**
 * The future event list: a binary min-heap of entries.
 *
 * Entries are ordered by the pair (time, key) where key = priority · 2^44 + sequence. The sequence
 * strictly increases with every push, so no two entries compare equal and the order is total:
 * earlier time first, then lower priority value, then the entry scheduled first (FIFO).
 * See sim-core/README.md, "Event order".
 *
 * For performance reasons:
 * - entries are small objects recycled (a heap of pooled objects measured about 1.4× faster
 *   than parallel typed arrays, and recycling keeps long-lived entries out of the garbage
 *   collector's way): `take` hands out the root itself and leaves it in place, taken,
 *   and the next `push` (most events schedule one) refills that very entry and sifts it down
 *   once; entries leave through a free list only when the heap shrinks or a FIFO is popped;
 * - entries due *now* with priority 0 or 1 (resource grants, process starts, triggered events —
 *   a large share of all events) skip the heap: they go to a FIFO per priority. Each FIFO is
 *   sorted by key already (same time and priority, increasing sequence), and the heap holds
 *   nothing earlier than now, so `pop` merges three sorted sources and the order is unchanged.
 */

import { Deque } from './deque.ts';
import { F64_ZERO, f64, objectArray } from './shapes.ts';

/** A scheduled action: called with its argument and the entry's sequence number. */
export type Action = (arg: any, seq: number) => void;

/** Largest priority value; priorities are small non-negative integers. */
export const MAX_PRIORITY = 255;
/** Sequence numbers stay below 2^44 (1.7e13 events) so that priority·2^44 + seq is exact. */
const SEQ_SPAN = 2 ** 44;

/** A pending entry of the event list (the queue's own object: see `EventQueue.take`). */
export class Entry {
  time = F64_ZERO;
  key = F64_ZERO;
  seq = 0;
  priority = 0;
  tag = 0;
  action: Action | undefined = undefined;
  arg: unknown = undefined;
}

/** Placeholder for cleared heap slots, so the array keeps one element kind. */
const EMPTY = new Entry();

export class EventQueue {
  private readonly heap: Entry[] = objectArray();
  private readonly pool: Entry[] = objectArray();
  private n = 0;
  /**
   * True when heap[0] is an entry already popped, still counted in n: the heap is repaired
   * lazily, by the next push (which takes the root's place and sifts down once, instead of a
   * sift-down of the last entry plus a sift-up of the new one) or else by the next look at it.
   * Most events schedule one more, so most pops cost a single sift.
   */
  private rootTaken = false;
  private nextSeq = 0;
  /** Latest time popped: entries pushed for exactly this time may use the FIFOs below. */
  private now = f64(-1);
  private readonly nowUrgent = new Deque<Entry>();
  private readonly nowNormal = new Deque<Entry>();

  /** Time (ms) of the entry last popped. */
  poppedTime = F64_ZERO;
  /** Priority of the entry last popped. */
  poppedPriority = 0;
  /** Sequence number of the entry last popped. */
  poppedSeq = 0;
  /** Trace tag of the entry last popped (what kind of event it was). */
  poppedTag = 0;
  poppedAction: Action | undefined = undefined;
  poppedArg: unknown = undefined;

  /** Number of pending entries. */
  get size(): number {
    return this.n - (this.rootTaken ? 1 : 0) + this.nowUrgent.length + this.nowNormal.length;
  }

  /** Sequence number the next push will get (also: how many pushes so far). */
  get sequence(): number {
    return this.nextSeq;
  }

  /** Time (ms) of the earliest entry, or Infinity when empty. */
  peekTime(): number {
    if (this.nowUrgent.length > 0 || this.nowNormal.length > 0) return this.now;
    if (this.rootTaken) this.removeTop();
    return this.n > 0 ? this.heap[0]!.time : Infinity;
  }

  /** Adds an entry at `time` (ms) and returns its sequence number. */
  push(time: number, priority: number, tag: number, action: Action, arg: unknown): number {
    const seq = this.nextSeq++;
    if (seq >= SEQ_SPAN) sequenceExhausted();
    const key = priority * SEQ_SPAN + seq;
    // Priority tested first, for performance reasons: both tests then run on every push, so V8
    // has seen them before it optimizes (a test that never ran compiles to a deoptimization,
    // which the first entry due now, in a callback model a delay that rounds to 0 ms, would hit).
    if (priority <= 1 && time === this.now) {
      this.pushNow(time, key, seq, priority, tag, action, arg);
      return seq;
    }
    // The popped root, if taken, is free: it becomes the new entry, which sifts down from the
    // root. (One fill for both cases, for performance reasons: a smaller `push` is inlined into
    // more callers.)
    const reuse = this.rootTaken;
    const e = reuse ? this.heap[0]! : this.pool.length > 0 ? this.pool.pop()! : new Entry();
    e.time = time;
    e.key = key;
    e.seq = seq;
    e.priority = priority;
    e.tag = tag;
    e.action = action;
    e.arg = arg;
    if (reuse) {
      this.rootTaken = false;
      this.siftDown(e, this.n);
      return seq;
    }
    // Sift up: move parents down until the new entry's slot is found.
    const heap = this.heap;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pe = heap[p]!;
      if (pe.time < time || (pe.time === time && pe.key < key)) break;
      heap[i] = pe;
      i = p;
    }
    heap[i] = e;
    return seq;
  }

  /**
   * An entry due now with priority 0 or 1 goes to its FIFO. Kept out of `push` for performance
   * reasons: a model of plain callbacks rarely comes here, and a smaller `push` is inlined into
   * more of its callers.
   */
  private pushNow(time: number, key: number, seq: number, priority: number, tag: number, action: Action, arg: unknown): void {
    const e = this.pool.length > 0 ? this.pool.pop()! : new Entry();
    e.time = time;
    e.key = key;
    e.seq = seq;
    e.priority = priority;
    e.tag = tag;
    e.action = action;
    e.arg = arg;
    (priority === 0 ? this.nowUrgent : this.nowNormal).push(e);
  }

  /**
   * Removes the earliest entry and returns it, or null when empty. The entry is the queue's own
   * and is valid only until the next `push`, `take`, `pop` or `peekTime`: read its fields first.
   * The caller clears its `action` and `arg` once read (see `Environment.step`), so that a
   * recycled entry keeps nothing alive.
   *
   * For performance reasons the event loop reads the entry itself: copying six fields into the
   * `popped*` fields and loading them back cost more than the pop's sift.
   */
  take(): Entry | null {
    if (this.rootTaken) this.removeTop();
    if (this.nowUrgent.length !== 0 || this.nowNormal.length !== 0) return this.takeMerged();
    // Nothing due now outside the heap (all of a callback model's events): the root it is. It
    // stays in the heap, taken, until the next push reuses it or the next look removes it.
    if (this.n === 0) return null;
    const e = this.heap[0]!;
    this.rootTaken = true;
    if (e.time > this.now) this.now = e.time;
    return e;
  }

  /** Removes the earliest entry into the `popped*` fields. Returns false when empty. */
  pop(): boolean {
    const e = this.take();
    if (e === null) return false;
    this.poppedTime = e.time;
    this.poppedPriority = e.priority;
    this.poppedSeq = e.seq;
    this.poppedTag = e.tag;
    this.poppedAction = e.action;
    this.poppedArg = e.arg;
    e.action = undefined;
    e.arg = undefined;
    return true;
  }

  /** `take` when an entry waits in a due-now FIFO: the earliest of the heap's root and the two FIFOs' heads. */
  private takeMerged(): Entry | null {
    let e = this.n > 0 ? this.heap[0]! : null;
    let from = 0; // 0: heap, 1: urgent, 2: normal
    const u = this.nowUrgent.peek();
    if (u !== undefined && (e === null || before(u, e))) {
      e = u;
      from = 1;
    }
    const v = this.nowNormal.peek();
    if (v !== undefined && (e === null || before(v, e))) {
      e = v;
      from = 2;
    }
    if (e === null) return null;
    if (from === 1) this.nowUrgent.shift();
    else if (from === 2) this.nowNormal.shift();
    // `now` never moves back: an entry pushed for an earlier time than one already popped (the
    // Environment never does, a direct user of the queue may) goes to the heap, not behind
    // entries of a later time in a FIFO, so each FIFO holds only entries due at `now`.
    if (e.time > this.now) this.now = e.time;
    // A FIFO entry is recycled at once (its fields stay readable until the next push).
    if (from === 0) this.rootTaken = true;
    else this.pool.push(e);
    return e;
  }

  /** Removes the (taken) root and restores the heap. */
  private removeTop(): void {
    this.rootTaken = false;
    const heap = this.heap;
    const top = heap[0]!;
    top.action = undefined;
    top.arg = undefined;
    this.pool.push(top);
    const last = this.n - 1;
    this.n = last;
    if (last > 0) this.siftDown(heap[last]!, last);
    // Clearing the slot (rather than shrinking the array, which reallocates) keeps it packed.
    heap[last] = EMPTY;
  }

  /** Puts `e` at the root of the first `size` slots and sifts it down to its place. */
  private siftDown(e: Entry, size: number): void {
    const heap = this.heap;
    const t = e.time;
    const k = e.key;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      let ce = heap[c]!;
      const r = c + 1;
      if (r < size) {
        const re = heap[r]!;
        const rt = re.time;
        const ct = ce.time;
        // The smaller child by arithmetic rather than by a branch the CPU would mispredict half
        // the time; equal times (rare) go by key.
        const right = rt === ct ? +(re.key < ce.key) : +(rt < ct);
        c += right;
        ce = heap[c]!;
      }
      if (t < ce.time || (t === ce.time && k < ce.key)) break;
      heap[i] = ce;
      i = c;
    }
    heap[i] = e;
  }
}

/**
 * Whether entry `a` comes before entry `b`: an earlier time, or the same time and a lower key. The
 * keys are compared whatever the times, for performance reasons: written `a.time < b.time ||
 * (a.time === b.time && a.key < b.key)`, the key comparison ran first when a due-now entry met a
 * heap root of the same time, hours into a run, in optimized code with no type feedback for it, and
 * V8 threw away the event loop that inlined it (`--trace-deopt`: "insufficient type feedback for
 * compare operation" in `step`).
 */
function before(a: Entry, b: Entry): boolean {
  const d = a.time - b.time;
  const k = a.key - b.key;
  return (d !== 0 ? d : k) < 0;
}

function sequenceExhausted(): never {
  throw new RangeError('event sequence space exhausted (2^44 events)');
}
