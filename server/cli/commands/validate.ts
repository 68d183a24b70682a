import { formatLayoutFinding, formatScenarioError, layoutFindings, loadScenario } from '../../../scenarios/index.ts';
import { UsageError } from '../usage-error.ts';

export interface ValidateOptions {
  /** `path=value` overrides, in order. */
  set?: string[];
  json?: boolean;
}

/**
 * `crossing-twin validate <scenario>`: a preset name or a JSON file, with `--set` overrides.
 * Valid: one line `OK <id> ...` (with --json: `[]`). Invalid: every problem as `<path>: <message>`
 * on stderr (with --json: the array of `{ path, message }` on stdout) and a UsageError, so the
 * exit code is 2 and nothing runs.
 *
 * A valid scenario's lane network then gets the layout review (scenarios/checks): each finding as
 * `<severity> <code> at (x, y) <path>: <message>`. Errors: on stderr after a headline, exit 2.
 * Warnings only: the OK line, then the warnings, exit 0. With --json the findings are the array
 * (objects `{ path, message, code, severity, at }`), `[]` when there are none.
 */
export function runValidateCommand(scenario: string, options: ValidateOptions, out: (s: string) => void): void {
  const r = loadScenario(scenario, { set: options.set ?? [] });
  if (r.ok) {
    const s = r.scenario;
    const findings = layoutFindings(s);
    const errors = findings.filter((f) => f.severity === 'error').length;
    const layoutHeadline = `${scenario}: ${errors} layout error${errors === 1 ? '' : 's'}, so the scenario cannot be used`;
    if (options.json === true) {
      out(`${JSON.stringify(findings, null, 2)}\n`);
      if (errors > 0) throw new UsageError(layoutHeadline);
      return;
    }
    if (errors > 0) throw new UsageError(`${layoutHeadline}:\n${findings.map(formatLayoutFinding).join('\n')}`);
    out(`OK ${s.meta.id}: ${s.meta.title.en} (${s.mode} mode, ${s.meta.site}) is a valid scenario\n`);
    if (findings.length > 0) out(`${findings.length} layout warning${findings.length === 1 ? '' : 's'}:\n${findings.map(formatLayoutFinding).join('\n')}\n`);
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
