/**
 * Customs on the Vietnamese side: selectivity channels, pre-arrival declarations, document checks,
 * the scanner lanes with image triage, and physical inspection bays. Legal limits are parameters
 * for reporting, not rules the model enforces.
 */

import { z } from 'zod';
import type { Customs, CustomsDirection, Inspection, Scanners } from '../../sim-core/src/model/scenario.ts';
import { SCAN_POLICIES } from '../../sim-core/src/model/scenario.ts';
import { channelShares, count, positive, share } from './common.ts';
import type { Agree, Expect } from './type-agreement.ts';
import { durationSpec } from './dist-spec.ts';

const enabled = z.boolean().default(true).describe('false switches the stage off (it then takes no time)');

const customsDirection = z
  .strictObject({
    channels: channelShares,
    preArrivalShare: share('share of declarations submitted through the National Single Window before arrival'),
    declarationLead: durationSpec.describe('how long before arrival a pre-arrival declaration is submitted'),
    yellowCheck: durationSpec.describe('yellow-channel document check; may finish before the vehicle arrives'),
    red: z
      .strictObject({ scanOnlyShare: share('share of red-channel containers cleared by the scan image alone; the rest are opened') })
      .describe('red channel: scan image or opening'),
  })
  .describe('customs for one direction');

export const customs = z
  .strictObject({
    enabled,
    export: customsDirection.describe('exports (VN → CN), cleared by Vietnamese customs'),
    import: customsDirection.describe('imports (CN → VN), cleared by Vietnamese customs'),
    legalLimits: z
      .strictObject({
        documentCheckHours: positive('legal limit of a document check, working hours (2 today)'),
        physicalInspectionHours: positive('legal limit of a physical inspection, working hours (8 today, extendable to 2 days)'),
      })
      .describe('legal limits, for reporting breaches; the model does not enforce them'),
  })
  .describe('customs selectivity and checks (Vietnamese side)');

export const scanners = z
  .strictObject({
    enabled,
    scans: z.enum(SCAN_POLICIES).describe('"all": every container drives through (smart); "red-only": red channel only (baseline mobile scanner)'),
    lanes: count('scanner lanes (drive-through portals or mobile scanners)', 1),
    scanTime: durationSpec.describe('occupancy of a lane by one container: the portal pass itself'),
    triage: z
      .strictObject({
        aiPreclearShare: share('share of non-red images pre-cleared by AI without an operator'),
        aiTime: durationSpec.describe('AI image analysis of one container'),
        operators: count('image analysts on duty', 1),
        operatorReview: durationSpec.describe('operator review of one image'),
        flagShare: share('share of operator-reviewed images flagged for physical inspection'),
      })
      .describe('image triage: AI pre-clearance, then operator review'),
  })
  .describe('container scanners (máy soi container) on the Vietnamese side');

export const inspection = z
  .strictObject({
    enabled,
    bays: count('physical-inspection bays on the Vietnamese side', 1),
    openingTime: durationSpec.describe('opening and physical inspection of one container'),
  })
  .describe('physical inspection (kiểm tra thực tế hàng hóa) for red-channel and flagged containers');

export type CustomsTypesAgree = [
  Expect<Agree<z.output<typeof customsDirection>, CustomsDirection>>,
  Expect<Agree<z.output<typeof customs>, Customs>>,
  Expect<Agree<z.output<typeof scanners>, Scanners>>,
  Expect<Agree<z.output<typeof inspection>, Inspection>>,
];
