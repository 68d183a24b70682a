/**
 * Minimum-cost assignment (the Hungarian method, shortest augmenting paths with potentials,
 * O(n²·m)). `cost[i][j]` for rows i < n and columns j < m; every row is assigned when n ≤ m, every
 * column when n > m. Returns, per row, the column assigned or -1. Deterministic: ties go to the
 * lower column index.
 */
export function hungarian(cost: readonly (readonly number[])[]): number[] {
  const n = cost.length;
  const m = n === 0 ? 0 : cost[0]!.length;
  if (n === 0 || m === 0) return new Array<number>(n).fill(-1);
  if (n > m) {
    const t: number[][] = [];
    for (let j = 0; j < m; j++) t.push(cost.map((row) => row[j]!));
    const colOfRow = hungarian(t);
    const out = new Array<number>(n).fill(-1);
    colOfRow.forEach((row, col) => {
      if (row >= 0) out[row] = col;
    });
    return out;
  }
  // 1-based arrays as in the classic formulation; p[j] = row matched to column j.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1);
  const way = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(m + 1).fill(Infinity);
    const used = new Uint8Array(m + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j] === 1) continue;
        const cur = cost[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j] === 1) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else minv[j] = minv[j]! - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const out = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) if (p[j]! > 0) out[p[j]! - 1] = j - 1;
  return out;
}

/** Total cost of an assignment (rows with -1 add nothing). */
export function assignmentCost(cost: readonly (readonly number[])[], rowToCol: readonly number[]): number {
  let s = 0;
  rowToCol.forEach((j, i) => {
    if (j >= 0) s += cost[i]![j]!;
  });
  return s;
}
