/**
 * Every place the fleet sends vehicles to (crane transfer points, scanner entry and exit, gate
 * lanes, chargers, parking) must be reachable from the rest of the network and must let a vehicle
 * come back. "The rest of the network" is its largest strongly connected part: the set of nodes
 * from which every other one of them can be reached and left again. A special node outside it
 * strands vehicles (no way back) or is never served (no way in).
 */

import type { LaneNetwork, NodeKind } from '../../sim-core/src/model/scenario.ts';
import { formatPoint } from '../geometry.ts';
import type { LayoutFinding } from './layout-finding.ts';

/** Node kinds the fleet controller sends vehicles to. */
export const SPECIAL_NODE_KINDS: readonly NodeKind[] = ['crane-transfer', 'scanner-entry', 'scanner-exit', 'gate-lane', 'charging', 'parking'];

/** Node indices reachable from `start` following `adj`. */
function reach(start: number, adj: readonly number[][]): Uint8Array {
  const seen = new Uint8Array(adj.length);
  const stack = [start];
  seen[start] = 1;
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (const w of adj[v]!) {
      if (seen[w] === 0) {
        seen[w] = 1;
        stack.push(w);
      }
    }
  }
  return seen;
}

/** Node indices by id and the successor / predecessor lists of each node (edges to unknown nodes skipped). */
function adjacency(network: LaneNetwork): { n: number; index: Map<string, number>; fwd: number[][]; back: number[][] } {
  const n = network.nodes.length;
  const index = new Map(network.nodes.map((node, i) => [node.id, i]));
  const fwd: number[][] = Array.from({ length: n }, () => []);
  const back: number[][] = Array.from({ length: n }, () => []);
  for (const e of network.edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a === undefined || b === undefined) continue;
    fwd[a]!.push(b);
    back[b]!.push(a);
  }
  return { n, index, fwd, back };
}

/** The largest strongly connected set of nodes (ties: the one containing the lowest index). */
export function largestStronglyConnected(network: LaneNetwork): Set<number> {
  const { n, fwd, back } = adjacency(network);
  // Kosaraju-free: networks are small, so the component of v is reach(v) ∩ reachBack(v).
  const assigned = new Uint8Array(n);
  let best = new Set<number>();
  for (let v = 0; v < n; v++) {
    if (assigned[v] === 1) continue;
    const f = reach(v, fwd);
    const b = reach(v, back);
    const comp = new Set<number>();
    for (let w = 0; w < n; w++) {
      if (f[w] === 1 && b[w] === 1) {
        comp.add(w);
        assigned[w] = 1;
      }
    }
    if (comp.size > best.size) best = comp;
  }
  return best;
}

export function laneConnectivityFindings(network: LaneNetwork): LayoutFinding[] {
  const findings: LayoutFinding[] = [];
  const core = largestStronglyConnected(network);
  if (core.size === 0) return findings;
  const { n, index, fwd, back } = adjacency(network);
  const anyCore = core.values().next().value!;
  const fromCore = reach(anyCore, fwd);
  const toCore = reach(anyCore, back);
  network.nodes.forEach((node, i) => {
    if (core.has(i) || !SPECIAL_NODE_KINDS.includes(node.kind)) return;
    const where = `${node.kind} node ${node.id}${node.equipment === undefined ? '' : ` (${node.equipment})`} at ${formatPoint(node.position)}`;
    if (fromCore[i] === 0) {
      findings.push({
        code: 'node-unreachable',
        severity: 'error',
        message: `${where} cannot be reached from the rest of the lane network (${core.size} connected nodes), so no vehicle can ever be sent there`,
        path: `$.layout.network.nodes[${i}]`,
        at: node.position,
      });
    }
    if (toCore[i] === 0) {
      findings.push({
        code: 'node-no-return',
        severity: 'error',
        message: `${where} has no way back to the rest of the lane network (${core.size} connected nodes), so a vehicle sent there is stranded`,
        path: `$.layout.network.nodes[${i}]`,
        at: node.position,
      });
    }
  });
  return findings;
}
