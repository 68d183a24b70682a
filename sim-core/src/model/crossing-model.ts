import { Environment } from '../kernel/environment.ts';
import type { Event } from '../kernel/event.ts';
import type { ProcessBody } from '../kernel/sim-process.ts';
import { RandomStreams } from '../random/random-streams.ts';
import type { Rng } from '../random/rng.ts';
import { Resource } from '../resources/resource.ts';
import type { BreakdownLog } from './breakdowns.ts';
import { MS_PER_HOUR } from './calendar.ts';
import type { CrossingConfig, GateConfig } from './config.ts';
import { createControllers, type Controllers } from './control/registry.ts';
import type { Country, Direction } from './control/types.ts';
import { poissonTimes, slotTimes } from './arrival-times.ts';
import { DataExchange } from './data-exchange.ts';
import { HourlyArrivals } from './hourly-arrivals.ts';
import { PoolTransport, type TransportJob, type TransportService } from './igv-pool.ts';
import { NetworkTransport } from '../fleet/network-transport.ts';
import type { DispatchPort } from '../fleet/dispatch/dispatch-types.ts';
import { KpiCollector, type StorageBlock } from './kpi-collector.ts';
import { Ledger } from './ledger.ts';
import { failingResource, Gate, openDelay, Yard, type Box } from './plant.ts';
import { TRACE } from './trace-codes.ts';
import { VnCustoms } from './vn-customs.ts';
import { ContainerJob, ModelObserver } from './transport-links.ts';
import { runTasks, type Task } from '../fleet/task-stack.ts';
import type { VisualSink } from '../stream/visual-events.ts';
import { CrossingVisuals } from '../stream/crossing-visuals.ts';
import { Placement } from '../stream/placement.ts';
import { VisualLedger } from '../stream/visual-ledger.ts';
import type { Lockstep } from '../stream/lockstep.ts';
import type { YardDecision } from './control/yard-planner.ts';
import { f64, objectArray } from '../kernel/shapes.ts';

/** Optional listener ports of a model run. */
export interface CrossingModelOptions {
  /** Receives visual events (motion, state, spawn...) for viewers; none when absent. */
  visual?: VisualSink;
  /** Where the model's units stand on the layout, for visual events (an empty layout when absent). */
  placement?: Placement;
  /** Replaces the built-in IGV dispatch strategy of the `network` transport (an external controller in lockstep). */
  dispatchPort?: DispatchPort;
}

/** The eight gate directions of the crossing. */
export type GateName = 'vnTruckIn' | 'vnTruckOut' | 'vnBorderIn' | 'vnBorderOut' | 'cnBorderIn' | 'cnBorderOut' | 'cnTruckIn' | 'cnTruckOut';

/**
 * The crossing: plant (gates, scanners, bays, yards, storage, IGVs, parking) and the flows of
 * trucks and containers through it, in both directions, in smart or baseline mode. Controllers
 * decide (gate, selectivity, triage, crane order, yard planning, transport); the plant obeys.
 * Every truck and container is tracked in the ledger from arrival to departure.
 */
export class CrossingModel {
  readonly env = new Environment();
  readonly streams: RandomStreams;
  readonly ledger: Ledger;
  readonly kpi: KpiCollector;
  readonly controllers: Controllers;
  readonly parking: Resource;
  /** Gates by name: vnTruckIn/Out (VN transfer yard), vnBorderIn/Out, cnBorderIn/Out, cnTruckIn/Out. */
  readonly gates: Record<GateName, Gate>;
  readonly vnYard: Yard;
  readonly cnYard: Yard;
  readonly cnBays: Resource;
  readonly transport: TransportService | null;
  readonly customs: VnCustoms;
  /** Units down right now, by resource name (for alerts and the viewer). */
  readonly down = new Map<string, number>();
  readonly dataExchange: DataExchange;
  private trucks = 0;
  private boxes = 0;
  /** Two-way export trucks waiting to take an import container back. */
  private readonly twoWayWaiting: Array<Event<Box>> = objectArray();
  private readonly rng: Rng;
  /** Where visual events go; null when nobody watches (headless runs emit nothing). */
  readonly visual: VisualSink | null;
  /** The visual emitter fed by the plant and the ledger; null when nobody watches. */
  readonly visuals: CrossingVisuals | null;
  /** Decisions taken over by an external controller in lockstep (set by a live server); null headless. */
  lockstep: Lockstep | null = null;

  constructor(readonly config: CrossingConfig, options: CrossingModelOptions = {}) {
    const env = this.env;
    this.visual = options.visual ?? null;
    this.visuals = this.visual === null ? null : new CrossingVisuals(env, config, options.placement ?? new Placement({ zones: [], equipment: [], routes: [] }, []), this.visual);
    this.ledger = this.visuals === null ? new Ledger() : new VisualLedger(this.visuals);
    this.streams = new RandomStreams(config.seed);
    this.rng = this.streams.stream('model');
    this.controllers = createControllers(config.control, config, this.streams);
    const log: BreakdownLog = {
      onChange: (r, isDown, t) => {
        this.down.set(r.name, (this.down.get(r.name) ?? 0) + (isDown ? 1 : -1));
        env.record(TRACE.EQUIPMENT, isDown ? 1 : 0, t);
        this.visuals?.equipment(r.name, isDown);
      },
    };
    const smart = config.mode === 'smart';
    const streams = this.streams;
    this.parking = new Resource(env, Math.max(1, config.parkingCapacity), { name: 'parking' });
    const g = config.gates;
    const gate = (name: GateName, spec: GateConfig, way: 'entry' | 'exit'): Gate => new Gate(env, name, spec, way, g.enabled, name.startsWith('vn') ? config.hours.VN : config.hours.CN, this.controllers.gate, streams, log);
    this.gates = {
      vnTruckIn: gate('vnTruckIn', g.vnTruck, 'entry'),
      vnTruckOut: gate('vnTruckOut', g.vnTruck, 'exit'),
      vnBorderIn: gate('vnBorderIn', g.vnBorder, 'entry'),
      vnBorderOut: gate('vnBorderOut', g.vnBorder, 'exit'),
      cnBorderIn: gate('cnBorderIn', g.cnBorder, 'entry'),
      cnBorderOut: gate('cnBorderOut', g.cnBorder, 'exit'),
      cnTruckIn: gate('cnTruckIn', g.cnTruck, 'entry'),
      cnTruckOut: gate('cnTruckOut', g.cnTruck, 'exit'),
    };
    this.dataExchange = new DataExchange(env, config.outages, streams.stream('data-exchange'));
    const sc = config.scanner;
    const scanner = failingResource(env, 'scanner', sc.lanes, sc.enabled ? sc.failures : null, streams, log);
    const operators = new Resource(env, Math.max(1, sc.operators), { name: 'image-analysts' });
    const bays = new Resource(env, Math.max(1, config.inspection.bays), { name: 'inspection-bays', discipline: 'priority' });
    this.customs = new VnCustoms(env, config.customs, sc, config.inspection, scanner, operators, bays, this.controllers.selectivity, this.controllers.triage, streams, this.dataExchange);
    this.vnYard = new Yard(env, 'vn-yard', config.vnYard, streams, log, config.vnYard.exportSlots, config.vnYard.importSlots);
    this.cnYard = new Yard(env, 'cn-yard', config.china.yard, streams, log, config.china.yard.exportSlots, config.china.yard.importSlots);
    this.cnBays = new Resource(env, Math.max(1, config.china.bays), { name: 'cn-inspection-bays' });
    const observer = new ModelObserver(this);
    const port = options.dispatchPort;
    this.transport = !smart || config.igv === null ? null : config.control.transport === 'network' ? new NetworkTransport(env, config, streams, observer, port === undefined ? { visual: this.visuals } : { visual: this.visuals, dispatchPort: port }) : new PoolTransport(env, config.igv, streams.stream('igvs'), observer);

    const stations = new Map<string, Resource>([['parking', this.parking]]);
    for (const [name, gt] of Object.entries(this.gates)) stations.set(name, gt.lanes);
    if (sc.enabled) {
      stations.set('scanners', scanner);
      stations.set('imageAnalysts', operators);
    }
    if (config.inspection.enabled) stations.set('inspectionBays', bays);
    if (config.vnYard.enabled) stations.set('vnCranes', this.vnYard.cranes);
    if (config.china.enabled) {
      stations.set('cnCranes', this.cnYard.cranes);
      stations.set('cnInspectionBays', this.cnBays);
    }
    if (this.transport !== null) stations.set('igvs', this.transport.busy);
    const stores = new Map<string, StorageBlock>([
      ['vnExportStorage', this.vnYard.outbound],
      ['vnImportStorage', this.vnYard.inbound],
      ['cnImportStorage', this.cnYard.inbound],
      ['cnExportStorage', this.cnYard.outbound],
    ]);
    this.kpi = new KpiCollector(env, stations, stores, config.warmupMs);
    if (this.visuals !== null) {
      for (const gt of Object.values(this.gates)) gt.visuals = this.visuals;
      this.vnYard.visuals = this.cnYard.visuals = this.customs.visuals = this.visuals;
    }

    for (const direction of ['export', 'import'] as const) env.process(this.arrivals(direction), `${direction}-arrivals`);
    env.process(this.dataExchange.run(), 'data-exchange');
    env.process(this.hourly(), 'hourly');
    if (config.warmupMs > 0) env.call(config.warmupMs, () => this.kpi.endWarmup());
  }

  // ---- sources ----------------------------------------------------------------------------------

  private *arrivals(direction: Direction): ProcessBody<void> {
    const d = this.config.demand;
    const rng = this.streams.stream(`${direction}-arrivals`);
    const spec = d.arrivals[direction];
    const times = spec.process === 'poisson' ? poissonTimes(new HourlyArrivals(d.perDay[direction], d.profile[direction]), rng) : slotTimes(d.perDay[direction], d.profile[direction], spec.slotMs, spec.perSlot, spec.lateness, rng);
    for (const t of times) {
      if (t >= this.config.horizonMs) return;
      if (t > this.env.now) yield t - this.env.now;
      const smart = this.config.mode === 'smart';
      const body = direction === 'export' ? (smart ? this.exportTruck() : this.baselineExport()) : smart ? this.cnImportTruck() : this.baselineImport();
      // A truck's process runs its steps (clearance, hand-over, leaving) as sub-tasks, not nested
      // with yield*: for performance reasons, as each resume would resume every generator of the
      // chain (see fleet/task-stack.ts). What reaches the kernel is the same, so is the trace.
      runTasks(this.env, body, direction);
    }
  }

  private newTruck(kind: 'vn-truck' | 'cn-truck', location: string): string {
    const id = `${kind}:${++this.trucks}`;
    this.ledger.enter(kind, id, location);
    this.env.record(TRACE.TRUCK_ARRIVED, this.trucks, kind === 'vn-truck' ? 0 : 1);
    return id;
  }

  private newBox(direction: Direction, location: string): Box {
    const n = ++this.boxes;
    const fruit = direction === 'export' && this.rng.next() < this.config.demand.fruitShareOfExports;
    const box: Box = { id: `container:${n}`, n, direction, channel: 'green', arrivedAt: this.env.now, clearedAt: f64(-1), checkDoneAt: f64(-1), direct: false, fruit };
    this.ledger.enter('container', box.id, location);
    return box;
  }

  private truckLeaves(kind: 'vn-truck' | 'cn-truck', id: string, arrivedAt: number): void {
    this.ledger.leave(kind, id);
    this.env.record(TRACE.TRUCK_LEFT, Number(id.slice(id.indexOf(':') + 1)));
    if (kind === 'vn-truck') this.kpi.truckTurn(this.env.now - arrivedAt);
  }

  private boxLeaves(box: Box): void {
    this.ledger.leave('container', box.id);
    this.env.record(TRACE.CONTAINER_LEFT, box.n);
  }

  /** @internal A container reached the other side (`ModelObserver`). */
  crossed(box: Box): void {
    this.kpi.crossing(box.direction);
    this.env.record(TRACE.CROSSED, box.n, box.direction === 'export' ? 0 : 1);
  }

  // ---- smart mode: export (VN → CN) -------------------------------------------------------------

  /** A Vietnamese truck brings an export container, hands it to the yard, and leaves (maybe loaded). */
  private *exportTruck(): Task<void> {
    const t0 = this.env.now;
    const truck = this.newTruck('vn-truck', 'vn-parking');
    const box = this.newBox('export', truck);
    yield this.exportClearance(truck, box, t0);
    this.ledger.move(truck, 'vn-yard');
    yield this.handOverExport(box);
    if (this.rng.next() < this.config.demand.twoWayShare) {
      // The two-way pilot: wait for the next cleared import container and take it home.
      const ev = this.env.event<Box>();
      this.twoWayWaiting.push(ev);
      const back: Box = yield ev;
      yield this.vnYard.move(this.priority('import', 'load-truck'), false);
      this.ledger.move(back.id, truck);
      yield this.leaveVietnam(truck, t0, back);
      return;
    }
    yield this.leaveVietnam(truck, t0, null);
  }

  /**
   * An export truck from the regulating parking through Vietnamese clearance: the declaration
   * (and its document check, maybe done before arrival), opening hours, the truck gate, the
   * scanner when it applies, triage and inspection.
   */
  private *exportClearance(truck: string, box: Box, t0: number): Task<void> {
    const spot = this.parking.request();
    yield spot;
    const checked = this.customs.declare(box, 'export');
    if (checked > this.env.now) yield checked - this.env.now;
    if (!this.config.hours.VN.isOpen(this.env.now)) yield openDelay(this.env, this.config.hours.VN);
    this.ledger.move(truck, 'vn-truck-gate');
    yield this.gates.vnTruckIn.pass(truck);
    this.parking.release(spot);
    this.env.record(TRACE.GATE_PASSED, box.n);
    const scanned = this.customs.scans(box);
    if (scanned) {
      this.ledger.move(truck, 'vn-scanner');
      yield this.customs.scan(truck);
    }
    this.ledger.move(truck, 'vn-customs');
    yield this.customs.clear(box, this.env.now, scanned);
    box.clearedAt = this.env.now;
    this.kpi.clearance('export', this.env.now - t0);
  }

  /** Crane lifts the export container off the truck, set down for an IGV or into storage. */
  private *handOverExport(box: Box): Task<void> {
    const yard = this.vnYard;
    const state = { carrierWaiting: this.transport!.idleAt('VN') > 0, freeSlots: yard.outbound.capacity - yard.outbound.items.length };
    let decision = this.controllers.yard.plan(state);
    if (this.lockstep?.controls('yard-plan') === true) decision = yield this.askYardPlan(state, decision);
    box.direct = decision === 'direct';
    yield yard.move(this.priority('export', 'unload-truck'), false);
    this.ledger.move(box.id, 'vn-export-storage');
    yield yard.outbound.put(box);
    this.transport!.submit(this.job(box, 'VN'));
  }

  /** The yard plan from an external controller, as an event the process waits on (lockstep). */
  private askYardPlan(state: { carrierWaiting: boolean; freeSlots: number }, builtIn: YardDecision): Event<YardDecision> {
    const ev = this.env.event<YardDecision>();
    this.lockstep!.ask('yard-plan', { yard: 'vn-yard', ...state }, () => ({ plan: builtIn }), (d: { plan: YardDecision }) => ev.succeed(d.plan));
    return ev;
  }

  private job(box: Box, from: 'VN' | 'CN'): TransportJob {
    return new ContainerJob(this, box, from);
  }

  /** @internal A crane lifts `box` from its origin yard onto IGV `igv` (see ContainerJob). */
  *loadOntoIgv(box: Box, from: 'VN' | 'CN', igv: number): ProcessBody<void> {
    const origin = from === 'VN' ? this.vnYard : this.cnYard;
    yield origin.outbound.get((b) => b === box);
    if (box.direct) {
      const dwell = origin.handover();
      if (dwell > 0) yield dwell;
    } else yield origin.move(this.priority(box.direction, 'load-igv'), true);
    this.ledger.move(box.id, `igv:${igv}`);
  }

  /** One border gate on an IGV's way: the exit gate of `from`, or the entry gate of the other side (an event to yield). */
  /** @internal */
  borderGate(from: Country, which: 'exit' | 'entry'): Event<number> {
    if (from === 'VN') return (which === 'exit' ? this.gates.vnBorderOut : this.gates.cnBorderIn).pass();
    return (which === 'exit' ? this.gates.cnBorderOut : this.gates.vnBorderIn).pass();
  }

  /** The border gates on an IGV's way: out of the side it leaves, into the other. */
  /** @internal */
  *borderGates(from: Country): ProcessBody<void> {
    if (from === 'VN') {
      yield this.gates.vnBorderOut.pass();
      yield this.gates.cnBorderIn.pass();
    } else {
      yield this.gates.cnBorderOut.pass();
      yield this.gates.vnBorderIn.pass();
    }
  }

  /** @internal An IGV arrives at the other side: imports drive through the scanner, then a crane unloads. */
  *unloadIgv(box: Box, igv: number): ProcessBody<void> {
    let scanned = false;
    if (box.direction === 'import') {
      // The channel is assigned when the container reaches Vietnam; red and (when scanning all)
      // every container passes the portal on the IGV before the yard.
      box.arrivedAt = this.env.now;
      box.checkDoneAt = this.customs.declare(box, 'import');
      scanned = this.customs.scans(box);
      if (scanned) yield this.customs.scan(`igv:${igv}`);
    }
    const yard = box.direction === 'export' ? this.cnYard : this.vnYard;
    yield yard.move(this.priority(box.direction, 'unload-igv'), true);
    this.ledger.move(box.id, box.direction === 'export' ? 'cn-import-storage' : 'vn-import-storage');
    yield yard.inbound.put(box);
    void igv;
    runTasks(this.env, box.direction === 'export' ? this.cnDelivery(box) : this.vnImportClearance(box, scanned), 'after-crossing');
  }

  /** On the Chinese side: inspection (quarantine for fruit), a Chinese truck collects, the exit gate. */
  private *cnDelivery(box: Box): Task<void> {
    const china = this.config.china;
    if (!china.enabled) {
      yield this.cnYard.inbound.get((b) => b === box);
      this.boxLeaves(box);
      return;
    }
    if (this.rng.next() < (box.fruit ? china.fruitInspectionShare : china.inspectionShare)) {
      const work = china.inspection.sampleMs(this.rng);
      this.visuals?.inspection('CN', box.id, work);
      yield this.cnBays.use(work);
    }
    yield china.pickupDelay.sampleMs(this.rng);
    if (!this.config.hours.CN.isOpen(this.env.now)) yield openDelay(this.env, this.config.hours.CN);
    const truck = this.newTruck('cn-truck', 'cn-truck-gate');
    yield this.gates.cnTruckIn.pass(truck);
    this.ledger.move(truck, 'cn-yard');
    yield this.cnYard.inbound.get((b) => b === box);
    yield this.cnYard.move(this.priority('export', 'load-truck'), false);
    this.ledger.move(box.id, truck);
    this.ledger.move(truck, 'cn-truck-gate');
    yield this.gates.cnTruckOut.pass(truck);
    this.boxLeaves(box);
    this.truckLeaves('cn-truck', truck, 0);
  }

  // ---- smart mode: import (CN → VN) -------------------------------------------------------------

  /** A Chinese truck brings an import container to the Chinese yard and leaves empty. */
  private *cnImportTruck(): Task<void> {
    const truck = this.newTruck('cn-truck', 'cn-truck-gate');
    const box = this.newBox('import', truck);
    if (!this.config.hours.CN.isOpen(this.env.now)) yield openDelay(this.env, this.config.hours.CN);
    yield this.gates.cnTruckIn.pass(truck);
    this.ledger.move(truck, 'cn-yard');
    yield this.cnYard.move(this.priority('import', 'unload-truck'), false);
    this.ledger.move(box.id, 'cn-export-storage');
    yield this.cnYard.outbound.put(box);
    this.transport!.submit(this.job(box, 'CN'));
    this.ledger.move(truck, 'cn-truck-gate');
    yield this.gates.cnTruckOut.pass(truck);
    this.truckLeaves('cn-truck', truck, 0);
  }

  /** Vietnamese customs clears the import container in the yard; then a truck takes it away. */
  private *vnImportClearance(box: Box, scanned: boolean): Task<void> {
    yield this.customs.clear(box, box.checkDoneAt, scanned);
    box.clearedAt = this.env.now;
    this.kpi.clearance('import', this.env.now - box.arrivedAt);
    const twoWay = this.twoWayWaiting.shift();
    if (twoWay !== undefined) {
      yield this.vnYard.inbound.get((b) => b === box);
      twoWay.succeed(box);
      return;
    }
    yield this.config.demand.vnPickupDelay.sampleMs(this.rng);
    yield this.collectImport(box);
  }

  /** A Vietnamese truck comes to collect a cleared import container. */
  private *collectImport(box: Box): Task<void> {
    const t0 = this.env.now;
    const truck = this.newTruck('vn-truck', 'vn-truck-gate');
    if (!this.config.hours.VN.isOpen(this.env.now)) yield openDelay(this.env, this.config.hours.VN);
    yield this.gates.vnTruckIn.pass(truck);
    this.ledger.move(truck, 'vn-yard');
    yield this.vnYard.inbound.get((b) => b === box);
    yield this.vnYard.move(this.priority('import', 'load-truck'), false);
    this.ledger.move(box.id, truck);
    yield this.leaveVietnam(truck, t0, box);
  }

  /** Through the Vietnamese truck exit gate; a container on board leaves the system with the truck. */
  private *leaveVietnam(truck: string, arrivedAt: number, box: Box | null): Task<void> {
    if (!this.config.hours.VN.isOpen(this.env.now)) yield openDelay(this.env, this.config.hours.VN);
    this.ledger.move(truck, 'vn-truck-gate');
    yield this.gates.vnTruckOut.pass(truck);
    if (box !== null) this.boxLeaves(box);
    this.truckLeaves('vn-truck', truck, arrivedAt);
  }

  // ---- baseline mode: trucks drive the channel themselves ----------------------------------------

  /** Today's export: gate and customs in Vietnam, drive across, a reach stacker unloads, drive back. */
  private *baselineExport(): Task<void> {
    const t0 = this.env.now;
    const truck = this.newTruck('vn-truck', 'vn-parking');
    const box = this.newBox('export', truck);
    yield this.exportClearance(truck, box, t0);
    yield this.driveAcross(truck, 'VN');
    yield this.cnYard.move(this.priority('export', 'unload-truck'), false);
    this.crossed(box);
    this.boxLeaves(box); // handed over to the Chinese side
    yield this.driveAcross(truck, 'CN');
    yield this.leaveVietnam(truck, t0, null);
  }

  /** Today's import: an empty Vietnamese truck drives across, is loaded, and clears customs on return. */
  private *baselineImport(): Task<void> {
    const t0 = this.env.now;
    const truck = this.newTruck('vn-truck', 'vn-parking');
    const spot = this.parking.request();
    yield spot;
    if (!this.config.hours.VN.isOpen(this.env.now)) yield openDelay(this.env, this.config.hours.VN);
    this.ledger.move(truck, 'vn-truck-gate');
    yield this.gates.vnTruckIn.pass(truck);
    this.parking.release(spot);
    yield this.driveAcross(truck, 'VN');
    yield this.cnYard.move(this.priority('import', 'load-truck'), false);
    const box = this.newBox('import', truck);
    yield this.driveAcross(truck, 'CN');
    this.crossed(box);
    const checked = this.customs.declare(box, 'import');
    this.ledger.move(truck, 'vn-customs');
    const scanned = this.customs.scans(box);
    if (scanned) yield this.customs.scan(truck);
    yield this.customs.clear(box, checked, scanned);
    box.clearedAt = this.env.now;
    this.kpi.clearance('import', this.env.now - box.arrivedAt);
    yield this.leaveVietnam(truck, t0, box);
  }

  /** A truck drives the channel from `from` to the other side: border gates and the drive itself. */
  private *driveAcross(truck: string, from: Country): Task<void> {
    const to: Country = from === 'VN' ? 'CN' : 'VN';
    if (!this.config.hours[from].isOpen(this.env.now)) yield openDelay(this.env, this.config.hours[from]);
    yield (from === 'VN' ? this.gates.vnBorderOut : this.gates.cnBorderOut).pass(truck);
    this.ledger.move(truck, 'channel');
    yield this.config.truckChannel!.tripMs;
    if (!this.config.hours[to].isOpen(this.env.now)) yield openDelay(this.env, this.config.hours[to]);
    yield (to === 'CN' ? this.gates.cnBorderIn : this.gates.vnBorderIn).pass(truck);
    this.ledger.move(truck, to === 'CN' ? 'cn-yard' : 'vn-customs');
  }

  // ---- around the flows ------------------------------------------------------------------------

  private priority(direction: Direction, kind: 'unload-truck' | 'load-igv' | 'unload-igv' | 'load-truck'): number {
    return this.controllers.crane.priorityOf({ direction, kind });
  }

  /** Is the data exchange with China up now? */
  get dataExchangeUp(): boolean {
    return this.dataExchange.up;
  }

  private *hourly(): ProcessBody<void> {
    for (;;) {
      yield MS_PER_HOUR;
      const storage = this.vnYard.outbound.items.length + this.vnYard.inbound.items.length + this.cnYard.outbound.items.length + this.cnYard.inbound.items.length;
      this.kpi.hourTick(this.parking.count + this.parking.queued, storage);
      if (this.env.now >= this.config.horizonMs) return;
    }
  }
}
