import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { presetJson, type Json } from './support/fixtures.ts';

const bin = resolve(import.meta.dirname, '..', '..', 'server', 'cli', 'bin.js');
const dir = mkdtempSync(join(tmpdir(), 'crossing-twin-layout-'));

function validate(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, 'validate', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const way = (id: string, x: number, y: number, kind = 'way') => ({ id, kind, country: y > 0 ? 'CN' : 'VN', position: [x, y] });
const edge = (from: string, to: string) => ({ id: `${from}-${to}`, from, to, lanes: 1, speedLimitKmh: 18, kind: 'road' });

/** The smart preset with a small lane network; `extra` adds nodes and edges to it. */
function withNetwork(name: string, extra: { nodes?: Json[]; edges?: Json[] } = {}): string {
  const s = presetJson('huu-nghi-smart-2030');
  s.transport.igv.vehicle = { lengthM: 15, widthM: 3, minTurnRadiusM: 12, accelerationMps2: 0.5, decelerationMps2: 0.8 };
  s.layout.network = {
    nodes: [way('y2', 0, -530), way('b0', 0, 0, 'border'), way('c1', 0, 60), ...(extra.nodes ?? [])],
    edges: [edge('y2', 'b0'), edge('b0', 'y2'), edge('b0', 'c1'), edge('c1', 'b0'), ...(extra.edges ?? [])],
  };
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(s));
  return file;
}

describe('crossing-twin validate reviews the lane network', () => {
  it('a clean network: the OK line only, exit 0; --json prints []', () => {
    const file = withNetwork('clean');
    const r = validate(file);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^OK huu-nghi-smart-2030: .+\n$/);
    expect(validate(file, '--json').stdout.trim()).toBe('[]');
  });

  it('warnings only: exit 0, the OK line then each warning with its coordinates', () => {
    const file = withNetwork('warn', { nodes: [way('x1', -50, -300), way('x2', 50, -300)], edges: [edge('x1', 'x2'), edge('x2', 'x1')] });
    const r = validate(file);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^OK huu-nghi-smart-2030/);
    expect(lines[1]).toBe('4 layout warnings:');
    expect(lines[2]).toBe('warning lanes-cross-without-node at (0, -300) $.layout.network.edges[0]: lanes y2-b0 and x1-x2 cross at (0, -300) without a junction node, so traffic control cannot reserve the crossing; add a node there');
  });

  it('layout errors: exit 2 with a headline and each finding on stderr; --json lists them with code, severity and at', () => {
    const file = withNetwork('error', { nodes: [way('p1', -500, -530, 'parking')], edges: [edge('y2', 'p1'), edge('p1', 'y2')] });
    const r = validate(file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('2 layout errors, so the scenario cannot be used:');
    expect(r.stderr).toContain('error lane-in-zone at (-340, -528.12) $.layout.network.edges[4]: lane y2-p1 (y2 → p1) enters admin zone "vn-admin"');
    const j = validate(file, '--json');
    expect(j.code).toBe(2);
    const findings = JSON.parse(j.stdout) as Array<{ code: string; severity: string; path: string; message: string; at: number[] }>;
    expect(findings.map((f) => [f.code, f.severity, f.path, f.at])).toEqual([
      ['lane-in-zone', 'error', '$.layout.network.edges[4]', [-340, -528.125]],
      ['lane-in-zone', 'error', '$.layout.network.edges[5]', [-480, -531.875]],
    ]);
  });
});
