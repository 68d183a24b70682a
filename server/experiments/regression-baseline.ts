import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../cli/usage-error.ts';
import { writeOutput } from './outputs.ts';

/** What a case produced when its baseline was written (`regress --update`). */
export interface Baseline {
  id: string;
  scenarioHash: string;
  codeVersion: string;
  seeds: number[];
  /** Mean over the seeds and each seed's value, per KPI path. */
  kpis: Record<string, { mean: number | null; values: Array<number | null> }>;
  traceHashes: string[];
}

export function baselineFile(dir: string, id: string): string {
  return join(dir, `${id}.json`);
}

/** The baseline of a case, or null when none was written; a broken file names itself. */
export function readBaseline(dir: string, id: string): Baseline | null {
  const file = baselineFile(dir, id);
  if (!existsSync(file)) return null;
  try {
    const b = JSON.parse(readFileSync(file, 'utf8')) as Baseline;
    if (typeof b !== 'object' || b === null || typeof b.kpis !== 'object' || !Array.isArray(b.traceHashes)) throw new Error('not a baseline (kpis and traceHashes expected)');
    return b;
  } catch (e) {
    throw new UsageError(`--baselines: ${file}: ${(e as Error).message}; regenerate it with crossing-twin regress --update`);
  }
}

export function writeBaseline(dir: string, b: Baseline): void {
  writeOutput('--baselines', baselineFile(dir, b.id), `${JSON.stringify(b, null, 2)}\n`);
}
