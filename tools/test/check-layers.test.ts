import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile, checkRepository, importsOf, stripCommentsAndStrings } from '../check-layers.ts';

const root = resolve(import.meta.dirname, '..', '..');
const at = (p: string): string => join(root, p);
const messages = (p: string, src: string): string[] => checkFile(root, at(p), src).map((v) => `${v.line}: ${v.message}`);

describe('dependency direction check', () => {
  it('passes on this repository', () => {
    expect(checkRepository(root)).toEqual([]);
  });

  it('refuses sim-core importing anything outside itself', () => {
    expect(messages('sim-core/src/a.ts', "import { x } from '../../server/cli/main.ts';")).toEqual([
      "1: sim-core imports '../../server/cli/main.ts', which is outside sim-core/",
      "1: sim-core/ imports '../../server/cli/main.ts': nothing outside server/ may import server/",
    ]);
    expect(messages('sim-core/src/a.ts', "\nimport { z } from 'zod';")).toEqual(["2: sim-core imports 'zod': sim-core may import nothing outside itself"]);
    expect(messages('sim-core/src/a.ts', "import { readFileSync } from 'node:fs';")).toHaveLength(1);
    expect(messages('sim-core/src/a.ts', "export * from '../../scenarios/x.ts';")).toHaveLength(1);
    expect(messages('sim-core/src/a.ts', "const m = await import('../../viewer/x.ts');")).toHaveLength(2);
    expect(messages('sim-core/src/a.ts', "import type { T } from './kernel/event.ts';")).toEqual([]);
  });

  it('lets sim-core tests use vitest and fast-check, and nothing else from outside', () => {
    expect(messages('sim-core/test/a.test.ts', "import { it } from 'vitest';\nimport fc from 'fast-check';")).toEqual([]);
    expect(messages('sim-core/test/a.test.ts', "import { z } from 'zod';")).toHaveLength(1);
  });

  it('refuses host APIs and nondeterminism in sim-core code, but not in comments or strings', () => {
    const bad = ['const u = Math.random();', 'const t = Date.now();', 'new Date()', 'setTimeout(f, 1)', 'performance.now()', 'process.exit(1)', 'globalThis.fetch', 'x.toLocaleString()', 'import.meta.url'];
    for (const line of bad) expect(messages('sim-core/src/a.ts', line), line).toHaveLength(1);
    const fine = ['// Math.random is banned', "const s = 'Date.now()';", 'env.process(body)', 'req.process?.interrupt()', '/* setTimeout */', 'const updated = 1;'];
    for (const line of fine) expect(messages('sim-core/src/a.ts', line), line).toEqual([]);
    // Tests may use them (e.g. to time nothing, or to seed fast-check).
    expect(messages('sim-core/test/a.test.ts', 'const u = Math.random();')).toEqual([]);
  });

  it('refuses anything outside server/ or viewer/ importing them', () => {
    expect(messages('scenarios/a.ts', "import { main } from '../server/cli/main.ts';")).toEqual([
      "1: scenarios imports '../server/cli/main.ts': scenarios may import only sim-core and itself",
      "1: scenarios/ imports '../server/cli/main.ts': nothing outside server/ may import server/",
    ]);
    expect(messages('bench/a.ts', "import { App } from '../viewer/src/App.tsx';")).toHaveLength(1);
    expect(messages('server/a.ts', "import { Environment } from '../sim-core/src/index.ts';")).toEqual([]);
    expect(messages('server/cli/a.ts', "import { x } from '../b.ts';")).toEqual([]);
  });

  it('finds every import form and strips comments without moving lines', () => {
    const src = "import a from 'a';\nexport { b } from 'b';\n// import c from 'c';\nconst d = await import('d');\nimport 'e';\nimport type { F } from 'f';";
    expect(importsOf(src)).toEqual([
      { spec: 'a', line: 1 },
      { spec: 'b', line: 2 },
      { spec: 'd', line: 4 },
      { spec: 'e', line: 5 },
      { spec: 'f', line: 6 },
    ]);
    expect(stripCommentsAndStrings("a /* x\ny */ b // c\n'd\\'e' `f`").split('\n')).toEqual(['a ', ' b ', "'' ``"]);
  });
});
