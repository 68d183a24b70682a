import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import type { ScenarioError } from '../../scenario-error.ts';
import { validateScenario } from '../../validate.ts';

export type Json = any;

/** A fresh, editable copy of a preset's JSON. */
export function presetJson(name: string): Json {
  return JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'presets', `${name}.json`), 'utf8')) as Json;
}

/** The errors of a scenario that must be invalid. */
export function errorsOf(json: unknown): ScenarioError[] {
  const r = validateScenario(json);
  if (r.ok) throw new Error('expected the scenario to be invalid, but it validated');
  return r.errors;
}

/** Errors of the smart preset after `edit`. */
export function errorsAfter(edit: (s: Json) => void, preset = 'huu-nghi-smart-2030'): ScenarioError[] {
  const s = presetJson(preset);
  edit(s);
  return errorsOf(s);
}

/** Exactly one error, at `path`, whose message contains `phrase`. */
export function expectOnlyError(errors: readonly ScenarioError[], path: string, phrase: string | RegExp): void {
  expect(errors, JSON.stringify(errors, null, 2)).toHaveLength(1);
  expectError(errors, path, phrase);
}

/** Some error at `path` whose message contains `phrase`. */
export function expectError(errors: readonly ScenarioError[], path: string, phrase: string | RegExp): void {
  const at = errors.filter((e) => e.path === path);
  expect(at.map((e) => e.message), `errors at ${path} among ${JSON.stringify(errors, null, 2)}`).not.toHaveLength(0);
  const matches = at.some((e) => (typeof phrase === 'string' ? e.message.includes(phrase) : phrase.test(e.message)));
  expect(matches, `no error at ${path} mentions ${String(phrase)}: ${JSON.stringify(at)}`).toBe(true);
}
