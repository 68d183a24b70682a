/**
 * The scenario schema: every section, strict at every level. Its output type is checked against
 * sim-core's `Scenario` in both directions, so the model and the files cannot drift apart.
 * Checks that read several sections live in `../checks/cross-section.ts`.
 */

import { z } from 'zod';
import type { Scenario, ScenarioMeta } from '../../sim-core/src/model/scenario.ts';
import { MODES, SITE_IDS } from '../../sim-core/src/model/scenario.ts';
import { id, localizedText } from './common.ts';
import type { Agree, Expect } from './type-agreement.ts';
import { customs, inspection, scanners } from './customs.ts';
import { demand, hours, horizon, parking } from './demand.ts';
import { gates } from './gates.ts';
import { layout, site } from './layout.ts';
import { control, failures, targets } from './operations.ts';
import { chinaSide, transport, yard } from './yards.ts';

export const meta = z
  .strictObject({
    id: id.describe('scenario id (kebab-case); a preset id equals its file name'),
    title: localizedText.describe('title in vi/en/zh'),
    description: localizedText.describe('what the scenario represents, in vi/en/zh'),
    site: z.enum(SITE_IDS).describe('huu-nghi (markers 1119-1120) or tan-thanh (markers 1088/2-1089)'),
    sources: z.array(z.string()).describe('where the figures come from (DOMAIN.md rows, public sources)'),
    notes: z.array(z.string()).describe('assumptions and remarks for reviewers'),
  })
  .describe('identity and provenance of the scenario');

/** Top-level sections, in document order (also used to run checks per valid section). */
export const scenarioSections = {
  $schema: z.string().describe('JSON Schema of this file, for editors ("../schema/scenario.schema.json" in presets)').exactOptional(),
  meta,
  mode: z.enum(MODES).describe('"smart" (IGVs, automated cranes, e-gates) or "baseline" (today: trucks drive the ~0.9 km channel, manual gates, reach stackers)'),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).describe('run seed (non-negative whole number)'),
  horizon,
  site,
  layout,
  demand,
  hours,
  parking,
  customs,
  gates,
  scanners,
  inspection,
  yard,
  transport,
  chinaSide,
  failures,
  control,
  targets: targets.exactOptional(),
};

export const scenarioSchema = z.strictObject(scenarioSections).describe('Crossing Twin scenario: a digital twin run of the Lang Son smart border crossing');

export type SectionName = keyof typeof scenarioSections;

export type ScenarioTypesAgree = [Expect<Agree<z.output<typeof meta>, ScenarioMeta>>, Expect<Agree<z.output<typeof scenarioSchema>, Scenario>>];
