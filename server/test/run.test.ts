import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = resolve(import.meta.dirname, '..', 'cli', 'bin.js');
const tiny = resolve(import.meta.dirname, '..', '..', 'scenarios', 'presets', 'tiny.json');

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runJson(...args: string[]): any {
  const r = cli('run', 'tiny', '--json', ...args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('crossing-twin run', () => {
  it('prints the JSON summary of the contract (DESIGN.md) for a preset', () => {
    const s = runJson();
    expect(s).toMatchObject({ scenario: 'tiny', seed: 1, simulatedHours: 6 });
    expect(s.traceHash).toMatch(/^[0-9a-f]{16}$/);
    expect(s.engine.events).toBeGreaterThan(100);
    expect(s.engine.wallMs).toBeGreaterThanOrEqual(0);
    expect(s.engine.eventsPerSec).toBeGreaterThan(0);
    const k = s.kpis;
    expect(k.vehiclesPerDay).toBeGreaterThan(0);
    expect(Object.keys(k.containersCrossed).sort()).toEqual(['export', 'import']);
    expect(Object.keys(k.igvTrips).sort()).toEqual(['empty', 'loaded']);
    for (const f of ['mean', 'p50', 'p95', 'p99', 'max']) expect(typeof k.truckTurnTimeMin[f]).toBe('number');
    expect(typeof k.queueWaitMin.vnTruckIn).toBe('number');
    for (const u of Object.values(k.utilization) as number[]) expect(u >= 0 && u <= 1).toBe(true);
    expect(k.inSystemAtEnd).toHaveProperty('containers');
    expect(k.conservation.ok).toBe(true);
    expect(k.conservation.containers.entered).toBe(k.conservation.containers.left + k.conservation.containers.inSystem);
  });

  it('the same seed gives the same traceHash; --seed and --days change the run', () => {
    const a = runJson();
    const b = runJson();
    expect(b.traceHash).toBe(a.traceHash);
    expect(runJson('--seed', '2').traceHash).not.toBe(a.traceHash);
    expect(runJson('--days', '0.5').simulatedHours).toBe(12);
  });

  it('--set overrides a value; an unknown path or a wrong type is an error naming the path', () => {
    const more = runJson('--set', 'demand.vehiclesPerDay=600');
    const base = runJson();
    expect(more.kpis.containersCrossed.import).toBeGreaterThan(base.kpis.containersCrossed.import);
    const unknown = cli('run', 'tiny', '--set', 'demand.vehiclesPerDai=600');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('demand.vehiclesPerDai');
    const wrongType = cli('run', 'tiny', '--set', 'demand.vehiclesPerDay="many"');
    expect(wrongType.code).toBe(2);
    expect(wrongType.stderr).toContain('$.demand.vehiclesPerDay');
    expect(wrongType.stdout).toBe('');
  });

  it('--trace writes every event and domain record as NDJSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ct-trace-'));
    const file = join(dir, 'trace.ndjson');
    const s = runJson('--trace', file);
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const events = lines.filter((l) => 'kind' in l);
    expect(events.length).toBe(s.engine.events);
    expect(lines.some((l) => l.record === 'crossed')).toBe(true);
    expect(events.every((l, i) => i === 0 || l.t >= events[i - 1].t)).toBe(true);
  });

  it('an invalid scenario file is refused with every error and its path, exit 2, nothing run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ct-bad-'));
    const bad = JSON.parse(readFileSync(tiny, 'utf8'));
    bad.customs.export.channels.red = 0.5;
    bad.demand.importShare = 1.5;
    bad.control.transport.strategy = 'teleport';
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = cli('run', file, '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('$.customs.export.channels');
    expect(r.stderr).toContain('$.demand.importShare');
    expect(r.stderr).toContain('$.control.transport.strategy');
    writeFileSync(file, '{ "meta": ');
    const broken = cli('run', file);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/bad\.json:1:\d+/);
  });

  it('bad flags exit 2 and name the flag', () => {
    expect(cli('run', 'tiny', '--seed', 'x')).toMatchObject({ code: 2 });
    expect(cli('run', 'tiny', '--seed', 'x').stderr).toContain('--seed');
    expect(cli('run', 'tiny', '--days', '-1').stderr).toContain('--days');
    expect(cli('run', 'tiny', '--days', '400').code).toBe(2);
    expect(cli('run').code).toBe(2);
  });

  it('a vehicle the lane network cannot take (found when the model is built) is bad input: exit 2, the --set and the edge named, no stack', () => {
    const r = cli('run', 'huu-nghi-smart-2030', '--set', 'transport.igv.vehicle.widthM=9', '--days', '2');
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('transport.igv.vehicle.widthM=9');
    expect(r.stderr).toMatch(/\$\.layout\.network\.edges\[\d+\]/);
    expect(r.stderr).not.toContain('    at ');
    expect(r.stdout).toBe('');
  });

  it('--check exits 1 when a target is missed, 0 when all are met', () => {
    const missed = cli('run', 'tiny', '--check', '--set', 'targets={"vehiclesPerDayMin":100000}');
    expect(missed.code, missed.stderr).toBe(1);
    expect(missed.stderr).toContain('targets missed: vehiclesPerDay');
    const met = cli('run', 'tiny', '--check', '--set', 'targets={"vehiclesPerDayMin":1}');
    expect(met.code, met.stderr).toBe(0);
    expect(met.stdout).toMatch(/vehiclesPerDay\s+≥ 1\s+[\d.,]+\s+yes/);
  });
});
