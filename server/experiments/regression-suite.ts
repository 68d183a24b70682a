import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseJsonText } from '../../scenarios/index.ts';
import { UsageError } from '../cli/usage-error.ts';

/** A KPI's allowed drift from its baseline mean: absolute (KPI unit) and/or relative (share). */
const tolerance = z.strictObject({ abs: z.number().nonnegative().optional(), rel: z.number().nonnegative().optional() }).refine((t) => t.abs !== undefined || t.rel !== undefined, { message: 'give abs (in the KPI unit) or rel (a share of the baseline)' });

const regressionCase = z.strictObject({
  /** File name of the baseline (kebab-case). */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id'),
  scenario: z.string().min(1),
  /** `controller=strategy` (or `scenario.path=value`), as `compare --policies` reads it. */
  policy: z.string().regex(/^[^=]+=[^=,]+$/, 'expected controller=strategy, e.g. craneScheduler=fifo').optional(),
  set: z.array(z.string()).default([]),
  seeds: z.array(z.number().int().nonnegative()).min(1),
  days: z.number().positive().max(366).optional(),
  /** The trace hash of every seed must equal the baseline's: the run is bit-for-bit the same. */
  checkTraceHash: z.boolean().default(false),
  tolerances: z.record(z.string(), tolerance).refine((t) => Object.keys(t).length > 0, { message: 'list at least one KPI' }),
});

const suiteSchema = z.strictObject({ $comment: z.string().optional(), cases: z.array(regressionCase).min(1) });

export type RegressionCase = z.infer<typeof regressionCase>;
export type Tolerance = z.infer<typeof tolerance>;

/** Reads and checks a suite file; every problem names the file and its JSON path. */
export function readSuite(file: string, flag = '--suite'): RegressionCase[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${flag}: cannot read '${file}': ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const parsed = parseJsonText(text, file);
  if (!parsed.ok) throw new UsageError(`${flag}: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  const r = suiteSchema.safeParse(parsed.json);
  if (!r.success) {
    const where = (path: readonly PropertyKey[]): string => `$${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`;
    throw new UsageError(`${flag} ${file}: ${r.error.issues.map((i) => `${where(i.path)}: ${i.message}`).join('; ')}`);
  }
  const ids = r.data.cases.map((c) => c.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup !== undefined) throw new UsageError(`${flag} ${file}: case id '${dup}' appears twice`);
  return r.data.cases;
}
