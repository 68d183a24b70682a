/**
 * The geometry's `hypot` must give, bit for bit, what Math.hypot gives for two numbers: lane
 * lengths, stretches and footprints computed with it feed the traceHash of every preset.
 */
import { describe, expect, it } from 'vitest';
import { hypot } from '../../src/fleet/polyline.ts';
import { Rng } from '../../src/random/rng.ts';

describe('hypot', () => {
  it('equals Math.hypot on 400,000 pairs: metre-scale coordinates, tiny offsets, quarter-metre grids and arbitrary bit patterns', () => {
    const rng = new Rng(3);
    const buf = new Float64Array(1);
    const words = new Uint32Array(buf.buffer);
    const any = (): number => {
      words[0] = rng.nextU32();
      words[1] = rng.nextU32();
      return buf[0]!;
    };
    for (let i = 0; i < 100_000; i++) {
      const pairs: [number, number][] = [
        [(rng.next() - 0.5) * 4000, (rng.next() - 0.5) * 4000],
        [(rng.next() - 0.5) * 40, (rng.next() - 0.5) * 1e-3],
        [Math.round((rng.next() - 0.5) * 4000) / 4, Math.round((rng.next() - 0.5) * 4000) / 8],
        [any(), any()],
      ];
      for (const [x, y] of pairs) if (!Object.is(hypot(x, y), Math.hypot(x, y))) expect.fail(`hypot(${x}, ${y}) = ${hypot(x, y)}, Math.hypot ${Math.hypot(x, y)}`);
    }
  });

  it('special values as Math.hypot: zeros, infinities before NaN, NaN, extremes', () => {
    const cases: [number, number][] = [[0, 0], [-0, 0], [-0, -0], [3, 4], [-3, -4], [NaN, Infinity], [Infinity, NaN], [-Infinity, 2], [NaN, 1], [1e308, 1e308], [5e-324, 5e-324], [Number.MAX_VALUE, 1]];
    for (const [x, y] of cases) expect(Object.is(hypot(x, y), Math.hypot(x, y)), `${x}, ${y}`).toBe(true);
  });
});
