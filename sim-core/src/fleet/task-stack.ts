import type { Environment } from '../kernel/environment.ts';
import { Process, type ProcessBody, type Yieldable } from '../kernel/sim-process.ts';

/**
 * A generator that may yield, besides what a process yields, another generator to run to its end
 * (a sub-task): `yield sub` means what `yield* sub` means, and returns what `sub` returns.
 */
export type Task<R> = Generator<Yieldable | Task<unknown>, R, any>;

/**
 * Starts a process that runs `root` and its sub-tasks on a stack of its own instead of nesting them
 * with `yield*` (the kernel's `Process` with sub-tasks): for performance reasons, as with `yield*`
 * every resume of the innermost generator resumes (and suspends again, saving its registers) every
 * generator that delegates to it. An IGV's life and its crossing wait in the middle of the plant's
 * crane and gate tasks, which resume often; here those resumes go to the innermost task only, and a
 * waiting task resumes when its sub-task returns. What reaches the kernel is what `yield*` would
 * have passed it, in the same order, so the trace is the same. A sub-task's error is thrown into
 * the task that yielded it, and an event's failure into the innermost task, as with `yield*`.
 * (Until the ninth session the stack was a generator of its own, `runTasks`, between the process
 * and its tasks: one more generator to resume on every resume.)
 */
export function runTasks<R>(env: Environment, root: Task<R>, name: string): Process<R> {
  return new Process<R>(env, root as ProcessBody<R>, name, true);
}
