/**
 * The fleet inside the crossing model, on the small ladder network: every dispatch strategy
 * carries the containers (conserved) with different decisions; an external dispatcher may answer
 * later at the same simulated time; the IGV motions streamed to a viewer are well formed, and
 * vehicles never stand or drive on top of each other.
 */
import { describe, expect, it } from 'vitest';
import type { Environment } from '../../src/kernel/environment.ts';
import type { DispatchPort, DispatchRequest } from '../../src/fleet/dispatch/dispatch-types.ts';
import { HungarianDispatcher } from '../../src/fleet/dispatch/hungarian-dispatcher.ts';
import { CrossingModel } from '../../src/model/crossing-model.ts';
import { DISPATCH_STRATEGIES } from '../../src/model/scenario.ts';
import { fromScenario } from '../../src/model/from-scenario.ts';
import { runCrossing, summarize } from '../../src/model/run-summary.ts';
import { motionProblems, positionAt } from '../../src/stream/motion.ts';
import type { MotionEvent, VisualEvent } from '../../src/stream/visual-events.ts';
import { ladderScenario } from './support/ladder-network.ts';

const base = { tps: 3, stalls: 14, igvs: 12, vehiclesPerDay: 900, days: 0.5, lanes: 2 } as const;

describe('fleet on the lane network', () => {
  it('each dispatch strategy conserves containers and decides differently', () => {
    const runs = DISPATCH_STRATEGIES.map((dispatch) => runCrossing(fromScenario(ladderScenario({ ...base, dispatch }), { seed: 3 })));
    for (const r of runs) {
      expect(r.kpis.conservation.ok).toBe(true);
      expect(r.kpis.fleet!.crossings.loaded).toBeGreaterThan(100);
      expect(r.kpis.fleet!.deadlocks.detected).toBe(0);
      const shares = Object.values(r.kpis.fleet!.timeShares).reduce((a, b) => a + b, 0);
      expect(shares).toBeCloseTo(1, 3);
    }
    expect(new Set(runs.map((r) => r.traceHash)).size).toBe(DISPATCH_STRATEGIES.length);
    // Balancing sends empty IGVs ahead to the yard with more work; the others never do.
    expect(runs[2]!.kpis.fleet!.dispatch.repositions).toBeGreaterThan(0);
    expect(runs[0]!.kpis.fleet!.dispatch.repositions).toBe(0);
    // Own side first crosses empty less often than nearest first.
    expect(runs[3]!.kpis.fleet!.crossings.empty).toBeLessThan(runs[0]!.kpis.fleet!.crossings.empty);
  });

  it('an external dispatcher answering later at the same simulated time drives the fleet as well', () => {
    const config = fromScenario(ladderScenario(base), { seed: 5 });
    const holder: { env: Environment | null } = { env: null };
    const seen: DispatchRequest[] = [];
    const inner = new HungarianDispatcher();
    const port: DispatchPort = {
      decide(request, done) {
        // Plain JSON both ways, as on the wire.
        seen.push(JSON.parse(JSON.stringify(request)) as DispatchRequest);
        const at = holder.env!.now;
        holder.env!.call(0, () => {
          expect(holder.env!.now).toBe(at);
          done(JSON.parse(JSON.stringify(inner.decide(request))));
        });
      },
    };
    const model = new CrossingModel(config, { dispatchPort: port });
    holder.env = model.env;
    model.env.run(config.horizonMs);
    const r = summarize(model);
    expect(r.kpis.conservation.ok).toBe(true);
    expect(r.kpis.fleet!.crossings.loaded).toBeGreaterThan(100);
    // Every request reached the port (the KPI counts those after the warm-up).
    expect(seen.length).toBeGreaterThanOrEqual(r.kpis.fleet!.dispatch.requests);
    expect(seen[0]!.vehicles.length).toBeGreaterThan(0);
    expect(seen.every((q) => q.etaS.length === q.vehicles.length && q.etaS.every((row) => row.length === q.jobs.length))).toBe(true);
  });

  it('streams one well-formed motion per drive, and no two IGVs are ever within a vehicle width of each other', () => {
    const events: VisualEvent[] = [];
    const config = fromScenario(ladderScenario({ ...base, days: 0.25 }), { seed: 2 });
    runCrossing(config, undefined, { visual: { emit: (e) => events.push(e) } });
    const motions = events.filter((e): e is MotionEvent & { t: number } => e.type === 'motion' && e.id.startsWith('igv:'));
    expect(motions.length).toBeGreaterThan(200);
    for (const m of motions) expect(motionProblems(m)).toEqual([]);
    // Where each IGV is at a given time: its latest motion started before then (standing at the end after it).
    const byIgv = new Map<string, Array<MotionEvent & { t: number }>>();
    for (const m of motions) byIgv.set(m.id, [...(byIgv.get(m.id) ?? []), m]);
    const spawn = new Map(events.flatMap((e) => (e.type === 'spawn' && e.kind === 'igv' ? [[e.id, e.at] as const] : [])));
    const at = (id: string, t: number): [number, number] => {
      const list = byIgv.get(id) ?? [];
      let cur: (MotionEvent & { t: number }) | undefined;
      for (const m of list) if (m.t <= t) cur = m;
      return cur === undefined ? spawn.get(id)! : positionAt(cur, t);
    };
    const ids = [...spawn.keys()];
    let closest = Infinity;
    for (let t = 0; t < config.horizonMs; t += 2_000) {
      const pos = ids.map((id) => at(id, t));
      for (let i = 0; i < pos.length; i++) for (let j = i + 1; j < pos.length; j++) closest = Math.min(closest, Math.hypot(pos[i]![0] - pos[j]![0], pos[i]![1] - pos[j]![1]));
    }
    expect(closest).toBeGreaterThan(3);
  });
});
