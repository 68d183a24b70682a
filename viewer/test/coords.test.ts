import { Object3D } from 'three';
import { describe, expect, it } from 'vitest';
import { writeYawMatrix, writeYawRollMatrix } from '../src/scene/coords.ts';

/** The matrix three composes for an Object3D placed and turned the way the frame loop means it. */
function viaObject3D(pos: [number, number, number], heading: number, roll: number, scaleY: number): number[] {
  const o = new Object3D();
  o.rotation.order = 'YXZ';
  o.position.set(...pos);
  o.rotation.set(0, -heading, roll);
  o.scale.set(1, scaleY, 1);
  o.updateMatrix();
  return o.matrix.elements;
}

describe('instance matrices written straight into the buffer', () => {
  const cases: Array<[heading: number, roll: number]> = [[0, 0], [0.7, 0], [-2.4, 1.2], [Math.PI, -0.5], [5.1, Math.PI / 2]];

  it('a yaw with a vertical scale is the matrix of an Object3D with that rotation and scale, at layout (x, y) → scene (x, −y)', () => {
    for (const [heading] of cases) {
      const a = new Float32Array(20);
      writeYawMatrix(a, 4, 12.5, 21.3, -40, heading, 3.5);
      const want = viaObject3D([12.5, 21.3, 40], heading, 0, 3.5);
      want.forEach((v, k) => expect(a[4 + k]).toBeCloseTo(v, 5));
    }
  });

  it('a yaw then a roll (a barrier arm swinging up) is the matrix of an Object3D turned in YXZ order', () => {
    for (const [heading, roll] of cases) {
      const a = new Float32Array(16);
      writeYawRollMatrix(a, 0, 3, 1.1, -7, heading, roll);
      const want = viaObject3D([3, 1.1, -7], heading, roll, 1);
      want.forEach((v, k) => expect(a[k]).toBeCloseTo(v, 5));
    }
  });
});
