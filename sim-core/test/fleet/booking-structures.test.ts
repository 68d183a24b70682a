/**
 * The data structures behind fast booking: the exact lane-gap check (merged breakpoints) against a
 * plain reference that sorts them, the lane bookings and junction windows kept in typed arrays, and the stretch
 * cache (same stretch for the same lanes, a different one for other lanes or load, bounded).
 */
import { describe, expect, it } from 'vitest';
import { planProfile, type SpeedProfile } from '../../src/fleet/kinematics.ts';
import { L, L_BEHIND, L_CLEAR, L_ENTERS, L_LEAVES, L_OFFSET, L_T0, L_VEHICLE, LaneBookings } from '../../src/fleet/lane-bookings.ts';
import { LaneGraph } from '../../src/fleet/lane-graph.ts';
import { buildStretch } from '../../src/fleet/stretch.ts';
import { StretchCache } from '../../src/fleet/stretch-cache.ts';
import { requiredStart } from '../../src/fleet/lane-gap.ts';
import { Rng } from '../../src/random/rng.ts';
import { randomProfile } from './support/random-profile.ts';
import { W, W_END, W_IN_LANE, W_OUT_LANE, W_PAIR, W_PASSAGE, W_START, W_STRAIGHT, W_VEHICLE, ZoneWindows } from '../../src/fleet/zone-windows.ts';
import { ladderNetwork, VEHICLE } from './support/ladder-network.ts';
import { LEG, LEG_BEHIND, LEG_CLEAR, LEG_ENTER, LEG_LEAVE, LEG_START, ZONE, ZONE_ENTER, ZONE_IDS, ZONE_IN_LANE, ZONE_LEAVE, ZONE_OUT_LANE, ZONE_PAIR, ZONE_PASSAGE, ZONE_STRAIGHT } from '../../src/fleet/booking-plan.ts';

/** Appends a window with these values through a booking plan's layout (the second zone of a plan, started at start - 7 ms). */
function pushWindow(w: ZoneWindows, vehicle: number, start: number, end: number, pair: number, straight: boolean, inLane: number, outLane: number, passage: number): void {
  const t0 = start - 7;
  const num = new Float64Array(2 * ZONE).fill(-1);
  const ids = new Int32Array(2 * ZONE_IDS).fill(-1);
  [num[ZONE + ZONE_ENTER], num[ZONE + ZONE_LEAVE], num[ZONE + ZONE_PAIR]] = [7, end - t0, pair];
  [ids[ZONE_IDS + ZONE_PASSAGE], ids[ZONE_IDS + ZONE_IN_LANE], ids[ZONE_IDS + ZONE_OUT_LANE], ids[ZONE_IDS + ZONE_STRAIGHT]] = [passage, inLane, outLane, straight ? 1 : 0];
  w.push(vehicle, t0, num, ZONE, ids, ZONE_IDS);
}

/** Inserts an entry with these values through a booking plan's layout (the second leg of a plan). */
function insertEntry(lane: LaneBookings, vehicle: number, t0: number, profile: SpeedProfile, offset: number, enters: number, leaves: number, behind: number, clear: number): void {
  const leg = new Float64Array(2 * LEG).fill(-1);
  [leg[LEG + LEG_ENTER], leg[LEG + LEG_LEAVE], leg[LEG + LEG_START], leg[LEG + LEG_BEHIND], leg[LEG + LEG_CLEAR]] = [enters - t0, leaves - t0, offset, behind, clear];
  lane.insert(vehicle, t0, profile, leg, LEG);
}

/** The lane-gap check as first written: every breakpoint collected, then sorted. */
function referenceRequiredStart(F: SpeedProfile, fOff: number, len: number, P: SpeedProfile, pOff: number, pT0: number, gap: number, back = 0): number {
  const lo = -back;
  const xs: number[] = [lo, len];
  for (let i = 0; i < F.count; i++) if (F.s(i) - fOff > lo && F.s(i) - fOff < len) xs.push(F.s(i) - fOff);
  for (let i = 0; i < P.count; i++) if (P.s(i) - pOff - gap > lo && P.s(i) - pOff - gap < len) xs.push(P.s(i) - pOff - gap);
  const pEnd = P.length - pOff - gap;
  if (pEnd > lo && pEnd < len) xs.push(pEnd);
  xs.sort((a, b) => a - b);
  const n = xs.length;
  for (let i = 0; i + 1 < n; i++) {
    const a = xs[i]!;
    const b = xs[i + 1]!;
    if (b - a < 1e-9) continue;
    const mid = (a + b) / 2;
    if (pOff + mid + gap >= P.length) continue;
    const [f0, f1] = F.speedSquaredAt(F.phaseAt(fOff + mid));
    const [p0, p1] = P.speedSquaredAt(P.phaseAt(pOff + mid + gap));
    if (f1 === p1) continue;
    const x = (p0 + p1 * (pOff + gap) - f0 - f1 * fOff) / (f1 - p1);
    if (x > a && x < b) xs.push(x);
  }
  let need = -Infinity;
  for (const x of xs) need = Math.max(need, pT0 + 1000 * P.timeAt(pOff + x + gap) - 1000 * F.timeAt(fOff + x));
  return need;
}

describe('booking structures', () => {
  it('the lane-gap check gives bit for bit what sorting all breakpoints gives, over random profiles and offsets', () => {
    const rng = new Rng(7);
    const rnd = (): number => rng.next();
    const profile = (): SpeedProfile => randomProfile(rng);
    let finite = 0;
    for (let trial = 0; trial < 3000; trial++) {
      const F = profile();
      const P = trial % 5 === 0 ? F : profile();
      const fOff = rnd() * F.length * 0.8;
      const pOff = rnd() * P.length * 0.8;
      const len = 1 + rnd() * 200;
      const gap = 20;
      const back = trial % 3 === 0 ? 0 : rnd() * 20;
      const pT0 = Math.round(rnd() * 1e6);
      const got = requiredStart(F, fOff, len, P, pOff, pT0, gap, back);
      expect(Object.is(got, referenceRequiredStart(F, fOff, len, P, pOff, pT0, gap, back)), `trial ${trial}`).toBe(true);
      if (Number.isFinite(got)) finite++;
    }
    // The comparison is not vacuous: most checks bind.
    expect(finite).toBeGreaterThan(2000);
  });

  it('junction windows keep their booking order, drop exactly those ended by a time and grow past their capacity', () => {
    const w = new ZoneWindows(2);
    for (let i = 0; i < 9; i++) pushWindow(w, i, 1000 * i, 1000 * i + (i % 2 === 0 ? 5000 : 500), 65536 * i + 1, i % 3 === 0, 8 * i, 8 * i + 1, 100 + i);
    expect(w.count).toBe(9);
    w.dropEndedBy(4000);
    // Odd i end at 1000 i + 500, even i at 1000 i + 5000: kept are the ends after 4000, in order.
    const at = (k: number, field: number): number => w.data[W * k + field]!;
    const kept = Array.from({ length: w.count }, (_, k) => at(k, W_VEHICLE));
    expect(kept).toEqual([0, 2, 4, 5, 6, 7, 8]);
    const k4 = kept.indexOf(4);
    expect([W_START, W_END, W_PAIR, W_STRAIGHT, W_IN_LANE, W_OUT_LANE, W_PASSAGE].map((f) => at(k4, f))).toEqual([4000, 9000, 65536 * 4 + 1, 0, 32, 33, 104]);
    expect(at(kept.indexOf(6), W_STRAIGHT)).toBe(1);
    // Nothing ended by 4999 (the earliest end is 5000); a late push that ends early goes next.
    w.dropEndedBy(4999);
    expect(w.count).toBe(7);
    expect(w.maxEnd).toBe(13000);
    pushWindow(w, 9, 100, 200, 1, false, 0, 0, 0);
    w.dropEndedBy(200);
    expect(Array.from({ length: w.count }, (_, k) => at(k, W_VEHICLE))).toEqual(kept);
    w.dropEndedBy(9500);
    expect(w.maxEnd).toBe(13000);
    w.dropEndedBy(12000);
    expect([w.count, w.maxEnd]).toEqual([1, 13000]);
    w.dropEndedBy(1e9);
    expect([w.count, w.maxEnd]).toEqual([0, -Infinity]);
    expect(() => new ZoneWindows(0)).toThrow(/capacity must be a whole number ≥ 1, got 0/);
  });

  it('lane bookings stay in entry order (a later entry with an equal time goes behind), drop those that left and grow', () => {
    const lane = new LaneBookings(2);
    // (vehicle, enters, leaves): inserted out of order.
    const rows: [number, number, number][] = [[1, 5000, 9000], [2, 1000, 20000], [3, 5000, 7000], [4, 3000, 4000], [5, 0, 30000]];
    // A profile of its own per vehicle, so that a profile left behind when entries move shows.
    const own = Array.from({ length: 7 }, (_, v) => planProfile([100 + v], [5], 0.5, 0.8));
    const profilesInOrder = (): boolean => order().every((v, k) => lane.profile[k] === own[v]);
    for (const [v, e, l] of rows) insertEntry(lane, v, e - 100, own[v]!, 10 * v, e, l, v, 1000 + v);
    const at = (k: number, field: number): number => lane.data[L * k + field]!;
    const order = (): number[] => Array.from({ length: lane.count }, (_, k) => at(k, L_VEHICLE));
    expect(order()).toEqual([5, 2, 4, 1, 3]);
    expect(profilesInOrder()).toBe(true);
    const k3 = order().indexOf(3);
    expect([...[L_T0, L_OFFSET, L_ENTERS, L_LEAVES, L_BEHIND, L_CLEAR].map((f) => at(k3, f)), lane.profile[k3]]).toEqual([4900, 30, 5000, 7000, 3, 1003, own[3]]);
    lane.dropLeftBy(7000);
    expect(order()).toEqual([5, 2, 1]);
    expect(profilesInOrder()).toBe(true);
    expect(lane.profile.slice(lane.count).every((x) => x === null)).toBe(true);
    // Nothing left by 8999 (the earliest leaves at 9000); then one more that leaves early, dropped next.
    lane.dropLeftBy(8999);
    expect(order()).toEqual([5, 2, 1]);
    insertEntry(lane, 6, 5900, own[6]!, 0, 6000, 6500, 6, 1006);
    expect(order()).toEqual([5, 2, 1, 6]);
    expect(profilesInOrder()).toBe(true);
    lane.dropLeftBy(6500);
    expect(order()).toEqual([5, 2, 1]);
    lane.dropLeftBy(20000);
    expect(order()).toEqual([5]);
    // Every column moved with its entry, the bounds' times included.
    expect([L_T0, L_OFFSET, L_BEHIND, L_CLEAR].map((f) => at(0, f))).toEqual([-100, 50, 5, 1005]);
    expect(lane.profile[0]).toBe(own[5]);
    expect(() => new LaneBookings(1.5)).toThrow(/capacity must be a whole number ≥ 1, got 1.5/);
  });

  it('lists given their room in a shared slab start in it and grow out of it without touching their neighbours', () => {
    const slab = new Float64Array(2 * L * 2);
    const a = new LaneBookings(2, slab.subarray(0, 2 * L));
    const b = new LaneBookings(2, slab.subarray(2 * L, 4 * L));
    const p = planProfile([100], [5], 0.5, 0.8);
    for (let i = 0; i < 2; i++) insertEntry(b, 10 + i, 0, p, 0, 100 * i, 100 * i + 50, 0, 0);
    expect(b.data.buffer).toBe(slab.buffer);
    for (let i = 0; i < 5; i++) insertEntry(a, i, 0, p, 0, 100 * i, 100 * i + 50, 0, 0);
    // a outgrew its two entries into an array of its own; b's entries in the slab are untouched.
    expect(a.data.buffer).not.toBe(slab.buffer);
    expect(Array.from({ length: a.count }, (_, k) => a.data[L * k + L_VEHICLE])).toEqual([0, 1, 2, 3, 4]);
    expect([slab[2 * L + L_VEHICLE], slab[3 * L + L_VEHICLE], b.count]).toEqual([10, 11, 2]);
    const windows = new Float64Array(W * 2);
    const w = new ZoneWindows(2, windows);
    for (let i = 0; i < 3; i++) pushWindow(w, i, 1000 * i, 1000 * i + 500, 1, false, 0, 0, 0);
    expect([w.count, w.data.length >= 3 * W, windows[W_VEHICLE], windows[W + W_VEHICLE]]).toEqual([3, true, 0, 1]);
    expect(() => new LaneBookings(2, slab.subarray(0, L))).toThrow(/room for 2 entries must hold 16 numbers, got 8/);
    expect(() => new ZoneWindows(2, windows.subarray(0, W))).toThrow(/room for 2 windows must hold 20 numbers, got 10/);
  });

  it('the stretch cache hands out one stretch per (edges, lanes, load), equal to a freshly built one, and starts over when full', () => {
    const g = new LaneGraph(ladderNetwork({ tps: 2, stalls: 2, lanes: 2 }), VEHICLE);
    const speeds = { loaded: 5, empty: 6, yard: 2, scanner: 1 };
    // A two-edge road stretch into a road with two lanes gives two lane choices.
    const e = g.edges.find((x) => x.kind === 'road' && x.lanes === 2 && g.nodes[x.from]!.in.some((i) => g.edges[i]!.kind === 'road'))!;
    const before = g.nodes[e.from]!.in.find((i) => g.edges[i]!.kind === 'road')!;
    const route = [before, e.index];
    const cache = new StretchCache(g, speeds, 3);
    const a = cache.get(route, [0, 0], false);
    expect(cache.get([...route], [0, 0], false)).toBe(a);
    expect(a).toEqual(buildStretch(g, route, [0, 0], false, speeds));
    const b = cache.get(route, [0, 1], false);
    const c = cache.get(route, [0, 0], true);
    expect(b).not.toBe(a);
    expect(c).not.toBe(a);
    expect(c.profile.duration).toBeGreaterThan(a.profile.duration); // loaded is slower
    expect([cache.size, cache.hits, cache.built]).toEqual([3, 1, 3]);
    // A fourth stretch empties the full cache: the first is built anew (equal, not the same object).
    cache.get([before], [0], false);
    expect(cache.size).toBe(1);
    const again = cache.get(route, [0, 0], false);
    expect(again).not.toBe(a);
    expect(again).toEqual(a);
    expect(() => new StretchCache(g, speeds, 0)).toThrow(/capacity must be a whole number ≥ 1, got 0/);
  });
  it('the stretch cache finds every stretch again among hundreds sharing its table (collisions probed, lane keys compared), and two caches on one graph share them', () => {
    const g = new LaneGraph(ladderNetwork({ tps: 4, stalls: 4, lanes: 2 }), VEHICLE);
    const speeds = { loaded: 5, empty: 6, yard: 2, scanner: 1 };
    const cache = new StretchCache(g, speeds, 1024);
    // Every edge alone and every edge followed by each edge leaving its end, on each lane pair and load:
    // many keys of one and two legs, some differing only in a lane or the load.
    const keys: { edges: number[]; lanes: number[]; loaded: boolean }[] = [];
    for (const e of g.edges) {
      for (let a = 0; a < e.lanes; a++) {
        for (const loaded of [false, true]) keys.push({ edges: [e.index], lanes: [a], loaded });
        for (const o of g.nodes[e.to]!.out) {
          for (let b = 0; b < g.edges[o]!.lanes; b++) keys.push({ edges: [e.index, o], lanes: [a, b], loaded: a === b });
        }
      }
    }
    expect(keys.length).toBeGreaterThan(200);
    const first = keys.map((k) => cache.get(k.edges, k.lanes, k.loaded));
    expect(new Set(first).size).toBe(keys.length);
    expect([cache.size, cache.built, cache.hits]).toEqual([keys.length, keys.length, 0]);
    const other = new StretchCache(g, speeds, 1024);
    keys.forEach((k, i) => {
      expect(cache.get([...k.edges], [...k.lanes], k.loaded)).toBe(first[i]);
      expect(other.get(k.edges, k.lanes, k.loaded)).toBe(first[i]);
    });
    expect([cache.hits, other.hits, other.built]).toEqual([keys.length, keys.length, 0]);
    const k = keys[keys.length - 1]!;
    expect(first[keys.length - 1]).toEqual(buildStretch(g, k.edges, k.lanes, k.loaded, speeds));
  });
});
