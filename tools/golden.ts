/**
 * Golden summaries: each preset run at seed 1 over its own horizon, written to
 * scenarios/golden/<preset>.json (the KPIs and the traceHash, without the hourly series, pretty
 * printed so a change reads well in a diff). `npm run golden` rewrites them when a change to the
 * model is intended; server/test/golden.test.ts fails when a run no longer matches its file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, presetNames } from '../scenarios/index.ts';
import { fromScenario } from '../sim-core/src/model/from-scenario.ts';
import { runCrossing, type CrossingRun } from '../sim-core/src/model/run-summary.ts';

export const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'scenarios', 'golden');

/** The golden summary of a preset: the run summary without its hourly series. */
export function goldenSummary(preset: string): Omit<CrossingRun, 'kpis'> & { kpis: Omit<CrossingRun['kpis'], 'hourly'> } {
  const loaded = loadScenario(preset);
  if (!loaded.ok) throw new Error(`preset ${preset} is invalid: ${JSON.stringify(loaded.errors)}`);
  const run = runCrossing(fromScenario(loaded.scenario, { seed: 1 }));
  const { hourly: _hourly, ...kpis } = run.kpis;
  return { ...run, kpis };
}

export function goldenText(preset: string): string {
  return `${JSON.stringify(goldenSummary(preset), null, 2)}\n`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(GOLDEN_DIR, { recursive: true });
  for (const preset of presetNames()) {
    writeFileSync(join(GOLDEN_DIR, `${preset}.json`), goldenText(preset));
    console.log(`wrote scenarios/golden/${preset}.json`);
  }
}
