/**
 * runTasks (task-stack.ts) means what `yield*` means: the same kernel entries in the same order
 * (traceHash and times equal to a `yield*` version of the same processes), sub-task return values
 * handed back, a sub-task's error thrown into the task that yielded it, an event's failure into
 * the innermost task, and what the kernel cannot wait for rejected by the kernel as before.
 */
import { describe, expect, it } from 'vitest';
import { Environment } from '../../src/kernel/environment.ts';
import type { ProcessBody } from '../../src/kernel/sim-process.ts';
import { runTasks, type Task } from '../../src/fleet/task-stack.ts';

/** Leaf work as a plant would write it: plain process bodies that `yield*` their own helpers. */
function* crane(env: Environment, ms: number, log: string[]): ProcessBody<number> {
  yield ms;
  const ev = env.event<string>();
  env.call(ms, () => ev.succeed(`lift ${ms}`));
  log.push(yield ev);
  yield* settle(ms);
  return env.now;
}
function* settle(ms: number): ProcessBody<void> {
  yield Math.ceil(ms / 2);
}

describe('runTasks', () => {
  it('gives the trace, times and values of the same processes written with yield*', () => {
    const nested = (flat: boolean) => {
      const env = new Environment();
      const log: string[] = [];
      function* trip(n: number): Task<number> {
        const a: number = flat ? yield crane(env, 100 * n, log) : yield* crane(env, 100 * n, log);
        yield 7;
        const b: number = flat ? yield crane(env, 30, log) : yield* crane(env, 30, log);
        return a + b;
      }
      function* life(n: number): Task<void> {
        for (let k = 0; k < 3; k++) {
          const total: number = flat ? yield trip(n + k) : yield* trip(n + k);
          log.push(`${n}:${total}@${env.now}`);
        }
      }
      for (let n = 1; n <= 3; n++) {
        if (flat) runTasks(env, life(n), `p${n}`);
        else env.process(life(n) as ProcessBody<void>, `p${n}`);
      }
      env.run();
      return { hash: env.traceHash, now: env.now, log };
    };
    const a = nested(false);
    const b = nested(true);
    expect(b).toEqual(a);
    expect(a.log.length).toBe(3 * 3 * 3);
  });

  it("throws a sub-task's error into the task that yielded it, and a failed event into the innermost", () => {
    const env = new Environment();
    const seen: string[] = [];
    function* failing(): Task<number> {
      yield 5;
      throw new Error('crane jammed');
    }
    function* waiting(): Task<string> {
      const ev = env.event<string>();
      env.call(3, () => ev.fail(new Error('gate closed')));
      try {
        return yield ev;
      } catch (e) {
        seen.push(`inner ${(e as Error).message} @${env.now}`);
        return 'rerouted';
      }
    }
    function* root(): Task<string> {
      try {
        yield failing();
      } catch (e) {
        seen.push(`root ${(e as Error).message} @${env.now}`);
      }
      const r: string = yield waiting();
      return r;
    }
    const p = runTasks(env, root(), 'root');
    env.run();
    expect(seen).toEqual(['root crane jammed @5', 'inner gate closed @8']);
    expect(p.value).toBe('rerouted');
  });

  it('an uncaught error ends the process with it; what the kernel cannot wait for is rejected by the kernel', () => {
    const env = new Environment();
    function* bad(): Task<void> {
      yield 'soon' as unknown as number;
    }
    const p = runTasks(env, bad(), 'bad');
    p.defused = true;
    expect(() => env.run()).not.toThrow();
    expect(p.ok).toBe(false);
    expect(String(p.error)).toMatch(/yielded soon: yield a delay in ms or an Event/);
  });
});
