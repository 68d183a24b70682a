/**
 * The pair stretches of the presets' junction passages (where two footprints can meet, see
 * `PassageGeometry.spanAgainst`) skip the samples a footprint standing clear of the other cannot
 * reach. The skips must change nothing: on every preset network, for a spread of the passage
 * pairs that conflict, the stretch with skips is bit for bit the stretch of the plain scan that
 * tests every quarter metre.
 */
import { describe, expect, it } from 'vitest';
import { LaneGraph } from '../../sim-core/src/fleet/lane-graph.ts';
import { PassageGeometry, type Passage } from '../../sim-core/src/fleet/passage-geometry.ts';
import { sweptFootprintsMeet, FOOTPRINT_MARGIN_M } from '../../sim-core/src/fleet/swept-footprint.ts';
import { fromScenario } from '../../sim-core/src/model/from-scenario.ts';
import { loadScenario } from '../index.ts';

function graphOf(preset: string): LaneGraph {
  const loaded = loadScenario(preset);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const net = fromScenario(loaded.scenario, { seed: 1, days: 1 }).igv!.network!;
  return new LaneGraph(net.network, net.vehicle);
}

/** Every passage through a junction zone: (node, lane in, lane out), keyed by its index. */
function passages(g: LaneGraph): Passage[] {
  const out: Passage[] = [];
  for (const n of g.nodes) {
    if (!(n.zoneRadiusM > 0)) continue;
    for (const ie of n.in) for (let il = 0; il < g.edges[ie]!.lanes; il++) for (const oe of n.out) for (let ol = 0; ol < g.edges[oe]!.lanes; ol++) out.push({ node: n.index, inLane: ie * 8 + il, outLane: oe * 8 + ol, key: out.length });
  }
  return out;
}

describe('pair stretches with skips equal the plain scan', () => {
  it.each(['huu-nghi-smart-2030', 'tan-thanh-smart-2030'])('%s: every 5th conflicting pair, both stretches bit-identical', (preset) => {
    const g = graphOf(preset);
    const skipping = new PassageGeometry(g);
    const plain = new PassageGeometry(g, false);
    const all = passages(g);
    let pairs = 0;
    let met = 0;
    let k = 0;
    for (const a of all) {
      for (const b of all) {
        if (a === b || !g.nodes[a.node]!.conflicts.includes(b.node)) continue;
        if (!sweptFootprintsMeet(skipping.swept(a), skipping.swept(b), FOOTPRINT_MARGIN_M)) continue;
        if (k++ % 5 !== 0) continue;
        const fast = skipping.spanAgainst(a, skipping.swept(b));
        const slow = plain.spanAgainst(a, plain.swept(b));
        if (fast[0] !== slow[0] || fast[1] !== slow[1]) expect.fail(`${preset}: passage ${a.key} against ${b.key}: [${fast}] with skips, [${slow}] scanning every sample`);
        pairs++;
        if (slow[0] <= slow[1]) met++;
      }
    }
    // The comparison covered many pairs, most of which do meet somewhere along the reach.
    expect(pairs).toBeGreaterThan(20_000);
    expect(met).toBeGreaterThan(pairs / 2);
  });
});
