import type { DispatchDecision, DispatchRequest, Dispatcher } from './dispatch-types.ts';

/**
 * Own side first: each idle vehicle (in id order) takes the oldest job waiting on its own side of
 * the border; only a vehicle whose side has no job left takes the oldest job on the other side,
 * crossing over empty for it. Nearest-first hands an old export in Vietnam to an idle vehicle in
 * China as readily as to one in Vietnam, so with imports at 70 % of the demand vehicles crossed
 * south empty only to have to cross north empty again; here an empty crossing happens only where
 * a side has more vehicles idle than jobs waiting.
 */
export class SideFirstDispatcher implements Dispatcher {
  readonly name = 'side-first';

  decide(r: DispatchRequest): DispatchDecision {
    const taken = new Uint8Array(r.jobs.length);
    const assignments: DispatchDecision['assignments'] = [];
    const left: number[] = [];
    r.vehicles.forEach((v, vi) => {
      const j = r.jobs.findIndex((job, k) => taken[k] === 0 && job.from === v.side);
      if (j < 0) {
        left.push(vi);
        return;
      }
      taken[j] = 1;
      assignments.push({ vehicle: v.id, job: r.jobs[j]!.id });
    });
    for (const vi of left) {
      const j = taken.indexOf(0);
      if (j < 0) break;
      taken[j] = 1;
      assignments.push({ vehicle: r.vehicles[vi]!.id, job: r.jobs[j]!.id });
    }
    return { assignments };
  }
}
