import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const bin = resolve(import.meta.dirname, '..', '..', 'cli', 'bin.js');
export const MMC = resolve(import.meta.dirname, 'fixtures', 'one-scanner-mmc.json');

/** Runs `crossing-twin ...args` and returns its exit code and output. */
export function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `cli` with extra environment variables. */
export function cliWithEnv(env: Record<string, string>, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh private folder for a test's outputs. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'crossing-twin-experiments-'));
}
