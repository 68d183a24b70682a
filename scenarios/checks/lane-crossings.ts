/**
 * Where lanes cross lines: the zero line (the border), which a lane may only cross at a `border`
 * node, where the model counts crossings and the two sides hand over; and other lanes, which a lane
 * should only cross at a shared node, because traffic control reserves junctions at nodes and
 * cannot see a crossing in the middle of two edges.
 */

import type { LaneNetwork, NetworkEdge, Point } from '../../sim-core/src/model/scenario.ts';
import { formatPoint } from '../geometry.ts';
import { distance, edgePolyline, nodeMap, segmentCrossing } from './lane-geometry.ts';
import type { LayoutFinding } from './layout-finding.ts';

/** A crossing this close to an edge's end node counts as being at the node (metres). */
const AT_NODE_M = 0.5;

function firstCrossing(line: readonly Point[], other: readonly Point[]): { at: Point; segment: number } | undefined {
  for (let k = 1; k < line.length; k++) {
    for (let j = 1; j < other.length; j++) {
      const hit = segmentCrossing(line[k - 1]!, line[k]!, other[j - 1]!, other[j]!);
      if (hit !== undefined) return { at: hit, segment: k - 1 };
    }
  }
  return undefined;
}

export function laneCrossingFindings(network: LaneNetwork, zeroLine: readonly Point[]): LayoutFinding[] {
  const findings: LayoutFinding[] = [];
  const nodes = nodeMap(network);
  const lines = network.edges.map((e) => edgePolyline(e, nodes));
  const viaPath = (i: number, segment: number): string =>
    segment >= 1 && segment <= (network.edges[i]!.via?.length ?? 0) ? `$.layout.network.edges[${i}].via[${segment - 1}]` : `$.layout.network.edges[${i}]`;

  network.edges.forEach((edge, i) => {
    const hit = firstCrossing(lines[i]!, zeroLine);
    if (hit === undefined) return;
    if (nodes.get(edge.from)?.kind === 'border' || nodes.get(edge.to)?.kind === 'border') return;
    findings.push({
      code: 'border-without-node',
      severity: 'error',
      message: `lane ${edge.id} (${edge.from} → ${edge.to}) crosses the zero line at ${formatPoint(hit.at)} without a border node; split it there with a node of kind "border" so crossings are counted and handed over`,
      path: viaPath(i, hit.segment),
      at: hit.at,
    });
  });

  // Pairs of edges crossing away from their end nodes. A two-way road is two edges on (nearly)
  // the same line; they meet only at shared nodes, which are excluded.
  // Bounding boxes first: most pairs of edges are nowhere near each other.
  const boxes = lines.map((l) => ({
    minX: Math.min(...l.map((p) => p[0])),
    maxX: Math.max(...l.map((p) => p[0])),
    minY: Math.min(...l.map((p) => p[1])),
    maxY: Math.max(...l.map((p) => p[1])),
  }));
  const ends = (e: NetworkEdge): Point[] => [nodes.get(e.from)?.position, nodes.get(e.to)?.position].filter((p): p is Point => p !== undefined);
  // Sweep by the boxes' left edges; report in edge order (i, then j) whatever the sweep order.
  const order = boxes.map((_, i) => i).sort((x, y) => boxes[x]!.minX - boxes[y]!.minX || x - y);
  const found: Array<{ i: number; j: number; finding: LayoutFinding }> = [];
  for (let oi = 0; oi < order.length; oi++) {
    for (let oj = oi + 1; oj < order.length; oj++) {
      const bx = boxes[order[oi]!]!;
      const by = boxes[order[oj]!]!;
      if (by.minX > bx.maxX) break;
      if (by.minY > bx.maxY || by.maxY < bx.minY) continue;
      const i = Math.min(order[oi]!, order[oj]!);
      const j = Math.max(order[oi]!, order[oj]!);
      const a = network.edges[i]!;
      const b = network.edges[j]!;
      const hit = firstCrossing(lines[i]!, lines[j]!);
      if (hit === undefined) continue;
      if ([...ends(a), ...ends(b)].some((p) => distance(p, hit.at) <= AT_NODE_M)) continue;
      found.push({
        i,
        j,
        finding: {
          code: 'lanes-cross-without-node',
          severity: 'warning',
          message: `lanes ${a.id} and ${b.id} cross at ${formatPoint(hit.at)} without a junction node, so traffic control cannot reserve the crossing; add a node there`,
          path: viaPath(i, hit.segment),
          at: hit.at,
        },
      });
    }
  }
  found.sort((x, y) => x.i - y.i || x.j - y.j);
  findings.push(...found.map((f) => f.finding));
  return findings;
}
