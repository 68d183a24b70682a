import type { Environment } from '../kernel/environment.ts';
import { F64_ZERO } from '../kernel/shapes.ts';

/** What an IGV is doing, for time shares and the viewer's `state` events. */
export const VEHICLE_STATES = ['idle', 'empty', 'loaded', 'handling', 'charging', 'blocked', 'broken'] as const;
export type VehicleState = (typeof VEHICLE_STATES)[number];

/**
 * Fleet statistics after the warm-up: time per vehicle state (summed over the fleet), distances,
 * dispatch, traffic and energy counters. `reset` at the end of the warm-up discards what came
 * before, as the scenario asks.
 */
export class FleetStats {
  /**
   * Time per state (by its index in `VEHICLE_STATES`) summed over closed intervals, each vehicle's
   * state's index and since when it is in it: typed arrays, not a record and an array of names,
   * for performance reasons: `set` runs on every state change (about 50,000 a day at Huu Nghi
   * 2030), where a record's field by a name that varies is a megamorphic look-up and store.
   */
  private readonly stateMs = new Float64Array(VEHICLE_STATES.length);
  private readonly state: Uint8Array;
  private readonly since: Float64Array;
  distanceM = { loaded: F64_ZERO, empty: F64_ZERO };
  loadedCrossings = 0;
  emptyCrossings = 0;
  /** Crossings of the zero line VN → CN and CN → VN, loaded or empty. */
  northbound = 0;
  southbound = 0;
  dispatchRequests = 0;
  assignments = 0;
  rejectedAssignments = 0;
  repositions = 0;
  charges = 0;
  breakdowns = 0;
  deadlocksDetected = 0;
  deadlocksResolved = 0;
  /** Delay imposed on starts by reservations, ms, and how many bookings. */
  reservationWaitMs = F64_ZERO;
  bookings = 0;
  /** Waiting for a stop node (transfer point, gate lane, charger), ms. */
  stopWaitMs = F64_ZERO;
  /** The same by pool name (where vehicles wait). */
  readonly stopWaitByPool = new Map<string, number>();
  /** Waiting to be admitted to each side (see `SideAdmission`), ms, and how many vehicles waited. */
  admissionWaitMs = { VN: F64_ZERO, CN: F64_ZERO };
  admissionWaits = { VN: 0, CN: 0 };
  measuredFrom = F64_ZERO;

  constructor(
    private readonly env: Environment,
    fleet: number,
  ) {
    this.state = new Uint8Array(fleet); // 'idle'
    this.since = new Float64Array(fleet);
  }

  /** Vehicle `v` changes to `s` now. */
  set(v: number, s: VehicleState): void {
    const now = this.env.now;
    const i = this.state[v]!;
    this.stateMs[i] = this.stateMs[i]! + (now - this.since[v]!);
    this.state[v] = stateIndex(s);
    this.since[v] = now;
  }

  current(v: number): VehicleState {
    return VEHICLE_STATES[this.state[v]!]!;
  }

  /** Ends the warm-up: zero every statistic, keep the states. */
  reset(): void {
    const now = this.env.now;
    this.stateMs.fill(0);
    this.since.fill(now);
    this.distanceM = { loaded: F64_ZERO, empty: F64_ZERO };
    this.loadedCrossings = this.emptyCrossings = this.northbound = this.southbound = this.dispatchRequests = this.assignments = this.rejectedAssignments = 0;
    this.repositions = this.charges = this.breakdowns = this.deadlocksDetected = this.deadlocksResolved = 0;
    this.reservationWaitMs = this.bookings = this.stopWaitMs = 0;
    this.stopWaitByPool.clear();
    this.admissionWaitMs = { VN: F64_ZERO, CN: F64_ZERO };
    this.admissionWaits = { VN: 0, CN: 0 };
    this.measuredFrom = now;
  }

  /** Time per state up to now (the open intervals included), ms. */
  totals(): Record<VehicleState, number> {
    const now = this.env.now;
    const ms = this.stateMs.slice();
    for (let v = 0; v < this.state.length; v++) {
      const i = this.state[v]!;
      ms[i] = ms[i]! + (now - this.since[v]!);
    }
    const out = new StateTimes();
    for (let i = 0; i < VEHICLE_STATES.length; i++) out[VEHICLE_STATES[i]!] = ms[i]!;
    return out;
  }
}

// `stateIndex` spells out the order of `VEHICLE_STATES`: checked once here, so that the two can
// never disagree (a state's time would then be added to another's).
for (let i = 0; i < VEHICLE_STATES.length; i++) {
  if (stateIndex(VEHICLE_STATES[i]!) !== i) throw new Error(`fleet-stats: stateIndex('${VEHICLE_STATES[i]}') is not its place ${i} in VEHICLE_STATES`);
}

/**
 * The index of `s` in `VEHICLE_STATES`: a switch on the names (comparisons of internalized
 * strings), not a look-up by name.
 */
function stateIndex(s: VehicleState): number {
  switch (s) {
    case 'idle':
      return 0;
    case 'empty':
      return 1;
    case 'loaded':
      return 2;
    case 'handling':
      return 3;
    case 'charging':
      return 4;
    case 'blocked':
      return 5;
    case 'broken':
      return 6;
  }
}

/** Time per vehicle state, ms (what `totals` returns): a class rather than a literal, for performance reasons (kernel/shapes.ts). */
class StateTimes implements Record<VehicleState, number> {
  idle = F64_ZERO;
  empty = F64_ZERO;
  loaded = F64_ZERO;
  handling = F64_ZERO;
  charging = F64_ZERO;
  blocked = F64_ZERO;
  broken = F64_ZERO;
}
