/**
 * A stretch keeps its legs and zones flat and draws its path only when asked: the path must be the
 * one its profile covers (same length, lane ends where the legs say), the same array on every read,
 * and drawing it must disturb no stretch built before or after (they share scratch and chunks).
 */
import { describe, expect, it } from 'vitest';
import { LaneGraph } from '../../src/fleet/lane-graph.ts';
import { polylineLength } from '../../src/fleet/polyline.ts';
import { StretchCache } from '../../src/fleet/stretch-cache.ts';
import { buildStretch, SLEG, SLEG_EDGE, SLEG_LANE, SLEG_LENGTH, SLEG_START, SZONE } from '../../src/fleet/stretch.ts';
import { ladderNetwork, VEHICLE } from './support/ladder-network.ts';

describe('stretch', () => {
  const g = new LaneGraph(ladderNetwork({ tps: 2, stalls: 2, lanes: 2 }), VEHICLE);
  const speeds = { loaded: 5, empty: 6, yard: 2, scanner: 1 };
  // Two-edge road stretches through a junction into a two-lane road: straight on and changing lanes.
  const e = g.edges.find((x) => x.kind === 'road' && x.lanes === 2 && g.nodes[x.from]!.in.some((i) => g.edges[i]!.kind === 'road'))!;
  const before = g.nodes[e.from]!.in.find((i) => g.edges[i]!.kind === 'road')!;
  const route = [before, e.index];

  it('draws on first read the path its profile covers, lanes where its legs say, and keeps it', () => {
    for (const lanes of [[0, 0], [0, 1]]) {
      const st = buildStretch(g, route, lanes, false, speeds);
      expect([st.legCount, st.num.length]).toEqual([2, SLEG * 2 + SZONE * st.zoneCount]);
      const path = st.path;
      expect(st.path).toBe(path);
      expect(Math.abs(polylineLength(path) - st.profile.length)).toBeLessThan(1e-9);
      expect(path[0]).toEqual(g.edges[before]!.lanePaths[lanes[0]!]![0]);
      expect(path[path.length - 1]).toEqual(g.edges[e.index]!.lanePaths[lanes[1]!]!.at(-1));
      for (let j = 0; j < 2; j++) {
        const o = SLEG * j;
        expect([st.num[o + SLEG_EDGE], st.num[o + SLEG_LANE], st.num[o + SLEG_LENGTH]]).toEqual([route[j], lanes[j], g.edges[route[j]!]!.laneLengths[lanes[j]!]]);
        expect(st.edges[j]).toEqual({ edge: route[j], lane: lanes[j], start: st.num[o + SLEG_START], length: st.num[o + SLEG_LENGTH] });
      }
      // The last lane ends where the stretch does.
      expect(st.num[SLEG + SLEG_START]! + st.num[SLEG + SLEG_LENGTH]!).toBeCloseTo(st.profile.length, 9);
    }
  });

  it('gives the same numbers and path whether or not other stretches drew theirs in between', () => {
    const fresh = (lanes: number[]) => buildStretch(g, route, lanes, true, speeds);
    const a = fresh([0, 1]);
    const b = fresh([0, 0]);
    const pa = a.path; // drawn between builds: scratch and chunks shared with b and c
    const c = fresh([0, 1]);
    expect(c.path).toEqual(pa);
    expect(c).toEqual(a); // its path drawn too, now
    expect(b.path).toEqual(fresh([0, 0]).path);
    expect(Array.from(b.num)).toEqual(Array.from(fresh([0, 0]).num));
  });

  it('is one stretch for loaded and empty vehicles in the cache when they cruise alike, two when they do not', () => {
    const alike = new StretchCache(g, { loaded: 5, empty: 5, yard: 2, scanner: 1 });
    const a = alike.get(route, [0, 1], false);
    expect(alike.get(route, [0, 1], true)).toBe(a);
    expect([alike.built, alike.hits]).toEqual([1, 1]);
    const differ = new StretchCache(g, speeds);
    const empty = differ.get(route, [0, 1], false);
    const loaded = differ.get(route, [0, 1], true);
    expect(loaded).not.toBe(empty);
    expect(loaded.profile.duration).toBeGreaterThan(empty.profile.duration);
  });
});
