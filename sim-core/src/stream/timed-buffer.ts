/**
 * Visual events emitted ahead of their time (the end of a crane cycle, a barrier closing after the
 * vehicle passed), held until the simulation reaches them and then released in time order (FIFO
 * among equal times). A binary heap keyed on (t, arrival order). Times are simulation ms.
 */

import type { VisualEvent, VisualSink } from './visual-events.ts';

interface Held {
  e: VisualEvent;
  seq: number;
}

export class TimedBuffer {
  private readonly heap: Held[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(e: VisualEvent): void {
    const h = this.heap;
    h.push({ e, seq: this.seq++ });
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  /** Sends every held event with `t ≤ until` to `sink`, in time order. */
  drain(until: number, sink: VisualSink): void {
    const h = this.heap;
    while (h.length > 0 && h[0]!.e.t <= until) sink.emit(this.pop().e);
  }

  private pop(): Held {
    const h = this.heap;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && less(h[l]!, h[m]!)) m = l;
        if (r < h.length && less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

function less(a: Held, b: Held): boolean {
  return a.e.t < b.e.t || (a.e.t === b.e.t && a.seq < b.seq);
}
