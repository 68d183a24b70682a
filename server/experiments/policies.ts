import { STRATEGY_NAMES, type ControllerName } from '../../sim-core/src/model/scenario.ts';
import { didYouMean, listWords } from '../../sim-core/src/random/spec-reader.ts';
import { parseOverridePath } from '../../scenarios/index.ts';
import { UsageError } from '../cli/usage-error.ts';

/** A policy to compare: its name and the overrides that select it. */
export interface Policy {
  name: string;
  overrides: string[];
}

/** The override of one policy `key=name` (a controller's strategy or a scenario path's value). */
export function policyOverride(key: string, name: string, flag: string): string {
  const controllers = Object.keys(STRATEGY_NAMES) as ControllerName[];
  if ((controllers as string[]).includes(key)) {
    const known = STRATEGY_NAMES[key as ControllerName] as readonly string[];
    if (!known.includes(name)) throw new UsageError(`${flag} ${key}: unknown policy '${name}'${didYouMean(name, known)}; the strategies of ${key} are ${listWords([...known])}`);
    return `control.${key}.strategy=${name}`;
  }
  if (!key.includes('.') || parseOverridePath(key) === undefined) {
    throw new UsageError(`${flag}: unknown controller '${key}'${didYouMean(key, controllers)}; controllers are ${listWords(controllers)}, or give a scenario path such as transport.igv.fleet`);
  }
  return `${key}=${name}`;
}

/**
 * `--policies <controller>=a,b[,c]` for any controller of STRATEGY_NAMES (a strategy name each:
 * `craneScheduler=fifo,import-first`, `dispatch=...` once that controller exists), or
 * `<scenario path>=v1,v2` for any scenario value (`transport.igv.fleet=60,80`). The first policy
 * is the baseline the others are compared with.
 */
export function parsePolicies(raw: string, flag = '--policies'): { key: string; policies: Policy[] } {
  const eq = raw.indexOf('=');
  if (eq <= 0) throw new UsageError(`${flag}: expected <controller>=a,b (e.g. craneScheduler=fifo,import-first) or <scenario path>=v1,v2, got '${raw}'`);
  const key = raw.slice(0, eq).trim();
  const names = raw
    .slice(eq + 1)
    .split(',')
    .map((s) => s.trim());
  if (names.some((n) => n === '')) throw new UsageError(`${flag} ${key}: empty policy name in '${raw.slice(eq + 1)}'`);
  if (names.length < 2) throw new UsageError(`${flag} ${key}: give at least two policies to compare, got ${names.length}`);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) throw new UsageError(`${flag} ${key}: '${dup}' is listed twice`);
  return { key, policies: names.map((n) => ({ name: n, overrides: [policyOverride(key, n, flag)] })) };
}
