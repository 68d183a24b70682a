/**
 * Gates with electronic barriers: automated gates read plate, declaration code, e-seal and driver
 * in order, each with a failure share that falls back to a manual check; manual gates (baseline)
 * have one check time. Four gates: trucks in and out of each yard, and each side's border gate.
 */

import { z } from 'zod';
import type { Gate, Gates, GateStep } from '../../sim-core/src/model/scenario.ts';
import { GATE_STEP_KINDS } from '../../sim-core/src/model/scenario.ts';
import { count, share } from './common.ts';
import type { Agree, Expect } from './type-agreement.ts';
import { durationSpec } from './dist-spec.ts';

const STEP_MEANING = 'plate (licence-plate recognition), code (QR/barcode of the declaration), e-seal (RFID electronic seal), driver (identity check)';

const gateStep = z
  .strictObject({
    step: z.enum(GATE_STEP_KINDS).describe(`what is read: ${STEP_MEANING}`),
    time: durationSpec.describe('automated read'),
    failShare: share('share of reads that fail and fall back to a manual check'),
    manual: durationSpec.describe('manual check after a failed read'),
  })
  .describe('one automated read at the gate');

const lanes = z
  .strictObject({
    entry: count('lanes into the area the gate guards', 1),
    exit: count('lanes out of the area the gate guards', 1),
  })
  .describe('lanes per direction');

export const gate = z
  .discriminatedUnion('type', [
    z
      .strictObject({
        type: z.literal('automated').describe('automated e-gate'),
        lanes,
        steps: z.array(gateStep).min(1, { error: 'an automated gate needs at least one step' }).describe('reads in order; their times add up'),
        barrier: durationSpec.describe('barrier opening and the vehicle passing'),
      })
      .superRefine((g, ctx) => {
        const seen = new Set<string>();
        g.steps.forEach((s, i) => {
          if (seen.has(s.step)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'step'], message: `step "${s.step}" appears twice in this gate` });
          seen.add(s.step);
        });
      }),
    z.strictObject({
      type: z.literal('manual').describe('manual gate (baseline)'),
      lanes,
      time: durationSpec.describe('whole manual check of one vehicle'),
    }),
  ])
  .describe('a gate: { "type": "automated", lanes, steps, barrier } or { "type": "manual", lanes, time }');

const enabled = z.boolean().default(true).describe('false switches the gates off (they then take no time)');

export const gates = z
  .strictObject({
    enabled,
    vnTruck: gate.describe('Vietnamese trucks in and out of the Vietnamese transfer yard'),
    vnBorder: gate.describe('Vietnamese border gate (IGVs in smart mode, trucks in baseline); entry = into Vietnam'),
    cnBorder: gate.describe('Chinese border gate; entry = into China'),
    cnTruck: gate.describe('Chinese trucks in and out of the Chinese yard'),
  })
  .describe('gates with electronic barriers (rào chắn điện tử)');

export type GateTypesAgree = [Expect<Agree<z.output<typeof gateStep>, GateStep>>, Expect<Agree<z.output<typeof gate>, Gate>>, Expect<Agree<z.output<typeof gates>, Gates>>];
