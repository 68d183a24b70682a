import type { ProcessBody, Yieldable } from '../kernel/sim-process.ts';

/**
 * A generator that may yield, besides what a process yields, another generator to run to its end
 * (a sub-task): `yield sub` means what `yield* sub` means, and returns what `sub` returns.
 */
export type Task<R> = Generator<Yieldable | Task<unknown>, R, any>;

/**
 * A process body that runs `root` and its sub-tasks on a stack of its own instead of nesting them
 * with `yield*`: for performance reasons, as with `yield*` every resume of the innermost generator
 * resumes (and suspends again, saving its registers) every generator that delegates to it. An
 * IGV's life and its crossing wait in the middle of the plant's crane and gate generators, which
 * resume often; here those resumes go through this small loop and the innermost task only, and a
 * waiting task resumes when its sub-task returns. What reaches the kernel is what `yield*` would
 * have passed it, in the same order, so the trace is the same. A sub-task's error is thrown into
 * the task that yielded it, and an event's failure into the innermost task, as with `yield*`.
 */
export function* runTasks<R>(root: Task<R>): ProcessBody<R> {
  const stack: Task<unknown>[] = [root];
  let input: unknown = undefined;
  let isError = false;
  for (;;) {
    const top = stack[stack.length - 1]!;
    let step: IteratorResult<Yieldable | Task<unknown>, unknown>;
    try {
      step = isError ? GENERATOR_THROW.call(top, input) : GENERATOR_NEXT.call(top, input);
    } catch (error) {
      stack.pop();
      if (stack.length === 0) throw error;
      input = error;
      isError = true;
      continue;
    }
    if (step.done === true) {
      stack.pop();
      if (stack.length === 0) return step.value as R;
      input = step.value;
      isError = false;
      continue;
    }
    const y = step.value;
    if (typeof y === 'number' || !isGenerator(y)) {
      // Anything else than a task goes to the kernel, which rejects what it cannot wait for.
      try {
        input = yield y;
        isError = false;
      } catch (error) {
        input = error;
        isError = true;
      }
      continue;
    }
    stack.push(y);
    input = undefined;
    isError = false;
  }
}

/**
 * What every generator object inherits from (through its function's `prototype`), and its methods.
 * They are called directly, not looked up on each task: for performance reasons, since every
 * generator function's objects have a map of their own, and the tasks of one process come from a
 * dozen generator functions (the fleet's, the yards', the gates'), so a look-up of `next` on a task
 * missed V8's caches often, at about 1 µs, as much as the rest of this loop. (When this was
 * measured, the plant also made a generator function per container; it no longer does.)
 */
const GENERATOR_PROTOTYPE = Object.getPrototypeOf(Object.getPrototypeOf((function* () {})())) as Task<unknown>;
const GENERATOR_NEXT = GENERATOR_PROTOTYPE.next;
const GENERATOR_THROW = GENERATOR_PROTOTYPE.throw;

/** Whether `y` is a generator object, by its prototype chain (no property look-up on `y`, as above). */
function isGenerator(y: unknown): y is Task<unknown> {
  if (typeof y !== 'object' || y === null) return false;
  const own = Object.getPrototypeOf(y) as object | null;
  return own !== null && Object.getPrototypeOf(own) === GENERATOR_PROTOTYPE;
}
