import { describe, expect, it } from 'vitest';
import { EntityTable } from '../src/store/entity-table.ts';
import { pickEntity } from '../src/store/pick.ts';
import { constantSpeedMotion } from '../src/store/motion-pose.ts';
import type { VisualEvent } from '../../sim-core/src/stream/visual-events.ts';

const spawn = (id: string, kind: 'truck' | 'igv' | 'container', t: number, at: [number, number] = [0, 0]): VisualEvent => ({ type: 'spawn', id, kind, at, t, country: 'VN' });

describe('entity table', () => {
  it('applies queued events only when the display time reaches them', () => {
    const table = new EntityTable();
    table.ingest([spawn('truck:1', 'truck', 1_000), { type: 'state', t: 5_000, id: 'truck:1', key: 'stage', value: 'gate' }]);
    table.advance(999);
    expect(table.byId.has('truck:1')).toBe(false);
    table.advance(1_000);
    expect(table.byId.get('truck:1')?.state).toEqual({});
    table.advance(5_000);
    expect(table.byId.get('truck:1')?.state.stage).toBe('gate');
    expect(table.backlog).toBe(0);
  });

  it('keeps each kind dense: a despawn moves the last entity into the hole and marks it for a colour rewrite', () => {
    const table = new EntityTable();
    table.ingest([spawn('a', 'truck', 0), spawn('b', 'truck', 0), spawn('c', 'truck', 0)]);
    table.advance(0);
    const c = table.byId.get('c')!;
    c.colorDirty = false;
    const before = table.structure;
    table.ingest([{ type: 'despawn', id: 'a', t: 1 }]);
    table.advance(1);
    expect(table.lists.truck.map((e) => e.id)).toEqual(['c', 'b']);
    expect(table.lists.truck.map((e) => e.slot)).toEqual([0, 1]);
    expect(c.colorDirty).toBe(true);
    expect(table.structure).toBeGreaterThan(before);
  });

  it('moves entities along their motion and drops them from the moving set when it ends', () => {
    const table = new EntityTable();
    table.ingest([spawn('igv:1', 'igv', 0), constantSpeedMotion('igv:1', [[0, 0], [0, 100]], 0, 10)]);
    table.advance(5_000);
    const e = table.byId.get('igv:1')!;
    expect(e.y).toBeCloseTo(50, 9);
    expect(table.moving.has(e)).toBe(true);
    table.advance(20_000);
    expect(e.y).toBe(100);
    expect(table.moving.has(e)).toBe(false);
    // The renderer rewrites an instance only when its entity moved: a parked one stays clean.
    e.poseDirty = false;
    table.advance(30_000);
    expect(e.poseDirty).toBe(false);
  });

  it('a picked container rides its carrier; a drop sets it down in a stack tier or on another carrier', () => {
    const table = new EntityTable();
    table.ingest([spawn('truck:1', 'truck', 0), spawn('igv:1', 'igv', 0, [5, 5]), spawn('box:1', 'container', 0), { type: 'pick', t: 1, container: 'box:1', by: 'truck:1' }]);
    table.advance(1);
    const box = table.byId.get('box:1')!;
    expect(box.carrier?.id).toBe('truck:1');
    expect(table.byId.get('truck:1')!.load).toBe(box);
    table.ingest([{ type: 'drop', t: 2, container: 'box:1', on: 'igv:1' }]);
    table.advance(2);
    expect(box.carrier?.id).toBe('igv:1');
    expect(table.byId.get('truck:1')!.load).toBeNull();
    table.ingest([{ type: 'drop', t: 3, container: 'box:1', at: [40, -600], tier: 2 }]);
    table.advance(3);
    expect([box.carrier, box.x, box.y, box.tier]).toEqual([null, 40, -600, 2]);
  });

  it('reports events about unknown entities or kinds as warnings and changes nothing', () => {
    const table = new EntityTable();
    table.ingest([{ type: 'state', t: 0, id: 'ghost', key: 'x', value: 1 }, { type: 'pick', t: 0, container: 'box:9', by: 'igv:9' }, { type: 'spawn', t: 0, id: 'u', kind: 'ufo' as never, at: [0, 0] }]);
    table.advance(0);
    expect(table.byId.size).toBe(0);
    expect(table.warnings).toEqual([
      'state x of unknown entity "ghost" at t=0 ms',
      'pick of "box:9" by "igv:9" at t=0 ms: unknown container',
      'spawn of "u" at t=0 ms: unknown kind "ufo"',
    ]);
  });

  it('a bad motion is a warning naming the entity; the entity stays where it was', () => {
    const table = new EntityTable();
    table.ingest([spawn('igv:1', 'igv', 0, [3, 4]), { type: 'motion', t: 1, id: 'igv:1', path: [[3, 4]], profile: [1, 0, 1, 0], end: 2 }]);
    table.advance(10);
    expect(table.warnings[0]).toMatch(/motion of igv:1 at t=1 ms: path has 1 point/);
    expect([table.byId.get('igv:1')!.x, table.byId.get('igv:1')!.y]).toEqual([3, 4]);
  });

  it('a snapshot replaces the vehicles and containers, keeps the layout equipment, and restores who carries what', () => {
    const table = new EntityTable();
    table.seedEquipment({ zones: [{ id: 'z', kind: 'export-storage', country: 'VN', label: { vi: '', en: '', zh: '' }, polygon: [[0, 0], [10, 0], [10, 10]] }], equipment: [{ id: 'crane-1', kind: 'crane', zone: 'z', position: [5, 5] }, { id: 'cam', kind: 'camera', zone: 'z', position: [1, 1] }] });
    table.ingest([spawn('old', 'truck', 0)]);
    table.advance(0);
    table.loadSnapshot({ t: 60_000, entities: [
      { id: 'truck:7', kind: 'truck', at: [1, 2], state: { stage: 'crane' }, carrying: 'box:3' },
      { id: 'box:3', kind: 'container', at: [1, 2], state: {} },
    ] });
    expect([...table.byId.keys()].sort()).toEqual(['box:3', 'crane-1', 'truck:7']);
    expect(table.byId.get('box:3')!.carrier?.id).toBe('truck:7');
    expect(table.latestEventT).toBe(60_000);
  });

  it('a click picks the nearest vehicle within reach before a container under it', () => {
    const table = new EntityTable();
    table.ingest([spawn('box:1', 'container', 0, [100, 100]), spawn('truck:1', 'truck', 0, [104, 100]), spawn('truck:2', 'truck', 0, [300, 300])]);
    table.advance(0);
    expect(pickEntity(table, 101, 100)?.id).toBe('truck:1');
    expect(pickEntity(table, 93, 100)?.id).toBe('box:1'); // 11 m from the truck, out of its reach
    expect(pickEntity(table, 200, 200)).toBeNull();
  });
});
