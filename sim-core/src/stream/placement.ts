/**
 * Placement: where the model's abstract units and places stand on the layout. The crossing model
 * counts lanes, cranes and bays; the layout lists equipment with positions. This module maps one to
 * the other, so visual events name real equipment ids and real coordinates:
 *
 * - lane i of a gate direction → the i-th gate-lane equipment (by id) of that gate's zone; entry
 *   lanes first, then exit lanes (`vnTruckIn` lane 0 = first lane of the VN truck gate zone,
 *   `vnTruckOut` lane 0 = the lane after the last entry lane); gate zones of a country are told apart
 *   by their distance to the zero line (the border gate is the nearest, the truck gate the farthest);
 * - scanner lane i → the i-th scanner of the Vietnamese scanner zone; bay i → the i-th inspection
 *   bay of that side's inspection zone; crane i of a yard → the i-th crane or reach stacker of the
 *   side's export then import storage zones (then the transfer yard's);
 * - ledger locations (`vn-parking`, `vn-truck-gate`, `vn-yard`, `cn-import-storage`...) → a zone.
 *
 * When a layout has fewer pieces of equipment than the model has units, units share them (i mod n);
 * with none, they stand at the zone's centre. Positions are metres on the layout grid.
 */

import type { Country, Equipment, Layout, Point, Zone, ZoneKind } from '../model/scenario.ts';
import type { EntityKind } from './visual-events.ts';

/** A unit of equipment as the viewer knows it: an id and where it stands. */
export interface PlacedUnit {
  id: string;
  position: Point;
}

/** The gate directions of the model (see CrossingModel.gates). */
const GATE_SIDES: Record<string, { country: Country; border: boolean; way: 'entry' | 'exit' }> = {
  vnTruckIn: { country: 'VN', border: false, way: 'entry' },
  vnTruckOut: { country: 'VN', border: false, way: 'exit' },
  vnBorderIn: { country: 'VN', border: true, way: 'entry' },
  vnBorderOut: { country: 'VN', border: true, way: 'exit' },
  cnBorderIn: { country: 'CN', border: true, way: 'entry' },
  cnBorderOut: { country: 'CN', border: true, way: 'exit' },
  cnTruckIn: { country: 'CN', border: false, way: 'entry' },
  cnTruckOut: { country: 'CN', border: false, way: 'exit' },
};

/** Ledger locations → zone kind and country (the zone with that id is preferred when it exists). */
const LOCATION_ZONES: Record<string, { kind: ZoneKind; country: Country }> = {
  'vn-parking': { kind: 'parking', country: 'VN' },
  'vn-customs': { kind: 'scanner', country: 'VN' },
  'vn-scanner': { kind: 'scanner', country: 'VN' },
  'vn-yard': { kind: 'transfer-yard', country: 'VN' },
  'vn-export-storage': { kind: 'export-storage', country: 'VN' },
  'vn-import-storage': { kind: 'import-storage', country: 'VN' },
  'cn-parking': { kind: 'parking', country: 'CN' },
  'cn-yard': { kind: 'transfer-yard', country: 'CN' },
  'cn-export-storage': { kind: 'export-storage', country: 'CN' },
  'cn-import-storage': { kind: 'import-storage', country: 'CN' },
  channel: { kind: 'truck-route', country: 'VN' },
};

/** The viewer's entity kind of a piece of layout equipment, or null for things it does not animate. */
export function entityKindOf(equipment: Equipment): EntityKind | null {
  switch (equipment.kind) {
    case 'gate-lane':
      return 'gate-lane';
    case 'scanner':
      return 'scanner';
    case 'crane':
    case 'reach-stacker':
      return 'crane';
    case 'inspection-bay':
      return 'inspection-bay';
    case 'charger':
    case 'battery-swap':
      return 'charger';
    default:
      return null;
  }
}

export class Placement {
  private readonly zonesById = new Map<string, Zone>();
  private readonly centres = new Map<string, Point>();
  private readonly gateCache = new Map<string, PlacedUnit[]>();

  constructor(
    readonly layout: Layout,
    /** The border line (Site.zeroLine), to tell border gates from truck gates. */
    private readonly zeroLine: readonly Point[],
  ) {
    for (const z of layout.zones) {
      this.zonesById.set(z.id, z);
      this.centres.set(z.id, centroid(z.polygon));
    }
  }

  /** Equipment the viewer animates (gate lanes, scanners, cranes, bays, chargers), in layout order. */
  animated(): Array<{ equipment: Equipment; kind: EntityKind }> {
    const out: Array<{ equipment: Equipment; kind: EntityKind }> = [];
    for (const e of this.layout.equipment) {
      const kind = entityKindOf(e);
      if (kind !== null) out.push({ equipment: e, kind });
    }
    return out;
  }

  /** Lanes of a gate direction (`vnTruckIn`...), `lanes` of them, entry lanes before exit lanes. */
  gateLanes(gate: string, entryLanes: number): PlacedUnit[] {
    const key = `${gate}:${entryLanes}`;
    const hit = this.gateCache.get(key);
    if (hit !== undefined) return hit;
    const side = GATE_SIDES[gate];
    let units: PlacedUnit[] = [];
    if (side !== undefined) {
      const zone = this.gateZone(side.country, side.border);
      if (zone !== null) {
        const all = this.equipmentIn([zone.id], 'gate-lane');
        const entry = all.slice(0, Math.min(entryLanes, all.length));
        const exit = all.slice(entry.length);
        units = side.way === 'entry' ? entry : exit.length > 0 ? exit : entry;
        if (units.length === 0) units = [{ id: `${zone.id}:lane`, position: this.centreOf(zone.id) }];
      }
    }
    this.gateCache.set(key, units);
    return units;
  }

  /** Scanners of the Vietnamese scanner zone. */
  scanners(): PlacedUnit[] {
    return this.equipmentIn(this.zonesOf('scanner', 'VN'), 'scanner');
  }

  /** Inspection bays of a side. */
  bays(country: Country): PlacedUnit[] {
    return this.equipmentIn(this.zonesOf('inspection', country), 'inspection-bay');
  }

  /** Cranes (or reach stackers) of a side's yard: export storage, import storage, transfer yard. */
  cranes(country: Country): PlacedUnit[] {
    const zones = [...this.zonesOf('export-storage', country), ...this.zonesOf('import-storage', country), ...this.zonesOf('transfer-yard', country)];
    return this.equipmentIn(zones, 'crane');
  }

  /** The point of a ledger location (a zone's centre), or null when the layout has no such place. */
  location(loc: string): Point | null {
    const direct = this.centres.get(loc);
    if (direct !== undefined) return direct;
    if (loc === 'vn-truck-gate' || loc === 'cn-truck-gate') {
      const z = this.gateZone(loc.startsWith('vn') ? 'VN' : 'CN', false);
      return z === null ? null : this.centreOf(z.id);
    }
    const spec = LOCATION_ZONES[loc];
    if (spec === undefined) return null;
    const ids = this.zonesOf(spec.kind, spec.country);
    const first = ids[0] ?? this.zonesOf(spec.kind, spec.country === 'VN' ? 'CN' : 'VN')[0];
    return first === undefined ? null : this.centreOf(first);
  }

  /** A zone's polygon by id. */
  zone(id: string): Zone | undefined {
    return this.zonesById.get(id);
  }

  /** Id of the first zone of a kind on a side, or null. */
  zoneId(kind: ZoneKind, country: Country): string | null {
    return this.zonesOf(kind, country)[0] ?? null;
  }

  /** The centre (vertex mean) of a zone. */
  centreOf(zoneId: string): Point {
    return this.centres.get(zoneId) ?? [0, 0];
  }

  /** The path of the first route of a kind (trucks in baseline mode, IGVs in smart mode), or null. */
  routePath(kind: 'igv' | 'truck'): Point[] | null {
    const r = this.layout.routes.find((x) => x.kind === kind);
    return r === undefined ? null : r.path;
  }

  private zonesOf(kind: ZoneKind, country: Country): string[] {
    const out: string[] = [];
    for (const z of this.layout.zones) if (z.kind === kind && z.country === country) out.push(z.id);
    return out;
  }

  private gateZone(country: Country, border: boolean): Zone | null {
    const gates = this.layout.zones.filter((z) => z.kind === 'gate' && z.country === country);
    if (gates.length === 0) return null;
    const ranked = gates
      .map((z) => ({ z, d: distanceToPolyline(this.centreOf(z.id), this.zeroLine) }))
      .sort((a, b) => a.d - b.d || (a.z.id < b.z.id ? -1 : 1));
    return (border ? ranked[0] : ranked[ranked.length - 1])!.z;
  }

  private equipmentIn(zoneIds: readonly string[], kind: EntityKind): PlacedUnit[] {
    const out: PlacedUnit[] = [];
    for (const zid of zoneIds) {
      const inZone = this.layout.equipment.filter((e) => e.zone === zid && entityKindOf(e) === kind).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      for (const e of inZone) out.push({ id: e.id, position: e.position });
    }
    return out;
  }
}

/** The vertex mean of a polygon (good enough for the convex zones of a layout), metres. */
export function centroid(polygon: readonly Point[]): Point {
  let x = 0;
  let y = 0;
  for (const p of polygon) {
    x += p[0];
    y += p[1];
  }
  const n = Math.max(1, polygon.length);
  return [x / n, y / n];
}

/** Shortest distance from a point to a polyline, metres (Infinity for an empty line). */
export function distanceToPolyline(p: Point, line: readonly Point[]): number {
  if (line.length === 1) return Math.hypot(p[0] - line[0]![0], p[1] - line[0]![1]);
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len2 = dx * dx + dy * dy;
    const u = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
    best = Math.min(best, Math.hypot(p[0] - a[0] - u * dx, p[1] - a[1] - u * dy));
  }
  return best;
}
