/**
 * Visual events: what the model tells a viewer, through a narrow listener port (DESIGN.md,
 * "Observation"). Types only. The model emits them to a {@link VisualSink}; the server batches them
 * onto the wire, the viewer interpolates motion between them. Motion is a segment with a speed
 * profile, never positions per frame, so bandwidth grows with events, not with frames.
 *
 * Times are simulation milliseconds; positions are metres on the layout grid (x east, y north).
 */

import type { Country, Point } from '../model/scenario.ts';

/** Entities a viewer draws. Equipment ids are the layout's `equipment[].id` where one exists. */
export type EntityKind =
  | 'truck'
  | 'igv'
  | 'container'
  | 'crane'
  | 'gate-lane'
  | 'scanner'
  | 'inspection-bay'
  | 'charger';

/**
 * A motion along a polyline. The speed profile is a list of phases with constant acceleration:
 * `profile` is flat `[t0, s0, v0, a0, t1, s1, v1, a1, ...]` where phase i starts at time `ti`
 * (ms), at distance `si` (m) along `path`, with speed `vi` (m/s) and acceleration `ai` (m/s²).
 * Between phase starts, s(t) = si + vi·dt + ai·dt²/2 with dt in seconds. The motion ends at the
 * path's end at time `end`; the entity then stands there until its next event.
 */
export interface MotionEvent {
  type: 'motion';
  id: string;
  /** The polyline driven, metres; at least 2 points. */
  path: Point[];
  profile: number[];
  /** Time the entity reaches the path's end, ms. */
  end: number;
}

/**
 * A change of an entity's discrete state. Keys and values by kind:
 * - crane: `phase` = idle | trolley | hoist-down | hoist-up | travel; `queue` = jobs waiting (number)
 * - gate-lane: `barrier` = up | down; `read` = ok | fallback
 * - scanner / inspection-bay: `busy` = 0 | 1
 * - any equipment, igv: `down` = 0 | 1 (failure / repaired)
 * - igv: `state` = idle | loaded | empty | charging | blocked | broken; `battery` = share 0..1
 * - truck: `stage` = a short stage name (parking, gate, scan, inspection, crane, leaving)
 */
export interface StateEvent {
  type: 'state';
  id: string;
  key: string;
  value: string | number;
}

/** An entity appears (trucks at arrival, containers when they enter the model). */
export interface SpawnEvent {
  type: 'spawn';
  id: string;
  kind: EntityKind;
  at: Point;
  /** Heading, degrees clockwise from north. */
  headingDeg?: number;
  country?: Country;
  /** Free descriptive attributes for the inspector (direction, channel, cargo...). */
  attrs?: Record<string, string | number>;
}

export interface DespawnEvent {
  type: 'despawn';
  id: string;
}

/** A container is lifted onto a carrier (a truck, an IGV, a crane spreader). */
export interface PickEvent {
  type: 'pick';
  container: string;
  by: string;
}

/** A container is set down: on a carrier (`on`), or in a storage block at a position. */
export interface DropEvent {
  type: 'drop';
  container: string;
  on?: string;
  at?: Point;
  /** Tier in a stack (0 = ground), for storage blocks. */
  tier?: number;
}

/** Everything a viewer receives, each stamped with its simulation time `t` (ms). */
export type VisualEvent = (MotionEvent | StateEvent | SpawnEvent | DespawnEvent | PickEvent | DropEvent) & { t: number };

/** The listener port the model emits visual events to. */
export interface VisualSink {
  emit(event: VisualEvent): void;
}

/**
 * One entity in a snapshot: enough to draw it now and to keep interpolating. `motion` is its
 * current motion when it is moving; `state` its latest discrete states by key.
 */
export interface EntitySnapshot {
  id: string;
  kind: EntityKind;
  at: Point;
  headingDeg?: number;
  country?: Country;
  attrs?: Record<string, string | number>;
  motion?: MotionEvent & { t: number };
  state: Record<string, string | number>;
  /** Container carried or held, if any. */
  carrying?: string;
}

/** All entities at time `t`; consistent with the events that follow it (those with time ≥ t). */
export interface Snapshot {
  t: number;
  entities: EntitySnapshot[];
}
