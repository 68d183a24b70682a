/**
 * Same-run A/B of the IGV fleet against another commit: `npx tsx bench/fleet-ab.ts [--against main]
 * [--pairs 7] [--days 5]`. The commit's tree is extracted (git archive) beside this checkout's
 * node_modules, bench/fleet-days.ts is bundled against it and against this checkout, and the two
 * bundles run in alternating processes (base, new, then new, base...), each for `days` simulated
 * days: day 1 is the cold day, days 3 and later the warm ones (day 2 still compiles). Prints
 * the medians and the ratio per pair (base / new: > 1 is faster) of the main thread's CPU, the
 * process's CPU and the wall time, and checks that every traceHash agrees. Nothing is written to
 * bench/results.json: this compares code, the bench suites measure it.
 * On a shared machine only the ratios of one run mean anything; quote the load with them.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import type { FleetDay } from './fleet-days.ts';
import { median } from './results.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const { values } = parseArgs({ options: { against: { type: 'string', default: 'main' }, pairs: { type: 'string', default: '7' }, days: { type: 'string', default: '5' } } });
const pairs = Number(values.pairs);
const days = Number(values.days);
function fail(message: string): never {
  process.stderr.write(`fleet-ab: ${message}\n`);
  process.exit(2);
}
if (!(Number.isInteger(pairs) && pairs >= 1)) fail(`--pairs: expected a whole number ≥ 1, got '${values.pairs}'`);
if (!(Number.isInteger(days) && days >= 3)) fail(`--days: expected a whole number ≥ 3 (a cold day, a second day, warm days), got '${values.days}'`);
const rev = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${values.against}^{commit}`], { cwd: root, encoding: 'utf8' });
if (rev.status !== 0) fail(`--against: '${values.against}' names no commit of this repository`);
const sha = rev.stdout.trim();

const work = mkdtempSync(join(tmpdir(), 'fleet-ab-'));
try {
  // The base tree, with this checkout's packages (the bundles leave them external).
  const base = join(work, 'base');
  mkdirSync(base);
  const tar = spawnSync('sh', ['-c', `git archive ${sha} | tar -x -C '${base}'`], { cwd: root, encoding: 'utf8' });
  if (tar.status !== 0) fail(`could not extract ${sha}: ${tar.stderr}`);
  symlinkSync(join(root, 'node_modules'), join(base, 'node_modules'));
  // The base may predate fleet-days.ts: bundle this one's copy inside the base tree.
  cpSync(join(here, 'fleet-days.ts'), join(base, 'bench', 'fleet-days.ts'));
  const outDir = join(here, '.build');
  mkdirSync(outDir, { recursive: true });
  const bundles = { base: join(outDir, 'fleet-days-base.mjs'), new: join(outDir, 'fleet-days-new.mjs') };
  const opts = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' } as const;
  await build({ ...opts, entryPoints: [join(base, 'bench', 'fleet-days.ts')], outfile: bundles.base });
  await build({ ...opts, entryPoints: [join(here, 'fleet-days.ts')], outfile: bundles.new });
  if (!existsSync(bundles.base) || !existsSync(bundles.new)) fail('the bundles were not written');

  const runs: Record<'base' | 'new', FleetDay[][]> = { base: [], new: [] };
  const loads: number[] = [];
  for (let i = 0; i < pairs; i++) {
    for (const side of i % 2 === 0 ? (['base', 'new'] as const) : (['new', 'base'] as const)) {
      loads.push(loadavg()[0]!);
      // Run from this checkout: the scenario path is relative, and both trees' presets are read alike.
      const r = spawnSync(process.execPath, [bundles[side], String(days)], { cwd: root, encoding: 'utf8', maxBuffer: 16 << 20 });
      if (r.status !== 0) fail(`${side} run failed (exit ${r.status}):\n${r.stderr}`);
      runs[side].push(JSON.parse(r.stdout.trim().split('\n').pop()!) as FleetDay[]);
      const d = runs[side].at(-1)!;
      process.stderr.write(`  pair ${i + 1} ${side}: cold ${Math.round(d[0]!.mainMs)} ms main thread, warm ${Math.round(median(d.slice(2).map((x) => x.mainMs)))} ms\n`);
    }
  }
  const hashes = (side: 'base' | 'new'): string[] => runs[side].map((r) => r.map((d) => d.traceHash).join(','));
  const same = new Set([...hashes('base'), ...hashes('new')]).size === 1;
  console.log(`fleet A/B: ${values.against} (${sha.slice(0, 8)}) against this checkout, ${pairs} pairs × ${days} days, load average ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}; traceHashes ${same ? 'identical' : 'DIFFER'}`);
  const cold = (r: FleetDay[], f: keyof Omit<FleetDay, 'traceHash'>): number => r[0]![f];
  const warm = (r: FleetDay[], f: keyof Omit<FleetDay, 'traceHash'>): number => median(r.slice(2).map((d) => d[f]));
  for (const [label, pick] of [['cold day', cold], ['warm day', warm]] as const) {
    for (const f of ['mainMs', 'cpuMs', 'wallMs'] as const) {
      const b = runs.base.map((r) => pick(r, f));
      const n = runs.new.map((r) => pick(r, f));
      const ratios = b.map((x, i) => x / n[i]!);
      console.log(`  ${label} ${f.padEnd(6)} base ${Math.round(median(b))} ms, new ${Math.round(median(n))} ms; base/new per pair ${ratios.map((x) => x.toFixed(2)).join(' ')}, median ${median(ratios).toFixed(3)}`);
    }
  }
  if (!same) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
