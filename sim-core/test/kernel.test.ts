import { describe, expect, it } from 'vitest';
import { Environment, Interrupt, NORMAL, TAG, URGENT, type ProcessBody } from '../src/index.ts';

describe('event order', () => {
  it('processes events by time, then priority, then the order they were scheduled', () => {
    const env = new Environment();
    const seen: string[] = [];
    const log = (s: string) => () => seen.push(`${env.now}:${s}`);
    env.call(10, log('b-normal-first'));
    env.call(10, log('c-normal-second'));
    env.call(10, log('a-urgent'), undefined, URGENT);
    env.call(5, log('early'));
    env.call(10, log('d-low'), undefined, 7);
    env.run();
    expect(seen).toEqual(['5:early', '10:a-urgent', '10:b-normal-first', '10:c-normal-second', '10:d-low']);
  });

  it('an event scheduled for now runs after the events already due now', () => {
    const env = new Environment();
    const seen: string[] = [];
    env.call(0, () => {
      seen.push('first');
      env.call(0, () => seen.push('scheduled-by-first'));
    });
    env.call(0, () => seen.push('second'));
    env.run();
    expect(seen).toEqual(['first', 'second', 'scheduled-by-first']);
  });

  it('refuses negative, fractional and non-finite delays, bad priorities and bad trace tags', () => {
    const env = new Environment();
    expect(() => env.call(-1, () => {})).toThrow(/non-negative integer/);
    expect(() => env.call(1.5, () => {})).toThrow(/non-negative integer/);
    expect(() => env.call(NaN, () => {})).toThrow(/non-negative integer/);
    expect(() => env.call(Infinity, () => {})).toThrow(/non-negative integer/);
    expect(() => env.call(1, () => {}, undefined, 256)).toThrow(/priority 256 must be an integer 0\.\.255/);
    // call() tests all three with masks (x & mask === x): values whose low bits look valid must fail too.
    for (const p of [-1, 0.5, NaN, Infinity, 2 ** 32 + 1, 2 ** 40]) expect(() => env.call(1, () => {}, undefined, p)).toThrow(/priority/);
    expect(() => env.call(1, () => {}, undefined, 1, 2 ** 32 + 5)).toThrow(/tag/);
    expect(() => env.call(1, () => {}, undefined, 1, NaN)).toThrow(/tag/);
    expect(() => env.call(0.25, () => {}, undefined, 300, NaN)).toThrow(/delay 0.25/);
    // A tag beyond 20 bits would spill into other fields of the hashed trace record.
    expect(() => env.call(1, () => {}, undefined, 1, 2 ** 20)).toThrow(/tag 1048576 must be an integer 0\.\.1048575/);
    expect(() => env.call(1, () => {}, undefined, 1, -1)).toThrow(/tag/);
    expect(() => env.call(1, () => {}, undefined, 1, 1.5)).toThrow(/tag/);
    expect(env.pending).toBe(0);
    // The extremes of the ranges are accepted.
    env.call(0, () => {}, undefined, 255, 2 ** 20 - 1);
    env.call(2 ** 40, () => {}, undefined, 0, 0);
    expect(env.pending).toBe(2);
    expect(() => env.timeout(-5)).toThrow(/non-negative integer/);
  });
});

describe('incremental control', () => {
  it('step, peek, run(until), advanceTo and stop move the clock as documented', () => {
    const env = new Environment();
    const seen: number[] = [];
    for (const t of [5, 10, 10, 20, 30]) env.call(t, () => seen.push(env.now));
    expect(env.peek()).toBe(5);
    expect(env.step()).toBe(true);
    expect(env.now).toBe(5);
    env.run(10); // events strictly before 10
    expect(seen).toEqual([5]);
    expect(env.now).toBe(10);
    env.advanceTo(10); // events up to and including 10
    expect(seen).toEqual([5, 10, 10]);
    env.call(0, () => env.stop());
    env.run();
    expect(env.now).toBe(10);
    expect(env.peek()).toBe(20);
    env.advanceTo(25);
    expect(env.now).toBe(25);
    env.run();
    expect(seen).toEqual([5, 10, 10, 20, 30]);
    expect(env.step()).toBe(false);
    expect(env.peek()).toBe(Infinity);
    expect(() => env.run(3)).toThrow(/before now/);
    expect(() => env.advanceTo(3)).toThrow(/now is 30/);
  });

  it('run(event) runs until the event is processed and returns its value', () => {
    const env = new Environment();
    const p = env.process(
      (function* () {
        yield 40;
        return 'done';
      })(),
    );
    env.call(100, () => {});
    expect(env.run(p)).toBe('done');
    expect(env.now).toBe(40);
    const never = env.event();
    env.run();
    expect(() => env.run(never)).toThrow(/never processed/);
  });

  it('counts processed events', () => {
    const env = new Environment();
    for (let i = 0; i < 7; i++) env.call(i, () => {});
    env.run();
    expect(env.processed).toBe(7);
  });
});

describe('processes', () => {
  it('yield a number sleeps that many ms, an event waits for its value, a process for its return', () => {
    const env = new Environment();
    const log: string[] = [];
    function* child(): ProcessBody<number> {
      yield 100;
      return 42;
    }
    function* parent(): ProcessBody<void> {
      const t = yield env.timeout(50, 'tick');
      log.push(`${env.now} ${t}`);
      const v = yield env.process(child());
      log.push(`${env.now} ${v}`);
    }
    env.process(parent());
    env.run();
    expect(log).toEqual(['50 tick', '150 42']);
  });

  it('allOf waits for every event and anyOf for the first', () => {
    const env = new Environment();
    const out: unknown[] = [];
    env.process(
      (function* () {
        out.push(yield env.allOf([env.timeout(30, 'a'), env.timeout(10, 'b')]));
        out.push(env.now);
        out.push(yield env.anyOf([env.timeout(30, 'slow'), env.timeout(5, 'fast')]));
        out.push(env.now);
        out.push(yield env.allOf([]));
      })(),
    );
    env.run();
    expect(out).toEqual([['a', 'b'], 30, { index: 1, value: 'fast' }, 35, []]);
  });

  it('a failed event throws into the waiting process, which may handle it', () => {
    const env = new Environment();
    const ev = env.event<number>();
    let caught: unknown = null;
    env.process(
      (function* () {
        try {
          yield ev;
        } catch (e) {
          caught = e;
        }
      })(),
    );
    env.call(10, () => ev.fail(new Error('scanner broke')));
    env.run();
    expect((caught as Error).message).toBe('scanner broke');
  });

  it('an unhandled failure stops the run with its error', () => {
    const env = new Environment();
    env.process(
      (function* () {
        yield 10;
        throw new Error('crane fault');
      })(),
    );
    expect(() => env.run()).toThrow('crane fault');
  });

  it('yielding something that is neither a delay nor an event throws into the process', () => {
    const env = new Environment();
    const errors: string[] = [];
    env.process(
      (function* () {
        for (const bad of [-1, 0.5, 'soon' as unknown as number]) {
          try {
            yield bad;
          } catch (e) {
            errors.push((e as Error).name);
          }
        }
      })(),
    );
    env.run();
    expect(errors).toEqual(['RangeError', 'RangeError', 'TypeError']);
  });
});

describe('interrupts', () => {
  it('a failure interrupts a crane mid-cycle; the crane handles it and resumes the rest of its cycle', () => {
    const env = new Environment();
    const log: string[] = [];
    const crane = env.process(
      (function* () {
        let remaining = 100;
        while (remaining > 0) {
          const start = env.now;
          try {
            yield remaining;
            remaining = 0;
          } catch (e) {
            if (!(e instanceof Interrupt)) throw e;
            remaining -= env.now - start;
            log.push(`${env.now} down (${String(e.cause)}), ${remaining} ms of cycle left`);
            yield 30; // repair
            log.push(`${env.now} repaired`);
          }
        }
        log.push(`${env.now} cycle done`);
      })(),
      'crane-1',
    );
    env.call(40, () => crane.interrupt('hoist failure'));
    env.run();
    expect(log).toEqual(['40 down (hoist failure), 60 ms of cycle left', '70 repaired', '130 cycle done']);
  });

  it('an interrupt runs before other events due at the same time, and a stale wake-up is ignored', () => {
    const env = new Environment();
    const log: string[] = [];
    const p = env.process(
      (function* () {
        try {
          yield 50;
          log.push('woke normally');
        } catch {
          log.push(`interrupted at ${env.now}`);
          yield 100;
          log.push(`slept again until ${env.now}`);
        }
      })(),
    );
    env.call(20, () => {
      env.call(0, () => log.push('normal event at 20'));
      p.interrupt();
    });
    env.run();
    expect(log).toEqual(['interrupted at 20', 'normal event at 20', 'slept again until 120']);
  });

  it('cannot interrupt a finished process or itself', () => {
    const env = new Environment();
    const p = env.process(
      (function* (): ProcessBody<void> {
        expect(() => env.activeProcess!.interrupt()).toThrow(/itself/);
        yield 1;
      })(),
    );
    env.run();
    expect(() => p.interrupt()).toThrow(/ended/);
  });
});

describe('trace', () => {
  it('a trace sink sees every processed event with its tag, and records reach it', () => {
    const env = new Environment();
    const events: Array<[number, number, number]> = [];
    const records: Array<[number, number, readonly number[]]> = [];
    const detach = env.addTraceSink({
      event: (t, prio, _seq, tag) => events.push([t, prio, tag]),
      record: (t, code, values) => records.push([t, code, values]),
    });
    env.process(
      (function* () {
        yield 10;
        env.record(7, 123, 4.5);
        yield env.timeout(5);
      })(),
    );
    env.run();
    detach();
    env.call(1, () => {});
    env.run();
    expect(events).toEqual([
      [0, URGENT, TAG.INIT],
      [10, NORMAL, TAG.WAKE],
      [15, NORMAL, TAG.TIMEOUT],
      [15, NORMAL, TAG.PROCESS],
    ]);
    expect(records).toEqual([[10, 7, [123, 4.5]]]);
  });

  it('the trace hash depends on times, order and records', () => {
    const hashOf = (f: (env: Environment) => void): string => {
      const env = new Environment();
      f(env);
      env.run();
      return env.traceHash;
    };
    const base = hashOf((env) => env.call(10, () => env.record(1, 5)));
    expect(hashOf((env) => env.call(10, () => env.record(1, 5)))).toBe(base);
    expect(hashOf((env) => env.call(11, () => env.record(1, 5)))).not.toBe(base);
    expect(hashOf((env) => env.call(10, () => env.record(1, 6)))).not.toBe(base);
    expect(hashOf((env) => env.call(10, () => env.record(2, 5)))).not.toBe(base);
    expect(hashOf((env) => env.call(10, () => env.record(1, 5), undefined, URGENT))).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{16}$/);
  });
});
