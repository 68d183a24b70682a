/**
 * The scenario's control section (part of the scenario contract, re-exported by `scenario.ts`):
 * which strategy each controller runs, the known strategy names per controller, and the traffic
 * controller's parameters. Types and `as const` lists only.
 */

/** Known strategies per controller; validation rejects any other name and lists these. */
export const GATE_STRATEGIES = ['default'] as const;
export const SELECTIVITY_STRATEGIES = ['default'] as const;
export const TRIAGE_STRATEGIES = ['default'] as const;
export const CRANE_SCHEDULER_STRATEGIES = ['fifo', 'import-first'] as const;
export const YARD_PLANNER_STRATEGIES = ['default'] as const;
/** `pool`: the abstract fleet (a trip time per crossing); `network`: IGVs on the lane network. */
export const TRANSPORT_STRATEGIES = ['pool', 'network'] as const;
/** IGV routing on the lane network: shortest free-flow time, or that plus a congestion penalty. */
export const ROUTING_STRATEGIES = ['shortest-time', 'congestion-aware'] as const;
/**
 * Traffic control: `buffered` (a vehicle never waits for a transfer point while standing on a gate
 * lane; deadlock-free by construction) or `direct` (waits for the transfer point; deadlocks are
 * detected, logged and resolved by sending a vehicle to parking).
 */
export const TRAFFIC_STRATEGIES = ['buffered', 'direct'] as const;
/**
 * IGV dispatching: nearest idle vehicle first come first served, Hungarian batch assignment,
 * Hungarian plus empty balancing between the yards, or each idle vehicle the oldest job on its own
 * side first (crossing empty only for a side with no job left).
 */
export const DISPATCH_STRATEGIES = ['nearest-fcfs', 'hungarian', 'balancing', 'side-first'] as const;
/** Charging: go to a charger or swap station when the state of charge falls below the threshold. */
export const CHARGING_STRATEGIES = ['threshold'] as const;

/** Every controller with its known strategy names (the first is the default). */
export const STRATEGY_NAMES = {
  gate: GATE_STRATEGIES,
  selectivity: SELECTIVITY_STRATEGIES,
  triage: TRIAGE_STRATEGIES,
  craneScheduler: CRANE_SCHEDULER_STRATEGIES,
  yardPlanner: YARD_PLANNER_STRATEGIES,
  transport: TRANSPORT_STRATEGIES,
  routing: ROUTING_STRATEGIES,
  traffic: TRAFFIC_STRATEGIES,
  dispatch: DISPATCH_STRATEGIES,
  charging: CHARGING_STRATEGIES,
} as const;
export type ControllerName = keyof typeof STRATEGY_NAMES;

/** Strategy of one controller: a known name and free parameters the strategy documents. */
export interface ControlSpec<S extends string> {
  strategy: S;
  params?: Record<string, unknown>;
}

/**
 * How the holding bays before an exit gate work as a queue (either traffic strategy). In a row of
 * bays reaching farther than `frontBaySeconds` of driving from the exit lanes, only the nearest
 * bays (as many as the exit lanes plus `extraFrontBays`) may claim an exit lane; vehicles farther
 * back first move up. A lane claimed from far back stands empty while its vehicle drives up.
 */
export interface TrafficParams {
  /** Estimated driving time (s) from a bay to an exit lane beyond which the row counts as long; default 75. */
  frontBaySeconds?: number;
  /** Front bays of a long row beyond one per exit lane; default 1. */
  extraFrontBays?: number;
  /**
   * Vehicles the smaller yard (fewer transfer points, holding bays and chargers) admits at once,
   * per working stop of its own (rounded down); buffered traffic only; default 1.5. The others wait
   * in the yard they leave, before claiming an exit lane.
   */
  admittedPerStop?: number;
  /** The fewest working stops a yard needs to be capped at all (a large value turns the cap off); default 10. */
  admissionMinStops?: number;
}

/** The traffic controller's strategy and its holding-bay and yard-admission parameters. */
export interface TrafficControl {
  strategy: (typeof TRAFFIC_STRATEGIES)[number];
  params?: TrafficParams;
}

/** Which strategy each controller runs (see STRATEGY_NAMES). */
export interface Control {
  gate: ControlSpec<(typeof GATE_STRATEGIES)[number]>;
  selectivity: ControlSpec<(typeof SELECTIVITY_STRATEGIES)[number]>;
  triage: ControlSpec<(typeof TRIAGE_STRATEGIES)[number]>;
  craneScheduler: ControlSpec<(typeof CRANE_SCHEDULER_STRATEGIES)[number]>;
  yardPlanner: ControlSpec<(typeof YARD_PLANNER_STRATEGIES)[number]>;
  transport: ControlSpec<(typeof TRANSPORT_STRATEGIES)[number]>;
  /** Fleet control on the lane network (used by the `network` transport); absent = the first strategy of each list. */
  routing?: ControlSpec<(typeof ROUTING_STRATEGIES)[number]>;
  traffic?: TrafficControl;
  dispatch?: ControlSpec<(typeof DISPATCH_STRATEGIES)[number]>;
  charging?: ControlSpec<(typeof CHARGING_STRATEGIES)[number]>;
}
