import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.ts';

/** A one-case suite on `tiny` for 2.4 simulated hours, so the gate itself is tested quickly. */
function suite(dir: string): string {
  const file = join(dir, 'suite.json');
  writeFileSync(
    file,
    JSON.stringify({
      cases: [
        {
          id: 'tiny-short',
          scenario: 'tiny',
          policy: 'craneScheduler=fifo',
          seeds: [1, 2],
          days: 0.1,
          checkTraceHash: true,
          tolerances: { vehiclesPerDay: { rel: 0.02 }, 'truckTurnTimeMin.mean': { abs: 0.5 } },
        },
      ],
    }),
  );
  return file;
}

describe('regress', () => {
  it('passes untouched baselines, fails tampered ones (KPI or traceHash) with exit 1, and writes JUnit and Markdown', () => {
    const dir = tempDir();
    const s = suite(dir);
    const base = join(dir, 'baselines');
    const update = cli('regress', '--suite', s, '--baselines', base, '--update', '--workers', '1');
    expect(update.code, update.stderr).toBe(0);
    const file = join(base, 'tiny-short.json');
    const written = JSON.parse(readFileSync(file, 'utf8')) as { kpis: Record<string, { mean: number }>; traceHashes: string[]; seeds: number[] };
    expect(written.seeds).toEqual([1, 2]);

    const ok = cli('regress', '--suite', s, '--baselines', base, '--out', join(dir, 'out-ok'));
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('regress: all 3 checks passed');
    expect(readFileSync(join(dir, 'out-ok', 'junit.xml'), 'utf8')).toContain('failures="0"');

    // Throughput "was" 10 % higher: the current run is a regression.
    const tampered = structuredClone(written);
    tampered.kpis.vehiclesPerDay!.mean *= 1.1;
    writeFileSync(file, JSON.stringify(tampered));
    const bad = cli('regress', '--suite', s, '--baselines', base, '--out', join(dir, 'out-bad'));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/tiny-short vehiclesPerDay: .* → .* \(-.*allowed ±2\.0 %\)/);
    const junit = readFileSync(join(dir, 'out-bad', 'junit.xml'), 'utf8');
    expect(junit).toContain('failures="1"');
    expect(junit).toMatch(/<testcase classname="regress.tiny-short" name="vehiclesPerDay">\s*<failure/);
    expect(readFileSync(join(dir, 'out-bad', 'summary.md'), 'utf8')).toContain('❌ regressed');

    // A worse baseline (slower trucks) makes the current run an improvement: it passes, with a hint.
    const slower = structuredClone(written);
    slower.kpis['truckTurnTimeMin.mean']!.mean += 5;
    writeFileSync(file, JSON.stringify(slower));
    const better = cli('regress', '--suite', s, '--baselines', base);
    expect(better.code).toBe(0);
    expect(better.stdout).toMatch(/improved/);

    const hashes = structuredClone(written);
    hashes.traceHashes[1] = '0000000000000000';
    writeFileSync(file, JSON.stringify(hashes));
    const trace = cli('regress', '--suite', s, '--baselines', base);
    expect(trace.code).toBe(1);
    expect(trace.stdout).toContain('tiny-short: traceHash differs for seed 2');
  });

  it('fails when a case has no baseline yet, naming the command that writes it', () => {
    const dir = tempDir();
    const r = cli('regress', '--suite', suite(dir), '--baselines', join(dir, 'none'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('no baseline for tiny-short; write it with crossing-twin regress --update');
  });

  // The CI gate itself. When it fails after an intended change to the model or a preset, refresh
  // the baselines with `npx crossing-twin regress --update` and review their diff (as for goldens).
  it('the committed suite passes against the committed baselines', () => {
    const r = cli('regress', '--suite', resolve('scenarios/regression.json'));
    expect(r.code, `${r.stdout}\nstale baselines? after an intended model change run: npx crossing-twin regress --update`).toBe(0);
    expect(r.stdout).toMatch(/regress: all \d+ checks passed/);
  });
});
