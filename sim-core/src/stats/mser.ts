/**
 * MSER-m warm-up detection (White 1997; MSER-5 in Franklin & White 2008): cut a run's output
 * series into batch means of m observations and choose the truncation d that minimises the
 * marginal standard error of the rest,
 *   MSER(d) = Σ_{j>d} (z_j − z̄_d)² / (k − d)²,
 * over the first half of the batches. Truncating too little leaves bias in; too much leaves too
 * few observations, which the (k − d)² denominator penalises. A minimum at the half-way point means
 * the series has not settled within the run: the answer is then flagged as unreliable.
 */

/** The truncation MSER chose, in observations of the input series. */
export interface MserResult {
  /** Leading observations to discard (a multiple of the batch size). */
  readonly truncation: number;
  /** Batches of `batchSize` observations the series made (a trailing remainder is ignored). */
  readonly batches: number;
  readonly batchSize: number;
  /** MSER statistic at the chosen truncation, in the series' unit squared (null when too short). */
  readonly statistic: number | null;
  /**
   * False when the series is too short (fewer than 4 batches) or the minimum lies at half of the
   * batches, the end of the search (the run is too short for a steady state to show).
   */
  readonly reliable: boolean;
}

/**
 * MSER with batches of `batchSize` (5 for MSER-5) over `series` (e.g. one value per simulated
 * hour; any unit). Returns the truncation point in observations; ties keep the earliest.
 */
export function mser(series: readonly number[], batchSize = 5): MserResult {
  if (!(Number.isInteger(batchSize) && batchSize >= 1)) throw new RangeError(`batchSize must be a whole number ≥ 1, got ${batchSize}`);
  for (let i = 0; i < series.length; i++) {
    if (!Number.isFinite(series[i])) throw new RangeError(`series value ${i} is not finite: ${series[i]}`);
  }
  const k = Math.floor(series.length / batchSize);
  if (k < 4) return { truncation: 0, batches: k, batchSize, statistic: null, reliable: false };
  const z = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let i = j * batchSize; i < (j + 1) * batchSize; i++) s += series[i]!;
    z[j] = s / batchSize;
  }
  // Suffix sums give every truncation's mean and sum of squares in one backward pass; squares are
  // taken about a shift (the last batch) so that large levels do not cancel away the variance.
  const shift = z[k - 1]!;
  const stat = new Float64Array(k);
  let sum = 0;
  let sumSq = 0;
  for (let d = k - 1; d >= 0; d--) {
    const v = z[d]! - shift;
    sum += v;
    sumSq += v * v;
    const n = k - d;
    stat[d] = Math.max(0, sumSq - (sum * sum) / n) / (n * n);
  }
  // Only the first half is searched: near the end the statistic falls towards zero for any series
  // (two batches that happen to agree), the known artefact of MSER. A minimum on the half-way
  // boundary means the series was still moving there.
  const last = Math.floor(k / 2);
  let best = 0;
  for (let d = 1; d <= last; d++) if (stat[d]! < stat[best]!) best = d;
  return { truncation: best * batchSize, batches: k, batchSize, statistic: stat[best]!, reliable: best < last };
}

/** Element-wise mean of equally long series (e.g. one per replication), the usual MSER input. */
export function meanSeries(series: readonly (readonly number[])[]): number[] {
  if (series.length === 0) return [];
  const n = Math.min(...series.map((s) => s.length));
  const out = new Array<number>(n).fill(0);
  for (const s of series) for (let i = 0; i < n; i++) out[i]! += s[i]! / series.length;
  return out;
}
