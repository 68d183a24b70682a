// Plain JavaScript (typed by bundle-cache.d.ts) because bin.js loads it before any TypeScript loader:
// the point is to start the CLI without paying for tsx.
/**
 * esbuild bundles of our TypeScript entries (the CLI, the experiment workers), built on demand and
 * kept in a cache folder inside the project so that the next process starts from plain JavaScript
 * instead of having tsx transform some 200 modules. A bundle is used only while it is fresh: the
 * manifest beside it records the size and modification time of every file esbuild read (sources,
 * bundled packages, the tsconfig.json and package.json files that steer the transform, esbuild's own
 * package.json and this file); one that differs, or has gone, means a rebuild before anything runs.
 *
 * Layout: `<cache>/<name>-<key>/manifest.json` names the current build folder beside it. A build is
 * written to a new folder and the manifest is swapped in by a rename, so a process that read the
 * previous manifest a moment earlier still finds its files; folders unused for an hour are removed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The project's root folder (this file is server/cli/bundle-cache.js). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const THIS_FILE = fileURLToPath(import.meta.url);
const MANIFEST_VERSION = 1;
/** Build folders other than the current one are removed once this old (ms): long enough for any process that started from them to have loaded its chunks. */
const PRUNE_AFTER_MS = 60 * 60 * 1000;
const MTIME_MARGIN_MS = 100;

/**
 * Where bundles go: CROSSING_TWIN_CACHE_DIR, or node_modules/.cache/crossing-twin (ignored by git,
 * wiped by `npm ci`). It must lie inside the project when a bundle leaves packages external, so
 * that their imports resolve from node_modules.
 */
export function cacheDir() {
  const dir = process.env.CROSSING_TWIN_CACHE_DIR;
  return dir !== undefined && dir !== '' ? resolve(dir) : join(PROJECT_ROOT, 'node_modules', '.cache', 'crossing-twin');
}

function keyDir(spec) {
  const recipe = JSON.stringify({ entry: spec.entry.href, splitting: spec.splitting === true, externalPackages: spec.externalPackages === true, inline: spec.inline ?? [] });
  return join(cacheDir(), `${spec.name}-${createHash('sha256').update(recipe).digest('hex').slice(0, 12)}`);
}

function readManifest(dir) {
  try {
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    return m.version === MANIFEST_VERSION ? m : null;
  } catch {
    return null;
  }
}

function unchanged([file, size, mtimeMs]) {
  const s = statSync(file, { throwIfNoEntry: false });
  return s !== undefined && s.size === size && s.mtimeMs === mtimeMs;
}

/**
 * The path of the bundle of `spec` if the cache holds a fresh one, else null. Synchronous and cheap
 * (one small JSON file and a stat per input, a few ms), so a process can check before choosing
 * how to load its code.
 */
export function freshBundle(spec) {
  const dir = keyDir(spec);
  const m = readManifest(dir);
  if (m === null || !m.files.every(unchanged)) return null;
  const file = join(dir, m.build, m.entry);
  return statSync(file, { throwIfNoEntry: false }) === undefined ? null : file;
}

/**
 * The path of a fresh bundle of `spec`, building it when the cache has none. Rejects when it cannot
 * be built (esbuild missing, a syntax error, a read-only project): the caller then loads the
 * sources through tsx, which reports a syntax error with its file and line.
 */
export async function cachedBundle(spec) {
  return freshBundle(spec) ?? (await buildBundle(spec));
}

/**
 * Builds `spec` into a new folder of the cache and makes it current. A file that changes while the
 * build reads it makes this build used once and not recorded, so the next process builds again.
 */
export async function buildBundle(spec) {
  const { build, version } = await import('esbuild');
  const dir = keyDir(spec);
  const buildName = `${Date.now().toString(36)}-${process.pid}`;
  const outdir = join(dir, buildName);
  mkdirSync(outdir, { recursive: true });
  const startedMs = Date.now();
  const result = await build({
    entryPoints: { [spec.name]: fileURLToPath(spec.entry) },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: spec.splitting === true,
    absWorkingDir: PROJECT_ROOT,
    metafile: true,
    // Stack traces name the TypeScript sources (bin.js enables source maps).
    sourcemap: true,
    logLevel: 'silent',
    plugins: [sourceLocationPlugin, ...(spec.externalPackages === true ? [externalPackagesPlugin(spec.inline ?? [])] : [])],
  }).catch((e) => {
    rmSync(outdir, { recursive: true, force: true });
    throw e;
  });
  const inputs = Object.keys(result.metafile.inputs).map((p) => resolve(PROJECT_ROOT, p));
  const watched = new Set([...inputs, ...inputs.flatMap(settingsFiles), THIS_FILE, createRequire(import.meta.url).resolve('esbuild/package.json')]);
  const files = [];
  let stable = true;
  for (const file of watched) {
    const s = statSync(file, { throwIfNoEntry: false });
    if (s === undefined) continue;
    // File times come from a coarse clock (a few ms behind Date.now()): a margin keeps an edit made
    // during the build from passing for one made before it.
    if (s.mtimeMs >= startedMs - MTIME_MARGIN_MS) stable = false;
    files.push([file, s.size, s.mtimeMs]);
  }
  const entry = `${spec.name}.mjs`;
  if (stable) {
    const tmp = join(dir, `manifest.json.${buildName}`);
    writeFileSync(tmp, JSON.stringify({ version: MANIFEST_VERSION, esbuild: version, build: buildName, entry, files }));
    renameSync(tmp, join(dir, 'manifest.json'));
    prune(dir, buildName);
  }
  return join(outdir, entry);
}

/**
 * tsconfig.json and package.json files in the input's folder and its parents up to the project
 * root: esbuild reads them to decide how to transform the input.
 */
function settingsFiles(input) {
  const found = [];
  const inProject = !relative(PROJECT_ROOT, input).startsWith('..');
  for (let d = dirname(input); ; d = dirname(d)) {
    for (const name of ['tsconfig.json', 'package.json']) {
      const f = join(d, name);
      if (statSync(f, { throwIfNoEntry: false }) !== undefined) found.push(f);
    }
    if (!inProject || d === dirname(d) || `${d}${sep}` === PROJECT_ROOT || d === PROJECT_ROOT) break;
  }
  return found;
}

function prune(dir, current) {
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    if (name === current || name === 'manifest.json') continue;
    const path = join(dir, name);
    const s = statSync(path, { throwIfNoEntry: false });
    if (s !== undefined && now - s.mtimeMs > PRUNE_AFTER_MS) rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Leaves packages to Node's resolution at run time, except `inline` ones: a package of many small
 * ES modules (zod: some 90) loads faster as part of the bundle.
 */
function externalPackagesPlugin(inline) {
  return {
    name: 'crossing-twin-external-packages',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (isAbsolute(args.path)) return undefined;
        const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
        return inline.includes(name) ? undefined : { path: args.path, external: true };
      });
    },
  };
}

const IMPORT_META = /\bimport\.meta\.(url|dirname|filename)\b/g;

/**
 * Our sources find files beside them (package.json, presets, the worker entries, the viewer) from
 * `import.meta.url` / `dirname`, which in a bundle would name the bundle's folder: this plugin
 * writes each source file's own location in their place. Packages are left as they are.
 */
const sourceLocationPlugin = {
  name: 'crossing-twin-source-location',
  setup(b) {
    b.onLoad({ filter: /\.(ts|js|mjs)$/ }, async (args) => {
      if (args.path.split(sep).includes('node_modules')) return undefined;
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.')) return undefined;
      const at = { url: pathToFileURL(args.path).href, dirname: dirname(args.path), filename: args.path };
      return { contents: text.replace(IMPORT_META, (_, k) => JSON.stringify(at[k])), loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
    });
  },
};
