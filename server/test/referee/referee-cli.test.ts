import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = resolve(import.meta.dirname, '..', '..', 'cli', 'bin.js');

/** A short run of the smart preset: no warm-up, 0.1 day, with the given extra arguments. */
function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, 'run', 'huu-nghi-smart-2030', '--referee', '--days', '0.1', '--set', 'horizon.warmupHours=0', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('crossing-twin run --referee', () => {
  it('a single IGV cannot collide: exit 0 and one line saying what was checked', () => {
    const r = run('--set', 'transport.igv.fleet=1');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^referee: no overlap: \d+ motions of 1 IGVs, 0 pair checks/);
  });

  it('lanes 1.5 m apart for 3 m-wide IGVs: exit 1 with the time, both vehicles and their coordinates', () => {
    const r = run('--set', 'layout.network.laneWidthM=1.5');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/referee: FAILED with \d+ findings?/);
    expect(r.stdout).toMatch(/\n {2}d0 \d\d:\d\d:\d\d\.\d{3} \(t=\d+ ms\): igv\S* at \(-?\d+\.\d\d, -?\d+\.\d\d\) heading \d+° overlaps igv\S* at \(-?\d+\.\d\d, -?\d+\.\d\d\) heading \d+° by \d+\.\d\d m/);
  });

  it('--json keeps stdout one JSON document (the verdict goes to stderr) and includes the report', () => {
    const r = run('--set', 'transport.igv.fleet=2', '--json');
    const report = JSON.parse(r.stdout) as { referee: { ok: boolean; motions: number; findings: unknown[] } };
    expect(report.referee.motions).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/^referee: /m);
    expect(r.code).toBe(report.referee.ok ? 0 : 1);
  });

  it('a scenario without a lane network is bad input for --referee (exit 2)', () => {
    const r = spawnSync(process.execPath, [bin, 'run', 'tiny', '--referee'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--referee: scenario "tiny" has no IGV lane network');
  });
});
