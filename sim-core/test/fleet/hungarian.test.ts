/** Optimal assignment against brute force on small cases, square and rectangular. */
import { describe, expect, it } from 'vitest';
import { assignmentCost, hungarian } from '../../src/fleet/dispatch/hungarian.ts';
import { Rng } from '../../src/random/rng.ts';

function bruteForce(cost: number[][]): number {
  const n = cost.length;
  const m = cost[0]!.length;
  const k = Math.min(n, m);
  let best = Infinity;
  const used = new Array<boolean>(m).fill(false);
  const go = (i: number, assigned: number, sum: number): void => {
    if (assigned === k) {
      best = Math.min(best, sum);
      return;
    }
    if (i === n) return;
    // Row i unassigned is allowed only when rows outnumber columns.
    if (n - i > k - assigned) go(i + 1, assigned, sum);
    for (let j = 0; j < m; j++) {
      if (used[j]) continue;
      used[j] = true;
      go(i + 1, assigned + 1, sum + cost[i]![j]!);
      used[j] = false;
    }
  };
  go(0, 0, 0);
  return best;
}

describe('Hungarian assignment', () => {
  it('finds the hand-known optimum of a 3×3 case', () => {
    const cost = [
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ];
    const a = hungarian(cost);
    expect(assignmentCost(cost, a)).toBe(5); // 1 + 2 + 2
    expect(new Set(a).size).toBe(3);
  });

  it('matches brute force on 300 random cases up to 6×6, square and rectangular', () => {
    const rng = new Rng(42);
    for (let c = 0; c < 300; c++) {
      const n = 1 + Math.floor(rng.next() * 6);
      const m = 1 + Math.floor(rng.next() * 6);
      const cost = Array.from({ length: n }, () => Array.from({ length: m }, () => Math.round(rng.next() * 1000) / 10));
      const a = hungarian(cost);
      const cols = a.filter((j) => j >= 0);
      expect(cols.length).toBe(Math.min(n, m));
      expect(new Set(cols).size).toBe(cols.length);
      expect(assignmentCost(cost, a)).toBeCloseTo(bruteForce(cost), 9);
    }
  });
});
