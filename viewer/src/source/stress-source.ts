/**
 * Stress mode (`?stress=IGVS,TRUCKS,CONTAINERS`): synthetic traffic on the chosen layout, driven
 * through the same entity table, frame loop and instanced meshes as real runs, for the benchmark
 * (draw calls and main-thread time per frame at 150 IGVs, 600 trucks, 4,000 containers). IGVs
 * drive the IGV routes end to end and back, trucks circulate in the parking and gate areas, and
 * most containers sit stacked in the storage blocks while some ride on the vehicles. Positions
 * come from motion events with constant-speed profiles, exactly as a model's would.
 */

import type { Country, Point, Zone } from '../../../sim-core/src/model/scenario.ts';
import type { LayoutPayload } from '../../../sim-core/src/stream/protocol.ts';
import type { VisualEvent } from '../../../sim-core/src/stream/visual-events.ts';
import { constantSpeedMotion } from '../store/motion-pose.ts';
import type { SourceControls, ViewerRuntime } from '../store/viewer-store.ts';
import { bounds } from '../scene/coords.ts';
import { findingsOf } from './findings.ts';
import { layoutPayloadOf, loadPreset, scenarioSummaryOf } from './presets.ts';

export interface StressCounts {
  igvs: number;
  trucks: number;
  containers: number;
}

/** Parses `150,600,4000`; throws naming the value on anything else. */
export function parseStress(value: string): StressCounts {
  const parts = value.split(',').map((p) => p.trim());
  const nums = parts.map(Number);
  if (parts.length !== 3 || nums.some((n) => !Number.isInteger(n) || n < 0 || n > 20_000)) {
    throw new Error(`stress: expected IGVS,TRUCKS,CONTAINERS as three whole numbers 0..20000, got "${value}"`);
  }
  return { igvs: nums[0]!, trucks: nums[1]!, containers: nums[2]! };
}

/** A small deterministic generator (the stress scene looks the same on every load). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Box = readonly [x0: number, y0: number, x1: number, y1: number];

function randomIn(box: Box, rnd: () => number): Point {
  // Indexed, not destructured: an array destructuring walks an iterator, hundreds of times a second.
  const x0 = box[0];
  const y0 = box[1];
  return [x0 + (box[2] - x0) * (0.1 + 0.8 * rnd()), y0 + (box[3] - y0) * (0.1 + 0.8 * rnd())];
}

/** Spawn events for the synthetic population at time 0. */
export function stressPopulation(layout: LayoutPayload, counts: StressCounts, seed = 7): VisualEvent[] {
  const rnd = lcg(seed);
  const events: VisualEvent[] = [];
  const storage = layout.zones.filter((z) => z.kind === 'export-storage' || z.kind === 'import-storage');
  const truckZones = layout.zones.filter((z) => z.kind === 'parking' || z.kind === 'gate' || z.kind === 'transfer-yard');
  const route = layout.routes.find((r) => r.kind === 'igv') ?? layout.routes[0];
  if (storage.length === 0 || truckZones.length === 0 || route === undefined) throw new Error('stress: the layout needs storage zones, parking or gate zones and a route');
  const carriedBy: string[] = [];
  for (let i = 0; i < counts.igvs; i++) {
    const id = `igv-${i}`;
    events.push({ type: 'spawn', t: 0, id, kind: 'igv', at: route.path[0]!, country: 'VN' });
    events.push({ type: 'state', t: 0, id, key: 'state', value: i % 2 === 0 ? 'loaded' : 'empty' });
    if (i % 2 === 0) carriedBy.push(id);
  }
  for (let i = 0; i < counts.trucks; i++) {
    const z = truckZones[i % truckZones.length]!;
    events.push({ type: 'spawn', t: 0, id: `truck-${i}`, kind: 'truck', at: randomIn(bounds(z.polygon), rnd), country: z.country });
    if (i % 3 === 0) carriedBy.push(`truck-${i}`);
  }
  // Containers: first one on each carrier that takes one, the rest in stacks of up to 4 tiers.
  const onCarriers = Math.min(carriedBy.length, counts.containers);
  const stacks = new Map<string, number>();
  for (let i = 0; i < counts.containers; i++) {
    const id = `box-${i}`;
    const direction = i % 2 === 0 ? 'export' : 'import';
    const channel = i % 17 === 0 ? 'red' : i % 7 === 0 ? 'yellow' : 'green';
    if (i < onCarriers) {
      events.push({ type: 'spawn', t: 0, id, kind: 'container', at: [0, 0], attrs: { direction, channel } });
      events.push({ type: 'pick', t: 0, container: id, by: carriedBy[i]! });
      continue;
    }
    const z = storage[i % storage.length]!;
    const [x0, y0, x1, y1] = bounds(z.polygon);
    // Rows of 40-foot slots along y, 3 m apart across x.
    const cols = Math.max(1, Math.floor((x1 - x0 - 10) / 3));
    const rows = Math.max(1, Math.floor((y1 - y0 - 10) / 14));
    const slot = Math.floor(rnd() * cols * rows);
    const at: Point = [x0 + 5 + (slot % cols) * 3, y0 + 12 + Math.floor(slot / cols) * 14];
    const key = `${z.id}:${slot}`;
    const tier = stacks.get(key) ?? 0;
    if (tier >= 4) {
      i--; // slot full: draw another
      continue;
    }
    stacks.set(key, tier + 1);
    events.push({ type: 'spawn', t: 0, id, kind: 'container', at, attrs: { direction, channel } });
    events.push({ type: 'drop', t: 0, container: id, at, tier });
  }
  return events;
}

/** What the synthetic legs are drawn on, looked up once per layout. */
interface StressGround {
  route: Point[];
  back: Point[];
  /**
   * The bounding box a truck of each country wanders in (`none`: one with no country), computed
   * once: hundreds of truck legs a second would otherwise each walk a zone polygon.
   */
  truckBox: Record<Country | 'none', Box>;
}

function stressGround(layout: LayoutPayload): StressGround {
  const route = (layout.routes.find((r) => r.kind === 'igv') ?? layout.routes[0]!).path;
  const truckZones = layout.zones.filter((z) => z.kind === 'parking' || z.kind === 'gate' || z.kind === 'transfer-yard');
  const zoneOf = (c: Country): Zone => truckZones.find((zone) => zone.country === c) ?? truckZones[0]!;
  return { route, back: [...route].reverse(), truckBox: { VN: bounds(zoneOf('VN').polygon), CN: bounds(zoneOf('CN').polygon), none: bounds(truckZones[0]!.polygon) } };
}

/** The next leg of a synthetic vehicle that has stopped: IGVs shuttle along the route, trucks wander their zone. */
function nextLegs(rt: ViewerRuntime, ground: StressGround, t: number, rnd: () => number, busyUntil: Map<string, number>): VisualEvent[] {
  const out: VisualEvent[] = [];
  const { route, back, truckBox } = ground;
  // A vehicle gets its next leg after its last one ended plus a short dwell (loading, waiting).
  const due = (id: string): boolean => (busyUntil.get(id) ?? 0) <= t;
  const started = (ev: VisualEvent & { type: 'motion' }): void => {
    busyUntil.set(ev.id, ev.end + rnd() * 30_000);
    out.push(ev);
  };
  for (const e of rt.entities.lists.igv) {
    if (!due(e.id)) continue;
    const dx = e.x - route[0]![0];
    const dy = e.y - route[0]![1];
    const atStart = dx * dx + dy * dy < 1;
    const path = (atStart ? route : back).map((p) => [p[0] + (rnd() - 0.5) * 6, p[1]] as Point);
    path[0] = [e.x, e.y];
    path[path.length - 1] = atStart ? route[route.length - 1]! : route[0]!;
    started(constantSpeedMotion(e.id, path, t, 5 + rnd() * 3));
  }
  for (const e of rt.entities.lists.truck) {
    if (!due(e.id)) continue;
    started(constantSpeedMotion(e.id, [[e.x, e.y], randomIn(truckBox[e.country ?? 'none'], rnd)], t, 3 + rnd() * 4));
  }
  return out;
}

export interface StressSource {
  controls: SourceControls;
  stop(): void;
}

export function startStress(rt: ViewerRuntime, preset: string, counts: StressCounts): StressSource {
  const { store, entities, clock } = rt;
  const scenario = loadPreset(preset);
  const layout = layoutPayloadOf(scenario);
  const ground = stressGround(layout);
  const rnd = lcg(11);
  const busyUntil = new Map<string, number>();
  const begin = (): void => {
    busyUntil.clear();
    entities.clear();
    entities.seedEquipment(layout);
    entities.ingest(stressPopulation(layout, counts));
    clock.reset(0);
    store.getState().resetRun();
    store.getState().setScenario(scenarioSummaryOf(preset, scenario, 0), layout, findingsOf(scenario));
    store.getState().setConnection('connected');
  };
  begin();
  // Keep the horizon ahead of the display and give stopped vehicles a new leg, twice a second.
  const timer = setInterval(() => {
    clock.horizon = clock.t + 600_000;
    const legs = nextLegs(rt, ground, clock.t, rnd, busyUntil);
    if (legs.length > 0) entities.ingest(legs);
  }, 500);
  clock.horizon = 600_000;
  return {
    controls: {
      setPlaying: (p) => {
        clock.playing = p;
        store.getState().setPlaying(p);
      },
      setSpeed: (s) => {
        store.getState().setSpeed(s);
        clock.speed = s;
      },
      restart: () => begin(),
      jump: (ms) => {
        clock.horizon = clock.t + ms + 600_000;
        clock.t += ms;
      },
    },
    stop: () => clearInterval(timer),
  };
}
