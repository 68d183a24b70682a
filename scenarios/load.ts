/**
 * Finding and reading a scenario: a preset name (`huu-nghi-smart-2030` → scenarios/presets/
 * huu-nghi-smart-2030.json) or a path to a JSON file; then `--set` overrides and validation.
 * Problems come back as {@link ScenarioError}s; for a file that cannot be read their `path` is
 * the file (with `:line:column` for invalid JSON) or the preset name.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Scenario } from '../sim-core/src/model/scenario.ts';
import { didYouMean, listWords } from '../sim-core/src/random/spec-reader.ts';
import { applyOverrides } from './overrides.ts';
import type { ScenarioError } from './scenario-error.ts';
import { validateScenario } from './validate.ts';

/** Folder of the preset files. */
export const PRESETS_DIR = resolve(import.meta.dirname, 'presets');

export type ReadResult = { ok: true; json: unknown; file: string } | { ok: false; errors: ScenarioError[] };
export type LoadResult = { ok: true; scenario: Scenario; file: string } | { ok: false; errors: ScenarioError[] };

/** Names of the presets, sorted. */
export function presetNames(): string[] {
  return readdirSync(PRESETS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** Parses JSON text; a syntax error names `where:line:column`. */
export function parseJsonText(text: string, where: string): { ok: true; json: unknown } | { ok: false; errors: ScenarioError[] } {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, json: JSON.parse(body) as unknown };
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    // V8 says "... in JSON at position 42" (Node 20) and may add "(line 3 column 5)" (Node 22+).
    const position = /at position (\d+)/.exec(raw);
    const offset = position !== null ? Number(position[1]) : body.length;
    const { line, column } = lineColumn(body, offset);
    const reason = raw
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/\s*in JSON at position \d+/, '')
      .replace(/^JSON\.parse: /, '');
    return { ok: false, errors: [{ path: `${where}:${line}:${column}`, message: `invalid JSON: ${reason}` }] };
  }
}

function readFile(file: string, shown: string): ReadResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : String((e as Error).message);
    return { ok: false, errors: [{ path: shown, message: `cannot read the scenario file: ${why}` }] };
  }
  const parsed = parseJsonText(text, shown);
  return parsed.ok ? { ok: true, json: parsed.json, file } : parsed;
}

/**
 * Reads the JSON of a preset (a bare name) or a file (a name with a slash or ending in .json, or
 * an existing file). An unknown preset lists the known ones.
 */
export function readScenarioJson(nameOrPath: string): ReadResult {
  const looksLikePath = /[\\/]/.test(nameOrPath) || nameOrPath.toLowerCase().endsWith('.json');
  if (looksLikePath) return readFile(resolve(nameOrPath), nameOrPath);
  const names = presetNames();
  if (names.includes(nameOrPath)) return readFile(resolve(PRESETS_DIR, `${nameOrPath}.json`), nameOrPath);
  if (existsSync(nameOrPath)) return readFile(resolve(nameOrPath), nameOrPath);
  return {
    ok: false,
    errors: [{ path: nameOrPath, message: `unknown preset "${nameOrPath}"; known presets are ${listWords(names)}${didYouMean(nameOrPath, names)}; or give a path to a JSON file` }],
  };
}

/**
 * Reads a preset or file, applies `--set` overrides, validates: the scenario, or every problem
 * (rejected overrides first, then what is wrong with the scenario with the other overrides applied).
 */
export function loadScenario(nameOrPath: string, options: { set?: readonly string[] } = {}): LoadResult {
  const read = readScenarioJson(nameOrPath);
  if (!read.ok) return read;
  const overridden = applyOverrides(read.json, options.set ?? []);
  const valid = validateScenario(overridden.ok ? overridden.json : overridden.partial);
  if (overridden.ok) return valid.ok ? { ok: true, scenario: valid.scenario, file: read.file } : valid;
  return { ok: false, errors: [...overridden.errors, ...(valid.ok ? [] : valid.errors)] };
}
