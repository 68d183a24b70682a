import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from '../cli/usage-error.ts';
import { renderReport, type ReportModel } from './html-report.ts';

/** Writes a file, turning a filesystem error into a UsageError naming the flag and the path. */
export function writeOutput(flag: string, path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (e) {
    throw new UsageError(`${flag}: cannot write '${path}': ${(e as Error).message}`);
  }
}

/**
 * The outputs every experiment has: the result as JSON (stdout with --json, result.json in
 * --out), extra files for --out (CSV, JUnit...), and the HTML report.
 */
export function writeOutputs(result: unknown, options: { out: string | undefined; report: string | undefined }, files: Record<string, string>, report: () => ReportModel): void {
  if (options.out !== undefined) {
    writeOutput('--out', join(options.out, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
    for (const [name, text] of Object.entries(files)) writeOutput('--out', join(options.out, name), text);
  }
  if (options.report !== undefined) writeOutput('--report', options.report, renderReport(report()));
}
