/**
 * Enforces the dependency direction of DESIGN.md and the purity of sim-core:
 * - sim-core imports nothing outside itself (its tests may also use vitest and fast-check), and
 *   its code never touches Math.random, Date, timers, performance, process, or other host APIs;
 * - scenarios imports only sim-core, itself and npm packages;
 * - nothing outside server/ imports server/, nothing outside viewer/ imports viewer/.
 * Run by `npm test` (`npm run check:layers`); exits 1 and lists every violation with file:line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export interface Violation {
  file: string;
  line: number;
  message: string;
}

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', 'out', 'schema']);
const FOLDERS = ['sim-core', 'scenarios', 'server', 'viewer', 'tools', 'bench', 'examples'];

/** Host APIs and nondeterminism sources forbidden in sim-core code, with the reason given. */
const FORBIDDEN_GLOBALS: ReadonlyArray<[RegExp, string]> = [
  [/\bMath\s*\.\s*random\b/, 'Math.random (use a named stream of RandomStreams)'],
  [/(?<![.\w$])Date\b/, 'Date (simulated time is env.now)'],
  [/(?<![.\w$])(setTimeout|setInterval|setImmediate|clearTimeout|clearInterval|clearImmediate|queueMicrotask)\b/, 'timers'],
  [/(?<![.\w$])performance\b/, 'performance (wall-clock time belongs to server/ and viewer/)'],
  [/(?<![.\w$])process\s*\./, 'process (a Node API)'],
  [/(?<![.\w$])(globalThis|window|document|navigator|self)\s*[.[]/, 'host globals'],
  [/(?<![.\w$])(require|fetch|Buffer|Intl)\b\s*[.(]/, 'host APIs (require, fetch, Buffer, Intl)'],
  [/\.\s*toLocale\w*String\s*\(/, 'locale-dependent formatting'],
  [/\bimport\s*\.\s*meta\b/, 'import.meta'],
];

/** Removes comments and the contents of string and template literals, keeping line breaks. */
export function stripCommentsAndStrings(src: string): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    const n = src[i + 1];
    if (c === '/' && n === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '/' && n === '*') {
      i += 2;
      while (i < src.length && !(src[i] === '*' && src[i + 1] === '/')) {
        if (src[i] === '\n') out += '\n';
        i++;
      }
      i += 2;
    } else if (c === '"' || c === "'" || c === '`') {
      out += c;
      i++;
      while (i < src.length && src[i] !== c) {
        if (src[i] === '\\') i++;
        else if (src[i] === '\n') out += '\n';
        i++;
      }
      out += c;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Every module specifier in a file (static, dynamic, re-export, require), with its line number. */
export function importsOf(src: string): Array<{ spec: string; line: number }> {
  // The TypeScript scanner, not a regex: strings and comments that merely mention imports do not count.
  const info = ts.preProcessFile(src, true, true);
  return info.importedFiles.map((f) => ({ spec: f.fileName, line: src.slice(0, f.pos).split('\n').length }));
}

function topFolder(root: string, file: string): string {
  return relative(root, file).split(sep)[0] ?? '';
}

function isTestFile(root: string, file: string): boolean {
  const rel = relative(root, file).split(sep);
  return rel.includes('test') || /\.(test|spec)\.[cm]?[jt]sx?$/.test(file);
}

/** Checks one file; `root` is the repository root. */
export function checkFile(root: string, file: string, src: string): Violation[] {
  const v: Violation[] = [];
  const rel = relative(root, file);
  const folder = topFolder(root, file);
  const testFile = isTestFile(root, file);
  for (const { spec, line } of importsOf(src)) {
    const relative_ = spec.startsWith('.') || spec.startsWith('/');
    const target = relative_ ? resolve(dirname(file), spec) : null;
    const targetFolder = target === null ? null : topFolder(root, target);
    if (folder === 'sim-core') {
      const allowedPackage = testFile && /^(vitest|fast-check)(\/|$)/.test(spec);
      if (target === null && !allowedPackage) {
        v.push({ file: rel, line, message: `sim-core imports '${spec}': sim-core may import nothing outside itself${testFile ? ' (tests: vitest, fast-check)' : ''}` });
      } else if (target !== null && targetFolder !== 'sim-core') {
        v.push({ file: rel, line, message: `sim-core imports '${spec}', which is outside sim-core/` });
      }
    } else if (folder === 'scenarios' && targetFolder !== null && targetFolder !== 'scenarios' && targetFolder !== 'sim-core') {
      v.push({ file: rel, line, message: `scenarios imports '${spec}': scenarios may import only sim-core and itself` });
    }
    if (targetFolder === 'server' && folder !== 'server') {
      v.push({ file: rel, line, message: `${folder}/ imports '${spec}': nothing outside server/ may import server/` });
    }
    if (targetFolder === 'viewer' && folder !== 'viewer') {
      v.push({ file: rel, line, message: `${folder}/ imports '${spec}': nothing outside viewer/ may import viewer/` });
    }
  }
  if (folder === 'sim-core' && !testFile) {
    const lines = stripCommentsAndStrings(src).split('\n');
    lines.forEach((text, i) => {
      for (const [re, what] of FORBIDDEN_GLOBALS) {
        if (re.test(text)) v.push({ file: rel, line: i + 1, message: `sim-core uses ${what}: the engine must stay pure and deterministic` });
      }
    });
  }
  return v;
}

function walk(dir: string, out: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries.sort()) {
    if (SKIP_DIRS.has(name) || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (SOURCE.test(name)) out.push(p);
  }
}

/** Checks every source file of the repository at `root`. */
export function checkRepository(root: string): Violation[] {
  const files: string[] = [];
  for (const f of FOLDERS) walk(join(root, f), files);
  for (const top of ['vite.config.ts']) {
    try {
      if (statSync(join(root, top)).isFile()) files.push(join(root, top));
    } catch {
      // optional file
    }
  }
  return files.flatMap((f) => checkFile(root, f, readFileSync(f, 'utf8')));
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const violations = checkRepository(root);
  if (violations.length > 0) {
    for (const x of violations) console.error(`${x.file}:${x.line}: ${x.message}`);
    console.error(`check-layers: ${violations.length} violation(s) of the dependency rules (DESIGN.md)`);
    process.exit(1);
  }
  console.log('check-layers: dependency direction and sim-core purity OK');
}
