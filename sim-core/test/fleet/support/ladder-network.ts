import type { DISPATCH_STRATEGIES, LaneNetwork, NetworkEdge, NetworkNode, Point, Scenario, VehicleDimensions } from '../../../src/model/scenario.ts';
import { smartScenario } from '../../support/model-fixture.ts';

/** The IGV of the presets: 15 m × 3 m. */
export const VEHICLE: VehicleDimensions = { lengthM: 15, widthM: 3, minTurnRadiusM: 8, accelerationMps2: 0.5, decelerationMps2: 0.8 };

export interface LadderOptions {
  /** Transfer points per yard. */
  tps: number;
  /** Parking stalls per yard. */
  stalls: number;
  /** Gate lanes per direction and side. */
  lanes?: number;
  /** Distance between the yards, metres. */
  lengthM?: number;
}

/**
 * A small lane network for tests: two yards 1 km apart (VN south, CN north), each a two-way aisle
 * with dead-end spurs to its transfer points, stalls and (VN) a charger, and two one-way
 * carriageways 40 m apart with the border gates on them. With one gate lane each way and one
 * transfer point per yard it is the deadlock-prone layout: six vehicles can each hold what the next
 * one waits for.
 */
export function ladderNetwork(o: LadderOptions): LaneNetwork {
  const nodes: NetworkNode[] = [];
  const edges: NetworkEdge[] = [];
  const L = o.lengthM ?? 1000;
  const lanes = o.lanes ?? 1;
  const node = (id: string, kind: NetworkNode['kind'], country: 'VN' | 'CN', position: Point, equipment?: string): string => {
    nodes.push(equipment === undefined ? { id, kind, country, position } : { id, kind, country, position, equipment });
    return id;
  };
  const edge = (from: string, to: string, kind: NetworkEdge['kind'], extra: Partial<NetworkEdge> = {}): void => {
    edges.push({ id: `${from}-to-${to}`, from, to, lanes: 1, speedLimitKmh: kind === 'road' ? 30 : 10, kind, ...extra });
  };
  const yard = (c: 'VN' | 'CN', y: number, dir: 1 | -1): { arrive: string; leave: string } => {
    const p = c.toLowerCase();
    const spots: Array<{ kind: NetworkNode['kind']; id: string }> = [];
    for (let i = 0; i < o.tps; i++) spots.push({ kind: 'crane-transfer', id: `${p}-tp-${i + 1}` });
    if (c === 'VN') spots.push({ kind: 'charging', id: `${p}-charger-1` });
    for (let i = 0; i < o.stalls; i++) spots.push({ kind: 'parking', id: `${p}-stall-${i + 1}` });
    const aisle: Array<{ x: number; id: string }> = [];
    spots.forEach((s, i) => {
      const x = 60 + i * 30;
      const a = node(`${p}-aisle-${i + 1}`, 'way', c, [x, y]);
      node(s.id, s.kind, c, [x, y - dir * 25]);
      edge(a, s.id, 'yard', { offsetM: 0 });
      edge(s.id, a, 'yard', { offsetM: 0 });
      aisle.push({ x, id: a });
    });
    const arrive = node(`${p}-yard-in`, 'way', c, [c === 'VN' ? -20 : 20, y]);
    const leave = node(`${p}-yard-out`, 'way', c, [c === 'VN' ? 20 : -20, y]);
    aisle.push({ x: c === 'VN' ? -20 : 20, id: arrive }, { x: c === 'VN' ? 20 : -20, id: leave });
    aisle.sort((a, b) => a.x - b.x);
    for (let i = 0; i + 1 < aisle.length; i++) {
      edge(aisle[i]!.id, aisle[i + 1]!.id, 'yard');
      edge(aisle[i + 1]!.id, aisle[i]!.id, 'yard');
    }
    return { arrive, leave };
  };
  const vn = yard('VN', 0, 1);
  const cn = yard('CN', L, -1);
  // A carriageway at x with gate lanes (a fan when more than one) at y1 (leaving side) and y2 (entering side).
  const carriage = (name: string, x: number, from: string, to: string, y0: number, y1: number, y2: number, c1: 'VN' | 'CN', c2: 'VN' | 'CN'): void => {
    const s = Math.sign(y2 - y0);
    const gate = (tag: string, y: number, c: 'VN' | 'CN', prev: string): string => {
      const a = node(`${name}-${tag}-in`, 'way', c, [x, y - s * 60]);
      edge(prev, a, 'road', { lanes: 2 });
      const b = node(`${name}-${tag}-out`, 'way', c, [x, y + s * 60]);
      for (let k = 0; k < lanes; k++) {
        const gx = x + (s > 0 ? 1 : -1) * 8 * k;
        const g = node(`${name}-${tag}-lane-${k + 1}`, 'gate-lane', c, [gx, y]);
        edge(a, g, 'road', k === 0 ? {} : { via: [[gx, y - s * 30]] });
        edge(g, b, 'road', k === 0 ? {} : { via: [[gx, y + s * 30]] });
      }
      return b;
    };
    const start = node(`${name}-start`, 'way', c1, [x, y0 + s * 40]);
    edge(from, start, 'yard', { lanes: 2 });
    const g1 = gate('exit', y1, c1, start);
    const border = node(`${name}-border`, 'border', c1, [x, L / 2]);
    edge(g1, border, 'road', { lanes: 2 });
    const g2 = gate('entry', y2, c2, border);
    const end = node(`${name}-end`, 'way', c2, [x, y0 + s * (L - 40)]);
    edge(g2, end, 'road', { lanes: 2 });
    edge(end, to, 'yard', { lanes: 2 });
  };
  carriage('nb', 20, vn.leave, cn.arrive, 0, 200, L - 200, 'VN', 'CN');
  carriage('sb', -20, cn.leave, vn.arrive, L, L - 200, 200, 'CN', 'VN');
  return { nodes, edges };
}

/** The model fixture's smart scenario driven on a ladder network with the network transport. */
export function ladderScenario(o: LadderOptions & { igvs: number; vehiclesPerDay?: number; days?: number; traffic?: 'buffered' | 'direct'; dispatch?: (typeof DISPATCH_STRATEGIES)[number] }): Scenario {
  const s = smartScenario({ igvs: o.igvs, vehiclesPerDay: o.vehiclesPerDay ?? 600, days: o.days ?? 0.5, cranes: 6 });
  return {
    ...s,
    layout: { ...s.layout, network: ladderNetwork(o) },
    transport: { ...s.transport, igv: { ...s.transport.igv!, vehicle: VEHICLE } },
    control: { ...s.control, transport: { strategy: 'network' }, traffic: { strategy: o.traffic ?? 'buffered' }, dispatch: { strategy: o.dispatch ?? 'nearest-fcfs' } },
  };
}
