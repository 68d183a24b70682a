import { describe, expect, it } from 'vitest';
import { doubleArray, f64, F64_ZERO, holeyObjectArray, objectArray, shapedCopy } from '../src/kernel/shapes.ts';

describe('kernel/shapes: objects born in their final shape', () => {
  it('F64_ZERO is +0 and f64 changes no value, -0 included', () => {
    expect(Object.is(F64_ZERO, 0)).toBe(true);
    for (const x of [0, -0, 1, -1, 2 ** 31, 2 ** 53 - 1, 0.1, -7.25, Infinity, -Infinity]) expect(Object.is(f64(x), x)).toBe(true);
    expect(f64(NaN)).toBeNaN();
  });

  it('the array helpers give ordinary empty (or holey) arrays', () => {
    const a = objectArray<{ n: number }>();
    expect(a).toEqual([]);
    a.push({ n: 1 });
    expect(a).toEqual([{ n: 1 }]);
    const d = doubleArray();
    d.push(3, 0.5);
    expect(d).toEqual([3, 0.5]);
    const h = holeyObjectArray<string>(4);
    expect(h.length).toBe(4);
    expect(h[2]).toBeUndefined();
    expect(0 in h).toBe(false);
    // Each call gives a new array.
    expect(objectArray()).not.toBe(objectArray());
  });

  it('shapedCopy copies plain objects and arrays deeply, keeps class instances, changes no value', () => {
    class Dist {
      constructor(readonly mean: number) {}
    }
    const dist = new Dist(5);
    const list = [1, 2, 3];
    const tree = { a: 1, b: { c: 'x', d: null, e: undefined, f: [{ g: 2 }], dist }, list, flag: true, big: 2 ** 40 + 0.5, z: -0, at: [-0, 3] };
    const copy = shapedCopy(tree);
    expect(copy).toEqual(tree);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(tree));
    expect(Object.keys(copy.b)).toEqual(['c', 'd', 'e', 'f', 'dist']);
    expect(copy).not.toBe(tree);
    expect(copy.b).not.toBe(tree.b);
    expect(copy.list).not.toBe(list);
    expect(copy.list).toEqual(list);
    expect(copy.b.f[0]).not.toBe(tree.b.f[0]);
    expect(Object.is(copy.z, -0)).toBe(true);
    expect(Object.is(copy.at[0], -0)).toBe(true);
    expect(copy.b.dist).toBe(dist);
    expect(shapedCopy(7)).toBe(7);
    expect(shapedCopy('s')).toBe('s');
    expect(shapedCopy(null)).toBeNull();
  });
});
