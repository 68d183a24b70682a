import { describe, expect, it } from 'vitest';
import { pointInPolygon, polylineLength, polylinesIntersect, selfIntersection, signedArea } from '../geometry.ts';
import type { Point } from '../../sim-core/src/model/scenario.ts';

const square: Point[] = [[0, 0], [10, 0], [10, 10], [0, 10]];

describe('layout geometry', () => {
  it('measures polylines in metres', () => {
    expect(polylineLength([[0, 0], [3, 4], [3, 10]])).toBe(11);
  });

  it('a point inside, on the edge or outside a polygon', () => {
    expect(pointInPolygon([5, 5], square)).toBe(true);
    expect(pointInPolygon([10, 5], square)).toBe(true);
    expect(pointInPolygon([0, 0], square)).toBe(true);
    expect(pointInPolygon([10.01, 5], square)).toBe(false);
    const ell: Point[] = [[0, 0], [10, 0], [10, 4], [4, 4], [4, 10], [0, 10]];
    expect(pointInPolygon([7, 7], ell)).toBe(false);
    expect(pointInPolygon([2, 7], ell)).toBe(true);
  });

  it('finds the crossing edges of a bow-tie and none in a simple polygon', () => {
    expect(selfIntersection(square)).toBeUndefined();
    expect(selfIntersection([[0, 0], [10, 10], [10, 0], [0, 10]])).toEqual([0, 2]);
    expect(selfIntersection([[0, 0], [10, 0], [10, 10], [5, 0], [0, 10]])).toBeDefined(); // touches an edge
  });

  it('signed area is positive counter-clockwise', () => {
    expect(signedArea(square)).toBe(100);
    expect(signedArea([...square].reverse())).toBe(-100);
  });

  it('tells whether two polylines cross', () => {
    expect(polylinesIntersect([[0, -5], [0, 5]], [[-5, 0], [5, 0]])).toBe(true);
    expect(polylinesIntersect([[0, 1], [0, 5]], [[-5, 0], [5, 0]])).toBe(false);
  });
});
