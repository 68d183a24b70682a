import { holeyObjectArray } from './shapes.ts';

/**
 * A double-ended FIFO queue on a growable ring buffer: O(1) push and shift whatever its length
 * (Array.prototype.shift is O(n) once V8 gives up left-trimming), O(n) removal from the middle,
 * which only cancellations need.
 */
export class Deque<T> {
  private buf: Array<T | undefined>;
  private head = 0;
  private n = 0;

  constructor(capacity = 16) {
    let cap = 16;
    while (cap < capacity) cap *= 2;
    // Written twice on purpose: V8 takes a field written once for a constant, and the first `grow`,
    // on a busier run of a sweep worker, threw away the kernel's optimized code (kernel/shapes.ts).
    this.buf = holeyObjectArray(0);
    this.buf = holeyObjectArray(cap);
  }

  get length(): number {
    return this.n;
  }

  /** Appends at the back. */
  push(x: T): void {
    if (this.n === this.buf.length) this.grow();
    this.buf[(this.head + this.n) & (this.buf.length - 1)] = x;
    this.n++;
  }

  /** Removes and returns the front element, or undefined if empty. */
  shift(): T | undefined {
    if (this.n === 0) return undefined;
    const x = this.buf[this.head];
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.n--;
    return x;
  }

  /** The front element without removing it. */
  peek(): T | undefined {
    return this.n === 0 ? undefined : this.buf[this.head];
  }

  /** The i-th element from the front (0 = front). */
  at(i: number): T | undefined {
    return i >= 0 && i < this.n ? this.buf[(this.head + i) & (this.buf.length - 1)] : undefined;
  }

  /** Removes the first occurrence of `x`; returns whether it was there. */
  remove(x: T): boolean {
    const mask = this.buf.length - 1;
    for (let i = 0; i < this.n; i++) {
      if (this.buf[(this.head + i) & mask] === x) {
        for (let j = i; j < this.n - 1; j++) this.buf[(this.head + j) & mask] = this.buf[(this.head + j + 1) & mask];
        this.buf[(this.head + this.n - 1) & mask] = undefined;
        this.n--;
        return true;
      }
    }
    return false;
  }

  /** Elements from front to back (a copy). */
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.n; i++) out.push(this.buf[(this.head + i) & (this.buf.length - 1)] as T);
    return out;
  }

  private grow(): void {
    const old = this.buf;
    const next = holeyObjectArray<T>(old.length * 2);
    for (let i = 0; i < this.n; i++) next[i] = old[(this.head + i) & (old.length - 1)];
    this.buf = next;
    this.head = 0;
  }
}
