/**
 * zod schemas of every client command of the live protocol (sim-core/src/stream/protocol.ts), and
 * the error acknowledgement naming the first offending field. Strict objects: an unknown field is
 * an error too, so a typo never passes silently.
 */

import { z } from 'zod';
import { MAX_NUMERIC_SPEED, type ProtocolError } from '../../sim-core/src/stream/protocol.ts';

const empty = z.strictObject({});
export const speedSchema = z.union([z.literal('max'), z.number().finite().min(1).max(MAX_NUMERIC_SPEED)]);
const seed = z.number().int().min(0).max(2 ** 32 - 1);
const role = z.enum(['igv-dispatch', 'yard-plan']);

export const commandSchemas = {
  'session:join': z.strictObject({ sessionId: z.string().min(1).max(100).optional() }),
  'session:leave': empty,
  'session:create': z.strictObject({
    scenario: z.string().min(1).max(200),
    seed: seed.optional(),
    speed: speedSchema.optional(),
    days: z.number().positive().finite().optional(),
    paused: z.boolean().optional(),
  }),
  'session:list': empty,
  'clock:play': empty,
  'clock:pause': empty,
  'clock:speed': z.strictObject({ speed: speedSchema }),
  'clock:jump': z.strictObject({ t: z.number().int().min(0) }),
  'sim:restart': z.strictObject({ seed: seed.optional() }),
  'scenario:set': z.strictObject({ path: z.string().min(1).max(200), value: z.unknown() }),
  'controller:register': z.strictObject({ role, timeoutMs: z.number().int().min(10).max(60_000).optional() }),
  'controller:unregister': z.strictObject({ role }),
  'controller:decide': z.strictObject({ requestId: z.number().int().min(1), decision: z.unknown() }),
  'controller:log': empty,
} as const;

export type CommandName = keyof typeof commandSchemas;

/** Decision payloads per role, checked before a decision reaches the simulation. */
export const decisionSchemas = {
  'yard-plan': z.strictObject({ plan: z.enum(['direct', 'storage', 'hold']) }),
  'igv-dispatch': z.strictObject({
    assignments: z.array(z.strictObject({ vehicle: z.string().regex(/^igv:\d+$/), job: z.string().regex(/^container:\d+$/) })),
    repositions: z.array(z.strictObject({ vehicle: z.string().regex(/^igv:\d+$/), to: z.enum(['VN', 'CN']) })).optional(),
  }),
} as const;

/** The bad-request error of a failed parse: the first issue, its field as a dotted path. */
export function badRequest(error: z.ZodError, prefix = ''): ProtocolError {
  const issue = error.issues[0];
  const keys = issue === undefined ? [] : issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys] : issue.path;
  const field = [prefix, ...keys.map(String)].filter((s) => s !== '').join('.');
  const message = issue === undefined ? 'invalid message' : issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.map((k) => `'${k}'`).join(', ')}` : issue.message;
  const out: ProtocolError = { code: 'bad-request', message: field === '' ? message : `${field}: ${message}` };
  if (field !== '') out.field = field;
  return out;
}

/** Parses a command payload; `undefined` counts as `{}` so commands without fields may omit it. */
export function parseCommand<N extends CommandName>(name: N, payload: unknown): { ok: true; value: z.infer<(typeof commandSchemas)[N]> } | { ok: false; error: ProtocolError } {
  const r = commandSchemas[name].safeParse(payload === undefined ? {} : payload);
  if (r.success) return { ok: true, value: r.data as z.infer<(typeof commandSchemas)[N]> };
  return { ok: false, error: badRequest(r.error) };
}
