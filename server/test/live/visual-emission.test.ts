import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../scenarios/index.ts';
import { pointInPolygon } from '../../../scenarios/geometry.ts';
import { CrossingModel } from '../../../sim-core/src/model/crossing-model.ts';
import { fromScenario } from '../../../sim-core/src/model/from-scenario.ts';
import type { Scenario } from '../../../sim-core/src/model/scenario.ts';
import { Placement } from '../../../sim-core/src/stream/placement.ts';
import type { VisualEvent } from '../../../sim-core/src/stream/visual-events.ts';

function preset(name: string): Scenario {
  const r = loadScenario(name);
  if (!r.ok) throw new Error(`${name} invalid`);
  return r.scenario;
}

function watched(s: Scenario, days: number): { model: CrossingModel; events: VisualEvent[]; headless: string } {
  const config = fromScenario(s, { days });
  const headless = new CrossingModel(config);
  headless.env.run(config.horizonMs);
  const events: VisualEvent[] = [];
  const model = new CrossingModel(config, { visual: { emit: (e) => events.push(e) }, placement: new Placement(s.layout, s.site.zeroLine) });
  model.env.run(config.horizonMs);
  model.visuals!.drain(config.horizonMs);
  return { model, events, headless: headless.env.traceHash };
}

describe('visual emission of the crossing', () => {
  for (const [name, days] of [['tiny', 0.25], ['huu-nghi-baseline-2025', 0.5], ['huu-nghi-smart-2030', 0.25]] as const) {
    it(`${name}: watching changes nothing (same traceHash, conservation holds) and events come in time order`, () => {
      const { model, events, headless } = watched(preset(name), days);
      expect(model.env.traceHash).toBe(headless);
      expect(model.ledger.violations).toEqual([]);
      for (let i = 1; i < events.length; i++) expect(events[i]!.t).toBeGreaterThanOrEqual(events[i - 1]!.t);
      expect(events.length).toBeGreaterThan(500);
    });
  }

  it('every truck that arrives is drawn arriving and, once it has left the model, leaving', () => {
    const s = preset('tiny');
    const { model, events } = watched(s, 0.25);
    const spawned = new Set(events.filter((e) => e.type === 'spawn' && e.kind === 'truck').map((e) => (e as { id: string }).id));
    const gone = new Set(events.filter((e) => e.type === 'despawn' && e.id.includes('truck')).map((e) => (e as { id: string }).id));
    const vn = model.ledger.check('vn-truck');
    const cn = model.ledger.check('cn-truck');
    expect(spawned.size).toBe(vn.entered + cn.entered);
    expect(gone.size).toBe(vn.left + cn.left);
  });

  it('equipment is animated on its layout id: crane phases in cycle order, barriers up then down, scanners busy then free', () => {
    const s = preset('tiny');
    const { events } = watched(s, 0.25);
    const ids = new Set(s.layout.equipment.map((e) => e.id));
    const byId = new Map<string, Array<string | number>>();
    for (const e of events) {
      if (e.type !== 'state' || e.id.includes(':')) continue;
      expect(ids.has(e.id)).toBe(true);
      byId.set(`${e.id}/${e.key}`, [...(byId.get(`${e.id}/${e.key}`) ?? []), e.value]);
    }
    const crane = s.layout.equipment.find((e) => e.kind === 'crane')!;
    const phases = byId.get(`${crane.id}/phase`)!;
    expect(phases.slice(0, 6)).toEqual(['idle', 'trolley', 'hoist-down', 'hoist-up', 'travel', 'idle']);
    const lane = s.layout.equipment.find((e) => e.kind === 'gate-lane')!;
    expect(byId.get(`${lane.id}/barrier`)!.slice(0, 3)).toEqual(['down', 'up', 'down']);
    const scanner = s.layout.equipment.find((e) => e.kind === 'scanner')!;
    expect(byId.get(`${scanner.id}/busy`)!.slice(0, 3)).toEqual([0, 1, 0]);
  });

  it('containers set down in storage stand inside their storage zone, stacked on tiers 0-3', () => {
    const s = preset('tiny');
    const { events } = watched(s, 0.25);
    const storage = s.layout.zones.filter((z) => z.kind.endsWith('-storage'));
    const drops = events.filter((e) => e.type === 'drop' && e.at !== undefined) as Array<Extract<VisualEvent, { type: 'drop' }>>;
    expect(drops.length).toBeGreaterThan(20);
    for (const d of drops) {
      expect(storage.some((z) => pointInPolygon(d.at!, z.polygon))).toBe(true);
      expect(d.tier).toBeGreaterThanOrEqual(0);
      expect(d.tier).toBeLessThanOrEqual(3);
    }
  });
});
