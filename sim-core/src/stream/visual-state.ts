/**
 * The visual state: an entity table that visual events are applied to, and the {@link Snapshot} of
 * it at a time. The server keeps one per live session (the snapshot a joining or reconnecting client
 * starts from); the viewer's store keeps one fed by the batches it receives. Pure: no host API.
 *
 * Every event is applied as an assignment (spawn replaces, despawn deletes, state sets a key, motion
 * replaces the current motion, pick/drop set who holds a container), so applying an event twice
 * leaves the same table: a client that receives an event at exactly its snapshot's time, which the
 * snapshot already reflects, stays consistent.
 *
 * Times are simulation milliseconds; positions metres on the layout grid.
 */

import type { Point } from '../model/scenario.ts';
import { sampleMotion } from './motion.ts';
import type { EntitySnapshot, Snapshot, VisualEvent } from './visual-events.ts';

type TimedMotion = Extract<VisualEvent, { type: 'motion' }>;

/** One live entity: its snapshot fields plus who carries it (containers on a truck, IGV or crane). */
interface Entry {
  snap: EntitySnapshot;
  /** Id of the entity carrying this one (containers), or null. */
  carriedBy: string | null;
}

/** A table of entities; create with {@link createVisualTable}, change only through {@link applyVisualEvent}. */
export interface VisualTable {
  /** Entities by id, in spawn order (Map order), so snapshots list them deterministically. */
  readonly entries: Map<string, Entry>;
  /** Time of the latest event applied, ms. */
  t: number;
  /** Events that named an entity the table does not hold (ignored; a symptom of a lost event). */
  unknown: number;
}

/** An empty table at time 0. */
export function createVisualTable(): VisualTable {
  return { entries: new Map(), t: 0, unknown: 0 };
}

/** Applies one event. Events must come in time order (as the model emits and the server sends them). */
export function applyVisualEvent(table: VisualTable, e: VisualEvent): void {
  if (e.t > table.t) table.t = e.t;
  switch (e.type) {
    case 'spawn': {
      const old = table.entries.get(e.id);
      if (old !== undefined) release(table, e.id, old);
      const snap: EntitySnapshot = { id: e.id, kind: e.kind, at: [e.at[0], e.at[1]], state: {} };
      if (e.headingDeg !== undefined) snap.headingDeg = e.headingDeg;
      if (e.country !== undefined) snap.country = e.country;
      if (e.attrs !== undefined) snap.attrs = { ...e.attrs };
      table.entries.set(e.id, { snap, carriedBy: null });
      return;
    }
    case 'despawn': {
      const entry = table.entries.get(e.id);
      if (entry === undefined) {
        table.unknown++;
        return;
      }
      release(table, e.id, entry);
      table.entries.delete(e.id);
      return;
    }
    case 'state': {
      const entry = table.entries.get(e.id);
      if (entry === undefined) table.unknown++;
      else entry.snap.state[e.key] = e.value;
      return;
    }
    case 'motion': {
      const entry = table.entries.get(e.id);
      if (entry === undefined) table.unknown++;
      else entry.snap.motion = e;
      return;
    }
    case 'pick':
      hold(table, e.container, e.by);
      return;
    case 'drop': {
      if (e.on !== undefined) {
        hold(table, e.container, e.on);
        return;
      }
      const box = table.entries.get(e.container);
      if (box === undefined) {
        table.unknown++;
        return;
      }
      unhold(table, box);
      if (e.at !== undefined) box.snap.at = [e.at[0], e.at[1]];
      if (e.tier !== undefined) box.snap.state['tier'] = e.tier;
      return;
    }
  }
}

/** Applies events in order. */
export function applyVisualEvents(table: VisualTable, events: readonly VisualEvent[]): void {
  for (const e of events) applyVisualEvent(table, e);
}

/**
 * The snapshot at time `t` (≥ the latest event applied): every entity with its position at `t`
 * (moving ones sampled on their motion, carried ones at their carrier), a motion still under way
 * kept so a client goes on interpolating, and a finished one dropped. A copy: later events do not
 * change it (motion events are shared, not copied: events are never mutated).
 */
export function snapshotAt(table: VisualTable, t: number = table.t): Snapshot {
  const entities: EntitySnapshot[] = [];
  for (const [id, entry] of table.entries) entities.push(entitySnapshot(table, id, entry, t));
  return { t, entities };
}

/** A table holding exactly a snapshot's entities (what a client does with a hello or a reset). */
export function tableFromSnapshot(snapshot: Snapshot): VisualTable {
  const table: VisualTable = { entries: new Map(), t: snapshot.t, unknown: 0 };
  for (const s of snapshot.entities) table.entries.set(s.id, { snap: copySnapshot(s), carriedBy: null });
  for (const s of snapshot.entities) {
    if (s.carrying === undefined) continue;
    const box = table.entries.get(s.carrying);
    if (box !== undefined) box.carriedBy = s.id;
  }
  return table;
}

/** Position of an entity at `t`: on its motion, at its carrier (recursively), or where it stands. */
export function positionOf(table: VisualTable, id: string, t: number): Point | null {
  const entry = table.entries.get(id);
  if (entry === undefined) return null;
  return place(table, entry, t, 0).at;
}

// ---------------------------------------------------------------------------------------------

function hold(table: VisualTable, containerId: string, carrierId: string): void {
  const box = table.entries.get(containerId);
  const carrier = table.entries.get(carrierId);
  if (box === undefined || carrier === undefined) {
    table.unknown++;
    return;
  }
  unhold(table, box);
  // A carrier holds one container: a new pick replaces (and frees) what it held.
  const prev = carrier.snap.carrying;
  if (prev !== undefined && prev !== containerId) {
    const old = table.entries.get(prev);
    if (old !== undefined) old.carriedBy = null;
  }
  carrier.snap.carrying = containerId;
  box.carriedBy = carrierId;
  delete box.snap.motion;
}

function unhold(table: VisualTable, box: Entry): void {
  if (box.carriedBy === null) return;
  const carrier = table.entries.get(box.carriedBy);
  // Pin the container where its carrier is now, so a drop without a position leaves it there.
  if (carrier !== undefined) {
    pin(box, place(table, carrier, table.t, 0));
    if (carrier.snap.carrying === box.snap.id) delete carrier.snap.carrying;
  }
  box.carriedBy = null;
}

/** Leaves an entity standing where its carrier is (position and heading). */
function pin(entry: Entry, where: { at: Point; headingDeg: number | undefined }): void {
  entry.snap.at = [where.at[0], where.at[1]];
  if (where.headingDeg !== undefined) entry.snap.headingDeg = where.headingDeg;
}

/** Unlinks an entity that is replaced or removed from whatever it carries or is carried by. */
function release(table: VisualTable, id: string, entry: Entry): void {
  unhold(table, entry);
  const carried = entry.snap.carrying;
  if (carried !== undefined) {
    const box = table.entries.get(carried);
    if (box !== undefined && box.carriedBy === id) {
      pin(box, place(table, entry, table.t, 0));
      box.carriedBy = null;
    }
  }
}

/** Where an entry is at `t` and which way it faces; depth guards against a carry cycle. */
function place(table: VisualTable, entry: Entry, t: number, depth: number): { at: Point; headingDeg: number | undefined; moving: TimedMotion | undefined } {
  if (entry.carriedBy !== null && depth < 8) {
    const carrier = table.entries.get(entry.carriedBy);
    if (carrier !== undefined) {
      const p = place(table, carrier, t, depth + 1);
      return { at: p.at, headingDeg: p.headingDeg, moving: undefined };
    }
  }
  const m = entry.snap.motion;
  if (m !== undefined) {
    const s = sampleMotion(m, t);
    return { at: [s.x, s.y], headingDeg: s.headingDeg, moving: t < m.end ? m : undefined };
  }
  return { at: entry.snap.at, headingDeg: entry.snap.headingDeg, moving: undefined };
}

function entitySnapshot(table: VisualTable, id: string, entry: Entry, t: number): EntitySnapshot {
  const p = place(table, entry, t, 0);
  const src = entry.snap;
  const out: EntitySnapshot = { id, kind: src.kind, at: [p.at[0], p.at[1]], state: { ...src.state } };
  if (p.headingDeg !== undefined) out.headingDeg = p.headingDeg;
  if (src.country !== undefined) out.country = src.country;
  if (src.attrs !== undefined) out.attrs = { ...src.attrs };
  if (p.moving !== undefined) out.motion = p.moving;
  if (src.carrying !== undefined) out.carrying = src.carrying;
  return out;
}

function copySnapshot(s: EntitySnapshot): EntitySnapshot {
  const out: EntitySnapshot = { id: s.id, kind: s.kind, at: [s.at[0], s.at[1]], state: { ...s.state } };
  if (s.headingDeg !== undefined) out.headingDeg = s.headingDeg;
  if (s.country !== undefined) out.country = s.country;
  if (s.attrs !== undefined) out.attrs = { ...s.attrs };
  if (s.motion !== undefined) out.motion = s.motion;
  if (s.carrying !== undefined) out.carrying = s.carrying;
  return out;
}
