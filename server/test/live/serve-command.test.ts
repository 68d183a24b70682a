import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { parseSpeed, serveOptions } from '../../cli/commands/serve-action.ts';
import { UsageError } from '../../cli/usage-error.ts';

describe('crossing-twin serve', () => {
  it('reads --port, PORT, --speed and CONTROL_TOKEN, and names the flag of bad input', () => {
    const o = serveOptions({ scenario: 'tiny', speed: '600x' }, { PORT: '9123', CONTROL_TOKEN: 'k' });
    expect(o).toMatchObject({ port: 9123, scenario: 'tiny', speed: 600, controlToken: 'k', viewer: 'build' });
    expect(serveOptions({ scenario: 'tiny', speed: 'max', port: '0' }, { PORT: '9123' })).toMatchObject({ port: 0, speed: 'max', controlToken: null });
    expect(serveOptions({ scenario: 'tiny', speed: '60' }, {}).port).toBe(8080);
    expect(parseSpeed('1')).toBe(1);
    for (const [flags, env, flag] of [
      [{ scenario: 'tiny', speed: 'fast' }, {}, '--speed'],
      [{ scenario: 'tiny', speed: '0.5' }, {}, '--speed'],
      [{ scenario: 'tiny', speed: '60', port: '70000' }, {}, '--port'],
      [{ scenario: 'tiny', speed: '60' }, { PORT: 'http' }, 'PORT'],
      [{ scenario: 'nope', speed: '60' }, {}, '--scenario'],
      [{ scenario: 'tiny', speed: '60', days: '-1' }, {}, '--days'],
      [{ scenario: 'tiny', speed: '60', days: '400' }, {}, '--days'],
    ] as const) {
      expect(() => serveOptions({ ...flags }, { ...env })).toThrow(UsageError);
      expect(() => serveOptions({ ...flags }, { ...env })).toThrow(flag);
    }
  });

  it('starts the server, which answers /healthz with its session, and stops on SIGTERM', async () => {
    const bin = new URL('../../cli/bin.js', import.meta.url).pathname;
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--host', '127.0.0.1', '--scenario', 'tiny', '--speed', '600'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
      const port = /localhost:(\d+)/.exec(line)?.[1];
      expect(port).toBeDefined();
      const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { ok: boolean; sessions: Array<{ id: string; scenario: string }> };
      expect(health.ok).toBe(true);
      expect(health.sessions[0]).toMatchObject({ id: 'main', scenario: 'tiny' });
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
