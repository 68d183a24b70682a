import type { DispatchDecision, DispatchRequest, Dispatcher } from './dispatch-types.ts';
import { batchAssignments } from './hungarian-dispatcher.ts';

/**
 * Hungarian batch assignment plus empty balancing between the two yards: the vehicles left idle
 * are shared between the yards in proportion to the recent job rate at each, so a burst of
 * imports in China finds IGVs already there instead of waiting for one to come over empty. A side
 * gives vehicles away only when it has more than `slack` above its share and no job waiting.
 */
export class BalancingDispatcher implements Dispatcher {
  readonly name = 'balancing';

  constructor(private readonly slack = 1) {}

  decide(r: DispatchRequest): DispatchDecision {
    const assignments = batchAssignments(r);
    const used = new Set(assignments.map((a) => a.vehicle));
    const left = r.vehicles.filter((v) => !used.has(v.id));
    const rate = r.recentJobsPerHour;
    const total = rate.VN + rate.CN;
    if (left.length === 0 || total <= 0) return { assignments };
    const waiting = { VN: 0, CN: 0 };
    for (const j of r.jobs) waiting[j.from]++;
    const idle = { VN: left.filter((v) => v.side === 'VN'), CN: left.filter((v) => v.side === 'CN') };
    const repositions: NonNullable<DispatchDecision['repositions']> = [];
    for (const [from, to] of [['VN', 'CN'], ['CN', 'VN']] as const) {
      const share = Math.round((left.length * rate[from]) / total);
      const surplus = idle[from].length - share - this.slack;
      const deficit = Math.round((left.length * rate[to]) / total) - idle[to].length;
      const move = Math.min(surplus, deficit);
      if (move <= 0 || waiting[from] > 0) continue;
      // Send the vehicles with the most charge: they can afford the empty trip.
      const candidates = [...idle[from]].sort((a, b) => b.soc - a.soc || (a.id < b.id ? -1 : 1));
      for (const v of candidates.slice(0, move)) repositions.push({ vehicle: v.id, to });
    }
    return repositions.length > 0 ? { assignments, repositions } : { assignments };
  }
}
