import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Environment, EventQueue, Interrupt, Resource, type ProcessBody, type Request } from '../src/index.ts';

describe('event list properties', () => {
  it('pops in (time, priority, insertion) order whatever the interleaving of pushes and pops', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('push' as const), time: fc.integer({ min: 0, max: 50 }), prio: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ kind: fc.constant('pop' as const), take: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const q = new EventQueue();
        const reference: Array<{ time: number; prio: number; seq: number }> = [];
        const noop = (): void => {};
        for (const o of ops) {
          if (o.kind === 'push') {
            // The argument and tag name the entry, so that `take` is seen to return the right one whole.
            const seq = q.push(o.time, o.prio, q.sequence & 0xfff, noop, { seq: q.sequence });
            reference.push({ time: o.time, prio: o.prio, seq });
          } else {
            reference.sort((a, b) => a.time - b.time || a.prio - b.prio || a.seq - b.seq);
            const expected = reference.shift();
            if (o.take) {
              // `take`, the event loop's pop, hands out the entry itself.
              const e = q.take();
              expect(e === null).toBe(expected === undefined);
              if (e !== null && expected !== undefined) {
                expect([e.time, e.priority, e.seq, e.tag, e.action, e.arg]).toEqual([expected.time, expected.prio, expected.seq, expected.seq & 0xfff, noop, { seq: expected.seq }]);
                e.action = undefined;
                e.arg = undefined;
              }
            } else {
              expect(q.pop()).toBe(expected !== undefined);
              if (expected !== undefined) {
                expect([q.poppedTime, q.poppedPriority, q.poppedSeq, q.poppedTag, q.poppedArg]).toEqual([expected.time, expected.prio, expected.seq, expected.seq & 0xfff, { seq: expected.seq }]);
              }
            }
          }
        }
        expect(q.size).toBe(reference.length);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the order when an entry is pushed for a time earlier than one already popped', () => {
    // The queue's "due now" FIFOs must not take an entry for an earlier time behind later ones
    // (found by hand: the property above rarely builds this sequence).
    const q = new EventQueue();
    const noop = (): void => {};
    q.push(10, 1, 0, noop, null);
    q.pop();
    q.push(10, 1, 0, noop, null);
    q.push(3, 1, 0, noop, null);
    expect(q.pop()).toBe(true);
    expect(q.poppedTime).toBe(3);
    q.push(3, 1, 0, noop, null);
    const order: Array<[number, number]> = [];
    while (q.pop()) order.push([q.poppedTime, q.poppedSeq]);
    expect(order).toEqual([
      [3, 3],
      [10, 1],
    ]);
  });
});

interface Job {
  arrive: number;
  service: number;
  priority: number;
  /** Interrupt this long after arrival, or never. */
  interruptAfter: number | null;
}

const jobArb = fc.record({
  arrive: fc.integer({ min: 0, max: 200 }),
  service: fc.integer({ min: 0, max: 60 }),
  priority: fc.integer({ min: 0, max: 3 }),
  interruptAfter: fc.option(fc.integer({ min: 0, max: 80 }), { nil: null }),
});

describe('resource properties', () => {
  it('never exceeds capacity, never loses a request, and interrupts release what they hold', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom('fifo' as const, 'priority' as const),
        fc.boolean(),
        fc.array(jobArb, { maxLength: 40 }),
        (capacity, discipline, preempt, jobs) => {
          const env = new Environment();
          const res = new Resource(env, capacity, { discipline });
          const outcome: string[] = jobs.map(() => 'never-started');
          let maxInUse = 0;
          const requests: Request[] = [];

          function* job(i: number, j: Job): ProcessBody<void> {
            let req: Request | null = null;
            try {
              yield j.arrive;
              req = discipline === 'priority' ? res.request(j.priority, preempt) : res.request();
              requests.push(req);
              outcome[i] = 'waiting';
              yield req;
              outcome[i] = 'served';
              maxInUse = Math.max(maxInUse, res.count);
              yield j.service;
              outcome[i] = 'done';
            } catch (e) {
              if (!(e instanceof Interrupt)) throw e;
              outcome[i] = `interrupted-while-${outcome[i]}`;
            } finally {
              if (req !== null) res.release(req);
            }
          }

          jobs.forEach((j, i) => {
            const p = env.process(job(i, j), `job-${i}`);
            if (j.interruptAfter !== null) {
              env.call(j.arrive + j.interruptAfter, () => {
                if (p.isAlive) p.interrupt('test');
              });
            }
          });
          env.run();

          expect(maxInUse).toBeLessThanOrEqual(capacity);
          expect(res.count).toBe(0);
          expect(res.queued).toBe(0);
          // Every job ended: served to completion, or interrupted (by the test or a preemption).
          for (const o of outcome) expect(['done', 'interrupted-while-never-started', 'interrupted-while-waiting', 'interrupted-while-served']).toContain(o);
          // No request is left queued or holding a unit.
          for (const r of requests) expect(['released', 'cancelled', 'preempted']).toContain(r.status);
          // The busy statistic returns to zero and never went above capacity.
          expect(res.busy.max).toBeLessThanOrEqual(capacity);
          expect(res.busy.current).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a job that is neither interrupted nor preempted is always served (no request is lost)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.array(jobArb, { maxLength: 30 }), (capacity, jobs) => {
        const env = new Environment();
        const res = new Resource(env, capacity);
        let served = 0;
        for (const j of jobs) {
          env.process(
            (function* () {
              yield j.arrive;
              const req = res.request();
              yield req;
              yield j.service;
              res.release(req);
              served++;
            })(),
          );
        }
        env.run();
        expect(served).toBe(jobs.length);
        expect(res.waits.count).toBe(jobs.length);
      }),
      { numRuns: 200 },
    );
  });
});
