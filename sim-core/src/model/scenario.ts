/**
 * The scenario contract: what a validated scenario file gives the crossing model, the CLI, the
 * server and the viewer. Types only (plus `as const` lists of names); the zod schema, the JSON
 * Schema, validation and presets live in `scenarios/`, which checks at compile time that its
 * schema produces exactly these types.
 *
 * Conventions, so a field's meaning never depends on guesswork:
 * - Every duration the model samples is a {@link DurationSpec} (a JSON distribution spec with a
 *   time unit, parsed by `parseDistSpec(spec, path, { requireUnit: true })`).
 * - Plain numbers carry their unit in their name: `...M` metres, `...Kmh` km/h, `...Mps` m/s,
 *   `...Hours`, `...Min`, `...Kwh`. Thresholds and calendar values (opening hours, limits,
 *   targets) are plain numbers; they are compared with, never sampled.
 * - A `...Share` is a fraction in [0, 1]. Counts are whole numbers.
 * - Clock times are Hanoi time (UTC+7), the Chinese side's included (Beijing = Hanoi + 1 h).
 *   Simulated time 0 is 00:00 of day 0.
 * - Layout coordinates are metres on a local grid: x east, y north, origin at `site.origin`.
 * - "Vehicles per day" means loaded cross-border movements, both directions (DOMAIN.md).
 * - Values are never mutated after validation; treat a Scenario as immutable.
 */

import type { TimeUnit } from '../random/timed-distribution.ts';
import type { Control } from './scenario-control.ts';

export * from './scenario-control.ts';

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

/** Operating modes: `smart` (IGVs, automated cranes and e-gates) or `baseline` (today's manual process). */
export const MODES = ['smart', 'baseline'] as const;
export type Mode = (typeof MODES)[number];

/** The two pilot sites of Decision 865/QĐ-TTg. */
export const SITE_IDS = ['huu-nghi', 'tan-thanh'] as const;
export type SiteId = (typeof SITE_IDS)[number];

export const COUNTRIES = ['VN', 'CN'] as const;
export type Country = (typeof COUNTRIES)[number];

/** Functional zones a layout may contain (phân khu chức năng). */
export const ZONE_KINDS = [
  'import-storage', 'export-storage', 'transfer-yard', 'scanner', 'inspection', 'gate', 'admin',
  'parking', 'charging', 'igv-route', 'truck-route', 'monitoring',
] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

/** Equipment that stands at a fixed position in a zone. */
export const EQUIPMENT_KINDS = [
  'gate-lane', 'e-barrier', 'scanner', 'crane', 'reach-stacker', 'inspection-bay', 'charger',
  'battery-swap', 'camera',
] as const;
export type EquipmentKind = (typeof EQUIPMENT_KINDS)[number];

/** Who drives a route: IGVs (smart mode) or trucks (the baseline channel). */
export const ROUTE_KINDS = ['igv', 'truck'] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

/**
 * What limits the speed on a route section: open road (cruise speed), a yard (yard speed), or the
 * slow zone around a scanner portal (scanner speed). The portal pass itself is `Scanners.scanTime`.
 */
export const SECTION_KINDS = ['road', 'yard', 'scanner'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

/**
 * What a lane-network node is for. `way` is a plain point on the centreline; the others are places
 * the fleet controller sends vehicles to (crane transfer points, scanner portals, gate lanes,
 * chargers, parking) or the node where a lane crosses the zero line (`border`).
 */
export const NODE_KINDS = ['way', 'crane-transfer', 'scanner-entry', 'scanner-exit', 'gate-lane', 'charging', 'parking', 'border'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** Automated gate steps, performed in the order listed in a gate's `steps`. */
export const GATE_STEP_KINDS = ['plate', 'code', 'e-seal', 'driver'] as const;
export type GateStepKind = (typeof GATE_STEP_KINDS)[number];

/** Container handling equipment of a yard. */
export const HANDLING_EQUIPMENT = ['automated-crane', 'reach-stacker'] as const;
export type HandlingEquipment = (typeof HANDLING_EQUIPMENT)[number];

/** Which containers drive through the scanner. */
export const SCAN_POLICIES = ['all', 'red-only'] as const;
export type ScanPolicy = (typeof SCAN_POLICIES)[number];

export const BATTERY_METHODS = ['swap', 'plug-in'] as const;
export type BatteryMethod = (typeof BATTERY_METHODS)[number];

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

/** Parameters of one distribution family, as `parseDistSpec` reads them (aliases included). */
export type DistFamilySpec =
  | { dist: 'const' | 'constant'; value: number }
  | { dist: 'uniform' | 'unif'; min: number; max: number }
  | { dist: 'tri' | 'triangular'; min: number; mode: number; max: number }
  | { dist: 'exp' | 'exponential'; mean: number; min?: number; max?: number }
  | { dist: 'normal' | 'lognormal'; mean: number; sd: number; min?: number; max?: number }
  | { dist: 'erlang'; k: number; mean: number; min?: number; max?: number }
  | { dist: 'gamma' | 'weibull'; shape: number; scale: number; min?: number; max?: number }
  | { dist: 'empirical'; values: number[]; weights?: number[] }
  | { dist: 'table'; points: Array<[number, number]> };

/** A random duration, e.g. `{ "dist": "tri", "min": 6, "mode": 15, "max": 30, "unit": "s" }`. */
export type DurationSpec = DistFamilySpec & { unit: TimeUnit };

/** A random distance in metres (no unit field), e.g. `{ "dist": "uniform", "min": 0, "max": 120 }`. */
export type LengthSpec = DistFamilySpec;

/** A label in the three working languages (see GLOSSARY.md). */
export interface LocalizedText { vi: string; en: string; zh: string }

/** A point on the local grid: [x east, y north] in metres. */
export type Point = [number, number];

/** Fractions of a whole that must add up to 1 (±1e-9). */
export interface ChannelShares { green: number; yellow: number; red: number }

/** Failure and repair of one unit (each lane, crane or IGV fails on its own). */
export interface FailureSpec {
  /** Operating time between failures. */
  mtbf: DurationSpec;
  /** Time to repair; work in progress waits, nothing is lost. */
  mttr: DurationSpec;
}

// ---------------------------------------------------------------------------------------------
// Meta, horizon, site, layout
// ---------------------------------------------------------------------------------------------

export interface ScenarioMeta {
  /** Kebab-case id; a preset's id equals its file name. */
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  site: SiteId;
  /** Where the figures come from (DOMAIN.md rows, sources). */
  sources: string[];
  /** Assumptions and remarks for reviewers. */
  notes: string[];
}

export interface Horizon {
  /** Simulated days (may be fractional, e.g. 0.25 = 6 h). */
  days: number;
  /** Hours at the start excluded from statistics; shorter than the horizon. */
  warmupHours: number;
}

export interface Site {
  /** Geographic position of the grid origin (WGS84 degrees). */
  origin: { lat: number; lon: number };
  /** The border line (đường biên giới) as a polyline on the grid; Vietnam lies south of it. */
  zeroLine: Point[];
}

export interface Zone {
  id: string;
  kind: ZoneKind;
  country: Country;
  label: LocalizedText;
  /** Simple polygon (≥ 3 corners, not self-intersecting); closing edge implied. */
  polygon: Point[];
}

export interface Equipment {
  id: string;
  kind: EquipmentKind;
  /** Id of the zone it stands in; its position lies inside that zone's polygon. */
  zone: string;
  position: Point;
  /** Orientation for the viewer, degrees clockwise from north. */
  headingDeg?: number;
}

/** A stretch of a route with one speed regime. Sections follow each other from VN to CN. */
export interface RouteSection {
  id: string;
  country: Country;
  kind: SectionKind;
  lengthM: number;
}

/**
 * A route between the Vietnamese and the Chinese yard. `sections` give the lengths the model
 * drives; `path` is the geometry the viewer draws (its length agrees with the sections within 10 %).
 */
export interface Route {
  id: string;
  kind: RouteKind;
  label: LocalizedText;
  path: Point[];
  sections: RouteSection[];
}

/** A node of the IGV lane network. */
export interface NetworkNode {
  id: string;
  kind: NodeKind;
  country: Country;
  position: Point;
  /** Id of the equipment served here (the crane of a transfer point, a scanner, a gate lane, a charger). */
  equipment?: string;
}

/**
 * A directed edge of the lane network (a road both ways is two edges). Its length is the polyline
 * from `from` through `via` to `to`, in metres.
 */
export interface NetworkEdge {
  id: string;
  from: string;
  to: string;
  /** Parallel lanes in this direction (≥ 1). */
  lanes: number;
  /** Speed limit on this edge, km/h; vehicles drive at the lower of this and their own speed. */
  speedLimitKmh: number;
  /** Speed regime: open road, yard, or the slow zone of a scanner portal. */
  kind: SectionKind;
  /** Intermediate centreline points between `from` and `to`, metres. */
  via?: Point[];
  /**
   * Lateral offset of the first lane's centre from the centreline, metres, positive to the right
   * of the driving direction; further lanes lie one lane width further right. Default: half a lane
   * width when the reverse edge exists (two carriageways share the centreline), else the lanes are
   * centred on it. Dead-end spurs driven in and backed out of use 0.
   */
  offsetM?: number;
}

/** The IGV lane network: nodes and directed edges on the local grid. */
export interface LaneNetwork {
  /** Width of one lane, metres (default 3.75). */
  laneWidthM?: number;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

/**
 * Layout geometry. Counts used by the model live in the stage sections (gates, scanners, yard...);
 * `equipment` is where units stand; `network` is the lane graph the IGV fleet drives (smart mode).
 */
export interface Layout {
  zones: Zone[];
  equipment: Equipment[];
  routes: Route[];
  network?: LaneNetwork;
}

// ---------------------------------------------------------------------------------------------
// Demand, hours, parking
// ---------------------------------------------------------------------------------------------

/** How arrivals are generated from the daily volume and the hourly profile. */
export type ArrivalProcess =
  /** Non-homogeneous Poisson process whose rate follows the hourly profile. */
  | { process: 'poisson' }
  /** Appointment slots: at most `perSlot` per slot; each vehicle arrives at its slot start plus `lateness`. */
  | { process: 'slots'; slotMinutes: number; perSlot: number; lateness: DurationSpec };

export interface DirectionDemand {
  /** 24 relative weights of arrivals by hour of day (Hanoi time); need not sum to 1. */
  hourlyProfile: number[];
  arrivals: ArrivalProcess;
}

export interface Demand {
  /** Loaded cross-border movements per day, both directions, before `seasonalFactor`. */
  vehiclesPerDay: number;
  /** Share of movements that are imports (CN → VN). */
  importShare: number;
  /** Multiplies `vehiclesPerDay` (1 = the base season). */
  seasonalFactor: number;
  /** Export trucks (VN) arriving at the regulating parking. */
  export: DirectionDemand;
  /** Import containers becoming ready to cross in the Chinese yard. */
  import: DirectionDemand & {
    /** From an import's release until the Vietnamese truck that collects it arrives. */
    truckPickupDelay: DurationSpec;
  };
  /** Share of export trucks that take an import container back (the two-way pilot). */
  twoWayShare: number;
  cargo: {
    /** Share of export containers carrying fruit (quarantine on the Chinese side). */
    fruitShareOfExports: number;
  };
}

/** Opening hours of one side, "HH:MM" Hanoi time (close may be "24:00"), or all day. */
export type OpeningHours = '24h' | { open: string; close: string };

export interface Hours {
  VN: OpeningHours;
  CN: OpeningHours;
  /** Whole days (0-based, from the start) on which both sides are closed, e.g. Tet. */
  closedDays: number[];
}

export interface Parking {
  /** Trucks the regulating parking (bãi đỗ xe điều tiết) holds; beyond it they queue on the road. */
  capacity: number;
}

// ---------------------------------------------------------------------------------------------
// Customs, scanners, inspection
// ---------------------------------------------------------------------------------------------

export interface CustomsDirection {
  /** Selectivity outcome shares (luồng xanh / vàng / đỏ); they add up to 1. */
  channels: ChannelShares;
  /** Share of declarations submitted through the National Single Window before arrival. */
  preArrivalShare: number;
  /** How long before arrival a pre-arrival declaration is submitted. */
  declarationLead: DurationSpec;
  /** Yellow-channel document check; it may finish before the vehicle arrives. */
  yellowCheck: DurationSpec;
  red: {
    /**
     * Share of red-channel containers cleared by the scan image alone; the rest are opened in an
     * inspection bay. With `scans: "red-only"` (baseline mobile scanners) only this share is
     * scanned and the rest go straight to opening.
     */
    scanOnlyShare: number;
  };
}

export interface Customs {
  enabled: boolean;
  export: CustomsDirection;
  import: CustomsDirection;
  /** Legal limits in working hours, for reporting breaches (not enforced by the model). */
  legalLimits: { documentCheckHours: number; physicalInspectionHours: number };
}

export interface Scanners {
  enabled: boolean;
  /** `all`: every container drives through (smart); `red-only`: red channel only (baseline). */
  scans: ScanPolicy;
  lanes: number;
  /** Occupancy of a lane by one container (the portal pass itself). */
  scanTime: DurationSpec;
  triage: {
    /** Share of non-red images pre-cleared by AI. */
    aiPreclearShare: number;
    aiTime: DurationSpec;
    /** Image analysts on duty (phân tích hình ảnh). */
    operators: number;
    operatorReview: DurationSpec;
    /** Share of operator-reviewed images flagged for physical inspection. */
    flagShare: number;
  };
}

export interface Inspection {
  enabled: boolean;
  /** Physical-inspection bays on the Vietnamese side. */
  bays: number;
  /** Opening and physical inspection of one container. */
  openingTime: DurationSpec;
}

// ---------------------------------------------------------------------------------------------
// Gates
// ---------------------------------------------------------------------------------------------

/** One automated read at a gate; on failure the check falls back to a manual one. */
export interface GateStep {
  step: GateStepKind;
  time: DurationSpec;
  failShare: number;
  manual: DurationSpec;
}

export type Gate =
  | {
      type: 'automated';
      /** Lanes into / out of the area the gate guards. */
      lanes: { entry: number; exit: number };
      /** Reads in order; each step's time adds up. */
      steps: GateStep[];
      barrier: DurationSpec;
    }
  | {
      type: 'manual';
      lanes: { entry: number; exit: number };
      /** The whole manual check of one vehicle. */
      time: DurationSpec;
    };

export interface Gates {
  enabled: boolean;
  /** Vietnamese trucks in and out of the Vietnamese transfer yard. */
  vnTruck: Gate;
  /** Vietnamese border gate (IGVs in smart mode, trucks in baseline); entry = into Vietnam. */
  vnBorder: Gate;
  /** Chinese border gate; entry = into China. */
  cnBorder: Gate;
  /** Chinese trucks in and out of the Chinese yard. */
  cnTruck: Gate;
}

// ---------------------------------------------------------------------------------------------
// Yards and transport
// ---------------------------------------------------------------------------------------------

export type HandlingCycle =
  | { model: 'distribution'; time: DurationSpec }
  | {
      model: 'kinematic';
      gantryMps: number;
      trolleyMps: number;
      hoistMps: number;
      gantryDistanceM: LengthSpec;
      trolleyDistanceM: LengthSpec;
      hoistDistanceM: LengthSpec;
      /** Locking, unlocking and fine positioning. */
      fixed: DurationSpec;
    };

export interface Handling {
  equipment: HandlingEquipment;
  units: number;
  /** One container move. */
  cycle: HandlingCycle;
}

export interface Yard {
  enabled: boolean;
  handling: Handling;
  /** IGV or truck dwell at the transfer point for one handover with the crane. */
  handover: DurationSpec;
  exportSlots: number;
  importSlots: number;
}

export interface Battery {
  method: BatteryMethod;
  capacityKwh: number;
  consumptionKwhPerKm: { loaded: number; empty: number };
  /** Recharge or swap when the charge falls below this share. */
  rechargeBelowShare: number;
  swapTime: DurationSpec;
  chargeTime: DurationSpec;
  /** Swap stations or chargers. */
  stations: number;
}

/** An IGV's footprint and driving dynamics (for kinematics, the referee and turn checks). */
export interface VehicleDimensions {
  lengthM: number;
  widthM: number;
  /** Tightest turn the vehicle can drive, measured to the path centreline. */
  minTurnRadiusM: number;
  accelerationMps2: number;
  decelerationMps2: number;
}

export interface IgvFleet {
  /** Id of a layout route of kind `igv`. */
  routeId: string;
  /** Footprint and dynamics; needed when the layout has a lane network. */
  vehicle?: VehicleDimensions;
  fleet: number;
  /** Share of the fleet that starts on the Vietnamese side. */
  initialShareVn: number;
  speeds: { loadedKmh: number; emptyKmh: number; yardKmh: number; scannerKmh: number };
  battery: Battery;
}

export interface TruckChannel {
  /** Id of a layout route of kind `truck`. */
  routeId: string;
  speedKmh: number;
  yardKmh: number;
}

export interface Transport {
  /** Required in smart mode. */
  igv?: IgvFleet;
  /** Required in baseline mode: trucks drive the channel themselves. */
  truck?: TruckChannel;
}

export interface ChinaSide {
  enabled: boolean;
  inspection: {
    /** Share of non-fruit containers entering China that are inspected. */
    share: number;
    /** Share of fruit containers inspected (quarantine). */
    fruitShare: number;
    bays: number;
    time: DurationSpec;
  };
  handling: Handling;
  handover: DurationSpec;
  /** From an export's release in China until the Chinese truck that collects it arrives. */
  truckPickupDelay: DurationSpec;
  exportSlots: number;
  importSlots: number;
}

// ---------------------------------------------------------------------------------------------
// Failures, control, targets
// ---------------------------------------------------------------------------------------------

export interface OutageWindow {
  /** Hours since the scenario start. */
  startHour: number;
  durationHours: number;
}

export interface Failures {
  enabled: boolean;
  gates?: FailureSpec;
  scanners?: FailureSpec;
  cranes?: FailureSpec;
  igvs?: FailureSpec;
  /** Outage of the real-time data exchange with China: no advance data, so no pre-clearance. */
  dataExchange: { scheduled: OutageWindow[]; random?: FailureSpec };
}

/** KPI thresholds a run is checked against (exit code 1 when missed). */
export interface Targets {
  vehiclesPerDayMin?: number;
  truckTurnP50MaxMin?: number;
  truckTurnP95MaxMin?: number;
  igvUtilization?: { min: number; max: number };
  craneUtilizationMax?: number;
  /** Highest utilization ρ of any gate lane group or scanner. */
  gateScannerRhoMax?: number;
}

// ---------------------------------------------------------------------------------------------
// The scenario
// ---------------------------------------------------------------------------------------------

export interface Scenario {
  /** Editor hint: the JSON Schema this file follows. */
  $schema?: string;
  meta: ScenarioMeta;
  mode: Mode;
  /** Run seed (non-negative whole number); `--seed` overrides it. */
  seed: number;
  horizon: Horizon;
  site: Site;
  layout: Layout;
  demand: Demand;
  hours: Hours;
  parking: Parking;
  customs: Customs;
  gates: Gates;
  scanners: Scanners;
  inspection: Inspection;
  yard: Yard;
  transport: Transport;
  chinaSide: ChinaSide;
  failures: Failures;
  control: Control;
  targets?: Targets;
}
