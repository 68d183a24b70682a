import { confidenceInterval, type ConfidenceInterval } from './confidence.ts';

/** Comparison of a KPI with its threshold. */
export type TargetOp = '<=' | '<' | '>=' | '>';

/**
 * Whether a KPI meets a target, judged on a confidence interval of its mean over replications:
 * `met` when the whole interval lies on the good side of the threshold, `missed` when it lies
 * wholly on the bad side, and `undecided` when it straddles the threshold (more replications may
 * decide) or there are fewer than two observations.
 */
export type TargetVerdict = 'met' | 'missed' | 'undecided';

/** A threshold check of a KPI's mean, e.g. truck turn p95 ≤ 90 min. */
export interface TargetCheck {
  op: TargetOp;
  /** In the KPI's unit. */
  threshold: number;
}

/** Holds for a single value (e.g. a mean) against the target. */
export function satisfies(value: number, target: TargetCheck): boolean {
  switch (target.op) {
    case '<=':
      return value <= target.threshold;
    case '<':
      return value < target.threshold;
    case '>=':
      return value >= target.threshold;
    case '>':
      return value > target.threshold;
  }
}

/** The verdict on `values` (one per replication, the KPI's unit) and the interval it rests on. */
export function targetVerdict(values: readonly number[], target: TargetCheck, level = 0.95): { verdict: TargetVerdict; ci: ConfidenceInterval } {
  const ci = confidenceInterval(values, level);
  if (ci.lower === null || ci.upper === null) return { verdict: 'undecided', ci };
  const lowerOk = satisfies(ci.lower, target);
  const upperOk = satisfies(ci.upper, target);
  const verdict: TargetVerdict = lowerOk && upperOk ? 'met' : !lowerOk && !upperOk ? 'missed' : 'undecided';
  return { verdict, ci };
}
