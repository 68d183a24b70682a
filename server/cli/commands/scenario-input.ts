import { formatScenarioError, loadScenario, type ScenarioError } from '../../../scenarios/index.ts';
import type { Scenario } from '../../../sim-core/src/model/scenario.ts';
import { UsageError } from '../usage-error.ts';

/** A scenario that cannot be used: every problem, each with its path (exit code 2). */
export class InvalidScenario extends UsageError {
  constructor(
    readonly target: string,
    readonly errors: readonly ScenarioError[],
  ) {
    super(`scenario '${target}' is not valid (${errors.length} problem${errors.length === 1 ? '' : 's'}):\n${errors.map((e) => `  ${formatScenarioError(e)}`).join('\n')}`);
  }
}

/** Loads a preset or file, applies `--set path=value` overrides, validates; throws InvalidScenario. */
export function loadValidScenario(target: string, sets: readonly string[]): Scenario {
  const r = loadScenario(target, { set: sets });
  if (!r.ok) throw new InvalidScenario(target, r.errors);
  return r.scenario;
}
