import type { DispatchDecision, DispatchRequest, Dispatcher } from './dispatch-types.ts';
import { hungarian } from './hungarian.ts';

/**
 * Optimal assignment over a batch: the oldest jobs, twice as many as there are idle vehicles (a
 * window wide enough to choose, narrow enough that no job waits behind newcomers for long), are
 * matched to the idle vehicles so that the total estimated empty driving time is least.
 */
export class HungarianDispatcher implements Dispatcher {
  readonly name: string = 'hungarian';

  decide(r: DispatchRequest): DispatchDecision {
    return { assignments: batchAssignments(r) };
  }
}

/** The Hungarian batch of a request: the oldest min(2 × vehicles, jobs) jobs against every idle vehicle. */
export function batchAssignments(r: DispatchRequest): DispatchDecision['assignments'] {
  const k = Math.min(2 * r.vehicles.length, r.jobs.length);
  if (k === 0) return [];
  const cost = r.etaS.map((row) => row.slice(0, k));
  const colOfRow = hungarian(cost);
  const out: DispatchDecision['assignments'] = [];
  colOfRow.forEach((j, v) => {
    if (j >= 0) out.push({ vehicle: r.vehicles[v]!.id, job: r.jobs[j]!.id });
  });
  return out;
}
