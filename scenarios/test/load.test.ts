import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, parseJsonText, readScenarioJson } from '../load.ts';
import { expectOnlyError, presetJson } from './support/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'crossing-twin-load-'));

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('loadScenario', () => {
  it('resolves a preset name to its file', () => {
    const r = loadScenario('tiny');
    expect(r.ok && r.scenario.meta.id).toBe('tiny');
    expect(r.ok && r.file.endsWith(join('scenarios', 'presets', 'tiny.json'))).toBe(true);
  });

  it('reads a scenario from a file path', () => {
    const s = presetJson('tiny');
    s.meta.id = 'my-variant';
    const r = loadScenario(file('variant.json', JSON.stringify(s)));
    expect(r.ok && r.scenario.meta.id).toBe('my-variant');
  });

  it('an unknown preset lists the known ones and suggests the closest', () => {
    const r = readScenarioJson('huu-nghi-smart-2031');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expectOnlyError(r.errors, 'huu-nghi-smart-2031', 'unknown preset "huu-nghi-smart-2031"; known presets are huu-nghi-baseline-2025, huu-nghi-peak-2030, huu-nghi-smart-2030, tan-thanh-smart-2030 and tiny');
    expect(r.errors[0]!.message).toContain('did you mean "huu-nghi-smart-2030"?');
  });

  it('an unreadable file is named with the reason', () => {
    const missing = join(dir, 'nope.json');
    const r = readScenarioJson(missing);
    expect(r.ok).toBe(false);
    if (!r.ok) expectOnlyError(r.errors, missing, 'cannot read the scenario file: no such file');
    const folder = readScenarioJson(`${dir}/`);
    expect(!folder.ok && folder.errors[0]!.message).toContain('it is a folder, not a file');
  });

  it('invalid JSON is reported with its line and column', () => {
    const p = file('broken.json', '{\n  "seed": 1,\n  "mode": "smart"\n  "horizon": {}\n}\n');
    const r = readScenarioJson(p);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.path).toBe(`${p}:4:3`);
    expect(r.errors[0]!.message).toMatch(/^invalid JSON: /);
  });

  it('computes line and column for truncated JSON at the end of the text', () => {
    const r = parseJsonText('{\n  "a": [1, 2', 'x.json');
    expect(!r.ok && r.errors[0]!.path).toBe('x.json:2:13');
  });

  it('applies --set overrides before validating, and reports rejected overrides with the remaining problems', () => {
    const ok = loadScenario('tiny', { set: ['demand.vehiclesPerDay=120'] });
    expect(ok.ok && ok.scenario.demand.vehiclesPerDay).toBe(120);
    const bad = loadScenario('tiny', { set: ['demand.vehiclesPerDay=many', 'customs.export.channels.red=0.5'] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.path)).toEqual(['$.demand.vehiclesPerDay', '$.customs.export.channels']);
  });
});
