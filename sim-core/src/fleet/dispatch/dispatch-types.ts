/**
 * The dispatch boundary: plain-JSON requests and decisions, so a built-in strategy, a test or an
 * external controller (over the wire, in lockstep with simulated time) can decide which IGV takes
 * which container. Times are simulation ms; costs are seconds.
 */

/** An idle IGV the dispatcher may assign. */
export interface DispatchVehicle {
  /** "igv:<n>". */
  id: string;
  side: 'VN' | 'CN';
  /** Lane-network node it stands at. */
  node: string;
  position: [number, number];
  /** State of charge, 0..1. */
  soc: number;
}

/** A container waiting for an IGV, at the yard of `from`. */
export interface DispatchJob {
  /** The container id, "container:<n>". */
  id: string;
  from: 'VN' | 'CN';
  to: 'VN' | 'CN';
  /** When it was handed over for carriage, ms. */
  submittedAt: number;
}

export interface DispatchRequest {
  /** Simulation time of the request, ms. */
  time: number;
  /** Idle vehicles, in id order. */
  vehicles: DispatchVehicle[];
  /** Waiting jobs, oldest first. */
  jobs: DispatchJob[];
  /** etaS[v][j]: estimated driving time of vehicles[v] to the pickup yard of jobs[j], seconds. */
  etaS: number[][];
  /** Empty driving time from one yard to the other, seconds (for repositioning decisions). */
  crossingS: number;
  /** Jobs submitted per hour over the last hours, per pickup side (a demand forecast). */
  recentJobsPerHour: { VN: number; CN: number };
}

/** Which vehicle takes which job; optionally empty vehicles sent to the other yard. */
export interface DispatchDecision {
  assignments: Array<{ vehicle: string; job: string }>;
  repositions?: Array<{ vehicle: string; to: 'VN' | 'CN' }>;
}

/** A built-in strategy: a pure function of the request. */
export interface Dispatcher {
  readonly name: string;
  decide(request: DispatchRequest): DispatchDecision;
}

/**
 * Where the fleet manager gets its decisions. `done` may be called at once (built-in strategies)
 * or later at the same simulated time (an external controller; the server then holds the clock).
 * The fleet manager checks each assignment against the state when `done` arrives.
 */
export interface DispatchPort {
  decide(request: DispatchRequest, done: (decision: DispatchDecision) => void): void;
}

/** A port that answers synchronously with a built-in strategy. */
export function portOf(dispatcher: Dispatcher): DispatchPort {
  return new LocalPort(dispatcher);
}

/**
 * A class, not a literal holding a closure, for performance reasons: a closure is a new function
 * in every run, and optimized code that called last run's throws itself away ("wrong call target").
 */
class LocalPort implements DispatchPort {
  constructor(private readonly dispatcher: Dispatcher) {}

  decide(request: DispatchRequest, done: (decision: DispatchDecision) => void): void {
    done(this.dispatcher.decide(request));
  }
}
