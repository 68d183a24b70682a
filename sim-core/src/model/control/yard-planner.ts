/** What the yard planner sees when a container reaches a transfer yard (telemetry). */
export interface YardState {
  /** An IGV (or truck) is waiting right now to take the container. */
  carrierWaiting: boolean;
  /** Free slots in the storage block for this direction. */
  freeSlots: number;
}

export type YardDecision = 'direct' | 'storage' | 'hold';

/** Yard planner: straight onto the waiting carrier, into storage, or hold on the truck. */
export interface YardPlanner {
  readonly name: string;
  plan(state: YardState): YardDecision;
}

/** Default: direct when a carrier waits, else storage while a slot is free, else hold. */
export class DirectFirstYard implements YardPlanner {
  readonly name = 'default';
  plan(s: YardState): YardDecision {
    if (s.carrierWaiting) return 'direct';
    return s.freeSlots > 0 ? 'storage' : 'hold';
  }
}
