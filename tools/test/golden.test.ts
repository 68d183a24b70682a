import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { presetNames } from '../../scenarios/index.ts';
import { GOLDEN_DIR, goldenText } from '../golden.ts';

// Each preset at seed 1 over its horizon must reproduce its committed summary to the letter
// (traceHash included). After an intended change to the model: `npm run golden`, and review the diff.
describe('golden summaries of the presets', () => {
  for (const preset of presetNames()) {
    it(`${preset} at seed 1 matches scenarios/golden/${preset}.json`, () => {
      const committed = readFileSync(join(GOLDEN_DIR, `${preset}.json`), 'utf8');
      const now = goldenText(preset);
      expect(JSON.parse(now).traceHash, 'traceHash changed: run `npm run golden` if the change is intended').toBe(JSON.parse(committed).traceHash);
      expect(now).toBe(committed);
    });
  }
});
