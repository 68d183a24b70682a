import { describe, expect, it } from 'vitest';
import type { LaneNetwork, NetworkEdge, NetworkNode, Point, Scenario, VehicleDimensions } from '../../sim-core/src/model/scenario.ts';
import { layoutFindings, loadScenario, presetNames, type LayoutFinding } from '../index.ts';
import { fittingRadius, trimPolyline } from '../checks/lane-geometry.ts';
import { requiredClearanceM } from '../checks/lane-zones.ts';

const VEHICLE: VehicleDimensions = { lengthM: 15, widthM: 3, minTurnRadiusM: 12, accelerationMps2: 0.5, decelerationMps2: 0.8 };

function node(id: string, kind: NetworkNode['kind'], position: Point, country: NetworkNode['country'] = 'VN'): NetworkNode {
  return { id, kind, country, position };
}

/**
 * Both directions of a road between two nodes (ids `a-b` and `b-a`). By default each direction's
 * lane runs half a lane width (1.875 m) right of the centreline; `offsetM: 0` puts both on it.
 */
function road(a: string, b: string, via: Point[] = [], offsetM?: number): NetworkEdge[] {
  const one = (from: string, to: string, v: Point[]): NetworkEdge => ({
    id: `${from}-${to}`, from, to, lanes: 1, speedLimitKmh: 18, kind: 'road', ...(v.length > 0 ? { via: v } : {}), ...(offsetM === undefined ? {} : { offsetM }),
  });
  return [one(a, b, via), one(b, a, [...via].reverse())];
}

/**
 * A clean network on the Huu Nghi smart layout: a crane transfer point on the export block's
 * edge (y = −565), a yard aisle at y = −530 in the transfer yard, the IGV road up x = 0 to a border
 * node on the zero line at (0, 0), and on into China.
 */
function cleanNetwork(): LaneNetwork {
  return {
    nodes: [
      node('t1', 'crane-transfer', [-100, -565]),
      node('y1', 'way', [-100, -530]),
      node('y2', 'way', [0, -530]),
      node('b0', 'border', [0, 0]),
      node('c1', 'way', [0, 60], 'CN'),
    ],
    edges: [...road('t1', 'y1'), ...road('y1', 'y2'), ...road('y2', 'b0'), ...road('b0', 'c1')],
  };
}

function scenarioWith(network: LaneNetwork, vehicle: VehicleDimensions | null = VEHICLE): Scenario {
  const r = loadScenario('huu-nghi-smart-2030');
  if (!r.ok) throw new Error('the smart preset must load');
  const s = structuredClone(r.scenario);
  s.layout.network = network;
  if (s.transport.igv === undefined) throw new Error('the smart preset has an IGV fleet');
  if (vehicle === null) delete s.transport.igv.vehicle;
  else s.transport.igv.vehicle = vehicle;
  return s;
}

function codes(fs: LayoutFinding[]): string[] {
  return fs.map((f) => `${f.severity}:${f.code}`);
}

describe('layout review of the lane network', () => {
  it('a clean network, with a lane ending at a crane transfer point on the block edge, has no finding', () => {
    expect(layoutFindings(scenarioWith(cleanNetwork()))).toEqual([]);
  });

  it('no network, nothing to review; a network without vehicle dimensions is an error', () => {
    const r = loadScenario('tiny');
    expect(r.ok && layoutFindings(r.scenario)).toEqual([]);
    const fs = layoutFindings(scenarioWith(cleanNetwork(), null));
    expect(codes(fs)).toEqual(['error:network-without-vehicle']);
    expect(fs[0]!.path).toBe('$.transport.igv.vehicle');
  });

  it('a lane through the administration building is an error at the point where it enters, each way', () => {
    const n = cleanNetwork();
    n.nodes.push(node('p1', 'parking', [-500, -530]));
    n.edges.push(...road('y1', 'p1'));
    const fs = layoutFindings(scenarioWith(n)).filter((f) => f.code === 'lane-in-zone');
    // Westbound drives 1.875 m north of the centreline, eastbound 1.875 m south.
    expect(fs.map((f) => [f.severity, f.path, f.at])).toEqual([
      ['error', '$.layout.network.edges[8]', [-340, -528.125]],
      ['error', '$.layout.network.edges[9]', [-480, -531.875]],
    ]);
    expect(fs[0]!.message).toBe('lane y1-p1 (y1 → p1) enters admin zone "vn-admin" at (-340, -528.12); vehicles cannot drive through a building');
  });

  it('a via point inside a storage block is an error named by its via index', () => {
    const n = cleanNetwork();
    n.edges[2] = { ...n.edges[2]!, via: [[-50, -530], [-50, -600], [-40, -600], [-40, -530]] }; // y1-y2 dips into the export block
    const fs = layoutFindings(scenarioWith(n)).filter((f) => f.code === 'lane-in-zone');
    expect(fs).toHaveLength(1);
    // Driving south on the via leg, the lane is 1.875 m west of it (right of the direction).
    expect(fs[0]).toMatchObject({ path: '$.layout.network.edges[2].via[0]', at: [-51.875, -565] });
    expect(fs[0]!.message).toContain('container storage block');
  });

  it('too little clearance along a block is a warning with the distance, the need and where', () => {
    const n = cleanNetwork();
    // A road 3.375 m above the block: its eastbound lane runs 1.5 m from it, the westbound 5.25 m.
    n.nodes.push(node('w1', 'way', [-280, -561.625]), node('w2', 'way', [-150, -561.625]));
    n.edges.push(...road('w1', 'w2'));
    const fs = layoutFindings(scenarioWith(n)).filter((f) => f.code === 'lane-clearance');
    expect(fs).toHaveLength(1);
    expect(fs[0]!.severity).toBe('warning');
    expect(fs[0]!.path).toBe('$.layout.network.edges[8]');
    expect(fs[0]!.at[1]).toBeCloseTo(-563.5, 9);
    expect(fs[0]!.message).toMatch(/^lane w1-w2 \(w1 → w2\) passes 1\.50 m from export-storage zone "vn-export-storage" .*need 2\.00 m/);
    expect(requiredClearanceM(VEHICLE)).toBe(2); // 3 m / 2 + 0.5 m
  });

  it('a one-way edge of two lanes is centred on its line: the outer lane is the one that comes close', () => {
    const n = cleanNetwork();
    n.nodes.push(node('w1', 'way', [-280, -562.5]), node('w2', 'way', [-150, -562.5]));
    n.edges.push({ id: 'w1-w2', from: 'w1', to: 'w2', lanes: 2, speedLimitKmh: 18, kind: 'road' });
    const fs = layoutFindings(scenarioWith(n)).filter((f) => f.code === 'lane-clearance');
    // Lane centres at −560.625 and −564.375: the second is 0.625 m from the block's edge at −565.
    expect(fs).toHaveLength(1);
    expect(fs[0]!.at[1]).toBeCloseTo(-564.375, 9);
    expect(fs[0]!.message).toMatch(/, 2 lanes\) passes 0\.6\d m/);
  });

  it('a crane transfer point gets its approach along the block; a plain node there does not', () => {
    const n = cleanNetwork();
    // The same transfer point reached along the block edge, 1 m off it, from 60 m away.
    n.nodes.push(node('w3', 'way', [-160, -564]), node('t2', 'crane-transfer', [-120, -564]));
    n.edges.push(...road('w3', 't2', [], 0)); // a spur, driven in and backed out on one line
    const near = layoutFindings(scenarioWith(n)).filter((f) => f.code === 'lane-clearance');
    // Only the part more than a vehicle length plus clearance (17 m) away from t2 is checked.
    expect(near.map((f) => f.message.slice(0, 12))).toEqual(['lane w3-t2 (', 'lane t2-w3 (']);
    const plain = cleanNetwork();
    plain.nodes.push(node('w4', 'way', [-125, -564]), node('w5', 'way', [-120, -564]));
    plain.edges.push(...road('w4', 'w5', [], 0));
    expect(layoutFindings(scenarioWith(plain)).filter((f) => f.code === 'lane-clearance')).toHaveLength(2);
    const short = cleanNetwork();
    short.nodes.push(node('w6', 'way', [-125, -564]), node('t3', 'crane-transfer', [-120, -564]));
    short.edges.push(...road('w6', 't3', [], 0));
    expect(layoutFindings(scenarioWith(short)).filter((f) => f.code === 'lane-clearance')).toEqual([]);
  });

  it('a right-angle via turn with 5 m legs fits a 2.5 m radius: too tight for a 12 m IGV', () => {
    const n = cleanNetwork();
    n.nodes.push(node('k1', 'way', [100, -400]), node('k2', 'way', [105, -395]));
    n.edges.push(...road('k1', 'k2', [[105, -400]]));
    const fs = layoutFindings(scenarioWith(n)).filter((f) => f.code === 'turn-too-tight');
    expect(fs.map((f) => [f.severity, f.path, f.at])).toEqual([
      ['error', '$.layout.network.edges[8].via[0]', [105, -400]],
      ['error', '$.layout.network.edges[9].via[0]', [105, -400]],
    ]);
    expect(fs[0]!.message).toBe('lane k1-k2 turns by 90° at (105, -400); the straight stretches around the corner leave room for a 5.0 m radius, the IGV needs at least 12 m');
    // Legs of 20 m allow 20 m ≥ 12 m: no finding.
    const ok = cleanNetwork();
    ok.nodes.push(node('k3', 'way', [100, -400]), node('k4', 'way', [120, -380]));
    ok.edges.push(...road('k3', 'k4', [[120, -400]]));
    expect(layoutFindings(scenarioWith(ok)).filter((f) => f.code === 'turn-too-tight')).toEqual([]);
  });

  it('an aisle of short edges is one straight: stalls off its middle fit, a stall 5 m from its dead end does not', () => {
    const n = cleanNetwork();
    // Aisle a0 … a6 at 5 m pitch eastwards from y2, stalls 20 m north of a3 and of a6 (the end).
    const aisle = ['y2', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
    aisle.slice(1).forEach((id, i) => n.nodes.push(node(id, 'way', [5 * (i + 1), -530])));
    for (let i = 0; i + 1 < aisle.length; i++) n.edges.push(...road(aisle[i]!, aisle[i + 1]!));
    n.nodes.push(node('st3', 'parking', [15, -510]), node('st5', 'parking', [25, -510]));
    n.edges.push(...road('a3', 'st3'), ...road('a5', 'st5'));
    const fs = layoutFindings(scenarioWith(n)).filter((f) => f.code === 'turn-too-tight');
    // a3 has 15 m of aisle on either side (≥ 12 m): fine. a5 is 5 m from the aisle's end at a6.
    expect(fs.map((f) => f.message.match(/from lane (\S+) onto lane (\S+)/)!.slice(1).join(' → '))).toEqual(['a6-a5 → a5-st5', 'st5-a5 → a5-a6']);
  });

  it('repeated points in a lane (a via point on its node, a via point twice) are not turns', () => {
    const n = cleanNetwork();
    n.edges[2] = { ...n.edges[2]!, via: [[-100, -530], [-50, -530], [-50, -530]] };
    expect(layoutFindings(scenarioWith(n))).toEqual([]);
    // And a real corner after a repeated point is still named by its own via index.
    n.edges[2] = { ...n.edges[2]!, via: [[-60, -530], [-60, -530], [-55, -525]] };
    const fs = layoutFindings(scenarioWith(n)).filter((f) => f.code === 'turn-too-tight');
    expect(fs.map((f) => f.path)).toContain('$.layout.network.edges[2].via[2]');
  });

  it('a sharp turn between two edges at a node is an error at that node; a reversal is not', () => {
    const n = cleanNetwork();
    // y2 → b0 runs north; a branch from b0 back south-east at a 150° turn with a 10 m leg.
    n.nodes.push(node('s1', 'way', [5, -8.66]));
    n.edges.push(...road('b0', 's1'));
    const fs = layoutFindings(scenarioWith(n)).filter((f) => f.code === 'turn-too-tight');
    expect(fs.map((f) => f.path)).toEqual(['$.layout.network.nodes[3]', '$.layout.network.nodes[3]']);
    expect(fs[0]!.message).toMatch(/from lane y2-b0 onto lane b0-s1 at node b0 \(0, 0\) turns by 150°/);
    expect(fittingRadius(150, 10, 530)).toBeCloseTo(10 / Math.tan((75 * Math.PI) / 180), 9);
  });

  it('special nodes that cannot be reached, or cannot be left, are errors; plain dead ends are not reported', () => {
    const n = cleanNetwork();
    n.nodes.push(node('ch', 'charging', [50, -520]), node('pk', 'parking', [50, -500]), node('dead', 'way', [60, -480]));
    n.edges.push(
      { id: 'ch-out', from: 'ch', to: 'y2', lanes: 1, speedLimitKmh: 10, kind: 'yard' },
      { id: 'pk-in', from: 'y2', to: 'pk', lanes: 1, speedLimitKmh: 10, kind: 'yard' },
      { id: 'dead-in', from: 'pk', to: 'dead', lanes: 1, speedLimitKmh: 10, kind: 'yard' },
    );
    const fs = layoutFindings(scenarioWith(n)).filter((f) => f.code.startsWith('node-'));
    expect(fs.map((f) => [f.code, f.path, f.at])).toEqual([
      ['node-unreachable', '$.layout.network.nodes[5]', [50, -520]],
      ['node-no-return', '$.layout.network.nodes[6]', [50, -500]],
    ]);
    expect(fs[0]!.message).toMatch(/^charging node ch at \(50, -520\) cannot be reached from the rest of the lane network \(5 connected nodes\)/);
    expect(fs[1]!.message).toMatch(/stranded/);
  });

  it('a lane crossing the zero line without a border node is an error where it crosses', () => {
    const n = cleanNetwork();
    n.nodes[3] = { ...n.nodes[3]!, kind: 'way' };
    const fs = layoutFindings(scenarioWith(n)).filter((f) => f.code === 'border-without-node');
    // y2-b0 and b0-y2 end on the line; b0-c1 and c1-b0 start on it: four edges touch it at (0, 0).
    expect(fs.map((f) => f.at)).toEqual([[0, 0], [0, 0], [0, 0], [0, 0]]);
    expect(fs.every((f) => f.severity === 'error')).toBe(true);
  });

  it('two lanes crossing between nodes are a warning at the crossing', () => {
    const n = cleanNetwork();
    n.nodes.push(node('x1', 'way', [-50, -300]), node('x2', 'way', [50, -300]));
    n.edges.push({ id: 'x1-x2', from: 'x1', to: 'x2', lanes: 1, speedLimitKmh: 18, kind: 'road' });
    const fs = layoutFindings(scenarioWith(n)).filter((f) => f.code === 'lanes-cross-without-node');
    expect(fs.map((f) => [f.severity, f.at])).toEqual([
      ['warning', [0, -300]],
      ['warning', [0, -300]],
    ]);
    expect(fs[0]!.message).toBe('lanes y2-b0 and x1-x2 cross at (0, -300) without a junction node, so traffic control cannot reserve the crossing; add a node there');
  });

  it('lanes narrower than the vehicle are an error, narrower than vehicle plus margin a warning', () => {
    const narrow = cleanNetwork();
    narrow.laneWidthM = 2.8;
    const fs = layoutFindings(scenarioWith(narrow)).filter((f) => f.code === 'lanes-too-narrow');
    expect(fs.map((f) => [f.severity, f.path])).toEqual([['error', '$.layout.network.laneWidthM']]);
    expect(fs[0]!.message).toMatch(/2\.8 m apart centre to centre but IGVs are 3 m wide, so vehicles side by side \(e\.g\. on lane t1-y1\) overlap by 0\.20 m/);
    const tight = cleanNetwork();
    tight.laneWidthM = 3.2;
    expect(layoutFindings(scenarioWith(tight)).map((f) => `${f.severity}:${f.code}`)).toEqual(['warning:lanes-too-narrow']);
    // The default 3.75 m lanes leave 0.75 m between 3 m vehicles: nothing to report (the clean network).
  });

  it('trims a polyline by distances from both ends', () => {
    expect(trimPolyline([[0, 0], [10, 0], [10, 10]], 5, 5)).toEqual([[5, 0], [10, 0], [10, 5]]);
    expect(trimPolyline([[0, 0], [10, 0]], 6, 6)).toEqual([]);
  });

  it('every preset has no layout error', () => {
    for (const name of presetNames()) {
      const r = loadScenario(name);
      expect(r.ok, name).toBe(true);
      if (!r.ok) continue;
      const errors = layoutFindings(r.scenario).filter((f) => f.severity === 'error');
      expect(errors, `${name}: ${JSON.stringify(errors, null, 2)}`).toEqual([]);
    }
  });
});
