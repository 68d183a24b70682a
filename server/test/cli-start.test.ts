import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../cli/bundle-cache.js';

const bin = resolve(import.meta.dirname, '..', 'cli', 'bin.js');
const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };

function cli(env: Record<string, string>, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Manifest {
  build: string;
  files: Array<[string, number, number]>;
}

/**
 * The CLI runs from a cached bundle: built on first use, reused while the sources are unchanged,
 * rebuilt when one changed, with the same output as the sources run through tsx, and tsx when no
 * bundle can be built. A cache folder of its own (inside the project, where packages resolve).
 */
describe('CLI start from the bundle cache', () => {
  let cache = '';
  let env: Record<string, string> = {};
  beforeAll(() => {
    const outDir = join(PROJECT_ROOT, 'out');
    mkdirSync(outDir, { recursive: true });
    cache = mkdtempSync(join(outDir, 'cli-start-cache-'));
    env = { CROSSING_TWIN_CACHE_DIR: cache };
  });
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  function manifestFile(): string {
    const dirs = spawnSync('ls', [cache], { encoding: 'utf8' }).stdout.split('\n').filter((d) => d.startsWith('crossing-twin-cli-'));
    expect(dirs).toHaveLength(1);
    return join(cache, dirs[0]!, 'manifest.json');
  }
  const manifest = (): Manifest => JSON.parse(readFileSync(manifestFile(), 'utf8')) as Manifest;

  it('builds the bundle on first use, reuses it, and rebuilds it when a source has changed', () => {
    expect(cli(env, '--version')).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    const first = manifest();
    const mainTs = join(PROJECT_ROOT, 'server', 'cli', 'main.ts');
    expect(first.files.map(([f]) => f)).toContain(mainTs);
    expect(existsSync(join(manifestFile(), '..', first.build, 'crossing-twin-cli.mjs'))).toBe(true);

    expect(cli(env, '--version')).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    expect(manifest().build).toBe(first.build);

    // main.ts as if saved since the build: the next start must not use the old bundle.
    const edited = { ...first, files: first.files.map(([f, size, mtime]): [string, number, number] => [f, size, f === mainTs ? mtime - 1000 : mtime]) };
    writeFileSync(manifestFile(), JSON.stringify({ ...JSON.parse(readFileSync(manifestFile(), 'utf8')), files: edited.files }));
    expect(cli(env, '--version')).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    expect(manifest().build).not.toBe(first.build);
  });

  it('prints what the sources print through tsx, errors and exit codes included', () => {
    const tsx = { ...env, CROSSING_TWIN_CLI_LOADER: 'tsx' };
    const strip = (s: string): string => s.replace(/"(wallMs|eventsPerSec)": \d+/g, '"$1": 0');
    for (const args of [['run', 'tiny', '--json', '--seed', '3'], ['validate', 'nope'], ['sweep', 'tiny', '--vary', 'demand.vehiclesPerDay=300:100:50'], ['--help']]) {
      const bundled = cli(env, ...args);
      const sources = cli(tsx, ...args);
      expect({ ...bundled, stdout: strip(bundled.stdout) }).toEqual({ ...sources, stdout: strip(sources.stdout) });
    }
  });

  it('falls back to tsx when no bundle can be written', () => {
    const file = join(cache, 'not-a-folder');
    writeFileSync(file, '');
    expect(cli({ CROSSING_TWIN_CACHE_DIR: join(file, 'cache') }, '--version')).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});

/**
 * What each command loads before it runs, from esbuild's view of the CLI's module graph: the
 * static imports reachable from main.ts (which every start pays for, --version and --help included)
 * and from each command's chunk. A heavy static import in a command's registration module, or a
 * command pulling in another's machinery, fails here.
 */
describe('CLI module graph', async () => {
  const { metafile } = await build({ entryPoints: [join(PROJECT_ROOT, 'server/cli/main.ts')], absWorkingDir: PROJECT_ROOT, bundle: true, splitting: true, format: 'esm', platform: 'node', packages: 'external', outdir: join(PROJECT_ROOT, 'out', 'cli-graph'), write: false, metafile: true, logLevel: 'silent' });
  const outputs: Metafile['outputs'] = metafile.outputs;

  /** Source files and packages loaded with the chunk of `entry` (a path from the project root). */
  function loads(entry: string): { files: string[]; packages: string[] } {
    const start = Object.keys(outputs).find((o) => outputs[o]!.entryPoint === entry);
    if (start === undefined) throw new Error(`no chunk for ${entry}`);
    const seen = new Set<string>([start]);
    const files = new Set<string>();
    const packages = new Set<string>();
    for (const o of seen) {
      for (const f of Object.keys(outputs[o]!.inputs)) files.add(f);
      for (const i of outputs[o]!.imports) {
        if (i.kind !== 'import-statement') continue;
        if (i.external) packages.add(i.path);
        else seen.add(i.path);
      }
    }
    return { files: [...files], packages: [...packages] };
  }

  it('starting (--version, --help) loads only the command line: no model, scenarios, zod, experiments or live server', () => {
    const start = loads('server/cli/main.ts');
    expect(start.files.filter((f) => !/^server\/cli\/(main|repeatable|usage-error|commands\/(replicate|sweep|capacity|compare|regress|serve))\.ts$|^server\/experiments\/experiment-options\.ts$/.test(f))).toEqual([]);
    expect(start.packages.filter((p) => !p.startsWith('node:'))).toEqual(['commander']);
  });

  it('validate loads no model run, experiment runner or live server; serve and run no experiment runner; run no physics engine', () => {
    const validate = loads('server/cli/commands/validate.ts');
    expect(validate.files.filter((f) => /crossing-model|^server\/(experiments|live|referee)\//.test(f))).toEqual([]);
    expect(validate.packages.filter((p) => /socket\.io|comlink|matter-js|cli-progress/.test(p))).toEqual([]);
    expect(loads('server/cli/commands/serve-action.ts').files.filter((f) => f.startsWith('server/experiments/'))).toEqual([]);
    const run = loads('server/cli/commands/run.ts');
    expect(run.files.filter((f) => /^server\/(experiments|live|referee)\//.test(f))).toEqual([]);
    expect(run.packages).not.toContain('matter-js');
    expect(loads('server/cli/commands/sweep-action.ts').files.filter((f) => f.startsWith('server/live/'))).toEqual([]);
  });
});
