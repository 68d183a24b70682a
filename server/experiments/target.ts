import type { TargetCheck, TargetOp } from '../../sim-core/src/stats/target-verdict.ts';
import { UsageError } from '../cli/usage-error.ts';

/** A capacity target: a KPI path, a comparison and a threshold, e.g. truckTurnTimeMin.p95<=90. */
export interface KpiTarget extends TargetCheck {
  path: string;
  text: string;
}

/** Parses `--target 'path<=value'` (operators <=, <, >=, >); a malformed one names the flag. */
export function parseTarget(raw: string, flag = '--target'): KpiTarget {
  const m = /^\s*([A-Za-z][\w.]*)\s*(<=|>=|<|>)\s*(\S+)\s*$/.exec(raw);
  if (m === null) throw new UsageError(`${flag}: expected KPI<=value (or <, >=, >), e.g. 'truckTurnTimeMin.p95<=90', got '${raw}'`);
  const threshold = Number(m[3]);
  if (!Number.isFinite(threshold)) throw new UsageError(`${flag}: the threshold '${m[3]}' is not a number`);
  return { path: m[1]!, op: m[2] as TargetOp, threshold, text: `${m[1]}${m[2]}${threshold}` };
}
