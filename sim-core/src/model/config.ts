import type { Rng } from '../random/rng.ts';
import type { OpeningCalendar } from './calendar.ts';
import type { ChannelShares, Direction } from './control/types.ts';
import type { LaneNetwork, VehicleDimensions } from './scenario.ts';

/**
 * The crossing model's own view of a scenario: every figure resolved (distributions parsed, clock
 * times in ms, route lengths and speeds turned into trip times), switched-off stages explicit,
 * nothing left to guess. `fromScenario` builds it from a validated scenario; tests may build it
 * directly. All times are ms unless a name says otherwise.
 */

/** Something that yields random durations: a parsed distribution spec, or a kinematic crane cycle. */
export interface Duration {
  /** One sample, whole ms, ≥ 0. */
  sampleMs(rng: Rng): number;
  /** Expected value, ms. */
  meanMs(): number;
}

/** Failures of each unit of a resource. */
export interface FailureConfig {
  mtbf: Duration;
  mttr: Duration;
}

/** One automated read at a gate lane: its time, how often it fails, and the manual fallback. */
export interface ReadStepConfig {
  name: 'plate' | 'code' | 'e-seal' | 'driver';
  time: Duration;
  failShare: number;
  manual: Duration;
}

/** One gate: lanes each way, the reads (none for a manual gate) and the barrier or manual check. */
export interface GateConfig {
  entryLanes: number;
  exitLanes: number;
  steps: ReadStepConfig[];
  /** Barrier time of an automated gate, or the whole check of a manual one. */
  passage: Duration;
  failures: FailureConfig | null;
}

export interface GatesConfig {
  /** False: gates take no time (the stage is switched off). */
  enabled: boolean;
  vnTruck: GateConfig;
  vnBorder: GateConfig;
  cnBorder: GateConfig;
  cnTruck: GateConfig;
}

export interface CustomsConfig {
  /** False: every declaration is green and nothing is checked. */
  enabled: boolean;
  shares: Record<Direction, ChannelShares>;
  preArrivalShare: Record<Direction, number>;
  declarationLead: Record<Direction, Duration>;
  /** Document check of yellow and red declarations. */
  documentCheck: Record<Direction, Duration>;
  /** Share of red containers cleared by the scan image alone; the rest are opened. */
  scanOnlyShare: Record<Direction, number>;
  /** Legal limits, for reporting breaches (clock time, ms): document check, physical inspection. */
  documentCheckLimitMs: number;
  inspectionLimitMs: number;
}

export interface ScannerConfig {
  enabled: boolean;
  /** Every container drives through (smart), or red ones only (baseline mobile scanning). */
  scanAll: boolean;
  lanes: number;
  scan: Duration;
  /** Share of non-red images the AI pre-clears, and how long it takes. */
  aiPreclearShare: number;
  aiTime: Duration;
  operators: number;
  review: Duration;
  /** Share of operator-reviewed images flagged for opening. */
  flagShare: number;
  failures: FailureConfig | null;
}

export interface InspectionConfig {
  enabled: boolean;
  bays: number;
  opening: Duration;
}

export interface YardConfig {
  enabled: boolean;
  equipment: 'automated-crane' | 'reach-stacker';
  units: number;
  /** One move (pick and place). */
  cycle: Duration;
  /** Dwell of an IGV or truck at the transfer point for a handover. */
  handover: Duration;
  exportSlots: number;
  importSlots: number;
  failures: FailureConfig | null;
}

export interface ChinaSideConfig {
  enabled: boolean;
  yard: YardConfig;
  /** Inspection share of non-fruit and of fruit containers entering China, bays and time. */
  inspectionShare: number;
  fruitInspectionShare: number;
  bays: number;
  inspection: Duration;
  /** From an export's release in China to the Chinese truck arriving to collect it. */
  pickupDelay: Duration;
}

/** IGV batteries: consumption by distance and load, and how they are recharged. */
export interface BatteryConfig {
  method: 'swap' | 'plug-in';
  capacityKwh: number;
  kwhPerKm: { loaded: number; empty: number };
  /** Recharge when the state of charge (0..1) falls below this share. */
  rechargeBelowShare: number;
  /** One swap, or one plug-in charge from the threshold to full. */
  recharge: Duration;
}

/** What the `network` transport needs beyond the pool's figures: the lane graph and the vehicle. */
export interface NetworkFleetConfig {
  network: LaneNetwork;
  vehicle: VehicleDimensions;
  /** Cruise speeds, m/s: on road edges loaded and empty, on yard and scanner edges. */
  speedsMps: { loaded: number; empty: number; yard: number; scanner: number };
  battery: BatteryConfig;
}

export interface IgvConfig {
  fleet: number;
  initialShareVn: number;
  /** Yard to yard along the route: loaded and empty. */
  loadedTripMs: number;
  emptyTripMs: number;
  failures: FailureConfig | null;
  /** The lane network and vehicle, when the layout has one (the `network` transport needs it). */
  network: NetworkFleetConfig | null;
}

export interface TruckChannelConfig {
  /** Driving the channel one way (baseline). */
  tripMs: number;
}

export type ArrivalsConfig = { process: 'poisson' } | { process: 'slots'; slotMs: number; perSlot: number; lateness: Duration };

export interface DemandConfig {
  /** Arrivals per day per direction (after the seasonal factor and the import share). */
  perDay: Record<Direction, number>;
  profile: Record<Direction, number[]>;
  arrivals: Record<Direction, ArrivalsConfig>;
  /** Share of export trucks that take an import container back (the two-way pilot). */
  twoWayShare: number;
  fruitShareOfExports: number;
  /** From an import's release to the Vietnamese truck arriving to collect it. */
  vnPickupDelay: Duration;
}

export interface OutageConfig {
  scheduled: Array<{ startMs: number; durationMs: number }>;
  random: FailureConfig | null;
}

export interface ControlConfig {
  gate: string;
  selectivity: string;
  triage: string;
  craneScheduler: string;
  yardPlanner: string;
  transport: string;
  routing: string;
  traffic: string;
  /** The holding bays' queue rule (scenario `control.traffic.params`, defaults filled in). */
  frontBays: { withinSeconds: number; extra: number };
  /** How many vehicles the smaller yard admits (scenario `control.traffic.params`, defaults filled in). */
  admission: { perStop: number; minStops: number };
  dispatch: string;
  charging: string;
}

export interface CrossingConfig {
  id: string;
  mode: 'smart' | 'baseline';
  seed: number;
  horizonMs: number;
  warmupMs: number;
  demand: DemandConfig;
  hours: { VN: OpeningCalendar; CN: OpeningCalendar };
  parkingCapacity: number;
  customs: CustomsConfig;
  scanner: ScannerConfig;
  inspection: InspectionConfig;
  gates: GatesConfig;
  vnYard: YardConfig;
  china: ChinaSideConfig;
  /** Smart mode: the IGV fleet. */
  igv: IgvConfig | null;
  /** Baseline mode: trucks drive the channel. */
  truckChannel: TruckChannelConfig | null;
  outages: OutageConfig;
  control: ControlConfig;
}
