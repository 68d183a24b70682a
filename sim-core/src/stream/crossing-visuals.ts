/**
 * Visual emission of the crossing model (everything except IGVs, which the fleet emits): trucks,
 * containers, gate lanes, scanners, inspection bays and cranes, as visual events to a
 * {@link VisualSink}. The model calls the hooks below only when somebody watches (its `visuals` is
 * null in headless runs), and no hook schedules a kernel event or draws a random number, so a
 * watched run has the same trace and `traceHash` as a headless one.
 *
 * Where things happen comes from {@link Placement}; which unit serves a job and when from a
 * {@link UnitSchedule} per group. Events foreseen for later (a crane's next phase, a barrier
 * closing) wait in a {@link TimedBuffer}; the sink receives every event in time order, once the
 * simulation has reached its time: on each hook and on {@link CrossingVisuals.drain}, which a server
 * calls after each `env.advanceTo(t)`.
 *
 * Units: simulation ms, metres, m/s.
 */

import type { Environment } from '../kernel/environment.ts';
import type { CrossingConfig } from '../model/config.ts';
import type { Country, Point } from '../model/scenario.ts';
import { positionAt } from './motion.ts';
import type { PlacedUnit, Placement } from './placement.ts';
import { TimedBuffer } from './timed-buffer.ts';
import { UnitSchedule } from './unit-schedule.ts';
import type { EntityKind, MotionEvent, VisualEvent, VisualSink } from './visual-events.ts';

/** Trucks drive between places at this speed on the drawing (the model times the stages). */
const TRUCK_MPS = 8;
/** Longest drawn drive between two places, ms (a long drive is drawn faster). */
const MAX_DRIVE_MS = 90_000;
/** How long a barrier stays up after a vehicle passed, ms. */
const BARRIER_OPEN_MS = 4000;
/** Container footprint in a storage block (40 ft, with aisles), metres; stacks are this many tiers. */
const SLOT_X = 3.2;
const SLOT_Y = 14;
const TIERS = 4;

interface Mover {
  kind: EntityKind;
  pos: Point;
  motion: Pick<MotionEvent, 'path' | 'profile' | 'end'> | null;
  /** Side of the border the vehicle is on (trucks cross in baseline mode). */
  side: Country;
  n: number;
}

interface Block {
  slots: Point[];
  heights: number[];
}

export class CrossingVisuals implements VisualSink {
  private readonly held = new TimedBuffer();
  private readonly movers = new Map<string, Mover>();
  /** Storage stack of each stored container: block id and stack index. */
  private readonly stored = new Map<string, { block: string; stack: number }>();
  /** Carrier (truck, IGV) of each carried container. */
  private readonly carrier = new Map<string, string>();
  private readonly blocks = new Map<string, Block>();
  private readonly schedules = new Map<string, { schedule: UnitSchedule; units: PlacedUnit[] }>();
  /** Units shown as down, per group (a breakdown does not say which unit: the first working one). */
  private readonly downUnits = new Map<string, number[]>();

  constructor(
    private readonly env: Environment,
    private readonly config: CrossingConfig,
    private readonly placement: Placement,
    private readonly sink: VisualSink,
  ) {
    for (const { equipment, kind } of placement.animated()) {
      const state: Array<[string, string | number]> = kind === 'gate-lane' ? [['barrier', 'down']] : kind === 'crane' ? [['phase', 'idle']] : kind === 'charger' ? [] : [['busy', 0]];
      const spawn: VisualEvent = { type: 'spawn', id: equipment.id, kind, at: equipment.position, t: env.now, attrs: { zone: equipment.zone } };
      if (equipment.headingDeg !== undefined) spawn.headingDeg = equipment.headingDeg;
      this.out(spawn);
      for (const [key, value] of state) this.out({ type: 'state', id: equipment.id, key, value, t: env.now });
    }
  }

  /**
   * Other emitters of the model (the IGV fleet) emit through here, so their events and the ones
   * foreseen here reach the sink in one time order.
   */
  emit(e: VisualEvent): void {
    this.out(e);
  }

  /** Releases every foreseen event due by `t` (ms) to the sink. */
  drain(t: number): void {
    this.held.drain(t, this.sink);
  }

  // ---- ledger hooks: entities appear, move between places, leave ----------------------------

  entered(kind: string, id: string, location: string): void {
    const now = this.env.now;
    this.drain(now);
    const n = Number(id.slice(id.indexOf(':') + 1));
    if (kind === 'container') {
      const on = this.movers.get(location);
      const at = on !== undefined ? this.positionOf(on, now) : this.spot(location, n);
      this.out({ type: 'spawn', id, kind: 'container', at, t: now });
      if (on !== undefined) this.hold(id, location, now);
      return;
    }
    if (kind !== 'vn-truck' && kind !== 'cn-truck') return;
    const side: Country = kind === 'vn-truck' ? 'VN' : 'CN';
    // Chinese trucks appear in the Chinese parking and drive to the gate their ledger entry names.
    const start = side === 'CN' ? this.spot('cn-parking', n) : this.spot(location, n);
    this.movers.set(id, { kind: 'truck', pos: start, motion: null, side, n });
    this.out({ type: 'spawn', id, kind: 'truck', at: start, country: side, t: now });
    this.out({ type: 'state', id, key: 'stage', value: location, t: now });
    if (side === 'CN') this.driveTo(id, this.spot(location, n), now);
  }

  moved(id: string, location: string): void {
    const now = this.env.now;
    this.drain(now);
    if (id.startsWith('container:')) {
      this.moveContainer(id, location, now);
      return;
    }
    const m = this.movers.get(id);
    if (m === undefined) return;
    this.out({ type: 'state', id, key: 'stage', value: location, t: now });
    if (location === 'channel') {
      this.driveChannel(id, m, now);
      return;
    }
    this.driveTo(id, this.spot(location, m.n), now);
  }

  left(kind: string, id: string): void {
    const now = this.env.now;
    this.drain(now);
    if (kind === 'container') this.release(id);
    else this.movers.delete(id);
    this.carrier.delete(id);
    this.out({ type: 'despawn', id, t: now });
  }

  // ---- plant hooks: a job on a unit of a group ------------------------------------------------

  /** A vehicle passes gate direction `gate` (`vnTruckIn`...) with `workMs` of reads and passage. */
  gate(gate: string, vehicle: string, workMs: number): void {
    const g = this.gateConfig(gate);
    const units = this.placement.gateLanes(gate, g.entryLanes);
    const slot = this.book(gate, gate.endsWith('In') ? g.entryLanes : g.exitLanes, units, workMs);
    if (slot === null) return;
    if (this.movers.has(vehicle)) this.driveTo(vehicle, slot.unit.position, this.env.now);
    this.out({ type: 'state', id: slot.unit.id, key: 'barrier', value: 'up', t: slot.end });
    this.out({ type: 'state', id: slot.unit.id, key: 'barrier', value: 'down', t: slot.end + BARRIER_OPEN_MS });
  }

  /** A vehicle (truck or IGV) drives through a scanner portal for `workMs`. */
  scanner(vehicle: string, workMs: number): void {
    this.busy('scanner', this.config.scanner.lanes, this.placement.scanners(), vehicle, workMs);
  }

  /** A container is opened in an inspection bay of `country` for `workMs`; its carrier drives there. */
  inspection(country: Country, container: string, workMs: number): void {
    const bays = country === 'VN' ? this.config.inspection.bays : this.config.china.bays;
    this.busy(`${country}:bays`, bays, this.placement.bays(country), this.carrier.get(container) ?? container, workMs);
  }

  /** A crane move in yard `yard` (`vn-yard`, `cn-yard`) taking `workMs`: trolley, hoist down, hoist up, travel. */
  crane(yard: string, workMs: number): void {
    const country: Country = yard.startsWith('cn') ? 'CN' : 'VN';
    const units = country === 'VN' ? this.config.vnYard.units : this.config.china.yard.units;
    const slot = this.book(`${yard}:cranes`, units, this.placement.cranes(country), workMs);
    if (slot === null) return;
    const id = slot.unit.id;
    const w = slot.end - slot.start;
    // The handling cycle's share of each phase, as in a kinematic cycle: trolley out, lower, lift, carry.
    this.out({ type: 'state', id, key: 'phase', value: 'trolley', t: slot.start });
    this.out({ type: 'state', id, key: 'phase', value: 'hoist-down', t: slot.start + Math.round(w * 0.25) });
    this.out({ type: 'state', id, key: 'phase', value: 'hoist-up', t: slot.start + Math.round(w * 0.5) });
    this.out({ type: 'state', id, key: 'phase', value: 'travel', t: slot.start + Math.round(w * 0.7) });
    this.out({ type: 'state', id, key: 'phase', value: 'idle', t: slot.end });
  }

  /** A unit of a resource group (model resource name) failed or was repaired. */
  equipment(resource: string, down: boolean): void {
    const now = this.env.now;
    this.drain(now);
    const units = this.unitsOf(resource);
    if (units.length === 0) return;
    const list = this.downUnits.get(resource) ?? [];
    this.downUnits.set(resource, list);
    let unit: number | undefined;
    if (down) {
      for (let i = 0; i < units.length && unit === undefined; i++) if (!list.includes(i)) unit = i;
      if (unit !== undefined) list.push(unit);
    } else unit = list.shift();
    if (unit === undefined) return;
    this.out({ type: 'state', id: units[unit]!.id, key: 'down', value: down ? 1 : 0, t: now });
  }

  // ---- internals -------------------------------------------------------------------------------

  /** Every event goes through the buffer, so the sink sees times in order even when hooks foresee. */
  private out(e: VisualEvent): void {
    this.held.push(e);
    this.held.drain(this.env.now, this.sink);
  }

  private gateConfig(gate: string): { entryLanes: number; exitLanes: number } {
    const g = this.config.gates;
    return gate.startsWith('vnTruck') ? g.vnTruck : gate.startsWith('vnBorder') ? g.vnBorder : gate.startsWith('cnBorder') ? g.cnBorder : g.cnTruck;
  }

  private unitsOf(resource: string): PlacedUnit[] {
    if (resource === 'scanner') return this.placement.scanners();
    if (resource === 'vn-yard:cranes') return this.placement.cranes('VN');
    if (resource === 'cn-yard:cranes') return this.placement.cranes('CN');
    if (resource.startsWith('vn') || resource.startsWith('cn')) return this.placement.gateLanes(resource, this.gateConfig(resource).entryLanes);
    return [];
  }

  private book(group: string, count: number, units: PlacedUnit[], workMs: number): { unit: PlacedUnit; start: number; end: number } | null {
    const now = this.env.now;
    this.drain(now);
    if (units.length === 0) return null;
    let s = this.schedules.get(group);
    if (s === undefined) {
      s = { schedule: new UnitSchedule(count), units };
      this.schedules.set(group, s);
    }
    const slot = s.schedule.book(now, workMs);
    return { unit: units[slot.unit % units.length]!, start: slot.start, end: slot.end };
  }

  private busy(group: string, count: number, units: PlacedUnit[], vehicle: string, workMs: number): void {
    const slot = this.book(group, count, units, workMs);
    if (slot === null) return;
    if (this.movers.has(vehicle)) this.driveTo(vehicle, slot.unit.position, this.env.now);
    this.out({ type: 'state', id: slot.unit.id, key: 'busy', value: 1, t: slot.start });
    this.out({ type: 'state', id: slot.unit.id, key: 'busy', value: 0, t: slot.end });
  }

  private positionOf(m: Mover, t: number): Point {
    return m.motion !== null && t < m.motion.end ? positionAt(m.motion, t) : m.pos;
  }

  /** A straight drive from where the entity is now to `to`, at truck speed (faster when far). */
  private driveTo(id: string, to: Point, t: number): void {
    const m = this.movers.get(id);
    if (m === undefined) return;
    this.drive(id, m, [this.positionOf(m, t), to], t, Math.hypot(to[0] - m.pos[0], to[1] - m.pos[1]) / TRUCK_MPS * 1000);
  }

  private drive(id: string, m: Mover, rawPath: Point[], t: number, wantMs: number): void {
    // Centimetres and mm/s are finer than any viewer draws, and keep the JSON on the wire short.
    const path = rawPath.map((p): Point => [Math.round(p[0] * 100) / 100, Math.round(p[1] * 100) / 100]);
    let len = 0;
    for (let i = 1; i < path.length; i++) len += Math.hypot(path[i]![0] - path[i - 1]![0], path[i]![1] - path[i - 1]![1]);
    const end = path[path.length - 1]!;
    if (len < 0.5) {
      m.pos = end;
      m.motion = null;
      return;
    }
    const v = Math.round((len / (Math.max(1000, Math.min(MAX_DRIVE_MS, wantMs)) / 1000)) * 1000) / 1000;
    const motion = { path, profile: [t, 0, v, 0], end: t + Math.round((len / v) * 1000) };
    m.motion = motion;
    m.pos = end;
    this.out({ type: 'motion', id, ...motion, t });
  }

  /** Baseline trucks drive the channel along the truck route, taking the model's trip time. */
  private driveChannel(id: string, m: Mover, now: number): void {
    const route = this.placement.routePath('truck');
    const trip = this.config.truckChannel?.tripMs ?? 60_000;
    if (route === null || route.length < 2) return;
    const path = m.side === 'VN' ? route : [...route].reverse();
    m.side = m.side === 'VN' ? 'CN' : 'VN';
    const from = this.positionOf(m, now);
    this.drive(id, m, [from, ...path], now, trip);
  }

  private moveContainer(id: string, location: string, now: number): void {
    if (location.includes(':')) {
      this.release(id);
      this.hold(id, location, now);
      return;
    }
    const block = this.block(location);
    if (block === null) return;
    this.release(id);
    let stack = 0;
    for (let i = 1; i < block.heights.length; i++) if (block.heights[i]! < block.heights[stack]!) stack = i;
    const tier = Math.min(block.heights[stack]!, TIERS - 1);
    block.heights[stack]!++;
    this.stored.set(id, { block: location, stack });
    this.carrier.delete(id);
    this.out({ type: 'drop', container: id, at: block.slots[stack]!, tier, t: now });
  }

  private hold(container: string, by: string, now: number): void {
    this.carrier.set(container, by);
    this.out({ type: 'pick', container, by, t: now });
  }

  /** Frees the storage stack a container occupied. */
  private release(container: string): void {
    const s = this.stored.get(container);
    if (s === undefined) return;
    const block = this.blocks.get(s.block);
    if (block !== undefined && block.heights[s.stack]! > 0) block.heights[s.stack]!--;
    this.stored.delete(container);
  }

  private block(zoneId: string): Block | null {
    const hit = this.blocks.get(zoneId);
    if (hit !== undefined) return hit;
    const zone = this.placement.zone(zoneId);
    if (zone === undefined) return null;
    const xs = zone.polygon.map((p) => p[0]);
    const ys = zone.polygon.map((p) => p[1]);
    const x0 = Math.min(...xs);
    const y0 = Math.min(...ys);
    const cols = Math.max(1, Math.floor((Math.max(...xs) - x0) / SLOT_X));
    const rows = Math.max(1, Math.floor((Math.max(...ys) - y0) / SLOT_Y));
    const slots: Point[] = [];
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) slots.push([x0 + (c + 0.5) * SLOT_X, y0 + (r + 0.5) * SLOT_Y]);
    const block: Block = { slots, heights: new Array<number>(slots.length).fill(0) };
    this.blocks.set(zoneId, block);
    return block;
  }

  /** A place for vehicle `n` at a location: the location's point, spread on a small grid so vehicles do not overlap. */
  private spot(location: string, n: number): Point {
    const p = this.placement.location(location) ?? [0, 0];
    const k = n % 24;
    return [p[0] + ((k % 6) - 2.5) * 9, p[1] + (Math.floor(k / 6) - 1.5) * 18];
  }
}
