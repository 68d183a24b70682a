import type { LaneNetwork } from '../../../src/model/scenario.ts';

/**
 * A road a → b → c (1 km, one lane) and a road s → b → n crossing it at right angles at b, 500 m
 * from s to the junction and `northM` metres on to n, every edge at `speedKmh`: the smallest
 * layout where two passages through one junction conflict.
 */
export function crossingNetwork(northM: number, speedKmh: number): LaneNetwork {
  return {
    nodes: [
      { id: 'a', kind: 'parking', country: 'VN', position: [0, 0] },
      { id: 'b', kind: 'way', country: 'VN', position: [500, 0] },
      { id: 'c', kind: 'parking', country: 'VN', position: [1000, 0] },
      { id: 's', kind: 'parking', country: 'VN', position: [500, -500] },
      { id: 'n', kind: 'parking', country: 'VN', position: [500, northM] },
    ],
    edges: [
      { id: 'ab', from: 'a', to: 'b', lanes: 1, speedLimitKmh: speedKmh, kind: 'road' },
      { id: 'bc', from: 'b', to: 'c', lanes: 1, speedLimitKmh: speedKmh, kind: 'road' },
      { id: 'sb', from: 's', to: 'b', lanes: 1, speedLimitKmh: speedKmh, kind: 'road' },
      { id: 'bn', from: 'b', to: 'n', lanes: 1, speedLimitKmh: speedKmh, kind: 'road' },
    ],
  };
}
