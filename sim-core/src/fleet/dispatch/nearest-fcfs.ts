import type { DispatchDecision, DispatchRequest, Dispatcher } from './dispatch-types.ts';

/**
 * Nearest idle vehicle, first come first served: jobs in the order they were submitted each take
 * the idle vehicle with the shortest estimated drive to the pickup (ties: lower vehicle index).
 */
export class NearestFcfsDispatcher implements Dispatcher {
  readonly name = 'nearest-fcfs';

  decide(r: DispatchRequest): DispatchDecision {
    const taken = new Uint8Array(r.vehicles.length);
    const assignments: DispatchDecision['assignments'] = [];
    r.jobs.forEach((job, j) => {
      let best = -1;
      for (let v = 0; v < r.vehicles.length; v++) {
        if (taken[v] === 1) continue;
        if (best < 0 || r.etaS[v]![j]! < r.etaS[best]![j]!) best = v;
      }
      if (best < 0) return;
      taken[best] = 1;
      assignments.push({ vehicle: r.vehicles[best]!.id, job: job.id });
    });
    return { assignments };
  }
}
