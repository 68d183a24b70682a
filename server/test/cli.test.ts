import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = resolve(import.meta.dirname, '..', 'cli', 'bin.js');
const pkg = (await import('../../package.json', { with: { type: 'json' } })).default as { version: string };

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('crossing-twin CLI', () => {
  it('--version prints the package version and --help lists the commands', () => {
    expect(cli('--version')).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const help = cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: crossing-twin');
    expect(help.stdout).toContain('workload');
  });

  it('workload --json prints a summary whose waits match Erlang C in magnitude and whose hash is stable', () => {
    const a = cli('workload', '--customers', '20000', '--json');
    expect(a.code).toBe(0);
    const s = JSON.parse(a.stdout) as {
      traceHash: string;
      completed: number;
      engine: { events: number; wallMs: number; eventsPerSec: number };
      stations: Array<{ meanWaitS: number; theoryMeanWaitS: number; utilization: number }>;
    };
    expect(s.completed).toBe(20_000);
    expect(s.engine.events).toBe(4 * 20_000);
    expect(s.traceHash).toMatch(/^[0-9a-f]{16}$/);
    for (const st of s.stations) {
      expect(st.utilization).toBeGreaterThan(0.75);
      expect(st.utilization).toBeLessThan(0.85);
      expect(st.meanWaitS / st.theoryMeanWaitS).toBeGreaterThan(0.7);
      expect(st.meanWaitS / st.theoryMeanWaitS).toBeLessThan(1.3);
    }
    const b = JSON.parse(cli('workload', '--customers', '20000', '--json', '--api', 'process').stdout) as typeof s;
    expect(b.stations.map((x) => x.meanWaitS.toFixed(6))).toEqual(s.stations.map((x) => x.meanWaitS.toFixed(6)));
  });

  it('the human summary is a table with units', () => {
    const r = cli('workload', '--customers', '5000');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/station\s+servers\s+load\s+utilization\s+mean wait \(s\)\s+Erlang C \(s\)/);
    expect(r.stdout).toMatch(/traceHash\s+[0-9a-f]{16}/);
  });

  it('bad input exits 2 and names the flag or command, running nothing', () => {
    const cases: Array<[string[], RegExp]> = [
      [['workload', '--customers', 'many'], /--customers: expected a whole number, got 'many'/],
      [['workload', '--customers', '0'], /--customers: 0 is out of range/],
      [['workload', '--seed', '-3'], /--seed: expected a whole number/],
      [['workload', '--api', 'fast'], /--api: expected 'callback' or 'process', got 'fast'/],
      [['workload', '--bogus'], /unknown option '--bogus'/],
      [['launch'], /unknown command 'launch'/],
    ];
    for (const [args, message] of cases) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });
});
