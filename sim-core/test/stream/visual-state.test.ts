import { describe, expect, it } from 'vitest';
import type { VisualEvent } from '../../src/stream/visual-events.ts';
import {
  applyVisualEvent,
  applyVisualEvents,
  createVisualTable,
  positionOf,
  snapshotAt,
  tableFromSnapshot,
} from '../../src/stream/visual-state.ts';

// A truck drives 100 m east at 10 m/s from t = 1 s, picks up a container, then leaves.
const drive: VisualEvent = { type: 'motion', id: 'truck-1', t: 1000, path: [[0, 0], [100, 0]], profile: [1000, 0, 10, 0], end: 11_000 };
const story: VisualEvent[] = [
  { type: 'spawn', id: 'truck-1', kind: 'truck', at: [0, 0], headingDeg: 90, country: 'VN', attrs: { direction: 'export' }, t: 0 },
  { type: 'spawn', id: 'box-1', kind: 'container', at: [0, 0], t: 0 },
  { type: 'pick', container: 'box-1', by: 'truck-1', t: 0 },
  { type: 'state', id: 'truck-1', key: 'stage', value: 'parking', t: 500 },
  drive,
];

describe('visual state reducer', () => {
  it('samples a moving entity on its motion and keeps the motion while it is under way', () => {
    const table = createVisualTable();
    applyVisualEvents(table, story);
    const snap = snapshotAt(table, 6000);
    expect(snap.t).toBe(6000);
    const truck = snap.entities.find((e) => e.id === 'truck-1');
    expect(truck?.at[0]).toBeCloseTo(50, 9);
    expect(truck?.at[1]).toBeCloseTo(0, 9);
    expect(truck?.headingDeg).toBeCloseTo(90, 9);
    expect(truck?.motion).toBe(drive);
    expect(truck?.state).toEqual({ stage: 'parking' });
    expect(truck?.carrying).toBe('box-1');
    expect(truck?.attrs).toEqual({ direction: 'export' });
  });

  it('a carried container is drawn where its carrier is', () => {
    const table = createVisualTable();
    applyVisualEvents(table, story);
    const box = snapshotAt(table, 6000).entities.find((e) => e.id === 'box-1');
    expect(box?.at[0]).toBeCloseTo(50, 9);
    expect(positionOf(table, 'box-1', 11_000)).toEqual([100, 0]);
  });

  it('a finished motion leaves the entity at the path end with no motion', () => {
    const table = createVisualTable();
    applyVisualEvents(table, story);
    const truck = snapshotAt(table, 20_000).entities.find((e) => e.id === 'truck-1');
    expect(truck?.at).toEqual([100, 0]);
    expect(truck?.motion).toBeUndefined();
  });

  it('a drop into storage pins the container at its slot and tier, and the carrier holds nothing', () => {
    const table = createVisualTable();
    applyVisualEvents(table, [...story, { type: 'drop', container: 'box-1', at: [120, 30], tier: 2, t: 12_000 }]);
    const snap = snapshotAt(table, 12_000);
    const box = snap.entities.find((e) => e.id === 'box-1');
    expect(box?.at).toEqual([120, 30]);
    expect(box?.state['tier']).toBe(2);
    expect(snap.entities.find((e) => e.id === 'truck-1')?.carrying).toBeUndefined();
  });

  it('a drop without a position leaves the container where its carrier stood', () => {
    const table = createVisualTable();
    applyVisualEvents(table, [...story, { type: 'drop', container: 'box-1', t: 11_000 }]);
    // Later moves of the truck no longer move the box.
    applyVisualEvent(table, { type: 'motion', id: 'truck-1', t: 11_000, path: [[100, 0], [100, 100]], profile: [11_000, 0, 10, 0], end: 21_000 });
    expect(positionOf(table, 'box-1', 21_000)).toEqual([100, 0]);
    expect(positionOf(table, 'truck-1', 21_000)).toEqual([100, 100]);
  });

  it('a drop onto another carrier hands the container over', () => {
    const table = createVisualTable();
    applyVisualEvents(table, [
      ...story,
      { type: 'spawn', id: 'igv-3', kind: 'igv', at: [100, 5], t: 11_000 },
      { type: 'drop', container: 'box-1', on: 'igv-3', t: 11_500 },
    ]);
    const snap = snapshotAt(table, 11_500);
    expect(snap.entities.find((e) => e.id === 'igv-3')?.carrying).toBe('box-1');
    expect(snap.entities.find((e) => e.id === 'truck-1')?.carrying).toBeUndefined();
    expect(snap.entities.find((e) => e.id === 'box-1')?.at).toEqual([100, 5]);
  });

  it('despawn removes an entity and frees what it carried at its last position', () => {
    const table = createVisualTable();
    applyVisualEvents(table, [...story, { type: 'despawn', id: 'truck-1', t: 11_000 }]);
    const snap = snapshotAt(table, 11_000);
    expect(snap.entities.map((e) => e.id)).toEqual(['box-1']);
    expect(snap.entities[0]?.at).toEqual([100, 0]);
  });

  it('counts events about entities it does not hold and ignores them', () => {
    const table = createVisualTable();
    applyVisualEvents(table, [
      { type: 'state', id: 'ghost', key: 'busy', value: 1, t: 0 },
      { type: 'despawn', id: 'ghost', t: 0 },
      { type: 'pick', container: 'ghost', by: 'nobody', t: 0 },
    ]);
    expect(table.unknown).toBe(3);
    expect(snapshotAt(table).entities).toEqual([]);
  });

  it('applying an event twice changes nothing (a client may see its snapshot-time events again)', () => {
    const once = createVisualTable();
    applyVisualEvents(once, story);
    const twice = createVisualTable();
    applyVisualEvents(twice, story);
    applyVisualEvents(twice, story.filter((e) => e.t === 1000));
    expect(snapshotAt(twice, 5000)).toEqual(snapshotAt(once, 5000));
  });

  it('a table rebuilt from a snapshot gives the same later snapshots as the original', () => {
    const later: VisualEvent[] = [
      { type: 'state', id: 'truck-1', key: 'stage', value: 'gate', t: 7000 },
      { type: 'drop', container: 'box-1', at: [100, 10], tier: 0, t: 12_000 },
      { type: 'despawn', id: 'truck-1', t: 13_000 },
    ];
    const original = createVisualTable();
    applyVisualEvents(original, story);
    const rebuilt = tableFromSnapshot(JSON.parse(JSON.stringify(snapshotAt(original, 6000))));
    for (const e of later) {
      applyVisualEvent(original, e);
      applyVisualEvent(rebuilt, e);
      expect(JSON.parse(JSON.stringify(snapshotAt(rebuilt, e.t)))).toEqual(JSON.parse(JSON.stringify(snapshotAt(original, e.t))));
    }
  });

  it('a snapshot is a copy: later events do not change it', () => {
    const table = createVisualTable();
    applyVisualEvents(table, story);
    const snap = snapshotAt(table, 2000);
    applyVisualEvent(table, { type: 'state', id: 'truck-1', key: 'stage', value: 'gate', t: 3000 });
    expect(snap.entities.find((e) => e.id === 'truck-1')?.state['stage']).toBe('parking');
  });

  it('respawning an id replaces the entity', () => {
    const table = createVisualTable();
    applyVisualEvents(table, [...story, { type: 'spawn', id: 'truck-1', kind: 'truck', at: [5, 5], t: 2000 }]);
    const snap = snapshotAt(table, 2000);
    expect(snap.entities.find((e) => e.id === 'truck-1')).toEqual({ id: 'truck-1', kind: 'truck', at: [5, 5], state: {} });
    expect(snap.entities.find((e) => e.id === 'box-1')?.at[0]).toBeCloseTo(10, 9);
  });
});
