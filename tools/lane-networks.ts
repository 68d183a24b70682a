/**
 * The lane networks of the smart presets, generated from each site's layout (yards, cranes, gate
 * lanes, scanners, chargers) so the geometry stays consistent with the zones: two one-way
 * carriageways of two lanes each, fans to the border gate lanes, scanner portals for loaded
 * imports, a two-way yard aisle with a dead-end spur to the transfer point under each crane and to
 * each charger, and a parking area of stalls for the whole fleet in each yard.
 *
 * `npx tsx tools/lane-networks.ts` rewrites `layout.network` (and the IGV parking zones, charger
 * and scanner positions, vehicle, transport strategy) of the smart presets. `siteNetwork` is also
 * used by the benchmarks to build a variant with more parking stalls.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { offsetPolyline, polylineLength } from '../sim-core/src/fleet/polyline.ts';
import type { Country, Equipment, LaneNetwork, NetworkEdge, NetworkNode, NodeKind, Point, Scenario, SectionKind, VehicleDimensions, Zone } from '../sim-core/src/model/scenario.ts';

const PRESETS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'scenarios', 'presets');

/** A container IGV for 2 TEU: about 15 m × 3 m, all-wheel steering (DOMAIN.md: AGV 70 t, 2 TEU). */
export const IGV_VEHICLE: VehicleDimensions = { lengthM: 15, widthM: 3, minTurnRadiusM: 8, accelerationMps2: 0.5, decelerationMps2: 0.8 };

const ROAD_KMH = 30;
const YARD_KMH = 10;
const SPUR_M = 25;
const STALL_PITCH_M = 5;
const CARRIAGEWAY_OFFSET_M = 8;
/** Distance from a gate fan's junction to the gate lanes along the road, metres. */
const FAN_M = 55;
/**
 * The branches from the southbound carriageway to the scanner portals and back: speed limit, km/h,
 * and how far before the portals' entries the carriageway splits and after their exits it joins
 * again, metres. Steep, short branches keep the two junctions small (about 25 m zones instead of
 * 35 and 28 m at 40 and 25 m), so the flow of imports through them is held less.
 */
const SCANNER_BRANCH_KMH = 18;
const SCAN_SPLIT_M = 25;
const SCAN_JOIN_M = 20;
/** Spacing of the holding bays along the carriageway, metres, and how many before the Chinese exit gate. */
const BAY_PITCH_M = 60;
const CN_BAYS = 24;
/** Aisle stalls keep this far (x, metres) from the road's carriageways where they meet the yard. */
const AISLE_STALL_ROAD_GAP_M = 45;
/**
 * The Vietnamese parking aisle lies this far north of the transfer yard (metres): far enough that
 * its near row of stalls keeps AISLE_STALL_ROW_CLEAR_M from the waiting stalls across the yard
 * aisle, so every transfer point (but the parking link's) gets one, as in China.
 */
const VN_PARKING_AISLE_M = 77;
/**
 * An aisle stall closer than AISLE_STALL_ROW_CLEAR_M (y, centre to centre) to the near row of
 * parking stalls across it is left out where the row runs (its ends widened by AISLE_STALL_ROW_GAP_M).
 */
const AISLE_STALL_ROW_GAP_M = 15;
const AISLE_STALL_ROW_CLEAR_M = 40;

class NetBuilder {
  readonly nodes: NetworkNode[] = [];
  readonly edges: NetworkEdge[] = [];
  private readonly ids = new Set<string>();

  node(id: string, kind: NodeKind, country: Country, position: Point, equipment?: string | undefined): string {
    if (this.ids.has(id)) throw new Error(`duplicate node ${id}`);
    this.ids.add(id);
    const p: Point = [r1(position[0]), r1(position[1])];
    this.nodes.push(equipment === undefined ? { id, kind, country, position: p } : { id, kind, country, position: p, equipment });
    return id;
  }

  edge(from: string, to: string, kind: SectionKind, opts: { lanes?: number; via?: Point[]; offsetM?: number; kmh?: number } = {}): void {
    const e: NetworkEdge = { id: `${from}-to-${to}`, from, to, lanes: opts.lanes ?? 1, speedLimitKmh: opts.kmh ?? (kind === 'road' ? ROAD_KMH : kind === 'yard' ? YARD_KMH : 3.5), kind };
    if (opts.via !== undefined && opts.via.length > 0) e.via = opts.via.map((p) => [r1(p[0]), r1(p[1])] as Point);
    if (opts.offsetM !== undefined) e.offsetM = opts.offsetM;
    this.edges.push(e);
  }

  twoWay(a: string, b: string, kind: SectionKind, opts: { offsetM?: number } = {}): void {
    this.edge(a, b, kind, opts);
    this.edge(b, a, kind, opts);
  }

  /** A dead-end spur from aisle node `a` to stop node `s`: driven in forwards, backed out. */
  spur(a: string, s: string): void {
    this.twoWay(a, s, 'yard', { offsetM: 0 });
  }
}

function r1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Point at distance s along polyline c, offset d to the right. */
function along(c: readonly Point[], s: number, d = 0): Point {
  let left = s;
  for (let k = 0; k + 1 < c.length; k++) {
    const a = c[k]!;
    const b = c[k + 1]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (left <= len || k + 2 === c.length) {
      const ux = (b[0] - a[0]) / len;
      const uy = (b[1] - a[1]) / len;
      return [a[0] + ux * left + uy * d, a[1] + uy * left - ux * d];
    }
    left -= len;
  }
  return c[c.length - 1]!;
}

function direction(c: readonly Point[], s: number): Point {
  const a = along(c, s);
  const b = along(c, s + 1);
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  return [(b[0] - a[0]) / len, (b[1] - a[1]) / len];
}

/** Distance along c of the point of c nearest to p. */
function stationOf(c: readonly Point[], p: Point): number {
  let best = 0;
  let bestD = Infinity;
  let s0 = 0;
  for (let k = 0; k + 1 < c.length; k++) {
    const a = c[k]!;
    const b = c[k + 1]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1])) / (len * len)));
    const q: Point = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
    const d = Math.hypot(p[0] - q[0], p[1] - q[1]);
    if (d < bestD) {
      bestD = d;
      best = s0 + t * len;
    }
    s0 += len;
  }
  return best;
}

/** Where a yard lies: its aisle, its transfer points, chargers and the parking area. */
interface YardSpec {
  country: Country;
  /** y of the two-way aisle and of the transfer points (spurs towards the cranes). */
  aisleY: number;
  tpY: number;
  /** Crane x positions (one transfer point under each). */
  craneXs: Array<{ x: number; crane: string }>;
  chargers: Array<{ x: number; y: number; equipment: string }>;
  /** x of the junctions where the carriageways meet the aisle (arriving, leaving). */
  arriveX: number;
  leaveX: number;
  /** Parking: aisle y, stall columns from x0 to x1, link to the yard aisle at linkX. */
  /** When set, a waiting stall across the aisle from each transfer point farther than AISLE_STALL_ROAD_GAP_M from this x (the road), except where the parking link leaves. */
  aisleStallsAwayFromX?: number;
  parking: { aisleY: number; x0: number; x1: number; linkX: number; zone: Zone; rows?: Array<{ x0: number; x1: number }> };
}

/** The border gate of one side: lanes by direction along the road centreline. */
interface GateSpec {
  country: Country;
  /** Lanes used by vehicles leaving this side (exit) and entering it (entry): equipment id and position. */
  exit: Array<{ equipment: string; at: Point }>;
  entry: Array<{ equipment: string; at: Point }>;
}

export interface SiteSpec {
  /** Road centreline from the Vietnamese aisle to the Chinese aisle, through the border. */
  centre: Point[];
  border: Point;
  vn: YardSpec;
  cn: YardSpec;
  vnGate: GateSpec;
  cnGate: GateSpec;
  /** Scanner portals on the southbound carriageway (x of each portal, entry and exit y). */
  scanners: Array<{ x: number; equipment: string }>;
  scanEntryY: number;
  scanExitY: number;
}

/** Builds the lane network of a site; `stallsPerYard` raises the parking stalls to at least that many. */
export function siteNetwork(site: SiteSpec, stallsPerYard?: number): LaneNetwork {
  const b = new NetBuilder();
  const c = site.centre;
  const total = polylineLength(c);
  const yardNodes = (y: YardSpec): { arrive: string; leave: string } => {
    const pre = y.country.toLowerCase();
    const aisle: Array<{ x: number; id: string }> = [];
    y.craneXs.forEach((cr, i) => {
      const a = b.node(`${pre}-aisle-tp-${i + 1}`, 'way', y.country, [cr.x, y.aisleY]);
      const tp = b.node(`${pre}-tp-${String(i + 1).padStart(2, '0')}`, 'crane-transfer', y.country, [cr.x, y.tpY], cr.crane);
      b.spur(a, tp);
      // A waiting stall across the aisle from the transfer point (the aisle node is a junction
      // anyway): a vehicle waiting for a transfer point waits beside the cranes, not in the
      // parking rows, whose dense junctions made every wait two slow trips through them.
      const rowsX = (y.parking.rows ?? [{ x0: y.parking.x0, x1: y.parking.x1 }]).map((r) => [Math.min(r.x0, r.x1) - AISLE_STALL_ROW_GAP_M, Math.max(r.x0, r.x1) + AISLE_STALL_ROW_GAP_M] as const);
      const stallY = 2 * y.aisleY - y.tpY;
      const nearRowY = y.parking.aisleY - Math.sign(y.parking.aisleY - y.aisleY) * SPUR_M;
      const besideRows = Math.abs(nearRowY - stallY) < AISLE_STALL_ROW_CLEAR_M && rowsX.some(([lo, hi]) => cr.x >= lo && cr.x <= hi);
      if (y.aisleStallsAwayFromX !== undefined && !besideRows && Math.abs(cr.x - y.aisleStallsAwayFromX) > AISLE_STALL_ROAD_GAP_M && Math.abs(cr.x - y.parking.linkX) > 0.5) {
        const st = b.node(`${pre}-aisle-stall-${i + 1}`, 'parking', y.country, [cr.x, 2 * y.aisleY - y.tpY]);
        b.spur(a, st);
      }
      aisle.push({ x: cr.x, id: a });
    });
    y.chargers.forEach((ch, i) => {
      const a = b.node(`${pre}-aisle-charger-${i + 1}`, 'way', y.country, [ch.x, y.aisleY]);
      const n = b.node(`${pre}-charger-${i + 1}`, 'charging', y.country, [ch.x, ch.y], ch.equipment);
      b.spur(a, n);
      aisle.push({ x: ch.x, id: a });
    });
    const arrive = b.node(`${pre}-yard-in`, 'way', y.country, [y.arriveX, y.aisleY]);
    const leave = b.node(`${pre}-yard-out`, 'way', y.country, [y.leaveX, y.aisleY]);
    aisle.push({ x: y.arriveX, id: arrive }, { x: y.leaveX, id: leave });
    const p = y.parking;
    let link = aisle.find((a) => Math.abs(a.x - p.linkX) < 0.5);
    if (link === undefined) {
      link = { x: p.linkX, id: b.node(`${pre}-aisle-parking`, 'way', y.country, [p.linkX, y.aisleY]) };
      aisle.push(link);
    }
    aisle.sort((u, v) => u.x - v.x);
    for (let i = 0; i + 1 < aisle.length; i++) b.twoWay(aisle[i]!.id, aisle[i + 1]!.id, 'yard');
    // Parking rows (aisles of stalls) from one link node, each running its own way: the stall
    // junctions of a row are 5 m apart with 14 m zones, so each row is one slow shared resource
    // near its start; two shorter rows from the middle of the yard share the traffic.
    const rows = p.rows ?? [{ x0: p.x0, x1: p.x1 }];
    const stallColumns = rows.map((r) => Math.floor(Math.abs(r.x1 - r.x0) / STALL_PITCH_M));
    const want = Math.ceil((stallsPerYard ?? 0) / 2) - stallColumns.reduce((u, v) => u + v, 0);
    if (want > 0) stallColumns[stallColumns.length - 1]! += want;
    const pLink = b.node(`${pre}-parking-in`, 'way', y.country, [p.linkX, p.aisleY]);
    b.twoWay(link.id, pLink, 'yard');
    let k = 0;
    rows.forEach((row, r) => {
      const dir = Math.sign(row.x1 - row.x0);
      let prev = pLink;
      const columns = stallColumns[r]! + 1;
      for (let col = 0; col < columns; col++) {
        // The stub at the end is two pitches long, enough straight for a vehicle turning out of the last stalls.
        const x = row.x0 + dir * (col * STALL_PITCH_M + (col === columns - 1 ? STALL_PITCH_M : 0));
        const a = b.node(r === 0 ? `${pre}-parking-aisle-${col + 1}` : `${pre}-parking-${r + 1}-aisle-${col + 1}`, 'way', y.country, [x, p.aisleY]);
        b.twoWay(prev, a, 'yard');
        prev = a;
        // The last aisle node is only a turning stub for the straight before it: no stalls there.
        if (col === columns - 1) continue;
        for (const side of [1, -1]) {
          const s = b.node(`${pre}-stall-${String(++k).padStart(3, '0')}`, 'parking', y.country, [x, p.aisleY + side * SPUR_M]);
          b.spur(a, s);
        }
      }
    });
    return { arrive, leave };
  };
  const vn = yardNodes(site.vn);
  const cn = yardNodes(site.cn);

  // Northbound carriageway (right of the centreline) and southbound (left), with the gate fans.
  const sBorder = stationOf(c, site.border);
  const gateFan = (gate: GateSpec, northbound: boolean, carriage: (s: number) => Point, prefix: string): { into: string; out: string; sIn: number; sOut: number } => {
    const exit = northbound === (gate.country === 'VN');
    const lanes = exit ? gate.exit : gate.entry;
    // No waiting slot right behind each exit gate position: tried, the extra stops and junction
    // waits cost more than the shorter approach saved.
    return fan(lanes, stationOf(c, lanes[0]!.at), northbound, carriage, prefix, 'gate-lane', gate.country, FAN_M);
  };
  // Holding bays before each exit gate: pull-in bays beside the carriageway, each a short loop
  // off it. A vehicle waits in a bay for a free gate lane, so it holds the lane only for the last
  // stretch, not for the drive from the yard; the bays are what it holds while in transit.
  const bayRow = (country: Country, sFirst: number, count: number, northbound: boolean, carriage: (s: number) => Point, prefix: string): { into: string; out: string; sIn: number; sOut: number } => {
    const sign = northbound ? 1 : -1;
    const st = (k: number): number => sFirst + sign * k * BAY_PITCH_M;
    let prev = b.node(`${prefix}-0`, 'way', country, carriage(st(0)));
    const first = prev;
    for (let k = 0; k < count; k++) {
      const next = b.node(`${prefix}-${k + 1}`, 'way', country, carriage(st(k + 1)));
      const d0 = direction(c, st(k) + (sign * BAY_PITCH_M) / 2);
      const d: Point = [sign * d0[0], sign * d0[1]];
      const right: Point = [d[1], -d[0]];
      const a = b.nodes.find((n) => n.id === prev)!.position;
      const z = b.nodes.find((n) => n.id === next)!.position;
      const mid: Point = [(a[0] + z[0]) / 2 + right[0] * 8, (a[1] + z[1]) / 2 + right[1] * 8];
      const bay = b.node(`${country.toLowerCase()}-bay-${String(k + 1).padStart(2, '0')}`, 'parking', country, mid);
      const p1: Point = [a[0] + 12 * (d[0] * Math.cos(Math.PI / 6) + right[0] * 0.5), a[1] + 12 * (d[1] * Math.cos(Math.PI / 6) + right[1] * 0.5)];
      const p2: Point = [z[0] - 12 * (d[0] * Math.cos(Math.PI / 6) - right[0] * 0.5), z[1] - 12 * (d[1] * Math.cos(Math.PI / 6) - right[1] * 0.5)];
      b.edge(prev, next, 'road', { lanes: 2 });
      b.edge(prev, bay, 'road', { via: [p1], kmh: 18 });
      b.edge(bay, next, 'road', { via: [p2], kmh: 18 });
      prev = next;
    }
    return { into: first, out: prev, sIn: st(0), sOut: st(count) };
  };
  const fan = (lanes: Array<{ equipment: string | undefined; at: Point }>, sMid: number, northbound: boolean, carriage: (s: number) => Point, prefix: string, kind: NodeKind, country: Country, reach: number): { into: string; out: string; sIn: number; sOut: number } => {
    const gate = { country };
    const sIn = northbound ? sMid - reach : sMid + reach;
    const sOut = northbound ? sMid + reach : sMid - reach;
    const into = b.node(`${prefix}-fan-in`, 'way', gate.country, carriage(sIn));
    const out = b.node(`${prefix}-fan-out`, 'way', gate.country, carriage(sOut));
    const c0 = direction(c, sMid);
    const sign = northbound ? 1 : -1;
    // Travel direction and its right-hand normal (the lanes of each direction lie to its right).
    const d: Point = [sign * c0[0], sign * c0[1]];
    const right: Point = [d[1], -d[0]];
    const fromIn = b.nodes.find((n) => n.id === into)!.position;
    const toOut = b.nodes.find((n) => n.id === out)!.position;
    const n = lanes.length;
    // Branches leave and join the carriageway at distinct angles (0° to 60°), so the junction zones stay short.
    [...lanes]
      .sort((u, v) => Math.abs((u.at[0] - fromIn[0]) * right[0] + (u.at[1] - fromIn[1]) * right[1]) - Math.abs((v.at[0] - fromIn[0]) * right[0] + (v.at[1] - fromIn[1]) * right[1]))
      .forEach((l, i) => {
        const a = n > 1 ? ((Math.PI / 3) * i) / (n - 1) : 0;
        const out1: Point = [d[0] * Math.cos(a) + right[0] * Math.sin(a), d[0] * 0 + d[1] * Math.cos(a) + right[1] * Math.sin(a)];
        const g = b.node(`${prefix}-${kind === 'parking' ? 'bay' : 'lane'}-${lanes.indexOf(l) + 1}`, kind, gate.country, l.at, l.equipment);
        const p1: Point = [fromIn[0] + 12 * out1[0], fromIn[1] + 12 * out1[1]];
        const before: Point = [l.at[0] - d[0] * 20, l.at[1] - d[1] * 20];
        const after: Point = [l.at[0] + d[0] * 20, l.at[1] + d[1] * 20];
        const back: Point = [d[0] * Math.cos(a) - right[0] * Math.sin(a), d[1] * Math.cos(a) - right[1] * Math.sin(a)];
        const p2: Point = [toOut[0] - 12 * back[0], toOut[1] - 12 * back[1]];
        b.edge(into, g, 'road', { via: [p1, before], kmh: 18 });
        b.edge(g, out, 'road', { via: [after, p2], kmh: 18 });
      });
    return { into, out, sIn, sOut };
  };
  const north = (s: number): Point => along(c, s, CARRIAGEWAY_OFFSET_M);
  const south = (s: number): Point => along(c, s, -CARRIAGEWAY_OFFSET_M);
  // Stations where the centreline bends get a way node, so the carriageway follows the road.
  const bends: number[] = [];
  let acc = 0;
  for (let k = 1; k + 1 < c.length; k++) {
    acc += Math.hypot(c[k]![0] - c[k - 1]![0], c[k]![1] - c[k - 1]![1]);
    bends.push(acc);
  }
  const vnFanN = gateFan(site.vnGate, true, north, 'vn-exit');
  const cnFanN = gateFan(site.cnGate, true, north, 'cn-entry');
  const cnFanS = gateFan(site.cnGate, false, south, 'cn-exit');
  const vnFanS = gateFan(site.vnGate, false, south, 'vn-entry');
  const sVnStart = 40;
  const sCnEnd = total - 40;
  const vnBayCount = Math.max(1, Math.floor((vnFanN.sIn - 15 - sVnStart - 5) / BAY_PITCH_M));
  const vnBays = bayRow('VN', vnFanN.sIn - 15 - vnBayCount * BAY_PITCH_M, vnBayCount, true, north, 'nb-vn-bays');
  const cnBays = bayRow('CN', cnFanS.sIn + 40 + CN_BAYS * BAY_PITCH_M, CN_BAYS, false, south, 'sb-cn-bays');
  const chain = (from: string, to: string, s0: number, s1: number, side: (s: number) => Point, prefix: string, country: (s: number) => Country): void => {
    const inner = bends.filter((s) => (s0 < s1 ? s > s0 + 30 && s < s1 - 30 : s < s0 - 30 && s > s1 + 30)).sort((u, v) => (s0 < s1 ? u - v : v - u));
    let prev = from;
    inner.forEach((s, i) => {
      const n = b.node(`${prefix}-${i + 1}`, 'way', country(s), side(s));
      b.edge(prev, n, 'road', { lanes: 2 });
      prev = n;
    });
    b.edge(prev, to, 'road', { lanes: 2 });
  };
  const countryAt = (s: number): Country => (s < sBorder ? 'VN' : 'CN');
  // Northbound: VN yard → (VN start) → VN exit fan → border → CN entry fan → CN yard.
  const nStart = b.node('nb-start', 'way', 'VN', north(sVnStart));
  b.edge(vn.leave, nStart, 'yard', { lanes: 2 });
  chain(nStart, vnBays.into, sVnStart, vnBays.sIn, north, 'nb-vn', countryAt);
  b.edge(vnBays.out, vnFanN.into, 'road', { lanes: 2 });
  const nBorder = b.node('nb-border', 'border', 'VN', north(sBorder));
  chain(vnFanN.out, nBorder, vnFanN.sOut, sBorder, north, 'nb-vn-b', countryAt);
  chain(nBorder, cnFanN.into, sBorder, cnFanN.sIn, north, 'nb-cn-b', countryAt);
  const nEnd = b.node('nb-end', 'way', 'CN', north(sCnEnd));
  chain(cnFanN.out, nEnd, cnFanN.sOut, sCnEnd, north, 'nb-cn', countryAt);
  b.edge(nEnd, cn.arrive, 'yard', { lanes: 2 });
  // Southbound: CN yard → CN exit fan → border → VN entry fan → scanners (or past them) → VN yard.
  const sStart = b.node('sb-start', 'way', 'CN', south(sCnEnd));
  b.edge(cn.leave, sStart, 'yard', { lanes: 2 });
  chain(sStart, cnBays.into, sCnEnd, cnBays.sIn, south, 'sb-cn', countryAt);
  b.edge(cnBays.out, cnFanS.into, 'road', { lanes: 2 });
  const sBorderN = b.node('sb-border', 'border', 'CN', south(sBorder));
  chain(cnFanS.out, sBorderN, cnFanS.sOut, sBorder, south, 'sb-cn-b', countryAt);
  chain(sBorderN, vnFanS.into, sBorder, vnFanS.sIn, south, 'sb-vn-b', countryAt);
  const sScan0 = stationOf(c, [0, site.scanEntryY]) + SCAN_SPLIT_M;
  const sScan1 = stationOf(c, [0, site.scanExitY]) - SCAN_JOIN_M;
  const s1 = b.node('sb-scan-split', 'way', 'VN', south(sScan0));
  chain(vnFanS.out, s1, vnFanS.sOut, sScan0, south, 'sb-vn', countryAt);
  const s2 = b.node('sb-scan-join', 'way', 'VN', south(sScan1));
  b.edge(s1, s2, 'road', { lanes: 2 });
  site.scanners.forEach((sc, i) => {
    const en = b.node(`vn-scanner-${i + 1}-entry`, 'scanner-entry', 'VN', [sc.x, site.scanEntryY], sc.equipment);
    const ex = b.node(`vn-scanner-${i + 1}-exit`, 'scanner-exit', 'VN', [sc.x, site.scanExitY], sc.equipment);
    // The branches to and from a portal are road, driven like the gate fans' (18 km/h): only the
    // portal itself is slow, and a junction passed at yard speed held the whole southbound flow.
    b.edge(s1, en, 'road', { kmh: SCANNER_BRANCH_KMH });
    b.edge(en, ex, 'scanner');
    b.edge(ex, s2, 'road', { kmh: SCANNER_BRANCH_KMH });
  });
  const sEnd = b.node('sb-end', 'way', 'VN', south(sVnStart));
  b.edge(s2, sEnd, 'road', { lanes: 2 });
  b.edge(sEnd, vn.arrive, 'yard', { lanes: 2 });
  return { laneWidthM: 3.75, nodes: b.nodes, edges: b.edges };
}

// ---- the presets ------------------------------------------------------------------------------

function equipmentOf(s: Scenario, kind: Equipment['kind'], prefix: string): Equipment[] {
  return s.layout.equipment.filter((e) => e.kind === kind && e.id.startsWith(prefix)).sort((a, b) => (a.id < b.id ? -1 : 1));
}

function zoneOf(s: Scenario, id: string): Zone {
  const z = s.layout.zones.find((x) => x.id === id);
  if (z === undefined) throw new Error(`no zone ${id}`);
  return z;
}

function bounds(z: Zone): { x0: number; x1: number; y0: number; y1: number } {
  const xs = z.polygon.map((p) => p[0]);
  const ys = z.polygon.map((p) => p[1]);
  return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
}

function label(en: string, vi: string, zh: string): Zone['label'] {
  return { vi, en, zh };
}

/**
 * The site spec of a smart preset from its zones and equipment. The Vietnamese yard lies south of
 * the border with its storage south of the transfer strip; the Chinese yard north with its storage
 * north of it. Returns the spec and the layout changes it needs (parking zones, charger and scanner
 * positions inside their zones, on the network's nodes).
 */
export function presetSite(s: Scenario): SiteSpec {
  const route = s.layout.routes.find((r) => r.kind === 'igv')!;
  const vnT = bounds(zoneOf(s, 'vn-transfer-yard'));
  const cnT = bounds(zoneOf(s, 'cn-transfer-yard'));
  const vnAisle = vnT.y1 - 13;
  const cnAisle = cnT.y0 + 17;
  const first = route.path[0]!;
  const last = route.path[route.path.length - 1]!;
  // The centreline from the VN aisle to the CN aisle along the route.
  const cnEndX = (() => {
    const a = route.path[route.path.length - 2]!;
    const t = (cnAisle - a[1]) / (last[1] - a[1]);
    return a[0] + t * (last[0] - a[0]);
  })();
  const centre: Point[] = [[first[0], vnAisle], ...route.path.slice(1, -1), [cnEndX, cnAisle]];
  const cranes = (country: 'vn' | 'cn') => equipmentOf(s, 'crane', `${country}-crane`).map((e) => ({ x: e.position[0], crane: e.id })).sort((a, b) => a.x - b.x);
  const vnCharging = bounds(zoneOf(s, 'vn-charging'));
  const chargers = equipmentOf(s, 'battery-swap', 'vn-').concat(equipmentOf(s, 'charger', 'vn-'));
  const vnParkingZone: Zone = { id: 'vn-igv-parking', kind: 'parking', country: 'VN', label: label('IGV parking (VN)', 'Bãi đỗ xe tự hành (VN)', 'IGV 停车区（越方）'), polygon: [] };
  const cnParkingZone: Zone = { id: 'cn-igv-parking', kind: 'parking', country: 'CN', label: label('IGV parking (CN)', 'Bãi đỗ xe tự hành (TQ)', 'IGV 停车区（中方）'), polygon: [] };
  // VN parking north of the transfer strip, east of the road; CN parking south of the CN strip, on the side away from the road.
  const vnPAisle = vnT.y1 + VN_PARKING_AISLE_M;
  vnParkingZone.polygon = [[60, vnPAisle - 37], [315, vnPAisle - 37], [315, vnPAisle + 37], [60, vnPAisle + 37]];
  // The CN parking aisle lies far enough south that its near row of stalls keeps 40 m (centre to
  // centre) from the waiting stalls across the yard aisle: 25 m of clearance between two parked
  // IGVs end to end, so even a footprint 2.5 times as long as an IGV does not reach the next one.
  const cnPAisle = cnT.y0 - 73;
  const roadAtCn = cnEndX;
  const eastOfRoad = cnT.x1 - roadAtCn > roadAtCn - cnT.x0;
  const cnP = eastOfRoad ? { x0: roadAtCn + 55, x1: cnT.x1 - 10 } : { x0: roadAtCn - 55, x1: cnT.x0 + 10 };
  const cnLo = Math.min(cnP.x0, cnP.x1) - 15;
  const cnHi = Math.max(cnP.x0, cnP.x1) + 5;
  cnParkingZone.polygon = [[cnLo, cnPAisle - 37], [cnHi, cnPAisle - 37], [cnHi, cnPAisle + 37], [cnLo, cnPAisle + 37]];
  const cnCranes = cranes('cn');
  const cnDir = Math.sign(cnP.x1 - cnP.x0);
  // The crane nearest the middle of the parking area links it to the yard aisle.
  const cnMid = cnCranes.reduce((best, cr) => (Math.abs(cr.x - (cnP.x0 + cnP.x1) / 2) < Math.abs(best.x - (cnP.x0 + cnP.x1) / 2) ? cr : best)).x;
  const vnCranes = cranes('vn');
  const vnLink = vnCranes.reduce((best, cr) => (Math.abs(cr.x - 75) < Math.abs(best.x - 75) ? cr : best)).x;
  const lanes = (zone: string) => equipmentOf(s, 'gate-lane', zone).map((e) => ({ equipment: e.id, at: e.position }));
  const vnLanes = lanes('vn-border-lane');
  const cnLanes = lanes('cn-border-lane');
  // Vehicles keep right: northbound lanes east of the centreline, southbound west.
  const half = <T>(xs: T[], east: boolean, key: (x: T) => number): T[] => {
    const sorted = [...xs].sort((a, b) => key(a) - key(b));
    const n = sorted.length / 2;
    return east ? sorted.slice(n) : sorted.slice(0, n).reverse();
  };
  const scannerZone = bounds(zoneOf(s, 'vn-scanner'));
  return {
    centre,
    border: [0, 0],
    vn: {
      country: 'VN',
      aisleY: vnAisle,
      tpY: vnAisle - SPUR_M,
      craneXs: vnCranes,
      chargers: chargers.map((e) => ({ x: e.position[0], y: vnAisle + SPUR_M, equipment: e.id })).filter((ch) => ch.y < vnCharging.y1 - 8),
      arriveX: -20,
      leaveX: 20,
      aisleStallsAwayFromX: 0,
      parking: { aisleY: vnPAisle, x0: vnLink + 20, x1: 310, linkX: vnLink, zone: vnParkingZone },
    },
    cn: {
      country: 'CN',
      aisleY: cnAisle,
      tpY: cnAisle + SPUR_M,
      craneXs: cnCranes,
      chargers: [],
      aisleStallsAwayFromX: cnEndX,
      arriveX: cnEndX + 20,
      leaveX: cnEndX - 20,
      parking: { aisleY: cnPAisle, x0: cnP.x0, x1: cnP.x1, linkX: cnMid, zone: cnParkingZone, rows: [{ x0: cnMid - cnDir * 20, x1: cnP.x0 - cnDir * 10 }, { x0: cnMid + cnDir * 20, x1: cnP.x1 }] },
    },
    vnGate: { country: 'VN', exit: half(vnLanes, true, (l) => l.at[0]), entry: half(vnLanes, false, (l) => l.at[0]) },
    cnGate: { country: 'CN', entry: half(cnLanes, true, (l) => l.at[0]), exit: half(cnLanes, false, (l) => l.at[0]) },
    scanners: [
      { x: -22, equipment: 'vn-scanner-01' },
      { x: -44, equipment: 'vn-scanner-02' },
    ],
    scanEntryY: scannerZone.y1 - 10,
    scanExitY: scannerZone.y0 + 10,
  };
}

/** Applies the network to a smart preset: zones, equipment positions, network, vehicle, transport and dispatch strategies. */
export function withNetwork(s: Scenario, stallsPerYard?: number): Scenario {
  const site = presetSite(s);
  const network = siteNetwork(site, stallsPerYard);
  const zones = s.layout.zones.filter((z) => z.id !== 'vn-igv-parking' && z.id !== 'cn-igv-parking').concat([site.vn.parking.zone, site.cn.parking.zone]);
  const moved = new Map<string, Point>();
  for (const ch of site.vn.chargers) moved.set(ch.equipment, [ch.x, ch.y]);
  for (const sc of site.scanners) moved.set(sc.equipment, [sc.x, (site.scanEntryY + site.scanExitY) / 2]);
  const equipment = s.layout.equipment.map((e) => (moved.has(e.id) ? { ...e, position: moved.get(e.id)! } : e));
  const igv = s.transport.igv!;
  return {
    ...s,
    layout: { ...s.layout, zones, equipment, network },
    transport: { ...s.transport, igv: { ...igv, vehicle: IGV_VEHICLE } },
    // Own side first: fewer empty crossings both ways (see SideFirstDispatcher; Huu Nghi 2030,
    // 5 seeds × 2 days: +8.9 % vehicles a day over nearest-fcfs on the same network).
    control: { ...s.control, transport: { strategy: 'network' }, dispatch: { strategy: 'side-first' } },
  };
}

// Only when run as the script itself (not when bundled into something else that imports it).
if (process.argv[1] !== undefined && /lane-networks\.ts$/.test(process.argv[1]) && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const name of ['huu-nghi-smart-2030', 'huu-nghi-peak-2030', 'tan-thanh-smart-2030']) {
    const file = join(PRESETS_DIR, `${name}.json`);
    const s = JSON.parse(readFileSync(file, 'utf8')) as Scenario;
    const out = withNetwork(s);
    writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
    const net = out.layout.network!;
    console.log(`${name}: ${net.nodes.length} nodes, ${net.edges.length} edges`);
  }
}

export { offsetPolyline };
