import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = resolve(import.meta.dirname, '..', 'cli', 'bin.js');
const presets = resolve(import.meta.dirname, '..', '..', 'scenarios', 'presets');
const dir = mkdtempSync(join(tmpdir(), 'crossing-twin-validate-'));

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, 'validate', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of the tiny preset with three distinct errors, written to a file. */
function badFile(): string {
  const s = JSON.parse(readFileSync(join(presets, 'tiny.json'), 'utf8')) as {
    customs: { export: { channels: { red: number } } };
    control: { craneScheduler: { strategy: string } };
    layout: { zones: Array<{ kind: string }> };
  };
  s.customs.export.channels.red = 0.5;
  s.control.craneScheduler.strategy = 'lifo';
  s.layout.zones[0]!.kind = 'storage';
  const file = join(dir, 'three-errors.json');
  writeFileSync(file, JSON.stringify(s));
  return file;
}

describe('crossing-twin validate', () => {
  it('a valid preset exits 0 with one OK line naming the scenario id', () => {
    const r = cli('huu-nghi-smart-2030');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^OK huu-nghi-smart-2030: .+\n$/);
    expect(r.stdout.split('\n')).toHaveLength(2);
    expect(r.stderr).toBe('');
  });

  it('an invalid file exits 2 and prints every error as "<path>: <message>"', () => {
    const r = cli(badFile());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('3 problems');
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('$.'));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\$\.layout\.zones\[0\]\.kind: unknown zone kind "storage"/);
    expect(lines[1]).toMatch(/^\$\.customs\.export\.channels: green, yellow and red shares must add up to 1/);
    expect(lines[2]).toMatch(/^\$\.control\.craneScheduler\.strategy: unknown strategy "lifo"/);
  });

  it('--json prints the errors as a JSON array of { path, message } on stdout and exits 2', () => {
    const r = cli(badFile(), '--json');
    expect(r.code).toBe(2);
    const errors = JSON.parse(r.stdout) as Array<{ path: string; message: string }>;
    expect(errors.map((e) => e.path)).toEqual(['$.layout.zones[0].kind', '$.customs.export.channels', '$.control.craneScheduler.strategy']);
    expect(Object.keys(errors[0]!).sort()).toEqual(['message', 'path']);
  });

  it('--json prints [] for a valid scenario', () => {
    const r = cli('tiny', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it('--set overrides are applied, and a bad one is an error naming its path', () => {
    expect(cli('tiny', '--set', 'demand.vehiclesPerDay=100', '--set', 'control.craneScheduler.strategy=fifo').code).toBe(0);
    const unknown = cli('tiny', '--set', 'demand.vehiclesPerDya=100');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('$.demand.vehiclesPerDya: unknown field "vehiclesPerDya" in demand');
    const wrong = cli('tiny', '--set', 'demand.vehiclesPerDay=many');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('$.demand.vehiclesPerDay: vehiclesPerDay must be a number, got the string "many"');
  });

  it('an unknown preset exits 2 and lists the known presets', () => {
    const r = cli('huu-nghi-smart');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown preset "huu-nghi-smart"; known presets are huu-nghi-baseline-2025');
  });

  it('a file that is not JSON exits 2 with the line and column', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{\n  "seed": 1,\n  "mode": "smart"\n  "horizon": {}\n}\n');
    const r = cli(file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:4:3: invalid JSON`);
  });

  it('a missing argument is a usage error (exit 2)', () => {
    const r = cli();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing required argument 'scenario'");
  });
});
