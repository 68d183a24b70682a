import { formatScenarioError, loadScenario } from '../../../scenarios/index.ts';
import { UsageError } from '../usage-error.ts';

export interface ValidateOptions {
  /** `path=value` overrides, in order. */
  set?: string[];
  json?: boolean;
}

/** Commander collector for a repeatable option: `--set a=1 --set b=2` → ['a=1', 'b=2']. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * `crossing-twin validate <scenario>`: a preset name or a JSON file, with `--set` overrides.
 * Valid: one line `OK <id> ...` (with --json: `[]`). Invalid: every problem as `<path>: <message>`
 * on stderr (with --json: the array of `{ path, message }` on stdout) and a UsageError, so the
 * exit code is 2 and nothing runs.
 */
export function runValidateCommand(scenario: string, options: ValidateOptions, out: (s: string) => void): void {
  const r = loadScenario(scenario, { set: options.set ?? [] });
  if (r.ok) {
    const s = r.scenario;
    out(options.json === true ? '[]\n' : `OK ${s.meta.id}: ${s.meta.title.en} (${s.mode} mode, ${s.meta.site}) is a valid scenario\n`);
    return;
  }
  const n = r.errors.length;
  const headline = `${scenario}: ${n} problem${n === 1 ? '' : 's'}, so the scenario cannot be used`;
  if (options.json === true) {
    out(`${JSON.stringify(r.errors, null, 2)}\n`);
    throw new UsageError(headline);
  }
  throw new UsageError(`${headline}:\n${r.errors.map(formatScenarioError).join('\n')}`);
}
