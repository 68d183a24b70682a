import { pairedDifferenceCI, type ConfidenceInterval } from './confidence.ts';

/** Which way a KPI is better. `none`: a figure to report, not to judge (e.g. utilization). */
export type Better = 'lower' | 'higher' | 'none';

/**
 * The verdict on one KPI of a candidate against a baseline under common random numbers:
 * `better`/`worse` when the interval of the paired difference (candidate − baseline) excludes
 * zero, `no-difference` when it holds zero, `undecided` with fewer than two pairs.
 */
export type PairedVerdict = 'better' | 'worse' | 'no-difference' | 'undecided';

export interface PairedComparison {
  /** Interval of candidate − baseline over the pairs where both have a value (KPI unit). */
  diff: ConfidenceInterval;
  verdict: PairedVerdict;
}

/**
 * Compares paired replications (same index = same seeds, so same random numbers): pairs with a
 * missing value on either side (null, e.g. a percentile of an empty tally) are left out.
 */
export function comparePaired(baseline: readonly (number | null)[], candidate: readonly (number | null)[], better: Better, level = 0.95): PairedComparison {
  if (baseline.length !== candidate.length) throw new RangeError(`paired samples must have equal length, got ${baseline.length} and ${candidate.length}`);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < baseline.length; i++) {
    const x = baseline[i];
    const y = candidate[i];
    if (x === null || x === undefined || y === null || y === undefined) continue;
    a.push(y);
    b.push(x);
  }
  const diff = pairedDifferenceCI(a, b, level);
  if (diff.lower === null || diff.upper === null) return { diff, verdict: 'undecided' };
  if (diff.lower <= 0 && diff.upper >= 0) return { diff, verdict: 'no-difference' };
  if (better === 'none') return { diff, verdict: 'no-difference' };
  const up = diff.lower > 0;
  return { diff, verdict: up === (better === 'higher') ? 'better' : 'worse' };
}
