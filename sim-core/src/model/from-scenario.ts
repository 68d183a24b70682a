import type { Rng } from '../random/rng.ts';
import { parseDistSpec } from '../random/dist-spec.ts';
import { shapedCopy } from '../kernel/shapes.ts';
import { clockToMs, MS_PER_DAY, MS_PER_HOUR, OpeningCalendar } from './calendar.ts';
import type { CrossingConfig, Duration, FailureConfig, GateConfig, NetworkFleetConfig, YardConfig } from './config.ts';
import type { DurationSpec, FailureSpec, Gate, Handling, HandlingCycle, IgvFleet, LengthSpec, OpeningHours, Route, Scenario } from './scenario.ts';

/** A scenario that cannot be turned into a model (validation should have caught it first). */
export class ScenarioError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'ScenarioError';
  }
}

function duration(spec: DurationSpec, path: string): Duration {
  const r = parseDistSpec(spec, path, { requireUnit: true });
  if (!r.ok) throw new ScenarioError(r.errors[0]!.path, r.errors[0]!.message);
  return r.value;
}

function length(spec: LengthSpec, path: string): { sample(rng: Rng): number; mean(): number } {
  const r = parseDistSpec(spec, path);
  if (!r.ok) throw new ScenarioError(r.errors[0]!.path, r.errors[0]!.message);
  return r.value;
}

function failures(spec: FailureSpec | undefined, enabled: boolean, path: string): FailureConfig | null {
  if (!enabled || spec === undefined) return null;
  return { mtbf: duration(spec.mtbf, `${path}.mtbf`), mttr: duration(spec.mttr, `${path}.mttr`) };
}

/**
 * A crane or reach-stacker move from its kinematics: a gantry leg to the row, two trolley legs
 * (to the container, back to the transfer lane) and four hoist legs (down and up at pick and at
 * place), plus fixed time for locking and positioning.
 */
class KinematicCycle implements Duration {
  private readonly gantry;
  private readonly trolley;
  private readonly hoist;
  private readonly fixed: Duration;

  constructor(
    private readonly c: Extract<HandlingCycle, { model: 'kinematic' }>,
    path: string,
  ) {
    this.gantry = length(c.gantryDistanceM, `${path}.gantryDistanceM`);
    this.trolley = length(c.trolleyDistanceM, `${path}.trolleyDistanceM`);
    this.hoist = length(c.hoistDistanceM, `${path}.hoistDistanceM`);
    this.fixed = duration(c.fixed, `${path}.fixed`);
  }

  sampleMs(rng: Rng): number {
    const s = this.gantry.sample(rng) / this.c.gantryMps + (2 * this.trolley.sample(rng)) / this.c.trolleyMps + (4 * this.hoist.sample(rng)) / this.c.hoistMps;
    return Math.max(0, Math.round(s * 1000)) + this.fixed.sampleMs(rng);
  }

  meanMs(): number {
    return (this.gantry.mean() / this.c.gantryMps + (2 * this.trolley.mean()) / this.c.trolleyMps + (4 * this.hoist.mean()) / this.c.hoistMps) * 1000 + this.fixed.meanMs();
  }
}

function cycle(h: Handling, path: string): Duration {
  return h.cycle.model === 'distribution' ? duration(h.cycle.time, `${path}.cycle.time`) : new KinematicCycle(h.cycle, `${path}.cycle`);
}

function gate(g: Gate, fail: FailureConfig | null, path: string): GateConfig {
  if (g.type === 'manual') return { entryLanes: g.lanes.entry, exitLanes: g.lanes.exit, steps: [], passage: duration(g.time, `${path}.time`), failures: fail };
  return {
    entryLanes: g.lanes.entry,
    exitLanes: g.lanes.exit,
    steps: g.steps.map((st, i) => ({ name: st.step, time: duration(st.time, `${path}.steps[${i}].time`), failShare: st.failShare, manual: duration(st.manual, `${path}.steps[${i}].manual`) })),
    passage: duration(g.barrier, `${path}.barrier`),
    failures: fail,
  };
}

function calendar(h: OpeningHours, closedDays: number[]): OpeningCalendar {
  return h === '24h' ? OpeningCalendar.always(closedDays) : new OpeningCalendar(clockToMs(h.open), clockToMs(h.close), closedDays);
}

/** Time to drive `route` (ms) at a speed per section kind (km/h). */
export function routeTimeMs(route: Route, kmh: Record<'road' | 'yard' | 'scanner', number>): number {
  let s = 0;
  for (const sec of route.sections) s += sec.lengthM / (kmh[sec.kind] / 3.6);
  return Math.round(s * 1000);
}

function findRoute(s: Scenario, id: string, path: string): Route {
  const r = s.layout.routes.find((x) => x.id === id);
  if (r === undefined) throw new ScenarioError(path, `no route '${id}' in layout.routes`);
  return r;
}

/** The lane network and vehicle of the `network` transport, or null when the layout has no network. */
function networkFleet(s: Scenario, igv: IgvFleet): NetworkFleetConfig | null {
  const network = s.layout.network;
  if (network === undefined) {
    if (s.control.transport.strategy === 'network') throw new ScenarioError('$.layout.network', 'the "network" transport needs a lane network in layout.network');
    return null;
  }
  if (igv.vehicle === undefined) throw new ScenarioError('$.transport.igv.vehicle', 'a layout with a lane network needs the IGV footprint and dynamics in transport.igv.vehicle');
  const b = igv.battery;
  return {
    network,
    vehicle: igv.vehicle,
    speedsMps: { loaded: igv.speeds.loadedKmh / 3.6, empty: igv.speeds.emptyKmh / 3.6, yard: igv.speeds.yardKmh / 3.6, scanner: igv.speeds.scannerKmh / 3.6 },
    battery: {
      method: b.method,
      capacityKwh: b.capacityKwh,
      kwhPerKm: { loaded: b.consumptionKwhPerKm.loaded, empty: b.consumptionKwhPerKm.empty },
      rechargeBelowShare: b.rechargeBelowShare,
      recharge: b.method === 'swap' ? duration(b.swapTime, '$.transport.igv.battery.swapTime') : duration(b.chargeTime, '$.transport.igv.battery.chargeTime'),
    },
  };
}

/**
 * Turns a validated scenario into the model's configuration; `seed` overrides the scenario's. The
 * result is a `shapedCopy`, for performance reasons: the hot paths read it on every container, and
 * the literals below would reshape themselves when the next run of a sweep worker builds its own.
 */
export function fromScenario(s: Scenario, overrides: { seed?: number; days?: number } = {}): CrossingConfig {
  return shapedCopy(buildConfig(s, overrides));
}

function buildConfig(s: Scenario, overrides: { seed?: number; days?: number }): CrossingConfig {
  const f = s.failures;
  const horizonDays = overrides.days ?? s.horizon.days;
  const d = s.demand;
  const total = d.vehiclesPerDay * d.seasonalFactor;
  const yard = (enabled: boolean, h: Handling, handover: DurationSpec, exportSlots: number, importSlots: number, path: string, handoverPath: string): YardConfig => ({
    enabled,
    equipment: h.equipment,
    units: h.units,
    cycle: cycle(h, `${path}`),
    handover: duration(handover, handoverPath),
    exportSlots,
    importSlots,
    failures: failures(f.cranes, f.enabled, '$.failures.cranes'),
  });
  const smart = s.mode === 'smart';
  const igv = s.transport.igv;
  const truck = s.transport.truck;
  if (smart && igv === undefined) throw new ScenarioError('$.transport.igv', 'smart mode needs an IGV fleet');
  if (!smart && truck === undefined) throw new ScenarioError('$.transport.truck', 'baseline mode needs the truck channel');
  const gateFailures = failures(f.gates, f.enabled, '$.failures.gates');
  return {
    id: s.meta.id,
    mode: s.mode,
    seed: overrides.seed ?? s.seed,
    horizonMs: Math.round(horizonDays * MS_PER_DAY),
    warmupMs: Math.round(s.horizon.warmupHours * MS_PER_HOUR),
    demand: {
      perDay: { import: total * d.importShare, export: total * (1 - d.importShare) },
      profile: { export: d.export.hourlyProfile, import: d.import.hourlyProfile },
      arrivals: {
        export: d.export.arrivals.process === 'poisson' ? { process: 'poisson' } : { process: 'slots', slotMs: d.export.arrivals.slotMinutes * 60_000, perSlot: d.export.arrivals.perSlot, lateness: duration(d.export.arrivals.lateness, '$.demand.export.arrivals.lateness') },
        import: d.import.arrivals.process === 'poisson' ? { process: 'poisson' } : { process: 'slots', slotMs: d.import.arrivals.slotMinutes * 60_000, perSlot: d.import.arrivals.perSlot, lateness: duration(d.import.arrivals.lateness, '$.demand.import.arrivals.lateness') },
      },
      twoWayShare: d.twoWayShare,
      fruitShareOfExports: d.cargo.fruitShareOfExports,
      vnPickupDelay: duration(d.import.truckPickupDelay, '$.demand.import.truckPickupDelay'),
    },
    hours: { VN: calendar(s.hours.VN, s.hours.closedDays), CN: calendar(s.hours.CN, s.hours.closedDays) },
    parkingCapacity: s.parking.capacity,
    customs: {
      enabled: s.customs.enabled,
      shares: { export: s.customs.export.channels, import: s.customs.import.channels },
      preArrivalShare: { export: s.customs.export.preArrivalShare, import: s.customs.import.preArrivalShare },
      declarationLead: { export: duration(s.customs.export.declarationLead, '$.customs.export.declarationLead'), import: duration(s.customs.import.declarationLead, '$.customs.import.declarationLead') },
      documentCheck: { export: duration(s.customs.export.yellowCheck, '$.customs.export.yellowCheck'), import: duration(s.customs.import.yellowCheck, '$.customs.import.yellowCheck') },
      scanOnlyShare: { export: s.customs.export.red.scanOnlyShare, import: s.customs.import.red.scanOnlyShare },
      documentCheckLimitMs: Math.round(s.customs.legalLimits.documentCheckHours * MS_PER_HOUR),
      inspectionLimitMs: Math.round(s.customs.legalLimits.physicalInspectionHours * MS_PER_HOUR),
    },
    scanner: {
      enabled: s.scanners.enabled,
      scanAll: s.scanners.scans === 'all',
      lanes: s.scanners.lanes,
      scan: duration(s.scanners.scanTime, '$.scanners.scanTime'),
      aiPreclearShare: s.scanners.triage.aiPreclearShare,
      aiTime: duration(s.scanners.triage.aiTime, '$.scanners.triage.aiTime'),
      operators: s.scanners.triage.operators,
      review: duration(s.scanners.triage.operatorReview, '$.scanners.triage.operatorReview'),
      flagShare: s.scanners.triage.flagShare,
      failures: failures(f.scanners, f.enabled, '$.failures.scanners'),
    },
    inspection: { enabled: s.inspection.enabled, bays: s.inspection.bays, opening: duration(s.inspection.openingTime, '$.inspection.openingTime') },
    gates: {
      enabled: s.gates.enabled,
      vnTruck: gate(s.gates.vnTruck, gateFailures, '$.gates.vnTruck'),
      vnBorder: gate(s.gates.vnBorder, gateFailures, '$.gates.vnBorder'),
      cnBorder: gate(s.gates.cnBorder, gateFailures, '$.gates.cnBorder'),
      cnTruck: gate(s.gates.cnTruck, gateFailures, '$.gates.cnTruck'),
    },
    vnYard: yard(s.yard.enabled, s.yard.handling, s.yard.handover, s.yard.exportSlots, s.yard.importSlots, '$.yard.handling', '$.yard.handover'),
    china: {
      enabled: s.chinaSide.enabled,
      yard: yard(s.chinaSide.enabled, s.chinaSide.handling, s.chinaSide.handover, s.chinaSide.exportSlots, s.chinaSide.importSlots, '$.chinaSide.handling', '$.chinaSide.handover'),
      inspectionShare: s.chinaSide.inspection.share,
      fruitInspectionShare: s.chinaSide.inspection.fruitShare,
      bays: s.chinaSide.inspection.bays,
      inspection: duration(s.chinaSide.inspection.time, '$.chinaSide.inspection.time'),
      pickupDelay: duration(s.chinaSide.truckPickupDelay, '$.chinaSide.truckPickupDelay'),
    },
    igv:
      smart && igv !== undefined
        ? (() => {
            const route = findRoute(s, igv.routeId, '$.transport.igv.routeId');
            const sp = igv.speeds;
            return {
              fleet: igv.fleet,
              initialShareVn: igv.initialShareVn,
              loadedTripMs: routeTimeMs(route, { road: sp.loadedKmh, yard: sp.yardKmh, scanner: sp.scannerKmh }),
              emptyTripMs: routeTimeMs(route, { road: sp.emptyKmh, yard: sp.yardKmh, scanner: sp.scannerKmh }),
              failures: failures(f.igvs, f.enabled, '$.failures.igvs'),
              network: networkFleet(s, igv),
            };
          })()
        : null,
    truckChannel:
      !smart && truck !== undefined ? { tripMs: routeTimeMs(findRoute(s, truck.routeId, '$.transport.truck.routeId'), { road: truck.speedKmh, yard: truck.yardKmh, scanner: truck.yardKmh }) } : null,
    outages: {
      scheduled: f.enabled ? f.dataExchange.scheduled.map((w) => ({ startMs: Math.round(w.startHour * MS_PER_HOUR), durationMs: Math.round(w.durationHours * MS_PER_HOUR) })) : [],
      random: failures(f.dataExchange.random, f.enabled, '$.failures.dataExchange.random'),
    },
    control: {
      gate: s.control.gate.strategy,
      selectivity: s.control.selectivity.strategy,
      triage: s.control.triage.strategy,
      craneScheduler: s.control.craneScheduler.strategy,
      yardPlanner: s.control.yardPlanner.strategy,
      transport: s.control.transport.strategy,
      routing: s.control.routing?.strategy ?? 'shortest-time',
      traffic: s.control.traffic?.strategy ?? 'buffered',
      frontBays: { withinSeconds: s.control.traffic?.params?.frontBaySeconds ?? 75, extra: s.control.traffic?.params?.extraFrontBays ?? 1 },
      admission: { perStop: s.control.traffic?.params?.admittedPerStop ?? 1.5, minStops: s.control.traffic?.params?.admissionMinStops ?? 10 },
      dispatch: s.control.dispatch?.strategy ?? 'nearest-fcfs',
      charging: s.control.charging?.strategy ?? 'threshold',
    },
  };
}
