import { describe, expect, it } from 'vitest';
import { refereeRun } from '../../referee/referee-run.ts';
import { HOURS, noOverlapAcrossSeeds, smartPreset } from './support/preset-seeds.ts';

describe('the geometric referee on huu-nghi-smart-2030', () => {
  noOverlapAcrossSeeds('huu-nghi-smart-2030');

  it('a deliberately strict referee (footprints 2.5 times as long as the IGVs) fails the same run', () => {
    const report = refereeRun(smartPreset('huu-nghi-smart-2030'), { seed: 1, hours: HOURS, scale: { length: 2.5, width: 1 }, maxFindings: 5 });
    expect(report.ok).toBe(false);
    const first = report.findings[0]!;
    expect(first.kind).toBe('overlap');
    if (first.kind !== 'overlap') return;
    expect(first.ids[0]).toMatch(/^igv/);
    expect(first.t).toBeGreaterThan(0);
    expect(first.t).toBeLessThanOrEqual(HOURS * 3_600_000);
  });
});
