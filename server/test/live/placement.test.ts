import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../scenarios/index.ts';
import { Placement } from '../../../sim-core/src/stream/placement.ts';

describe('placement of model units on the layout', () => {
  const r = loadScenario('huu-nghi-smart-2030');
  if (!r.ok) throw new Error('preset invalid');
  const s = r.scenario;
  const p = new Placement(s.layout, s.site.zeroLine);

  it('gate lanes: entry lanes are the first lanes of the gate zone by id, exit lanes the rest', () => {
    const entry = s.gates.vnTruck.lanes.entry;
    const lanes = s.layout.equipment.filter((e) => e.kind === 'gate-lane' && e.zone === 'vn-truck-gate').map((e) => e.id).sort();
    expect(p.gateLanes('vnTruckIn', entry).map((u) => u.id)).toEqual(lanes.slice(0, entry));
    expect(p.gateLanes('vnTruckOut', entry).map((u) => u.id)).toEqual(lanes.slice(entry));
  });

  it('tells the border gate (nearest the zero line) from the truck gate on each side', () => {
    const zoneOf = (id: string): string => s.layout.equipment.find((e) => e.id === id)!.zone;
    expect(zoneOf(p.gateLanes('vnBorderIn', s.gates.vnBorder.lanes.entry)[0]!.id)).toBe('vn-border-gate');
    expect(zoneOf(p.gateLanes('cnTruckOut', s.gates.cnTruck.lanes.entry)[0]!.id)).toBe('cn-truck-gate');
    expect(zoneOf(p.gateLanes('cnBorderOut', s.gates.cnBorder.lanes.entry)[0]!.id)).toBe('cn-border-gate');
  });

  it('cranes, scanners and bays are the equipment of their zones; ledger places are zone centres', () => {
    expect(p.cranes('VN')).toHaveLength(s.layout.equipment.filter((e) => e.kind === 'crane' && e.zone.startsWith('vn-')).length);
    expect(p.scanners().every((u) => u.id.startsWith('vn-scanner'))).toBe(true);
    expect(p.bays('CN').length).toBe(s.chinaSide.inspection.bays);
    const parking = s.layout.zones.find((z) => z.id === 'vn-regulating-parking')!;
    const c = p.location('vn-parking')!;
    expect(c[0]).toBeCloseTo(parking.polygon.reduce((a, q) => a + q[0], 0) / parking.polygon.length, 9);
    expect(p.location('nowhere')).toBeNull();
  });
});
