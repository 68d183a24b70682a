import type { Environment } from '../kernel/environment.ts';
import { Interrupt } from '../kernel/event.ts';
import type { ProcessBody } from '../kernel/process.ts';
import { Preempted, type Resource } from '../resources/resource.ts';

/**
 * Holds one unit of `resource` for `workMs` of work (a gate passage, a scan, a crane move), and
 * when a breakdown preempts the unit, queues again and finishes the remaining work on a unit that
 * works: the job is delayed, never lost. Use with `yield*`; returns the total time spent queueing
 * (ms). With `admit`, a unit granted while `admit()` is false is given back at once and -1 is
 * returned (a gate that closed while the vehicle queued). Other interrupts release the unit and
 * propagate.
 */
export function* holdFor(env: Environment, resource: Resource, workMs: number, priority = 0, admit?: () => boolean): ProcessBody<number> {
  let remaining = workMs;
  let queued = 0;
  for (;;) {
    const asked = env.now;
    const req = resource.discipline === 'priority' ? resource.request(priority) : resource.request();
    try {
      yield req;
    } catch (e) {
      resource.release(req);
      throw e;
    }
    queued += env.now - asked;
    if (admit !== undefined && !admit()) {
      resource.release(req);
      return -1;
    }
    const start = env.now;
    try {
      yield remaining;
      resource.release(req);
      return queued;
    } catch (e) {
      if (e instanceof Interrupt && e.cause instanceof Preempted) {
        remaining -= env.now - start;
        continue;
      }
      resource.release(req);
      throw e;
    }
  }
}
