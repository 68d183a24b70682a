/**
 * `validateScenario`: a scenario JSON value in, either the typed {@link Scenario} or every problem
 * at once, each with its JSON path and a plain sentence. Structure, distribution specs and
 * per-section rules come from the zod schema; rules spanning sections run on the sections that are
 * valid on their own, so a broken section never hides the problems elsewhere.
 */

import type { Scenario } from '../sim-core/src/model/scenario.ts';
import { crossSectionErrors } from './checks/cross-section.ts';
import type { ValidSections } from './checks/cross-section.ts';
import { PARSE_OPTIONS, translateIssues } from './issue-messages.ts';
import { byPath } from './scenario-error.ts';
import type { ScenarioError } from './scenario-error.ts';
import { scenarioSchema, scenarioSections } from './zod/scenario.ts';
import type { SectionName } from './zod/scenario.ts';

export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

const SECTION_NAMES = Object.keys(scenarioSections) as SectionName[];

/** Each top-level section of `json` that is valid on its own. */
function validSections(json: unknown): ValidSections {
  const out: Record<string, unknown> = {};
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return out;
  const record = json as Record<string, unknown>;
  for (const name of SECTION_NAMES) {
    if (!Object.hasOwn(record, name)) continue;
    const r = scenarioSections[name].safeParse(record[name]);
    if (r.success) out[name] = r.data;
  }
  return out as ValidSections;
}

/** Validates a parsed JSON value as a scenario; never throws on bad input. */
export function validateScenario(json: unknown): ValidationResult {
  const parsed = scenarioSchema.safeParse(json, PARSE_OPTIONS);
  const errors = parsed.success ? [] : translateIssues(parsed.error.issues, scenarioSchema, json);
  errors.push(...crossSectionErrors(parsed.success ? parsed.data : validSections(json)));
  if (parsed.success && errors.length === 0) return { ok: true, scenario: parsed.data };
  return { ok: false, errors: byPath(errors, SECTION_NAMES) };
}
