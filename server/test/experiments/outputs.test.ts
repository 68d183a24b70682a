import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.ts';

describe('experiment outputs', () => {
  it('sweep writes JSON, CSV and a self-contained HTML report with charts, parameters and a receipt that re-runs to the same bits', () => {
    const dir = tempDir();
    const report = join(dir, 'sweep.html');
    const r = cli('sweep', 'tiny', '--vary', 'demand.vehiclesPerDay=120,240', '--vary', 'control.craneScheduler.strategy=fifo,import-first', '-n', '2', '--days', '0.1', '--out', join(dir, 'out'), '--report', report, '--kpi', 'vehiclesPerDay');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/tiny: 4 points × 2 replications/);
    const csv = readFileSync(join(dir, 'out', 'sweep.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('demand.vehiclesPerDay,control.craneScheduler.strategy,vehiclesPerDay.mean,vehiclesPerDay.lower,vehiclesPerDay.upper,n');
    expect(csv.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['120,fifo', '120,import-first', '240,fifo', '240,import-first']);
    const result = JSON.parse(readFileSync(join(dir, 'out', 'result.json'), 'utf8')) as { points: Array<{ traceHashes: string[] }>; receipt: { command: string; codeVersion: string; scenarioHash: string; seeds: number[]; traceHashes: Record<string, string[]> } };
    expect(result.receipt.codeVersion).toMatch(/^\d+\.\d+\.\d+(\+git\.[0-9a-f]{12}(\.dirty)?)?$/);
    expect(result.receipt.scenarioHash).toMatch(/^[0-9a-f]{16}$/);
    expect(result.receipt.command).toContain("--vary demand.vehiclesPerDay=120,240");

    const html = readFileSync(report, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/); // nothing fetched from elsewhere
    expect(html).toContain('uPlot');
    expect(html).toContain('Run receipt');
    expect(html).toContain(result.receipt.scenarioHash);
    expect(html).toContain('&quot;vehiclesPerDay&quot;: 240'); // the base scenario's parameters
    const charts = JSON.parse(/<script type="application\/json" id="chart-data">(.*?)<\/script>/s.exec(html)![1]!) as Array<{ title: string; series: Array<{ name: string }> }>;
    expect(charts[0]!.title).toBe('vehiclesPerDay against demand.vehiclesPerDay');
    expect(charts[0]!.series.map((s) => s.name)).toEqual(['control.craneScheduler.strategy=fifo', 'control.craneScheduler.strategy=import-first']);

    // The receipt's seeds reproduce a replication with `run`: same traceHash.
    const one = cli('run', 'tiny', '--set', 'demand.vehiclesPerDay=120', '--set', 'control.craneScheduler.strategy=fifo', '--seed', String(result.receipt.seeds[1]), '--days', '0.1', '--json');
    expect((JSON.parse(one.stdout) as { traceHash: string }).traceHash).toBe(result.points[0]!.traceHashes[1]);
  });

  it('replicate --warmup auto runs MSER-5 on pilot runs and uses its truncation point', () => {
    const r = cli('replicate', 'tiny', '--days', '2', '-n', '3', '--warmup', 'auto', '--json', '--kpi', 'vehiclesPerDay');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { warmup: { hours: number; source: string; recommendedHours: number; mser: Array<{ series: string; truncationHours: number }> } };
    expect(out.warmup.source).toBe('mser-5');
    expect(out.warmup.hours).toBe(out.warmup.recommendedHours);
    expect(out.warmup.mser.map((m) => m.series)).toEqual(['crossings', 'parkingQueue', 'storage']);
    expect(out.warmup.mser.every((m) => m.truncationHours % 5 === 0)).toBe(true);
  });
});
