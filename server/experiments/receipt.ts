import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * What anyone needs to re-run an experiment and get the same bits: the command line, the code
 * version (package version and git commit, with "+dirty" when the tree had changes), the scenario
 * hash, every seed and every replication's traceHash.
 */
export interface RunReceipt {
  command: string;
  codeVersion: string;
  scenario: string;
  scenarioHash: string;
  baseSeed: number;
  seeds: number[];
  days: number | null;
  workers: number;
  /** traceHash of each run, keyed by the configuration's label (a sweep point, a policy...). */
  traceHashes: Record<string, string[]>;
}

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

let cached: string | null = null;

/** `0.1.0+git.abc1234[.dirty]`, or the package version alone outside a git checkout. */
export function codeVersion(): string {
  if (cached !== null) return cached;
  const git = (...args: string[]): string | null => {
    try {
      return execFileSync('git', args, { cwd: new URL('../..', import.meta.url), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  const commit = git('rev-parse', '--short=12', 'HEAD');
  const dirty = commit !== null && (git('status', '--porcelain', '--untracked-files=no') ?? '') !== '';
  cached = commit === null ? pkg.version : `${pkg.version}+git.${commit}${dirty ? '.dirty' : ''}`;
  return cached;
}

/** The command line as typed (arguments with spaces or quotes are quoted for a shell). */
export function commandLine(argv: readonly string[]): string {
  const quote = (a: string): string => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  return ['npx crossing-twin', ...argv.map(quote)].join(' ');
}

/** A receipt from the parts every command has. */
export function receiptFor(argv: readonly string[], target: string, hash: string, baseSeed: number, seeds: number[], days: number | undefined, workers: number, traceHashes: Record<string, string[]>): RunReceipt {
  return { command: commandLine(argv), codeVersion: codeVersion(), scenario: target, scenarioHash: hash, baseSeed, seeds, days: days ?? null, workers, traceHashes };
}
