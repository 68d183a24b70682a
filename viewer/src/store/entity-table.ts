/**
 * The viewer's entity table: every truck, IGV, container and piece of equipment, kept in one dense
 * array per kind so that an entity's index is its instance slot in the instanced mesh of its kind
 * (despawning swaps the last entity into the hole). Visual events are queued as they arrive and
 * applied when the display time reaches their time stamp, so a spawn, a pick or a barrier going up
 * shows at the moment it happens in simulated time, whatever the network batching.
 *
 * Framework-free and mutable on purpose: the frame loop reads and updates it directly, 60 times a
 * second, without React or a store notifying anyone (STYLE.md §7).
 */

import type { Country } from '../../../sim-core/src/model/scenario.ts';
import type { LayoutPayload } from '../../../sim-core/src/stream/protocol.ts';
import type { EntityKind, Snapshot, VisualEvent } from '../../../sim-core/src/stream/visual-events.ts';
import { poseAt, prepareMotion, type PreparedMotion } from './motion-pose.ts';

export const ENTITY_KINDS: readonly EntityKind[] = ['truck', 'igv', 'container', 'crane', 'gate-lane', 'scanner', 'inspection-bay', 'charger'];

export interface ViewEntity {
  readonly id: string;
  readonly kind: EntityKind;
  /** Index in the dense array of its kind = its instance slot. */
  slot: number;
  /** Position (m, x east, y north) and heading (radians clockwise from north). */
  x: number;
  y: number;
  heading: number;
  motion: PreparedMotion | null;
  state: Record<string, string | number>;
  attrs: Record<string, string | number>;
  country: Country | null;
  /** For a container: the entity carrying it (truck, IGV, crane), or null when set down. */
  carrier: ViewEntity | null;
  /** For a carrier: the container it holds. */
  load: ViewEntity | null;
  /** Stack tier for a container in storage (0 = ground). */
  tier: number;
  /** Simulation time it appeared, ms. */
  since: number;
  /** Time of its latest state change, ms (cranes animate their cycle phase from it). */
  stateSince: number;
  /** Set when something the colour depends on changed; the renderer clears it. */
  colorDirty: boolean;
  /**
   * Set when an entity's place changed (spawned, moved, set down, picked up, moved to another
   * slot); the renderer rewrites only these, so parked vehicles and thousands of stacked
   * containers cost nothing per frame.
   */
  poseDirty: boolean;
}

/** What kinds of layout equipment become entities, and as what. */
const EQUIPMENT_ENTITY: Partial<Record<string, EntityKind>> = {
  crane: 'crane', 'gate-lane': 'gate-lane', 'e-barrier': 'gate-lane', scanner: 'scanner', 'inspection-bay': 'inspection-bay', charger: 'charger', 'battery-swap': 'charger',
};

const MAX_WARNINGS = 20;

export class EntityTable {
  readonly byId = new Map<string, ViewEntity>();
  readonly lists: Record<EntityKind, ViewEntity[]> = { truck: [], igv: [], container: [], crane: [], 'gate-lane': [], scanner: [], 'inspection-bay': [], charger: [] };
  /** Entities with a motion that has not ended yet (the frame loop only walks these). */
  readonly moving = new Set<ViewEntity>();
  /** Events received but not yet due. */
  private pending: VisualEvent[] = [];
  private head = 0;
  /** Time of the latest event applied or received, ms. */
  latestEventT = 0;
  /** Increases on every spawn or despawn (renderers update instance counts when it changes). */
  structure = 0;
  /** Problems with received events, newest last (capped). */
  readonly warnings: string[] = [];
  /** Scratch pose written by the frame loop. */
  private readonly pose = { x: 0, y: 0, heading: 0 };

  /** Removes everything (restart, new hello). */
  clear(): void {
    this.byId.clear();
    for (const k of ENTITY_KINDS) this.lists[k].length = 0;
    this.moving.clear();
    this.pending = [];
    this.head = 0;
    this.latestEventT = 0;
    this.warnings.length = 0;
    this.structure++;
  }

  /** Creates the fixed equipment of a layout (cranes, gate lanes, scanners, bays, chargers) at time 0. */
  seedEquipment(layout: Pick<LayoutPayload, 'equipment' | 'zones'>): void {
    for (const e of layout.equipment) {
      const kind = EQUIPMENT_ENTITY[e.kind];
      if (kind === undefined || this.byId.has(e.id)) continue;
      const zone = layout.zones.find((z) => z.id === e.zone);
      this.add(e.id, kind, e.position[0], e.position[1], ((e.headingDeg ?? 0) * Math.PI) / 180, zone?.country ?? null, { equipment: e.kind, zone: e.zone }, 0);
    }
  }

  /** Replaces moving entities by those of a snapshot (equipment seeded from the layout stays). */
  loadSnapshot(snapshot: Snapshot): void {
    for (const kind of ['truck', 'igv', 'container'] as const) {
      for (const e of [...this.lists[kind]]) this.remove(e);
    }
    const carried: Array<[ViewEntity, string]> = [];
    for (const s of snapshot.entities) {
      let e = this.byId.get(s.id);
      if (e === undefined) e = this.add(s.id, s.kind, s.at[0], s.at[1], ((s.headingDeg ?? 0) * Math.PI) / 180, s.country ?? null, { ...(s.attrs ?? {}) }, snapshot.t);
      e.x = s.at[0];
      e.y = s.at[1];
      e.poseDirty = true;
      Object.assign(e.state, s.state);
      e.colorDirty = true;
      if (s.motion !== undefined) this.startMotion(e, s.motion);
      if (s.carrying !== undefined) carried.push([e, s.carrying]);
      if (typeof s.state.tier === 'number') e.tier = s.state.tier;
    }
    for (const [carrier, id] of carried) {
      const c = this.byId.get(id);
      if (c !== undefined) this.attach(c, carrier);
    }
    this.latestEventT = Math.max(this.latestEventT, snapshot.t);
  }

  /** Queues events (in the order the model emitted them). */
  ingest(events: readonly VisualEvent[]): void {
    for (const ev of events) this.pending.push(ev);
    const last = events[events.length - 1];
    if (last !== undefined && last.t > this.latestEventT) this.latestEventT = last.t;
  }

  /** Events queued and not yet applied. */
  get backlog(): number {
    return this.pending.length - this.head;
  }

  /**
   * Applies every queued event due at or before `t` (ms), then moves the moving entities to their
   * pose at `t` (carried containers follow their carrier when drawn).
   */
  advance(t: number): void {
    const q = this.pending;
    while (this.head < q.length && q[this.head]!.t <= t) this.apply(q[this.head++]!);
    if (this.head > 4096 && this.head * 2 > q.length) {
      // Compact now and then instead of shifting per event.
      this.pending = q.slice(this.head);
      this.head = 0;
    }
    // forEach with a method bound once: a for-of over the Set allocated an iterator result per
    // entity per frame (a Set may lose its current entry inside forEach).
    this.stepT = t;
    this.moving.forEach(this.step);
  }

  private stepT = 0;
  private readonly step = (e: ViewEntity): void => {
    const pose = this.pose;
    pose.x = e.x;
    pose.y = e.y;
    pose.heading = e.heading;
    const driving = poseAt(e.motion!, this.stepT, pose);
    e.x = pose.x;
    e.y = pose.y;
    e.heading = pose.heading;
    e.poseDirty = true;
    if (!driving) this.moving.delete(e);
  };

  /** Applies one event now. Events about unknown entities are reported, not thrown. */
  apply(ev: VisualEvent): void {
    switch (ev.type) {
      case 'spawn': {
        if (!Object.hasOwn(this.lists, ev.kind)) return this.warn(`spawn of "${ev.id}" at t=${ev.t} ms: unknown kind "${String(ev.kind)}"`);
        const existing = this.byId.get(ev.id);
        if (existing !== undefined) this.remove(existing);
        this.add(ev.id, ev.kind, ev.at[0], ev.at[1], ((ev.headingDeg ?? 0) * Math.PI) / 180, ev.country ?? null, { ...(ev.attrs ?? {}) }, ev.t);
        return;
      }
      case 'despawn': {
        const e = this.byId.get(ev.id);
        if (e === undefined) return this.warn(`despawn of unknown entity "${ev.id}" at t=${ev.t} ms`);
        this.remove(e);
        return;
      }
      case 'motion': {
        const e = this.byId.get(ev.id);
        if (e === undefined) return this.warn(`motion of unknown entity "${ev.id}" at t=${ev.t} ms`);
        try {
          this.startMotion(e, ev);
        } catch (err) {
          this.warn((err as Error).message);
        }
        return;
      }
      case 'state': {
        const e = this.byId.get(ev.id);
        if (e === undefined) return this.warn(`state ${ev.key} of unknown entity "${ev.id}" at t=${ev.t} ms`);
        e.state[ev.key] = ev.value;
        e.stateSince = ev.t;
        e.colorDirty = true;
        return;
      }
      case 'pick': {
        const c = this.byId.get(ev.container);
        const by = this.byId.get(ev.by);
        if (c === undefined || by === undefined) return this.warn(`pick of "${ev.container}" by "${ev.by}" at t=${ev.t} ms: unknown ${c === undefined ? 'container' : 'carrier'}`);
        this.attach(c, by);
        return;
      }
      case 'drop': {
        const c = this.byId.get(ev.container);
        if (c === undefined) return this.warn(`drop of unknown container "${ev.container}" at t=${ev.t} ms`);
        const from = c.carrier;
        this.detach(c);
        if (ev.on !== undefined) {
          const on = this.byId.get(ev.on);
          if (on === undefined) return this.warn(`drop of "${ev.container}" on unknown carrier "${ev.on}" at t=${ev.t} ms`);
          this.attach(c, on);
        } else if (ev.at !== undefined) {
          c.x = ev.at[0];
          c.y = ev.at[1];
          c.tier = ev.tier ?? 0;
        } else if (from !== null) {
          c.x = from.x;
          c.y = from.y;
          c.heading = from.heading;
          c.tier = 0;
        }
        c.colorDirty = true;
        c.poseDirty = true;
        return;
      }
    }
  }

  private startMotion(e: ViewEntity, ev: Parameters<typeof prepareMotion>[0]): void {
    e.motion = prepareMotion(ev, e.motion);
    this.moving.add(e);
  }

  private attach(c: ViewEntity, carrier: ViewEntity): void {
    this.detach(c);
    if (carrier.load !== null && carrier.load !== c) carrier.load.carrier = null;
    c.carrier = carrier;
    carrier.load = c;
    c.tier = 0;
    c.poseDirty = true;
    carrier.colorDirty = true;
  }

  private detach(c: ViewEntity): void {
    const from = c.carrier;
    if (from === null) return;
    if (from.load === c) from.load = null;
    c.carrier = null;
    c.poseDirty = true;
    from.colorDirty = true;
  }

  private add(id: string, kind: EntityKind, x: number, y: number, heading: number, country: Country | null, attrs: Record<string, string | number>, t: number): ViewEntity {
    const list = this.lists[kind];
    if (list === undefined) throw new Error(`entity "${id}": unknown kind "${String(kind)}"`);
    const e: ViewEntity = { id, kind, slot: list.length, x, y, heading, motion: null, state: {}, attrs, country, carrier: null, load: null, tier: 0, since: t, stateSince: t, colorDirty: true, poseDirty: true };
    list.push(e);
    this.byId.set(id, e);
    this.structure++;
    return e;
  }

  private remove(e: ViewEntity): void {
    const list = this.lists[e.kind];
    const last = list.pop()!;
    if (last !== e) {
      list[e.slot] = last;
      last.slot = e.slot;
      last.colorDirty = true;
      last.poseDirty = true;
    }
    if (e.load !== null) e.load.carrier = null;
    if (e.carrier !== null && e.carrier.load === e) e.carrier.load = null;
    this.byId.delete(e.id);
    this.moving.delete(e);
    this.structure++;
  }

  private warn(message: string): void {
    if (this.warnings.length >= MAX_WARNINGS) this.warnings.shift();
    this.warnings.push(message);
  }
}
