import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedBundle, freshBundle, type BundleSpec } from '../cli/bundle-cache.js';

/**
 * The bundle cache on a small project of its own: a bundle is reused only while every file it was
 * built from is unchanged, and an edit (even one that keeps the file's size) is in the next bundle.
 */
describe('bundle cache', () => {
  const root = mkdtempSync(join(tmpdir(), 'crossing-twin-bundle-'));
  const cache = join(root, 'cache');
  const src = join(root, 'src');
  const entry = join(src, 'entry.ts');
  const dep = join(src, 'dep.ts');
  const spec: BundleSpec = { name: 'fixture', entry: pathToFileURL(entry) };
  const previousCache = process.env['CROSSING_TWIN_CACHE_DIR'];

  /** Writes a source file as if saved well before the build (each save a second after the last). */
  let savedAt = Date.now() - 600_000;
  function write(file: string, text: string): void {
    writeFileSync(file, text);
    savedAt += 1000;
    utimesSync(file, new Date(savedAt), new Date(savedAt));
  }

  async function load(file: string): Promise<{ value: string; here: string }> {
    return (await import(pathToFileURL(file).href)) as { value: string; here: string };
  }

  beforeAll(() => {
    process.env['CROSSING_TWIN_CACHE_DIR'] = cache;
    writeFileSync(join(root, 'package.json'), '{ "type": "module" }');
    mkdirSync(src);
    write(entry, "import { value as v } from './dep.ts';\nexport const value: string = v;\nexport const here: string = import.meta.url;\n");
    write(dep, "export const value = 'one';\n");
  });

  afterAll(() => {
    if (previousCache === undefined) delete process.env['CROSSING_TWIN_CACHE_DIR'];
    else process.env['CROSSING_TWIN_CACHE_DIR'] = previousCache;
    rmSync(root, { recursive: true, force: true });
  });

  it('builds once, then hands out the same bundle while nothing changed', async () => {
    expect(freshBundle(spec)).toBeNull();
    const first = await cachedBundle(spec);
    expect(first.startsWith(cache)).toBe(true);
    expect(freshBundle(spec)).toBe(first);
    expect(await cachedBundle(spec)).toBe(first);
    const m = await load(first);
    expect(m.value).toBe('one');
    // import.meta.url names the source file, not the bundle (sources find their neighbours by it).
    expect(m.here).toBe(pathToFileURL(entry).href);
  });

  it('rebuilds when an imported file changes, even to the same size, and the new bundle has the edit', async () => {
    const before = await cachedBundle(spec);
    write(dep, "export const value = 'two';\n");
    expect(freshBundle(spec)).toBeNull();
    const after = await cachedBundle(spec);
    expect(after).not.toBe(before);
    expect((await load(after)).value).toBe('two');
    expect(freshBundle(spec)).toBe(after);
  });

  it('does not record a build whose inputs changed while it was read, so the next process builds again', async () => {
    writeFileSync(dep, "export const value = 'three';\n");
    // Dated after the build starts: an edit saved while esbuild was reading the sources.
    const later = new Date(Date.now() + 10_000);
    utimesSync(dep, later, later);
    const built = await cachedBundle(spec);
    expect((await load(built)).value).toBe('three');
    expect(freshBundle(spec)).toBeNull();
    write(dep, "export const value = 'three';\n");
    const settled = await cachedBundle(spec);
    expect(freshBundle(spec)).toBe(settled);
  });

  it('rebuilds when an input disappears, and rejects when the sources do not build', async () => {
    const good = await cachedBundle(spec);
    rmSync(dep);
    expect(freshBundle(spec)).toBeNull();
    await expect(cachedBundle(spec)).rejects.toThrow(/dep\.ts/);
    write(dep, "export const value = 'four' +;\n");
    await expect(cachedBundle(spec)).rejects.toThrow();
    write(dep, "export const value = 'four';\n");
    const fixed = await cachedBundle(spec);
    expect(fixed).not.toBe(good);
    expect((await load(fixed)).value).toBe('four');
  });
});
