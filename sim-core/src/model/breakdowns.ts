import type { Environment } from '../kernel/environment.ts';
import type { ProcessBody } from '../kernel/sim-process.ts';
import type { Rng } from '../random/rng.ts';
import type { Resource } from '../resources/resource.ts';
import type { Duration } from './config.ts';

/** Priority of a breakdown on a resource: ahead of every job (jobs use 0 and above). */
export const BREAKDOWN_PRIORITY = -1;

export interface BreakdownLog {
  /** Called when a unit goes down and when it is back (for KPIs, alerts and the viewer). */
  onChange?(resource: Resource, down: boolean, time: number): void;
}

/**
 * Failures of one unit of a resource (a gate lane, a scanner, a crane, an IGV): after a time to
 * failure drawn from `mtbf` the unit goes down for a repair time drawn from `mttr`. The failure
 * takes the unit with a preempting request, so a job in progress is interrupted (its process gets
 * an Interrupt whose cause is a Preempted) and must resume its remaining work: nothing is lost.
 * The resource needs the 'priority' discipline.
 */
export function* unitBreakdowns(env: Environment, resource: Resource, mtbf: Duration, mttr: Duration, rng: Rng, log: BreakdownLog = {}): ProcessBody<void> {
  for (;;) {
    yield mtbf.sampleMs(rng);
    const req = resource.request(BREAKDOWN_PRIORITY, true);
    yield req;
    log.onChange?.(resource, true, env.now);
    yield mttr.sampleMs(rng);
    resource.release(req);
    log.onChange?.(resource, false, env.now);
  }
}
